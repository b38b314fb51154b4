import type { Cluster } from './cluster.js';
import type { Deployment, Pod, ReplicaSet } from './kube-objects.js';
import { persist } from './persist.js';
import { currentReplicaSet, oldPodsOf, TEMPLATE_HASH, templateHashOf, type OldPods } from './rollout-state.js';

/**
 * The deployment's pods split by template: those of its current ReplicaSet, and the old ones as
 * they really are. With `isNew`, the current ReplicaSet counts only when it is the new one: the
 * revision annotation moves to the new ReplicaSet only once the controller creates it (with
 * Recreate, after the old pods are gone), and until then the old pods are not this rollout's.
 */
export async function livePods(cluster: Cluster, d: Deployment, deadline: number, isNew?: (rs: ReplicaSet) => boolean): Promise<{ fresh: Pod[]; old?: OldPods }> {
  const rs = currentReplicaSet(d, await persist('watch', deadline, () => cluster.replicaSets(d)));
  const hash = rs && (!isNew || isNew(rs)) ? templateHashOf(rs) : undefined;
  if (!hash) return { fresh: [] };
  const pods = await persist('watch', deadline, () => cluster.pods(d));
  return { fresh: pods.filter((p) => p.metadata.labels?.[TEMPLATE_HASH] === hash), old: oldPodsOf(pods, hash) };
}
