import * as core from '@actions/core';
import { isTransientKubectlError } from '../../../src/lib/kubectl.js';
import { sleep } from '../../../src/lib/retry.js';
import type { Cancellation } from './cancellation.js';
import { changeCause } from './change-cause.js';
import type { Cluster } from './cluster.js';
import { COMMIT } from './commit-order.js';
import { runsImage } from './deploy-plan.js';
import type { ImageReference } from '../../../src/lib/image-ref.js';
import type { Tracked } from './outputs.js';
import { persist, persistAny, POLL_MS } from './persist.js';
import { imagesOf, revisionOf } from './rollout-state.js';
import { NotApplied } from './run-state.js';

/**
 * The change phase: `kubectl set image` on each deployment, then the change-cause and the
 * commit on it. A write whose answer was lost (a dropped connection, a timeout) is not a
 * failed write: the Deployment is read before deciding.
 */

/** The write could not be confirmed either way: the API server stopped answering. */
export class Unconfirmed extends Error {
  constructor(
    readonly deployment: string,
    message: string,
  ) {
    super(message);
  }
}

/** What kubectl said, without our "kubectl ... failed (exit N):" prefix. */
const lastLine = (err: unknown): string => ((err as Error).message.replace(/^kubectl [\s\S]*? failed \(exit \d+\): /, '').trim().split('\n').pop() ?? '');

/** Sets the image, reading the Deployment after any failure: landed, refused, or retried while it can be. */
async function applyImage(cluster: Cluster, t: Tracked, image: ImageReference, imageRef: string, deadline: number): Promise<void> {
  for (;;) {
    let failed: unknown;
    try {
      await cluster.setImage(t.name, Object.fromEntries(t.containers.map((c) => [c, imageRef])));
      return;
    } catch (err) {
      failed = err;
    }
    let d;
    try {
      d = await persistAny(`deployment/${t.name}`, deadline, () => cluster.deployment(t.name));
    } catch (readErr) {
      throw new Unconfirmed(t.name, `kubectl set image reported ${lastLine(failed)}, and the Deployment could not be read until the timeout (${lastLine(readErr)}): status unknown`);
    }
    if (d) {
      t.after = d;
      t.revisionAfter = revisionOf(d);
    }
    if (d && t.containers.every((c) => runsImage(imagesOf(d.spec.template)[c], image))) {
      core.info(`deployment/${t.name}: kubectl set image reported ${lastLine(failed)}, but the Deployment carries the new image: the change landed`);
      return;
    }
    // Not there. A refusal (403, 409, 422) is the answer; a lost connection is tried again while there is time.
    if (!d || !isTransientKubectlError((failed as Error).message) || Date.now() >= deadline) throw new NotApplied(t.name, (failed as Error).message);
    core.info(`deployment/${t.name}: kubectl set image: transient API error (${lastLine(failed)}) and the change is not there: sending it again`);
    await sleep(POLL_MS);
  }
}

export async function changePhase(cluster: Cluster, toChange: Tracked[], image: ImageReference, imageRef: string, deadline: number, cancel: Cancellation): Promise<void> {
  await core.group('Change', async () => {
    for (const t of toChange) {
      if (cancel.reason) break;
      t.changed = true; // from here on it may have changed, so a rollback must consider it
      t.startedAt = Date.now();
      try {
        await applyImage(cluster, t, image, imageRef, deadline);
      } catch (err) {
        if (err instanceof NotApplied) {
          // Refused: this deployment was not changed, so there is nothing to roll back on it.
          t.changed = false;
          t.result = 'failed';
          t.rollbackDetail = 'the change was not applied: nothing to roll back';
          t.endedAt = Date.now();
        }
        throw err;
      }
      // The change-cause and commit are records, not the change: the image is set, so failing to
      // annotate (an outage, say) must not turn a rollout into a failure. The watch decides.
      const records: Record<string, string> = { 'kubernetes.io/change-cause': changeCause(imageRef, process.env) };
      if (process.env.GITHUB_SHA) records[COMMIT] = process.env.GITHUB_SHA;
      await persist(`deployment/${t.name}`, deadline, () => cluster.annotate(t.name, records)).catch((err: unknown) => {
        core.warning(`deployment/${t.name}: could not set kubernetes.io/change-cause (${lastLine(err)}); watching the rollout all the same`);
      });
      core.info(`deployment/${t.name}: ${t.containers.map((c) => `${c}: ${t.imagesBefore[c]} -> ${imageRef}`).join('; ')}`);
    }
  });
}
