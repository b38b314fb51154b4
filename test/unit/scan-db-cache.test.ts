import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakesDir, upstreamFixtures } from '../harness/run-action.mjs';

// The runner's cache service cannot run here, so @actions/cache is replaced by a
// recorder; everything else (the fake trivy on PATH, the files) is real. Each call
// goes into the same log as the fake trivy's, so the order of events can be read back.
let log = '';
let stored: { key: string; files: Record<string, string> } | undefined;
let storedJava: { key: string; files: Record<string, string> } | undefined;
let available = true;
let declineSaves = false;
const record = (entry: object) => appendFileSync(log, `${JSON.stringify(entry)}\n`);

jest.unstable_mockModule('@actions/cache', () => ({
  isFeatureAvailable: () => available,
  restoreCache: async (paths: string[], key: string, restoreKeys: string[]) => {
    record({ cache: 'restore', paths, key, restoreKeys });
    const entry = key.startsWith('trivy-java-db-') ? storedJava : stored;
    if (!entry || !(entry.key === key || restoreKeys.some((k) => entry.key.startsWith(k)))) return undefined;
    mkdirSync(paths[0]!, { recursive: true });
    for (const [name, text] of Object.entries(entry.files)) writeFileSync(path.join(paths[0]!, name), text);
    return entry.key;
  },
  saveCache: async (paths: string[], key: string) => {
    record({ cache: 'save', paths, key });
    // As @actions/cache does when the service does not store the entry: it logs why and returns -1.
    if (declineSaves) {
      process.stdout.write('::warning::Failed to save: Cache service responded with 403\n');
      return -1;
    }
    if (key.startsWith('trivy-java-db-')) {
      storedJava = { key, files: { 'trivy-java.db': readFileSync(path.join(paths[0]!, 'trivy-java.db'), 'utf8'), 'metadata.json': readFileSync(path.join(paths[0]!, 'metadata.json'), 'utf8') } };
      return 2;
    }
    stored = { key, files: { 'trivy.db': readFileSync(path.join(paths[0]!, 'trivy.db'), 'utf8') } };
    return 1;
  },
}));

const { dbCacheKey } = await import('../../actions/scan/src/db-cache.js');
const { run } = await import('../../actions/scan/src/main.js');

const TODAY = dbCacheKey(new Date(), process.platform, process.arch).key;
const JAVA_TODAY = dbCacheKey(new Date(), process.platform, process.arch, 'java-db').key;
const REF = `ghcr.io/acme/shop@sha256:${'4f'.repeat(32)}`;
const saved = { ...process.env };
let stdout = '';

function events(): string[] {
  return readFileSync(log, 'utf8').trim().split('\n').map((l) => {
    const e = JSON.parse(l) as { cache?: string; key?: string; argv?: string[] };
    if (e.cache) return `cache:${e.cache}${e.cache === 'save' || e.key?.startsWith('trivy-java-db-') ? `:${e.key}` : ''}`;
    if (e.argv?.[0] === '--version') return 'trivy:version';
    if (e.argv?.includes('--download-db-only')) return `trivy:download:${e.argv[e.argv.indexOf('--db-repository') + 1]}`;
    return 'trivy:scan';
  });
}

beforeEach(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-cache-'));
  log = path.join(dir, 'events.log');
  writeFileSync(log, '');
  for (const f of ['output', 'summary']) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'ws'));
  mkdirSync(path.join(dir, 'temp'));
  const inputs: Record<string, string> = {
    'image-ref': REF,
    severity: 'CRITICAL,HIGH',
    'ignore-unfixed': 'true',
    'ignore-file': '.trivyignore.yaml',
    'fail-on-findings': 'true',
    'trivy-version': 'v0.69.3',
    'cache-db': 'true',
    'db-repository': 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2',
    'report-file': 'trivy-report.json',
    'sarif-file': 'trivy-results.sarif',
    'java-db-repository': 'mirror.gcr.io/aquasec/trivy-java-db:1,ghcr.io/aquasecurity/trivy-java-db:1',
    sbom: 'false',
    'sbom-file': 'sbom.cdx.json',
    attest: 'false',
    'allow-tag': 'false',
  };
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(process.env, {
    PATH: `${fakesDir}${path.delimiter}${saved.PATH}`,
    GITHUB_WORKSPACE: path.join(dir, 'ws'),
    RUNNER_TEMP: path.join(dir, 'temp'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    FAKE_TRIVY_LOG: log,
    FAKE_TRIVY_REPORT: path.join(upstreamFixtures, 'trivy', 'alpine-39.json.golden'),
  });
  delete process.env.FAKE_TRIVY_TOOMANYREQUESTS;
  available = true;
  declineSaves = false;
  storedJava = undefined;
  stdout = '';
  // @actions/core logs to stdout: keep it for assertions, out of the test output.
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  process.exitCode = 0;
});

