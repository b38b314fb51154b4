import type { Container, Deployment, Pod, PodTemplate, ReplicaSet } from './kube-objects.js';

/** Pure reading of Deployment, ReplicaSet and Pod state: health, revisions, failing pods. */
export const REVISION = 'deployment.kubernetes.io/revision';
export const TEMPLATE_HASH = 'pod-template-hash';

export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata.annotations?.[REVISION];
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

/** The pod template's containers, then its init containers (names are unique across both; `set image` takes either). */
export function containersOf(template: PodTemplate): Container[] {
  return [...(template.spec?.containers ?? []), ...(template.spec?.initContainers ?? [])];
}

export function imagesOf(template: PodTemplate): Record<string, string> {
  return Object.fromEntries(containersOf(template).map((c) => [c.name, c.image]));
}

export interface RolloutState {
  desired: number;
  updated: number;
  ready: number;
  available: number;
  total: number;
  /** The controller has seen the latest spec. */
  observed: boolean;
  deadlineExceeded: boolean;
  /** Every replica runs the current template, ready and available; no old pods left. */
  complete: boolean;
  paused: boolean;
}

/**
 * What `kubectl rollout status` checks, and a bit more: ready replicas too, and
 * the Progressing condition's ProgressDeadlineExceeded reason.
 */
export function rolloutState(d: Deployment): RolloutState {
  const s = d.status ?? {};
  const desired = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const ready = s.readyReplicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const total = s.replicas ?? 0;
  const observed = (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  const deadlineExceeded = progressing?.reason === 'ProgressDeadlineExceeded';
  const settled = observed && updated === desired && ready >= desired && available >= desired && total === desired;
  return { desired, updated, ready, available, total, observed, deadlineExceeded, complete: settled && !deadlineExceeded, paused: d.spec.paused === true };
}

/** Settled replicas, whatever the Progressing condition says (it can stay stale after an undo). */
export function replicasSettled(state: RolloutState): boolean {
  return state.observed && state.updated === state.desired && state.ready >= state.desired && state.available >= state.desired && state.total === state.desired;
}

/** The pods of earlier revisions, as they really are: still serving (ready), not ready, or terminating. */
export interface OldPods {
  serving: number;
  notReady: number;
  terminating: number;
}

function podReady(pod: Pod): boolean {
  const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (cond) return cond.status === 'True';
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.length > 0 && statuses.every((c) => c.ready === true);
}

/** Splits the deployment's pods that do not run the current template (pod-template-hash) by their real state. */
export function oldPodsOf(pods: Pod[], currentHash: string): OldPods {
  const old = pods.filter((p) => p.metadata.labels?.[TEMPLATE_HASH] !== currentHash);
  const terminating = old.filter((p) => p.metadata.deletionTimestamp !== undefined && p.metadata.deletionTimestamp !== null);
  const live = old.filter((p) => !terminating.includes(p));
  const serving = live.filter(podReady).length;
  return { serving, notReady: live.length - serving, terminating: terminating.length };
}

/**
 * One line of state. With the old pods read (oldPodsOf) they are worded as
 * they are; from the Deployment status alone only their number is known
 * (status.replicas counts the pods of every ReplicaSet that are not being
 * deleted), so they are "left", never guessed to be terminating.
 */
export function describeState(s: RolloutState, old?: OldPods): string {
  let oldPart = '';
  if (old) {
    const parts = [
      old.serving > 0 ? `${old.serving} old pod(s) still serving` : '',
      old.notReady > 0 ? `${old.notReady} old pod(s) not ready` : '',
      old.terminating > 0 ? `${old.terminating} old pod(s) terminating` : '',
    ].filter((p) => p !== '');
    oldPart = parts.length > 0 ? `, ${parts.join(', ')}` : '';
  } else if (s.total > s.updated) {
    oldPart = `, ${s.total - s.updated} old pod(s) left`;
  }
  return `${s.updated}/${s.desired} updated, ${s.ready}/${s.desired} ready, ${s.available}/${s.desired} available${oldPart}${s.deadlineExceeded ? ', progress deadline exceeded' : ''}${s.observed ? '' : ', change not yet observed'}`;
}

export function ownedBy(deployment: Deployment, replicaSets: ReplicaSet[]): ReplicaSet[] {
  const uid = deployment.metadata.uid;
  return replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && (uid ? o.uid === uid : o.name === deployment.metadata.name)));
}

/** The ReplicaSet of the deployment's current revision (the "new" one). */
export function currentReplicaSet(deployment: Deployment, owned: ReplicaSet[]): ReplicaSet | undefined {
  const rev = revisionOf(deployment);
  return rev === undefined ? undefined : owned.find((rs) => revisionOf(rs) === rev);
}

export function templateHashOf(rs: ReplicaSet): string | undefined {
  return rs.metadata.labels?.[TEMPLATE_HASH] ?? rs.spec.template.metadata?.labels?.[TEMPLATE_HASH];
}

/** The revision before the current one: the highest revision below it whose pod template is not in skip. */
export function previousRevision(deployment: Deployment, owned: ReplicaSet[], skip: readonly string[] = []): number | undefined {
  const current = revisionOf(deployment) ?? Number.MAX_SAFE_INTEGER;
  const older = owned
    .filter((rs) => !skip.includes(templateHashOf(rs) ?? ''))
    .map(revisionOf)
    .filter((r): r is number => r !== undefined && r < current);
  return older.length ? Math.max(...older) : undefined;
}

export const FAILING_REASONS = ['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'InvalidImageName', 'RunContainerError'] as const;

export interface PodFailure {
  pod: string;
  container: string;
  reason: string;
  message: string;
}

/** The first pod (of the given ones) with a container in a state that will not recover by waiting. */
export function findPodFailure(pods: Pod[]): PodFailure | undefined {
  for (const pod of [...pods].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const cs of statuses) {
      const reason = cs.state?.waiting?.reason;
      if (reason && (FAILING_REASONS as readonly string[]).includes(reason)) {
        return { pod: pod.metadata.name, container: cs.name, reason, message: cs.state?.waiting?.message ?? '' };
      }
    }
  }
  return undefined;
}

/** One line about the newest pod, for progress logs. */
export function newestPodState(pods: Pod[]): string | undefined {
  const pod = [...pods].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || b.metadata.name.localeCompare(a.metadata.name))[0];
  if (!pod) return undefined;
  const cs = pod.status?.containerStatuses?.[0];
  const state = cs?.state?.waiting?.reason ?? (cs?.state?.terminated ? `terminated (${cs.state.terminated.reason ?? cs.state.terminated.exitCode})` : cs?.state?.running ? (cs.ready ? 'running, ready' : 'running, not ready') : pod.status?.phase ?? 'pending');
  return `newest pod ${pod.metadata.name}: ${state}`;
}
