import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRendered } from '../harness/gfm.mjs';
import { digestOf, startCluster } from '../harness/kube.mjs';
import { pushTestImage, startRegistry } from '../harness/registry.mjs';
import { runAction } from '../harness/run-action.mjs';
import { envelopeLine, provenance, sbom, statement, TYPES, vuln, type Json } from '../fixtures/trust/statements.js';

// Issue 12: deploy verifies the trust policy's attestations before anything changes. The bundle runs
// as the runner runs it; the fake cosign replays DSSE envelopes in cosign v3's output format for an
// image pushed to a real registry; every refusal leaves the cluster without a single write.
type Cluster = Awaited<ReturnType<typeof startCluster>>;
type Registry = Awaited<ReturnType<typeof startRegistry>>;
let k: Cluster;
let registry: Registry;
let repository: string;
let digest: string;
const IDENTITY = 'https://github.com/secure-delivery/suite/.github/workflows/secure-delivery.yml@refs/tags/v1.4.0';
const ISSUER = 'https://token.actions.githubusercontent.com';
const policy = {
  'require-attestations': 'provenance,sbom,vuln',
  'source-repository': 'acme/shop',
  'source-ref-regexp': '^refs/heads/main$',
  'certificate-identity': IDENTITY,
  'certificate-oidc-issuer': ISSUER,
};
const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);

beforeAll(async () => {
  [k, registry] = await Promise.all([startCluster(), startRegistry()]);
  repository = `${registry.host}/acme/web`;
  digest = await pushTestImage(registry, 'acme/web', 'v1.0.0');
});
afterAll(async () => {
  await Promise.all([k?.stop(), registry?.stop()]);
});

const hex = () => digest.slice('sha256:'.length);
const good = (): Record<'provenance' | 'sbom' | 'vuln', Json> => ({
  provenance: statement(TYPES.provenance, provenance(), hex(), repository),
  sbom: statement(TYPES.sbom, sbom(hex()), hex(), repository),
  vuln: statement(TYPES.vuln, vuln({ startedOn: hourAgo() }), hex(), repository),
});

/** The summary's attestation rows, as GitHub renders them. */
const attestationRows = (summary: string) => readRendered(summary).blocks.filter((b) => b.kind === 'tr' && b.text.startsWith('Attestation:')).map((b) => b.text);

/** Deploys image@digest with the statements the registry holds, signed by `signer`. */
async function deployWith(ns: string, statements: Json[], inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'attestations-'));
  const file = path.join(dir, 'attestations.jsonl');
  writeFileSync(file, statements.map((s) => JSON.stringify({ envelope: JSON.parse(envelopeLine(s)), signer: { identity: IDENTITY, issuer: ISSUER } })).join('\n'));
  const log = path.join(dir, 'cosign.log');
  await k.deployment(ns, 'web', `${repository}@${digestOf('old')}`);
  await k.clearRequests();
  const r = await runAction('deploy', {
    inputs: { namespace: ns, deployment: 'web', 'image-ref': `${repository}@${digest}`, timeout: '60s', ...policy, ...inputs },
    env: { KUBECONFIG: k.kubeconfig, FAKE_COSIGN_ATTESTATIONS: file, FAKE_COSIGN_LOG: log },
  });
  const calls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).argv as string[]);
  return { r, calls, writes: await k.writes() };
}

