import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { actionDefaults, fakesDir, inputEnvName, node24, repoRoot, runAction } from '../harness/run-action.mjs';

// Issue 10 A3/A4/A8 (budgets, GitHub API, signals) and D (allow-older-commit), run as the runner runs the bundle.
type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const repo = '127.0.0.1:5000/acme/web';
const img = (c: string) => `${repo}@${digestOf(c)}`;
const OLD_SHA = '1111111111111111111111111111111111111111';
const NEW_SHA = '2222222222222222222222222222222222222222';

beforeAll(async () => {
  k = await startCluster();
});
afterAll(async () => {
  await k?.stop();
});

function deploy(inputs: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return runAction('deploy', { inputs: { timeout: '60s', ...inputs }, env: { KUBECONFIG: k.kubeconfig, ...env } });
}

/** A cosign that takes `seconds` to verify, then answers as cosign verify does for the image asked about. */
function slowCosign(seconds: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slow-cosign-'));
  const file = path.join(dir, 'cosign');
  writeFileSync(
    file,
    `#!/bin/sh
if [ "$1" = version ]; then echo 'GitVersion:    v3.0.6'; exit 0; fi
sleep ${seconds}
for last in "$@"; do :; done
digest=\${last#*@}
echo '[{"critical":{"identity":{"docker-reference":"x"},"image":{"docker-manifest-digest":"'"$digest"'"},"type":"cosign container image signature"},"optional":null}]'
`,
  );
  chmodSync(file, 0o755);
  return `${dir}${path.delimiter}${fakesDir}${path.delimiter}${process.env.PATH}`;
}

const keyless = { 'verify-signature': 'true', 'certificate-identity-regexp': '^https://github.com/acme/', 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' };

/** A GitHub API on loopback: answers compare with `order`, records the calls; `silent` never answers. */
async function fakeGitHub(answer: { order?: string; status?: number; silent?: boolean }) {
  const calls: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    calls.push(`${req.method} ${req.url}`);
    req.resume();
    if (answer.silent) return;
    if (req.url?.includes('/compare/')) res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: answer.order }));
    else res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 9, url: 'x' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

