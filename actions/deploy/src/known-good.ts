import type { Deployment, ReplicaSet } from './kube-objects.js';
import { currentReplicaSet, imagesOf, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';

/**
 * The rollback target, fixed before any change. The current revision when the
 * deployment is healthy; otherwise the last revision this action saw complete,
 * recorded on the Deployment in an annotation. `rollout undo` renumbers the
 * ReplicaSet it reuses, so the record names the pod template (its
 * pod-template-hash and images), not only a revision number.
 */
export const KNOWN_GOOD = 'secure-delivery.dev/known-good';

/**
 * Pod templates this action saw fail (a rollout it had to roll back), newest
 * last: rollback mode never picks one of them as "the revision before".
 */
export const FAILED_TEMPLATES = 'secure-delivery.dev/failed-templates';
const FAILED_KEPT = 10;

export function failedTemplatesOf(deployment: Deployment): string[] {
  return (deployment.metadata.annotations?.[FAILED_TEMPLATES] ?? '').split(',').filter((h) => h !== '');
}

/**
 * The failed-templates record to write: what was recorded before the step,
 * then what failed now (newest last), without a template that has just
 * completed (good). Written in full, as `rollout undo` replaces the
 * Deployment's annotations with those of the ReplicaSet it returns to.
 */
export function mergeFailedTemplates(before: readonly string[], failedNow: readonly string[], good?: string): string {
  const merged = [...before.filter((h) => !failedNow.includes(h)), ...failedNow.filter((h, i) => failedNow.indexOf(h) === i)];
  return merged
    .filter((h) => h !== good)
    .slice(-FAILED_KEPT)
    .join(',');
}

export interface KnownGood {
  revision: number;
  podTemplateHash: string;
  images: Record<string, string>;
}

export interface Target extends KnownGood {
  source: 'current' | 'recorded';
}

export function encodeKnownGood(k: KnownGood, at: Date): string {
  return JSON.stringify({ revision: k.revision, podTemplateHash: k.podTemplateHash, images: k.images, recordedAt: at.toISOString() });
}

export function decodeKnownGood(value: string | undefined): KnownGood | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<KnownGood>;
    if (typeof v.podTemplateHash !== 'string' || typeof v.revision !== 'number' || typeof v.images !== 'object' || v.images === null) return undefined;
    return { revision: v.revision, podTemplateHash: v.podTemplateHash, images: v.images };
  } catch {
    return undefined;
  }
}

/** What identifies the deployment's current revision, for the record. */
export function knownGoodOf(deployment: Deployment, owned: ReplicaSet[]): KnownGood | undefined {
  const rs = currentReplicaSet(deployment, owned);
  const hash = rs && templateHashOf(rs);
  const revision = rs && revisionOf(rs);
  if (!rs || !hash || revision === undefined) return undefined;
  return { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template) };
}

export interface TargetDecision {
  target?: Target;
  /** Why this target, or why there is none; said in the log before the change. */
  reason: string;
}

export function decideTarget(deployment: Deployment, owned: ReplicaSet[]): TargetDecision {
  const name = `deployment/${deployment.metadata.name}`;
  if (rolloutState(deployment).complete) {
    const current = knownGoodOf(deployment, owned);
    if (current) return { target: { ...current, source: 'current' }, reason: `${name} is healthy: a failed rollout goes back to its current revision ${current.revision}` };
  }
  const recorded = decodeKnownGood(deployment.metadata.annotations?.[KNOWN_GOOD]);
  if (!recorded) {
    return { reason: `${name} is not healthy and has no known-good revision recorded by this action: there will be NO automatic rollback` };
  }
  if (failedTemplatesOf(deployment).includes(recorded.podTemplateHash)) {
    return { reason: `${name} is not healthy and its last known-good template (${recorded.podTemplateHash}) has failed since: there will be NO automatic rollback` };
  }
  const current = currentReplicaSet(deployment, owned);
  if (current && templateHashOf(current) === recorded.podTemplateHash) {
    return { reason: `${name} is not healthy on its last known-good template (${recorded.podTemplateHash}) itself: nothing to go back to, there will be NO automatic rollback` };
  }
  // Find the ReplicaSet that still carries that pod template; its number may have changed.
  const rs = owned.find((r) => templateHashOf(r) === recorded.podTemplateHash);
  const revision = rs && revisionOf(rs);
  if (!rs || revision === undefined) {
    return { reason: `${name} is not healthy and its last known-good template (${recorded.podTemplateHash}) is no longer in its history: there will be NO automatic rollback` };
  }
  return {
    target: { revision, podTemplateHash: recorded.podTemplateHash, images: imagesOf(rs.spec.template), source: 'recorded' },
    reason: `${name} is not healthy: a failed rollout goes back to revision ${revision}, the last one this action saw complete`,
  };
}
