/**
 * The simulated API server driven by the real kubectl: a Deployment's life through
 * `rollout status`, `set image`, a broken image, `rollout undo --to-revision`,
 * `annotate`, `rollout pause/resume`, and injected API faults.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeKube, type Condition, type Deployment, type FakeKube, type KubeObject, type Pod, type ReplicaSet } from './server.mjs';

const NS = 'shop';
const GOOD_1 = 'registry.example/shop/web:1.0.0';
const GOOD_2 = 'registry.example/shop/web:1.1.0';
const GOOD_3 = 'registry.example/shop/web:1.2.0';
const BROKEN = 'registry.example/shop/web:broken';

let kube: FakeKube;
let dir: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kubectl(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('kubectl', ['-n', NS, ...args], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function kubectlJson<T>(...args: string[]): Promise<T> {
  const r = await kubectl(...args, '-o', 'json');
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const getDeployment = (): Promise<Deployment> => kubectlJson<Deployment>('get', 'deployment', 'web');
const getPods = (): Promise<{ items: Pod[] }> => kubectlJson<{ items: Pod[] }>('get', 'pods', '-l', 'app=web');
const condition = (d: Deployment, type: string): Condition | undefined => d.status?.conditions?.find((c) => c.type === type);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const replicaSets = (): ReplicaSet[] => kube.state.list<ReplicaSet>('replicasets', NS).filter((rs) => rs.metadata.name.startsWith('web-'));
const revisionOf = (o: KubeObject | undefined): string | undefined => o?.metadata.annotations?.['deployment.kubernetes.io/revision'];
const rsWithImage = (image: string): ReplicaSet | undefined => replicaSets().find((rs) => rs.spec.template.spec.containers[0]?.image === image);

function deploymentManifest(): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS, labels: { app: 'web' } },
    spec: {
      replicas: 2,
      progressDeadlineSeconds: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: GOOD_1 }] } },
    },
  });
}

beforeAll(async () => {
  // timeScale 0.5: pods are ready after 100 ms and a 3 s progress deadline passes in 1.5 s.
  kube = await startFakeKube({ timeScale: 0.5, tickMs: 25 });
  dir = mkdtempSync(path.join(tmpdir(), 'fake-kube-test-'));
  env = { ...process.env, KUBECONFIG: kube.writeKubeconfig(path.join(dir, 'kubeconfig')), KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir };
  kube.state.setImages({ [BROKEN]: { behavior: 'ImagePullBackOff' } });
});

afterAll(async () => {
  await kube?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a deployment driven by the real kubectl', () => {
  it('creates the namespace (protobuf body) and the deployment (JSON), and rollout status succeeds', async () => {
    expect((await kubectl('create', 'namespace', NS)).code).toBe(0);
    writeFileSync(path.join(dir, 'web.json'), deploymentManifest());
    const created = await kubectl('create', '-f', path.join(dir, 'web.json'));
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('deployment.apps/web created');

    const status = await kubectl('rollout', 'status', 'deployment/web', '--timeout=20s');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('deployment "web" successfully rolled out');

    const d = await getDeployment();
    expect(revisionOf(d)).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const rs = replicaSets();
    expect(rs).toHaveLength(1);
    const hash = rs[0]?.metadata.labels?.['pod-template-hash'];
    expect(rs[0]?.metadata.name).toBe(`web-${hash}`);
    expect(rs[0]?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true })]);
    const pods = await getPods();
    expect(pods.items).toHaveLength(2);
    for (const p of pods.items) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
      expect(p.status?.containerStatuses?.[0]).toMatchObject({ ready: true, image: GOOD_1, state: { running: expect.any(Object) } });
    }
  });

  it('set image to a good image rolls out revision 2 with a strategic merge patch', async () => {
    await fetch(`${kube.url}/_sim/requests`, { method: 'DELETE' });
    const r = await kubectl('set', 'image', 'deployment/web', `app=${GOOD_2}`);
    expect(r.stdout.trim()).toBe('deployment.apps/web image updated');
    const patch = kube.state.requests.find((q) => q.method === 'PATCH');
    expect(patch).toMatchObject({ path: `/apis/apps/v1/namespaces/${NS}/deployments/web`, contentType: 'application/strategic-merge-patch+json', status: 200 });
    expect(patch?.query).toContain('fieldManager=kubectl-set');

    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=20s')).code).toBe(0);
    const d = await getDeployment();
    expect(d.metadata.generation).toBe(2);
    expect(revisionOf(d)).toBe('2');
    expect(d.spec.template.spec.containers[0]?.image).toBe(GOOD_2);
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(revisionOf(rsWithImage(GOOD_2))).toBe('2');
    expect(rsWithImage(GOOD_1)?.spec.replicas).toBe(0);
  });

  it('annotate sends a merge patch, and the change-cause reaches the new ReplicaSet and rollout history', async () => {
    const r = await kubectl('annotate', 'deployment/web', 'kubernetes.io/change-cause=deploy 1.1.0');
    expect(r.code).toBe(0);
    const patch = kube.state.requests.filter((q) => q.method === 'PATCH').at(-1);
    expect(patch?.contentType).toBe('application/merge-patch+json');
    await waitFor('change-cause on the ReplicaSet', () => rsWithImage(GOOD_2)?.metadata.annotations?.['kubernetes.io/change-cause'] === 'deploy 1.1.0');
    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(history.stdout).toMatch(/^2\s+deploy 1\.1\.0$/m);
  });

  it('a broken image leaves the old pods serving, shows ImagePullBackOff and exceeds the progress deadline', async () => {
    await kubectl('set', 'image', 'deployment/web', `app=${BROKEN}`);
    await kubectl('annotate', 'deployment/web', '--overwrite', 'kubernetes.io/change-cause=deploy broken');
    const waiting = await waitFor('ImagePullBackOff', async () => {
      const pods = await getPods();
      const bad = pods.items.find((p) => p.spec.containers[0]?.image === BROKEN);
      const w = bad?.status?.containerStatuses?.[0]?.state?.waiting;
      return w?.reason === 'ImagePullBackOff' ? w : undefined;
    });
    expect(waiting.message).toBe(`Back-off pulling image "${BROKEN}"`);

    const status = await kubectl('rollout', 'status', 'deployment/web', '--timeout=20s');
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('error: deployment "web" exceeded its progress deadline');

    const d = await getDeployment();
    expect(revisionOf(d)).toBe('3');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1 });
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(rsWithImage(GOOD_2)?.status?.readyReplicas).toBe(2);

    const events = await kubectlJson<{ items: { message: string }[] }>('get', 'events', '--field-selector', 'reason=Failed');
    expect(events.items.map((e) => e.message)).toEqual(expect.arrayContaining(['Error: ImagePullBackOff']));
  });

  it('rollout undo --to-revision=2 reuses that ReplicaSet as revision 4 and becomes healthy', async () => {
    const before = rsWithImage(GOOD_2);
    const r = await kubectl('rollout', 'undo', 'deployment/web', '--to-revision=2');
    expect(r.stdout.trim()).toBe('deployment.apps/web rolled back');
    const undo = kube.state.requests.filter((q) => q.method === 'PATCH').at(-1);
    expect(undo?.contentType).toBe('application/json-patch+json');

    const d = await waitFor('the rollback to complete', async () => {
      const dep = await getDeployment();
      return condition(dep, 'Progressing')?.reason === 'NewReplicaSetAvailable' && dep.status?.observedGeneration === dep.metadata.generation ? dep : undefined;
    });
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=20s')).code).toBe(0);
    expect(d.spec.template.spec.containers[0]?.image).toBe(GOOD_2);
    expect(revisionOf(d)).toBe('4');
    expect(d.metadata.annotations?.['kubernetes.io/change-cause']).toBe('deploy 1.1.0');
    const reused = rsWithImage(GOOD_2);
    expect(reused?.metadata.uid).toBe(before?.metadata.uid);
    expect(revisionOf(reused)).toBe('4');
    expect(reused?.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('2');
    expect(replicaSets()).toHaveLength(3);
    expect(rsWithImage(BROKEN)?.spec.replicas).toBe(0);

    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(history.stdout.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['1', '3', '4']);
  });

  it('rollout pause sets spec.paused and holds a template change; resume rolls it out', async () => {
    expect((await kubectl('rollout', 'pause', 'deployment/web')).code).toBe(0);
    const paused = await waitFor('DeploymentPaused', async () => {
      const dep = await getDeployment();
      return condition(dep, 'Progressing')?.reason === 'DeploymentPaused' ? dep : undefined;
    });
    expect(paused.spec.paused).toBe(true);
    await kubectl('set', 'image', 'deployment/web', `app=${GOOD_3}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(replicaSets()).toHaveLength(3);
    expect(revisionOf(kube.state.get('deployments', NS, 'web'))).toBe('4');

    expect((await kubectl('rollout', 'resume', 'deployment/web')).code).toBe(0);
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=20s')).code).toBe(0);
    const d = kube.state.get<Deployment>('deployments', NS, 'web');
    expect(d?.spec.paused).toBeUndefined();
    expect(revisionOf(d)).toBe('5');
  });

  it('injected 500s reach kubectl, count down, and show in the request log', async () => {
    kube.state.addFaults({ method: 'PATCH', path: '/deployments/web$', status: 500, count: 1, message: 'etcdserver: leader changed' });
    const failed = await kubectl('set', 'image', 'deployment/web', `app=${GOOD_2}`);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('etcdserver: leader changed');
    expect(kube.state.requests.filter((q) => q.method === 'PATCH').at(-1)?.status).toBe(500);
    const retried = await kubectl('set', 'image', 'deployment/web', `app=${GOOD_2}`);
    expect(retried.code).toBe(0);

    const res = await fetch(`${kube.url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ method: 'GET', path: '/deployments/web$', status: 503, count: 1 }) });
    expect(res.status).toBe(200);
    const unavailable = await kubectl('get', 'deployment', 'web');
    expect(unavailable.stderr).toContain('Error from server (ServiceUnavailable)');
  });

  it('reads leave no PATCH in the request log, and errors are Status objects kubectl prints', async () => {
    await fetch(`${kube.url}/_sim/requests`, { method: 'DELETE' });
    await getDeployment();
    const missing = await kubectl('get', 'deployment', 'nope');
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    const log = (await (await fetch(`${kube.url}/_sim/requests`)).json()) as Array<{ method: string }>;
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((q) => q.method !== 'GET')).toEqual([]);

    const again = await kubectl('create', '-f', path.join(dir, 'web.json'));
    expect(again.stderr).toContain('deployments.apps "web" already exists');
  });
});
