import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { pushTestImage, startRegistry } from '../harness/registry.mjs';
import { actionDefaults, inputEnvName, node24, repoRoot, runAction, upstreamFixtures } from '../harness/run-action.mjs';

/** action.yml's defaults as INPUT_* variables, as the runner sets them, for the runs spawned by hand below. */
const runnerDefaults = () => Object.fromEntries(Object.entries(actionDefaults('deploy')).map(([name, value]) => [inputEnvName(name), value]));

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const repo = '127.0.0.1:5000/acme/web';
const img = (c: string) => `${repo}@${digestOf(c)}`;
/** How the summary's table shows an image: the digest cut to 12 hex. */
const short = (ref: string) => ref.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}$/, '@sha256:$1…');

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
    expect(r.summary).toContain(`| deployment/web | app | deployed | 1 → 2 | \`${short(img('a'))}\` | \`${short(img('b'))}\` |`);
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

  test('current pods crash-looping (progress deadline far off): not waited for as a rollout in progress, a fix deploys over it', async () => {
    const ns = 'crashing-now';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cn-ok') })).exitCode).toBe(0);
    await k.behave({ [img('cn-bad')]: { behavior: 'CrashLoopBackOff' } });
    await k.kubectl('-n', ns, 'set', 'image', 'deployment/web', `app=${img('cn-bad')}`);
    type PodJson = { status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> } };
    await k.waitFor('a crash-looping pod', async () => ((await k.json('-n', ns, 'get', 'pods')).items as PodJson[]).some((p) => p.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'CrashLoopBackOff')));
    const fix = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cn-fix') });
    expect(fix.errors).toEqual([]);
    expect(fix.outputs.result).toBe('deployed');
    expect(fix.stdout).toMatch(/its current rollout is failing \(pod \S+ container app is in CrashLoopBackOff/);
    expect(fix.stdout).toContain('the last one this action saw complete');
    expect(await k.images(ns, 'web')).toEqual({ app: img('cn-fix') });
  });

  test('Recreate, over a crash-looping rollout: the old pods are not blamed on the new one; the failing template is recorded and skipped later', async () => {
    const ns = 'recreate-over-crash';
    type PodJson = { metadata: { labels: Record<string, string> }; status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> } };
    await k.deployment(ns, 'web', img('a'));
    await k.kubectl('-n', ns, 'patch', 'deployment/web', '--type', 'merge', '-p', '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}');
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('rc-good') })).exitCode).toBe(0);
    await k.behave({ [img('rc-bad')]: { behavior: 'CrashLoopBackOff' } });
    await k.kubectl('-n', ns, 'set', 'image', 'deployment/web', `app=${img('rc-bad')}`);
    await k.waitFor('a crash-looping pod', async () => ((await k.json('-n', ns, 'get', 'pods')).items as PodJson[]).some((p) => p.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'CrashLoopBackOff')));
    const badHash = ((await k.json('-n', ns, 'get', 'pods')).items as PodJson[])[0]?.metadata.labels['pod-template-hash'] as string;
    const fix = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('rc-fix') });
    expect(fix.errors).toEqual([]);
    expect(fix.outputs.result).toBe('deployed');
    const annotations = (await k.get(ns, 'web')).metadata.annotations as Record<string, string>;
    expect((annotations['secure-delivery.dev/failed-templates'] as string).split(',')).toContain(badHash);
    // A manual rollback without to-revision skips the template that was failing: it lands on rc-good.
    const back = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback' });
    expect(back.errors).toEqual([]);
    expect(back.outputs.result).toBe('rolled-back');
    expect(await k.images(ns, 'web')).toEqual({ app: img('rc-good') });
  });

  test('a completed rollout whose pod crashes later is not recorded as failed, and its known-good record stays', async () => {
    const ns = 'crash-after-complete';
    type PodJson = { metadata: { name: string }; status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> } };
    await k.deployment(ns, 'web', img('a'), { replicas: 3 });
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cac-good') })).exitCode).toBe(0);
    const annotations = async () => (await k.get(ns, 'web')).metadata.annotations as Record<string, string>;
    const goodRecord = (await annotations())['secure-delivery.dev/known-good'];
    // One pod of the completed rollout is replaced and its replacement crash-loops.
    await k.behave({ [img('cac-good')]: { behavior: 'CrashLoopBackOff' }, [img('cac-bad')]: { behavior: 'ErrImagePull' } });
    const first = ((await k.json('-n', ns, 'get', 'pods')).items as PodJson[])[0]?.metadata.name as string;
    await k.kubectl('-n', ns, 'delete', 'pod', first, '--wait=false');
    await k.waitFor('a crash-looping pod', async () => ((await k.json('-n', ns, 'get', 'pods')).items as PodJson[]).some((p) => p.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'CrashLoopBackOff')));
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cac-bad'), timeout: '30s' });
    expect(r.exitCode).not.toBe(0);
    const after = await annotations();
    expect(after['secure-delivery.dev/known-good']).toBe(goodRecord);
    expect(after['secure-delivery.dev/failed-templates'] ?? '').not.toContain(JSON.parse(goodRecord as string).podTemplateHash);
  });

  test('a rollback target that no longer comes up: ROLLBACK FAILED, recorded as failed, never suggested, and not gone back to again', async () => {
    const ns = 'target-broke';
    const annotations = async () => (await k.get(ns, 'web')).metadata.annotations as Record<string, string>;
    await k.deployment(ns, 'web', img('a'), { progressDeadlineSeconds: 3 });
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('tb-good') })).exitCode).toBe(0);
    const goodHash = JSON.parse((await annotations())['secure-delivery.dev/known-good'] as string).podTemplateHash as string;
    // The recorded good image stops coming up (a dependency went away, say), and the deployment is changed by hand.
    await k.behave({ [img('tb-good')]: { behavior: 'CrashLoopBackOff' }, [img('tb-bad')]: { behavior: 'CrashLoopBackOff' } });
    await k.kubectl('-n', ns, 'delete', 'pods', '--all', '--wait=false');
    await k.kubectl('-n', ns, 'patch', 'deployment/web', '-p', '{"spec":{"template":{"metadata":{"annotations":{"edited":"by-hand"}}}}}');
    await k.waitFor('the progress deadline', async () => (await k.get(ns, 'web')).status.conditions?.some((c: { reason?: string }) => c.reason === 'ProgressDeadlineExceeded'));
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('tb-bad'), timeout: '30s' });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    const error = r.errors.at(-1) as string;
    expect(error).toMatch(/ROLLBACK FAILED/);
    expect(error).toMatch(/does not come up: pod \S+ container app is in CrashLoopBackOff/);
    expect(error).toContain('--to-revision=<a revision that worked>');
    expect(error).not.toMatch(/--to-revision=\d/);
    const after = await annotations();
    expect(after['secure-delivery.dev/known-good']).toBeUndefined();
    expect((after['secure-delivery.dev/failed-templates'] as string).split(',')).toContain(goodHash);
    // The next run does not go back to it: no known-good, said before the change.
    const again = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('tb-bad'), timeout: '30s' });
    expect(again.stdout).toMatch(/::warning::.*NO automatic rollback/);
    expect(again.stdout).not.toMatch(/rolling back to revision/);
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
    expect(r.summary).toMatch(/\| deployment\/web \| app \| rolled-back \|/);
    expect(r.summary).toMatch(/\| deployment\/api \| app \| failed \|/);
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
    expect(bad.summary).toMatch(/\| deployment\/web \| app \| rolled-back \|/);
    expect(bad.summary).toMatch(/\| deployment\/api \| app \| rolled-back \|/);
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
    // The old pods are Running and Ready (a surge rollout): said as they are, not as "terminating".
    expect(r.errors.at(-1)).toMatch(/old pod\(s\) still serving/);
    expect(r.errors.at(-1)).not.toMatch(/terminating/);
    // What was read is reported (Rule 5): the revision in progress, unchanged.
    expect(r.outputs).toEqual({ result: 'failed', revision: '2', 'previous-revision': '2', 'previous-image': img('o') });
    expect(await k.writes()).toEqual([]);
  });

  test('outputs known before a refusal are set: paused, no matching or an unknown container, one of two deployments missing', async () => {
    const ns = 'outputs-known';
    await k.deployment(ns, 'web', img('a'));
    const bare = { result: 'failed', revision: '1', 'previous-revision': '1', 'previous-image': img('a') };
    const unknown = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b'), container: 'sidecar' });
    expect(unknown.errors.at(-1)).toMatch(/input 'container'/);
    expect(unknown.outputs).toEqual(bare);
    const otherRepo = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `127.0.0.1:5000/acme/other@${digestOf('b')}` });
    expect(otherRepo.errors.at(-1)).toMatch(/no container running/);
    expect(otherRepo.outputs).toEqual(bare);
    // Two deployments listed: lines, even though only one could be read.
    const missing = await deploy({ namespace: ns, deployment: 'web\nnope', 'image-ref': img('b') });
    expect(missing.errors.at(-1)).toMatch(/deployment\/nope does not exist/);
    expect(missing.outputs).toEqual({ result: 'failed', revision: 'web/app=1', 'previous-revision': 'web/app=1', 'previous-image': `web/app=${img('a')}` });
    await k.kubectl('-n', ns, 'rollout', 'pause', 'deployment/web');
    await k.clearRequests();
    const paused = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
    expect(paused.errors.at(-1)).toMatch(/is paused/);
    expect(paused.outputs).toEqual(bare);
    const pausedBack = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback' });
    expect(pausedBack.errors.at(-1)).toMatch(/is paused/);
    expect(pausedBack.outputs).toEqual(bare);
    expect(await k.writes()).toEqual([]);
  });

  test.each([
    [429, 'Too many requests, please try again later.'],
    [504, 'Timeout: request did not complete within the allotted timeout'],
  ])('a %i on set image, worded as the API server words it, is retried: deployed', async (status, message) => {
    const ns = `set-image-${status}`;
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, status, count: 1, message });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.stdout).toContain(`transient API error (error: failed to patch image update to pod template: ${message})`);
    expect(await k.images(ns, 'web')).toEqual({ app: img('b') });
  });

  test('set image refused for good (403): result=failed, nothing changed, nothing rolled back or recorded', async () => {
    const ns = 'set-image-403';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, status: 403, count: 1, message: 'deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments"' });
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs).toEqual({ result: 'failed', revision: '1', 'previous-revision': '1', 'previous-image': img('a') });
    expect(r.errors.at(-1)).toMatch(/the change was not applied to deployment\/web: .*is forbidden/);
    expect(r.errors.at(-1)).toMatch(/Nothing was changed: deployment\/web is still on revision 1/);
    expect(r.errors.at(-1)).not.toMatch(/Rolled back/);
    expect(r.summary).toContain('Failed');
    expect(r.summary).not.toContain('Rolled back');
    // The refused PATCH is the only write: no undo, no known-good record.
    expect((await writesTo(ns)).map((w: { status: number }) => w.status)).toEqual([403]);
    expect((await k.get(ns, 'web')).metadata.annotations['secure-delivery.dev/known-good']).toBeUndefined();
  });

  test('set image refused on the second of two deployments: the first, already changed, is rolled back; result=failed says which', async () => {
    const ns = 'set-image-second';
    await k.deployment(ns, 'web', img('a'));
    await k.deployment(ns, 'worker', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/worker$`, status: 422, count: 1, message: 'Deployment.apps "worker" is invalid: spec.template.spec.containers[0].image: Invalid value' });
    const r = await deploy({ namespace: ns, deployment: 'web\nworker', 'image-ref': img('b') });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(/the change was not applied to deployment\/worker/);
    expect(r.errors.at(-1)).toMatch(/Not changed: deployment\/worker is still on revision 1/);
    expect(r.errors.at(-1)).toMatch(/Rolled back what had already been changed before it: deployment\/web: back on revision 3/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    expect(await k.images(ns, 'worker')).toEqual({ app: img('a') });
    expect(r.summary).toMatch(/\| deployment\/web \| app \| rolled-back \|/);
    expect(r.summary).toMatch(/\| deployment\/worker \| app \| failed \| 1 → 1 \|/);
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
    const failedRecord = (await k.get(ns, 'web')).metadata.annotations['secure-delivery.dev/failed-templates'];
    expect(failedRecord).toMatch(/^[a-z0-9]+$/);
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
    // The undo replaced the Deployment's annotations; the action wrote its record of failed templates back.
    expect((await k.get(ns, 'web')).metadata.annotations['secure-delivery.dev/failed-templates']).toBe(failedRecord);
  });

  test('mode: rollback to a revision that crashes: fails at once naming the pod, restores what ran before, never recommends it', async () => {
    const ns = 'rollback-to-broken';
    await k.behave({ [img('rb-crash')]: { behavior: 'CrashLoopBackOff' } });
    // Revision 1 crashes; revision 2, set by hand, is healthy.
    await k.deployment(ns, 'web', img('rb-crash'), { wait: false });
    await k.waitFor('revision 1', async () => (await k.get(ns, 'web')).metadata.annotations?.['deployment.kubernetes.io/revision'] === '1');
    await k.kubectl('-n', ns, 'set', 'image', 'deployment/web', `app=${img('a')}`);
    await k.rolloutStatus(ns, 'web');
    const r = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback', 'to-revision': '1', timeout: '5m' });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(/revision 1 .* does not come up: pod web-[a-z0-9]+-[a-z0-9]+ container app is in CrashLoopBackOff/);
    expect(r.errors.at(-1)).toMatch(/restored what ran before this step: back on revision \d+ .*2\/2 ready/);
    expect(r.errors.at(-1)).not.toMatch(/--to-revision=1\b/);
    // Far sooner than the 5 m timeout: fail-fast applies to the rollback too.
    expect(r.durationMs).toBeLessThan(120000);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    const d = await k.get(ns, 'web');
    expect(d.status.readyReplicas).toBe(2);
    expect(d.status.updatedReplicas).toBe(2);
    expect(r.outputs['previous-revision']).toBe('2');
    expect(r.outputs.revision).toBe(d.metadata.annotations['deployment.kubernetes.io/revision']);
    // The crashing template is recorded, so a rollback without to-revision does not pick it.
    const crashRs = ((await k.json('-n', ns, 'get', 'replicasets', '-l', 'app=web')).items as Array<{ metadata: { labels: Record<string, string> }; spec: { template: { spec: { containers: Array<{ image: string }> } } } }>).find(
      (rs) => rs.spec.template.spec.containers[0]?.image === img('rb-crash'),
    );
    expect(d.metadata.annotations['secure-delivery.dev/failed-templates']).toBe(crashRs?.metadata.labels['pod-template-hash']);
    expect(r.summary).toMatch(/CrashLoopBackOff/);
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
      env: { ...runnerDefaults(), PATH: process.env.PATH, HOME: process.env.HOME, KUBECONFIG: k.kubeconfig, RUNNER_TEMP: tmpdir(), 'INPUT_NAMESPACE': ns, INPUT_DEPLOYMENT: 'web', 'INPUT_IMAGE-REF': img('slow'), INPUT_TIMEOUT: '5m', INPUT_MODE: 'deploy' },
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

  test('an API outage that outlasts the timeout: the rollout is read once the server answers, and a complete one is not undone', async () => {
    const ns = 'long-outage';
    await k.deployment(ns, 'web', img('a'));
    await k.clearRequests();
    const running = deploy({ namespace: ns, deployment: 'web', 'image-ref': img('lo-b'), timeout: '8s' });
    await k.waitFor('the change', async () => (await k.requests()).some((r: { method: string; path: string }) => r.method === 'PATCH' && r.path.includes(`/namespaces/${ns}/deployments/web`)));
    await new Promise((r) => setTimeout(r, 300));
    await k.faults({ path: '^/(api|apis)/', status: 503, count: -1, message: 'the server is currently unable to handle the request' });
    await new Promise((r) => setTimeout(r, 11000));
    await k.clearFaults();
    const r = await running;
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.summary).toContain('once it answered, the rollout was complete');
    expect(await k.images(ns, 'web')).toEqual({ app: img('lo-b') });
  });

  test('the change-cause annotate refused after set image landed: a warning, and the rollout still decides', async () => {
    const ns = 'annotate-refused';
    await k.deployment(ns, 'web', img('a'));
    // The first PATCH (set image) passes, the next one (the change-cause annotate) is refused.
    await k.faults([
      { method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, count: 1 },
      { method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, status: 403, count: 1, message: 'annotations are managed elsewhere' },
    ]);
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('ar-b') });
    await k.clearFaults();
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.stdout).toMatch(/::warning::deployment\/web: could not set kubernetes\.io\/change-cause .*watching the rollout all the same/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('ar-b') });
  });

  test('mode: rollback is not cut short by a cancellation: it ends with its outputs and summary', async () => {
    const ns = 'cancel-rollback';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cr-b') })).exitCode).toBe(0);
    // Revision 1's image now takes a while to become ready, so the rollback is still waiting when the signal comes.
    await k.behave({ [img('a')]: { behavior: 'slow', readyAfterMs: 4000 } });
    const work = mkdtempSync(path.join(tmpdir(), 'cancel-rollback-'));
    const files = { GITHUB_OUTPUT: path.join(work, 'output'), GITHUB_STEP_SUMMARY: path.join(work, 'summary') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const child = spawn(node24, [path.join(repoRoot, 'actions', 'deploy', 'dist', 'index.js')], {
      env: { ...runnerDefaults(), PATH: process.env.PATH, HOME: process.env.HOME, KUBECONFIG: k.kubeconfig, RUNNER_TEMP: tmpdir(), ...files, INPUT_NAMESPACE: ns, INPUT_DEPLOYMENT: 'web', INPUT_TIMEOUT: '60s', INPUT_MODE: 'rollback' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    await k.waitFor('the undo', async () => (await k.images(ns, 'web')).app === img('a'));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('the run was cancelled (SIGTERM)');
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toMatch(/^result<<.*\nrolled-back\n/m);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('deployment/web');
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

  test.each([
    ['a context the kubeconfig does not define', { context: 'no-such-context' }, {}, /input 'context': 'no-such-context' is not a context of/],
    ['kubeconfig content that does not parse', { kubeconfig: 'clusters: [ {name: canary-kc-7f3e9a, server: ' }, {}, /input 'kubeconfig': the kubeconfig input is not a kubeconfig kubectl can load/],
    ['no kubeconfig at all', {}, { KUBECONFIG: undefined, HOME: 'empty-home' }, /input 'kubeconfig': no kubeconfig to use.*Give the kubeconfig input .* or set KUBECONFIG/],
  ])('cluster access: %s is an error naming the input, before any request', async (_what, inputs: Record<string, string>, env: Record<string, string | undefined>, message) => {
    const ns = 'access';
    await k.deployment(ns, 'web', img('a'));
    await k.clearRequests();
    const home = env.HOME === undefined ? {} : { HOME: mkdtempSync(path.join(tmpdir(), 'home-')) };
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b'), ...inputs }, { ...env, ...home });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(message);
    expect(findLeaks(r, ['canary-kc-7f3e9a'])).toEqual([]);
    expect(await k.requests()).toEqual([]);
  });

  test('verify-signature: a verified image is deployed; one that does not verify changes nothing', async () => {
    // The image is in a real registry, so the only difference between the two runs is the signature.
    const registry = await startRegistry();
    try {
      const ns = 'signed';
      const repository = `${registry.host}/acme/web`;
      const digest = await pushTestImage(registry, 'acme/web', 'v3.0.0');
      await k.deployment(ns, 'web', `${repository}@${digestOf('old')}`);
      const identity = { 'verify-signature': 'true', 'certificate-identity-regexp': '^https://github.com/acme/', 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' };
      const log = path.join(mkdtempSync(path.join(tmpdir(), 'cosign-log-')), 'cosign.log');
      await k.clearRequests();
      const refused = await deploy({ namespace: ns, deployment: 'web', 'image-ref': `${repository}@${digest}`, ...identity }, { FAKE_COSIGN_FAIL: 'no matching signatures', FAKE_COSIGN_LOG: log });
      expect(refused.exitCode).not.toBe(0);
      expect(refused.errors.at(-1)).toMatch(/^deploy failed: Refused: 1 of 1 verification check\(s\) failed, so nothing was changed\.\nSignature: the signature of \S+ did not verify\. cosign said: [\s\S]*no matching signatures/);
      expect(await k.writes()).toEqual([]);
      const verified = await deploy(
        { namespace: ns, deployment: 'web', 'image-ref': `${repository}@${digest}`, ...identity },
        { FAKE_COSIGN_VERIFY_OUTPUT: path.join(upstreamFixtures, 'cosign', 'verify-output', 'otel-collector-contrib-0.98.0.verify.json'), FAKE_COSIGN_LOG: log },
      );
      expect(verified.errors).toEqual([]);
      expect(verified.outputs.result).toBe('deployed');
      expect(verified.summary).toMatch(/verified: [1-9]\d* signature\(s\) by \^https:\/\/github\.com\/acme\//);
      expect(await k.images(ns, 'web')).toEqual({ app: `${repository}@${digest}` });
      const argv = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l).argv as string[]).at(-1) as string[];
      expect(argv).toEqual(expect.arrayContaining(['verify', '--certificate-identity-regexp', '^https://github.com/acme/', `${repository}@${digest}`]));
    } finally {
      await registry.stop();
    }
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
