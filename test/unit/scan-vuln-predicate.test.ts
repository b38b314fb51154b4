import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlIgnore } from '../../src/lib/vuln/ignore-file.js';
import { evaluate } from '../../src/lib/vuln/policy.js';
import { parseTrivyReport, type Severity } from '../../src/lib/vuln/trivy-report.js';
import { buildVulnPredicate, evaluateVulnPredicate, type VulnPredicate } from '../../src/lib/vuln/vuln-predicate.js';
import { upstreamFixtures } from '../harness/run-action.mjs';

const FIXTURES = path.join(upstreamFixtures, 'trivy');
const GOLDENS = readdirSync(FIXTURES).filter((f) => f.endsWith('.json.golden'));
const text = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const STARTED = new Date('2026-06-01T10:00:00Z');
const FINISHED = new Date('2026-06-01T10:02:30Z');
const HIGH_UP: Severity[] = ['CRITICAL', 'HIGH'];

/** Entries over alpine-39: one expires a day after the scan, one had expired before it, one never does. */
const IGNORE = parseYamlIgnore(
  [
    'vulnerabilities:',
    '  - id: CVE-2019-14697',
    '    purls:',
    '      - pkg:apk/alpine/musl@1.1.20-r4?arch=x86_64',
    '      - pkg:apk/alpine/musl-utils',
    '    statement: "not reachable: no untrusted input reaches musl\'s regex"',
    '    expired_at: 2026-06-02',
    '  - id: CVE-2019-1549',
    '    paths:',
    '      - "testdata/**"',
    '    expired_at: 2026-05-01T12:00:00+02:00',
    '  - id: CVE-2019-1551',
  ].join('\n'),
  '.trivyignore.yaml',
);

function predicate(name = 'alpine-39.json.golden', over: Partial<Parameters<typeof buildVulnPredicate>[0]> = {}): VulnPredicate {
  // What cosign hands back to a verifier: the JSON, not our objects.
  return JSON.parse(
    JSON.stringify(buildVulnPredicate({ report: JSON.parse(text(name)) as unknown, trivyVersion: 'v0.69.3', startedOn: STARTED, finishedOn: FINISHED, severity: HIGH_UP, ignoreUnfixed: true, ignore: IGNORE, runUrl: 'https://github.com/o/r/actions/runs/1', ...over })),
  ) as VulnPredicate;
}

describe('buildVulnPredicate', () => {
  test("cosign's CosignVulnPredicate layout, with the gate's parameters in .trivyignore.yaml field names", () => {
    const p = predicate();
    expect(Object.keys(p)).toEqual(['invocation', 'scanner', 'metadata']);
    expect(Object.keys(p.invocation)).toEqual(['parameters', 'uri', 'event_id', 'builder.id']);
    expect(p.invocation.uri).toBe('https://github.com/o/r/actions/runs/1');
    expect(p.scanner).toMatchObject({ uri: 'pkg:github/aquasecurity/trivy@0.69.3', version: '0.69.3', db: { uri: '', version: '' } });
    expect(p.scanner.result).toEqual(JSON.parse(text('alpine-39.json.golden')));
    expect(p.metadata).toEqual({ scanStartedOn: '2026-06-01T10:00:00.000Z', scanFinishedOn: '2026-06-01T10:02:30.000Z' });
    expect(p.invocation.parameters).toEqual({
      severity: ['CRITICAL', 'HIGH'],
      'ignore-unfixed': true,
      ignores: [
        {
          id: 'CVE-2019-14697',
          purls: ['pkg:apk/alpine/musl@1.1.20-r4?arch=x86_64', 'pkg:apk/alpine/musl-utils'],
          expired_at: '2026-06-02T00:00:00.000Z',
          statement: "not reachable: no untrusted input reaches musl's regex",
        },
        { id: 'CVE-2019-1549', paths: ['testdata/**'], expired_at: '2026-05-01T10:00:00.000Z' },
        { id: 'CVE-2019-1551' },
      ],
    });
  });

  test('ignore entries may be given as rules or as a list; none records an empty list', () => {
    expect(predicate('alpine-39.json.golden', { ignore: IGNORE.entries }).invocation.parameters.ignores).toEqual(predicate().invocation.parameters.ignores);
    expect(predicate('alpine-39.json.golden', { ignore: undefined }).invocation.parameters.ignores).toEqual([]);
  });

  test('the recorded entries read back through the .trivyignore.yaml parser unchanged', () => {
    const yaml = `vulnerabilities: ${JSON.stringify(predicate().invocation.parameters.ignores)}\n`;
    const back = parseYamlIgnore(yaml, 'x.yaml').entries;
    expect(back.map((e) => [e.id, e.paths, e.purls, e.statement, e.expiredAt?.toISOString()])).toEqual(IGNORE.entries.map((e) => [e.id, e.paths, e.purls, e.statement, e.expiredAt?.toISOString()]));
  });
});

