import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRendered, tableHeaders } from '../harness/gfm.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { fakesDir, runAction, upstreamFixtures } from '../harness/run-action.mjs';
import { generateReport } from '../fixtures/scan/generate-report.mjs';
import { evaluateVulnPredicate, type VulnPredicate } from '../../src/lib/vuln/vuln-predicate.js';

const FIXTURES = path.join(upstreamFixtures, 'trivy');
const REPORTS = readdirSync(FIXTURES).filter((f) => f.endsWith('.json.golden'));
const DIGEST = `sha256:${'4f'.repeat(32)}`;
const REF = `ghcr.io/acme/shop@${DIGEST}`;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const CANARY = 'canary-Pw-trivy-9d1c7e22b';

interface Raw {
  Results?: Array<{ Target?: string; Vulnerabilities?: Array<{ VulnerabilityID: string; Severity?: string; FixedVersion?: string; Status?: string }> | null }>;
}

/** Counts computed here from the JSON, independently of the action's code. */
function expected(file: string, policy: { severity?: string[]; ignoreUnfixed?: boolean; ignoredIds?: string[] } = {}) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Raw;
  const failingSev = policy.severity ?? ['CRITICAL', 'HIGH'];
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  let ignored = 0;
  let failing = 0;
  for (const r of raw.Results ?? []) {
    for (const v of r.Vulnerabilities ?? []) {
      const sev = SEVERITIES.includes(v.Severity ?? '') ? (v.Severity as string) : 'UNKNOWN';
      const unfixed = !v.FixedVersion || (v.Status !== undefined && v.Status !== 'fixed');
      if ((policy.ignoredIds ?? []).includes(v.VulnerabilityID) || ((policy.ignoreUnfixed ?? true) && unfixed)) {
        ignored++;
        continue;
      }
      counts[sev.toLowerCase()]!++;
      if (failingSev.includes(sev)) failing++;
    }
  }
  return { outputs: { ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])), ignored: String(ignored), passed: String(failing === 0) }, failing };
}

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Call {
  argv: string[];
  envNames: string[];
}
function calls(log: string): Call[] {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call) : [];
}

async function scan(options: { inputs?: Record<string, string>; env?: Record<string, string | undefined>; report?: string; files?: Record<string, string> } = {}) {
  const cwd = workspace(options.files);
  const trivyLog = path.join(cwd, '..', `${path.basename(cwd)}-trivy.log`);
  const result = await runAction('scan', {
    cwd,
    inputs: { 'image-ref': REF, ...options.inputs },
    env: { FAKE_TRIVY_REPORT: options.report ?? path.join(FIXTURES, 'alpine-39.json.golden'), FAKE_TRIVY_LOG: trivyLog, ...options.env },
  });
  return { ...result, trivyCalls: calls(trivyLog) };
}

const countKeys = ['passed', 'critical', 'high', 'medium', 'low', 'unknown', 'ignored'];
const pick = (o: Record<string, string>) => Object.fromEntries(countKeys.map((k) => [k, o[k]]));

