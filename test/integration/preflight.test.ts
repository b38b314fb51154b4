import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRendered } from '../harness/gfm.mjs';
import { startCluster } from '../harness/kube.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { repoRoot, runAction } from '../harness/run-action.mjs';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const CASES_DIR = path.join(repoRoot, 'test', 'fixtures', 'preflight', 'cases');

beforeAll(async () => {
  k = await startCluster({ timeScale: 0.1 });
});
afterAll(async () => {
  await k?.sim.stop();
});

/** A workspace holding the case's manifests under k8s/ (and the runner files). */
function workspace(...cases: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-'));
  mkdirSync(path.join(dir, 'k8s'));
  for (const c of cases) cpSync(path.join(CASES_DIR, c, 'manifests.yaml'), path.join(dir, 'k8s', `${c}.yaml`));
  return dir;
}

/** The bundle with the workspace as GITHUB_WORKSPACE; the runner's files live elsewhere. */
const preflight = (dir: string, inputs: Record<string, string>, env: Record<string, string | undefined> = {}) =>
  runAction('preflight', { inputs, cwd: dir, workDir: mkdtempSync(path.join(tmpdir(), 'preflight-runner-')), env });
const warningsOf = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::warning')).map((l) => l.replace(/^::warning[^:]*::/, ''));

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; level: string; suppressions?: unknown[]; locations: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
}
const sarifOf = (dir: string): Sarif => JSON.parse(readFileSync(path.join(dir, 'preflight.sarif'), 'utf8')) as Sarif;

