import { kubectl, type KubeTarget } from '../../../src/lib/kubectl.js';
import type { Item, KubeObject } from './model.js';

/**
 * Live mode: the named Deployments and every related object of their namespace, read with
 * `kubectl get -o json` in one call for the kinds the cluster serves (`kubectl
 * api-resources`). A kind the credentials may not list (403) or the cluster does not
 * serve is recorded as unavailable, never as "none".
 */
export interface LiveKind {
  kind: string;
  /** kubectl's fully qualified resource name. */
  resource: string;
  clusterScoped?: boolean;
  /** Read metadata only (Secrets: their values never leave kubectl). */
  metadataOnly?: boolean;
}

export const LIVE_KINDS: readonly LiveKind[] = [
  { kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets.policy' },
  { kind: 'NetworkPolicy', resource: 'networkpolicies.networking.k8s.io' },
  { kind: 'Service', resource: 'services' },
  { kind: 'Ingress', resource: 'ingresses.networking.k8s.io' },
  { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers.autoscaling' },
  { kind: 'ResourceQuota', resource: 'resourcequotas' },
  { kind: 'LimitRange', resource: 'limitranges' },
  { kind: 'ServiceAccount', resource: 'serviceaccounts' },
  { kind: 'ServiceMonitor', resource: 'servicemonitors.monitoring.coreos.com' },
  { kind: 'PodMonitor', resource: 'podmonitors.monitoring.coreos.com' },
  { kind: 'Certificate', resource: 'certificates.cert-manager.io' },
  { kind: 'SealedSecret', resource: 'sealedsecrets.bitnami.com' },
  { kind: 'Secret', resource: 'secrets', metadataOnly: true },
  { kind: 'Policy', resource: 'policies.kyverno.io' },
  { kind: 'ClusterPolicy', resource: 'clusterpolicies.kyverno.io', clusterScoped: true },
  { kind: 'ClusterImagePolicy', resource: 'clusterimagepolicies.policy.sigstore.dev', clusterScoped: true },
];

export interface LiveRead {
  deployments: Item[];
  items: Item[];
  unavailable: Map<string, string>;
}

/** Why a read failed, when it is "may not" or "does not exist" rather than a broken connection. */
export function unavailableReason(stderr: string): string | undefined {
  const last = stderr.trim().split('\n').filter(Boolean).pop() ?? '';
  if (/\(Forbidden\)|is forbidden|forbidden:/i.test(stderr)) return `forbidden: ${last.replace(/^Error from server \(Forbidden\): /, '')}`;
  if (/doesn't have a resource type|the server could not find the requested resource|no matches for kind/i.test(stderr)) return 'not served by this cluster';
  return undefined;
}

function parseMetadataLines(stdout: string, kind: string): KubeObject[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ apiVersion: 'v1', kind, metadata: JSON.parse(l) as KubeObject['metadata'] }));
}

/** kinds by kubectl resource name (plural.group), deployments included. */
const BY_RESOURCE = new Map<string, LiveKind>([...LIVE_KINDS, { kind: 'Deployment', resource: 'deployments.apps' }].map((k) => [k.resource, k]));

/**
 * Kinds a multi-resource `kubectl get` could not list: kubectl goes on with the others and
 * prints one `Error from server (Forbidden): <resource> is forbidden: ...` line each.
 */
export function forbiddenResources(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const m = /^Error from server \(Forbidden\): ([a-z0-9.-]+) is forbidden: (.*)$/.exec(line.trim());
    if (m?.[1]) out.set(m[1], `forbidden: ${m[1]} is forbidden: ${m[2] ?? ''}`.trim());
  }
  return out;
}