describe('against each real Trivy report, as the runner runs it', () => {
  test.each(REPORTS)('%s: outputs equal independent counts; exit code follows the gate', async (name) => {
    const file = path.join(FIXTURES, name);
    const r = await scan({ report: file });
    const want = expected(file);
    expect(pick(r.outputs)).toEqual(want.outputs);
    expect(r.exitCode).toBe(want.failing > 0 ? 1 : 0);
    if (want.failing > 0) expect(r.errors[0]).toMatch(/^scan failed: \d+ finding\(s\) of failing severity \(CRITICAL, HIGH\) remain/);
    expect(r.outputs['report-file']).toBe(path.join(r.cwd, 'trivy-report.json'));
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    const remaining = ['critical', 'high', 'medium', 'low', 'unknown'].reduce((a, k) => a + Number(r.outputs[k]), 0);
    expect(sarif.runs[0].results).toHaveLength(remaining);
    expect(r.summary.split('\n')[0]).toMatch(want.failing > 0 ? /^## :x: Scan failed/ : /^## :white_check_mark: Scan passed/);
  });

  test.each([
    ['ubi-7-comprehensive.json.golden', { 'ignore-unfixed': 'false' }, { ignoreUnfixed: false }],
    ['alpine-39.json.golden', { severity: 'MEDIUM' }, { severity: ['MEDIUM'] }],
    ['gomod.json.golden', { severity: 'unknown,low' }, { severity: ['UNKNOWN', 'LOW'] }],
    ['alpine-310.json.golden', { severity: 'CRITICAL,HIGH,MEDIUM' }, { severity: ['CRITICAL', 'HIGH', 'MEDIUM'] }],
    ['photon-30.json.golden', { severity: 'LOW' }, { severity: ['LOW'] }],
  ])('%s with %j', async (name, inputs, policy) => {
    const file = path.join(FIXTURES, name);
    const r = await scan({ report: file, inputs });
    const want = expected(file, policy);
    expect(pick(r.outputs)).toEqual(want.outputs);
    expect(r.exitCode).toBe(want.failing > 0 ? 1 : 0);
  });

  test('an ignore file: unexpired entries suppress and are counted, expired ones suppress nothing and are listed', async () => {
    const file = path.join(FIXTURES, 'photon-30.json.golden');
    const ignore = ['vulnerabilities:', '  - id: CVE-2019-5481', '    statement: curl is not reachable', '    expired_at: 2099-01-01', '  - id: CVE-2019-18276', '    statement: old exception', '    expired_at: 2020-01-01', ''].join('\n');
    const r = await scan({ report: file, files: { '.trivyignore.yaml': ignore } });
    const want = expected(file, { ignoredIds: ['CVE-2019-5481'] });
    expect(pick(r.outputs)).toEqual(want.outputs);
    expect(r.outputs.ignored).toBe('2');
    expect(r.exitCode).toBe(1); // the HIGH under the expired entry still fails
    expect(r.summary).toMatch(/Expired ignore entries \(they suppress nothing\)/);
    expect(r.summary).toMatch(/\| CVE-2019-18276 \| 2020-01-01 \| 5 \| 1 \| old exception \|/);
    expect(r.stdout).toMatch(/::warning::Ignore entry CVE-2019-18276 \(\.trivyignore\.yaml line 5\) expired/);
  });

  test('the plain .trivyignore format covers every finding of an ID; all ignored means passed', async () => {
    const file = path.join(FIXTURES, 'photon-30.json.golden');
    const r = await scan({ report: file, inputs: { 'ignore-file': 'sec/.trivyignore' }, files: {} });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/input 'ignore-file': 'sec\/.trivyignore' does not exist/);
    const cwd = workspace({ '.trivyignore': '# reviewed\nCVE-2019-5481 # curl is not reachable\nCVE-2019-18276 exp:2099-12-31 # bash: no untrusted input\n' });
    const r2 = await runAction('scan', { cwd, inputs: { 'image-ref': REF, 'ignore-file': '.trivyignore' }, env: { FAKE_TRIVY_REPORT: file } });
    expect(pick(r2.outputs)).toEqual(expected(file, { ignoredIds: ['CVE-2019-5481', 'CVE-2019-18276'] }).outputs);
    expect(r2.exitCode).toBe(0);
  });

  test('fail-on-findings: false reports passed=false but does not fail the step', async () => {
    const r = await scan({ inputs: { 'fail-on-findings': 'false' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.passed).toBe('false');
    expect(r.stdout).toMatch(/::warning::2 finding\(s\) of failing severity/);
    expect(r.summary).toMatch(/not enforced: fail-on-findings is false/);
  });

  test('20,000 findings: counts agree and the step stays quick', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-big-'));
    const file = path.join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(generateReport(20000)));
    const r = await scan({ report: file });
    expect(pick(r.outputs)).toEqual(expected(file).outputs);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatch(/… and \d+ more failing findings/);
    expect(r.summary.length).toBeLessThan(64 * 1024);
    expect(r.durationMs).toBeLessThan(15000);
  });
});

test('more remaining findings than code scanning accepts: the SARIF keeps the failing ones first, stops at 25,000 and says so', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-huge-'));
  const file = path.join(dir, 'huge.json');
  writeFileSync(file, JSON.stringify(generateReport(26000)));
  const r = await scan({ report: file, inputs: { 'ignore-unfixed': 'false' } });
  const want = expected(file, { ignoreUnfixed: false });
  expect(pick(r.outputs)).toEqual(want.outputs);
  const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
  const results = sarif.runs[0].results as Array<{ level: string }>;
  expect(results).toHaveLength(25000);
  expect(results.slice(0, want.failing).every((x) => x.level === 'error')).toBe(true);
  expect(results.filter((x) => x.level === 'error')).toHaveLength(want.failing);
  expect(r.stdout).toMatch(/::warning::The SARIF file holds the 25000 most severe of 26000 remaining findings/);
  expect(r.summary).toMatch(/1000 of the least severe left out/);
});

