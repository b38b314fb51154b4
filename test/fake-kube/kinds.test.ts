import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { stringify } from 'yaml';
import { startCluster } from '../harness/kube.mjs';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let c: Cluster;

beforeAll(async () => {
  c = await startCluster({ timeScale: 0.1 });
});
afterAll(async () => {
  await c?.sim.stop();
});

describe('kinds preflight reads, through the real kubectl', () => {
  const objects: Array<[string, { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: unknown }]> = [
    ['poddisruptionbudgets.policy', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x', namespace: 'kinds' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'x' } } } }],
    ['networkpolicies.networking.k8s.io', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'x', namespace: 'kinds' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
    ['ingresses.networking.k8s.io', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', namespace: 'kinds' }, spec: { rules: [{ host: 'a.example.com' }] } }],
    ['horizontalpodautoscalers.autoscaling', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x', namespace: 'kinds' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, minReplicas: 2, maxReplicas: 4 } }],
    ['resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'x', namespace: 'kinds' }, spec: { hard: { pods: '10' } } }],
    ['limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'x', namespace: 'kinds' }, spec: { limits: [{ type: 'Container', default: { memory: '1Gi' } }] } }],
    ['servicemonitors.monitoring.coreos.com', { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'x', namespace: 'kinds' }, spec: { selector: {}, endpoints: [{ port: 'metrics' }] } }],
    ['podmonitors.monitoring.coreos.com', { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'x', namespace: 'kinds' }, spec: { selector: {}, podMetricsEndpoints: [{ port: 'metrics' }] } }],
    ['certificates.cert-manager.io', { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x', namespace: 'kinds' }, spec: { secretName: 'x-tls', dnsNames: ['a.example.com'], issuerRef: { name: 'le', kind: 'ClusterIssuer' } } }],
    ['policies.kyverno.io', { apiVersion: 'kyverno.io/v1', kind: 'Policy', metadata: { name: 'x', namespace: 'kinds' }, spec: { rules: [] } }],
    ['clusterpolicies.kyverno.io', { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'x' }, spec: { rules: [] } }],
    ['clusterimagepolicies.policy.sigstore.dev', { apiVersion: 'policy.sigstore.dev/v1beta1', kind: 'ClusterImagePolicy', metadata: { name: 'x' }, spec: { images: [{ glob: 'ghcr.io/**' }] } }],
  ];

  test('kubectl apply of every kind, then kubectl get -o json of each gives the objects back', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = `${c.kubeconfig}.kinds.yaml`;
    writeFileSync(file, objects.map(([, o]) => stringify(o)).join('---\n'));
    await c.kubectl('create', 'namespace', 'kinds');
    await c.kubectl('apply', '-f', file);
    const namespaced = objects.filter(([, o]) => o.metadata.namespace !== undefined);
    const cluster = objects.filter(([, o]) => o.metadata.namespace === undefined);
    const got = JSON.parse(await c.kubectl('get', namespaced.map(([r]) => r).join(','), '-n', 'kinds', '-o', 'json')) as { items: Array<{ kind: string; metadata: { name: string }; spec: unknown }> };
    const gotCluster = JSON.parse(await c.kubectl('get', cluster.map(([r]) => r).join(','), '-o', 'json')) as typeof got;
    const all = [...got.items, ...gotCluster.items];
    for (const [, o] of objects) expect(all.find((i) => i.kind === o.kind && i.metadata.name === o.metadata.name)?.spec).toEqual(o.spec);
    expect(all).toHaveLength(objects.length);
  });

  test('a forbidden resource answers 403 as the RBAC authorizer words it; other kinds and other namespaces still answer', async () => {
    await c.admin('POST', '/_sim/forbidden', { resource: 'networkpolicies.networking.k8s.io', verbs: ['list'], namespace: 'kinds' });
    try {
      await expect(c.kubectl('get', 'networkpolicies.networking.k8s.io', '-n', 'kinds', '-o', 'json')).rejects.toMatchObject({
        stderr: expect.stringContaining('Error from server (Forbidden): networkpolicies.networking.k8s.io is forbidden: User "fake-kube" cannot list resource "networkpolicies" in API group "networking.k8s.io" in the namespace "kinds"'),
      });
      await expect(c.kubectl('get', 'networkpolicies.networking.k8s.io', '-n', 'default', '-o', 'name')).resolves.toBe('');
      await expect(c.kubectl('get', 'resourcequotas', '-n', 'kinds', '-o', 'name')).resolves.toContain('resourcequota/x');
    } finally {
      await c.admin('DELETE', '/_sim/forbidden');
    }
    await expect(c.kubectl('get', 'networkpolicies.networking.k8s.io', '-n', 'kinds', '-o', 'name')).resolves.toContain('networkpolicy.networking.k8s.io/x');
  });
});
