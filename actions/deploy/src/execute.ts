import * as core from '@actions/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { formatReference, registryOf, type ImageReference } from '../../../src/lib/image-ref.js';
import { checkKubeconfig, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { runUrl } from '../../../src/lib/run-url.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { Cancellation } from './cancellation.js';
import { changePhase } from './change.js';
import { Cluster } from './cluster.js';
import { decideRollout, failedOutcome, nextSteps, rollbackDecision } from './decide.js';
import { GitHubDeployment } from './github-deployment.js';
import type { Inputs } from './inputs.js';
import type { Target } from './known-good.js';
import { setOutputs } from './outputs.js';
import { Budget } from './persist.js';
import { planPhase } from './plan.js';
import { failedTemplate, writeRecords } from './records.js';
import { deploySummary } from './report.js';
import { rollBackAll, servingNow, type RollbackItem } from './rollback.js';
import { rollbackMode } from './rollback-mode.js';
import { DeployFailure, newRunState, type RunState } from './run-state.js';
import { resolveImage, verifyPhase } from './verify.js';
import { watchPhase } from './watch.js';

/**
 * run(): inputs -> plan -> verify -> change -> watch -> decide -> roll back -> report.
 * Each phase is a file of that name; this one only wires them (main.ts validates the inputs first).
 */

/** kubectl's per-request timeout: a stalled request is "status unknown" long before the step's timeout. */
export const requestTimeoutMs = (timeoutMs: number): number => Math.min(30000, Math.max(3000, Math.round(timeoutMs / 3)));

async function deployMode(inputs: Inputs, cluster: Cluster, auth: AuthConfig | undefined, work: string, state: RunState, cancel: Cancellation): Promise<void> {
  const notes = state.notes;
  // Verify: the image, before the cluster is read or written; budgets of its own.
  const image: ImageReference = await core.group('Resolve the image', () => resolveImage(inputs.image as ImageReference, inputs));
  const imageRef = formatReference(image);
  notes.push(`Image: \`${imageRef}\``);
  if (cancel.reason) throw new DeployFailure(`${cancel.reason} before any change. Nothing was changed`);
  await verifyPhase({ inputs, image, imageRef, auth, work }, state.checks, cancel);

  // Plan: the rollout's timeout starts here, at the cluster.
  const budget = new Budget(inputs.timeoutMs);
  const toChange = await planPhase(cluster, inputs, image, budget, cancel, state);
  if (toChange.length === 0) {
    state.result = 'unchanged';
    return;
  }
  // github-token alone serves the commit-order check; a deployment record also needs `environment`.
  const github = inputs.githubToken && inputs.environment
    ? await budget.outside(() => GitHubDeployment.create(inputs.githubToken as string, inputs.environment as string, inputs.environmentUrl, runUrl(process.env), `Deploy ${imageRef}`, { image: imageRef, namespace: inputs.namespace, deployments: inputs.deployments }))
    : undefined;

  // Change, watch, decide.
  let changeError: unknown;
  try {
    await changePhase(cluster, toChange, image, imageRef, budget.deadline, cancel);
  } catch (err) {
    changeError = err;
  }
  const watched = changeError === undefined && !cancel.reason ? await watchPhase(cluster, state.tracked, image, budget.deadline, inputs.failFast, inputs.timeoutMs, cancel) : undefined;
  const verdict = await decideRollout({ cluster, inputs, toChange, image, changeError, watched, deadline: budget.deadline, cancel, notes });
  if (!verdict.failure) {
    for (const t of toChange) {
      t.result = 'deployed';
      t.endedAt = Date.now();
      await writeRecords(cluster, t, t.failingBefore ? [t.failingBefore] : [], !t.unverified);
    }
    await budget.outside(async () => github?.status('success', `Deployed ${imageRef}`));
    state.result = 'deployed';
    return;
  }

  // Roll back what the decision says, with a budget of its own.
  const failure = verdict.failure;
  core.error(`Rollout failed: ${failure}`);
  notes.push(`What broke: ${failure}`);
  const failedTemplates = new Map<string, string>();
  for (const t of cancel.reason ? [] : verdict.broken) {
    const hash = await failedTemplate(cluster, t, image);
    if (hash) failedTemplates.set(t.name, hash);
  }
  const { changed, rollable, stuck } = rollbackDecision(state.tracked, inputs, verdict);
  const items: RollbackItem[] = rollable.map((t) => ({ t, target: t.target as Target }));
  if (items.length > 0) await core.group('Roll back', () => rollBackAll(cluster, items, Date.now() + inputs.timeoutMs, inputs.failFast));
  // A rollback target that did not come up is recorded as failed too: no later run goes back to it.
  for (const item of items.filter((i) => i.outcome === 'broken')) item.t.targetFailed = true;
  for (const t of changed.filter((x) => !verdict.foreign.includes(x))) {
    const failedNow = [t.failingBefore, failedTemplates.get(t.name), t.targetFailed ? t.target?.podTemplateHash : undefined].filter((h): h is string => h !== undefined);
    await writeRecords(cluster, t, failedNow, t.result === 'rolled-back');
  }
  const notBack = changed.filter((t) => t.result !== 'rolled-back');
  const serving = notBack.length > 0 ? await servingNow(cluster, notBack) : await servingNow(cluster, stuck);
  const commands = notBack.length > 0 ? await nextSteps(cluster, state.tracked) : [];
  const outcome = failedOutcome(failure, state.tracked, changed, rollable, verdict, inputs, commands, serving);
  state.result = outcome.result;
  await budget.outside(async () => github?.status(outcome.result === 'rolled-back' || verdict.notApplied || changed.length === 0 ? 'failure' : 'error', outcome.status));
  throw outcome.error;
}

/** Everything after the inputs validated: loaded only then, so an input mistake never loads it. */
export async function execute(inputs: Inputs): Promise<void> {
  // From the very start: a signal ends the step with its outputs and summary, never mid-air.
  // Before the change it stops with nothing changed; after it, what changed is rolled back;
  // a rollback (either mode) is never cut short.
  const cancel = new Cancellation();
  cancel.arm();
  const state = newRunState();
  let error: unknown;
  let work: string | undefined;
  let kubeconfig: { path: string; remove(): void } | undefined;
  let auth: AuthConfig | undefined;
  try {
    // Written inside the try, so the finally removes whatever was written, whatever fails next.
    work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-'));
    kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : undefined;
    // Only cosign reads the auth file (tag resolution uses the registry client): none without verify-signature.
    auth = (inputs.verify || inputs.trust.require.length > 0) && inputs.registry && inputs.image ? writeAuthConfig(registryOf(inputs.image), inputs.registry) : undefined;
    const kubectl = await resolveTool('kubectl');
    const target: KubeTarget = { kubectl: kubectl.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    // Before any request: a cluster to talk to, and the context named.
    await checkKubeconfig(target);
    const cluster = new Cluster(target, inputs.namespace, requestTimeoutMs(inputs.timeoutMs));
    if (inputs.mode === 'deploy') await deployMode(inputs, cluster, auth, work, state, cancel);
    else await rollbackMode(cluster, inputs, state);
  } catch (err) {
    error = err;
    throw err;
  } finally {
    kubeconfig?.remove();
    auth?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
    setOutputs(state.result, state.tracked, inputs);
    // A mistake in the inputs gets its summary from runAction.
    if (!(error instanceof ConfigurationError)) await writeSummary(deploySummary(inputs, state.result, state.tracked, state.notes, state.checks, error));
  }
}
