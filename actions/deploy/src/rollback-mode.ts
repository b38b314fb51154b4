import * as core from '@actions/core';
import type { Cluster } from './cluster.js';
import type { Inputs } from './inputs.js';
import type { Deployment } from './kube-objects.js';
import { decideTarget, failedTemplatesOf, type Target } from './known-good.js';
import type { Tracked } from './outputs.js';
import { notChanged } from './plan.js';
import { imageList, writeRecords } from './records.js';
import { returnCommand, rollBackAll, servingNow, type RollbackItem } from './rollback.js';
import { describeState, imagesOf, previousRevision, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';
import { DeployFailure, type RunState } from './run-state.js';

/**
 * mode: rollback. Every deployment is read and its target fixed first (nothing changes when
 * one of them is missing or paused); then all are rolled back together. Should the requested
 * revision not come up, what ran before the step is restored (rollback-on-failure).
 */

/** A rollback-mode plan: the requested revision, and what to restore should it not come up. */
interface RollbackPlan extends RollbackItem {
  /** The revision that ran before the step (current and healthy, else the recorded known-good). */
  restore?: Target;
  restoreItem?: RollbackItem;
}

/** The revision asked for this deployment: its `deployment=revision` line, the plain number, or none (the one before). */
export function requestedRevision(inputs: Inputs, name: string): number | undefined {
  return inputs.toRevisions?.[name] ?? inputs.toRevision;
}

async function rollbackNextSteps(cluster: Cluster, plans: RollbackPlan[]): Promise<string[]> {
  const lines: string[] = [];
  for (const p of plans.filter((x) => x.outcome !== 'done')) {
    const name = p.t.name;
    const back = p.outcome === 'undo-failed' ? p.target : p.restore && (p.restoreItem === undefined || p.restoreItem.outcome === 'undo-failed') ? p.restore : undefined;
    lines.push(
      cluster.hint(`rollout history deployment/${name}`),
      cluster.hint(`get pods --selector ${Object.entries(p.t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`),
      ...(back ? [await returnCommand(cluster, name, back)] : []),
      cluster.hint(`rollout status deployment/${name}`),
    );
  }
  return lines;
}

/** Reads one deployment and fixes its target; undefined when it is already there (healthy). */
async function planOne(cluster: Cluster, inputs: Inputs, d: Deployment): Promise<RollbackPlan | undefined> {
  const name = d.metadata.name;
  const images = imagesOf(d.spec.template);
  if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to roll it back. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}). Nothing was changed`);
  const owned = await cluster.replicaSets(d);
  const failed = failedTemplatesOf(d);
  const asked = requestedRevision(inputs, name);
  const revision = asked ?? previousRevision(d, owned, failed);
  const available = owned.map(revisionOf).filter((r): r is number => r !== undefined).sort((a, b) => a - b);
  if (revision === undefined) {
    throw new DeployFailure(`deployment/${name} has no revision before its current one (${revisionOf(d) ?? 'unknown'}) to roll back to${failed.length > 0 ? ' that this action has not seen fail' : ''}. Nothing was changed`);
  }
  if (asked !== undefined && asked === revisionOf(d)) {
    const st = rolloutState(d);
    if (!st.complete) throw new DeployFailure(`input 'to-revision': deployment/${name} is already on revision ${asked}, and it is not healthy (${describeState(st)}): rolling back to it would not help. Nothing was changed`);
    return undefined;
  }
  const rs = owned.find((r) => revisionOf(r) === revision);
  const hash = rs && templateHashOf(rs);
  if (!rs || !hash) throw new DeployFailure(`input 'to-revision': deployment/${name} has no revision ${revision} (revisions in its history: ${available.join(', ') || 'none'}). Nothing was changed`);
  if (failed.includes(hash)) core.warning(`deployment/${name}: revision ${revision} is a pod template this action saw fail; rolling back to it because to-revision asks for it`);
  // What to return to should the requested revision not come up: what runs now when it is healthy, else the last known-good.
  const before = decideTarget(d, owned).target;
  const restore = before && before.podTemplateHash !== hash ? before : undefined;
  const t: Tracked = {
    name,
    before: d,
    containers: Object.keys(images),
    imagesBefore: images,
    revisionBefore: revisionOf(d),
    changed: false,
    unchanged: false,
    startedAt: Date.now(),
    targetReason: `deployment/${name}: rollback to revision ${revision} as requested${restore ? `; should it not come up, back to revision ${restore.revision} (${imageList(restore.images)})` : ''}`,
  };
  return { t, target: { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template), source: 'recorded' }, restore };
}

export async function rollbackMode(cluster: Cluster, inputs: Inputs, state: RunState): Promise<void> {
  const tracked = state.tracked;
  const deadline = Date.now() + inputs.timeoutMs;
  const plans: RollbackPlan[] = [];
  const read: Deployment[] = [];
  try {
    for (const name of inputs.deployments) {
      const d = await cluster.deployment(name);
      if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${inputs.namespace}. Nothing was changed`);
      read.push(d);
      const plan = await planOne(cluster, inputs, d);
      if (plan) plans.push(plan);
      else {
        const t = notChanged(d, Object.keys(imagesOf(d.spec.template)), 'unchanged');
        t.unchanged = true;
        t.targetReason = `deployment/${name}: already on revision ${revisionOf(d)} as requested, and healthy: nothing to do`;
        core.info(t.targetReason);
        tracked.push(t);
      }
    }
  } catch (err) {
    // Nothing was changed: every deployment read so far is reported as it is, none as failed.
    tracked.length = 0;
    for (const d of read) tracked.push({ ...notChanged(d, Object.keys(imagesOf(d.spec.template))), result: undefined });
    throw err;
  }
  if (plans.length === 0) {
    state.result = 'unchanged';
    return;
  }
  for (const p of plans) {
    p.t.changed = true;
    p.t.target = p.target;
    tracked.push(p.t);
  }
  await core.group('Roll back', () => rollBackAll(cluster, plans, deadline, inputs.failFast));
  const failedRollouts = plans.filter((p) => p.outcome === 'broken' || p.outcome === 'timed-out');
  const whatBroke = new Map(failedRollouts.map((p) => [p, p.t.rollbackDetail ?? 'failed']));
  const toRestore = inputs.rollbackOnFailure ? failedRollouts.filter((p) => p.restore) : [];
  if (toRestore.length > 0) {
    for (const p of toRestore) p.restoreItem = { t: p.t, target: p.restore as Target };
    // A budget of its own, as for the rollback of a failed deploy.
    await core.group('Restore what ran before this step', () =>
      rollBackAll(
        cluster,
        toRestore.map((p) => p.restoreItem as RollbackItem),
        Date.now() + inputs.timeoutMs,
        inputs.failFast,
      ),
    );
  }
  for (const p of plans) {
    if (p.outcome === 'done') await writeRecords(cluster, p.t, [], true);
    else if (whatBroke.has(p)) await writeRecords(cluster, p.t, [p.target.podTemplateHash], p.restoreItem?.outcome === 'done');
  }
  for (const p of failedRollouts) {
    const restore = p.restoreItem;
    const after = !p.restore
      ? 'nothing to restore: no revision known to be good before this step'
      : !restore
        ? 'not restored (rollback-on-failure is false)'
        : restore.outcome === 'done'
          ? `restored what ran before this step: ${p.t.rollbackDetail}`
          : `restoring what ran before this step failed too: ${p.t.rollbackDetail}`;
    p.t.result = 'failed';
    p.t.rollbackDetail = `${whatBroke.get(p)}; ${after}`;
  }
  for (const { t } of plans) core.info(`deployment/${t.name}: ${t.rollbackDetail}`);
  const failures = plans.filter((p) => p.outcome !== 'done');
  if (failures.length === 0) {
    state.result = 'rolled-back';
    return;
  }
  const lines = failures.map((p) => `deployment/${p.t.name}: ${p.t.rollbackDetail}`);
  const restoredAll = failures.every((p) => p.restoreItem?.outcome === 'done');
  const serving = await servingNow(
    cluster,
    failures.map((p) => p.t),
  );
  const recorded = failedRollouts.length > 0 ? [`The pod template of ${failedRollouts.map((p) => `deployment/${p.t.name} revision ${p.revision ?? p.target.revision}`).join(', ')} is recorded as failed: a rollback without to-revision will not pick it.`] : [];
  throw new DeployFailure(
    [`${restoredAll ? 'ROLLBACK FAILED, the revision that ran before is restored:' : 'ROLLBACK FAILED:'} ${lines.join('; ')}`, ...recorded, ...serving.map((s) => `Serving now: ${s}`)],
    undefined,
    await rollbackNextSteps(cluster, plans),
  );
}
