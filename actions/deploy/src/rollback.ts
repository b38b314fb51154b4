import * as core from '@actions/core';
import { sleep } from '../../../src/lib/retry.js';
import type { Cluster } from './cluster.js';
import type { Deployment } from './kube-objects.js';
import type { Target } from './known-good.js';
import type { Tracked } from './outputs.js';
import { livePods } from './live-pods.js';
import { persistAny, POLL_MS } from './persist.js';
import { imageList, podFailureText } from './records.js';
import { describeState, findPodFailure, imagesOf, replicasSettled, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';

/**
 * The roll-back phase: returning deployments to their target pod template (decided in
 * decide.ts for a failed deploy, in rollback-mode.ts for a manual rollback).
 */

/** One deployment to roll back, and how it went. */
export interface RollbackItem {
  t: Tracked;
  target: Target;
  /** The revision number the undo used (looked up by template: an earlier undo may have renumbered it). */
  revision?: number;
  /** The target's ReplicaSet is gone (revisionHistoryLimit: 0): its images were restored with set image. */
  restoredImages?: boolean;
  outcome?: 'done' | 'undo-failed' | 'broken' | 'timed-out';
}

/** "revision 1", or "revision 1 (now revision 3)" once the undo renumbered it: the number asked for and the one live. */
function revisionWords(item: RollbackItem, live: number | undefined): string {
  const asked = item.revision ?? item.target.revision;
  return live !== undefined && live !== asked && !item.restoredImages ? `revision ${asked} (now revision ${live})` : `revision ${live ?? asked}`;
}

/** The deployment's pod template carries the target's images (the undo, or an earlier attempt of it, landed). */
export function onTarget(d: Deployment, target: Target): boolean {
  const images = imagesOf(d.spec.template);
  return Object.entries(target.images).every(([c, i]) => images[c] === i);
}

/** Where the target's pod template is now: its revision number as renumbered by any undo, or gone. */
export async function targetNow(cluster: Cluster, d: Deployment, target: Target): Promise<{ revision?: number; gone: boolean }> {
  const rs = (await cluster.replicaSets(d)).find((r) => templateHashOf(r) === target.podTemplateHash);
  const revision = rs && revisionOf(rs);
  return revision === undefined ? { gone: true } : { revision, gone: false };
}

/** The command a person runs to return to the target: an undo to its revision as it is numbered now, or set image when it is gone. */
export async function returnCommand(cluster: Cluster, name: string, target: Target | undefined): Promise<string> {
  if (!target) return cluster.hint(`rollout undo deployment/${name} --to-revision=<a revision that worked>`);
  try {
    const d = await cluster.deployment(name);
    if (d) {
      const now = await targetNow(cluster, d, target);
      if (!now.gone) return cluster.hint(`rollout undo deployment/${name} --to-revision=${now.revision}`);
    }
    return cluster.hint(`set image deployment/${name} ${Object.entries(target.images).map(([c, i]) => `${c}=${i}`).join(' ')}`);
  } catch {
    return cluster.hint(`rollout undo deployment/${name} --to-revision=<the revision with ${imageList(target.images)}>`);
  }
}

/** Sends one rollback: an undo to the target's revision as numbered now, or set image when the history is gone. */
async function sendRollback(cluster: Cluster, item: RollbackItem): Promise<void> {
  const { t, target } = item;
  const before = await cluster.deployment(t.name);
  if (!before) throw new Error(`deployment/${t.name} disappeared`);
  if (onTarget(before, target)) {
    // An earlier attempt landed and only its answer was lost (the undo renumbered the revision).
    item.revision = revisionOf(before);
    core.info(`deployment/${t.name}: already back on the pod template of ${imageList(target.images)} (revision ${item.revision})`);
    return;
  }
  const now = await targetNow(cluster, before, target);
  if (now.gone) {
    item.restoredImages = true;
    core.info(`deployment/${t.name}: the ReplicaSet of ${imageList(target.images)} is gone (revisionHistoryLimit ${before.spec.revisionHistoryLimit ?? 'default'}): restoring the images with set image`);
    await cluster.setImage(t.name, target.images);
    return;
  }
  item.revision = now.revision;
  core.info(`deployment/${t.name}: rolling back to revision ${item.revision} (${imageList(target.images)})`);
  core.info(await cluster.undo(t.name, item.revision as number));
}

/**
 * Rolls the given deployments back, each to its target: `rollout undo
 * --to-revision=<target>` for all of them first (never a blind undo; the
 * number is looked up again by pod template, as an earlier undo may have
 * renumbered it), then one wait for all. An undo whose answer is lost is
 * not a failed one: the deployment is read again and the undo retried by
 * pod template until the deadline. The deployment's own state decides:
 * its images equal the target's and its replicas are ready. `kubectl rollout
 * status` is not trusted alone: it can keep reporting a stale
 * ProgressDeadlineExceeded after an undo. With fail-fast a pod of the target
 * template that will not recover ends the wait for that deployment at once.
 */
export async function rollBackAll(cluster: Cluster, items: RollbackItem[], deadline: number, failFast: boolean): Promise<void> {
  const waiting: RollbackItem[] = [];
  for (const item of items) {
    const { t } = item;
    try {
      await persistAny(`rollback of deployment/${t.name}`, deadline, () => sendRollback(cluster, item));
      waiting.push(item);
    } catch (err) {
      // Read once more before calling it failed: the last attempt may have landed.
      const d = await cluster.deployment(t.name).catch(() => undefined);
      if (d && onTarget(d, item.target)) {
        item.revision = revisionOf(d);
        waiting.push(item);
        continue;
      }
      t.result = 'failed';
      t.after = d ?? t.after;
      t.revisionAfter = d ? revisionOf(d) : t.revisionAfter;
      t.rollbackDetail = `rollback failed: ${(err as Error).message}`;
      t.endedAt = Date.now();
      item.outcome = 'undo-failed';
    }
  }
  const last = new Map<string, string>();
  while (waiting.length > 0) {
    for (const item of [...waiting]) {
      const { t, target } = item;
      const d = await cluster.deployment(t.name).catch(() => undefined);
      if (!d) continue;
      const st = rolloutState(d);
      const imagesBack = onTarget(d, target);
      t.after = d;
      t.revisionAfter = revisionOf(d);
      if (imagesBack && replicasSettled(st)) {
        t.result = 'rolled-back';
        t.rollbackDetail = `back on revision ${t.revisionAfter} (${imageList(target.images)}${item.restoredImages ? ', images restored with set image' : ''}), ${describeState({ ...st, deadlineExceeded: false })}`;
        t.endedAt = Date.now();
        item.outcome = 'done';
        waiting.splice(waiting.indexOf(item), 1);
        continue;
      }
      // The target's own pods; restored by set image, its pods are those of the current ReplicaSet.
      const pods = !(failFast && imagesBack && st.observed) ? [] : item.restoredImages ? (await livePods(cluster, d, 0).catch(() => ({ fresh: [] }))).fresh : await cluster.pods(d, target.podTemplateHash).catch(() => []);
      const failure = findPodFailure(pods);
      if (failure) {
        t.result = 'failed';
        t.rollbackDetail = `${revisionWords(item, t.revisionAfter)} (${imageList(target.images)}) does not come up: ${podFailureText(failure)}`;
        t.endedAt = Date.now();
        item.outcome = 'broken';
        core.error(`deployment/${t.name}: ${t.rollbackDetail}`);
        waiting.splice(waiting.indexOf(item), 1);
        continue;
      }
      last.set(t.name, `${describeState(st)}${imagesBack ? '' : '; images not yet back'}`);
    }
    if (waiting.length === 0) break;
    if (Date.now() >= deadline) {
      for (const item of waiting) {
        item.t.result = 'failed';
        item.t.rollbackDetail = `rollback to ${revisionWords(item, item.t.revisionAfter)} did not complete in time: ${last.get(item.t.name) ?? 'no status'}`;
        item.t.endedAt = Date.now();
        item.outcome = 'timed-out';
      }
      break;
    }
    await sleep(POLL_MS);
  }
}

/** One line per deployment: what serves now, read from the cluster (after a failed rollback a person needs this first). */
export async function servingNow(cluster: Cluster, tracked: Tracked[]): Promise<string[]> {
  const lines: string[] = [];
  for (const t of tracked) {
    const d = await cluster.deployment(t.name).catch(() => undefined);
    if (!d) {
      lines.push(`deployment/${t.name}: could not be read`);
      continue;
    }
    t.after = d;
    t.revisionAfter = revisionOf(d);
    const st = rolloutState(d);
    lines.push(`deployment/${t.name}: revision ${t.revisionAfter ?? '?'} (${imageList(imagesOf(d.spec.template))}), ${st.ready}/${st.desired} ready, ${st.available}/${st.desired} available`);
  }
  return lines;
}