describe('require-attestations: verified before any change', () => {
  test('the good set: each attestation verified with the signer, then deployed', async () => {
    const { r, calls } = await deployWith('attested', Object.values(good()));
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
    expect(calls.map((a) => a.slice(0, 3))).toEqual([
      ['verify-attestation', '--type', 'slsaprovenance1'],
      ['verify-attestation', '--type', 'cyclonedx'],
      ['verify-attestation', '--type', 'vuln'],
    ]);
    for (const argv of calls) expect(argv).toEqual(expect.arrayContaining(['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, `${repository}@${digest}`]));
    // A row per attestation, as GitHub renders the summary: found, signer, checks passed.
    const rows = attestationRows(r.summary);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/passed 1 found, signed by .*checks passed: signature/);
    for (const row of rows) expect(row).not.toMatch(/[a-f0-9]{64}/);
  });

  const cases: Array<[string, () => Json[], RegExp, Record<string, string>?]> = [
    ['a statement for another digest', () => [statement(TYPES.provenance, provenance(), digestOf('other').slice(7), repository), good().sbom, good().vuln], /Attestation: provenance: no provenance attestation .*cosign found https:\/\/cyclonedx/],
    ['a missing type (no SBOM)', () => [good().provenance, good().vuln], /Attestation: sbom: no sbom attestation .*found https:\/\/slsa\.dev\/provenance\/v1/],
    ['a predicate type without https://', () => [good().provenance, good().sbom, { ...good().vuln, predicateType: 'cosign.sigstore.dev/attestation/vuln/v1' }], /Attestation: vuln: .*lacks https:\/\/: it never matches/],
    ['provenance from another repository', () => [statement(TYPES.provenance, provenance({ repository: 'evil/shop' }), hex(), repository), good().sbom, good().vuln], /Attestation: provenance: source repository failed: built from 'https:\/\/github.com\/evil\/shop', expected https:\/\/github.com\/acme\/shop/],
    ['a ref the regexp refuses', () => [statement(TYPES.provenance, provenance({ ref: 'refs/heads/feature' }), hex(), repository), good().sbom, good().vuln], /Attestation: provenance: source ref failed: built from ref 'refs\/heads\/feature', which source-ref-regexp \^refs\/heads\/main\$ refuses/],
    ['a scan older than max-scan-age', () => [good().provenance, good().sbom, statement(TYPES.vuln, vuln({ startedOn: new Date(Date.now() - 30 * 60 * 60 * 1000) }), hex(), repository)], /Attestation: vuln: scan age failed: the scan ran 30h 0m ago .*longer ago than max-scan-age 24h/],
    ['a vuln result that fails the gate', () => [good().provenance, good().sbom, statement(TYPES.vuln, vuln({ startedOn: hourAgo(), vulns: [{ id: 'CVE-2026-7777', severity: 'CRITICAL', fixed: '3.3.3-r0' }] }), hex(), repository)], /Attestation: vuln: vuln gate failed: 1 finding\(s\) of CRITICAL\/HIGH remain: CVE-2026-7777 \(CRITICAL/],
    [
      'an ignore that has expired since the scan',
      () => [
        good().provenance,
        good().sbom,
        statement(TYPES.vuln, vuln({ startedOn: hourAgo(), vulns: [{ id: 'CVE-2026-8888', severity: 'HIGH', fixed: '3.3.3-r0' }], ignores: [{ id: 'CVE-2026-8888', expired_at: new Date(Date.now() - 60 * 1000).toISOString(), statement: 'waiting for the base image' }] }), hex(), repository),
      ],
      /Attestation: vuln: vuln gate failed: .*CVE-2026-8888 \(HIGH.*; ignore entries expired since the scan: CVE-2026-8888/,
    ],
  ];

  // A rest parameter: jest takes a fourth declared parameter beyond a 3-element row for `done`.
  test.each(cases)('refused with zero cluster writes: %s', async (name, statements, message, ...extra) => {
    const { r, writes } = await deployWith(`refused-${cases.findIndex((c) => c[0] === name)}`, statements(), extra[0]);
    expect(r.exitCode).not.toBe(0);
    expect(r.outputs.result).toBe('failed');
    expect(r.errors.at(-1)).toMatch(message);
    expect(r.errors.at(-1)).toMatch(/^deploy failed: Refused: 1 of 3 verification check\(s\) failed, so nothing was changed\.\n/);
    expect(r.errors.at(-1)).not.toMatch(/found failed/);
    expect(writes).toEqual([]);
    // A row per required attestation, the failed one among them: one failure does not hide the rest.
    expect(attestationRows(r.summary)).toEqual([expect.stringMatching(/^Attestation: provenance (passed|failed) /), expect.stringMatching(/^Attestation: sbom (passed|failed) /), expect.stringMatching(/^Attestation: vuln (passed|failed) /)]);
    expect(attestationRows(r.summary).filter((row) => / failed /.test(row))).toHaveLength(1);
  });

  test('two attestations failing: both named in one run, the passing one still has its row', async () => {
    const failing = statement(TYPES.vuln, vuln({ startedOn: hourAgo(), vulns: [{ id: 'CVE-2026-7777', severity: 'CRITICAL', fixed: '3.3.3-r0' }] }), hex(), repository);
    const { r, writes } = await deployWith('refused-twice', [good().provenance, failing]);
    expect(r.errors.at(-1)).toMatch(/^deploy failed: Refused: 2 of 3 verification check\(s\) failed, so nothing was changed\.\nAttestation: sbom: no sbom attestation .*\nAttestation: vuln: vuln gate failed: .*CVE-2026-7777.*$/);
    // On GitHub: the lead and each failure are paragraphs of their own, before the table.
    const paragraphs = readRendered(r.summary).blocks.filter((b) => b.kind === 'p').map((b) => b.text);
    expect(paragraphs.slice(0, 3)).toEqual([expect.stringMatching(/^Refused: 2 of 3/), expect.stringMatching(/^Attestation: sbom: /), expect.stringMatching(/^Attestation: vuln: /)]);
    expect(attestationRows(r.summary).map((row) => row.split(' ').slice(0, 3).join(' '))).toEqual(['Attestation: provenance passed', 'Attestation: sbom failed', 'Attestation: vuln failed']);
    expect(writes).toEqual([]);
  });

  test('the same statements pass once the expired ignore is not needed (control for the case above)', async () => {
    const ignored = statement(TYPES.vuln, vuln({ startedOn: hourAgo(), vulns: [{ id: 'CVE-2026-8888', severity: 'HIGH', fixed: '3.3.3-r0' }], ignores: [{ id: 'CVE-2026-8888', expired_at: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(), statement: 'waiting for the base image' }] }), hex(), repository);
    const { r } = await deployWith('still-ignored', [good().provenance, good().sbom, ignored]);
    expect(r.errors).toEqual([]);
    expect(r.outputs.result).toBe('deployed');
  });

  test('inputs: attestations without a signer, and in rollback mode, are input errors that touch nothing', async () => {
    await k.clearRequests();
    const noSigner = await runAction('deploy', { inputs: { namespace: 'x', deployment: 'web', 'image-ref': `${repository}@${digest}`, 'require-attestations': 'vuln' }, env: { KUBECONFIG: k.kubeconfig } });
    expect(noSigner.errors.at(-1)).toMatch(/input 'certificate-identity': require-attestations asks for vuln/);
    const rollback = await runAction('deploy', { inputs: { namespace: 'x', deployment: 'web', mode: 'rollback', ...policy, 'require-attestations': 'vuln' }, env: { KUBECONFIG: k.kubeconfig } });
    expect(rollback.errors.at(-1)).toMatch(/input 'require-attestations': mode: rollback deploys no new image/);
    const unknown = await runAction('deploy', { inputs: { namespace: 'x', deployment: 'web', 'image-ref': `${repository}@${digest}`, ...policy, 'require-attestations': 'provenance,slsa' }, env: { KUBECONFIG: k.kubeconfig } });
    expect(unknown.errors.at(-1)).toMatch(/input 'require-attestations': 'slsa' is not an attestation/);
    expect(await k.requests()).toEqual([]);
  });
});
