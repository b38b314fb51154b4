import * as core from '@actions/core';
import type { ImageReference } from '../../../src/lib/image-ref.js';
import type { Cancellation } from './cancellation.js';
import { Unconfirmed } from './change.js';
import type { Cluster } from './cluster.js';
import { waitHealthy } from './health-check.js';
import type { Inputs } from './inputs.js';
import type { Tracked } from './outputs.js';
import { returnCommand } from './rollback.js';
import { rolloutState } from './rollout-state.js';
import { DeployFailure, NotApplied } from './run-state.js';
import { confirmAfterOutage, type WatchOutcome } from './watch.js';

/**
 * The decide phase: did the rollout succeed, and if not, which deployments are rolled back.
 * - A change whose answer was lost is decided by what the Deployment carries (change.ts).
 * - A watch that could not read the status is "unknown": read again once the API server answers.
 * - A template changed by someone else is not this step's rollout: failed, never rolled back
 *   over the other change, never recorded as known-good.
 * - replicas: 0 completes with nothing run: deployed, with a warning; the known-good record stays.
 * - Rolled back: every changed deployment with a known-good target, when rollback-on-failure.
 */
export interface Verdict {
  failure?: string;
  /** Deployments whose rollout failed (their template is recorded as failed). */
  broken: Tracked[];
  /** Deployments another actor changed during the rollout: left as they are. */
  foreign: Tracked[];
  notApplied?: NotApplied;
}

export interface DecideContext {
  cluster: Cluster;
  inputs: Inputs;
  toChange: Tracked[];
  image: ImageReference;
  changeError?: unknown;
  watched?: WatchOutcome;
  deadline: number;
  cancel: Cancellation;
  notes: string[];
}

export async function decideRollout(ctx: DecideContext): Promise<Verdict> {
  const { cluster, inputs, toChange, image, changeError, watched, cancel, notes } = ctx;
  const verdict: Verdict = { broken: [], foreign: [] };
  if (changeError instanceof NotApplied) {
    verdict.notApplied = changeError;
    verdict.failure = `the change was not applied to deployment/${changeError.deployment}: ${changeError.message}`;
    return verdict;
  }
  if (changeError instanceof Unconfirmed) {
    verdict.failure = `the change to deployment/${changeError.deployment} could not be confirmed: ${changeError.message}`;
    return verdict;
  }
  if (changeError !== undefined) {
    verdict.failure = `the change itself failed: ${(changeError as Error).message}`;
    return verdict;
  }
  if (cancel.reason && watched === undefined) {
    verdict.failure = `${cancel.reason} before the rollout was confirmed`;
    return verdict;
  }
  let outcome = watched as WatchOutcome;
  if (outcome.kind === 'unknown') {
    // The status could not be read until the deadline: the rollout is unconfirmed, not failed.
    // Read it once the server answers (within the rollback's budget) before undoing anything.
    const seen = await core.group('The rollout status was unknown until the timeout: reading it once the API server answers', () => confirmAfterOutage(cluster, toChange, image, Date.now() + inputs.timeoutMs));
    if (seen.foreign) outcome = { kind: 'foreign', deployment: seen.foreign.name, what: seen.state ?? '' };
    else if (seen.complete) {
      notes.push(`The API server stopped answering during the watch (${outcome.what}); once it answered, the rollout was complete: ${seen.state}`);
      outcome = { kind: 'complete' };
    } else {
      verdict.failure = `the rollout could not be confirmed within the timeout: its status was unknown (${outcome.what})${seen.state ? `; once it could be read: ${seen.state}` : ''}`;
      return verdict;
    }
  }
  if (outcome.kind === 'foreign') {
    verdict.failure = outcome.what;
    verdict.foreign = toChange.filter((t) => t.name === outcome.deployment);
    return verdict;
  }
  if (outcome.kind === 'failed') {
    verdict.failure = outcome.what;
    verdict.broken = toChange.filter((t) => t.name === outcome.deployment);
    return verdict;
  }
  for (const t of toChange) {
    if (t.after && rolloutState(t.after).desired === 0) {
      t.unverified = true;
      const line = `deployment/${t.name} has replicas: 0: no pod ran the new image, so nothing about it could be verified. Deployed, but the known-good record is kept as it was`;
      core.warning(line);
      notes.push(line);
    }
  }
  if (inputs.healthCheckUrl) {
    const health = await core.group(`Health check ${inputs.healthCheckUrl}`, () => waitHealthy(inputs.healthCheckUrl as string, Math.max(ctx.deadline, Date.now() + 1000), 1000, () => cancel.reason));
    if (!health.ok) {
      verdict.failure = `the rollout completed but ${inputs.healthCheckUrl} did not answer 2xx: ${health.detail}`;
      verdict.broken = toChange;
      return verdict;
    }
    notes.push(`Health check: ${inputs.healthCheckUrl} answered ${health.detail}`);
  }
  if (cancel.reason) verdict.failure = `${cancel.reason} before the rollout was confirmed`;
  return verdict;
}

