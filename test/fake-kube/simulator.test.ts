/**
 * The simulator's own contract: image behaviours as the kubelet reports them, the admin
 * endpoints, the patch formats and watch over plain HTTP, server-side apply of a
 * SealedSecret with the real kubectl, and the program mode the demo uses.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeKube, type ContainerStatus, type Deployment, type FakeKube, type KubeObject, type Pod } from './server.mjs';

let kube: FakeKube;
let dir: string;
let env: NodeJS.ProcessEnv;

function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { env, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

interface Status {
  kind: string;
  status: string;
  reason: string;
  code: number;
  message: string;
  details?: Record<string, unknown>;
}

async function api<T = Status>(method: string, urlPath: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: T }> {
  const res = await fetch(`${kube.url}${urlPath}`, {
    method,
    headers: { 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function deployment(name: string, image: string, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'sim' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
      ...extra,
    },
  };
}

const podOf = (app: string): Pod | undefined => kube.state.list<Pod>('pods', 'sim').find((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
const containerOf = (app: string): ContainerStatus | undefined => podOf(app)?.status?.containerStatuses?.[0];
/** The first container of the app's pod, once its state matches. */
const whenContainer = (app: string, test: (c: ContainerStatus) => boolean) => (): ContainerStatus | undefined => {
  const c = containerOf(app);
  return c && test(c) ? c : undefined;
};

beforeAll(async () => {
  // timeScale 0.05: the kubelet's 10 s back-off lasts 0.5 s, a crashing container runs 50 ms.
  kube = await startFakeKube({ timeScale: 0.05, tickMs: 20 });
  dir = mkdtempSync(path.join(tmpdir(), 'fake-kube-sim-'));
  env = { ...process.env, KUBECONFIG: kube.writeKubeconfig(path.join(dir, 'kubeconfig'), { namespace: 'sim' }), KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir };
});

