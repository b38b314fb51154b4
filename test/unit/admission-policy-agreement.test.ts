/**
 * The exported Kyverno conditions reach the same verdict as deploy's verification
 * (src/lib/trust/verify.ts) on the same statements. Kyverno's evaluation is reproduced
 * as its source does it (kyverno/kyverno @ 111e07bb):
 * - pkg/engine/internal/imageverifier.go verifyAttestation: the statements of the
 *   attestation's `type` (none: fail), and every one of them must pass the conditions;
 * - pkg/engine/internal/utils.go EvaluateConditions: the predicate's fields are the
 *   context; variables are substituted, innermost {{ }} first; a key that is one
 *   variable keeps its type, a variable inside a longer string becomes its text;
 * - pkg/engine/jmespath: regex_match (Go regexp, unanchored), time_since (now - t1, as
 *   Go's Duration.String()), time_after, time_now_utc; the operators Equals,
 *   GreaterThan and LessThanOrEquals (durations compared as durations).
 * Statements whose subject is another digest never reach the conditions: cosign's
 * verification drops them, as in deploy. JMESPath is @jmespath-community/jmespath.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { registerFunction, search, TYPE_ANY, TYPE_STRING, type JSONValue } from '@jmespath-community/jmespath';
import { kyvernoConditions, kyvernoPolicy, type KyvernoCondition } from '../../src/lib/trust/admission.js';
import { PREDICATE_TYPES, parseTrustPolicy, type TrustInputs, type TrustPolicy } from '../../src/lib/trust/policy.js';
import { verifyTrustPolicy, type RunCosign } from '../../src/lib/trust/verify.js';
import { DIGEST, IMAGE, NOW, OTHER_DIGEST, TYPES, envelopeLine, goodSet, provenance, sbom, statement, vuln, type Json } from '../fixtures/trust/statements.js';

const IDENTITY = 'https://github.com/acme/platform/.github/workflows/secure-delivery.yml@refs/tags/v1.4.0';
const inputs: TrustInputs = {
  'require-attestations': 'provenance,sbom,vuln',
  'source-repository': 'acme/shop',
  'source-ref-regexp': '^refs/(heads/main|tags/v[0-9]+\\.[0-9]+\\.[0-9]+)$',
  'max-scan-age': '24h',
  'vuln-severity': 'CRITICAL,HIGH',
  'certificate-identity': IDENTITY,
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
};

/** Go's time.Duration.String() for a whole number of milliseconds. */
function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const m = Math.floor(rest / 60000);
  rest -= m * 60000;
  const s = (rest / 1000).toString();
  return h > 0 ? `${sign}${h}h${m}m${s}s` : m > 0 ? `${sign}${m}m${s}s` : `${sign}${s}s`;
}

function parseGoDuration(text: string): number | undefined {
  const m = /^(-)?(?:([0-9.]+)h)?(?:([0-9.]+)m(?!s))?(?:([0-9.]+)s)?(?:([0-9.]+)ms)?$/.exec(text);
  if (!m || text === '' || text === '-') return undefined;
  const ms = Number(m[2] ?? 0) * 3600000 + Number(m[3] ?? 0) * 60000 + Number(m[4] ?? 0) * 1000 + Number(m[5] ?? 0);
  return m[1] ? -ms : ms;
}

beforeAll(() => {
  registerFunction('regex_match', ([re, s]) => new RegExp(String(re)).test(typeof s === 'string' ? s : JSON.stringify(s)), [{ types: [TYPE_STRING] }, { types: [TYPE_ANY] }]);
  registerFunction(
    'time_since',
    ([, t1, t2]) => {
      const end = t2 ? new Date(String(t2)).getTime() : NOW.getTime();
      const start = new Date(String(t1)).getTime();
      if (Number.isNaN(start) || Number.isNaN(end)) throw new Error(`time_since: cannot parse ${String(t1)}`);
      return goDurationString(end - start);
    },
    [{ types: [TYPE_STRING] }, { types: [TYPE_STRING] }, { types: [TYPE_STRING] }],
  );
  registerFunction('time_now_utc', () => NOW.toISOString().replace(/\.000Z$/, 'Z'), []);
  registerFunction('time_after', ([a, b]) => new Date(String(a)).getTime() > new Date(String(b)).getTime(), [{ types: [TYPE_STRING] }, { types: [TYPE_STRING] }]);
});

