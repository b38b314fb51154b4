import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { checkKubeconfig, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { Inputs } from './inputs.js';
import { readLive } from './live.js';
import { buildInventory } from './inventory.js';
import { buildReport } from './report.js';
import { buildSarif } from './sarif.js';
import { buildSummary, type SummaryInput } from './summary.js';
import { countFindings, isPassed } from './verdict.js';
import { applyWaivers, type WaiverUse } from './waivers.js';
import pkg from '../../../package.json' with { type: 'json' };

const ANNOTATIONS = 10;

/** The verdict, as opposed to a run that could not check. */
class GateFailed extends Error {}

async function readCluster(inputs: Inputs): Promise<Awaited<ReturnType<typeof readLive>>> {
  const kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : undefined;
  try {
    const tool = await resolveTool('kubectl');
    const target: KubeTarget = { kubectl: tool.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    await checkKubeconfig(target);
    return await core.group(`Read namespace ${inputs.namespace}`, () => readLive(target, inputs.namespace as string, inputs.deployments));
  } finally {
    kubeconfig?.remove();
  }
}

export async function execute(inputs: Inputs): Promise<void> {
  const mode = [inputs.manifests ? `manifests (${inputs.manifests.files.length} file(s))` : '', inputs.deployments.length ? `cluster namespace ${inputs.namespace}` : ''].filter(Boolean).join(' + ');
  const summary: SummaryInput = { mode, failOn: inputs.failOn, objects: [], waivers: [], waiversFile: inputs.waiversFile, unavailable: new Map() };
  try {
    const live = inputs.deployments.length > 0 ? await readCluster(inputs) : undefined;
    const inventory = buildInventory(inputs, inputs.manifests?.items, live);
    summary.unavailable = inventory.unavailable;
    for (const [kind, why] of inventory.unavailable) core.warning(`${kind} could not be read (${why}): the checks that need it report unknown`);
    if (inventory.targets.length === 0) core.warning(`No Deployment among the manifests (${inputs.manifests?.files.length ?? 0} file(s)): only Secrets were checked`);

    const evaluation: Evaluation = evaluate(inventory);
    const uses: WaiverUse[] = applyWaivers(evaluation.findings, inputs.waivers, new Date());
    summary.objects = evaluation.objects;
    summary.waivers = uses;
    for (const u of uses.filter((w) => w.expired)) {
      core.warning(`Waiver for ${u.waiver.check} on ${u.waiver.object} (line ${u.waiver.line}) expired on ${u.waiver.expires} and waives nothing${u.matched ? ` (it matches ${u.matched} finding(s))` : ''}`);
    }
    const counts = countFindings(evaluation.findings);
    const passed = isPassed(counts, inputs.failOn);
    summary.counts = counts;
    summary.passed = passed;

    writeFileSync(inputs.sarifFile, `${JSON.stringify(buildSarif(evaluation.findings, pkg.version))}\n`);
    summary.sarifFile = inputs.sarifFile;
    writeFileSync(inputs.reportFile, `${JSON.stringify(buildReport({ mode: inventory.mode, failOn: inputs.failOn, passed, counts, evaluation, waivers: uses, unavailable: inventory.unavailable }), null, 2)}\n`);
    summary.reportFile = inputs.reportFile;
    core.setOutput('passed', String(passed));
    core.setOutput('errors', String(counts.errors));
    core.setOutput('warnings', String(counts.warnings));
    core.setOutput('waived', String(counts.waived));
    core.setOutput('sarif-file', inputs.sarifFile);
    core.setOutput('report-file', inputs.reportFile);

    // GitHub shows 10 error and 10 warning annotations per step: the first of each, most
    // severe first; every finding is in the SARIF, the report and the summary.
    const open = evaluation.findings.filter((x) => !x.waivedBy);
    const annotated = [...open.filter((x) => x.severity === 'error').slice(0, ANNOTATIONS), ...open.filter((x) => x.severity === 'warning').slice(0, ANNOTATIONS)];
    if (open.length > annotated.length) core.info(`${annotated.length} of ${open.length} findings are annotated (GitHub shows ${ANNOTATIONS} of each severity per step); all are in ${inputs.reportFile}`);
    for (const f of annotated) {
      const props = f.source ? { file: f.source.file, startLine: f.source.line, title: `preflight ${f.check}` } : { title: `preflight ${f.check}` };
      const text = `${f.object}: ${f.message}`;
      if (f.severity === 'error') core.error(text, props);
      else core.warning(text, props);
    }
    const verdict = `${counts.errors} error(s), ${counts.warnings} warning(s) (${counts.unknown} unknown), ${counts.waived} waived, on ${evaluation.objects.length} object(s)`;
    if (!passed && inputs.failOn !== 'never') throw new GateFailed(`${verdict}; fail-on is ${inputs.failOn}`);
    core.info(passed ? `Passed: ${verdict}` : `Not enforced (fail-on: never): ${verdict}`);
  } catch (err) {
    if (!(err instanceof GateFailed)) {
      summary.error = err instanceof Error ? err.message : String(err);
      core.setOutput('passed', 'false');
    }
    throw err;
  } finally {
    await writeSummary(buildSummary(summary));
  }
}
