import * as core from '@actions/core';
import type { ImageReference } from '../../../src/lib/image-ref.js';
import type { Cancellation } from './cancellation.js';
import type { Cluster } from './cluster.js';
import { runsImage } from './deploy-plan.js';
import type { Deployment } from './kube-objects.js';
import { livePods } from './live-pods.js';
import type { Tracked } from './outputs.js';
import { persistAny, secondsLeft } from './persist.js';
import { imageList, podFailureText } from './records.js';
import { describeState, findPodFailure, imagesOf, newestPodState, revisionOf, rolloutState, type OldPods } from './rollout-state.js';

/**
 * The watch phase: one loop for all changed deployments until each is complete, the deadline
 * passes, or (fail-fast) a new pod will not recover. A read that fails is "status unknown",
 * read again until the deadline; it never decides the rollout by itself.
 */
export type WatchOutcome =
  | { kind: 'complete' }
  | { kind: 'failed'; deployment: string; what: string }
  /** Someone else changed the image during the rollout: the template no longer carries this step's image. */
  | { kind: 'foreign'; deployment: string; what: string }
  /** The API server did not answer until the deadline. */
  | { kind: 'unknown'; what: string };

/** The containers still carry this step's image; otherwise who changed them is not this step. */
export function foreignChange(t: Tracked, d: Deployment, image: ImageReference): string | undefined {
  const images = imagesOf(d.spec.template);
  const other = t.containers.filter((c) => !runsImage(images[c], image));
  if (other.length === 0) return undefined;
  return `deployment/${t.name} was changed by someone else during the rollout: it now runs ${other.map((c) => `${c}=${images[c] ?? 'no such container'}`).join(', ')}, not this step's image`;
}

export async function watchPhase(cluster: Cluster, tracked: Tracked[], image: ImageReference, deadline: number, failFast: boolean, timeoutMs: number, cancel: Cancellation): Promise<WatchOutcome> {
  const pending = new Map(tracked.filter((t) => t.changed).map((t) => [t.name, t]));
  const lastLine = new Map<string, string>();
  return core.group(`Watch the rollout of ${[...pending.keys()].map((n) => `deployment/${n}`).join(', ')}`, async (): Promise<WatchOutcome> => {
    try {
      while (pending.size > 0) {
        if (cancel.reason) return { kind: 'failed', deployment: [...pending.keys()][0] as string, what: `${cancel.reason} while ${[...pending.keys()].map((n) => `deployment/${n}`).join(', ')} rolled out` };
        const current = await persistAny('watch', deadline, () => cluster.deployments([...pending.keys()]));
        for (const [name, t] of pending) {
          const d = current.get(name);
          if (!d) return { kind: 'failed', deployment: name, what: `deployment/${name} disappeared during the rollout` };
          const foreign = foreignChange(t, d, image);
          if (foreign) {
            t.after = d;
            t.revisionAfter = revisionOf(d);
            return { kind: 'foreign', deployment: name, what: foreign };
          }
          const st = rolloutState(d);
          if (st.complete) {
            t.revisionAfter = revisionOf(d);
            t.after = d;
            core.info(`deployment/${name}: rollout complete, revision ${t.revisionAfter} (${describeState(st)}; ${imageList(imagesOf(d.spec.template))})`);
            pending.delete(name);
            continue;
          }
          if (st.observed && st.deadlineExceeded) {
            const cond = d.status?.conditions?.find((c) => c.type === 'Progressing');
            return { kind: 'failed', deployment: name, what: `deployment/${name} exceeded its progress deadline: ${cond?.message ?? 'ProgressDeadlineExceeded'}` };
          }
          let podLine = '';
          let old: OldPods | undefined;
          if (st.observed) {
            const live = await livePods(cluster, d, deadline, (rs) => t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)));
            const failure = failFast ? findPodFailure(live.fresh) : undefined;
            if (failure) return { kind: 'failed', deployment: name, what: `deployment/${name}: ${podFailureText(failure)}` };
            podLine = newestPodState(live.fresh) ?? '';
            old = live.old;
          }
          const line = `deployment/${name}: ${describeState(st, old)}${podLine ? `; ${podLine}` : ''}`;
          if (lastLine.get(name) !== line) {
            core.info(`${line} (${secondsLeft(deadline)})`);
            lastLine.set(name, line);
          }
        }
        if (pending.size === 0) break;
        if (Date.now() >= deadline) {
          const names = [...pending.keys()].map((n) => `deployment/${n} (${lastLine.get(n) ?? 'no status yet'})`);
          return { kind: 'failed', deployment: [...pending.keys()][0] as string, what: `timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${names.join(', ')}` };
        }
        await cancel.sleep(1000);
      }
      return { kind: 'complete' };
    } catch (err) {
      if (cancel.reason) return { kind: 'failed', deployment: [...pending.keys()][0] as string, what: `${cancel.reason} while the rollout's status could not be read` };
      return { kind: 'unknown', what: (err as Error).message.trim().split('\n').pop() ?? '' };
    }
  });
}

/** After the status was unknown until the deadline: read each changed deployment once the API server answers. */
export async function confirmAfterOutage(cluster: Cluster, toChange: Tracked[], image: ImageReference, deadline: number): Promise<{ complete: boolean; foreign?: Tracked; state?: string }> {
  const states: string[] = [];
  let complete = true;
  for (const t of toChange.filter((x) => x.changed)) {
    const d = await persistAny(`deployment/${t.name}`, deadline, () => cluster.deployment(t.name)).catch(() => undefined);
    if (!d) return { complete: false, state: states.join('; ') || undefined };
    const st = rolloutState(d);
    t.after = d;
    t.revisionAfter = revisionOf(d);
    const foreign = foreignChange(t, d, image);
    if (foreign) return { complete: false, foreign: t, state: foreign };
    states.push(`deployment/${t.name} on the new image, ${describeState(st)}`);
    if (!st.complete) complete = false;
  }
  core.info(states.join('\n'));
  return { complete, state: states.join('; ') };
}
