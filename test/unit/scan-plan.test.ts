import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../harness/run-action.mjs';
import { embeddedGoVersions, isRefused, pinnedTools, probeEnv } from '../../src/lib/tools.js';
import { attestArgv, builderId, oidcProblem, PREDICATE_TYPES } from '../../actions/scan/src/attest.js';
import { dbCacheKey, dbDir, dbFiles } from '../../actions/scan/src/db-cache.js';
import { DEFAULT_IGNORE_FILE, parseSeverities } from '../../actions/scan/src/inputs.js';
import { dbDownloadArgv, isCompromised, isRateLimited, sbomArgv, scanArgv, trivyMessage } from '../../actions/scan/src/trivy-argv.js';

const root = repoRoot;
const actionYml = parse(readFileSync(path.join(root, 'actions', 'scan', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, unknown> };

describe('DB cache key', () => {
  test('one key a day (UTC), restored by its os/arch prefix', () => {
    const k = dbCacheKey(new Date('2026-11-29T23:59:59Z'), 'linux', 'x64');
    expect(k).toEqual({ key: 'trivy-db-linux-x64-2026-11-29', restoreKeys: ['trivy-db-linux-x64-'] });
    expect(dbCacheKey(new Date('2026-11-30T00:00:00Z'), 'linux', 'x64').key).toBe('trivy-db-linux-x64-2026-11-30');
    expect(k.key.startsWith(k.restoreKeys[0]!)).toBe(true);
    expect(dbCacheKey(new Date('2026-01-01T00:00:00Z'), 'Linux', 'ARM64').key).toBe('trivy-db-linux-arm64-2026-01-01');
  });
  test('Trivy keeps its DB in <cache-dir>/db, the Java DB in <cache-dir>/java-db', () => {
    expect(dbDir('/c')).toBe('/c/db');
    expect(dbFiles('/c')).toEqual({ db: '/c/db/trivy.db', metadata: '/c/db/metadata.json' });
    expect(dbFiles('/c', 'java-db')).toEqual({ db: '/c/java-db/trivy-java.db', metadata: '/c/java-db/metadata.json' });
    expect(dbCacheKey(new Date('2026-11-30T00:00:00Z'), 'linux', 'x64', 'java-db')).toEqual({ key: 'trivy-java-db-linux-x64-2026-11-30', restoreKeys: ['trivy-java-db-linux-x64-'] });
  });
});

describe('Trivy argv', () => {
  test('DB download names one mirror', () => {
    expect(dbDownloadArgv('ghcr.io/aquasecurity/trivy-db:2', '/c')).toEqual(['image', '--download-db-only', '--db-repository', 'ghcr.io/aquasecurity/trivy-db:2', '--cache-dir', '/c', '--no-progress']);
  });
  test('scan: image last, no credential anywhere in argv', () => {
    const argv = scanArgv({ imageRef: 'r@sha256:1', reportFile: '/w/r.json', cacheDir: '/c', emptyIgnoreFile: '/t/i', emptyConfigFile: '/t/c.yaml', javaDbRepositories: ['m/java:1', 'g/java:1'] });
    expect(argv.at(-1)).toBe('r@sha256:1');
    expect(argv).not.toContain('--username');
    expect(argv).not.toContain('--password');
    expect(argv.slice(argv.indexOf('--java-db-repository'), argv.indexOf('--java-db-repository') + 2)).toEqual(['--java-db-repository', 'm/java:1,g/java:1']);
  });
  test('SBOM: CycloneDX of the image, packages only (no --scanners: Trivy turns the vulnerability scan off for SBOM formats)', () => {
    const argv = sbomArgv({ imageRef: 'r@sha256:1', sbomFile: '/w/sbom.cdx.json', cacheDir: '/c', emptyConfigFile: '/t/c.yaml', javaDbRepositories: ['m/java:1'] });
    expect(argv).toEqual(['image', '--config', '/t/c.yaml', '--format', 'cyclonedx', '--output', '/w/sbom.cdx.json', '--cache-dir', '/c', '--skip-db-update', '--java-db-repository', 'm/java:1', '--no-progress', 'r@sha256:1']);
  });
  test('rate limiting as registries and Trivy word it', () => {
    expect(isRateLimited('GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after: 1.2ms, allowed: 44000/minute')).toBe(true);
    expect(isRateLimited('unexpected status code 429 Too Many Requests')).toBe(true);
    expect(isRateLimited('MANIFEST_UNKNOWN')).toBe(false);
  });
  test('Trivy\'s message: its FATAL lines first', () => {
    expect(trivyMessage('2026-01-01T00:00:00Z\tINFO\tx\n2026-01-01T00:00:00Z\tFATAL\tFatal error\tboom\n')).toBe('2026-01-01T00:00:00Z\tFATAL\tFatal error\tboom');
    expect(trivyMessage('')).toBe('(Trivy printed nothing)');
  });
  test('the compromised release is refused in any spelling', () => {
    expect(isCompromised('v0.69.4')).toBe(true);
    expect(isCompromised('0.69.4')).toBe(true);
    expect(isCompromised('0.69.3')).toBe(false);
  });
});

describe('attestation', () => {
  test('the predicate types cosign writes for --type vuln and --type cyclonedx', () => {
    expect(PREDICATE_TYPES).toEqual({ vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1', cyclonedx: 'https://cyclonedx.org/bom' });
  });
  test('builder.id is the workflow file that ran', () => {
    expect(builderId({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/ci.yml@refs/heads/main' })).toBe('https://github.com/o/r/.github/workflows/ci.yml@refs/heads/main');
    expect(builderId({})).toBeUndefined();
  });
  test('argv: digest only; plain HTTP only for a loopback registry', () => {
    const ref = `localhost:5000/app@sha256:${'a'.repeat(64)}`;
    expect(attestArgv(ref, 'localhost:5000', '/p.json')).toEqual(['attest', '--yes', '--type', 'vuln', '--predicate', '/p.json', '--allow-http-registry', ref]);
    expect(attestArgv(`ghcr.io/a@sha256:${'a'.repeat(64)}`, 'ghcr.io', '/p.json')).not.toContain('--allow-http-registry');
    expect(() => attestArgv('ghcr.io/a:1', 'ghcr.io', '/p.json')).toThrow(/only image@sha256/);
    expect(attestArgv(ref, 'localhost:5000', '/s.json', 'cyclonedx').slice(0, 4)).toEqual(['attest', '--yes', '--type', 'cyclonedx']);
  });
  test('keyless needs the OIDC token', () => {
    expect(oidcProblem({})).toMatch(/id-token: write/);
    expect(oidcProblem({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' })).toBeUndefined();
  });
});

describe('inputs', () => {
  test.each([
    ['CRITICAL,HIGH', ['CRITICAL', 'HIGH']],
    ['high, critical', ['HIGH', 'CRITICAL']],
    ['UNKNOWN\nLOW', ['UNKNOWN', 'LOW']],
    ['HIGH,HIGH', ['HIGH']],
  ])('severity %j', (value, want) => {
    expect(parseSeverities(value)).toEqual(want);
  });
  test.each(['SEVERE', '', 'high;rm', 'HIGH,,LOW', ' , '])('severity %j is refused naming severity', (value) => {
    expect(() => parseSeverities(value)).toThrow(/^input 'severity': /);
  });
  test('the code\'s "default ignore file" is action.yml\'s default', () => {
    expect(actionYml.inputs['ignore-file']?.default).toBe(DEFAULT_IGNORE_FILE);
  });
  test('action.yml has the contract\'s names', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(['allow-tag', 'attest', 'cache-db', 'db-repository', 'fail-on-findings', 'ignore-file', 'ignore-unfixed', 'image-ref', 'registry-password', 'registry-username', 'report-file', 'sarif-file', 'severity', 'trivy-version', 'sbom', 'sbom-file', 'java-db-repository'].sort());
    expect(Object.keys(actionYml.outputs).sort()).toEqual(['critical', 'high', 'ignored', 'low', 'medium', 'passed', 'report-file', 'sarif-file', 'sbom-file', 'unknown'].sort());
    expect(actionYml.inputs.sbom?.default).toBe('false');
    expect(actionYml.inputs['sbom-file']?.default).toBe('sbom.cdx.json');
    expect(actionYml.inputs.severity?.default).toBe('CRITICAL,HIGH');
    expect(actionYml.inputs['ignore-unfixed']?.default).toBe('true');
    expect(actionYml.inputs['report-file']?.default).toBe('trivy-report.json');
    expect(actionYml.inputs['sarif-file']?.default).toBe('trivy-results.sarif');
  });
});

describe('a trivy on PATH, before it is trusted', () => {
  test("its Go build info is read without running it, also across the reader's 1 MiB chunks", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'buildinfo-'));
    for (const offset of [0, 1024 * 1024 - 20, 1024 * 1024 + 5]) {
      const file = path.join(dir, `bin-${offset}`);
      writeFileSync(file, Buffer.concat([Buffer.alloc(offset, 0xff), Buffer.from('\nmod\tgithub.com/aquasecurity/trivy\tv0.69.4\th1:abc=\n'), Buffer.alloc(100, 0)]));
      expect(await embeddedGoVersions(file, 'github.com/aquasecurity/trivy')).toEqual(['v0.69.4']);
    }
    const ldflags = path.join(dir, 'ldflags');
    writeFileSync(ldflags, 'build\t-ldflags="-s -w -X=github.com/aquasecurity/trivy/pkg/version/app.ver=0.69.4"\n');
    expect(await embeddedGoVersions(ldflags, 'github.com/aquasecurity/trivy')).toEqual(['0.69.4']);
    const other = path.join(dir, 'other');
    writeFileSync(other, '\nmod\tgithub.com/aquasecurity/trivy-db\tv0.69.4\th1:x\n');
    expect(await embeddedGoVersions(other, 'github.com/aquasecurity/trivy')).toEqual([]);
  });

  test('the refused list names v0.69.4 in any spelling', () => {
    const refused = pinnedTools.trivy?.refused;
    expect(isRefused('0.69.4', refused)).toBe(true);
    expect(isRefused('v0.69.4', refused)).toBe(true);
    expect(isRefused('0.69.3', refused)).toBe(false);
    expect(isRefused('0.69.4', undefined)).toBe(false);
  });

  test('the version probe gets PATH and an empty HOME, nothing else of the job', () => {
    const env = probeEnv({ PATH: '/bin', HOME: '/home/runner', GITHUB_TOKEN: 't', ACTIONS_RUNTIME_TOKEN: 'r', TRIVY_PASSWORD: 'p' }, '/tmp/probe');
    expect(Object.entries(env).filter(([, v]) => v !== undefined)).toEqual([['PATH', '/bin'], ['HOME', '/tmp/probe'], ['TMPDIR', '/tmp/probe']]);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'TRIVY_PASSWORD']));
  });
});
