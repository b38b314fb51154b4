import * as core from '@actions/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool } from '../../../src/lib/exec.js';
import { repositoryName } from '../../../src/lib/image-ref.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { runUrl } from '../../../src/lib/run-url.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { attestArgv, builderId, oidcProblem } from './attest.js';
import { dbVersion } from './db-cache.js';
import type { Inputs } from './inputs.js';
import { evaluate, type Evaluation } from '../../../src/lib/vuln/policy.js';
import { buildSarif, MAX_SARIF_RESULTS } from './sarif.js';
import { buildScanSummary, type ScanOutcome } from './summary.js';
import { isCompromised, sbomArgv, scanArgv, trivyEnv, trivyMessage } from './trivy-argv.js';
import { JavaDbCache, prepareDb } from './vuln-db.js';
import { readSbom } from './sbom.js';
import { parseTrivyReport, SEVERITIES } from '../../../src/lib/vuln/trivy-report.js';
import { buildVulnPredicate } from '../../../src/lib/vuln/vuln-predicate.js';

/** The gate's verdict, as opposed to a scan that did not complete. */
class GateFailed extends Error {}

const SCAN_TIMEOUT_MS = 30 * 60 * 1000;

function setCounts(ev: Evaluation): void {
  core.setOutput('passed', String(ev.passed));
  for (const s of SEVERITIES) core.setOutput(s.toLowerCase(), String(ev.remaining[s]));
  core.setOutput('ignored', String(ev.ignoredTotal));
}