/** Kyverno's substitution: innermost {{ }} first; a whole-key variable keeps its type. */
function substitute(key: string, context: JSONValue): unknown {
  let text = key;
  for (let guard = 0; ; guard++) {
    if (guard > 20) throw new Error(`substitution does not end: ${text}`);
    const m = /\{\{((?:(?!\{\{)[\s\S])*?)\}\}/.exec(text);
    if (!m) return text;
    const value = search(context, (m[1] ?? '').trim());
    if (m[0] === text) return value;
    text = text.slice(0, m.index) + (typeof value === 'string' ? value : JSON.stringify(value)) + text.slice(m.index + m[0].length);
  }
}

function holds(c: KyvernoCondition, context: JSONValue): boolean {
  let key: unknown;
  try {
    key = substitute(c.key, context);
  } catch {
    return false; // a failed substitution fails the rule in Kyverno
  }
  switch (c.operator) {
    case 'Equals':
      return JSON.stringify(key) === JSON.stringify(c.value);
    case 'GreaterThan':
      return typeof key === 'number' && key > (c.value as number);
    case 'LessThanOrEquals': {
      const a = typeof key === 'string' ? parseGoDuration(key) : undefined;
      const b = parseGoDuration(String(c.value));
      return a !== undefined && b !== undefined && a <= b;
    }
    default:
      throw new Error(`operator ${c.operator} not reproduced`);
  }
}

/** Kyverno's verdict on the statements cosign verified for the image. */
function kyvernoVerdict(policy: TrustPolicy, statements: Json[], withoutConditions = false): { ok: boolean; failed: string[] } {
  const exported = kyvernoPolicy(policy, { name: 'p', images: ['ghcr.io/acme/*'], mode: 'enforce' }) as { spec: { rules: Array<{ verifyImages: Array<{ attestations: Array<{ type: string; conditions: Array<{ all: KyvernoCondition[] }> }> }> }> } };
  const verified = statements.filter((s) => (s.subject as Array<{ digest: { sha256: string } }>).some((x) => x.digest.sha256 === DIGEST));
  const failed: string[] = [];
  for (const a of exported.spec.rules[0]?.verifyImages[0]?.attestations ?? []) {
    const ofType = verified.filter((s) => s.predicateType === a.type);
    const ok = ofType.length > 0 && ofType.every((s) => withoutConditions || a.conditions.every((block) => block.all.every((c) => holds(c, s.predicate as JSONValue))));
    if (!ok) failed.push(a.type);
  }
  return { ok: failed.length === 0, failed };
}

async function deployVerdict(policy: TrustPolicy, statements: Json[]): Promise<{ ok: boolean; failed: string[] }> {
  // cosign's own filtering (subject digest, --type's predicate type), then the module's checks.
  const run: RunCosign = async (argv) => {
    const want = { slsaprovenance1: TYPES.provenance, cyclonedx: TYPES.sbom, vuln: TYPES.vuln }[argv[2] as 'vuln'];
    const verified = statements.filter((s) => (s.subject as Array<{ digest: { sha256: string } }>).some((x) => x.digest.sha256 === DIGEST));
    const of = verified.filter((s) => s.predicateType === want);
    if (of.length === 0) return { exitCode: 1, stdout: '', stderr: `Error: none of the attestations matched the predicate type: ${want}, found: ${verified.map((s) => String(s.predicateType)).join(',')}\n` };
    return { exitCode: 0, stdout: of.map(envelopeLine).join('\n'), stderr: '' };
  };
  const v = await verifyTrustPolicy(policy, IMAGE, run, { now: NOW });
  return { ok: v.ok, failed: v.rows.filter((r) => !r.ok).map((r) => r.predicateType) };
}

const hours = (h: number): Date => new Date(NOW.getTime() - h * 3600 * 1000);
const replace = (kind: keyof typeof TYPES, s: Json): Json[] => goodSet().map((g) => (g.predicateType === TYPES[kind] ? s : g));

const cases: Array<[string, () => Json[], TrustInputs]> = [
  ['the good set', () => goodSet(), {}],
  ['a statement for another digest', () => replace('sbom', statement(TYPES.sbom, sbom(OTHER_DIGEST), OTHER_DIGEST)), {}],
  ['a missing type', () => goodSet().filter((s) => s.predicateType !== TYPES.provenance), {}],
  ['a predicate type without https://', () => replace('vuln', statement('cosign.sigstore.dev/attestation/vuln/v1', vuln())), {}],
  ['provenance from another repository', () => replace('provenance', statement(TYPES.provenance, provenance({ repository: 'evil/shop' }))), {}],
  ['a ref the regexp refuses', () => replace('provenance', statement(TYPES.provenance, provenance({ ref: 'refs/heads/feature/x' }))), {}],
  ['a tag ref the regexp accepts', () => replace('provenance', statement(TYPES.provenance, provenance({ ref: 'refs/tags/v1.2.3' }))), {}],
  ['a tag ref the regexp refuses (the dot is escaped)', () => replace('provenance', statement(TYPES.provenance, provenance({ ref: 'refs/tags/v1x2x3' }))), {}],
  ['provenance of another build type', () => replace('provenance', statement(TYPES.provenance, provenance({ buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1' }))), {}],
  ['provenance without a commit', () => replace('provenance', statement(TYPES.provenance, provenance({ commit: 'main' }))), {}],
  ['a scan 23h old', () => replace('vuln', statement(TYPES.vuln, vuln({ startedOn: hours(23) }))), {}],
  ['a scan older than max-scan-age', () => replace('vuln', statement(TYPES.vuln, vuln({ startedOn: hours(25) }))), {}],
  ['a vuln result that fails the gate', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-1111', severity: 'CRITICAL', fixed: '2' }] }))), {}],
  ['an unfixed HIGH under ignore-unfixed', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-1112', severity: 'HIGH' }] }))), {}],
  ['an unfixed HIGH without ignore-unfixed', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-1113', severity: 'HIGH' }], ignoreUnfixed: false }))), {}],
  ['a MEDIUM finding only', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-1114', severity: 'MEDIUM', fixed: '2' }] }))), {}],
  ['an ignore still in force', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-2222', severity: 'HIGH', fixed: '2' }], ignores: [{ id: 'CVE-2026-2222', expired_at: '2026-12-06T00:00:00.000Z' }] }))), {}],
  ['an ignore that has expired since the scan', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-2222', severity: 'HIGH', fixed: '2' }], ignores: [{ id: 'CVE-2026-2222', expired_at: '2026-12-05T08:30:00.000Z' }] }))), {}],
  ['an ignore without expiry', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-2223', severity: 'CRITICAL', fixed: '2' }], ignores: [{ id: 'CVE-2026-2223' }] }))), {}],
  ['two scans, one stale', () => [...goodSet(), statement(TYPES.vuln, vuln({ startedOn: hours(30) }))], {}],
  ['a stricter vuln-severity at deploy time', () => replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-3333', severity: 'MEDIUM', fixed: '2' }] }))), { 'vuln-severity': 'CRITICAL,HIGH,MEDIUM' }],
  ['no ref regexp: any ref', () => replace('provenance', statement(TYPES.provenance, provenance({ ref: 'refs/heads/feature/x' }))), { 'source-ref-regexp': '' }],
];

describe('the Kyverno conditions and deploy agree on the same statements', () => {
  test.each(cases)('%s', async (_name, make, extra) => {
    const policy = parseTrustPolicy({ ...inputs, ...extra }, 'https://github.com');
    const statements = make();
    const deploy = await deployVerdict(policy, statements);
    const kyverno = kyvernoVerdict(policy, statements);
    expect(kyverno).toEqual(deploy);
  });

  test('the cases cover both verdicts and every attestation type refusing', async () => {
    const policy = parseTrustPolicy(inputs, 'https://github.com');
    const results = await Promise.all(cases.filter(([, , extra]) => Object.keys(extra).length === 0).map(async ([, make]) => deployVerdict(policy, make())));
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(4);
    expect(new Set(results.flatMap((r) => r.failed))).toEqual(new Set(Object.values(PREDICATE_TYPES)));
  });
});

describe('where the cluster cannot say what deploy says (documented in actions/admission-policy/README.md)', () => {
  const policy = parseTrustPolicy(inputs, 'https://github.com');

  test('an SBOM naming another image: deploy refuses, Kyverno cannot see the image digest in its conditions', async () => {
    const statements = replace('sbom', statement(TYPES.sbom, sbom(OTHER_DIGEST)));
    expect((await deployVerdict(policy, statements)).failed).toEqual([TYPES.sbom]);
    expect(kyvernoVerdict(policy, statements).ok).toBe(true);
  });

  test('an ignore scoped to a path: deploy honours it, the cluster does not (stricter)', async () => {
    const statements = replace('vuln', statement(TYPES.vuln, vuln({ vulns: [{ id: 'CVE-2026-4444', severity: 'HIGH', fixed: '2' }], ignores: [{ id: 'CVE-2026-4444', paths: ['ghcr.io/**'] }] })));
    expect((await deployVerdict(policy, statements)).ok).toBe(true);
    expect(kyvernoVerdict(policy, statements).failed).toEqual([TYPES.vuln]);
  });

  test('the conditions decide: without them the bad sets would be admitted', () => {
    const bad = cases.filter(([name]) => /another repository|regexp refuses|older than|fails the gate|expired since/.test(name)).map(([, make]) => make());
    expect(bad).toHaveLength(6);
    for (const statements of bad) {
      expect(kyvernoVerdict(policy, statements).ok).toBe(false);
      expect(kyvernoVerdict(policy, statements, true).ok).toBe(true);
    }
    expect(kyvernoConditions('provenance', policy).length).toBe(4);
  });
});
