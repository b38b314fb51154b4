import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, type Policy } from '../../src/lib/vuln/policy.js';
import { buildSarif, codeScanningBucket, MAX_SARIF_RESULTS, pathToUri } from '../../actions/scan/src/sarif.js';
import { parseTrivyReport, type Finding, type Severity } from '../../src/lib/vuln/trivy-report.js';
import { generateReport } from '../fixtures/scan/generate-report.mjs';
import { upstreamFixtures } from '../harness/run-action.mjs';
import { validateLargeSarif, validateSarif } from '../harness/sarif-schema.mjs';

const validate = validateSarif;
const validateFast = validateLargeSarif;

const FIXTURES = path.join(upstreamFixtures, 'trivy');
// Every vulnerability report among Trivy's integration goldens (test/fixtures/scan/README.md).
const MORE = path.join(path.dirname(upstreamFixtures), 'scan', 'trivy');
const EVERY_GOLDEN = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.json.golden')).map((f) => path.join(FIXTURES, f)),
  ...readdirSync(MORE).filter((f) => f.endsWith('.json.golden')).map((f) => path.join(MORE, f)),
];
const policy: Policy = { failing: new Set<Severity>(['CRITICAL', 'HIGH']), ignoreUnfixed: true, now: new Date() };
const ctx = { imageRef: 'ghcr.io/acme/shop@sha256:' + 'a'.repeat(64), imagePath: 'ghcr.io/acme/shop', trivyVersion: '0.69.3' };

function sarifFor(name: string, p: Policy = policy) {
  return buildSarif(evaluate(parseTrivyReport(readFileSync(path.join(FIXTURES, name), 'utf8'), name).findings, p), ctx);
}

