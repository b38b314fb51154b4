import * as core from '@actions/core';
import { formatReference, type ImageReference } from '../../../src/lib/image-ref.js';
import type { Cancellation } from './cancellation.js';
import type { Cluster } from './cluster.js';
import { compareCommits, liveCommitOf } from './commit-order.js';
import { containersToUpdate, runsImage } from './deploy-plan.js';
import type { Inputs } from './inputs.js';
import type { Deployment } from './kube-objects.js';
import { decideTarget } from './known-good.js';
import { livePods } from './live-pods.js';
import type { Tracked } from './outputs.js';
import { persist, POLL_MS, secondsLeft, type Budget } from './persist.js';
import { podFailureText } from './records.js';
import { imageList } from './records.js';
import { containersOf, currentReplicaSet, describeState, findPodFailure, imagesOf, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';
import { DeployFailure, type RunState } from './run-state.js';

/**
 * The plan phase: before any change, every deployment is read and checked (exists, not paused,
 * no rollout in progress, permissions, the commit order), and its rollback target is fixed.
 */

/** The RBAC the action needs in the namespace (README "Permissions"). */
export const RBAC_NEEDED = 'deployments: get, list, watch, patch; replicasets: get, list; pods: list';

/** Waits for an earlier rollout to finish (or fail) within the deadline; refuses to interfere otherwise. */
async function settleBeforeChange(cluster: Cluster, name: string, deadline: number, failFast: boolean, cancel: Cancellation): Promise<Deployment> {
  let logged = '';
  for (;;) {
    const d = await persist(`deployment/${name}`, deadline, () => cluster.deployment(name));
    if (d && cancel.reason) throw new DeployFailure(`${cancel.reason} while waiting for an earlier rollout of deployment/${name}. Nothing was changed`, d);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${cluster.namespace}`);
    if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to change it. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}) or leave it to whoever paused it. Nothing was changed`, d);
    const st = rolloutState(d);
    if (st.complete || (st.observed && st.deadlineExceeded)) return d;
    const live = st.observed ? await livePods(cluster, d, 0).catch(() => undefined) : undefined;
    // A rollout whose new pods will not recover is a failed one, not one to wait for: so a fix can be deployed over it.
    const failing = failFast ? findPodFailure(live?.fresh ?? []) : undefined;
    if (failing) {
      core.warning(`deployment/${name}: its current rollout is failing (${podFailureText(failing)}): treated as failed, not waited for`);
      return d;
    }
    const state = describeState(st, live?.old);
    if (Date.now() >= deadline) {
      throw new DeployFailure(`deployment/${name} is still rolling out an earlier change (${state}) after waiting the whole timeout: refusing to start another. Nothing was changed`, d);
    }
    const line = `deployment/${name} has a rollout in progress (${state}); waiting, ${secondsLeft(deadline)}`;
    if (line.replace(/\d+s left/, '') !== logged) core.info(line);
    logged = line.replace(/\d+s left/, '');
    await cancel.sleep(POLL_MS);
  }
}

/** The containers reported for a deployment the step did not change: the ones it would have changed, else all it has. */
export function reportedContainers(d: Deployment, image: ImageReference | undefined, explicit: string[] | undefined): string[] {
  if (image) {
    try {
      return containersToUpdate(d, image, explicit);
    } catch {
      // fall through: report what the deployment has
    }
  }
  const names = containersOf(d.spec.template).map((c) => c.name);
  const named = explicit?.filter((c) => names.includes(c)) ?? [];
  return named.length > 0 ? named : names;
}

/** A deployment read but left as it was because the step failed before changing it: its outputs are still known (Rule 5). */
export function notChanged(d: Deployment, containers: string[], result: Tracked['result'] = 'failed'): Tracked {
  const revision = revisionOf(d);
  return {
    name: d.metadata.name,
    before: d,
    after: d,
    containers,
    imagesBefore: imagesOf(d.spec.template),
    revisionBefore: revision,
    revisionAfter: revision,
    targetReason: `deployment/${d.metadata.name}: not changed by this step, so no rollback target`,
    changed: false,
    unchanged: false,
    result,
    startedAt: Date.now(),
    endedAt: Date.now(),
  };
}

/** Can these credentials do what a deploy and its rollback need? Asked before the change, not found out after it. */
async function checkPermissions(cluster: Cluster, d: Deployment, deadline: number): Promise<void> {
  const refuse = (what: string): never => {
    throw new DeployFailure(`the credentials may not ${what} in namespace ${cluster.namespace}: deploy watches the new pods and rolls back through them, so it needs ${RBAC_NEEDED} (README, Permissions). Nothing was changed`, d);
  };
  try {
    await persist(`pods of deployment/${d.metadata.name}`, deadline, () => cluster.pods(d));
  } catch (err) {
    if (/forbidden/i.test((err as Error).message)) refuse('list pods');
    throw err;
  }
  if (!(await cluster.canI('patch', 'deployments.apps').catch(() => true))) refuse('patch deployments');
}

