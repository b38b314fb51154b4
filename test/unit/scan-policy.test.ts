import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlIgnore } from '../../src/lib/vuln/ignore-file.js';
import { evaluate, type Policy } from '../../src/lib/vuln/policy.js';
import { buildScanSummary, MAX_FINDING_ROWS } from '../../actions/scan/src/summary.js';
import { parseTrivyReport, type Finding, type Severity } from '../../src/lib/vuln/trivy-report.js';
import { generateReport } from '../fixtures/scan/generate-report.mjs';
import { upstreamFixtures } from '../harness/run-action.mjs';

const FIXTURES = path.join(upstreamFixtures, 'trivy');
const load = (name: string): Finding[] => parseTrivyReport(readFileSync(path.join(FIXTURES, name), 'utf8'), name).findings;
const NOW = new Date('2026-06-01T00:00:00Z');
const policy = (over: Partial<Policy> = {}): Policy => ({ failing: new Set<Severity>(['CRITICAL', 'HIGH']), ignoreUnfixed: true, now: NOW, ...over });

describe('the gate', () => {
  test('alpine-39: 2 CRITICAL fail, 4 MEDIUM remain but do not fail', () => {
    const ev = evaluate(load('alpine-39.json.golden'), policy());
    expect(ev.passed).toBe(false);
    expect(ev.remaining).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    expect(ev.failing.CRITICAL).toBe(2);
    expect(ev.ignoredTotal).toBe(0);
  });

  test('ubi-7: the unfixed LOW (will_not_fix) is ignored and counted, not dropped', () => {
    const ev = evaluate(load('ubi-7-comprehensive.json.golden'), policy());
    expect(ev.ignored.LOW).toBe(1);
    expect(ev.ignoredBy.unfixed).toBe(1);
    expect(ev.remaining.LOW).toBe(0);
    expect(evaluate(load('ubi-7-comprehensive.json.golden'), policy({ ignoreUnfixed: false })).remaining.LOW).toBe(1);
  });

  test('gomod: UNKNOWN can be a failing severity', () => {
    expect(evaluate(load('gomod.json.golden'), policy()).passed).toBe(true);
    const ev = evaluate(load('gomod.json.golden'), policy({ failing: new Set<Severity>(['UNKNOWN']) }));
    expect(ev.passed).toBe(false);
    expect(ev.failing.UNKNOWN).toBe(4);
  });

  test('duplicate IDs across targets are separate findings; one ignore entry covers them all', () => {
    const findings = load('alpine-39.json.golden');
    const ignore = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2019-14697\n    statement: musl fix is in the next base image\n', '.trivyignore.yaml');
    const ev = evaluate(findings, policy({ ignore }));
    expect(ev.passed).toBe(true);
    expect(ev.ignored.CRITICAL).toBe(2);
    expect(ev.entries[0]?.matched).toBe(2);
  });

  test('an expired entry suppresses nothing and is reported as expired with what it would match', () => {
    const ignore = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2019-14697\n    expired_at: 2026-05-31\n', '.trivyignore.yaml');
    const ev = evaluate(load('alpine-39.json.golden'), policy({ ignore }));
    expect(ev.passed).toBe(false);
    expect(ev.ignoredTotal).toBe(0);
    expect(ev.entries[0]).toMatchObject({ expired: true, matched: 2 });
    const summary = buildScanSummary({ imageRef: 'r@sha256:x', failingSeverities: ['CRITICAL', 'HIGH'], evaluation: ev, dbNotes: [] }).join('\n');
    expect(summary).toMatch(/Expired ignore entries/);
    expect(summary).toMatch(/\| CVE-2019-14697 \| 2026-05-31 \| 2 \| 2 \|/);
    // Still valid a day earlier.
    expect(evaluate(load('alpine-39.json.golden'), policy({ ignore, now: new Date('2026-05-30T23:59:59Z') })).passed).toBe(true);
  });

  test('paths and purls narrow an entry as in Trivy', () => {
    const findings = load('alpine-39.json.golden');
    const byPurl = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2019-14697\n    purls: ["pkg:apk/alpine/musl"]\n', 'f.yaml');
    const ev = evaluate(findings, policy({ ignore: byPurl }));
    expect(ev.failingFindings.map((f) => f.pkgName)).toEqual(['musl-utils']);
    const byPath = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2022-40897\n    paths: ["**/setuptools-*/PKG-INFO"]\n', 'f.yaml');
    const ubi = load('ubi-7-comprehensive.json.golden');
    expect(ubi[1]?.pkgPath).toMatch(/setuptools/);
    expect(evaluate(ubi, policy({ ignore: byPath })).passed).toBe(true);
    const wrongPath = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2022-40897\n    paths: ["opt/**"]\n', 'f.yaml');
    expect(evaluate(ubi, policy({ ignore: wrongPath })).passed).toBe(false);
  });

  test('failing findings are sorted by severity, then CVSS', () => {
    const ev = evaluate(load('photon-30.json.golden').concat(load('fluentd-gems.json.golden')), policy());
    const order = ev.failingFindings.map((f) => [f.severity, f.cvss]);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? Number(b[1] ?? -1) - Number(a[1] ?? -1) : a[0] === 'CRITICAL' ? -1 : 1));
    expect(order).toEqual(sorted);
  });
});

