import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool } from '../../src/lib/exec.js';
import { parseVerifyAttestationOutput } from '../../src/lib/trust/cosign-attestation.js';
import { verifyWithCosign } from '../../src/lib/trust/cosign-runner.js';
import { parseTrustPolicy, type TrustInputs, type TrustPolicy } from '../../src/lib/trust/policy.js';
import { verifyTrustPolicy, type RunCosign } from '../../src/lib/trust/verify.js';
import { fakesDir, repoRoot } from '../harness/run-action.mjs';
import { DIGEST, IMAGE, NOW, OTHER_DIGEST, TYPES, envelopeLine, goodSet, provenance, sbom, statement, vuln, type Json } from '../fixtures/trust/statements.js';

const IDENTITY = 'https://github.com/acme/platform/.github/workflows/secure-delivery.yml@refs/tags/v1.4.0';
const ISSUER = 'https://token.actions.githubusercontent.com';

function policy(extra: TrustInputs = {}): TrustPolicy {
  return parseTrustPolicy(
    {
      'require-attestations': 'provenance,sbom,vuln',
      'source-repository': 'acme/shop',
      'source-ref-regexp': '^refs/(heads/main|tags/v[0-9]+)',
      'max-scan-age': '24h',
      'vuln-severity': 'CRITICAL,HIGH',
      'certificate-identity': IDENTITY,
      'certificate-oidc-issuer': ISSUER,
      ...extra,
    },
    'https://github.com',
  );
}

/** The fake cosign (test/fakes/cosign), replaying the given statements as cosign v3 prints them. */
function fakeCosign(statements: Json[], signer: Json = { identity: IDENTITY, issuer: ISSUER }): { run: RunCosign; calls: string[][] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'trust-'));
  const file = path.join(dir, 'attestations.jsonl');
  writeFileSync(file, statements.map((s) => JSON.stringify({ envelope: JSON.parse(envelopeLine(s)), signer })).join('\n'));
  const calls: string[][] = [];
  const run: RunCosign = async (argv) => {
    calls.push(argv);
    return execTool(path.join(fakesDir, 'cosign'), argv, { allowFailure: true, env: { FAKE_COSIGN_ATTESTATIONS: file, FAKE_COSIGN_STATE: undefined } });
  };
  return { run, calls };
}

async function judge(statements: Json[], extra: TrustInputs = {}) {
  const { run, calls } = fakeCosign(statements);
  const verdict = await verifyTrustPolicy(policy(extra), IMAGE, run, { now: NOW });
  return { verdict, calls };
}

const replace = (kind: 'provenance' | 'sbom' | 'vuln', s: Json): Json[] => goodSet().map((g) => (g.predicateType === TYPES[kind] ? s : g));