describe('SARIF', () => {
  test('the schema itself rejects a broken log (the validator is live)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
    expect(validate(JSON.parse(readFileSync(path.join(FIXTURES, 'alpine-310.sarif.golden'), 'utf8')))).toBe(true);
  });

  test.each(['alpine-39.json.golden', 'alpine-310.json.golden', 'fluentd-gems.json.golden', 'gomod.json.golden', 'spring4shell-jre11.json.golden', 'ubi-7-comprehensive.json.golden', 'alpine-39-skip.json.golden', 'photon-30.json.golden'])('%s validates against SARIF 2.1.0', (name) => {
    const log = sarifFor(name);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('one rule per vulnerability ID, one result per remaining finding', () => {
    const log = sarifFor('alpine-310.json.golden');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(['CVE-2019-1549', 'CVE-2019-1551']);
    expect(run.results).toHaveLength(4);
    for (const r of run.results ?? []) expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
    // Same rules and result count as Trivy's own SARIF of the same scan.
    const golden = JSON.parse(readFileSync(path.join(FIXTURES, 'alpine-310.sarif.golden'), 'utf8'));
    expect(golden.runs[0].tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual(['CVE-2019-1549', 'CVE-2019-1551']);
    expect(golden.runs[0].results).toHaveLength(4);
  });

  test('failing findings are errors; security-severity comes from CVSS', () => {
    const run = sarifFor('alpine-39.json.golden').runs[0]!;
    const critical = run.results?.filter((r) => r.ruleId === 'CVE-2019-14697') ?? [];
    expect(critical.map((r) => r.level)).toEqual(['error', 'error']);
    expect(run.results?.filter((r) => r.ruleId !== 'CVE-2019-14697').every((r) => r.level === 'warning')).toBe(true);
    const rule = run.tool.driver.rules?.find((r) => r.id === 'CVE-2019-14697');
    expect(rule?.properties?.['security-severity']).toBe('9.8');
    expect(critical[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('ghcr.io/acme/shop');
  });

  test.each(EVERY_GOLDEN.map((f) => [path.basename(f), f]))('%s: security-severity puts every rule in the code-scanning bucket of the severity the gate judged', (_, file) => {
    const findings = parseTrivyReport(readFileSync(file, 'utf8'), file).findings;
    const all: Policy = { ...policy, ignoreUnfixed: false };
    const log = buildSarif(evaluate(findings, all), ctx);
    expect(validate(log)).toBe(true);
    const run = log.runs[0]!;
    const rank = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
    for (const rule of run.tool.driver.rules ?? []) {
      const worst = findings.filter((f) => f.id === rule.id).map((f) => f.severity).sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0];
      const props = rule.properties as { 'security-severity': string; tags: string[] };
      expect([rule.id, codeScanningBucket(Number(props['security-severity']))]).toEqual([rule.id, worst]);
      expect(props.tags[2]).toBe(worst);
    }
    // Where the severity source's own score agrees with its severity, it is shown, as Trivy does.
    for (const f of findings) {
      if (f.sourceScore === undefined || codeScanningBucket(f.sourceScore) !== f.severity) continue;
      const same = findings.filter((g) => g.id === f.id);
      if (same.some((g) => g.severity !== f.severity || g.sourceScore !== f.sourceScore)) continue;
      const rule = run.tool.driver.rules?.find((r) => r.id === f.id);
      expect((rule?.properties as Record<string, string>)['security-severity']).toBe(f.sourceScore.toFixed(1));
    }
  });

  test('a score that contradicts its severity gives way to Trivy\'s stand-in for the severity', () => {
    // ubi-7-comprehensive: CVE-2022-40897 is HIGH (source ghsa) with a 5.9 score, CVE-2019-18276 LOW (redhat) with 7.8.
    const run = sarifFor('ubi-7-comprehensive.json.golden', { ...policy, ignoreUnfixed: false }).runs[0]!;
    const score = (id: string) => (run.tool.driver.rules?.find((r) => r.id === id)?.properties as Record<string, string>)['security-severity'];
    expect(score('CVE-2022-40897')).toBe('8.0');
    expect(score('CVE-2019-18276')).toBe('2.0');
    // Trivy's own SARIF of alpine-310 shows the source's score: so do we.
    const golden = JSON.parse(readFileSync(path.join(FIXTURES, 'alpine-310.sarif.golden'), 'utf8')) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: Record<string, string> }> } } }> };
    const ours = sarifFor('alpine-310.json.golden').runs[0]!.tool.driver.rules ?? [];
    for (const rule of golden.runs[0]!.tool.driver.rules) expect((ours.find((r) => r.id === rule.id)?.properties as Record<string, string>)['security-severity']).toBe(rule.properties['security-severity']);
    expect(codeScanningBucket(9)).toBe('CRITICAL');
    expect(codeScanningBucket(8.9)).toBe('HIGH');
    expect(codeScanningBucket(4)).toBe('MEDIUM');
    expect(codeScanningBucket(0.1)).toBe('LOW');
    expect(codeScanningBucket(0)).toBe('UNKNOWN');
  });

  test('artifact URIs are percent-encoded per path segment: a space, # or % in a path, a registry port', () => {
    const f = (id: string, over: Partial<Finding>): Finding => ({ id, severity: 'HIGH', pkgName: 'p', installedVersion: '1', fixedVersion: '2', target: 't', resultClass: 'lang-pkgs', ...over });
    const findings = [f('CVE-1', { pkgPath: 'opt/my app/lib#1/x 100%.jar' }), f('CVE-2', { resultClass: 'os-pkgs', target: 'localhost:5000/app (alpine 3.19)' }), f('CVE-3', { target: 'srv/a?b/Gemfile.lock' })];
    const log = buildSarif(evaluate(findings, policy), { ...ctx, imagePath: 'localhost:5000/app' });
    expect(validate(log)).toBe(true);
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toEqual(['opt/my%20app/lib%231/x%20100%25.jar', 'localhost%3A5000/app', 'srv/a%3Fb/Gemfile.lock']);
    // Each decodes back to the path it names.
    expect(uris.map((u) => u!.split('/').map(decodeURIComponent).join('/'))).toEqual(['opt/my app/lib#1/x 100%.jar', 'localhost:5000/app', 'srv/a?b/Gemfile.lock']);
    expect(log.runs[0]!.results![0]!.locations![0]!.message!.text).toBe('opt/my app/lib#1/x 100%.jar: p@1');
    // The raw paths break the published schema: the encoding is what makes the log valid.
    const raw = structuredClone(log);
    raw.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'opt/my app/lib#1/x 100%.jar';
    expect(validate(raw)).toBe(false);
    expect(pathToUri('usr/lib/python3.6/site-packages/setuptools-40.4.3.dist-info/PKG-INFO')).toBe('usr/lib/python3.6/site-packages/setuptools-40.4.3.dist-info/PKG-INFO');
  });

  test('a non-failing CRITICAL is a warning, never an error', () => {
    const run = sarifFor('alpine-39.json.golden', { ...policy, failing: new Set<Severity>(['UNKNOWN']) }).runs[0]!;
    expect(run.results?.some((r) => r.level === 'error')).toBe(false);
  });

  test('language packages are located at their path; ignored findings are left out', () => {
    const run = sarifFor('ubi-7-comprehensive.json.golden').runs[0]!;
    expect(run.results).toHaveLength(1);
    expect(run.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toMatch(/setuptools-.*PKG-INFO$/);
  });

  test('20,000 findings: valid, and every remaining finding is a result', () => {
    const findings = parseTrivyReport(JSON.stringify(generateReport(20000)), 'big').findings;
    const ev = evaluate(findings, policy);
    const log = buildSarif(ev, ctx);
    expect(log.runs[0]?.results).toHaveLength(ev.remainingFindings.length);
    const ids = log.runs[0]?.tool.driver.rules?.map((r) => r.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(validateFast(log)).toBe(true);
  });

  test('results come most important first: failing, then severity and CVSS, whatever the report order', () => {
    const f = (id: string, severity: Severity, cvss?: number): Finding => ({ id, severity, pkgName: 'p', installedVersion: '1', fixedVersion: '2', target: 't', resultClass: 'os-pkgs', cvss });
    const ev = evaluate([f('CVE-LOW', 'LOW'), f('CVE-MED', 'MEDIUM', 6.1), f('CVE-HIGH', 'HIGH', 7.5), f('CVE-CRIT', 'CRITICAL', 9.1), f('CVE-HIGH2', 'HIGH', 8.8)], policy);
    const run = buildSarif(ev, ctx).runs[0]!;
    expect(run.results?.map((r) => r.ruleId)).toEqual(['CVE-CRIT', 'CVE-HIGH2', 'CVE-HIGH', 'CVE-MED', 'CVE-LOW']);
    for (const r of run.results ?? []) expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
    // A non-failing CRITICAL comes after a failing MEDIUM.
    const medFailing = buildSarif(evaluate([f('CVE-CRIT', 'CRITICAL', 9.1), f('CVE-MED', 'MEDIUM', 6.1)], { ...policy, failing: new Set<Severity>(['MEDIUM']) }), ctx).runs[0]!;
    expect(medFailing.results?.map((r) => [r.ruleId, r.level])).toEqual([['CVE-MED', 'error'], ['CVE-CRIT', 'warning']]);
  });

  test('over code scanning\'s 25,000 results per run: the failing findings are kept, the least severe left out', () => {
    const f = (i: number, severity: Severity): Finding => ({ id: `CVE-2024-${i}`, severity, pkgName: `p${i}`, installedVersion: '1', fixedVersion: '2', target: 't', resultClass: 'os-pkgs' });
    const findings = [...Array.from({ length: MAX_SARIF_RESULTS + 100 }, (_, i) => f(i, 'LOW')), f(900001, 'CRITICAL'), f(900002, 'HIGH')];
    const run = buildSarif(evaluate(findings, policy), ctx).runs[0]!;
    expect(MAX_SARIF_RESULTS).toBe(25000);
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.results?.slice(0, 2).map((r) => [r.ruleId, r.level])).toEqual([['CVE-2024-900001', 'error'], ['CVE-2024-900002', 'error']]);
    expect(run.tool.driver.rules?.length).toBeLessThanOrEqual(MAX_SARIF_RESULTS);
    for (const r of run.results ?? []) expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
  });
});