describe('the Trivy command line', () => {
  test('DB first from the mirror, then the scan: vuln only, JSON, by digest, no DB update, no filtering by Trivy', async () => {
    const r = await scan();
    // The version probe runs without the job's environment, so it does not reach the fake's log.
    const [db, run] = r.trivyCalls;
    expect(r.trivyCalls.some((c) => c.argv.includes('--version'))).toBe(false);
    expect(db?.argv).toEqual(['image', '--download-db-only', '--db-repository', 'mirror.gcr.io/aquasec/trivy-db:2', '--cache-dir', expect.stringContaining('trivy-cache'), '--no-progress']);
    const argv = run!.argv;
    expect(argv[0]).toBe('image');
    expect(argv.at(-1)).toBe(REF);
    const flag = (n: string) => argv[argv.indexOf(n) + 1];
    expect(flag('--scanners')).toBe('vuln');
    expect(flag('--format')).toBe('json');
    expect(flag('--severity')).toBe('UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL');
    expect(argv).toContain('--skip-db-update');
    expect(argv).not.toContain('--ignore-unfixed');
    expect(argv).not.toContain('--exit-code');
  });

  test('a .trivyignore in the workspace is not applied behind the gate: its findings are counted as remaining', async () => {
    const r = await scan({ files: { '.trivyignore': 'CVE-2019-14697\n' } });
    expect(r.outputs.critical).toBe('2');
    expect(r.exitCode).toBe(1);
  });

  test('TRIVY_* variables that filter or reshape results do not reach Trivy; transport and auth ones do', async () => {
    const filtering = ['TRIVY_IGNORE_UNFIXED', 'TRIVY_IGNORE_STATUS', 'TRIVY_SKIP_FILES', 'TRIVY_SKIP_DIRS', 'TRIVY_VULN_SEVERITY_SOURCE', 'TRIVY_OFFLINE_SCAN', 'TRIVY_DISTRO', 'TRIVY_SERVER', 'TRIVY_SOME_FUTURE_FILTER'];
    const kept = ['TRIVY_INSECURE', 'TRIVY_PLATFORM', 'TRIVY_TIMEOUT'];
    const r = await scan({ env: Object.fromEntries([...filtering, ...kept].map((k) => [k, k === 'TRIVY_SKIP_FILES' ? '**/*.jar' : 'true'])) });
    const imageCalls = r.trivyCalls.filter((c) => c.argv[0] === 'image');
    for (const call of imageCalls) {
      for (const k of filtering) expect(call.envNames).not.toContain(k);
      for (const k of kept) expect(call.envNames).toContain(k);
    }
    expect(imageCalls.length).toBe(2); // the DB download and the scan
    expect(r.outputs.critical).toBe('2');
  });
});

