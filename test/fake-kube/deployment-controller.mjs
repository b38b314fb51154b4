// The deployment controller, after kubernetes pkg/controller/deployment (sync.go, rolling.go,
// recreate.go, progress.go and util/deployment_util.go): one ReplicaSet per pod template, the
// revision annotations, rolling updates bounded by maxSurge/maxUnavailable, status and the
// Available/Progressing conditions with the progress deadline.
import { canonicalJson, clone, deepEqual, fnv32a, intOrPercent, isoSeconds, safeEncode } from './util.mjs';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const HASH_LABEL = 'pod-template-hash';
const MAX_INT32 = 2147483647;
const MAX_REV_HISTORY_CHARS = 2000;

/** Annotations the controller never copies from a Deployment onto its ReplicaSets. */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED, MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

const replicasOf = (x) => x?.spec?.replicas ?? 0;
const revisionOf = (rs) => {
  const n = Number.parseInt(rs?.metadata?.annotations?.[REVISION] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
};
const byCreation = (a, b) =>
  a.metadata.creationTimestamp === b.metadata.creationTimestamp
    ? a.metadata.name.localeCompare(b.metadata.name)
    : a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1;

function isRolling(d) {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** deploymentutil.ResolveFenceposts: surge rounds up, unavailable down, never both zero. */
function fenceposts(d) {
  const desired = replicasOf(d);
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = intOrPercent(ru.maxSurge ?? '25%', desired, true);
  let unavailable = intOrPercent(ru.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d) {
  return isRolling(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d) {
  if (!isRolling(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicasOf(d));
}

const hasProgressDeadline = (d) => d.spec.progressDeadlineSeconds != null && d.spec.progressDeadlineSeconds !== MAX_INT32;

function templateWithoutHash(t) {
  const c = clone(t ?? {});
  if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL];
  return c;
}

/** deploymentutil.EqualIgnoreHash */
export function equalIgnoreHash(a, b) {
  return deepEqual(templateWithoutHash(a), templateWithoutHash(b));
}

/** controller.ComputeHash rendered the way pod-template-hash labels look. */
export function computeHash(template, collisionCount) {
  const h = fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ''));
  return safeEncode(String(h));
}

export function getCondition(status, type) {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

function newCondition(type, status, reason, message) {
  const now = isoSeconds();
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** deploymentutil.SetDeploymentCondition: same status and reason is a no-op. */
function setCondition(status, cond) {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return false;
  if (current && current.status === cond.status) cond.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), cond];
  return true;
}

function removeCondition(status, type) {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

const sum = (list, f) => list.reduce((n, x) => n + (x ? f(x) : 0), 0);

/** Deployment status omits zero counts (omitempty). */
function compactStatus(s) {
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount']) {
    if (!s[k]) delete s[k];
  }
  if (!s.conditions?.length) delete s.conditions;
  return s;
}

function deploymentComplete(d, s) {
  const want = replicasOf(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= d.metadata.generation;
}

function deploymentProgressing(d, s) {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/**
 * @typedef {{ store: import('./store.mjs').Store, res: Record<string, any>, timeScale: number,
 *   event: (obj: Record<string, any>, type: string, reason: string, message: string, component: string) => void,
 *   progressMs: Map<string, number> }} Ctx
 */

export class DeploymentController {
  /** @param {Ctx} ctx */
  constructor(ctx) {
    this.ctx = ctx;
  }

  get store() {
    return this.ctx.store;
  }

  syncAll() {
    for (const d of this.store.peekAll(this.ctx.res.deployments)) {
      if (d.metadata.deletionTimestamp) continue;
      this.sync(clone(d));
    }
  }

  ownedReplicaSets(d) {
    return this.store
      .peekAll(this.ctx.res.replicasets, d.metadata.namespace)
      .filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === d.metadata.uid))
      .map(clone)
      .sort(byCreation);
  }

  updateDeployment(d) {
    const saved = this.store.update(this.ctx.res.deployments, d);
    return saved;
  }

  sync(d) {
    const rsList = this.ownedReplicaSets(d);
    d.status ??= {};
    // checkPausedConditions
    if (hasProgressDeadline(d)) {
      const cond = getCondition(d.status, 'Progressing');
      const paused = Boolean(d.spec.paused);
      let changed = false;
      if (paused && cond?.reason !== 'DeploymentPaused') {
        changed = setCondition(d.status, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused'));
      } else if (!paused && cond?.reason === 'DeploymentPaused') {
        changed = setCondition(d.status, newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed'));
      }
      if (changed) {
        this.ctx.progressMs.set(d.metadata.uid, Date.now());
        d = this.updateDeployment(d);
      }
    }
    if (d.spec.paused) {
      this.syncPausedOrScaling(d, rsList);
      return;
    }
    if (isRolling(d)) this.rolloutRolling(d, rsList);
    else this.rolloutRecreate(d, rsList);
  }

  /** dc.sync for a paused deployment: no new ReplicaSet, scale the only active one, update status. */
  syncPausedOrScaling(d, rsList) {
    const { newRS, oldRSs, deployment } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    d = deployment;
    const active = [newRS, ...oldRSs].filter((rs) => rs && replicasOf(rs) > 0);
    if (active.length === 1 && replicasOf(active[0]) !== replicasOf(d)) {
      this.scaleReplicaSet(active[0], replicasOf(d), d);
    } else if (active.length === 0 && newRS) {
      this.scaleReplicaSet(newRS, replicasOf(d), d);
    }
    const status = this.calculateStatus([newRS, ...oldRSs], newRS, d);
    if (!deepEqual(d.status, status)) {
      d.status = status;
      this.updateDeployment(d);
    }
  }

  /** getAllReplicaSetsAndSyncRevision + getNewReplicaSet */
  getAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted) {
    const existing = rsList.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    const { store } = this;
    const R = this.ctx.res;
    if (existing) {
      const copy = clone(existing);
      const annotationsUpdated = this.setNewReplicaSetAnnotations(d, copy, newRevision, true);
      const minReadyUpdate = (copy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyUpdate) {
        if (d.spec.minReadySeconds) copy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete copy.spec.minReadySeconds;
        return { newRS: store.update(R.replicasets, copy), oldRSs, deployment: d };
      }
      let needsUpdate = setDeploymentRevision(d, copy.metadata.annotations?.[REVISION]);
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        setCondition(d.status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${copy.metadata.name}"`));
        this.ctx.progressMs.set(d.metadata.uid, Date.now());
        needsUpdate = true;
      }
      if (needsUpdate) d = this.updateDeployment(d);
      return { newRS: copy, oldRSs, deployment: d };
    }
    if (!createIfNotExisted) return { newRS: undefined, oldRSs, deployment: d };

    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    const template = clone(d.spec.template);
    template.metadata ??= {};
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: clone(template.metadata.labels),
        annotations: {},
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 0, selector, template },
      status: { replicas: 0 },
    };
    if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
    rs.spec.replicas = this.newRSNewReplicas(d, [...oldRSs, rs], rs);
    this.setNewReplicaSetAnnotations(d, rs, newRevision, false);
    const created = store.create(R.replicasets, rs);
    if (replicasOf(created) > 0) {
      this.ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicasOf(created)}`, 'deployment-controller');
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (hasProgressDeadline(d)) {
      setCondition(d.status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`));
      this.ctx.progressMs.set(d.metadata.uid, Date.now());
      needsUpdate = true;
    }
    if (needsUpdate) d = this.updateDeployment(d);
    return { newRS: created, oldRSs, deployment: d };
  }

  /** deploymentutil.SetNewReplicaSetAnnotations */
  setNewReplicaSetAnnotations(d, rs, newRevision, exists) {
    rs.metadata.annotations ??= {};
    const a = rs.metadata.annotations;
    let changed = false;
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
      if (SKIP_COPY.has(k) || a[k] === v) continue;
      a[k] = v;
      changed = true;
    }
    const hadRevision = REVISION in a;
    const oldRevision = a[REVISION] ?? '';
    let oldInt = 0;
    if (oldRevision !== '') {
      oldInt = Number.parseInt(oldRevision, 10);
      if (!Number.isFinite(oldInt)) return false;
    }
    const newInt = Number.parseInt(newRevision, 10);
    if (oldInt < newInt) {
      a[REVISION] = newRevision;
      changed = true;
    }
    // A ReplicaSet that gets a new revision is a rollback target being reused: keep its old numbers.
    if (hadRevision && oldInt < newInt) {
      const history = a[REVISION_HISTORY] ?? '';
      let olds = history.split(',');
      if (olds[0].length === 0) {
        a[REVISION_HISTORY] = oldRevision;
      } else {
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < olds.length) {
          total -= olds[start].length + 1;
          start++;
        }
        if (total <= MAX_REV_HISTORY_CHARS) {
          olds = [...olds.slice(start), oldRevision];
          a[REVISION_HISTORY] = olds.join(',');
        }
      }
    }
    if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
    return changed;
  }

  /** deploymentutil.NewRSNewReplicas */
  newRSNewReplicas(d, allRSs, newRS) {
    if (!isRolling(d)) return replicasOf(d);
    const current = sum(allRSs, replicasOf);
    const maxTotal = replicasOf(d) + maxSurge(d);
    if (current >= maxTotal) return replicasOf(newRS);
    const up = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
    return replicasOf(newRS) + up;
  }

  /** dc.scaleReplicaSet; returns whether the size changed. Mutates `rs` to the stored copy. */
  scaleReplicaSet(rs, newScale, d) {
    const oldScale = replicasOf(rs);
    const sizeChanged = oldScale !== newScale;
    const copy = clone(rs);
    const annotationsChanged = setReplicasAnnotations(copy, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (!sizeChanged && !annotationsChanged) return false;
    copy.spec.replicas = newScale;
    const saved = this.store.update(this.ctx.res.replicasets, copy);
    Object.assign(rs, saved);
    if (sizeChanged) {
      const op = newScale > oldScale ? 'up' : 'down';
      this.ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`, 'deployment-controller');
    }
    return sizeChanged;
  }

  rolloutRolling(d, rsList) {
    const got = this.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    d = got.deployment;
    const { newRS, oldRSs } = got;
    const allRSs = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(allRSs, newRS, d)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (this.reconcileOldReplicaSets(allRSs, oldRSs.filter((rs) => replicasOf(rs) > 0), newRS, d)) {
      return this.syncRolloutStatus(allRSs, newRS, d);
    }
    if (deploymentComplete(d, d.status ?? {})) this.cleanup(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }

  reconcileNewReplicaSet(allRSs, newRS, d) {
    if (replicasOf(newRS) === replicasOf(d)) return false;
    if (replicasOf(newRS) > replicasOf(d)) return this.scaleReplicaSet(newRS, replicasOf(d), d);
    return this.scaleReplicaSet(newRS, this.newRSNewReplicas(d, allRSs, newRS), d);
  }

  reconcileOldReplicaSets(allRSs, oldRSs, newRS, d) {
    const oldPods = sum(oldRSs, replicasOf);
    if (oldPods === 0) return false;
    const allPods = sum(allRSs, replicasOf);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;

    // cleanupUnhealthyReplicas: scale down old replicas that are not available first.
    let cleaned = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      if (replicasOf(rs) === 0) continue;
      const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
      if (unhealthy <= 0) continue;
      const down = Math.min(maxScaledDown - cleaned, unhealthy);
      this.scaleReplicaSet(rs, replicasOf(rs) - down, d);
      cleaned += down;
    }

    // scaleDownOldReplicaSetsForRollingUpdate: keep at least minAvailable available pods.
    let scaledDown = 0;
    const available = sum(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
    if (available > minAvailable) {
      const total = available - minAvailable;
      for (const rs of [...oldRSs].sort(byCreation)) {
        if (scaledDown >= total) break;
        if (replicasOf(rs) === 0) continue;
        const down = Math.min(replicasOf(rs), total - scaledDown);
        this.scaleReplicaSet(rs, replicasOf(rs) - down, d);
        scaledDown += down;
      }
    }
    return cleaned + scaledDown > 0;
  }

  rolloutRecreate(d, rsList) {
    let got = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    d = got.deployment;
    let scaled = false;
    for (const rs of got.oldRSs) {
      if (replicasOf(rs) > 0) scaled = this.scaleReplicaSet(rs, 0, d) || scaled;
    }
    const statusFor = () => this.syncRolloutStatus([...got.oldRSs, got.newRS], got.newRS, d);
    if (scaled) return statusFor();
    const oldUids = new Set(got.oldRSs.map((rs) => rs.metadata.uid));
    const oldPodsRunning = this.store
      .peekAll(this.ctx.res.pods, d.metadata.namespace)
      .some((p) => (p.metadata.ownerReferences ?? []).some((o) => oldUids.has(o.uid)) && !['Failed', 'Succeeded'].includes(p.status?.phase));
    if (oldPodsRunning) return statusFor();
    if (!got.newRS) {
      got = this.getAllReplicaSetsAndSyncRevision(d, this.ownedReplicaSets(d), true);
      d = got.deployment;
    }
    this.scaleReplicaSet(got.newRS, replicasOf(d), d);
    if (deploymentComplete(d, d.status ?? {})) this.cleanup(got.oldRSs, d);
    return statusFor();
  }

  /** Keep revisionHistoryLimit old ReplicaSets with nothing running, delete the oldest others. */
  cleanup(oldRSs, d) {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const alive = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
    const diff = alive.length - limit;
    if (diff <= 0) return;
    alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of alive.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.store.remove(this.ctx.res.replicasets, rs.metadata.namespace, rs.metadata.name);
    }
  }

  calculateStatus(allRSs, newRS, d) {
    const rss = allRSs.filter(Boolean);
    const available = sum(rss, (rs) => rs.status?.availableReplicas ?? 0);
    const total = sum(rss, replicasOf);
    /** @type {Record<string, any>} */
    const status = {
      observedGeneration: d.metadata.generation,
      replicas: sum(rss, (rs) => rs.status?.replicas ?? 0),
      updatedReplicas: newRS ? newRS.status?.replicas ?? 0 : 0,
      readyReplicas: sum(rss, (rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
      conditions: clone(d.status?.conditions ?? []),
    };
    if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
    if (available >= replicasOf(d) - maxUnavailable(d)) {
      setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'));
    } else {
      setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'));
    }
    return status;
  }

  /** progress.go syncRolloutStatus */
  syncRolloutStatus(allRSs, newRS, d) {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === 'NewReplicaSetAvailable';
    // Progressing.lastUpdateTime has second precision; the deadline is measured from this instead.
    let progressWritten = false;
    if (hasProgressDeadline(d) && !isComplete) {
      const rsName = newRS?.metadata?.name;
      if (deploymentComplete(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        progressWritten = setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg));
      } else if (deploymentProgressing(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const cond = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg);
        if (current) {
          if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
          removeCondition(status, 'Progressing');
        }
        progressWritten = setCondition(status, cond);
      } else if (this.timedOut(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        progressWritten = setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', msg));
      }
    }
    compactStatus(status);
    const before = compactStatus(clone(d.status ?? {}));
    if (progressWritten) this.ctx.progressMs.set(d.metadata.uid, Date.now());
    if (deepEqual(before, status)) return;
    d.status = status;
    this.updateDeployment(d);
  }

  /** deploymentutil.DeploymentTimedOut, with the deadline scaled by timeScale. */
  timedOut(d, status) {
    const cond = getCondition(status, 'Progressing');
    if (!cond) return false;
    if (cond.reason === 'NewReplicaSetAvailable') return false;
    if (cond.reason === 'ProgressDeadlineExceeded') return true;
    const from = this.ctx.progressMs.get(d.metadata.uid) ?? Date.parse(cond.lastUpdateTime);
    return from + d.spec.progressDeadlineSeconds * 1000 * this.ctx.timeScale < Date.now();
  }
}

function setDeploymentRevision(d, revision) {
  if (revision === undefined) return false;
  d.metadata.annotations ??= {};
  if (d.metadata.annotations[REVISION] === revision) return false;
  d.metadata.annotations[REVISION] = revision;
  return true;
}

function setReplicasAnnotations(rs, desired, max) {
  rs.metadata.annotations ??= {};
  const a = rs.metadata.annotations;
  const d = String(desired);
  const m = String(max);
  if (a[DESIRED] === d && a[MAX_REPLICAS] === m) return false;
  a[DESIRED] = d;
  a[MAX_REPLICAS] = m;
  return true;
}
