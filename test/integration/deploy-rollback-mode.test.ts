import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { runAction } from '../harness/run-action.mjs';

// Issue 10 A8 (mode: rollback, to-revision, inputs that inject workflow commands) and D (to-revision per deployment).
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

describe('mode: rollback', () => {
  test('to-revision as deployment=revision lines: each deployment to its own revision', async () => {
    const ns = 'per-deployment';
    await k.deployment(ns, 'web', img('a'));
    await k.deployment(ns, 'api', img('a'));
    for (const c of ['pd-1', 'pd-2']) expect((await deploy({ namespace: ns, deployment: 'web\napi', 'image-ref': img(c) })).outputs.result).toBe('deployed');
    const r = await deploy({ namespace: ns, deployment: 'web\napi', mode: 'rollback', 'to-revision': 'web=1\napi=2' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('rolled-back');
    expect(await k.images(ns, 'web')).toEqual({ app: img('a') });
    expect(await k.images(ns, 'api')).toEqual({ app: img('pd-1') });
  });

  test('a later deployment missing: nothing changed, and the deployment read before it is not reported as failed', async () => {
    const ns = 'later-missing';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('lm-1') })).outputs.result).toBe('deployed');
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web\nnope', mode: 'rollback' });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(/deployment\/nope does not exist.*Nothing was changed/);
    expect(r.summary).toMatch(/\| deployment\/web \| app \| not changed \| 2 → 2 \|/);
    expect(await writesTo(ns)).toEqual([]);
  });

  test('to-revision equal to the current (healthy) revision: unchanged, exit 0, no write', async () => {
    const ns = 'already-there';
    await k.deployment(ns, 'web', img('a'));
    expect((await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('at-1') })).outputs.result).toBe('deployed');
    await k.clearRequests();
    const r = await deploy({ namespace: ns, deployment: 'web', mode: 'rollback', 'to-revision': '2' });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.result).toBe('unchanged');
    expect(r.summary).not.toMatch(/Rolled back/);
    expect(await writesTo(ns)).toEqual([]);
  });
});

describe('inputs are checked strictly, before anything', () => {
  test.each([
    ['a plain to-revision for two deployments', { mode: 'rollback', deployment: 'web\napi', 'to-revision': '3' }, /input 'to-revision': '3' is one revision for 2 deployments.*web=3/],
    ['a to-revision line naming another deployment', { mode: 'rollback', deployment: 'web\napi', 'to-revision': 'web=1\nworker=2' }, /input 'to-revision': 'worker' is not one of the deployments given/],
    ['a to-revision line that is not name=number', { mode: 'rollback', deployment: 'web', 'to-revision': 'web=latest' }, /input 'to-revision': 'web=latest' is not a revision/],
    ['allow-older-commit: yes', { 'allow-older-commit': 'yes' }, /input 'allow-older-commit'/],
    ['cosign-version: latest', { 'cosign-version': 'latest' }, /input 'cosign-version': 'latest' is not a cosign v3 release/],
    ['a line break in environment', { 'github-token': 'ghs_x0123456789', environment: 'prod\n::warning::injected' }, /input 'environment': 'prod\\n::warning::injected' is not a GitHub environment name/],
    ['a line break in certificate-identity', { 'verify-signature': 'true', 'certificate-identity': 'https://github.com/acme/x\n::warning::injected', 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' }, /input 'certificate-identity': .*holds whitespace or a line break/],
  ])('%s is an error naming the input; nothing is injected into the log', async (_what, inputs: Record<string, string>, message) => {
    const mode = inputs.mode ?? 'deploy';
    const r = await deploy({ namespace: 'shop', deployment: 'web', ...(mode === 'deploy' ? { 'image-ref': img('x') } : {}), ...inputs });
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(message);
    expect(r.stdout).not.toMatch(/^::warning::injected/m);
  });
});