describe('evaluateVulnPredicate', () => {
  test.each(GOLDENS)('%s: at scan time, the same verdict and counts as the scan gate', (name) => {
    const findings = parseTrivyReport(text(name), name).findings;
    for (const ignoreUnfixed of [true, false]) {
      const direct = evaluate(findings, { failing: new Set(HIGH_UP), ignoreUnfixed, ignore: IGNORE, now: FINISHED });
      const again = evaluateVulnPredicate(predicate(name, { ignoreUnfixed }), { now: FINISHED });
      expect(again.problem).toBeUndefined();
      expect(again.passed).toBe(direct.passed);
      expect(again.evaluation?.remaining).toEqual(direct.remaining);
      expect(again.evaluation?.ignored).toEqual(direct.ignored);
      expect(again.evaluation?.failingFindings.map((f) => f.id)).toEqual(direct.failingFindings.map((f) => f.id));
    }
  });

  test('an entry that expires after the scan suppresses nothing once expired, and is listed', () => {
    const atScan = evaluateVulnPredicate(predicate(), { now: FINISHED });
    expect(atScan.passed).toBe(true);
    expect(atScan.evaluation?.ignoredBy['ignore-file']).toBe(4); // 2 x CVE-2019-14697 (musl, musl-utils), 2 x CVE-2019-1551
    expect(atScan.expiredSinceScan).toEqual([]);
    expect(atScan.scannedAt?.toISOString()).toBe(STARTED.toISOString());

    const later = evaluateVulnPredicate(predicate(), { now: new Date('2026-06-03T00:00:00Z') });
    expect(later.passed).toBe(false);
    expect(later.evaluation?.failing.CRITICAL).toBe(2);
    // CVE-2019-1549 had expired before the scan: not "since the scan".
    expect(later.expiredSinceScan.map((e) => e.id)).toEqual(['CVE-2019-14697']);
  });

  test('failing severities from the verifier replace the recorded ones', () => {
    expect(evaluateVulnPredicate(predicate(), { now: FINISHED, failing: ['MEDIUM'] }).passed).toBe(false);
    expect(evaluateVulnPredicate(predicate(), { now: FINISHED, failing: ['LOW'] }).passed).toBe(true);
    expect(evaluateVulnPredicate(predicate('alpine-39.json.golden', { severity: ['MEDIUM'] }), { now: FINISHED }).passed).toBe(false);
  });

  /** The predicate with the value at `at` replaced (undefined: removed). */
  const broken = (at: Array<string | number>, value?: unknown): unknown => {
    const p = predicate() as unknown as Record<string, unknown>;
    let node = p as Record<string | number, unknown>;
    for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = at[at.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
    return p;
  };
  test.each<[string, unknown, RegExp]>([
    ['not an object', 'vuln', /the predicate is "vuln", expected an object/],
    ['no invocation', broken(['invocation']), /invocation is missing/],
    ["Trivy's own cosign-vuln output (parameters null)", broken(['invocation', 'parameters'], null), /invocation\.parameters is null: .*cannot be re-evaluated/],
    ['empty severity', broken(['invocation', 'parameters', 'severity'], []), /parameters\.severity is a list, expected a non-empty list/],
    ['unknown severity', broken(['invocation', 'parameters', 'severity'], ['CRITICAL', 'SEVERE']), /severity\[1\] is "SEVERE"/],
    ['ignore-unfixed as text', broken(['invocation', 'parameters', 'ignore-unfixed'], 'true'), /ignore-unfixed is "true", expected true or false/],
    ['ignores missing', broken(['invocation', 'parameters', 'ignores']), /ignores is missing, expected a list/],
    ['an entry without id', broken(['invocation', 'parameters', 'ignores', 1], { statement: 'x' }), /ignores\[1\]: the entry has no id/],
    ['an unknown entry field', broken(['invocation', 'parameters', 'ignores', 2, 'expires'], '2026-01-01'), /ignores\[2\]: unknown field 'expires'/],
    ['a bad expiry', broken(['invocation', 'parameters', 'ignores', 0, 'expired_at'], 'soon'), /ignores\[0\]\.expired_at is "soon"/],
    ['a bad purl', broken(['invocation', 'parameters', 'ignores', 0, 'purls'], ['musl']), /ignores\[0\]: 'musl' is not a package URL/],
    ['no report', broken(['scanner', 'result']), /scanner\.result is missing, expected Trivy's JSON report/],
    ['an old report', broken(['scanner', 'result', 'SchemaVersion'], 1), /scanner\.result has SchemaVersion 1/],
    ['a broken finding', broken(['scanner', 'result', 'Results', 0, 'Vulnerabilities', 0, 'VulnerabilityID']), /Vulnerabilities\[0\] has no VulnerabilityID/],
    ['no scan time', broken(['metadata', 'scanStartedOn']), /metadata\.scanStartedOn is missing/],
    ['a date without time', broken(['metadata', 'scanFinishedOn'], '2026-06-01'), /scanFinishedOn is "2026-06-01", expected an RFC 3339 time/],
    ['finished before started', broken(['metadata', 'scanFinishedOn'], '2026-06-01T09:00:00Z'), /is before scanStartedOn/],
    ['a scan in the future', broken(['metadata'], { scanStartedOn: '2026-06-02T00:00:00Z', scanFinishedOn: '2026-06-02T00:01:00Z' }), /in the future/],
  ])('malformed (%s): fails with the reason', (_, p, problem) => {
    const verdict = evaluateVulnPredicate(p, { now: FINISHED });
    expect(verdict.passed).toBe(false);
    expect(verdict.evaluation).toBeUndefined();
    expect(verdict.problem).toMatch(/^malformed vuln predicate: /);
    expect(verdict.problem).toMatch(problem);
  });
});