describe('Trivy failing is never a pass', () => {
  test('non-zero exit without a report fails with Trivy\'s message', async () => {
    const r = await scan({ env: { FAKE_TRIVY_FAIL: 'image scan error: unable to find the specified image "ghcr.io/acme/shop"' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/^scan failed: trivy exited with code 1:\n.*FATAL.*unable to find the specified image/s);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs.critical).toBeUndefined();
    expect(r.summary).toMatch(/did not complete/);
  });

  test('a truncated report fails the step', async () => {
    const r = await scan({ env: { FAKE_TRIVY_TRUNCATE: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/is not valid JSON .*truncated/);
    expect(r.outputs.passed).toBe('false');
  });

  test('a truncated report fails with what Trivy itself printed, not only the parse error', async () => {
    const r = await scan({ env: { FAKE_TRIVY_TRUNCATE: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/is not valid JSON[^]*\nTrivy's output:\n.*INFO\tDetected OS/);
    expect(r.summary).toMatch(/did not complete[^]*Detected OS/);
  });

  /** A `trivy` ahead of the fakes on PATH: records each run (argv, cwd, environment) to a file fixed when it is written. */
  function impostor(version: string, buildInfo = ''): { dir: string; runs: () => string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'impostor-'));
    const record = path.join(dir, 'runs.txt');
    writeFileSync(path.join(dir, 'trivy'), `#!/bin/sh\n# ${buildInfo}\n{ echo "argv: $*"; echo "cwd: $(pwd)"; env; } >> '${record}'\necho "Version: ${version}"\n`, { mode: 0o755 });
    return { dir, runs: () => (existsSync(record) ? readFileSync(record, 'utf8') : '') };
  }

  test('a known malicious trivy on PATH is refused; its version is read without the job\'s environment', async () => {
    const bad = impostor('0.69.4');
    const r = await scan({ inputs: { 'registry-username': 'ci-bot', 'registry-password': CANARY }, env: { PATH: `${bad.dir}:${fakesDir}:${process.env.PATH}`, ACTIONS_RUNTIME_TOKEN: 'runtime-token-canary-1', GITHUB_TOKEN: 'ghs_canary_token_2' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/trivy 0\.69\.4 at .*: a known malicious release .* read without the job's environment/);
    const runs = bad.runs();
    expect(runs.match(/^argv: /gm)).toEqual(['argv: ']); // once, for --version
    expect(runs).toMatch(/^argv: --version$/m);
    for (const secret of [CANARY, 'runtime-token-canary-1', 'ghs_canary_token_2', 'GITHUB_', 'INPUT_', 'ACTIONS_', 'RUNNER_']) expect(runs).not.toContain(secret);
    expect(runs).toMatch(/^HOME=.*trivy-probe-/m);
  });

  test('a trivy whose build info says v0.69.4 is refused without being run at all', async () => {
    const bad = impostor('0.69.3', '\nmod\tgithub.com/aquasecurity/trivy\tv0.69.4\th1:AAAA=\n');
    const r = await scan({ env: { PATH: `${bad.dir}:${fakesDir}:${process.env.PATH}` } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/trivy at .* is v0\.69\.4 by its build info: a known malicious release.*It was not run/);
    expect(bad.runs()).toBe('');
  });
});

describe('DB mirrors', () => {
  test('a rate-limited mirror moves on to the next and is reported plainly', async () => {
    const r = await scan({ env: { FAKE_TRIVY_TOOMANYREQUESTS: 'mirror.gcr.io/aquasec/trivy-db:2' } });
    expect(r.stdout).toMatch(/::warning::Trivy DB from mirror\.gcr\.io\/aquasec\/trivy-db:2: rate limited \(TOOMANYREQUESTS\); trying ghcr\.io\/aquasecurity\/trivy-db:2/);
    expect(r.summary).toMatch(/DB mirror mirror\.gcr\.io\/aquasec\/trivy-db:2: rate limited \(TOOMANYREQUESTS\)/);
    expect(r.summary).toMatch(/DB: downloaded from ghcr\.io\/aquasecurity\/trivy-db:2/);
    expect(r.outputs.critical).toBe('2');
  });

  test('every mirror rate-limited fails the step naming each', async () => {
    const r = await scan({ inputs: { 'db-repository': 'a.example/trivy-db:2\nb.example/trivy-db:2' }, env: { FAKE_TRIVY_TOOMANYREQUESTS: 'a.example/trivy-db:2,b.example/trivy-db:2' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/could not be downloaded from any mirror.*\na\.example\/trivy-db:2: rate limited \(TOOMANYREQUESTS\)\nb\.example\/trivy-db:2: rate limited/s);
    expect(r.outputs.passed).toBe('false');
  });

  test('with no cache service the action warns and goes on', async () => {
    const r = await scan();
    expect(r.stdout).toMatch(/::warning::cache-db: the runner's cache service is not available/);
    expect(r.outputs.critical).toBe('2');
  });
});

describe('inputs are checked before anything runs', () => {
  test.each([
    [{ 'image-ref': 'ghcr.io/acme/shop:1.2.3' }, /input 'image-ref': .*not pinned by digest/],
    [{ severity: 'SEVERE' }, /input 'severity': 'SEVERE' is not a severity/],
    [{ severity: '' }, /input 'severity': a value is required/],
    [{ severity: 'high;rm' }, /input 'severity': 'high;rm' is not a severity/],
    [{ severity: 'HIGH,' }, /input 'severity': .*empty item/],
    [{ 'ignore-unfixed': 'yes' }, /input 'ignore-unfixed'/],
    [{ 'db-repository': '' }, /input 'db-repository': a value is required/],
    [{ 'db-repository': 'not a repo' }, /input 'db-repository'/],
    [{ 'trivy-version': 'v0.69.4' }, /input 'trivy-version': .*known malicious/],
    [{ 'trivy-version': 'latest' }, /input 'trivy-version'/],
    [{ 'registry-username': 'ci' }, /input 'registry-password'.*go together/],
    [{ 'sarif-file': 'trivy-report.json' }, /input 'sarif-file': it is the same file as report-file/],
    [{ sbom: 'true', 'sbom-file': 'trivy-results.sarif' }, /input 'sbom-file': it is the same file as sarif-file/],
    [{ sbom: 'yes' }, /input 'sbom'/],
    [{ 'java-db-repository': 'ghcr.io/aquasecurity/trivy-java-db@sha256:' + 'a'.repeat(64) }, /input 'java-db-repository': .* is not an OCI repository/],
    [{ 'ignore-file': '' }, /input 'ignore-file': a value is required/],
    [{ 'report-file': '.trivyignore.yaml' }, /input 'report-file': it is the ignore file/],
    [{ 'sarif-file': './.trivyignore.yaml' }, /input 'sarif-file': it is the ignore file/],
    [{ 'image-ref': 'ghcr.io/acme/shop:1.2.3', 'allow-tag': 'true', attest: 'true' }, /input 'attest': .*has none/],
  ])('%j', async (inputs, message) => {
    const r = await scan({ inputs });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.trivyCalls).toEqual([]);
  });

  test('a tag is scanned with allow-tag: true', async () => {
    const r = await scan({ inputs: { 'image-ref': 'ghcr.io/acme/shop:1.2.3', 'allow-tag': 'true' } });
    expect(r.trivyCalls.at(-1)?.argv.at(-1)).toBe('ghcr.io/acme/shop:1.2.3');
    expect(r.outputs.critical).toBe('2');
  });

  test.each([
    ['vulnerabilities:\n  - id: CVE-1\n    expires_at: 2024-01-01\n', /input 'ignore-file': \.trivyignore\.yaml line 3: unknown field 'expires_at'/],
    ['vulnerabilities:\n  - id: CVE-1\n    expired_at: 2024-13-45\n', /input 'ignore-file': \.trivyignore\.yaml line 3: expired_at of CVE-1/],
    ['vulnerabilities:\n  - id: CVE-1\n   - id: CVE-2\n', /input 'ignore-file': \.trivyignore\.yaml line \d+: not valid YAML/],
  ])('a malformed ignore file fails naming the file and line: %j', async (text, message) => {
    const r = await scan({ files: { '.trivyignore.yaml': text } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.trivyCalls).toEqual([]);
  });
});

describe('secrets', () => {
  test('registry-password reaches Trivy only as TRIVY_PASSWORD and leaks nowhere', async () => {
    const r = await scan({ inputs: { 'registry-username': 'ci-bot', 'registry-password': CANARY }, env: { FAKE_TRIVY_REQUIRE_AUTH: '1' } });
    expect(r.outputs.critical).toBe('2');
    const run = r.trivyCalls.at(-1)!;
    expect(run.envNames).toEqual(expect.arrayContaining(['TRIVY_USERNAME', 'TRIVY_PASSWORD']));
    expect(JSON.stringify(r.trivyCalls)).not.toContain(CANARY);
    expect(findLeaks(r, [CANARY])).toEqual([]);
  });

  test('a password that Trivy echoes in its error is redacted from the summary file (the runner masks only the log)', async () => {
    const r = await scan({ inputs: { 'registry-username': 'ci-bot', 'registry-password': CANARY }, env: { FAKE_TRIVY_FAIL: `UNAUTHORIZED ci-bot:${CANARY}` } });
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatch(/UNAUTHORIZED ci-bot:\*\*\*/);
    expect(r.summary).not.toContain(CANARY);
  });

  test('without credentials the fake registry refuses, and Trivy\'s words reach the error', async () => {
    const r = await scan({ env: { FAKE_TRIVY_REQUIRE_AUTH: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/UNAUTHORIZED: authentication required/);
  });
});

describe('attest', () => {
  const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.invalid/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok-attest-0001' };

  test('cosign attest --type vuln with a cosign vuln predicate wrapping the report, for image@digest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cosign-log-'));
    const log = path.join(dir, 'cosign.log');
    const r = await scan({ inputs: { attest: 'true' }, env: { ...oidc, FAKE_COSIGN_LOG: log } });
    expect(r.exitCode).toBe(1); // the gate still fails; the attestation records it
    const entries = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { command: string; argv: string[]; mode: string });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.command).toBe('attest');
    expect(entries[0]?.mode).toBe('keyless');
    const argv = entries[0]!.argv;
    expect(argv.slice(0, 4)).toEqual(['attest', '--yes', '--type', 'vuln']);
    expect(argv.at(-1)).toBe(REF);
    expect(r.summary).toMatch(/Vulnerability attestation: attached/);
  });

  test('the vuln predicate records the gate: re-evaluated, it gives the step\'s verdict, and a stricter one once an entry expires', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cosign-pred-'));
    const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
    const ignore = `vulnerabilities:\n  - id: CVE-2019-14697\n    statement: musl regex not reachable\n    expired_at: ${tomorrow}\n`;
    const r = await scan({ inputs: { attest: 'true', severity: 'CRITICAL,HIGH' }, files: { '.trivyignore.yaml': ignore }, env: { ...oidc, FAKE_COSIGN_PREDICATE_DIR: dir } });
    expect(r.exitCode).toBe(0);
    const predicate = JSON.parse(readFileSync(path.join(dir, 'vuln.json'), 'utf8')) as VulnPredicate;
    expect(predicate.invocation.parameters).toEqual({ severity: ['CRITICAL', 'HIGH'], 'ignore-unfixed': true, ignores: [{ id: 'CVE-2019-14697', statement: 'musl regex not reachable', expired_at: `${tomorrow}T00:00:00.000Z` }] });
    expect(predicate.invocation.uri).toMatch(/\/actions\/runs\/4242$/);
    expect(predicate.scanner.result).toEqual(JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8')));
    expect(predicate.scanner.db.version).not.toBe('');
    const now = evaluateVulnPredicate(predicate, { now: new Date() });
    expect(now.passed).toBe(true);
    expect(now.evaluation?.ignoredTotal).toBe(Number(r.outputs.ignored));
    const later = evaluateVulnPredicate(predicate, { now: new Date(Date.now() + 3 * 86400e3) });
    expect(later.passed).toBe(false);
    expect(later.expiredSinceScan.map((e) => e.id)).toEqual(['CVE-2019-14697']);
  });

  test('without the OIDC token it fails before scanning, saying what to add', async () => {
    const r = await scan({ inputs: { attest: 'true' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
    expect(r.trivyCalls).toEqual([]);
  });
});

describe('sbom', () => {
  const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.invalid/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok-attest-0002' };
  const trivyFormats = (r: { trivyCalls: Call[] }) => r.trivyCalls.filter((c) => c.argv.includes('--format')).map((c) => c.argv[c.argv.indexOf('--format') + 1]);

  test('sbom: true writes Trivy\'s CycloneDX SBOM of image@digest, whatever the gate says', async () => {
    const r = await scan({ inputs: { sbom: 'true' } });
    expect(r.exitCode).toBe(1); // alpine-39 fails the gate; the SBOM is written all the same
    expect(trivyFormats(r)).toEqual(['json', 'cyclonedx']);
    const call = r.trivyCalls.at(-1)!;
    expect(call.argv.slice(0, 7)).toEqual(['image', '--config', call.argv[2], '--format', 'cyclonedx', '--output', path.join(r.cwd, 'sbom.cdx.json')]);
    expect(call.argv).not.toContain('--scanners');
    expect(call.argv.at(-1)).toBe(REF);
    expect(r.outputs['sbom-file']).toBe(path.join(r.cwd, 'sbom.cdx.json'));
    const bom = JSON.parse(readFileSync(r.outputs['sbom-file']!, 'utf8')) as { bomFormat: string; metadata: { component: { name: string } } };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component.name).toBe(REF);
    expect(r.summary).toMatch(/SBOM: `[^`]*sbom\.cdx\.json` \(CycloneDX 1\.7, 161 components\)/);
  });

  test('sbom: false (the default) runs no SBOM and sets no sbom-file', async () => {
    const r = await scan();
    expect(trivyFormats(r)).toEqual(['json']);
    expect(r.outputs['sbom-file']).toBeUndefined();
    expect(existsSync(path.join(r.cwd, 'sbom.cdx.json'))).toBe(false);
  });

  test('with attest: the SBOM is attested as cyclonedx after the vuln attestation, both to image@digest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cosign-sbom-'));
    const log = path.join(dir, 'cosign.log');
    const r = await scan({ inputs: { sbom: 'true', attest: 'true', 'sbom-file': 'out.cdx.json' }, env: { ...oidc, FAKE_COSIGN_LOG: log, FAKE_COSIGN_PREDICATE_DIR: dir } });
    const entries = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { argv: string[] });
    expect(entries.map((e) => [e.argv[3], e.argv[5], e.argv.at(-1)])).toEqual([
      ['vuln', expect.stringMatching(/vuln-predicate\.json$/), REF],
      ['cyclonedx', path.join(r.cwd, 'out.cdx.json'), REF],
    ]);
    expect(readFileSync(path.join(dir, 'cyclonedx.json'), 'utf8')).toBe(readFileSync(path.join(r.cwd, 'out.cdx.json'), 'utf8'));
    expect(r.summary).toMatch(/SBOM attestation: attached with cosign \(type cyclonedx\)/);
  });

  test('Trivy failing on the SBOM fails the step with its words; the gate\'s outputs are still set', async () => {
    const r = await scan({ report: path.join(FIXTURES, 'alpine-310.json.golden'), inputs: { sbom: 'true' }, env: { FAKE_TRIVY_FAIL_SBOM: 'image scan error: layer lost' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/trivy could not write the SBOM \(exit code 1\):[\s\S]*layer lost/);
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs['sbom-file']).toBeUndefined();
  });

  test('an SBOM that is not CycloneDX is an error, not an attestation', async () => {
    const r = await scan({ inputs: { sbom: 'true', attest: 'true' }, env: { ...oidc, FAKE_TRIVY_SBOM: path.join(FIXTURES, 'alpine-39.json.golden') } });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/is not a CycloneDX SBOM/);
  });
});

describe('the job summary, as GitHub renders it', () => {
  const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.invalid/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok-summary-0003' };
  const COMMAND = /\b(trivy|cosign|kubectl|docker) [a-z-]+ /;

  /** What every summary kind keeps: nothing eaten, commands only in code blocks, tables square and without 64-hex digests. */
  function rendered(md: string) {
    const page = readRendered(md);
    expect(page.eatenTags).toEqual([]);
    expect(page.blocks.find((b) => b.kind !== 'code')?.kind).toMatch(/^h[23]$/);
    for (const b of page.blocks.filter((x) => x.kind !== 'code')) expect([b.kind, b.text, COMMAND.test(b.text)]).toEqual([b.kind, b.text, false]);
    for (const table of page.html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
      const rows = [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
      for (const row of rows) expect(row.length).toBe(rows[0]!.length);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/[a-f0-9]{64}/);
    }
    return { ...page, texts: page.blocks.filter((b) => b.kind !== 'code').map((b) => b.text) };
  }

  test('passed: the verdict, the counts, the facts as a list', async () => {
    const r = await scan({ report: path.join(FIXTURES, 'sl-micro-rancher5.4.json.golden') });
    expect(r.exitCode).toBe(0);
    const page = rendered(r.summary);
    expect(page.blocks.filter((b) => b.kind !== 'code')[0]).toEqual({ kind: 'h2', text: `:white_check_mark: Scan passed: ${REF}` });
    expect(tableHeaders(r.summary)).toEqual([['Severity', 'Found', 'Ignored', 'Remaining', 'Failing']]);
    expect(page.blocks.filter((b) => b.kind === 'li').map((b) => b.text.split(':')[0])).toEqual(['Trivy 0.69.3', 'DB cache', 'DB', 'Report', 'SARIF']);
  });

  test('failed, with an expired entry: digests shortened in the table, the commands and the ignore entry in code blocks with their placeholders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-digest-'));
    const report = JSON.parse(readFileSync(path.join(FIXTURES, 'alpine-39.json.golden'), 'utf8')) as { Results: Array<{ Target: string }> };
    report.Results[0]!.Target = `${REF} (alpine 3.9.4)`; // what Trivy writes for a registry image
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(report));
    const ignore = 'vulnerabilities:\n  - id: CVE-2019-1549\n    statement: "openssl: <fork> not used"\n    expired_at: 2020-01-01\n';
    const r = await scan({ report: path.join(dir, 'r.json'), files: { '.trivyignore.yaml': ignore } });
    expect(r.exitCode).toBe(1);
    const page = rendered(r.summary);
    expect(page.texts[0]).toBe(`:x: Scan failed: 2 findings of failing severity (CRITICAL, HIGH) in ${REF}`);
    expect(tableHeaders(r.summary)).toEqual([
      ['Severity', 'Found', 'Ignored', 'Remaining', 'Failing'],
      ['Severity', 'Vulnerability', 'CVSS', 'Package', 'Installed', 'Fixed in', 'Target'],
      ['Vulnerability', 'Expired at', 'Line', 'Would match', 'Statement'],
    ]);
    expect(page.texts).toContain(`CRITICAL CVE-2019-14697 9.8 musl 1.1.20-r4 1.1.20-r5 ghcr.io/acme/shop@sha256:4f4f4f4f4f4f… (alpine 3.9.4)`);
    expect(page.texts).toContain('CVE-2019-1549 2020-01-01 2 2 openssl: <fork> not used');
    expect(page.codeBlocks).toContain(`trivy image --scanners vuln --severity CRITICAL,HIGH --ignore-unfixed --ignorefile .trivyignore.yaml ${REF}\n`);
    expect(page.codeBlocks).toContain('vulnerabilities:\n  - id: CVE-2019-14697\n    statement: <why it is acceptable until then>\n    expired_at: <YYYY-MM-DD>\n');
    expect(page.codeBlocks).toContain('vulnerabilities:\n  - id: CVE-2019-1549\n    statement: <why it is still acceptable>\n    expired_at: <YYYY-MM-DD>\n');
  });

  test('failed with a plain .trivyignore: the entry to add is in that format', async () => {
    const r = await scan({ inputs: { 'ignore-file': '.trivyignore', 'fail-on-findings': 'false' }, files: { '.trivyignore': 'CVE-2019-1549 # openssl: not used\n' } });
    const page = rendered(r.summary);
    expect(page.texts[0]).toBe(`:warning: Scan found 2 failing findings (not enforced: fail-on-findings is false): ${REF}`);
    expect(page.codeBlocks).toContain('CVE-2019-14697 exp:<YYYY-MM-DD> # <why it is acceptable until then>\n');
  });

  test('an input error: what to fix, readable', async () => {
    const r = await scan({ inputs: { severity: 'CRITICAL,SEVERE' } });
    expect(r.exitCode).toBe(1);
    const page = rendered(r.summary);
    expect(page.texts.join('\n')).toMatch(/input severity[\s\S]*'SEVERE' is not a severity\. Expected a comma-separated list of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/);
  });

  test('every DB mirror rate-limited: Trivy\'s words in a code block, the fix as YAML with its placeholder', async () => {
    const r = await scan({ env: { FAKE_TRIVY_TOOMANYREQUESTS: 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2' } });
    expect(r.exitCode).toBe(1);
    const page = rendered(r.summary);
    expect(page.texts[0]).toBe(`:x: Scan of ${REF} did not complete`);
    expect(page.codeBlocks[0]).toMatch(/^the vulnerability DB could not be downloaded from any mirror in db-repository:\nmirror\.gcr\.io\/aquasec\/trivy-db:2: rate limited \(TOOMANYREQUESTS\)\nghcr\.io\/aquasecurity\/trivy-db:2: rate limited \(TOOMANYREQUESTS\)\n/);
    expect(page.codeBlocks).toContain('with:\n  db-repository: |\n    <your-registry>/<path>/trivy-db:2\n    mirror.gcr.io/aquasec/trivy-db:2\n    ghcr.io/aquasecurity/trivy-db:2\n');
    expect(page.texts).toContain('DB mirror mirror.gcr.io/aquasec/trivy-db:2: rate limited (TOOMANYREQUESTS)');
  });

  test('Trivy failing: its multi-line message keeps its lines (a code block, not a paragraph)', async () => {
    const r = await scan({ env: { FAKE_TRIVY_FAIL: 'image scan error: 2 errors occurred:\n\t* remote error: <nil> MANIFEST_UNKNOWN\n\t* docker error: not found' } });
    const page = rendered(r.summary);
    expect(page.codeBlocks[0]).toMatch(/\n\t\* remote error: <nil> MANIFEST_UNKNOWN\n\t\* docker error: not found/);
  });

  test('attested, with an SBOM: each fact on its own line', async () => {
    const r = await scan({ report: path.join(FIXTURES, 'alpine-310.json.golden'), inputs: { sbom: 'true', attest: 'true' }, env: oidc });
    expect(r.exitCode).toBe(0);
    const items = rendered(r.summary).blocks.filter((b) => b.kind === 'li').map((b) => b.text);
    expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^SBOM: \S*sbom\.cdx\.json \(CycloneDX 1\.7, 161 components\)$/), 'Vulnerability attestation: attached with cosign (type vuln)', 'SBOM attestation: attached with cosign (type cyclonedx)']));
  });
});
