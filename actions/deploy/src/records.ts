import * as core from '@actions/core';
import type { ImageReference } from '../../../src/lib/image-ref.js';
import type { Cluster } from './cluster.js';
import { runsImage } from './deploy-plan.js';
import { decodeKnownGood, encodeKnownGood, FAILED_TEMPLATES, failedTemplatesOf, KNOWN_GOOD, knownGoodOf, mergeFailedTemplates } from './known-good.js';
import type { Tracked } from './outputs.js';
import { currentReplicaSet, imagesOf, templateHashOf } from './rollout-state.js';

/** The records the action keeps on a Deployment (known-good, failed templates), and wordings shared by the phases. */
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