describe('verifyTrustPolicy with the fake cosign (DSSE envelopes in cosign v3 output format)', () => {
  test('the good set passes: a row per attestation, every check named', async () => {
    const { verdict, calls } = await judge(goodSet());
    expect(verdict.ok).toBe(true);
    expect(verdict.rows.map((r) => [r.kind, r.ok, r.found])).toEqual([
      ['provenance', true, 1],
      ['sbom', true, 1],
      ['vuln', true, 1],
    ]);
    expect(verdict.rows[0]?.passed).toEqual(['signature', 'predicate type', 'subject digest', 'build type', 'source repository', 'source ref', 'commit']);
    expect(verdict.rows[2]?.passed).toEqual(['signature', 'predicate type', 'subject digest', 'scan age', 'vuln gate']);
    expect(calls[0]).toEqual(['verify-attestation', '--type', 'slsaprovenance1', '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, IMAGE]);
    expect(calls.map((c) => c[2])).toEqual(['slsaprovenance1', 'cyclonedx', 'vuln']);
  });

  // Each case: what is wrong, which attestation, which check refuses, words the reason must hold.
  const refused: Array<[string, () => Json[], TrustInputs, string, string, RegExp]> = [
    ['a statement for another digest', () => replace('sbom', statement(TYPES.sbom, sbom(OTHER_DIGEST), OTHER_DIGEST)), {}, 'sbom', 'found', /no sbom attestation with predicate type https:\/\/cyclonedx\.org\/bom.*cosign found https:\/\/slsa.dev\/provenance\/v1, https:\/\/cosign/],
    ['a missing type', () => goodSet().filter((s) => s.predicateType !== TYPES.sbom), {}, 'sbom', 'found', /no sbom attestation with predicate type https:\/\/cyclonedx\.org\/bom.*found https:\/\/slsa/],
    ['a predicate type without https://', () => replace('vuln', statement('cosign.sigstore.dev/attestation/vuln/v1', vuln())), {}, 'vuln', 'found', /found .*cosign\.sigstore\.dev\/attestation\/vuln\/v1 \(cosign\.sigstore\.dev\/attestation\/vuln\/v1 lacks https:\/\/: it never matches\)/],
    ['provenance from another repository', () => replace('provenance', statement(TYPES.provenance, provenance({ repository: 'evil/shop' }))), {}, 'provenance', 'source repository', /built from 'https:\/\/github\.com\/evil\/shop', expected https:\/\/github\.com\/acme\/shop/],
    ['a ref the regexp refuses', () => replace('provenance', statement(TYPES.provenance, provenance({ ref: 'refs/heads/feature/x' }))), {}, 'provenance', 'source ref', /refs\/heads\/feature\/x.*source-ref-regexp/],
    ['provenance without the commit', () => replace('provenance', statement(TYPES.provenance, provenance({ commit: 'main' }))), {}, 'provenance', 'commit', /commit built is not recorded/],
    ['a scan older than max-scan-age', () => replace('vuln', statement(TYPES.vuln, vuln({ startedOn: new Date(NOW.getTime() - 25 * 3600 * 1000) }))), {}, 'vuln', 'scan age', /25h 0m ago.*max-scan-age 24h/],
    ['a vuln result that fails the gate', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-1111', severity: 'CRITICAL', fixed: '3.3.3-r0' }] }))), {}, 'vuln', 'vuln gate', /1 finding\(s\) of CRITICAL\/HIGH remain: CVE-2026-1111 \(CRITICAL, openssl\)/],
    [
      'an ignore that has expired since the scan',
      () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-2222', severity: 'HIGH', fixed: '3.3.3-r0' }], ignores: [{ id: 'CVE-2026-2222', expired_at: '2026-12-05T08:30:00.000Z', statement: 'fix pending' }] }))),
      {},
      'vuln',
      'vuln gate',
      /CVE-2026-2222.*expired since the scan: CVE-2026-2222/,
    ],
    ['vuln-severity stricter at deploy than at scan', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-3333', severity: 'MEDIUM', fixed: '1' }] }))), { 'vuln-severity': 'CRITICAL,HIGH,MEDIUM' }, 'vuln', 'vuln gate', /CVE-2026-3333 \(MEDIUM/],
  ];

  test.each(refused)('refuses %s', async (_name, make, extra, kind, check, reason) => {
    const { verdict } = await judge(make(), extra);
    expect(verdict.ok).toBe(false);
    const row = verdict.rows.find((r) => r.kind === kind);
    expect(row?.ok).toBe(false);
    expect(row?.failed?.check).toBe(check);
    expect(row?.failed?.problem).toMatch(reason);
    // The other rows are still judged and reported.
    expect(verdict.rows).toHaveLength(3);
    expect(verdict.rows.filter((r) => r.ok)).toHaveLength(2);
  });

  test('an unexpired ignore still suppresses: the same finding passes before its expiry', async () => {
    const s = statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-2222', severity: 'HIGH', fixed: '3.3.3-r0' }], ignores: [{ id: 'CVE-2026-2222', expired_at: '2026-12-06T00:00:00.000Z' }] }));
    const { verdict } = await judge(replace('vuln', s));
    expect(verdict.ok).toBe(true);
  });

  test('every statement of a type must pass: a stale second scan refuses (as Kyverno does)', async () => {
    const stale = statement(TYPES.vuln, vuln({ startedOn: new Date(NOW.getTime() - 48 * 3600 * 1000) }));
    const { verdict } = await judge([...goodSet(), stale]);
    const row = verdict.rows.find((r) => r.kind === 'vuln');
    expect(row?.found).toBe(2);
    expect(row?.failed?.problem).toMatch(/^statement 2 of 2: the scan ran 2d 0h ago/);
  });

  test('a signer other than the identity asked for: cosign finds nothing, deploy refuses', async () => {
    const { run } = fakeCosign(goodSet(), { identity: 'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main', issuer: ISSUER });
    const verdict = await verifyTrustPolicy(policy(), IMAGE, run, { now: NOW });
    expect(verdict.ok).toBe(false);
    expect(verdict.rows.every((r) => r.failed?.check === 'found' && /none of the expected identities matched/.test(r.failed.problem))).toBe(true);
  });

  test('require-attestations empty: cosign is not called and the verdict passes', async () => {
    const { run, calls } = fakeCosign(goodSet());
    const verdict = await verifyTrustPolicy(policy({ 'require-attestations': '' }), IMAGE, run, { now: NOW });
    expect(verdict).toEqual({ ok: true, image: IMAGE, rows: [] });
    expect(calls).toEqual([]);
  });

  test('key-based: --key with the public key file, and the loopback registry over HTTP', async () => {
    const calls: string[][] = [];
    const run: RunCosign = async (argv) => {
      calls.push(argv);
      return { exitCode: 0, stdout: `${envelopeLine(statement(TYPES.sbom, sbom()))}\n`, stderr: '' };
    };
    const p = parseTrustPolicy({ 'require-attestations': 'sbom', 'max-scan-age': '1h', 'vuln-severity': 'HIGH', 'cosign-public-key': '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----' }, 'https://github.com');
    const image = `127.0.0.1:5000/shop@sha256:${DIGEST}`;
    const verdict = await verifyTrustPolicy(p, image, run, { now: NOW, publicKeyFile: '/tmp/x/cosign.pub' });
    expect(calls).toEqual([['verify-attestation', '--type', 'cyclonedx', '--key', '/tmp/x/cosign.pub', '--allow-http-registry', image]]);
    expect(verdict.rows[0]?.signer).toBe('the given public key');
    expect(verdict.ok).toBe(true); // the SBOM names the same digest under its other registry name: the digest is what counts
  });

  test('a tag is refused before cosign runs', async () => {
    const { run, calls } = fakeCosign(goodSet());
    await expect(verifyTrustPolicy(policy(), 'ghcr.io/acme/shop:v1', run)).rejects.toThrow(/image@sha256 digests only/);
    expect(calls).toEqual([]);
  });
});

describe('module checks that cosign does not make', () => {
  // cosign filters on the predicate type and the subject itself; the module checks again,
  // so a cosign that printed more (an older release, a --type custom call) cannot slip one through.
  const direct = (lines: Json[]): RunCosign => async () => ({ exitCode: 0, stdout: lines.map(envelopeLine).join('\n'), stderr: '' });

  test('another digest in the output is refused by the subject check', async () => {
    const p = policy({ 'require-attestations': 'sbom' });
    const verdict = await verifyTrustPolicy(p, IMAGE, direct([statement(TYPES.sbom, sbom(), OTHER_DIGEST)]), { now: NOW });
    expect(verdict.rows[0]?.failed).toEqual({ check: 'subject digest', problem: expect.stringMatching(/for sha256:[0-9a-f]{12}, not this image/) as unknown as string });
  });

  test('a predicate type without https:// in the output is refused, naming the trap', async () => {
    const p = policy({ 'require-attestations': 'vuln' });
    const verdict = await verifyTrustPolicy(p, IMAGE, direct([statement('cosign.sigstore.dev/attestation/vuln/v1', vuln())]), { now: NOW });
    expect(verdict.rows[0]?.failed?.check).toBe('predicate type');
    expect(verdict.rows[0]?.failed?.problem).toMatch(/without https:\/\/, as Kyverno's sample policy writes it/);
  });

  test('an SBOM of another image is refused', async () => {
    const p = policy({ 'require-attestations': 'sbom' });
    const verdict = await verifyTrustPolicy(p, IMAGE, direct([statement(TYPES.sbom, sbom(OTHER_DIGEST))]), { now: NOW });
    expect(verdict.rows[0]?.failed?.check).toBe('SBOM digest');
  });
});

describe('real upstream envelopes (test/fixtures/trust/cosign, provenance in its README)', () => {
  const fixture = (name: string): string => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'trust', 'cosign', name), 'utf8');

  test("cosign's legacy-format vuln envelope parses, and its empty gate parameters refuse", async () => {
    const line = fixture('policy-testdata-valid-vuln.envelope.json').trim();
    const [env] = parseVerifyAttestationOutput(`${line}\n`);
    expect(env?.statement.predicateType).toBe(TYPES.vuln);
    const digest = '3c19aa980a9c5709a2c96c2d0779febf6e5e453b92b172ce84cb85fdaf695373';
    const p = policy({ 'require-attestations': 'vuln', 'max-scan-age': '999999h' });
    const dir = mkdtempSync(path.join(tmpdir(), 'trust-'));
    writeFileSync(path.join(dir, 'a.jsonl'), `${line}\n`);
    const run: RunCosign = (argv) => execTool(path.join(fakesDir, 'cosign'), argv, { allowFailure: true, env: { FAKE_COSIGN_ATTESTATIONS: path.join(dir, 'a.jsonl') } });
    const verdict = await verifyTrustPolicy(p, `registry.local:5000/knative/demo@sha256:${digest}`, run, { now: NOW });
    // The upstream scan records scanStartedOn 0001-01-01 and parameters null: too old, and cannot be re-evaluated.
    expect(verdict.rows[0]?.found).toBe(1);
    expect(verdict.rows[0]?.passed).toEqual(['signature', 'predicate type', 'subject digest']);
    expect(verdict.rows[0]?.failed?.check).toBe('scan age');
    expect(verdict.rows[0]?.failed?.problem).toMatch(/0001-01-01T00:00:00Z/);
  });

  test('the envelope of a real sigstore bundle, printed as cosign v3 prints it, parses', () => {
    const bundle = JSON.parse(fixture('oci-attestation.sigstore.json')) as { dsseEnvelope: { payload: string; payloadType: string; signatures: Array<{ sig: string; keyid?: string }> } };
    const e = bundle.dsseEnvelope;
    const line = JSON.stringify({ payload: e.payload, payloadType: e.payloadType, signatures: e.signatures.map((s) => ({ sig: s.sig, ...(s.keyid ? { keyid: s.keyid } : {}) })) });
    const [env] = parseVerifyAttestationOutput(line);
    expect(env?.statement.predicateType).toBe('https://cosign.sigstore.dev/attestation/v1');
    expect(env?.statement.subject).toEqual([{ name: '127.0.0.1:60943/repo', digest: { sha256: '732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4' } }]);
  });

  test('output that is not an envelope is a clear refusal, not a crash', async () => {
    const run: RunCosign = async () => ({ exitCode: 0, stdout: 'Verification for x --\n', stderr: '' });
    const verdict = await verifyTrustPolicy(policy({ 'require-attestations': 'sbom' }), IMAGE, run, { now: NOW });
    expect(verdict.rows[0]?.failed?.problem).toMatch(/line 1 that is not JSON/);
  });
});

describe('the fake cosign chains attest -> verify-attestation through FAKE_COSIGN_STATE', () => {
  test('what scan attests, deploy verifies; another signer finds nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trust-state-'));
    const predicateFile = path.join(dir, 'vuln.json');
    writeFileSync(predicateFile, JSON.stringify(vuln()));
    const env = { FAKE_COSIGN_STATE: dir, FAKE_COSIGN_IDENTITY: IDENTITY, SIGSTORE_ID_TOKEN: 'x', FAKE_COSIGN_ATTESTATIONS: undefined };
    const attested = await execTool(path.join(fakesDir, 'cosign'), ['attest', '--yes', '--type', 'vuln', '--predicate', predicateFile, IMAGE], { allowFailure: true, env });
    expect([attested.exitCode, attested.stderr]).toEqual([0, expect.stringContaining('tlog entry created') as unknown as string]);
    const run: RunCosign = (argv) => execTool(path.join(fakesDir, 'cosign'), argv, { allowFailure: true, env });
    const verdict = await verifyTrustPolicy(policy({ 'require-attestations': 'vuln' }), IMAGE, run, { now: NOW });
    expect(verdict.rows[0]).toMatchObject({ ok: true, found: 1 });
    const other = await verifyTrustPolicy(policy({ 'require-attestations': 'vuln', 'certificate-identity': 'https://github.com/evil/x/.github/workflows/y.yml@refs/heads/main' }), IMAGE, run, { now: NOW });
    expect(other.rows[0]?.failed?.problem).toMatch(/none of the expected identities matched/);
  });
});

