/**
 * admission-policy run as the runner runs it (the bundle, INPUT_* variables), writing
 * both policies and applying them with the real kubectl, server-side, to the
 * simulated API server (test/fake-kube serves both kinds, cluster-scoped).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { startFakeKube } from '../fake-kube/server.mjs';
import { readRendered } from '../harness/gfm.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { runAction } from '../harness/run-action.mjs';

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
  state: { requests: Array<{ method: string; path: string; query: string; contentType: string }> };
}
const run = runAction as (action: string, options: Record<string, unknown>) => Promise<RunResult>;
const leaks = findLeaks as (result: RunResult, canaries: string[], extraDirs?: string[]) => string[];

const IDENTITY = 'https://github.com/acme/platform/.github/workflows/secure-delivery.yml@refs/tags/v1.4.0';
const trust = {
  images: 'ghcr.io/acme/*\nghcr.io/acme/tools/**',
  'require-attestations': 'provenance,sbom,vuln',
  'source-repository': 'acme/shop',
  'source-ref-regexp': '^refs/(heads/main|tags/v.*)$',
  'certificate-identity': IDENTITY,
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
};

let kube: FakeKube;
let kubeconfig: string;
let kubeconfigFile: string;

beforeAll(async () => {
  kube = (await startFakeKube()) as FakeKube;
  kubeconfigFile = kube.writeKubeconfig(path.join(mkdtempSync(path.join(tmpdir(), 'adm-kube-')), 'config'));
  kubeconfig = readFileSync(kubeconfigFile, 'utf8');
});
afterAll(async () => {
  await kube.stop();
});

describe('admission-policy', () => {
  it('writes a ClusterImagePolicy and a Kyverno ClusterPolicy, without applying them', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'adm-ws-'));
    const r = await run('admission-policy', { cwd: ws, inputs: { ...trust, mode: 'warn' } });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.file).toBe(path.join(ws, 'admission-policy.yaml'));
    expect(r.outputs.applied).toBe('false');
    const docs = parseAllDocuments(readFileSync(path.join(ws, 'admission-policy.yaml'), 'utf8')).map((d) => d.toJS() as { apiVersion: string; kind: string; spec: Record<string, unknown> });
    expect(docs.map((d) => `${d.apiVersion}/${d.kind}`)).toEqual(['policy.sigstore.dev/v1beta1/ClusterImagePolicy', 'kyverno.io/v1/ClusterPolicy']);
    expect(docs[0]?.spec.mode).toBe('warn');
    expect(JSON.stringify(docs[1])).toContain('"failureAction":"Audit"');
    const text = readFileSync(path.join(ws, 'admission-policy.yaml'), 'utf8');
    expect(text).toContain('https://cosign.sigstore.dev/attestation/vuln/v1');
    expect(text).not.toMatch(/[^/]cosign\.sigstore\.dev\/attestation\/vuln\/v1/);
    const rendered = readRendered(r.summary);
    expect(rendered.eatenTags).toEqual([]);
    expect(rendered.codeBlocks).toEqual([`kubectl apply --server-side -f ${path.join(ws, 'admission-policy.yaml')}\n`]);
    expect(rendered.text).toMatch(/warn \(policy-controller warn, Kyverno Audit\)/);
  });

  it('applies both server-side with the real kubectl, and again without change', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'adm-ws-'));
    const inputs = { ...trust, apply: 'true', kubeconfig };
    const r = await run('admission-policy', { cwd: ws, inputs });
    expect(r.errors).toEqual([]);
    expect(r.outputs.applied).toBe('true');
    expect(r.outputs['applied-kinds']).toBe('ClusterImagePolicy/secure-delivery-trust\nClusterPolicy/secure-delivery-trust');
    const patches = kube.state.requests.filter((q) => q.method === 'PATCH');
    expect(patches.map((q) => q.path)).toEqual(['/apis/policy.sigstore.dev/v1beta1/clusterimagepolicies/secure-delivery-trust', '/apis/kyverno.io/v1/clusterpolicies/secure-delivery-trust']);
    expect(patches.every((q) => q.contentType === 'application/apply-patch+yaml' && /fieldManager=admission-policy/.test(q.query))).toBe(true);
    const live = JSON.parse((await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfigFile, 'get', 'clusterpolicies.kyverno.io/secure-delivery-trust', '-o', 'json'], { encoding: 'utf8' })).stdout) as { spec: { rules: Array<{ verifyImages: Array<{ imageReferences: string[] }> }> } };
    expect(live.spec.rules[0]?.verifyImages[0]?.imageReferences).toEqual(['ghcr.io/acme/*', 'ghcr.io/acme/tools/**']);
    expect(readRendered(r.summary).text).toMatch(/ClusterPolicy\/secure-delivery-trust\s*✅ applied/);
    expect(leaks(r, ['fake-kube-token'], [])).toEqual([]);
    const again = await run('admission-policy', { cwd: ws, inputs });
    expect(again.errors).toEqual([]);
    expect(again.outputs.applied).toBe('true');
  });

  it.each([
    [{ 'require-attestations': 'provenance,attestation' }, /^admission-policy failed: input 'require-attestations': 'attestation' is not an attestation this suite verifies/],
    [{ 'certificate-identity': '', 'certificate-oidc-issuer': '' }, /^admission-policy failed: input 'certificate-identity': require-attestations asks for provenance, sbom, vuln, so who signed them must be given/],
    [{ 'source-ref-regexp': '^refs/(?!heads/dev)' }, /^admission-policy failed: input 'source-ref-regexp': .* uses a lookaround, which Go's RE2/],
    [{ 'max-scan-age': '1d' }, /^admission-policy failed: input 'max-scan-age': '1d' is not a duration/],
    [{ mode: 'audit' }, /^admission-policy failed: input 'mode': 'audit' is not one of enforce, warn/],
    [{ images: 'ghcr.io/Acme/*' }, /^admission-policy failed: input 'images': 'ghcr.io\/Acme\/\*' is not an image glob/],
    [{ kubeconfig: 'x' }, /^admission-policy failed: input 'kubeconfig': only apply: true talks to a cluster/],
  ])('refuses a bad input before writing anything: %j', async (bad, message) => {
    const ws = mkdtempSync(path.join(tmpdir(), 'adm-ws-'));
    const r = await run('admission-policy', { cwd: ws, inputs: { ...trust, ...bad } });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(existsSync(path.join(ws, 'admission-policy.yaml'))).toBe(false);
  });
});