describe('summary', () => {
  test('verdict first, counts table, and a capped list with an "N more" line', () => {
    const findings = parseTrivyReport(JSON.stringify(generateReport(2000)), 'big').findings;
    const ev = evaluate(findings, policy());
    const sections = buildScanSummary({ imageRef: 'ghcr.io/a/b@sha256:1', failingSeverities: ['CRITICAL', 'HIGH'], failOnFindings: true, evaluation: ev, dbNotes: ['DB: downloaded from x'], reportFile: 'trivy-report.json' });
    expect(sections[0]).toMatch(/^## :x: Scan failed: \d+ findings of failing severity \(CRITICAL, HIGH\)/);
    expect(sections[1]).toMatch(/^\| Severity \| Found \| Ignored \| Remaining \| Failing \|/);
    const text = sections.join('\n');
    const rows = text.split('\n').filter((l) => /^\| (CRITICAL|HIGH) \| \[CVE-/.test(l));
    expect(rows).toHaveLength(MAX_FINDING_ROWS);
    expect(text).toContain(`… and ${ev.failingFindings.length - MAX_FINDING_ROWS} more failing findings`);
  });

  test('report text cannot inject HTML or links into the summary', () => {
    const f: Finding = { id: 'CVE-1', severity: 'HIGH', pkgName: '<img src=x>', installedVersion: '[a](http://evil)', fixedVersion: '2', target: 't|x', primaryUrl: 'javascript:alert(1)' };
    const text = buildScanSummary({ failingSeverities: ['HIGH'], evaluation: evaluate([f], policy()), dbNotes: [] }).join('\n');
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/(?<!\\)\]\(http:\/\/evil\)/);
    expect(text).toContain('\\[a\\](http://evil)');
    expect(text).not.toContain('javascript:');
  });
});

describe('20,000 findings', () => {
  // How long it takes is bench/scan.bench.mjs's question; this checks the counts add up.
  test('every finding is counted once, as remaining or ignored', () => {
    const findings = parseTrivyReport(JSON.stringify(generateReport(20000)), 'big').findings;
    const ignore = parseYamlIgnore(`vulnerabilities:\n${Array.from({ length: 200 }, (_, i) => `  - id: CVE-2024-${10000 + i}\n    expired_at: ${i % 2 ? '2020-01-01' : '2099-01-01'}\n`).join('')}`, 'f.yaml');
    const ev = evaluate(findings, policy({ ignore }));
    const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(ev.found)).toBe(20000);
    expect(sum(ev.remaining) + ev.ignoredTotal).toBe(20000);
  });
});