describe('preflight, run as the runner runs it', () => {
  test('manifests that pass everything: exit 0, zero counts, an empty SARIF still written, a summary with what is not checked here', async () => {
    const dir = workspace('all-pass');
    const r = await preflight(dir, { manifests: 'k8s/' });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({ passed: 'true', errors: '0', warnings: '0', waived: '0', 'sarif-file': path.join(dir, 'preflight.sarif'), 'report-file': path.join(dir, 'preflight-report.json') });
    expect(sarifOf(dir).runs[0]?.results).toEqual([]);
    const page = readRendered(r.summary);
    expect(page.eatenTags).toEqual([]);
    expect(page.blocks.find((b) => b.kind === 'h3')?.text).toBe('✅ preflight passed');
    for (const item of ['Distributed tracing', 'Backups (Velero)', 'etcd encryption at rest', 'DNS']) expect(page.text).toContain(item);
  });

  test('a failing check: exit 1, the SARIF result points at the file and line, the summary gives the fix as YAML', async () => {
    const dir = workspace('pdb-missing');
    const r = await preflight(dir, { manifests: 'k8s/*.yaml' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '1', warnings: '0', waived: '0' });
    expect(r.errors.at(-1)).toMatch(/^preflight failed: 1 error\(s\), 0 warning\(s\)/);
    const [result] = sarifOf(dir).runs[0]?.results ?? [];
    expect(result?.ruleId).toBe('pdb');
    expect(result?.level).toBe('error');
    const loc = result?.locations[0]?.physicalLocation;
    expect(loc?.artifactLocation.uri).toBe('k8s/pdb-missing.yaml');
    expect(readFileSync(path.join(dir, 'k8s', 'pdb-missing.yaml'), 'utf8').split('\n')[(loc?.region.startLine ?? 0) - 1]).toBe('apiVersion: apps/v1');
    const page = readRendered(r.summary);
    expect(page.eatenTags).toEqual([]);
    expect(page.codeBlocks.some((c) => c.includes('kind: PodDisruptionBudget') && c.includes('app: "api"'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'preflight-report.json'), 'utf8')) as { passed: boolean; objects: Array<{ object: string; findings: Array<{ check: string }> }> };
    expect(report.passed).toBe(false);
    expect(report.objects[0]?.findings.map((f) => f.check)).toEqual(['pdb']);
  });

  test('waivers: an unexpired one waives (counted, suppressed in SARIF); an expired one waives nothing and is listed', async () => {
    const dir = workspace('pdb-missing', 'no-quota');
    // Two namespaces would collide: the second case is renamed.
    const quota = path.join(dir, 'k8s', 'no-quota.yaml');
    writeFileSync(quota, readFileSync(quota, 'utf8').replace(/^(\s*(?:name|namespace)): shop$/gm, '$1: shop-2'));
    writeFileSync(path.join(dir, '.preflight-waivers.yaml'), [
      'waivers:',
      '  - check: pdb',
      '    object: Deployment/shop/*',
      '    reason: single-zone cluster until Q3, SHOP-42',
      '    expires: 2099-12-31',
      '  - check: resource-quota',
      '    object: Deployment/shop-2/api',
      '    reason: quota comes with the platform migration',
      '    expires: 2020-01-31',
      '',
    ].join('\n'));
    const r = await preflight(dir, { manifests: 'k8s/' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '1', waived: '1' });
    const results = sarifOf(dir).runs[0]?.results ?? [];
    expect(results.map((x) => [x.ruleId, x.suppressions?.length ?? 0]).sort()).toEqual([['pdb', 1], ['resource-quota', 0]]);
    expect(warningsOf(r.stdout).some((w) => /expired on 2020-01-31 and waives nothing \(it matches 1 finding/.test(w))).toBe(true);
    const page = readRendered(r.summary);
    expect(page.text).toContain('Expired waivers (they waive nothing)');
    expect(page.blocks.some((b) => b.kind === 'tr' && b.text.includes('resource-quota') && b.text.includes('2020-01-31'))).toBe(true);
  });

  test('image-ref: the containers of its repository are checked as if they ran it', async () => {
    const dir = workspace('all-pass');
    const r = await preflight(dir, { manifests: 'k8s/all-pass.yaml', 'image-ref': 'ghcr.io/acme/api:1.4.2' });
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '1' });
    expect(sarifOf(dir).runs[0]?.results.map((x) => x.ruleId)).toEqual(['image-immutable']);
    const other = await preflight(dir, { manifests: 'k8s/all-pass.yaml', 'image-ref': 'ghcr.io/acme/web:latest' });
    expect(other.outputs).toMatchObject({ errors: '0', warnings: '0' });
  });

  test.each([
    ['no target', {}, [], /^preflight failed: input 'manifests': no target: give manifests/],
    ['namespace without deployments', { namespace: 'shop' }, [], /^preflight failed: input 'manifests': namespace 'shop' is given but no deployments/],
    ['deployments without namespace', { deployments: 'api' }, [], /^preflight failed: input 'namespace': /],
    ['a manifest that does not exist', { manifests: 'k8s/missing.yaml' }, [], /^preflight failed: input 'manifests': 'k8s\/missing.yaml' does not exist/],
    ['a glob that matches nothing', { manifests: 'k8s/**/*.yml' }, [], /^preflight failed: input 'manifests': 'k8s\/\*\*\/\*.yml' matches no file/],
    ['an unreadable manifest (YAML error, with its line)', { manifests: 'k8s/' }, [['k8s/bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n']], /^preflight failed: input 'manifests': 'k8s\/bad.yaml' line \d+ is not valid YAML/],
    ['a waiver without a reason', { manifests: 'k8s/' }, [['.preflight-waivers.yaml', 'waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    expires: 2099-01-01\n']], /^preflight failed: input 'waivers-file': \.preflight-waivers\.yaml line 2 \(waiver 1\): 'reason' is required/],
    ['a waiver for an unknown check', { manifests: 'k8s/' }, [['.preflight-waivers.yaml', 'waivers:\n  - check: pdbs\n    object: Deployment/shop/api\n    reason: x\n    expires: 2099-01-01\n']], /^preflight failed: input 'waivers-file': .* 'pdbs' is not a preflight check\. Expected one of secret-in-manifest, resources/],
    ['a waiver with a date that is not one', { manifests: 'k8s/' }, [['.preflight-waivers.yaml', 'waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    reason: x\n    expires: next quarter\n']], /^preflight failed: input 'waivers-file': .* expires 'next quarter' is not a date/],
    ['a waivers file named but absent', { manifests: 'k8s/', 'waivers-file': 'waivers.yaml' }, [], /^preflight failed: input 'waivers-file': 'waivers.yaml' does not exist/],
    ['fail-on not a choice', { manifests: 'k8s/', 'fail-on': 'errors' }, [], /^preflight failed: input 'fail-on': 'errors' is not one of error, warning, never/],
    ['an image-ref that is not one', { manifests: 'k8s/', 'image-ref': 'ghcr.io/Acme/api' }, [], /^preflight failed: input 'image-ref': /],
  ] as Array<[string, Record<string, string>, Array<[string, string]>, RegExp]>)('bad input, %s: fails naming the input, nothing written but the error', async (_name, inputs, files, error) => {
    const dir = workspace('all-pass');
    for (const [f, text] of files) writeFileSync(path.join(dir, f), text);
    const before = readdirSync(dir).sort();
    const r = await preflight(dir, inputs);
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(existsSync(path.join(dir, 'preflight.sarif'))).toBe(false);
    expect(existsSync(path.join(dir, 'preflight-report.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(r.outputs).toEqual({});
    expect(r.summary).toContain('did not start');
  });

  test('live: a kind the credentials may not list is unknown (a warning), never a pass; the kubeconfig stays secret', async () => {
    await k.admin('POST', '/_sim/reset');
    await k.kubectl('apply', '-f', path.join(CASES_DIR, 'all-pass', 'manifests.yaml'));
    await k.admin('POST', '/_sim/forbidden', { resource: 'networkpolicies.networking.k8s.io', namespace: 'shop' });
    const dir = workspace();
    const kubeconfig = readFileSync(k.kubeconfig, 'utf8');
    try {
      const r = await preflight(dir, { namespace: 'shop', deployments: 'api', kubeconfig }, { KUBECONFIG: undefined, KUBECACHEDIR: path.join(dir, 'kubecache') });
      expect(r.errors).toEqual([]);
      expect(r.exitCode).toBe(0);
      expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '1', waived: '0' });
      const report = JSON.parse(readFileSync(path.join(dir, 'preflight-report.json'), 'utf8')) as { mode: string; unavailable: Record<string, string>; objects: Array<{ findings: Array<{ check: string; status: string; severity: string }> }> };
      expect(report.mode).toBe('live');
      expect(Object.keys(report.unavailable)).toEqual(['NetworkPolicy']);
      expect(report.objects[0]?.findings).toMatchObject([{ check: 'network-policy', status: 'unknown', severity: 'warning' }]);
      const page = readRendered(r.summary);
      expect(page.text).toContain('Could not be read');
      expect(page.text).toContain('networkpolicies.networking.k8s.io is forbidden');
      expect(findLeaks(r, ['fake-kube-token'], [dir])).toEqual([]);
      // Without the 403 the same namespace passes with no warning.
      await k.admin('DELETE', '/_sim/forbidden');
      const again = await preflight(dir, { namespace: 'shop', deployments: 'api', kubeconfig, 'fail-on': 'warning' }, { KUBECONFIG: undefined, KUBECACHEDIR: path.join(dir, 'kubecache') });
      expect(again.exitCode).toBe(0);
      expect(again.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0' });
    } finally {
      await k.admin('DELETE', '/_sim/forbidden');
    }
  });

  test('manifests and cluster together: related objects that live in the cluster and not in the file are found', async () => {
    await k.admin('POST', '/_sim/reset');
    await k.kubectl('apply', '-f', path.join(CASES_DIR, 'all-pass', 'manifests.yaml'));
    // The file holds only the Deployment, as an application repository often does.
    const dir = workspace();
    const all = readFileSync(path.join(CASES_DIR, 'all-pass', 'manifests.yaml'), 'utf8').split(/^---$/m);
    writeFileSync(path.join(dir, 'k8s', 'deployment.yaml'), all.find((d) => /^kind: Deployment$/m.test(d)) as string);
    const env = { KUBECONFIG: k.kubeconfig, KUBECACHEDIR: path.join(dir, 'kubecache') };
    const alone = await preflight(dir, { manifests: 'k8s/', 'fail-on': 'never' });
    expect(Number(alone.outputs.errors)).toBeGreaterThanOrEqual(2); // pdb, network-policy from the file alone
    const both = await preflight(dir, { manifests: 'k8s/', namespace: 'shop', deployments: 'api' }, env);
    expect(both.errors).toEqual([]);
    expect(both.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0' });
    const report = JSON.parse(readFileSync(path.join(dir, 'preflight-report.json'), 'utf8')) as { mode: string; objects: Array<{ object: string; source?: { file: string } }> };
    expect(report.mode).toBe('both');
    // The Deployment checked is the one in the file (about to run), not the cluster's.
    expect(report.objects.map((o) => [o.object, o.source?.file])).toEqual([['Deployment/shop/api', 'k8s/deployment.yaml']]);
  });

  test('live: a Deployment that is not there is an error naming the input', async () => {
    const dir = workspace();
    const r = await preflight(dir, { namespace: 'shop', deployments: 'nope' }, { KUBECONFIG: k.kubeconfig, KUBECACHEDIR: path.join(dir, 'kubecache') });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/Deployment nope not found in namespace shop \(input 'deployments'\)/);
    expect(r.outputs.passed).toBe('false');
  });
});
