import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { pushTestImage, startRegistry } from '../harness/registry.mjs';
import { node24, repoRoot, runAction } from '../harness/run-action.mjs';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const repo = '127.0.0.1:5000/acme/web';
const img = (c: string) => `${repo}@${digestOf(c)}`;

beforeAll(async () => {
  k = await startCluster();
});
afterAll(async () => {
  await k?.stop();
});

function deploy(inputs: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return runAction('deploy', { inputs: { timeout: '60s', ...inputs }, env: { KUBECONFIG: k.kubeconfig, ...env } });
}

const writesTo = async (ns: string) => (await k.writes()).filter((w: { path: string }) => w.path.includes(`/namespaces/${ns}/`));

describe('deploy against the simulated API server with the real kubectl', () => {
  test('a good image: deployed, new pods ready, change-cause set, outputs right', async () => {
    await k.deployment('good', 'web', img('a'));
    const r = await deploy({ namespace: 'good', deployment: 'web', 'image-ref': img('b') });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({ result: 'deployed', revision: '2', 'previous-revision': '1', 'previous-image': img('a') });
    const d = await k.get('good', 'web');
    expect(d.spec.template.spec.containers[0].image).toBe(img('b'));
    expect(d.metadata.annotations['kubernetes.io/change-cause']).toBe(`deploy ${img('b')}, repo acme/shop, commit 0123456789abcdef0123456789abcdef01234567, run https://github.com/acme/shop/actions/runs/4242`);
    expect(d.status.readyReplicas).toBe(2);
    // Old pods may take a moment to go, as on a real cluster; then only new ones run.
    type PodJson = { spec: { containers: Array<{ image: string }> } };
    const podImages = async () => ((await k.json('-n', 'good', 'get', 'pods', '-l', 'app=web')).items as PodJson[]).map((p) => p.spec.containers[0]?.image);
    await k.waitFor('the old pods to go', async () => (await podImages()).length === 2);
    expect(await podImages()).toEqual([img('b'), img('b')]);
    expect(r.summary).toContain('Deployed');
    expect(r.summary).toContain(`| deployment/web | app | \`${img('a')}\` | \`${img('b')}\` | 1 → 2 | deployed |`);
    // The same image again: unchanged, and no write at all.
    await k.clearRequests();
    const again = await deploy({ namespace: 'good', deployment: 'web', 'image-ref': img('b') });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.result).toBe('unchanged');
    expect(await writesTo('good')).toEqual([]);
  });

  test.each([
    ['ImagePullBackOff', 'c'],
    ['CrashLoopBackOff', 'd'],
  ])('%s with fail-fast: fails within seconds, rolled back to the previous image', async (behavior, c) => {
    const ns = `broken-${c}`;
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img(c)]: { behavior } });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img(c), timeout: '5m' });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('rolled-back');
    expect(r.errors.at(-1)).toMatch(behavior === 'ImagePullBackOff' ? /ImagePullBackOff|ErrImagePull/ : new RegExp(behavior));
    expect(r.errors.at(-1)).toMatch(/pod web-[a-z0-9]+-[a-z0-9]+ container app/);
    // Far sooner than the 600 s progress deadline or the 5 m timeout.
    expect(r.durationMs).toBeLessThan(30000);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    const d = await k.get(ns, 'web');
    expect(d.status.readyReplicas).toBe(2);
    expect(d.status.updatedReplicas).toBe(2);
    expect(r.outputs.revision).toBe('3');
    expect(r.summary).toContain('Rolled back');
    expect(r.summary).toMatch(behavior === 'ImagePullBackOff' ? /ImagePullBackOff|ErrImagePull/ : new RegExp(behavior));
  });

  test('a deployment left broken by hand: the rollback lands on the last good image, then a good deploy succeeds', async () => {
    const ns = 'left-broken';
    await k.deployment(ns, 'web', img('a'), { progressDeadlineSeconds: 2 });
    // A deploy by the action records the known-good revision.
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') })).exitCode).toBe(0);
    // Someone breaks it by hand, and the rollout times out.
    await k.behave({ [img('e')]: { behavior: 'ImagePullBackOff' }, [img('f')]: { behavior: 'CrashLoopBackOff' } });
    await k.breakByHand(ns, 'web', 'app', img('e'));
    // Another bad deploy: the rollback target is the recorded good image, not the broken one.
    const bad = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('f') });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.outputs.result).toBe('rolled-back');
    expect(bad.stdout).toContain('the last one this action saw complete');
    expect(await k.images(ns, 'web')).toEqual({ app: img('b') });
    // A good deploy over that state succeeds.
    const good = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('g') });
    expect(good.errors).toEqual([]);
    expect(good.outputs.result).toBe('deployed');
    expect(await k.images(ns, 'web')).toEqual({ app: img('g') });
  });

  test('a broken deployment with no known-good record: no automatic rollback, said up front', async () => {
    const ns = 'no-record';
    await k.deployment(ns, 'web', img('a'), { progressDeadlineSeconds: 2 });
    await k.behave({ [img('h')]: { behavior: 'ImagePullBackOff' } });
    await k.breakByHand(ns, 'web', 'app', img('h'));
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('i') });
    // Deploying a good image over the broken state works; the warning came first.
    expect(r.stdout).toMatch(/::warning::.*NO automatic rollback/);
    expect(r.stdout.indexOf('NO automatic rollback')).toBeLessThan(r.stdout.indexOf('::group::Change'));
    expect(r.outputs.result).toBe('deployed');
  });

  test('one deployment with a known-good revision and one without: the first is rolled back, the second said loudly', async () => {
    const ns = 'mixed';
    await k.deployment(ns, 'web', img('a'));
    await k.deployment(ns, 'api', img('a'), { progressDeadlineSeconds: 2 });
    await k.behave({ [img('mx-broken')]: { behavior: 'ImagePullBackOff' }, [img('mx-bad')]: { behavior: 'ImagePullBackOff' } });
    await k.breakByHand(ns, 'api', 'app', img('mx-broken'));
    const r = await deploy({ namespace: ns, deployment: 'web\napi', 'image-ref': img('mx-bad') });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.stdout.indexOf('deployment/api is not healthy and has no known-good revision')).toBeLessThan(r.stdout.indexOf('::group::Change'));
    expect(r.errors.at(-1)).toMatch(/NOT FULLY ROLLED BACK/);
    expect(r.errors.at(-1)).toMatch(/deployment\/api: no known-good revision: not rolled back/);
    expect(r.errors.at(-1)).toMatch(/kubectl --namespace mixed rollout history deployment\/api/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    expect(r.summary).toMatch(/\| deployment\/web \| app \| .* \| rolled-back \|/);
    expect(r.summary).toMatch(/\| deployment\/api \| app \| .* \| failed \|/);
  });

  test('two deployments in one step where only one fails: both end on their previous images', async () => {
    const ns = 'pair';
    await k.deployment(ns, 'web', img('a'));
    await k.deployment(ns, 'api', img('a'));
    // The same image runs in web's pods and fails in api's (say, a config only api lacks).
    await k.behave({ [img('k')]: { behavior: 'CreateContainerConfigError', message: 'secret "api-db" not found', podPrefix: 'api-' } });
    const bad = await deploy({ namespace: ns, deployment: 'web\napi', 'image-ref': img('k') });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.outputs.result).toBe('rolled-back');
    expect(bad.errors.at(-1)).toMatch(/deployment\/api: pod api-[a-z0-9-]+ container app is in CreateContainerConfigError: secret "api-db" not found/);
    expect(bad.outputs.revision).toMatch(/^web\/app=3\napi\/app=3$/);
    expect(bad.outputs['previous-image']).toBe(`web/app=${img('a')}\napi/app=${img('a')}`);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    expect(await k.images(ns, 'api')).toEqual({ app: img('a') });
    for (const name of ['web', 'api']) expect((await k.get(ns, name)).status.readyReplicas).toBe(2);
    expect(bad.summary).toMatch(/\| deployment\/web \| app \| .* \| rolled-back \|/);
    expect(bad.summary).toMatch(/\| deployment\/api \| app \| .* \| rolled-back \|/);
  });

  test.each([
    ['a paused deployment', 'paused', {}, /is paused/],
    ['a missing deployment', 'missing', { deployment: 'nope' }, /input 'deployment': deployment\/nope does not exist/],
    ['namespace default', 'default', { namespace: 'default' }, /input 'namespace': 'default' is refused/],
    ['a tag-only image-ref', 'tagonly', { 'image-ref': `${repo}:v1.2.3` }, /input 'image-ref'.*not pinned by digest.*allow-tag/],
    ['a container that does not exist', 'nocontainer', { container: 'sidecar' }, /input 'container'.*no container 'sidecar'/],
    ['an image of another repository', 'otherrepo', { 'image-ref': `127.0.0.1:5000/acme/other@${digestOf('b')}` }, /no container running 127.0.0.1:5000\/acme\/other/],
  ])('%s fails before any write, naming the input or state', async (_what, ns, extra: Record<string, string>, message) => {
    if (ns !== 'default') await k.deployment(ns, 'web', img('a'), { paused: ns === 'paused' });
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b'), ...extra });
    expect(r.exitCode).not.toBe(0);
    expect(r.errors.at(-1)).toMatch(message);
    expect(r.outputs.result).toBe('failed');
    expect(await k.writes()).toEqual([]);
  });

  test('a rollout still in progress past the timeout is refused before any write', async () => {
    const ns = 'inprogress';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('o')]: { behavior: 'slow', readyAfterMs: 60000 } });
    await k.kubectl('-n', ns, 'set', 'image', 'deployment/web', `app=${img('o')}`);
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('p'), timeout: '3s' });
    expect(r.exitCode).not.toBe(0);
    expect(r.errors.at(-1)).toMatch(/still rolling out an earlier change.*Nothing was changed/s);
    expect(await k.writes()).toEqual([]);
  });

  test('transient 5xx answers are retried and the deploy still succeeds', async () => {
    const ns = 'flaky';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web`, status: 500, count: 2, message: 'etcdserver: leader changed' });
    await k.faults({ method: 'GET', path: `/namespaces/${ns}/deployments`, status: 503, count: 2 });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('q') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.stdout).toMatch(/transient API error/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('q') });
  });

  test('an API outage during the watch that outlasts kubectl retries is waited out: a good rollout is not rolled back', async () => {
    const ns = 'outage';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('slow-ok')]: { behavior: 'slow', readyAfterMs: 4000 } });
    const running = deploy({ namespace: ns, deployment: 'web', 'image-ref': img('slow-ok') });
    await k.waitFor('the change', async () => ((await k.get(ns, 'web')).metadata.annotations?.['kubernetes.io/change-cause'] ?? '').includes(img('slow-ok')));
    // Two kubectl calls' worth of retries (4 attempts each) answered 503, while the action watches.
    await k.faults({ method: 'GET', path: `/namespaces/${ns}/deployments`, status: 503, count: 8 });
    const r = await running;
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(await k.images(ns, 'web')).toEqual({ app: img('slow-ok') });
  });

  test('an API outage while setting the image and the change-cause is waited out as well', async () => {
    const ns = 'outage-write';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web`, status: 500, count: 6, message: 'etcdserver: leader changed' });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('w') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(await k.images(ns, 'web')).toEqual({ app: img('w') });
  });

  test('the same image spelled another way (nginx@sha256 vs docker.io/library/nginx@sha256) is unchanged: no write', async () => {
    const ns = 'spelling';
    const digest = digestOf('nginx');
    await k.deployment(ns, 'web', `nginx@${digest}`);
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `docker.io/library/nginx@${digest}` });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('unchanged');
    expect(await writesTo(ns)).toEqual([]);
  });

  test('mode: rollback never returns to a revision this action saw fail', async () => {
    const ns = 'no-broken-target';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('crash')]: { behavior: 'CrashLoopBackOff' } });
    const failed = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('crash') });
    expect(failed.outputs.result).toBe('rolled-back');
    // History now: 2 = the crashing image, 3 = the good one again. "The revision before" 3 is the broken 2.
    await k.clearRequests();
    const back = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback' });
    expect(back.exitCode).not.toBe(0);
    expect(back.errors.at(-1)).toMatch(/no revision before its current one \(3\) to roll back to that this action has not seen fail/);
    expect(await writesTo(ns)).toEqual([]);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    // A good deploy after it: rollback mode goes back to the good revision, skipping the broken one.
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('a2') })).outputs.result).toBe('deployed');
    const again = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback' });
    expect(again.errors).toEqual([]);
    expect(again.outputs.result).toBe('rolled-back');
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
  });

  test('a rollback that fails is reported as result=failed with the next commands', async () => {
    const ns = 'rollback-fails';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('r')]: { behavior: 'ImagePullBackOff' } });
    // Every undo attempt (a PATCH with a JSON patch) fails for good.
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web`, status: 403, count: 1000, message: 'forbidden: rollbacks are not allowed' });
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web`, status: 500, count: 0 });
    await k.clearFaults();
    // First let the change through, then fail what follows it: set image, annotate, then block.
    const r = await (async () => {
      const run = deploy({ namespace: ns, deployment: 'web', 'image-ref': img('r') });
      await k.waitFor('the new image to be set', async () => (await k.images(ns, 'web')).app === img('r'));
      await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, status: 403, count: 1000, message: 'forbidden: rollbacks are not allowed' });
      return run;
    })();
    await k.clearFaults();
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(/ROLLBACK FAILED/);
    expect(r.errors.at(-1)).toMatch(/kubectl --namespace rollback-fails rollout undo deployment\/web --to-revision=1/);
    expect(r.errors.at(-1)).toMatch(/kubectl --namespace rollback-fails rollout history deployment\/web/);
  });

  test('a run cancelled during the rollout (SIGINT, as the runner sends) rolls back what it changed', async () => {
    const ns = 'cancelled';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('slow')]: { behavior: 'slow', readyAfterMs: 120000 } });
    const child = spawn(node24, [path.join(repoRoot, 'actions', 'deploy', 'dist', 'index.js')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KUBECONFIG: k.kubeconfig, RUNNER_TEMP: tmpdir(), 'INPUT_NAMESPACE': ns, INPUT_DEPLOYMENT: 'web', 'INPUT_IMAGE-REF': img('slow'), INPUT_TIMEOUT: '5m', INPUT_MODE: 'deploy', 'INPUT_ROLLBACK-ON-FAILURE': 'true', 'INPUT_FAIL-FAST': 'true', 'INPUT_ALLOW-TAG': 'false', 'INPUT_ALLOW-DEFAULT-NAMESPACE': 'false', 'INPUT_VERIFY-SIGNATURE': 'false', 'INPUT_COSIGN-VERSION': 'v3.0.6' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    await k.waitFor('the new image to be set', async () => (await k.images(ns, 'web')).app === img('slow'));
    child.kill('SIGINT');
    const code = await exited;
    expect(code).not.toBe(0);
    expect(out).toContain('the run was cancelled (SIGINT)');
    expect(out).toMatch(/Rolled back: deployment\/web: back on revision/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
  });

  test('health-check-url: 2xx after a few tries is a success; never 2xx is a failed rollout, rolled back', async () => {
    let answers: number[] = [];
    let hits = 0;
    const app: Server = createServer((_req, res) => {
      hits++;
      res.writeHead(answers.shift() ?? 500).end();
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(app.address() as { port: number }).port}/healthz`;
    try {
      const ns = 'health';
      await k.deployment(ns, 'web', img('a'));
      answers = [503, 502, 200];
      const good = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('hc-good'), 'health-check-url': url });
      expect(good.errors).toEqual([]);
      expect(good.outputs.result).toBe('deployed');
      expect(hits).toBe(3);
      expect(good.summary).toContain(`Health check: ${url} answered HTTP 200 after 3 attempt(s)`);
      answers = [];
      const bad = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('hc-bad'), 'health-check-url': url, timeout: '8s' });
      expect(bad.exitCode).not.toBe(0);
      expect(bad.outputs.result).toBe('rolled-back');
      expect(bad.errors.at(-1)).toContain(`the rollout completed but ${url} did not answer 2xx: HTTP 500`);
      expect(await k.images(ns, 'web')).toEqual({ app: img('hc-good') });
    } finally {
      await new Promise<void>((r) => app.close(() => r()));
    }
  });

  test('mode: rollback returns to the previous revision, or to-revision, and ends with exit 0', async () => {
    const ns = 'manual';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('s') })).exitCode).toBe(0);
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('t') })).exitCode).toBe(0);
    const back = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback' });
    expect(back.errors).toEqual([]);
    expect(back.exitCode).toBe(0);
    expect(back.outputs.result).toBe('rolled-back');
    expect(await k.images(ns, 'web')).toEqual({ app: img('s') });
    const first = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback', 'to-revision': '1' });
    expect(first.exitCode).toBe(0);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    const missing = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback', 'to-revision': '99' });
    expect(missing.exitCode).not.toBe(0);
    expect(missing.errors.at(-1)).toMatch(/input 'to-revision'.*no revision 99/);
  });

  test('allow-tag: the tag is resolved through the registry and the cluster gets repo@digest', async () => {
    const registry = await startRegistry();
    try {
      const ns = 'by-tag';
      const repository = `${registry.host}/acme/web`;
      const digest = await pushTestImage(registry, 'acme/web', 'v2.0.0');
      await k.deployment(ns, 'web', `${repository}@${digestOf('old')}`);
      const refused = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `${repository}:v2.0.0` });
      expect(refused.errors.at(-1)).toMatch(/input 'image-ref'.*allow-tag/);
      const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `${repository}:v2.0.0`, 'allow-tag': 'true' });
      expect(r.errors).toEqual([]);
      expect(r.stdout).toContain(`Resolved ${repository}:v2.0.0 to ${digest}`);
      expect(await k.images(ns, 'web')).toEqual({ app: `${repository}@${digest}` });
      const missing = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `${repository}:v9.9.9`, 'allow-tag': 'true' });
      expect(missing.errors.at(-1)).toMatch(/not in the registry/);
    } finally {
      await registry.stop();
    }
  });

  test('kubeconfig given as content: used from a private file that is gone afterwards, never logged', async () => {
    const ns = 'kubeconfig-input';
    await k.deployment(ns, 'web', img('a'));
    const canary = 'canary-kube-token-5e1f0c2d9b';
    const content = readFileSync(k.kubeconfig, 'utf8').replace('token: fake-kube-token', `token: ${canary}`);
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('u'), kubeconfig: content }, { KUBECONFIG: '/nonexistent' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(findLeaks(r, [canary])).toEqual([]);
  });

  test('verify-signature: a signature that does not verify changes nothing', async () => {
    const ns = 'unsigned';
    await k.deployment(ns, 'web', img('a'));
    await k.clearRequests();
    const identity = { 'verify-signature': 'true', 'certificate-identity-regexp': '^https://github.com/acme/', 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' };
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('v'), ...identity }, { FAKE_COSIGN_FAIL: 'no matching signatures' });
    expect(r.exitCode).not.toBe(0);
    expect(r.errors.at(-1)).toMatch(/did not verify, so nothing was changed/);
    expect(await k.writes()).toEqual([]);
  });

  test('with github-token: a GitHub deployment and its statuses on GITHUB_API_URL', async () => {
    const calls: Array<{ method: string; url: string; body: Record<string, unknown>; auth?: string }> = [];
    const api: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls.push({ method: req.method ?? '', url: req.url ?? '', body: body ? JSON.parse(body) : {}, auth: req.headers.authorization });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 77, url: 'x' }));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const port = (api.address() as { port: number }).port;
    try {
      const ns = 'github';
      await k.deployment(ns, 'web', img('a'));
      const r = await deploy(
        { namespace: ns, deployment: 'web', 'image-ref': img('w'), 'github-token': 'ghs_canaryToken0123', environment: 'production', 'environment-url': 'https://shop.example.com' },
        { GITHUB_API_URL: `http://127.0.0.1:${port}` },
      );
      expect(r.errors).toEqual([]);
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
        'POST /repos/acme/shop/deployments',
        'POST /repos/acme/shop/deployments/77/statuses',
        'POST /repos/acme/shop/deployments/77/statuses',
      ]);
      expect(calls[0]?.body).toMatchObject({ environment: 'production', ref: '0123456789abcdef0123456789abcdef01234567' });
      expect(calls.slice(1).map((c) => c.body.state)).toEqual(['in_progress', 'success']);
      expect(calls[2]?.body.environment_url).toBe('https://shop.example.com');
      expect(calls[0]?.auth).toBe('token ghs_canaryToken0123');
      expect(findLeaks(r, ['ghs_canaryToken0123'])).toEqual([]);
    } finally {
      await new Promise<void>((r) => api.close(() => r()));
    }
  });
});