/** Everything after input validation: DB, scan, gate, SARIF, summary, attestation. */
export async function execute(inputs: Inputs): Promise<void> {
  const outcome: ScanOutcome = {
    imageRef: inputs.imageRef,
    failingSeverities: inputs.severity,
    failOnFindings: inputs.failOnFindings,
    ignoreFile: inputs.ignore?.file,
    ignoreUnfixed: inputs.ignoreUnfixed,
    dbRepositories: inputs.dbRepositories,
    dbNotes: [],
  };
  const temp = process.env.RUNNER_TEMP || tmpdir();
  const work = mkdtempSync(path.join(temp, 'scan-'));
  let auth: AuthConfig | undefined;
  let evaluated = false;
  try {
    if (inputs.attest) {
      const problem = oidcProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const trivy = await resolveTool('trivy', inputs.trivyVersion);
    if (isCompromised(trivy.version)) throw new Error(`trivy ${trivy.version} at ${trivy.path} is a known malicious release; refusing to run it. Install v0.69.3`);
    outcome.trivyVersion = trivy.version;
    const cosign = inputs.attest ? await resolveTool('cosign') : undefined;

    const cacheDir = path.join(temp, 'trivy-cache');
    const dbSource = await core.group('Vulnerability DB', () => prepareDb(trivy, inputs, cacheDir, outcome.dbNotes));
    const db = { uri: dbSource ?? '', version: dbVersion(cacheDir) ?? '' };
    const javaDb = new JavaDbCache(cacheDir, inputs.cacheDb);
    await javaDb.restore(outcome.dbNotes);

    const emptyIgnoreFile = path.join(work, 'empty.trivyignore');
    const emptyConfigFile = path.join(work, 'trivy.yaml');
    writeFileSync(emptyIgnoreFile, '');
    writeFileSync(emptyConfigFile, '{}\n');
    rmSync(inputs.reportFile, { force: true }); // never read a stale report
    const env = trivyEnv(process.env);
    if (inputs.credentials) {
      env.TRIVY_USERNAME = inputs.credentials.username;
      env.TRIVY_PASSWORD = inputs.credentials.password;
    }
    const started = new Date();
    const scan = await core.group(`Scan ${inputs.imageRef}`, () =>
      execTool(trivy.path, scanArgv({ imageRef: inputs.imageRef, reportFile: inputs.reportFile, cacheDir, emptyIgnoreFile, emptyConfigFile, javaDbRepositories: inputs.javaDbRepositories }), { env, allowFailure: true, stream: true, timeoutMs: SCAN_TIMEOUT_MS }),
    );
    const finished = new Date();
    // Trivy's exit code is not the gate, but a non-zero one means it did not finish.
    if (scan.exitCode !== 0) throw new Error(`trivy exited with code ${scan.exitCode}:\n${trivyMessage(scan.stderr, scan.stdout)}`);
    if (!existsSync(inputs.reportFile)) throw new Error(`trivy exited 0 but wrote no report to ${inputs.reportFile}:\n${trivyMessage(scan.stderr, scan.stdout)}`);
    const text = readFileSync(inputs.reportFile, 'utf8');
    let report: ReturnType<typeof parseTrivyReport>;
    try {
      report = parseTrivyReport(text, inputs.reportFile);
    } catch (err) {
      // Trivy exited 0 but its report is unreadable: what Trivy said is part of the story.
      throw new Error(`${(err as Error).message}\nTrivy's output:\n${trivyMessage(scan.stderr, scan.stdout)}`);
    }
    outcome.reportFile = inputs.reportFile;
    outcome.otherFindings = report.otherFindings;
    core.setOutput('report-file', inputs.reportFile);

    const evaluation = evaluate(report.findings, { failing: new Set(inputs.severity), ignoreUnfixed: inputs.ignoreUnfixed, ignore: inputs.ignore, now: new Date() });
    outcome.evaluation = evaluation;
    evaluated = true;
    setCounts(evaluation);
    for (const use of evaluation.entries.filter((u) => u.expired)) {
      core.warning(`Ignore entry ${use.entry.id} (${inputs.ignore?.file} line ${use.entry.line}) expired at ${use.entry.expiredAtText} and suppresses nothing${use.matched ? ` (it matches ${use.matched} finding(s))` : ''}`);
    }
    const sarif = buildSarif(evaluation, { imageRef: inputs.imageRef, imagePath: repositoryName(inputs.image), trivyVersion: trivy.version });
    writeFileSync(inputs.sarifFile, `${JSON.stringify(sarif)}\n`);
    outcome.sarifFile = inputs.sarifFile;
    outcome.sarifOmitted = evaluation.remainingFindings.length - (sarif.runs[0]?.results?.length ?? 0);
    if (outcome.sarifOmitted > 0) {
      core.warning(`The SARIF file holds the ${MAX_SARIF_RESULTS} most severe of ${evaluation.remainingFindings.length} remaining findings (code scanning rejects a run with more); the other ${outcome.sarifOmitted} are in ${inputs.reportFile}`);
    }
    core.setOutput('sarif-file', inputs.sarifFile);

    if (inputs.sbom) {
      rmSync(inputs.sbomFile, { force: true });
      const run = await core.group(`SBOM of ${inputs.imageRef}`, () =>
        execTool(trivy.path, sbomArgv({ imageRef: inputs.imageRef, sbomFile: inputs.sbomFile, cacheDir, emptyConfigFile, javaDbRepositories: inputs.javaDbRepositories }), { env, allowFailure: true, stream: true, timeoutMs: SCAN_TIMEOUT_MS }),
      );
      if (run.exitCode !== 0) throw new Error(`trivy could not write the SBOM (exit code ${run.exitCode}):\n${trivyMessage(run.stderr, run.stdout)}`);
      outcome.sbom = readSbom(inputs.sbomFile);
      outcome.sbom.file = inputs.sbomFile;
      core.setOutput('sbom-file', inputs.sbomFile);
    }
    await javaDb.saveIfDownloaded(outcome.dbNotes);

    if (cosign) {
      const predicateFile = path.join(work, 'vuln-predicate.json');
      const predicate = buildVulnPredicate({
        report: JSON.parse(text) as unknown,
        trivyVersion: trivy.version,
        startedOn: started,
        finishedOn: finished,
        severity: inputs.severity,
        ignoreUnfixed: inputs.ignoreUnfixed,
        ignore: inputs.ignore,
        runUrl: runUrl(process.env),
        eventId: process.env.GITHUB_RUN_ID,
        builderId: builderId(process.env),
        db,
      });
      writeFileSync(predicateFile, JSON.stringify(predicate));
      if (inputs.credentials) auth = writeAuthConfig(inputs.registry, inputs.credentials);
      outcome.attested = false;
      await core.group(`Attest the scan to ${inputs.imageRef}`, () => execTool(cosign.path, attestArgv(inputs.imageRef, inputs.registry, predicateFile), { env: { ...(auth?.env ?? {}) }, stream: true, timeoutMs: 10 * 60 * 1000 }));
      outcome.attested = true;
      if (outcome.sbom) {
        outcome.sbom.attested = false;
        await core.group(`Attest the SBOM to ${inputs.imageRef}`, () => execTool(cosign.path, attestArgv(inputs.imageRef, inputs.registry, inputs.sbomFile, 'cyclonedx'), { env: { ...(auth?.env ?? {}) }, stream: true, timeoutMs: 10 * 60 * 1000 }));
        outcome.sbom.attested = true;
      }
    }

    const failing = evaluation.failingFindings;
    if (!evaluation.passed) {
      const shown = failing.slice(0, 5).map((f) => `${f.id} (${f.severity}, ${f.pkgName} ${f.installedVersion}${f.fixedVersion ? ` -> ${f.fixedVersion}` : ''})`);
      const message = `${failing.length} finding(s) of failing severity (${inputs.severity.join(', ')}) remain in ${inputs.imageRef}: ${shown.join(', ')}${failing.length > shown.length ? `, and ${failing.length - shown.length} more` : ''}`;
      if (inputs.failOnFindings) throw new GateFailed(message);
      core.warning(`${message} (not enforced: fail-on-findings is false)`);
    } else {
      core.info(`Passed: no finding of severity ${inputs.severity.join(', ')} remains (${evaluation.total} found, ${evaluation.ignoredTotal} ignored)`);
    }
  } catch (err) {
    if (!(err instanceof GateFailed)) outcome.error = err instanceof Error ? err.message : String(err);
    if (!evaluated) core.setOutput('passed', 'false');
    throw err;
  } finally {
    auth?.remove();
    rmSync(work, { recursive: true, force: true });
    await writeSummary(buildScanSummary(outcome));
  }
}
