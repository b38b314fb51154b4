/**
 * seal-secrets run as the runner runs it (node actions/seal-secrets/dist/index.js),
 * with keys made by openssl and every ciphertext opened by an implementation
 * that is not ours (Python `cryptography`, test/fixtures/seal/unseal.py).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
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
const run = runAction as (action: string, options: Record<string, unknown>) => Promise<RunResult>;
const leaks = findLeaks as (result: RunResult, canaries: string[], extraDirs?: string[]) => string[];

const fixtures = fileURLToPath(new URL('../fixtures/seal', import.meta.url));
const UNSEAL = path.join(fixtures, 'unseal.py');
const SCOPES = ['strict', 'namespace-wide', 'cluster-wide'] as const;

let keys: string; // folder holding the private key, outside every workspace
let keyFile: string;
let certFile: string;
let fingerprint: string;

function unseal(key: string, items: Array<{ label: string; ciphertext: string }>): Array<{ ok: boolean; plaintext?: string; error?: string }> {
  const r = spawnSync('python3', [UNSEAL, key], { input: items.map((i) => JSON.stringify(i)).join('\n'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unseal.py failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { ok: boolean; plaintext_b64?: string; error?: string })
    .map((o) => ({ ok: o.ok, error: o.error, plaintext: o.plaintext_b64 === undefined ? undefined : Buffer.from(o.plaintext_b64, 'base64').toString('utf8') }));
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seal-ws-'));
  copyFileSync(certFile, path.join(dir, 'cert.pem'));
  return dir;
}

const lines = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) out[f] = readFileSync(path.join(dir, f), 'utf8');
  return out;
}

beforeAll(() => {
  keys = mkdtempSync(path.join(tmpdir(), 'seal-keys-'));
  keyFile = path.join(keys, 'key.pem');
  certFile = path.join(keys, 'cert.pem');
  // What the controller makes (pkg/crypto/keys.go): RSA-4096, self-signed.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:4096', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '365', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
  fingerprint = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1] as string;
});

describe.each(SCOPES)('scope %s, native engine', (scope) => {
  const canaries = {
    password: `CANARY-${scope}-pw=with=equals==`,
    'api.key': `CANARY ${scope} spaced value `,
    'db_url-1': `postgres://u:CANARY-${scope}@db:5432/x?a=b`,
    unicode: `CANARY-${scope}-päss✓`,
    empty: '',
  };
  let result: RunResult;
  let manifest: { metadata: Record<string, unknown>; spec: { encryptedData: Record<string, string>; template: Record<string, unknown> } };

  beforeAll(async () => {
    result = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', scope, secrets: lines(canaries), cert: 'cert.pem' } });
    if (result.exitCode === 0) manifest = parse(readFileSync(path.join(result.cwd, 'web.sealedsecret.yaml'), 'utf8'));
  });

  it('seals every key and sets the outputs', () => {
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.file).toBe(path.join(result.cwd, 'web.sealedsecret.yaml'));
    expect(result.outputs.keys).toBe(['api.key', 'db_url-1', 'empty', 'password', 'unicode'].join('\n'));
    expect(result.outputs.manifest).toBe(readFileSync(path.join(result.cwd, 'web.sealedsecret.yaml'), 'utf8'));
    expect(Object.keys(manifest.spec.encryptedData)).toEqual(['api.key', 'db_url-1', 'empty', 'password', 'unicode']);
  });

  it('carries the scope annotation as kubeseal writes it', () => {
    const want = scope === 'strict' ? undefined : { [`sealedsecrets.bitnami.com/${scope}`]: 'true' };
    expect(manifest.metadata.annotations).toEqual(want);
    expect(manifest.spec.template).toMatchObject({ type: 'Opaque', metadata: { name: 'web', namespace: 'shop', creationTimestamp: null, ...(want ? { annotations: want } : {}) } });
  });

  it('opens with Python cryptography under the scope label, to exactly the values given', () => {
    const label = scope === 'strict' ? 'shop/web' : scope === 'namespace-wide' ? 'shop' : '';
    const entries = Object.entries(manifest.spec.encryptedData);
    const opened = unseal(keyFile, entries.map(([, c]) => ({ label, ciphertext: c })));
    expect(Object.fromEntries(entries.map(([k], i) => [k, opened[i]?.plaintext]))).toEqual(canaries);
  });

  it('does not open under a wrong label (another namespace or name)', () => {
    const wrong = { strict: ['other/web', 'shop/other', 'shop', ''], 'namespace-wide': ['other', 'shop/web', ''], 'cluster-wide': ['shop', 'shop/web', 'other'] }[scope];
    const items = Object.values(manifest.spec.encryptedData).flatMap((ciphertext) => wrong.map((label) => ({ label, ciphertext })));
    for (const r of unseal(keyFile, items)) expect(r.ok).toBe(false);
  });

  it('leaks no value: not in logs, outputs, summary, or any file but as ciphertext', () => {
    expect(leaks(result, Object.values(canaries).filter((c) => c !== ''), [keys])).toEqual([]);
  });

  it('summarises keys, scope, certificate fingerprint and file', () => {
    for (const k of Object.keys(canaries)) expect(result.summary).toContain(`\`${k}\``);
    expect(result.summary).toContain(fingerprint);
    expect(result.summary).toContain(scope);
    expect(result.summary).toContain('web.sealedsecret.yaml');
  });
});

describe('secrets as JSON, typed Secret, labels, JSON output', () => {
  it('seals multi-line values into a kubernetes.io/tls SealedSecret', async () => {
    const tlsKey = `-----BEGIN PRIVATE KEY-----\nCANARY-tls-key-line\n-----END PRIVATE KEY-----\n`;
    const tlsCrt = `-----BEGIN CERTIFICATE-----\nCANARY-tls-crt-line\n-----END CERTIFICATE-----\n`;
    const r = await run('seal-secrets', {
      cwd: workspace(),
      inputs: { name: 'tls-web', namespace: 'shop', type: 'kubernetes.io/tls', secrets: JSON.stringify({ 'tls.key': tlsKey, 'tls.crt': tlsCrt }), labels: 'app=web', annotations: 'example.com/owner=team-a', cert: 'cert.pem', format: 'json' },
    });
    expect(r.errors).toEqual([]);
    const file = path.join(r.cwd, 'tls-web.sealedsecret.json');
    expect(r.outputs.file).toBe(file);
    const obj = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(obj)).toEqual(['kind', 'apiVersion', 'metadata', 'spec']);
    expect(obj.spec.template).toEqual({ metadata: { name: 'tls-web', namespace: 'shop', creationTimestamp: null, labels: { app: 'web' }, annotations: { 'example.com/owner': 'team-a' } }, type: 'kubernetes.io/tls' });
    const opened = unseal(keyFile, [{ label: 'shop/tls-web', ciphertext: obj.spec.encryptedData['tls.key'] }, { label: 'shop/tls-web', ciphertext: obj.spec.encryptedData['tls.crt'] }]);
    expect(opened.map((o) => o.plaintext)).toEqual([tlsKey, tlsCrt]);
    expect(leaks(r, ['CANARY-tls-key-line', 'CANARY-tls-crt-line'], [keys])).toEqual([]);
  });
});

describe('engine: kubeseal (fake kubeseal on PATH)', () => {
  it('gives kubeseal the Secret on stdin, never a value in argv or on disk, and the result opens', async () => {
    const logDir = mkdtempSync(path.join(tmpdir(), 'seal-kslog-'));
    const log = path.join(logDir, 'kubeseal.log');
    const canaries = { password: 'CANARY-kubeseal-pw=1', token: 'CANARY-kubeseal-token' };
    const r = await run('seal-secrets', { cwd: workspace(), env: { FAKE_KUBESEAL_LOG: log }, inputs: { name: 'web', namespace: 'shop', scope: 'namespace-wide', secrets: lines(canaries), cert: 'cert.pem', engine: 'kubeseal' } });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toContain('Using kubeseal 0.38.4 from PATH');
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const seal = calls.find((c) => c.keys);
    expect(seal.argv.slice(0, 2)).toEqual(['--format', 'yaml']);
    expect(seal.argv).toContain('--cert');
    expect(seal.argv.slice(-2)).toEqual(['--scope', 'namespace-wide']);
    expect(seal.stdinIsFile).toBe(false);
    expect(seal.keys).toEqual(['password', 'token']);
    const obj = parse(readFileSync(r.outputs.file as string, 'utf8'));
    expect(obj.metadata.annotations).toEqual({ 'sealedsecrets.bitnami.com/namespace-wide': 'true' });
    const opened = unseal(keyFile, Object.values(obj.spec.encryptedData as Record<string, string>).map((c) => ({ label: 'shop', ciphertext: c })));
    expect(opened.map((o) => o.plaintext)).toEqual(Object.values(canaries));
    expect(leaks(r, Object.values(canaries), [logDir, keys])).toEqual([]);
  });
});

describe('both engines write the same document', () => {
  it.each(['yaml', 'json'])('%s: keys YAML 1.1 would misread and digit-only keys, identical too', async (format) => {
    const inputs = { name: 'web', namespace: 'shop', labels: 'feature=on', annotations: 'example.com/note=yes', secrets: 'on=CANARY-1\nn=CANARY-2\n10=CANARY-3\n9=CANARY-4\nb=CANARY-5\nDB_HOST=CANARY-6\nDBA=CANARY-7\nserver10=CANARY-8\nserver2=CANARY-9', cert: 'cert.pem', format };
    const native = await run('seal-secrets', { cwd: workspace(), inputs });
    const kubeseal = await run('seal-secrets', { cwd: workspace(), inputs: { ...inputs, engine: 'kubeseal' } });
    expect(native.errors).toEqual([]);
    expect(kubeseal.errors).toEqual([]);
    const blank = (text: string): string => text.replace(/Ag[A-Za-z0-9+/=]{100,}/g, '<ciphertext>');
    const text = readFileSync(native.outputs.file as string, 'utf8');
    expect(blank(readFileSync(kubeseal.outputs.file as string, 'utf8'))).toBe(blank(text));
    // What kubectl (YAML 1.1) reads back: the same keys, in Go's order (go-yaml's in YAML, bytes in JSON).
    const obj = parse(text, { version: '1.1' }) as { spec: { encryptedData: Record<string, string>; template: { metadata: { labels: unknown; annotations: unknown } } } };
    expect(Object.keys(obj.spec.encryptedData).sort()).toEqual(['10', '9', 'DBA', 'DB_HOST', 'b', 'n', 'on', 'server10', 'server2']);
    expect(obj.spec.template.metadata.labels).toEqual({ feature: 'on' });
    expect(obj.spec.template.metadata.annotations).toEqual({ 'example.com/note': 'yes' });
    if (format === 'json') expect(text.indexOf('"10"')).toBeLessThan(text.indexOf('"9"'));
    else expect(text.indexOf('"9"')).toBeLessThan(text.indexOf('"10"'));
  });

  it.each(['yaml', 'json'])('%s: identical but for the ciphertexts', async (format) => {
    const inputs = { name: 'web', namespace: 'shop', scope: 'namespace-wide', type: 'kubernetes.io/basic-auth', labels: 'app=web\ntier=db', annotations: 'example.com/owner=team-a', secrets: 'username=CANARY-u\npassword=CANARY-p', cert: 'cert.pem', format };
    const native = await run('seal-secrets', { cwd: workspace(), inputs });
    const kubeseal = await run('seal-secrets', { cwd: workspace(), inputs: { ...inputs, engine: 'kubeseal' } });
    expect(native.errors).toEqual([]);
    expect(kubeseal.errors).toEqual([]);
    const blank = (text: string): string => text.replace(/Ag[A-Za-z0-9+/=]{100,}/g, '<ciphertext>');
    expect(blank(readFileSync(kubeseal.outputs.file as string, 'utf8'))).toBe(blank(readFileSync(native.outputs.file as string, 'utf8')));
  });
});

describe('merge-into', () => {
  for (const engine of ['native', 'kubeseal'] as const) {
    it(`${engine}: adds and replaces only the given keys; the others keep their ciphertext byte for byte`, async () => {
      const ws = workspace();
      const first = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', scope: 'namespace-wide', secrets: 'alpha=CANARY-alpha-old\nbeta=CANARY-beta-old\ngamma=CANARY-gamma-old', cert: 'cert.pem' } });
      expect(first.errors).toEqual([]);
      const file = path.join(ws, 'web.sealedsecret.yaml');
      const withComment = `# sealed by CI\n${readFileSync(file, 'utf8')}`;
      writeFileSync(file, withComment);
      const before = parse(withComment).spec.encryptedData as Record<string, string>;

      const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', scope: 'namespace-wide', secrets: 'beta=CANARY-beta-new\ndelta=CANARY-delta-new', cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml', engine } });
      expect(r.errors).toEqual([]);
      expect(r.outputs.file).toBe(file);
      expect(r.outputs.keys).toBe('beta\ndelta');
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('# sealed by CI\n')).toBe(true);
      const after = parse(text).spec.encryptedData as Record<string, string>;
      expect(Object.keys(after)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
      // Untouched keys: the same bytes, on the same line.
      for (const k of ['alpha', 'gamma']) {
        expect(after[k]).toBe(before[k]);
        expect(text).toContain(`    ${k}: ${before[k]}\n`);
      }
      expect(after.beta).not.toBe(before.beta);
      const opened = unseal(keyFile, Object.values(after).map((c) => ({ label: 'shop', ciphertext: c })));
      expect(opened.map((o) => o.plaintext)).toEqual(['CANARY-alpha-old', 'CANARY-beta-new', 'CANARY-delta-new', 'CANARY-gamma-old']);
      expect(r.summary).toMatch(/`alpha` \| kept/);
      expect(r.summary).toMatch(/`beta` \| replaced/);
      expect(r.summary).toMatch(/`delta` \| added/);
      expect(readdirSync(ws).sort()).toEqual(['cert.pem', 'web.sealedsecret.yaml']);
      expect(leaks(r, ['CANARY-alpha-old', 'CANARY-beta-new', 'CANARY-delta-new'], [keys])).toEqual([]);
    });
  }
});

describe('merge-into: links and concurrent runs', () => {
  it('writes through a symlink: the link stays, the file it points to gets the merged keys', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws, 'sealed'));
    const first = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'alpha=CANARY-link-a', cert: 'cert.pem', 'output-file': 'sealed/web.yaml' } });
    expect(first.errors).toEqual([]);
    symlinkSync('sealed/web.yaml', path.join(ws, 'web.sealedsecret.yaml'));
    const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'beta=CANARY-link-b', cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml' } });
    expect(r.errors).toEqual([]);
    expect(lstatSync(path.join(ws, 'web.sealedsecret.yaml')).isSymbolicLink()).toBe(true);
    expect(Object.keys(parse(readFileSync(path.join(ws, 'sealed', 'web.yaml'), 'utf8')).spec.encryptedData)).toEqual(['alpha', 'beta']);
    expect(readdirSync(path.join(ws, 'sealed'))).toEqual(['web.yaml']);
  });

  it('runs merging into one file at once keep every key, and each reports what it did', async () => {
    const ws = workspace();
    const first = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'base=CANARY-conc-base', cert: 'cert.pem' } });
    expect(first.errors).toEqual([]);
    const names = ['k1', 'k2', 'k3', 'k4'];
    const runs = await Promise.all(names.map((k) => run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: `${k}=CANARY-conc-${k}`, cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml' } })));
    for (const r of runs) expect(r.errors).toEqual([]);
    const data = parse(readFileSync(path.join(ws, 'web.sealedsecret.yaml'), 'utf8')).spec.encryptedData as Record<string, string>;
    expect(Object.keys(data)).toEqual(['base', ...names]);
    runs.forEach((r, i) => expect(r.summary).toMatch(new RegExp(`\`${names[i]}\` \\| added`)));
    const opened = unseal(keyFile, Object.values(data).map((c) => ({ label: 'shop/web', ciphertext: c })));
    expect(opened.map((o) => o.plaintext)).toEqual(['CANARY-conc-base', ...names.map((k) => `CANARY-conc-${k}`)]);
    expect(readdirSync(ws).sort()).toEqual(['cert.pem', 'web.sealedsecret.yaml']);
  });

  it('a lock left by a run that died is taken over', async () => {
    const ws = workspace();
    const first = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-stale-a', cert: 'cert.pem' } });
    expect(first.errors).toEqual([]);
    const gone = spawnSync('true').pid as number; // a pid that has exited
    writeFileSync(path.join(ws, 'web.sealedsecret.yaml.lock'), `${gone}\n${hostname()}\n`);
    const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'b=CANARY-stale-b', cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml' } });
    expect(r.errors).toEqual([]);
    expect(Object.keys(parse(readFileSync(path.join(ws, 'web.sealedsecret.yaml'), 'utf8')).spec.encryptedData)).toEqual(['a', 'b']);
    expect(readdirSync(ws).sort()).toEqual(['cert.pem', 'web.sealedsecret.yaml']);
  });
});

describe('bad input: an error naming the input, and no file changed', () => {
  let ws: string;
  beforeAll(async () => {
    ws = workspace();
    const ok = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-bad-a', cert: 'cert.pem' } });
    expect(ok.errors).toEqual([]);
    writeFileSync(path.join(ws, 'other.sealedsecret.yaml'), readFileSync(path.join(ws, 'web.sealedsecret.yaml'), 'utf8').replace(/name: web/g, 'name: other'));
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-badcerts-'));
    execFileSync('python3', [path.join(fixtures, 'make-cert.py'), path.join(dir, 'k.pem'), path.join(ws, 'expired.pem'), '-30', '-1']);
    execFileSync('python3', [path.join(fixtures, 'make-cert.py'), path.join(dir, 'k2.pem'), path.join(ws, 'ec.pem'), '-1', '100', 'ec']);
    copyFileSync(path.join(fixtures, 'bakito-key.pem'), path.join(ws, 'not-a-cert.pem'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:512', '-nodes', '-keyout', path.join(dir, 'k512.pem'), '-out', path.join(ws, 'rsa512.pem'), '-days', '30', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
  });

  const good = { name: 'web', namespace: 'shop', secrets: 'a=CANARY-bad-value\nb=CANARY-bad-value-2', cert: 'cert.pem', 'merge-into': 'web.sealedsecret.yaml' };
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a bad name', { name: 'Web_App' }, 'name', /not a Kubernetes name/],
    ['an empty name', { name: '' }, 'name', /a value is required/],
    ['a bad namespace', { namespace: 'Shop!' }, 'namespace', /not a Kubernetes namespace/],
    ['an unknown scope', { scope: 'global' }, 'scope', /'global' is not one of strict, namespace-wide, cluster-wide/],
    ['a malformed secrets line', { secrets: 'a=1\nCANARY-bad-line-no-equals' }, 'secrets', /line 2 is not KEY=VALUE/],
    ['a duplicate key', { secrets: 'a=CANARY-bad-dup-1\na=CANARY-bad-dup-2' }, 'secrets', /key 'a' is given twice/],
    ['invalid key characters', { secrets: 'a b=CANARY-bad-key' }, 'secrets', /line 1: the text before = is not a valid key \(not shown\)/],
    ['empty secrets', { secrets: '' }, 'secrets', /a value is required/],
    ['a non-certificate cert', { cert: 'not-a-cert.pem' }, 'cert', /PRIVATE KEY, not a CERTIFICATE/],
    ['an expired cert', { cert: 'expired.pem' }, 'cert', /expired on/],
    ['an EC cert', { cert: 'ec.pem' }, 'cert', /needs an RSA key/],
    ['an RSA-512 cert', { cert: 'rsa512.pem' }, 'cert', /RSA-512 key .*under 1024 bits/],
    ['a key starting with ..', { secrets: '..data=CANARY-bad-value' }, 'secrets', /key '..data' is not valid/],
    ['a service-account-token Secret without its annotation', { type: 'kubernetes.io/service-account-token', 'merge-into': '' }, 'annotations', /needs the annotation kubernetes.io\/service-account.name/],
    ['a missing cert file', { cert: 'nope.pem' }, 'cert', /neither PEM text, an https URL, nor an existing file/],
    ['a plain-http cert URL', { cert: 'http://example.com/v1/cert.pem' }, 'cert', /plain http/],
    ['a merge-into for another secret', { 'merge-into': 'other.sealedsecret.yaml' }, 'merge-into', /is another secret: it has name 'other'/],
    ['a merge-into with another scope', { scope: 'cluster-wide' }, 'merge-into', /scope strict \(input scope: cluster-wide\)/],
    ['a merge-into of a missing file', { 'merge-into': 'missing.yaml' }, 'merge-into', /does not exist/],
    ['an unknown type', { type: 'tls' }, 'type', /not a Secret type/],
    ['a tls Secret without tls.key', { type: 'kubernetes.io/tls', 'merge-into': '', secrets: 'tls.crt=CANARY-bad-crt' }, 'secrets', /needs the key 'tls.key'/],
    ['an unknown format', { format: 'xml' }, 'format', /not one of yaml, json/],
    ['an unknown engine', { engine: 'helm' }, 'engine', /not one of native, kubeseal/],
    ['a non-boolean apply', { apply: 'yes' }, 'apply', /not a boolean/],
  ];
  it.each(cases)('%s', async (_name, inputs, input, message) => {
    const before = listing(ws);
    const r = await run('seal-secrets', { cwd: ws, inputs: { ...good, ...inputs } });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^seal-secrets failed: input '${input}': `));
    expect(r.errors[0]).toMatch(message);
    expect(listing(ws)).toEqual(before);
    expect(r.outputs).toEqual({});
    expect(leaks({ ...r, cwd: r.workDir }, ['CANARY-bad-value', 'CANARY-bad-value-2', 'CANARY-bad-line-no-equals', 'CANARY-bad-dup-1', 'CANARY-bad-dup-2', 'CANARY-bad-key', 'CANARY-bad-crt'])).toEqual([]);
  });
});

describe('certificate sources', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    const pem = readFileSync(certFile, 'utf8');
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      if (req.url === '/v1/cert.pem') {
        res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(pem);
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/v1/cert.pem' }).end();
      } else if (req.url === '/api/v1/namespaces/sealed/services/ss-controller') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Service', apiVersion: 'v1', metadata: { name: 'ss-controller', namespace: 'sealed' }, spec: { ports: [{ name: 'http', port: 8080 }] } }));
      } else if (req.url === '/api/v1/namespaces/sealed/services/http:ss-controller:http/proxy/v1/cert.pem') {
        res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(pem);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a loopback http URL', async () => {
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-url-1', cert: `${base}/v1/cert.pem` } });
    expect(r.errors).toEqual([]);
    expect(r.summary).toContain(fingerprint);
    expect(r.summary).toContain(`${base}/v1/cert.pem`);
  });

  it('a URL that answers 404 is an error naming cert', async () => {
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-url-2', cert: `${base}/nope.pem` } });
    expect(r.errors[0]).toMatch(/input 'cert': cannot fetch .*HTTP 404/);
    expect(existsSync(path.join(r.cwd, 'web.sealedsecret.yaml'))).toBe(false);
  });

  it('a URL that redirects is an error naming cert, not retried, no file', async () => {
    const before = hits.length;
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-url-3', cert: `${base}/moved` } });
    expect(r.errors[0]).toMatch(/input 'cert': .*\/moved answered HTTP 302 .*redirects are not followed/);
    expect(hits.slice(before)).toEqual(['GET /moved']);
    expect(existsSync(path.join(r.cwd, 'web.sealedsecret.yaml'))).toBe(false);
  });

  it('no cert: fetched through kubectl from the controller service proxy, as kubeseal --fetch-cert does', async () => {
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: sim, cluster: {server: "' + base + '"}}]',
      'users: [{name: ci, user: {token: CANARY-kubeconfig-token}}]',
      'contexts: [{name: sim, context: {cluster: sim, user: ci}}]',
      'current-context: sim',
      '',
    ].join('\n');
    hits.length = 0;
    const r = await run('seal-secrets', { cwd: workspace(), fakes: true, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-fetch-1', kubeconfig, 'controller-name': 'ss-controller', 'controller-namespace': 'sealed' } });
    expect(r.errors).toEqual([]);
    // (kubectl may also probe /version)
    expect(hits.filter((h) => !h.startsWith('GET /version'))).toEqual(['GET /api/v1/namespaces/sealed/services/ss-controller', 'GET /api/v1/namespaces/sealed/services/http:ss-controller:http/proxy/v1/cert.pem']);
    expect(r.summary).toContain(fingerprint);
    expect(r.summary).toContain('controller sealed/ss-controller');
    // The kubeconfig (it holds a token) was a private temp file, removed after the step.
    expect(readdirSync(path.join(r.workDir, 'runner_temp'))).toEqual([]);
    expect(leaks(r, ['CANARY-fetch-1', 'CANARY-kubeconfig-token'], [keys])).toEqual([]);
  });

  it('no cert and no controller: a clear error, no file', async () => {
    const kubeconfig = `apiVersion: v1\nkind: Config\nclusters: [{name: sim, cluster: {server: "${base}"}}]\ncontexts: [{name: sim, context: {cluster: sim}}]\ncurrent-context: sim\n`;
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-fetch-2', kubeconfig } });
    expect(r.errors[0]).toMatch(/cannot get the sealed-secrets controller service kube-system\/sealed-secrets-controller/);
    expect(r.errors[0]).toMatch(/controller-name and controller-namespace/);
    expect(existsSync(path.join(r.cwd, 'web.sealedsecret.yaml'))).toBe(false);
  });

  it('a certificate expiring within 30 days: sealed, with a warning', async () => {
    const ws = workspace();
    execFileSync('python3', [path.join(fixtures, 'make-cert.py'), path.join(keys, 'soon-key.pem'), path.join(ws, 'soon.pem'), '-300', '10']);
    const r = await run('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-soon', cert: 'soon.pem' } });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toMatch(/::warning::The sealing certificate .* expires in (9|10) day/);
    expect(r.summary).toContain('[!WARNING]');
    const obj = parse(readFileSync(path.join(ws, 'web.sealedsecret.yaml'), 'utf8'));
    expect(unseal(path.join(keys, 'soon-key.pem'), [{ label: 'shop/web', ciphertext: obj.spec.encryptedData.a }])[0]?.plaintext).toBe('CANARY-soon');
  });

  it('PEM text in the input', async () => {
    const r = await run('seal-secrets', { cwd: workspace(), inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-pem', cert: readFileSync(certFile, 'utf8') } });
    expect(r.errors).toEqual([]);
    expect(r.summary).toContain(fingerprint);
  });
});