/** The commit order (allow-older-commit): refuses a commit older than the one live, before any change. */
async function checkCommitOrder(inputs: Inputs, toChange: Tracked[], budget: Budget, notes: string[]): Promise<void> {
  const next = process.env.GITHUB_SHA;
  if (!next) return;
  const live = [...new Set(toChange.map((t) => liveCommitOf(t.before.metadata.annotations)).filter((c): c is string => c !== undefined && c !== next))];
  for (const commit of live) {
    const names = toChange.filter((t) => liveCommitOf(t.before.metadata.annotations) === commit).map((t) => `deployment/${t.name}`).join(', ');
    const answer = await budget.outside(() => compareCommits(process.env.GITHUB_API_URL || 'https://api.github.com', process.env.GITHUB_REPOSITORY ?? '', commit, next, inputs.githubToken));
    if (answer.order === 'unknown') {
      const line = `The commit order could not be checked (${answer.detail}): ${names} runs commit ${commit}, this step deploys ${next}; deploying without knowing which is newer`;
      core.warning(line);
      notes.push(line);
      continue;
    }
    if (answer.order === 'behind' || answer.order === 'diverged') {
      const what = answer.order === 'behind' ? 'an older commit than' : 'a commit that has diverged from';
      if (inputs.allowOlderCommit) {
        const line = `${names} runs commit ${commit}; this step deploys ${what} it (${next}), as allow-older-commit: true permits`;
        core.warning(line);
        notes.push(line);
        continue;
      }
      throw new DeployFailure([
        `Refused: this step deploys ${what} the one live. ${names} runs commit ${commit}; this step's commit is ${next} (GitHub compare: ${answer.order}).`,
        'A later pipeline has probably deployed already. Nothing was changed. To deploy it anyway (a deliberate rollback of code), set allow-older-commit: true',
      ]);
    }
    core.info(`Commit order: ${next} is ${answer.order === 'identical' ? 'the same as' : 'newer than'} ${commit}, which ${names} runs`);
  }
}

/** Reads and checks every deployment; returns those to change (the others are unchanged or failed). */
export async function planPhase(cluster: Cluster, inputs: Inputs, image: ImageReference, budget: Budget, cancel: Cancellation, state: RunState): Promise<Tracked[]> {
  const imageRef = formatReference(image);
  const tracked = state.tracked;
  await core.group('Check the deployments before any change', async () => {
    for (const name of inputs.deployments) {
      let d: Deployment | undefined;
      try {
        d = await settleBeforeChange(cluster, name, budget.deadline, inputs.failFast, cancel);
        const containers = containersToUpdate(d, image, inputs.containers);
        const before = d;
        const owned = await persist(`deployment/${name}`, budget.deadline, () => cluster.replicaSets(before));
        const decision = decideTarget(d, owned);
        const st = rolloutState(d);
        // Unhealthy after the wait and its rollout never completed: that rollout failed (deadline
        // exceeded, or pods that will not recover). Should this step change it, its template is
        // recorded as failed. A template whose rollout completed (Progressing says
        // NewReplicaSetAvailable) and whose pods fail later is not: it did complete.
        const rolloutCompleted = d.status?.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable') ?? false;
        const currentRs = st.complete || rolloutCompleted ? undefined : currentReplicaSet(d, owned);
        const failingBefore = currentRs && templateHashOf(currentRs);
        const imagesBefore = imagesOf(d.spec.template);
        const same = containers.every((c) => runsImage(imagesBefore[c], image));
        if (same && !st.complete) {
          throw new DeployFailure(`deployment/${name} already runs ${imageRef} but is not healthy (${describeState(st)}): deploying the same image again would not help. Nothing was changed`);
        }
        if (!same) await checkPermissions(cluster, d, budget.deadline);
        if (decision.target) core.info(decision.reason);
        else core.warning(decision.reason);
        let targetReason = decision.reason;
        if (!same && decision.target && d.spec.revisionHistoryLimit === 0) {
          // The old ReplicaSet is deleted once the new rollout completes: `rollout undo` has nothing to go back to.
          const line = `deployment/${name} has revisionHistoryLimit: 0, so its old ReplicaSet is deleted once the new rollout completes: a rollback restores ${imageList(decision.target.images)} with kubectl set image, not rollout undo`;
          core.warning(line);
          targetReason = `${decision.reason}; ${line.replace(`deployment/${name} has `, '')}`;
        }
        tracked.push({ name, before: d, containers, imagesBefore, revisionBefore: revisionOf(d), target: decision.target, targetReason, failingBefore, changed: false, unchanged: same, startedAt: Date.now() });
      } catch (err) {
        const seen = d ?? (err instanceof DeployFailure ? err.deployment : undefined);
        if (seen) tracked.push(notChanged(seen, reportedContainers(seen, image, inputs.containers)));
        if (err instanceof DeployFailure) throw err;
        throw new DeployFailure(`${(err as Error).message}. Nothing was changed`);
      }
    }
  });
  const toChange = tracked.filter((t) => !t.unchanged);
  if (toChange.length > 0) await checkCommitOrder(inputs, toChange, budget, state.notes);
  if (cancel.reason) throw new DeployFailure(`${cancel.reason} before any change. Nothing was changed`);
  for (const t of tracked.filter((x) => x.unchanged)) {
    t.result = 'unchanged';
    t.after = t.before;
    t.revisionAfter = t.revisionBefore;
    t.endedAt = Date.now();
    core.info(`deployment/${t.name} already runs ${imageRef} and is healthy: unchanged`);
  }
  return toChange;
}
