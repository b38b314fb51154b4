/**
 * Every summary seal-secrets writes, from the bundle as the runner runs it, read
 * as GitHub renders it (test/harness/gfm.mjs): commands in fenced code blocks,
 * `<placeholders>` kept, lines meant apart kept apart, no value anywhere.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRendered } from '../harness/gfm.mjs';
import { runAction } from '../harness/run-action.mjs';
import { findLeaks } from '../harness/leak-check.mjs';

interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  workDir: string;
  cwd: string;
}
interface Rendered {
  blocks: Array<{ kind: string; text: string }>;
  codeBlocks: string[];
  eatenTags: string[];
  text: string;
}
const run = runAction as (action: string, options: Record<string, unknown>) => Promise<RunResult>;
const leaks = findLeaks as (result: RunResult, canaries: string[], extraDirs?: string[]) => string[];
const rendered = (r: RunResult): Rendered => readRendered(r.summary) as Rendered;
const heading = (g: Rendered): string | undefined => g.blocks.find((b) => /^h[1-6]$/.test(b.kind))?.text;
const prose = (g: Rendered): string[] => g.blocks.filter((b) => b.kind !== 'code').map((b) => b.text);

let certPem: string;
let keys: string;

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seal-sum-ws-'));
  writeFileSync(path.join(dir, 'cert.pem'), certPem);
  return dir;
}

/** What every rendered summary keeps: no tag eaten but <br>, no command in running text. */
function checkCommon(g: Rendered): void {
  expect(g.eatenTags.filter((t) => !/^<br>$/i.test(t))).toEqual([]);
  for (const p of prose(g)) expect(p).not.toMatch(/\b(kubectl|kubeseal) (apply|get|--fetch-cert)\b/);
}

beforeAll(() => {
  keys = mkdtempSync(path.join(tmpdir(), 'seal-sum-keys-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(keys, 'key.pem'), '-out', path.join(keys, 'cert.pem'), '-days', '90', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
  certPem = readFileSync(path.join(keys, 'cert.pem'), 'utf8');
});

describe('seal-secrets summaries, rendered', () => {
  it('sealed, then merged: the commands to apply and check are a code block; key states are table rows', async () => {
    const ws = workspace();
    const sealed = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'password=CANARY-sum-pw', cert: 'cert.pem' } });
    expect(sealed.errors).toEqual([]);
    const g = rendered(sealed);
    checkCommon(g);
    expect(heading(g)).toBe('✅ Sealed 1 key into shop/web');
    expect(g.codeBlocks).toContainEqual('kubectl apply -f web.sealedsecret.yaml\nkubectl get secret web --namespace shop\n');
    expect(g.blocks.find((b) => b.kind === 'tr' && b.text.startsWith('Certificate'))?.text).toMatch(/^Certificate SHA-256 [0-9A-F:]{95}\nRSA-2048, expires \d{4}-\d\d-\d\d, from cert\.pem$/);

    const merged = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'token=CANARY-sum-token\npassword=CANARY-sum-pw2', cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml' } });
    expect(merged.errors).toEqual([]);
    const m = rendered(merged);
    checkCommon(m);
    expect(heading(m)).toBe('✅ Merged 2 keys into shop/web');
    expect(m.blocks.filter((b) => b.kind === 'tr').map((b) => b.text)).toEqual(expect.arrayContaining(['password replaced', 'token added']));
    expect(m.codeBlocks).toContainEqual('kubectl apply -f web.sealedsecret.yaml\nkubectl get secret web --namespace shop\n');
    expect(leaks(sealed, ['CANARY-sum-pw'], [keys])).toEqual([]);
    expect(leaks(merged, ['CANARY-sum-token', 'CANARY-sum-pw2'], [keys])).toEqual([]);
  });

  it('input error: the <placeholder> of the expected form survives, the message and the advice are separate paragraphs', async () => {
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'ci-token', namespace: 'shop', type: 'kubernetes.io/service-account-token', secrets: 'token=CANARY-sum-sa', cert: 'cert.pem' } });
    expect(r.exitCode).toBe(1);
    const g = rendered(r);
    checkCommon(g);
    expect(heading(g)).toBe('❌ seal-secrets did not start: input annotations');
    expect(prose(g)).toContainEqual(expect.stringMatching(/needs the annotation kubernetes\.io\/service-account\.name=<service account name> /));
    expect(prose(g)).toContain('Nothing was changed. Fix the input in the workflow file and run it again.');
    expect(leaks({ ...r, cwd: r.workDir }, ['CANARY-sum-sa'])).toEqual([]);
  });

  it('kubeseal failure: its error line in a code block, without klog chatter or usage text, values masked', async () => {
    const r = await run('seal-secrets', { cwd: workspace(), env: { FAKE_KUBESEAL_FAIL: 'noisy' }, inputs: { name: 'web', namespace: 'shop', secrets: 'password=CANARY-sum-ks', cert: 'cert.pem', engine: 'kubeseal' } });
    expect(r.exitCode).toBe(1);
    const g = rendered(r);
    checkCommon(g);
    expect(heading(g)).toBe('❌ seal-secrets failed');
    expect(prose(g)).toContain('kubeseal exited with code 1');
    expect(g.codeBlocks).toContainEqual('error: cannot seal key "password": value "***" (data ***) is not valid\n');
    expect(g.codeBlocks.some((c) => c.includes('kubeseal --fetch-cert') && c.includes('> <cert file>'))).toBe(true);
    expect(r.summary).not.toMatch(/Usage of kubeseal|--allow-empty-data|loader\.go|warnings\.go/);
    expect(r.errors[0]).toMatch(/^seal-secrets failed: kubeseal exited with code 1:\nerror: cannot seal key "password"/);
    expect(r.errors[0]).not.toMatch(/Usage of kubeseal|loader\.go/);
    expect(leaks(r, ['CANARY-sum-ks'], [keys])).toEqual([]);
  });
});