describe('verifyWithCosign (the real-cosign runner deploy plugs in)', () => {
  const runWith = async (fail: string | undefined, extra: TrustInputs = {}) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trust-run-'));
    const log = path.join(dir, 'cosign.log');
    const file = path.join(dir, 'a.jsonl');
    writeFileSync(file, goodSet().map((s) => JSON.stringify({ envelope: JSON.parse(envelopeLine(s)), signer: { key: true } })).join('\n'));
    const p = policy({ 'certificate-identity': '', 'certificate-oidc-issuer': '', 'cosign-public-key': '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n', ...extra });
    const verdict = await verifyWithCosign(p, IMAGE, { cosign: path.join(fakesDir, 'cosign'), workDir: dir, now: NOW, backoffMs: 1, env: { FAKE_COSIGN_ATTESTATIONS: file, FAKE_COSIGN_LOG: log, FAKE_COSIGN_FAIL: fail } });
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { argv: string[] });
    return { verdict, calls, dir };
  };

  test('a PEM key goes to a private file for --key, removed afterwards', async () => {
    const { verdict, calls, dir } = await runWith(undefined);
    expect(verdict.ok).toBe(true);
    const keyFile = calls[0]?.argv[calls[0].argv.indexOf('--key') + 1] as string;
    expect(path.dirname(keyFile)).toBe(dir);
    expect(existsSync(keyFile)).toBe(false);
  });

  test('a transient registry error is retried, a permanent one is not', async () => {
    const transient = await runWith('GET https://ghcr.io/v2/acme/shop/referrers/sha256:x: unexpected status code 503 Service Unavailable', { 'require-attestations': 'vuln' });
    expect(transient.calls).toHaveLength(3);
    expect(transient.verdict.rows[0]?.failed?.check).toBe('found');
    const permanent = await runWith('MANIFEST_UNKNOWN: manifest unknown', { 'require-attestations': 'vuln' });
    expect(permanent.calls).toHaveLength(1);
  });
});