export async function readLive(target: KubeTarget, namespace: string, names: string[]): Promise<LiveRead> {
  const unavailable = new Map<string, string>();
  const run = (args: string[]) => kubectl(target, args, { allowFailure: true, timeoutMs: 120_000 });
  const failure = (args: string[], r: { exitCode: number; stderr: string; stdout: string }): Error => new Error(`kubectl ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);

  // What the cluster serves, in one request set (kubectl prints what it could discover even
  // when an aggregated API is down, and exits 1).
  const discoveryArgs = ['api-resources', '--output', 'name'];
  const namespaceArgs = ['get', 'namespace', namespace, '--output', 'json'];
  const secretsArgs = ['get', 'secrets', '--namespace', namespace, '--output', 'jsonpath={range .items[*]}{.metadata}{"\\n"}{end}'];
  const [discovery, ns, secrets] = await Promise.all([run(discoveryArgs), run(namespaceArgs), run(secretsArgs)]);
  const served = new Set(discovery.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
  if (served.size === 0) throw failure(discoveryArgs, discovery);

  if (ns.exitCode !== 0) {
    const reason = unavailableReason(ns.stderr);
    if (/NotFound|not found/.test(ns.stderr)) throw new Error(`namespace ${namespace} does not exist in the cluster (input 'namespace')`);
    if (reason === undefined) throw failure(namespaceArgs, ns);
    unavailable.set('Namespace', reason);
  }
  if (secrets.exitCode !== 0) {
    const reason = unavailableReason(secrets.stderr);
    if (reason === undefined) throw failure(secretsArgs, secrets);
    unavailable.set('Secret', reason);
  }

  const wanted = [{ kind: 'Deployment', resource: 'deployments.apps' }, ...LIVE_KINDS.filter((k) => !k.metadataOnly)];
  for (const k of wanted) if (!served.has(k.resource)) unavailable.set(k.kind, 'not served by this cluster');
  // managedFields (hidden by kubectl by default) tell what a server-side apply wrote.
  const listArgs = ['get', wanted.filter((k) => served.has(k.resource)).map((k) => k.resource).join(','), '--namespace', namespace, '--output', 'json', '--show-managed-fields'];
  const listed = await run(listArgs);
  if (listed.exitCode !== 0) {
    const forbidden = forbiddenResources(listed.stderr);
    const otherErrors = listed.stderr.split('\n').filter((l) => l.trim() !== '' && !/^Error from server \(Forbidden\)/.test(l.trim()));
    if (forbidden.size === 0 || otherErrors.length > 0) throw failure(listArgs, listed);
    for (const [resource, reason] of forbidden) unavailable.set(BY_RESOURCE.get(resource)?.kind ?? resource, reason);
  }
  if (unavailable.has('Deployment')) throw new Error(`the Deployments of namespace ${namespace} cannot be read: ${unavailable.get('Deployment')}`);

  let objects: KubeObject[] = [];
  if (listed.stdout.trim() !== '') {
    try {
      const parsed = JSON.parse(listed.stdout) as { items?: unknown };
      objects = (Array.isArray(parsed.items) ? parsed.items : []).filter((o): o is KubeObject => typeof o === 'object' && o !== null);
    } catch {
      throw new Error(`kubectl get printed something that is not JSON (${listed.stdout.length} bytes)`);
    }
  }
  const clusterScoped = new Set(LIVE_KINDS.filter((k) => k.clusterScoped).map((k) => k.kind));
  const all = objects.filter((o) => o.kind === 'Deployment');
  const deployments: Item[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const d = all.find((o) => o.metadata?.name === name);
    if (d) deployments.push({ object: d, namespace });
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`Deployment ${missing.join(', ')} not found in namespace ${namespace} (input 'deployments'); it has ${all.map((o) => o.metadata?.name).join(', ') || 'no Deployments'}`);
  const items: Item[] = objects.filter((o) => o.kind !== 'Deployment').map((object) => ({ object, namespace: clusterScoped.has(object.kind ?? '') ? undefined : namespace }));
  if (secrets.exitCode === 0) items.push(...parseMetadataLines(secrets.stdout, 'Secret').map((object) => ({ object, namespace })));
  if (ns.exitCode === 0) items.push({ object: { ...(JSON.parse(ns.stdout) as KubeObject), kind: 'Namespace' }, namespace: undefined });
  return { deployments, items, unavailable };
}