describe('the rollout budget starts at the cluster; other steps have their own', () => {
  test('a 10 s signature verification does not eat a 12 s timeout: a healthy rollout of a few seconds is deployed', async () => {
    const ns = 'slow-verify';
    await k.deployment(ns, 'web', img('a'));
    await k.behave({ [img('sv-b')]: { behavior: 'slow', readyAfterMs: 500 } });
    const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('sv-b'), timeout: '12s', ...keyless }, { PATH: slowCosign(10) });
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(r.summary).toMatch(/\| Signature \| passed \| verified: 1 signature\(s\)/);
    expect(await k.images(ns, 'web')).toEqual({ app: img('sv-b') });
  });

  test('a GitHub API that never answers: each call gives up after a short timeout, the rollout is deployed', async () => {
    const gh = await fakeGitHub({ silent: true });
    try {
      const ns = 'github-silent';
      await k.deployment(ns, 'web', img('a'));
      const r = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('gs-b'), timeout: '10s', 'github-token': 'ghs_silentCanary0123', environment: 'production' }, { GITHUB_API_URL: gh.url });
      expect(r.errors).toEqual([]);
      expect(r.outputs.result).toBe('deployed');
      expect(r.stdout).toMatch(/::warning::Could not create the GitHub deployment for production: GitHub did not answer within 10s/);
      expect(gh.calls).toEqual(['POST /repos/acme/shop/deployments']);
      expect(findLeaks(r, ['ghs_silentCanary0123'])).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  test('a signal during signature verification: result=failed, nothing changed, outputs and summary written, the kubeconfig copy removed', async () => {
    const ns = 'cancel-verify';
    await k.deployment(ns, 'web', img('a'));
    await k.clearRequests();
    const work = mkdtempSync(path.join(tmpdir(), 'cancel-verify-'));
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    const files = { GITHUB_OUTPUT: path.join(work, 'output'), GITHUB_STEP_SUMMARY: path.join(work, 'summary') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const inputs: Record<string, string> = { ...actionDefaults('deploy'), namespace: ns, deployment: 'web', 'image-ref': img('cv-b'), kubeconfig: readFileSync(k.kubeconfig, 'utf8'), ...keyless };
    const child = spawn(node24, [path.join(repoRoot, 'actions', 'deploy', 'dist', 'index.js')], {
      env: { PATH: slowCosign(8), HOME: process.env.HOME, RUNNER_TEMP: runnerTemp, ...files, ...Object.fromEntries(Object.entries(inputs).map(([n, v]) => [inputEnvName(n), v])) },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    const started = Date.now();
    while (!out.includes('::group::Verify: Signature') && Date.now() - started < 30000) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited).not.toBe(0);
    expect(out).toContain('the run was cancelled (SIGINT)');
    const outputs = readFileSync(files.GITHUB_OUTPUT, 'utf8');
    expect(outputs).toMatch(/^result<<.*\nfailed\n/m);
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toMatch(/cancelled \(SIGINT\) during verification/);
    expect(summary).toMatch(/Nothing was changed/);
    expect(summary).not.toMatch(/Rolled back/);
    expect(readdirSync(runnerTemp).filter((f) => f.startsWith('kubeconfig-'))).toEqual([]);
    expect(await k.writes()).toEqual([]);
    expect(existsSync(runnerTemp)).toBe(true);
  });
});

describe('allow-older-commit: the commit order is asked of GitHub before any change', () => {
  async function live(ns: string, gh: string) {
    await k.deployment(ns, 'web', img('a'));
    const first = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img(`${ns}-old`) }, { GITHUB_SHA: OLD_SHA, GITHUB_API_URL: gh });
    expect(first.outputs.result).toBe('deployed');
    expect((await k.get(ns, 'web')).metadata.annotations['secure-delivery.dev/commit']).toBe(OLD_SHA);
  }

  test('an older commit (compare: behind) is refused with nothing changed, unless allow-older-commit: true', async () => {
    const gh = await fakeGitHub({ order: 'behind' });
    try {
      const ns = 'older-commit';
      await live(ns, gh.url);
      await k.clearRequests();
      const token = { 'github-token': 'ghs_orderCanary0123', environment: 'production' };
      const refused = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('oc-new'), ...token }, { GITHUB_SHA: NEW_SHA, GITHUB_API_URL: gh.url });
      expect(refused.exitCode).not.toBe(0);
      expect(refused.outputs.result).toBe('failed');
      expect(refused.errors.at(-1)).toMatch(/Refused: this step deploys an older commit than the one live.*runs commit 1{40}.*Nothing was changed.*allow-older-commit: true/s);
      expect(gh.calls).toContain(`GET /repos/acme/shop/compare/${OLD_SHA}...${NEW_SHA}`);
      expect((await k.writes()).filter((w: { path: string }) => w.path.includes(`/namespaces/${ns}/`))).toEqual([]);
      const allowed = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('oc-new'), 'allow-older-commit': 'true', ...token }, { GITHUB_SHA: NEW_SHA, GITHUB_API_URL: gh.url });
      expect(allowed.errors).toEqual([]);
      expect(allowed.outputs.result).toBe('deployed');
      expect(allowed.stdout).toMatch(/::warning::.*as allow-older-commit: true permits/);
      expect((await k.get(ns, 'web')).metadata.annotations['secure-delivery.dev/commit']).toBe(NEW_SHA);
      expect(findLeaks(refused, ['ghs_orderCanary0123'])).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  test('a newer commit (ahead) deploys; without a token, or when GitHub fails, a warning and the deploy goes on', async () => {
    const gh = await fakeGitHub({ order: 'ahead' });
    try {
      const ns = 'newer-commit';
      await live(ns, gh.url);
      const ahead = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('nc-1'), 'github-token': 'ghs_x0123456789', environment: 'production' }, { GITHUB_SHA: NEW_SHA, GITHUB_API_URL: gh.url });
      expect(ahead.errors).toEqual([]);
      expect(ahead.outputs.result).toBe('deployed');
      expect(ahead.stdout).not.toMatch(/::warning::.*commit order/);
      const noToken = await deploy({ namespace: ns, deployment: 'web', 'image-ref': img('nc-2') }, { GITHUB_SHA: OLD_SHA, GITHUB_API_URL: gh.url });
      expect(noToken.outputs.result).toBe('deployed');
      expect(noToken.stdout).toMatch(/::warning::The commit order could not be checked \(no github-token is given\)/);
    } finally {
      await gh.close();
    }
    const broken = await fakeGitHub({ status: 500 });
    try {
      const failing = await deploy({ namespace: 'newer-commit', deployment: 'web', 'image-ref': img('nc-3'), 'github-token': 'ghs_x0123456789', environment: 'production' }, { GITHUB_SHA: NEW_SHA, GITHUB_API_URL: broken.url });
      expect(failing.outputs.result).toBe('deployed');
      expect(failing.stdout).toMatch(/::warning::The commit order could not be checked \(GitHub answered HTTP 500\)/);
    } finally {
      await broken.close();
    }
  });
});
