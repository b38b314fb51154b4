import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { readRendered } from '../harness/gfm.mjs';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { runAction } from '../harness/run-action.mjs';

// Issue 10, A1/A2/A5/A6/A7 and the RBAC check: faults the runner meets on a real cluster,
// injected in the simulated API server (dropped connections, stalled requests, another actor).
type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const repo = '127.0.0.1:5000/acme/web';
const img = (c: string) => `${repo}@${digestOf(c)}`;
type Req = { method: string; path: string; status?: number };

beforeAll(async () => {
  k = await startCluster();
});
afterAll(async () => {
  await k?.stop();
});

function deploy(inputs: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return runAction('deploy', { inputs: { timeout: '60s', ...inputs }, env: { KUBECONFIG: k.kubeconfig, ...env } });
}
const annotations = async (ns: string) => (await k.get(ns, 'web')).metadata.annotations as Record<string, string>;

describe('dropped connections and stalled requests are "status unknown", never a failed change', () => {
  test("set image's answer lost after the write landed (kubectl: ': EOF'): deployed, not rolled back", async () => {
    const ns = 'eof-after-set-image';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, drop: 'after' });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.stdout).toMatch(/kubectl set image reported .*: EOF, but the Deployment carries the new image: the change landed/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('b') });
    expect(r.stdout).not.toMatch(/rolling back/);
  });

  test('set image dropped before it arrived: read, not there, sent again: deployed', async () => {
    const ns = 'eof-before-set-image';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, drop: 'before' });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(await k.images(ns, 'web')).toEqual({ app: img('b') });
  });

  test('a GET that stalls during the watch: kubectl gives up, the status is read again, the good rollout is not rolled back', async () => {
    const ns = 'stalled-get';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('sg-slow')]: { behavior: 'slow', readyAfterMs: 1500 } });
    // GETs of the Deployment: the plan's, set image's and annotate's own, then the watch's first, which never answers.
    await k.faults({ method: 'GET', path: `/namespaces/${ns}/deployments/web$`, hold: true, count: 1, skip: 3 });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('sg-slow'), timeout: '12s' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    const stalled = /^[^:].*(status unknown|transient API error) \(.*(Client\.Timeout|context deadline|no answer)/m;
    expect(r.stdout).toMatch(stalled);
    expect(r.stdout.indexOf('::group::Watch')).toBeLessThan(r.stdout.search(stalled));
    expect(await k.images(ns, 'web')).toEqual({ app: img('sg-slow') });
  });

  test("rollout undo's answer lost: not ROLLBACK FAILED; the revision actually live is reported", async () => {
    const ns = 'eof-after-undo';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('eu-bad')]: { behavior: 'ImagePullBackOff' } });
    // PATCHes of the run: set image, change-cause, then the undo, whose answer is lost.
    await k.faults({ method: 'PATCH', path: `/namespaces/${ns}/deployments/web$`, drop: 'after', skip: 2 });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('eu-bad') });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('rolled-back');
    expect(r.errors.at(-1)).not.toMatch(/ROLLBACK FAILED|needs a person/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    // The undo renumbered revision 1 to 3: that is what is reported, not the stale 1.
    const live = (await k.get(ns, 'web')).metadata.annotations['deployment.kubernetes.io/revision'];
    expect(live).toBe('3');
    expect(r.outputs.revision).toBe(live);
    expect(r.errors.at(-1)).toMatch(/back on revision 3/);
    const faults = (await k.requests()) as Req[];
    expect(faults.filter((q) => q.method === 'PATCH' && q.path.endsWith(`/namespaces/${ns}/deployments/web`)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('what the watch sees is checked, not assumed', () => {
  test('another actor sets an image during the watch: failed "changed by someone else", not rolled back over it, not recorded as known-good', async () => {
    const ns = 'concurrent-set-image';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cs-good') })).outputs.result).toBe('deployed');
    const goodRecord = (await annotations(ns))['secure-delivery.dev/known-good'];
    await k.behave({ [img('cs-ours')]: { behavior: 'slow', readyAfterMs: 3000 } });
    const running = deploy({ namespace: ns, deployment: 'web', 'image-ref': img('cs-ours') });
    await k.waitFor('the change', async () => ((await k.get(ns, 'web')).metadata.annotations?.['kubernetes.io/change-cause'] ?? '').includes(img('cs-ours')));
    await k.kubectl('-n', ns, 'set', 'image', 'deployment/web', `app=${img('cs-theirs')}`);
    const r = await running;
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(/changed by someone else/);
    expect(r.errors.at(-1)).toContain(img('cs-theirs'));
    expect(r.summary).not.toMatch(/✅ Deployed/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('cs-theirs') });
    // As GitHub renders the summary: what serves now on a line of its own, the next steps in a code block.
    const rendered = readRendered(r.summary);
    expect(rendered.blocks.some((b: { kind: string; text: string }) => b.kind !== 'code' && /^Serving now: deployment\/web: revision \d+ \(app=/.test(b.text))).toBe(true);
    expect(rendered.codeBlocks.join('\n')).toContain(`kubectl --namespace ${ns} rollout history deployment/web`);
    expect(rendered.eatenTags).toEqual([]);
    expect((await annotations(ns))['secure-delivery.dev/known-good']).toBe(goodRecord);
  });

  test('revisionHistoryLimit: 0: said before the change; a failed health check after completion restores the known images with set image', async () => {
    const app: Server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(app.address() as { port: number }).port}/healthz`;
    try {
      const ns = 'no-history';
      await k.deployment(ns, 'web', img('a'));
      await k.kubectl('-n', ns, 'patch', 'deployment/web', '--type', 'merge', '-p', '{"spec":{"revisionHistoryLimit":0}}');
      const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('nh-b'), 'health-check-url': url, timeout: '6s' });
      expect(r.exitCode).not.toBe(0);
      expect(r.stdout.indexOf('revisionHistoryLimit: 0')).toBeGreaterThan(-1);
      expect(r.stdout.indexOf('revisionHistoryLimit: 0')).toBeLessThan(r.stdout.indexOf('::group::Change'));
      expect(r.outputs.result).toBe('rolled-back');
      expect(r.errors.at(-1)).toMatch(/images restored with set image/);
      expect(r.errors.at(-1)).not.toMatch(/--to-revision=1\b/);
      expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    } finally {
      await new Promise<void>((r) => app.close(() => r()));
    }
  });

  test('replicas: 0: deployed with a warning that nothing could be verified; the known-good record is kept', async () => {
    const ns = 'zero-replicas';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('zr-good') })).outputs.result).toBe('deployed');
    const goodRecord = (await annotations(ns))['secure-delivery.dev/known-good'];
    await k.kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=0');
    await k.rolloutStatus(ns, 'web');
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('zr-never-ran') });
    expect(r.outputs.result).toBe('deployed');
    expect(r.stdout).toMatch(/::warning::deployment\/web has replicas: 0: no pod ran the new image, so nothing about it could be verified/);
    expect(r.summary).toMatch(/nothing about it could be verified/);
    expect((await annotations(ns))['secure-delivery.dev/known-good']).toBe(goodRecord);
  });

  test('no permission to list pods: refused before the change, naming the RBAC needed', async () => {
    const ns = 'no-pod-list';
    await k.deployment(ns, 'web', img('a'));
    await k.faults({ method: 'GET', path: `/namespaces/${ns}/pods$`, status: 403, count: -1, message: `pods is forbidden: User "ci" cannot list resource "pods" in API group "" in the namespace "${ns}"` });
    await k.clearRequests();
    try {
      const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('b') });
      expect(r.exitCode).not.toBe(0);
      expect(r.outputs.result).toBe('failed');
      expect(r.errors.at(-1)).toMatch(/may not list pods in namespace no-pod-list.*pods: list.*Nothing was changed/);
      expect((await k.writes()).filter((w: Req) => w.path.includes(`/namespaces/${ns}/`))).toEqual([]);
    } finally {
      await k.clearFaults();
    }
  });

  test('an init container of the same repository is updated with the app container', async () => {
    const ns = 'init-containers';
    await k.deployment(ns, 'web', img('a'), { containers: [{ name: 'app', image: img('a') }] });
    await k.kubectl('-n', ns, 'patch', 'deployment/web', '--type', 'strategic', '-p', JSON.stringify({ spec: { template: { spec: { initContainers: [{ name: 'migrate', image: img('a') }] } } } }));
    await k.rolloutStatus(ns, 'web');
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('ic-b') });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    const d = await k.get(ns, 'web');
    expect(d.spec.template.spec.initContainers[0].image).toBe(img('ic-b'));
    expect(r.outputs['previous-image']).toBe(`web/app=${img('a')}\nweb/migrate=${img('a')}`);
    // And it can be named on its own.
    const named = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('ic-c'), container: 'migrate' });
    expect(named.errors).toEqual([]);
    expect(await k.images(ns, 'web')).toEqual({ app: img('ic-b') });
    expect((await k.get(ns, 'web')).spec.template.spec.initContainers[0].image).toBe(img('ic-c'));
  });
});