describe('the DB cache around a scan', () => {
  test('a miss downloads, saves under today\'s key BEFORE the scan, and a failing gate keeps it', async () => {
    stored = undefined;
    await expect(run()).rejects.toThrow(/2 finding\(s\) of failing severity/);
    expect(events()).toEqual(['cache:restore', 'trivy:download:mirror.gcr.io/aquasec/trivy-db:2', `cache:save:${TODAY}`, `cache:restore:${JAVA_TODAY}`, 'trivy:scan']);
    expect((stored as { key: string } | undefined)?.key).toBe(TODAY);
  });

  test('today\'s entry: no download at all, the scan uses it', async () => {
    stored = { key: TODAY, files: { 'trivy.db': 'cached db' } };
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['cache:restore', `cache:restore:${JAVA_TODAY}`, 'trivy:scan']);
  });

  test('yesterday\'s entry is a head start: refreshed, then saved under today\'s key', async () => {
    const yesterday = dbCacheKey(new Date(Date.now() - 86400e3), process.platform, process.arch).key;
    stored = { key: yesterday, files: { 'trivy.db': 'old db' } };
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['cache:restore', 'trivy:download:mirror.gcr.io/aquasec/trivy-db:2', `cache:save:${TODAY}`, `cache:restore:${JAVA_TODAY}`, 'trivy:scan']);
  });

  test('every mirror rate-limited but an older DB restored: the scan goes on with it, and nothing is saved', async () => {
    const yesterday = dbCacheKey(new Date(Date.now() - 86400e3), process.platform, process.arch).key;
    stored = { key: yesterday, files: { 'trivy.db': 'old db' } };
    process.env.FAKE_TRIVY_TOOMANYREQUESTS = 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2';
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['cache:restore', 'trivy:download:mirror.gcr.io/aquasec/trivy-db:2', 'trivy:download:ghcr.io/aquasecurity/trivy-db:2', `cache:restore:${JAVA_TODAY}`, 'trivy:scan']);
    expect(stdout).toMatch(/::warning::Every DB mirror failed; scanning with the older cached DB/);
  });

  test('cache-db: false never touches the cache', async () => {
    process.env['INPUT_CACHE-DB'] = 'false';
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['trivy:download:mirror.gcr.io/aquasec/trivy-db:2', 'trivy:scan']);
  });

  test('no cache service: warn, download, no save', async () => {
    available = false;
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['trivy:download:mirror.gcr.io/aquasec/trivy-db:2', 'trivy:scan']);
    expect(stdout).toMatch(/::warning::cache-db: the runner's cache service is not available/);
  });

  test('a save the cache service declines is not reported as cached', async () => {
    stored = undefined;
    declineSaves = true;
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toContain(`cache:save:${TODAY}`);
    expect(stdout).not.toMatch(/DB cached as/);
    expect(stdout).toMatch(/DB not cached: the cache service did not store trivy-db-/);
  });
});

describe('the Java DB', () => {
  const spring = () => {
    process.env.FAKE_TRIVY_REPORT = path.join(upstreamFixtures, 'trivy', 'spring4shell-jre11.json.golden');
  };

  test('an image with JAR files: Trivy fetches the Java DB from the mirrors, and it is cached after the scan', async () => {
    spring();
    process.env.FAKE_TRIVY_TOOMANYREQUESTS = 'mirror.gcr.io/aquasec/trivy-java-db:1';
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events()).toEqual(['cache:restore', 'trivy:download:mirror.gcr.io/aquasec/trivy-db:2', `cache:save:${TODAY}`, `cache:restore:${JAVA_TODAY}`, 'trivy:scan', `cache:save:${JAVA_TODAY}`]);
    expect(stdout).toMatch(/Artifact successfully downloaded\trepo="ghcr.io\/aquasecurity\/trivy-java-db:1"/);
    expect(storedJava?.key).toBe(JAVA_TODAY);
  });

  test('a cached Java DB is used, not downloaded or saved again', async () => {
    spring();
    storedJava = { key: JAVA_TODAY, files: { 'trivy-java.db': 'cached java db', 'metadata.json': JSON.stringify({ Version: 1, NextUpdate: new Date(Date.now() + 86400e3).toISOString() }) } };
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events().filter((e) => e.includes('java-db'))).toEqual([`cache:restore:${JAVA_TODAY}`]);
    expect(stdout).not.toMatch(/Downloading Java DB/);
  });

  test('an image without JAR files saves no Java DB', async () => {
    stored = undefined;
    await expect(run()).rejects.toThrow(/failing severity/);
    expect(events().filter((e) => e.startsWith('cache:save'))).toEqual([`cache:save:${TODAY}`]);
  });
});