afterAll(async () => {
  await kube?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('image behaviours', () => {
  beforeAll(async () => {
    const images = await api<unknown>('POST', '/_sim/images', {
      'img.example/crash:1': { behavior: 'CrashLoopBackOff' },
      'img.example/pull:*': { behavior: 'ErrImagePull' },
      'img.example/config:1': { behavior: 'CreateContainerConfigError', message: 'secret "db" not found' },
      'img.example/run:1': { behavior: 'RunContainerError' },
      'img.example/slow:1': { behavior: 'slow', readyAfterMs: 20000 },
    });
    expect(images.status).toBe(200);
    const created = await api<{ objects: unknown[] }>('POST', '/_sim/objects', {
      objects: [
        deployment('crash', 'img.example/crash:1'),
        deployment('pull', 'img.example/pull:v9'),
        deployment('config', 'img.example/config:1'),
        deployment('invalid', 'img.example/INVALID::x'),
        deployment('run', 'img.example/run:1'),
      ],
    });
    expect(created.status).toBe(200);
    expect(created.json.objects).toHaveLength(5);
    // The namespace was created on the way.
    expect(kube.state.get('namespaces', undefined, 'sim')).toBeDefined();
  });

  it('CrashLoopBackOff: Running, not ready, restartCount growing, last state exit code 1', async () => {
    const c = await waitFor('two restarts', whenContainer('crash', (x) => x.restartCount >= 2 && x.state.waiting !== undefined));
    expect(podOf('crash')?.status?.phase).toBe('Running');
    expect(c.ready).toBe(false);
    expect(c.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(c.state.waiting?.message).toMatch(/^back-off \d+s restarting failed container=main pod=crash-/);
    expect(c.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('ErrImagePull (matched by prefix) turns into ImagePullBackOff; the pod stays Pending', async () => {
    const first = await waitFor('ErrImagePull', whenContainer('pull', (x) => x.state.waiting?.reason === 'ErrImagePull'));
    expect(first.state.waiting?.message).toContain('failed to pull and unpack image "img.example/pull:v9"');
    const later = await waitFor('ImagePullBackOff', whenContainer('pull', (x) => x.state.waiting?.reason === 'ImagePullBackOff'));
    expect(later.state.waiting?.message).toBe('Back-off pulling image "img.example/pull:v9"');
    expect(podOf('pull')?.status?.phase).toBe('Pending');
  });

  it('config errors, invalid names and run errors carry the kubelet reasons and messages', async () => {
    const config = await waitFor('CreateContainerConfigError', whenContainer('config', (x) => x.state.waiting?.reason === 'CreateContainerConfigError'));
    expect(config.state.waiting?.message).toBe('secret "db" not found');
    const invalid = await waitFor('InvalidImageName', whenContainer('invalid', (x) => x.state.waiting?.reason === 'InvalidImageName'));
    expect(invalid.state.waiting?.message).toContain('invalid reference format');
    const run = await waitFor('RunContainerError', whenContainer('run', (x) => x.state.waiting?.reason === 'RunContainerError'));
    expect(run.lastState.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
  });

  it('slow images are Running but not ready until readyAfterMs (scaled)', async () => {
    kube.state.addObjects([deployment('slow', 'img.example/slow:1')]);
    const c = await waitFor('running', whenContainer('slow', (x) => x.state.running !== undefined));
    expect(c.ready).toBe(false);
    await waitFor('ready', whenContainer('slow', (x) => x.ready));
    const d = await waitFor('available', () => {
      const dep = kube.state.get<Deployment>('deployments', 'sim', 'slow');
      return dep?.status?.availableReplicas === 1 ? dep : undefined;
    });
    expect(d.status?.conditions?.map((x) => `${x.type}=${x.status}`).sort()).toEqual(['Available=True', 'Progressing=True']);
  });

  it('kubectl get prints server-side tables with the pod reasons', async () => {
    const r = await kubectl('get', 'pods', '-l', 'app in (crash,pull)');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(r.stdout).toMatch(/crash-\S+\s+0\/1\s+(CrashLoopBackOff|Error|Running)\s+\d+/);
    expect(r.stdout).toMatch(/pull-\S+\s+0\/1\s+(ImagePullBackOff|ErrImagePull)\s+0/);
  });
});

describe('API details over HTTP', () => {
  it('strategic merge patch merges containers by name and honours $patch: delete', async () => {
    await api('POST', '/_sim/objects', { objects: [deployment('multi', 'img.example/a:1', { template: { metadata: { labels: { app: 'multi' } }, spec: { containers: [{ name: 'a', image: 'img.example/a:1' }, { name: 'b', image: 'img.example/b:1', env: [{ name: 'X', value: '1' }] }] } } })] });
    const url = '/apis/apps/v1/namespaces/sim/deployments/multi';
    const patched = await api<Deployment>('PATCH', url, { spec: { template: { spec: { containers: [{ name: 'b', image: 'img.example/b:2', env: [{ name: 'Y', value: '2' }] }] } } } }, 'application/strategic-merge-patch+json');
    expect(patched.status).toBe(200);
    const containers = patched.json.spec.template.spec.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual(['a=img.example/a:1', 'b=img.example/b:2']);
    expect(containers[1]?.env).toEqual([{ name: 'X', value: '1' }, { name: 'Y', value: '2' }]);
    expect(patched.json.metadata.generation).toBe(2);

    const removed = await api<Deployment>('PATCH', url, { spec: { template: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } } } }, 'application/strategic-merge-patch+json');
    expect(removed.json.spec.template.spec.containers.map((c) => c.name)).toEqual(['b']);

    const merge = await api<Deployment>('PATCH', url, { metadata: { annotations: { team: 'web' } } }, 'application/merge-patch+json');
    expect(merge.json.metadata.generation).toBe(3);
    expect(merge.json.metadata.annotations?.team).toBe('web');
  });

  it('answers 404, 409, 415 and 422 with Status objects worded like the real server', async () => {
    const missing = await api('GET', '/apis/apps/v1/namespaces/sim/deployments/none');
    expect(missing.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'deployments.apps "none" not found', details: { name: 'none', group: 'apps', kind: 'deployments' } });
    const dup = await api('POST', '/apis/apps/v1/namespaces/sim/deployments', deployment('multi', 'x:1'));
    expect(dup.json).toMatchObject({ reason: 'AlreadyExists', code: 409 });
    const stale = await api('PATCH', '/apis/apps/v1/namespaces/sim/deployments/multi', { metadata: { resourceVersion: '1' } }, 'application/merge-patch+json');
    expect(stale.json).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(stale.json.message).toContain('the object has been modified');
    const smpOnCrd = await api('PATCH', '/apis/bitnami.com/v1alpha1/namespaces/sim/sealedsecrets/x', {}, 'application/strategic-merge-patch+json');
    expect(smpOnCrd.status).toBe(415);
    const bad = deployment('bad', 'x:1');
    bad.spec.selector = { matchLabels: { app: 'other' } };
    const invalid = await api('POST', '/apis/apps/v1/namespaces/sim/deployments', bad);
    expect(invalid.json).toMatchObject({ reason: 'Invalid', code: 422 });
    expect(invalid.json.message).toBe('Deployment.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"bad"}: `selector` does not match template `labels`');
  });

  it('streams watch events from a resourceVersion, filtered by field selector', async () => {
    const list = await api<{ kind: string; metadata: { resourceVersion: string }; items: Deployment[] }>('GET', '/apis/apps/v1/namespaces/sim/deployments?fieldSelector=metadata.name%3Dmulti');
    expect(list.json.kind).toBe('DeploymentList');
    expect(list.json.items).toHaveLength(1);
    const rv = list.json.metadata.resourceVersion;
    const controller = new AbortController();
    const res = await fetch(`${kube.url}/apis/apps/v1/namespaces/sim/deployments?watch=true&fieldSelector=metadata.name%3Dmulti&resourceVersion=${rv}`, { signal: controller.signal });
    const body = res.body;
    if (!body) throw new Error('no watch body');
    const reader = body.getReader();
    await api('PATCH', '/apis/apps/v1/namespaces/sim/deployments/multi', { metadata: { labels: { watched: 'yes' } } }, 'application/merge-patch+json');
    let text = '';
    while (!text.includes('"watched"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    controller.abort();
    const events = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: Deployment });
    expect(events.every((e) => e.type === 'MODIFIED' && e.object.metadata.name === 'multi')).toBe(true);
    expect(events.at(-1)?.object.metadata.labels?.watched).toBe('yes');
  });

  it('serves registered proxy answers (kubeseal --fetch-cert) and logs them', async () => {
    const certPath = '/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem';
    await api<unknown>('POST', '/_sim/proxy', { path: certPath, status: 200, contentType: 'text/plain', body: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
    const r = await kubectl('get', '--raw', certPath);
    expect(r.stdout).toContain('BEGIN CERTIFICATE');
    expect(kube.state.requests.some((q) => q.path === certPath && q.status === 200)).toBe(true);
  });

  it('deleting a deployment removes its ReplicaSets and pods', async () => {
    expect(kube.state.list('replicasets', 'sim').some((rs) => rs.metadata.name.startsWith('multi-'))).toBe(true);
    const r = await kubectl('delete', 'deployment', 'multi', '--wait=true');
    expect(r.stdout.trim()).toBe('deployment.apps "multi" deleted');
    await waitFor('garbage collection', () => !kube.state.list('pods', 'sim').some((p) => p.metadata.name.startsWith('multi-')));
    expect(kube.state.list('replicasets', 'sim').some((rs) => rs.metadata.name.startsWith('multi-'))).toBe(false);
  });
});

describe('server-side apply of a SealedSecret with kubectl', () => {
  type SealedSecret = KubeObject & { spec: { encryptedData: Record<string, string> } };
  const sealed = (): SealedSecret | undefined => kube.state.get<SealedSecret>('sealedsecrets', 'sim', 'db');
  const manifest = (data: Record<string, string>): string =>
    JSON.stringify({ apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'db', namespace: 'sim' }, spec: { encryptedData: data, template: { metadata: { name: 'db', namespace: 'sim' } } } });

  it('creates, then updates, dropping keys the same manager no longer applies', async () => {
    const file = path.join(dir, 'ss.json');
    writeFileSync(file, manifest({ a: 'AgA1', b: 'AgA2' }));
    const first = await kubectl('apply', '--server-side', '-f', file);
    expect(first.stdout.trim()).toBe('sealedsecret.bitnami.com/db serverside-applied');
    writeFileSync(file, manifest({ a: 'AgA3', c: 'AgA4' }));
    expect((await kubectl('apply', '--server-side', '-f', file)).code).toBe(0);
    expect(sealed()?.spec.encryptedData).toEqual({ a: 'AgA3', c: 'AgA4' });
    const patch = kube.state.requests.filter((q) => q.method === 'PATCH').at(-1);
    expect(patch?.contentType).toBe('application/apply-patch+yaml');
    expect(patch?.query).toContain('fieldManager=kubectl');
  });

  it('conflicts with another manager unless forced', async () => {
    await api('PATCH', '/apis/bitnami.com/v1alpha1/namespaces/sim/sealedsecrets/db?fieldManager=someone-else', { spec: { encryptedData: { a: 'AgA9' } } }, 'application/merge-patch+json');
    const file = path.join(dir, 'ss.json');
    const conflict = await kubectl('apply', '--server-side', '-f', file);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('conflict with "someone-else"');
    expect((await kubectl('apply', '--server-side', '--force-conflicts', '-f', file)).code).toBe(0);
    expect(sealed()?.spec.encryptedData.a).toBe('AgA3');
  });
});

describe('program mode', () => {
  it('prints its URL as one JSON line, writes a 0600 kubeconfig, and stops on SIGTERM', async () => {
    const server = fileURLToPath(new URL('./server.mjs', import.meta.url));
    const kc = path.join(dir, 'program-kubeconfig');
    const child = spawn(process.execPath, [server, '--port', '0', '--time-scale', '0.1', '--kubeconfig', kc], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(kc).mode & 0o777).toBe(0o600);
    expect(readFileSync(kc, 'utf8')).toContain(`server: ${url}`);
    const version = (await (await fetch(`${url}/version`)).json()) as Record<string, string>;
    expect(version).toMatchObject({ major: '1', minor: '32' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
