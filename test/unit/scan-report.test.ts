import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isUnfixed, parseTrivyReport, pickCvss, ReportError } from '../../src/lib/vuln/trivy-report.js';
import { generateReport } from '../fixtures/scan/generate-report.mjs';
import { upstreamFixtures } from '../harness/run-action.mjs';

const FIXTURES = path.join(upstreamFixtures, 'trivy');
const reports = readdirSync(FIXTURES).filter((f) => f.endsWith('.json.golden'));

interface RawVuln {
  VulnerabilityID: string;
  Severity?: string;
}
interface RawReport {
  Results?: Array<{ Vulnerabilities?: RawVuln[] | null }>;
}

describe('parseTrivyReport on the real upstream reports', () => {
  test('the eleven JSON goldens (twelve minus the SARIF one) are here', () => {
    expect(reports.length).toBe(11);
  });

  test.each(reports)('%s: one finding per Results[].Vulnerabilities[] entry, in order', (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    const raw = JSON.parse(text) as RawReport;
    const expected = (raw.Results ?? []).flatMap((r) => r.Vulnerabilities ?? []).map((v) => [v.VulnerabilityID, v.Severity || 'UNKNOWN']);
    const report = parseTrivyReport(text, file);
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual(expected);
    expect(report.targets).toBe((raw.Results ?? []).length);
  });

  test('several targets: OS and language packages keep their own target and class', () => {
    const r = parseTrivyReport(readFileSync(path.join(FIXTURES, 'fluentd-gems.json.golden'), 'utf8'), 'x');
    expect(r.findings.map((f) => [f.resultClass, f.severity])).toEqual([
      ['os-pkgs', 'CRITICAL'],
      ['lang-pkgs', 'HIGH'],
    ]);
  });

  test('no Results key, and Results without Vulnerabilities', () => {
    expect(parseTrivyReport(readFileSync(path.join(FIXTURES, 'alpine-39-skip.json.golden'), 'utf8'), 'x').findings).toEqual([]);
    expect(parseTrivyReport(readFileSync(path.join(FIXTURES, 'sl-micro-rancher5.4.json.golden'), 'utf8'), 'x').findings).toEqual([]);
    expect(parseTrivyReport('{"SchemaVersion":2,"Results":[{"Target":"a","Vulnerabilities":null}]}', 'x').findings).toEqual([]);
  });

  test('secrets and misconfigurations are counted apart, never as vulnerabilities', () => {
    const r = parseTrivyReport(readFileSync(path.join(FIXTURES, 'secrets.json.golden'), 'utf8'), 'x');
    expect(r.findings).toEqual([]);
    expect(r.otherFindings).toBe(2);
  });

  test('CVSS: the severity source first, as Trivy\'s SARIF writer does', () => {
    const r = parseTrivyReport(readFileSync(path.join(FIXTURES, 'alpine-39.json.golden'), 'utf8'), 'x');
    expect(r.findings.find((f) => f.id === 'CVE-2019-14697')?.cvss).toBe(9.8);
    expect(pickCvss({ SeveritySource: 'redhat', CVSS: { nvd: { V3Score: 9.1 }, redhat: { V3Score: 7.5 } } }).score).toBe(7.5);
    expect(pickCvss({ SeveritySource: 'ghsa', CVSS: { nvd: { V3Score: 9.1 }, redhat: { V3Score: 7.5 } } }).score).toBe(9.1);
    expect(pickCvss({ CVSS: { a: { V3Score: 4 }, b: { V3Score: 6.1 } } }).score).toBe(6.1);
    expect(pickCvss({ CVSS: { nvd: { V2Score: 5 } } }).score).toBeUndefined();
  });

  test('unfixed: no FixedVersion, or a Status other than fixed', () => {
    const r = parseTrivyReport(readFileSync(path.join(FIXTURES, 'ubi-7-comprehensive.json.golden'), 'utf8'), 'x');
    expect(r.findings.map(isUnfixed)).toEqual([true, false]);
    const base = { id: 'X', severity: 'LOW' as const, pkgName: 'p', installedVersion: '1', target: 't' };
    expect(isUnfixed({ ...base, fixedVersion: '2', status: 'affected' })).toBe(true);
    expect(isUnfixed({ ...base, fixedVersion: '2' })).toBe(false);
  });
});

describe('broken reports fail loudly', () => {
  test.each([
    ['', /is empty/],
    ['{"SchemaVersion":2,"Results":[{"Target":"a","Vulnerabil', /not valid JSON .*truncated/],
    ['{"SchemaVersion":1,"Results":[]}', /SchemaVersion 1/],
    ['[]', /not a JSON object/],
    ['{"SchemaVersion":2,"Results":{}}', /Results is not a list/],
    ['{"SchemaVersion":2,"Results":[{"Vulnerabilities":[{"Severity":"HIGH"}]}]}', /has no VulnerabilityID/],
  ])('%j', (text, message) => {
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(ReportError);
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(message);
  });

  test('a real report cut in half', () => {
    const text = readFileSync(path.join(FIXTURES, 'photon-30.json.golden'), 'utf8');
    expect(() => parseTrivyReport(text.slice(0, text.length / 2), 'r.json')).toThrow(/truncated/);
  });
});

describe('large reports', () => {
  // Speed is measured by bench/scan.bench.mjs, never asserted here.
  test('20,000 findings parse, every one kept', () => {
    const text = JSON.stringify(generateReport(20000));
    const r = parseTrivyReport(text, 'big.json');
    expect(r.findings).toHaveLength(20000);
    expect(r.findings.filter((f) => f.severity === 'UNKNOWN').length).toBeGreaterThan(4000);
  });
});