/** Which changed deployments are rolled back: those with a known-good target, unless another actor owns the change now. */
export function rollbackDecision(tracked: Tracked[], inputs: Inputs, verdict: Verdict): { changed: Tracked[]; rollable: Tracked[]; stuck: Tracked[] } {
  const changed = tracked.filter((t) => t.changed);
  const rollable = inputs.rollbackOnFailure ? changed.filter((t) => t.target && !verdict.foreign.includes(t)) : [];
  const stuck = changed.filter((t) => !rollable.includes(t));
  for (const t of stuck) {
    t.result = 'failed';
    t.rollbackDetail = verdict.foreign.includes(t)
      ? 'changed by someone else: not rolled back over their change'
      : inputs.rollbackOnFailure
        ? 'no known-good revision: not rolled back'
        : 'rollback-on-failure is false: not rolled back';
    t.endedAt = Date.now();
  }
  return { changed, rollable, stuck };
}

/** The next steps a person runs on what is not back: look, then return to a revision that worked. */
export async function nextSteps(cluster: Cluster, tracked: Tracked[]): Promise<string[]> {
  const lines: string[] = [];
  for (const t of tracked.filter((x) => x.changed && x.result !== 'rolled-back')) {
    lines.push(
      cluster.hint(`rollout history deployment/${t.name}`),
      cluster.hint(`get pods --selector ${Object.entries(t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`),
      await returnCommand(cluster, t.name, t.target && !t.targetFailed ? t.target : undefined),
      cluster.hint(`rollout status deployment/${t.name}`),
    );
  }
  return lines;
}

/**
 * The step's result and error after the rollback: rolled back (all of it), not applied,
 * failed without rollback, or ROLLBACK FAILED with what serves now.
 */
export function failedOutcome(failure: string, tracked: Tracked[], changed: Tracked[], rollable: Tracked[], verdict: Verdict, inputs: Inputs, commands: string[], serving: string[]): { result: 'rolled-back' | 'failed'; error: DeployFailure; status: string } {
  const states = changed.map((t) => `deployment/${t.name}: ${t.rollbackDetail ?? t.result}`).join('; ');
  const untouched = tracked.filter((t) => !t.changed && !t.unchanged).map((t) => `deployment/${t.name} is still on revision ${t.revisionAfter ?? t.revisionBefore ?? '?'} (${t.containers.map((c) => `${c}=${t.imagesBefore[c] ?? '?'}`).join(', ')})`);
  if (changed.length === 0) {
    return { result: 'failed', status: `Not applied: ${failure}`, error: new DeployFailure([failure, `Nothing was changed${untouched.length > 0 ? `: ${untouched.join('; ')}` : ''}. No rollback was needed.`]) };
  }
  if (changed.every((t) => t.result === 'rolled-back')) {
    if (verdict.notApplied) {
      // The step did not change what it was asked to: failed, whatever was undone before it.
      return { result: 'failed', status: `Not applied: ${failure}`, error: new DeployFailure([failure, `Not changed: ${untouched.join('; ')}.`, `Rolled back what had already been changed before it: ${states}`]) };
    }
    return { result: 'rolled-back', status: `Rolled back: ${failure}`, error: new DeployFailure([failure, `Rolled back: ${states}`]) };
  }
  if (rollable.length === 0) {
    const why = verdict.foreign.length > 0 && verdict.foreign.length === changed.length ? 'the change is someone else\'s now' : inputs.rollbackOnFailure ? 'no known-good revision' : 'rollback-on-failure is false';
    return {
      result: 'failed',
      status: `Failed, not rolled back: ${failure}`,
      error: new DeployFailure([failure, `No automatic rollback (${why}): the changed deployments are left as they are now: ${states}`, ...serving.map((s) => `Serving now: ${s}`)], undefined, commands),
    };
  }
  const header = rollable.some((t) => t.result !== 'rolled-back') ? 'ROLLBACK FAILED.' : 'NOT FULLY ROLLED BACK: some deployments were not rolled back.';
  return {
    result: 'failed',
    status: `${header} ${failure}`,
    error: new DeployFailure([`${header} ${failure}`, `State now: ${states}`, ...serving.map((s) => `Serving now: ${s}`), 'The cluster needs a person.'], undefined, commands),
  };
}
