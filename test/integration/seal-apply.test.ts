/**
 * seal-secrets with apply: true and the certificate fetched from the
 * controller, run by the bundled action with the real kubectl against the
 * simulated API server (test/fake-kube): discovery, OpenAPI v3, server-side
 * apply of bitnami.com/v1alpha1 SealedSecrets, and the service proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeKube } from '../fake-kube/server.mjs';
import { readRendered } from '../harness/gfm.mjs';
import { runAction } from '../harness/run-action.mjs';
import { findLeaks } from '../harness/leak-check.mjs';

interface RunResult {
  exitCode: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  workDir: string;
  cwd: string;
}
interface FakeKube {
  url: string;
  writeKubeconfig(path: string): string;
  stop(): Promise<void>;
  state: { addObjects(o: unknown[]): unknown; requests: Array<{ method: string; path: string; query: string; contentType: string; status?: number }>; setProxy?: unknown };
}
const run = runAction as (action: string, options: Record<string, unknown>) => Promise<RunResult>;
const leaks = findLeaks as (result: RunResult, canaries: string[], extraDirs?: string[]) => string[];
const fixtures = fileURLToPath(new URL('../fixtures/seal', import.meta.url));

let kube: FakeKube;
let kubeconfig: string;
let kubeconfigFile: string;
let keys: string;
let pem: string;

// Asynchronous: the simulated API server runs in this process and must keep answering.
const kubectlJson = async (args: string[]): Promise<{ metadata: { annotations?: Record<string, string> }; spec: { encryptedData: Record<string, string> } }> => JSON.parse((await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfigFile, ...args, '-o', 'json'], { encoding: 'utf8' })).stdout);

beforeAll(async () => {
  kube = (await startFakeKube()) as FakeKube;
  keys = mkdtempSync(path.join(tmpdir(), 'seal-apply-keys-'));
  kubeconfigFile = kube.writeKubeconfig(path.join(keys, 'kubeconfig'));
  kubeconfig = readFileSync(kubeconfigFile, 'utf8');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(keys, 'key.pem'), '-out', path.join(keys, 'cert.pem'), '-days', '90', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
  pem = readFileSync(path.join(keys, 'cert.pem'), 'utf8');
  kube.state.addObjects([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'sealed-secrets-controller', namespace: 'kube-system' }, spec: { ports: [{ name: 'http', port: 8080, targetPort: 8080 }], selector: { app: 'sealed-secrets' } } },
  ]);
  // The controller's answer behind the service proxy (what kubeseal --fetch-cert reads).
  const res = await fetch(`${kube.url}/_sim/proxy`, { method: 'POST', body: JSON.stringify({ path: '/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem', status: 200, contentType: 'application/x-pem-file', body: pem }) });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await kube?.stop();
});

async function unseal(items: Array<{ label: string; ciphertext: string }>): Promise<string[]> {
  const child = spawn('python3', [path.join(fixtures, 'unseal.py'), path.join(keys, 'key.pem')]);
  child.stdin.end(items.map((i) => JSON.stringify(i)).join('\n'));
  let stdout = '';
  for await (const chunk of child.stdout) stdout += String(chunk);
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { plaintext_b64?: string })
    .map((o) => Buffer.from(o.plaintext_b64 ?? '', 'base64').toString('utf8'));
}

describe('apply: true, certificate from the controller', () => {
  let ws: string;
  it('creates the SealedSecret by server-side apply, sealed with the fetched certificate', async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'seal-apply-ws-'));
    const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', scope: 'namespace-wide', secrets: 'password=CANARY-apply-pw\ntoken=CANARY-apply-token', apply: 'true', kubeconfig } });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toContain('sealedsecret.bitnami.com/web created; added password, token');
    expect(r.summary).toMatch(/Applied \| created \(server-side apply\): added password, token/);
    // As GitHub renders it: the Applied row, and the commands to check in a code block.
    const g = readRendered(r.summary) as { blocks: Array<{ kind: string; text: string }>; codeBlocks: string[]; eatenTags: string[] };
    expect(g.eatenTags.filter((t) => !/^<br>$/i.test(t))).toEqual([]);
    expect(g.blocks.find((b) => b.kind === 'tr' && b.text.startsWith('Applied'))?.text).toBe('Applied created (server-side apply): added password, token');
    expect(g.codeBlocks).toContainEqual('kubectl get sealedsecret web --namespace shop\nkubectl get secret web --namespace shop\n');
    const patch = kube.state.requests.find((q) => q.method === 'PATCH' && q.path === '/apis/bitnami.com/v1alpha1/namespaces/shop/sealedsecrets/web');
    expect(patch?.contentType).toBe('application/apply-patch+yaml');
    expect(patch?.query).toMatch(/fieldManager=seal-secrets/);
    expect(patch?.query).toMatch(/force=false/);
    const live = await kubectlJson(['get', 'sealedsecrets.bitnami.com/web', '-n', 'shop']);
    expect(live.metadata.annotations).toMatchObject({ 'sealedsecrets.bitnami.com/namespace-wide': 'true' });
    expect(await unseal(Object.values(live.spec.encryptedData as Record<string, string>).map((c) => ({ label: 'shop', ciphertext: c })))).toEqual(['CANARY-apply-pw', 'CANARY-apply-token']);
    expect(leaks(r, ['CANARY-apply-pw', 'CANARY-apply-token', 'fake-kube-token'], [])).toEqual([]);
  });

  it('merging a key and applying again reports what changed, and keeps the others', async () => {
    const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', scope: 'namespace-wide', secrets: 'token=CANARY-apply-token-2\nextra=CANARY-apply-extra', apply: 'true', kubeconfig, 'merge-into': 'web.sealedsecret.yaml' } });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toContain('sealedsecret.bitnami.com/web updated; added extra; re-sealed token; unchanged password');
    const live = await kubectlJson(['get', 'sealedsecrets.bitnami.com/web', '-n', 'shop']);
    const data = live.spec.encryptedData as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['extra', 'password', 'token']);
    expect(await unseal(['extra', 'password', 'token'].map((k) => ({ label: 'shop', ciphertext: data[k] as string })))).toEqual(['CANARY-apply-extra', 'CANARY-apply-pw', 'CANARY-apply-token-2']);
  });

  it.each([
    ['a context the kubeconfig does not have', { context: 'no-such-context' }, /input 'context': 'no-such-context' is not a context of the kubeconfig input/],
    ['kubeconfig content that is not a kubeconfig', { kubeconfig: 'clusters: [unclosed' }, /input 'kubeconfig': the kubeconfig input is not a kubeconfig kubectl can load/],
  ])('%s: fails naming the input before anything is sealed or written', async (_what, override, message) => {
    const ws3 = mkdtempSync(path.join(tmpdir(), 'seal-apply-ws-'));
    copyFileSync(path.join(keys, 'cert.pem'), path.join(ws3, 'cert.pem'));
    const r = await run('seal-secrets', { cwd: ws3, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-apply-ctx', apply: 'true', kubeconfig, cert: 'cert.pem', ...override } });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(existsSync(path.join(ws3, 'web.sealedsecret.yaml'))).toBe(false);
    expect(r.outputs).toEqual({});
    expect(r.summary).toMatch(/did not start: input `(context|kubeconfig)`/);
    expect(r.summary.match(/###/g)).toHaveLength(1);
  });

  it('an API server that refuses the apply fails the step, after the file was written', async () => {
    const ws2 = mkdtempSync(path.join(tmpdir(), 'seal-apply-ws-'));
    copyFileSync(path.join(keys, 'cert.pem'), path.join(ws2, 'cert.pem'));
    const r = await run('seal-secrets', { cwd: ws2, inputs: { name: 'web', namespace: 'no-such-namespace', secrets: 'a=CANARY-apply-404', apply: 'true', kubeconfig, cert: 'cert.pem' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/kubectl apply .*failed/);
    expect(r.outputs.file).toBe(path.join(ws2, 'web.sealedsecret.yaml'));
    expect(r.summary).toContain('seal-secrets failed');
    // As GitHub renders it: kubectl's error kept whole (a multi-line one would go to a code block).
    const g = readRendered(r.summary) as { blocks: Array<{ kind: string; text: string }>; eatenTags: string[] };
    expect(g.eatenTags.filter((t) => !/^<br>$/i.test(t))).toEqual([]);
    expect(g.blocks.find((b) => b.kind === 'p')?.text).toMatch(/kubectl apply .*failed \(exit 1\): .*no-such-namespace/);
  });
});
