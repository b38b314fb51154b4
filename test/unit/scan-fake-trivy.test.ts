import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakesDir, upstreamFixtures } from '../harness/run-action.mjs';

// The test double must refuse what the real `trivy image` refuses, or the action's tests prove little.
const trivy = path.join(fakesDir, 'trivy');
const REPORT = path.join(upstreamFixtures, 'trivy', 'alpine-39.json.golden');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(trivy, args, { encoding: 'utf8', env: { ...process.env, FAKE_TRIVY_REPORT: REPORT, ...env } });

describe('fake trivy', () => {
  test('--version prints like the real one', () => {
    expect(run(['--version']).stdout).toBe('Version: 0.69.3\n');
  });

  test.each([
    [['image', '--bogus', 'x'], /unknown flag: --bogus/],
    [['image', '-Z', 'x'], /unknown shorthand flag: 'Z'/],
    [['scan', 'x'], /unknown command "scan"/],
    [['image', '--exit-code', 'one', 'x'], /invalid argument "one"/],
    [['image', '--timeout', '5', 'x'], /invalid duration/],
    [['image', '--format', 'xml', '--output', '/tmp/x', 'x'], /unknown format: xml/],
    [['image', '--severity', 'SEVERE', 'x'], /unknown severity: SEVERE/],
    [['image', '--scanners', 'vuln,malware', 'x'], /unknown scanner: malware/],
    [['image', '--format', 'json', '--output', '/tmp/x'], /accepts 1 arg\(s\), received 0/],
    [['image', '--format', 'json', '--output'], /flag needs an argument: --output/],
  ])('%j is refused', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  test('--skip-db-update on a first run fails as the real one does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
    const r = run(['image', '--skip-db-update', '--cache-dir', dir, '--format', 'json', '--output', path.join(dir, 'r.json'), 'ghcr.io/a/b@sha256:1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--skip-db-update cannot be specified on the first run/);
  });

  test('replays the report; applies --severity and --ignore-unfixed as Trivy would', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
    const out = path.join(dir, 'r.json');
    const r = run(['image', '-f', 'json', '-o', out, '--cache-dir', dir, '-s', 'CRITICAL', 'ghcr.io/a/b@sha256:1']);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { Results: Array<{ Vulnerabilities: Array<{ Severity: string }> }> };
    expect(report.Results[0]?.Vulnerabilities.map((v) => v.Severity)).toEqual(['CRITICAL', 'CRITICAL']);
  });

  test('--format cyclonedx replays Trivy\'s SBOM naming the scanned image@digest, as Trivy does for a registry image', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
    const out = path.join(dir, 'sbom.json');
    const ref = `ghcr.io/acme/shop@sha256:${'4f'.repeat(32)}`;
    const r = run(['image', '--format', 'cyclonedx', '--output', out, '--cache-dir', dir, ref]);
    expect(r.status).toBe(0);
    const bom = JSON.parse(readFileSync(out, 'utf8')) as { bomFormat: string; components: unknown[]; metadata: { component: { name: string; purl: string; properties: Array<{ name: string; value: string }> } } };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.components.length).toBe(161);
    expect(bom.metadata.component.name).toBe(ref);
    expect(bom.metadata.component.purl).toBe(`pkg:oci/shop@sha256%3A${'4f'.repeat(32)}?arch=amd64&repository_url=ghcr.io%2Facme%2Fshop`);
    expect(bom.metadata.component.properties).toContainEqual({ name: 'aquasecurity:trivy:RepoDigest', value: ref });
  });

  test('a report with JAR packages fetches the Java DB from --java-db-repository in order; --skip-java-db-update needs one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
    const spring = path.join(upstreamFixtures, 'trivy', 'spring4shell-jre11.json.golden');
    const args = ['image', '-f', 'json', '-o', path.join(dir, 'r.json'), '--cache-dir', dir];
    expect(run([...args, '--skip-java-db-update', 'ghcr.io/a/b@sha256:1'], { FAKE_TRIVY_REPORT: spring }).stderr).toMatch(/'--skip-java-db-update' cannot be specified on the first run/);
    const r = run([...args, '--java-db-repository', 'm.example/java:1,g.example/java:1', 'ghcr.io/a/b@sha256:1'], { FAKE_TRIVY_REPORT: spring, FAKE_TRIVY_TOOMANYREQUESTS: 'm.example/java:1' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Artifact successfully downloaded\trepo="g.example\/java:1"/);
    expect(readFileSync(path.join(dir, 'java-db', 'trivy-java.db'), 'utf8')).toBe('fake trivy java db\n');
    // Fresh now: not fetched again.
    expect(run([...args, 'ghcr.io/a/b@sha256:1'], { FAKE_TRIVY_REPORT: spring }).stderr).not.toMatch(/Downloading Java DB/);
    // No Java packages, no Java DB.
    const plain = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
    expect(run(['image', '-f', 'json', '-o', path.join(plain, 'r.json'), '--cache-dir', plain, 'ghcr.io/a/b@sha256:1']).stderr).not.toMatch(/Java DB/);
  });
});
