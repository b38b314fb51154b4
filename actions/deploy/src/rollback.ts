import * as core from '@actions/core';
import type { ImageReference } from '../../../src/lib/image-ref.js';
import { sleep } from '../../../src/lib/retry.js';
import type { Cluster } from './cluster.js';
import { runsImage } from './deploy-plan.js';
import { decodeKnownGood, encodeKnownGood, FAILED_TEMPLATES, failedTemplatesOf, KNOWN_GOOD, knownGoodOf, mergeFailedTemplates, type Target } from './known-good.js';
import type { Tracked } from './outputs.js';
import { persist, POLL_MS } from './persist.js';
import { currentReplicaSet, describeState, findPodFailure, imagesOf, replicasSettled, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';

/** Rolling deployments back to a target revision, and the records the action keeps on them afterwards. */

export const podFailureText = (f: { pod: string; container: string; reason: string; message: string }): string => `pod ${f.pod} container ${f.container} is in ${f.reason}${f.message ? `: ${f.message}` : ''}`;

/**
 * Writes the action's records on the Deployment after a rollout or an undo.
 * `rollout undo` replaces the Deployment's annotations with those of the
 * ReplicaSet it returns to, so both records are written in full from what was
 * read before the step: known-good (the current template when it just
 * completed, else the record as it was) and failed-templates (as it was, plus
 * what failed now). A failure to record is a warning.
 */
export async function writeRecords(cluster: Cluster, t: Tracked, failedNow: string[], currentIsGood: boolean): Promise<void> {
  try {
    const d = await cluster.deployment(t.name);
    if (!d) return;
    const annotations: Record<string, string | null> = {};
    const now = d.metadata.annotations ?? {};
    let good: string | undefined;
    if (currentIsGood) {
      const current = knownGoodOf(d, await cluster.replicaSets(d));
      if (current) {
        annotations[KNOWN_GOOD] = encodeKnownGood(current, new Date());
        good = current.podTemplateHash;
      }
    } else {
      // The record as it was, unless that template has failed since (say, it was the rollback
      // target and did not come up): then no known-good at all, never a broken one.
      const failedAll = new Set([...failedTemplatesOf(t.before), ...failedNow]);
      const before = t.before.metadata.annotations?.[KNOWN_GOOD];
      const beforeGood = before === undefined ? undefined : decodeKnownGood(before);
      const keep = beforeGood && !failedAll.has(beforeGood.podTemplateHash) ? before : undefined;
      if (keep !== undefined) {
        if (now[KNOWN_GOOD] !== keep) annotations[KNOWN_GOOD] = keep;
      } else if (now[KNOWN_GOOD] !== undefined) annotations[KNOWN_GOOD] = null;
    }
    const failed = mergeFailedTemplates(failedTemplatesOf(t.before), failedNow, good);
    if (failed !== (now[FAILED_TEMPLATES] ?? '')) annotations[FAILED_TEMPLATES] = failed;
    if (Object.keys(annotations).length > 0) await cluster.annotate(t.name, annotations);
  } catch (err) {
    core.warning(`could not record the known-good and failed revisions of deployment/${t.name} (the next run may pick another rollback target): ${(err as Error).message}`);
  }
}

/**
 * The pod template of a failed rollout (the one running imageRef), read before
 * the rollback; recorded after it, so rollback mode never returns to it.
 */
export async function failedTemplate(cluster: Cluster, t: Tracked, image: ImageReference): Promise<string | undefined> {
  try {
    const d = await cluster.deployment(t.name);
    const rs = d && currentReplicaSet(d, await cluster.replicaSets(d));
    const hash = rs && templateHashOf(rs);
    return rs && hash && t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)) ? hash : undefined;
  } catch (err) {
    core.warning(`could not read the failed pod template of deployment/${t.name}: ${(err as Error).message}`);
    return undefined;
  }
}

export const imageList = (images: Record<string, string>): string =>
  Object.entries(images)
    .map(([c, i]) => `${c}=${i}`)
    .join(', ');

/** One deployment to roll back, and how it went. */
export interface RollbackItem {
  t: Tracked;
  target: Target;
  /** The revision number the undo used (looked up by template: an earlier undo may have renumbered it). */
  revision?: number;
  outcome?: 'done' | 'undo-failed' | 'broken' | 'timed-out';
}

/**
 * Rolls the given deployments back, each to its target: `rollout undo
 * --to-revision=<target>` for all of them first (never a blind undo; the
 * number is looked up again by pod template, as an earlier undo may have
 * renumbered it), then one wait for all. The deployment's own state decides:
 * its images equal the target's and its replicas are ready. `kubectl rollout
 * status` is not trusted alone: it can keep reporting a stale
 * ProgressDeadlineExceeded after an undo. With fail-fast a pod of the target
 * template that will not recover ends the wait for that deployment at once.
 */
export async function rollBackAll(cluster: Cluster, items: RollbackItem[], deadline: number, failFast: boolean): Promise<void> {
  const waiting: RollbackItem[] = [];
  for (const item of items) {
    const { t, target } = item;
    try {
      await persist(`rollback of deployment/${t.name}`, deadline, async () => {
        const before = await cluster.deployment(t.name);
        if (!before) throw new Error(`deployment/${t.name} disappeared`);
        const rs = (await cluster.replicaSets(before)).find((r) => templateHashOf(r) === target.podTemplateHash);
        item.revision = (rs && revisionOf(rs)) ?? target.revision;
        core.info(`deployment/${t.name}: rolling back to revision ${item.revision} (${imageList(target.images)})`);
        core.info(await cluster.undo(t.name, item.revision));
      });
      waiting.push(item);
    } catch (err) {
      t.result = 'failed';
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
      const images = imagesOf(d.spec.template);
      const imagesBack = Object.entries(target.images).every(([c, i]) => images[c] === i);
      t.after = d;
      t.revisionAfter = revisionOf(d);
      if (imagesBack && replicasSettled(st)) {
        t.result = 'rolled-back';
        t.rollbackDetail = `back on revision ${t.revisionAfter} (${imageList(target.images)}), ${describeState({ ...st, deadlineExceeded: false })}`;
        t.endedAt = Date.now();
        item.outcome = 'done';
        waiting.splice(waiting.indexOf(item), 1);
        continue;
      }
      const pods = failFast && imagesBack && st.observed ? await cluster.pods(d, target.podTemplateHash).catch(() => []) : [];
      const failure = findPodFailure(pods);
      if (failure) {
        t.result = 'failed';
        t.rollbackDetail = `revision ${item.revision ?? target.revision} (${imageList(target.images)}) does not come up: ${podFailureText(failure)}`;
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
        item.t.rollbackDetail = `rollback to revision ${item.revision ?? item.target.revision} did not complete in time: ${last.get(item.t.name) ?? 'no status'}`;
        item.t.endedAt = Date.now();
        item.outcome = 'timed-out';
      }
      break;
    }
    await sleep(POLL_MS);
  }
}
