// The simulated cluster: storage plus the control loops that a real cluster runs (deployment and
// replicaset controllers, garbage collector, namespace lifecycle, a kubelet and its events).
import { applyDefaults } from './defaults.mjs';
import { DeploymentController } from './deployment-controller.mjs';
import { containerView, podStatus, resolveBehavior } from './kubelet.mjs';
import { RESOURCES } from './resources.mjs';
import { Store } from './store.mjs';
import { clone, deepEqual, isoSeconds, randomSuffix } from './util.mjs';

export const NODE_NAME = 'fake-kube-node';
const HOST_IP = '172.18.0.2';
const TERMINATION_MS = 800; // how long a deleted pod stays Terminating (nominal)
const EVENT_LIMIT = 3000;
const SEED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** @typedef {import('./kubelet.mjs').ImageBehavior} ImageBehavior */
/**
 * @typedef {{ startMs: number, containers: { name: string, image: string, behavior: ImageBehavior }[],
 *   podIP: string, readySinceMs?: number, deleteAtMs?: number, keys: Record<string, string> }} PodRecord
 */

const isReady = (p) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const isActive = (p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase);
const controllerOf = (o) => (o.metadata.ownerReferences ?? []).find((r) => r.controller);

export class Cluster {
  /** @param {{ timeScale?: number }} [opts] */
  constructor({ timeScale = 1 } = {}) {
    this.timeScale = timeScale > 0 ? timeScale : 1;
    this.store = new Store();
    /** @type {Map<string, ImageBehavior>} */
    this.images = new Map();
    /** @type {Map<string, PodRecord>} */
    this.pods = new Map();
    /** @type {Map<string, number>} */
    this.progressMs = new Map();
    /** @type {Map<string, string>} event aggregation key -> event name */
    this.eventKeys = new Map();
    this.ipCounter = 0;
    this.eventSeq = 0;
    /** @type {Record<string, import('./resources.mjs').ResourceType>} */
    this.res = Object.fromEntries(RESOURCES.map((r) => [r.resource, r]));
    this.deployments = new DeploymentController({
      store: this.store,
      res: this.res,
      timeScale: this.timeScale,
      progressMs: this.progressMs,
      event: (obj, type, reason, message, component) => this.event(obj, type, reason, message, component),
    });
    this.seed();
  }

  reset() {
    this.store.reset();
    this.images.clear();
    this.pods.clear();
    this.progressMs.clear();
    this.eventKeys.clear();
    this.seed();
  }

  seed() {
    for (const name of SEED_NAMESPACES) {
      const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      applyDefaults('namespaces', ns);
      this.store.create(this.res.namespaces, ns);
    }
  }

  /** One pass of every control loop. Each loop acts on what the previous ones wrote. */
  tick() {
    this.deployments.syncAll();
    this.syncReplicaSets();
    this.runKubelet();
    this.collectGarbage();
    this.finalizeNamespaces();
  }

  /** Record (or count again) an Event about `obj`. */
  event(obj, type, reason, message, component, fieldPath) {
    const ns = obj.metadata.namespace || 'default';
    const key = `${obj.metadata.uid}|${type}|${reason}|${message}|${fieldPath ?? ''}`;
    const now = isoSeconds();
    const existingName = this.eventKeys.get(key);
    const existing = existingName && this.store.get(this.res.events, ns, existingName);
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      existing.lastTimestamp = now;
      this.store.update(this.res.events, existing);
      return;
    }
    // As client-go names events: object name and the time in nanoseconds, in hex.
    const nanos = BigInt(Date.now()) * 1_000_000n + BigInt(++this.eventSeq % 1_000_000);
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    /** @type {Record<string, any>} */
    const involvedObject = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata.resourceVersion };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const host = component === 'kubelet' ? NODE_NAME : undefined;
    this.store.create(this.res.events, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject,
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: host ?? '',
    });
    this.eventKeys.set(key, name);
    const all = this.store.peekAll(this.res.events);
    if (all.length > EVENT_LIMIT) {
      const oldest = all[0];
      this.store.remove(this.res.events, oldest.metadata.namespace, oldest.metadata.name);
    }
  }

  // --- replicaset controller -------------------------------------------------------------

  podsOf(owner) {
    return this.store
      .peekAll(this.res.pods, owner.metadata.namespace)
      .filter((p) => controllerOf(p)?.uid === owner.metadata.uid);
  }

  isAvailable(pod, minReadySeconds) {
    if (!isReady(pod)) return false;
    if (!minReadySeconds) return true;
    const rec = this.pods.get(pod.metadata.uid);
    const since = rec?.readySinceMs ?? Date.now();
    return since + minReadySeconds * 1000 * this.timeScale <= Date.now();
  }

  syncReplicaSets() {
    for (const stored of this.store.peekAll(this.res.replicasets)) {
      if (stored.metadata.deletionTimestamp) continue;
      const rs = clone(stored);
      const want = rs.spec.replicas ?? 1;
      const active = this.podsOf(rs).filter(isActive);
      if (active.length < want) {
        for (let i = active.length; i < want; i++) {
          const pod = this.createPod(rs);
          this.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'replicaset-controller');
        }
      } else if (active.length > want) {
        for (const victim of rankForDeletion(active).slice(0, active.length - want)) {
          this.deletePod(victim);
          this.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${victim.metadata.name}`, 'replicaset-controller');
        }
      }
      const now = this.podsOf(rs).filter(isActive);
      const templateLabels = rs.spec.template?.metadata?.labels ?? {};
      /** @type {Record<string, any>} */
      const status = {
        replicas: now.length,
        fullyLabeledReplicas: now.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
        readyReplicas: now.filter(isReady).length,
        availableReplicas: now.filter((p) => this.isAvailable(p, rs.spec.minReadySeconds)).length,
        observedGeneration: rs.metadata.generation,
      };
      for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (!status[k]) delete status[k];
      if (!deepEqual(rs.status, status)) {
        rs.status = status;
        this.store.update(this.res.replicasets, rs);
      }
    }
  }

  createPod(rs) {
    const t = clone(rs.spec.template);
    const spec = t.spec ?? {};
    const sa = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${rs.metadata.name.slice(0, 57)}-${randomSuffix(5)}`,
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: t.metadata?.labels ?? {},
        ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        ...spec,
        serviceAccountName: sa,
        serviceAccount: sa,
        nodeName: NODE_NAME,
        enableServiceLinks: spec.enableServiceLinks ?? true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        tolerations: [
          ...(spec.tolerations ?? []),
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    };
    applyDefaults('pods', pod);
    return this.store.create(this.res.pods, pod);
  }

  /** Graceful deletion: the pod is Terminating for a moment, then gone. */
  deletePod(pod) {
    const p = this.store.get(this.res.pods, pod.metadata.namespace, pod.metadata.name);
    if (!p || p.metadata.deletionTimestamp) return p;
    const grace = p.spec?.terminationGracePeriodSeconds ?? 30;
    p.metadata.deletionTimestamp = isoSeconds(Date.now() + grace * 1000);
    p.metadata.deletionGracePeriodSeconds = grace;
    const rec = this.recordFor(p);
    rec.deleteAtMs = Date.now() + TERMINATION_MS * this.timeScale;
    for (const c of p.spec?.containers ?? []) {
      this.event(p, 'Normal', 'Killing', `Stopping container ${c.name}`, 'kubelet', `spec.containers{${c.name}}`);
    }
    return this.store.update(this.res.pods, p);
  }

  // --- kubelet ------------------------------------------------------------------------------

  /** @returns {PodRecord} */
  recordFor(pod) {
    let rec = this.pods.get(pod.metadata.uid);
    if (!rec) {
      const n = this.ipCounter++;
      rec = {
        startMs: Date.now(),
        containers: (pod.spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image, behavior: resolveBehavior(this.images, c.image, pod.metadata?.name ?? '') })),
        podIP: `10.244.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`,
        keys: {},
      };
      this.pods.set(pod.metadata.uid, rec);
      this.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${NODE_NAME}`, 'default-scheduler');
    }
    return rec;
  }

  runKubelet() {
    const now = Date.now();
    for (const stored of this.store.peekAll(this.res.pods)) {
      const rec = this.recordFor(stored);
      if (stored.metadata.deletionTimestamp) {
        if (rec.deleteAtMs === undefined) rec.deleteAtMs = now + TERMINATION_MS * this.timeScale;
        if (now >= rec.deleteAtMs) {
          this.store.remove(this.res.pods, stored.metadata.namespace, stored.metadata.name);
          this.pods.delete(stored.metadata.uid);
        }
        continue;
      }
      const t = (now - rec.startMs) / this.timeScale;
      const at = (nominal) => isoSeconds(rec.startMs + nominal * this.timeScale);
      const podRef = { name: stored.metadata.name, namespace: stored.metadata.namespace, uid: stored.metadata.uid };
      const views = rec.containers.map((c) => ({ name: c.name, image: c.image, view: containerView(c, c.behavior, t, podRef, at) }));
      for (const v of views) this.containerEvents(stored, rec, v);
      const status = podStatus(stored, views, at, { hostIP: HOST_IP, podIP: rec.podIP, startTime: isoSeconds(rec.startMs) });
      if (status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) {
        rec.readySinceMs ??= rec.startMs + Math.max(...views.map((v) => v.view.readyAtMs ?? 0)) * this.timeScale;
      } else {
        rec.readySinceMs = undefined;
      }
      if (!deepEqual(stored.status, status)) {
        const p = clone(stored);
        p.status = status;
        this.store.update(this.res.pods, p);
      }
    }
  }

  /** Events as the kubelet emits them when a container changes state. */
  containerEvents(pod, rec, { name, image, view }) {
    const w = view.state.waiting;
    const key = view.state.running
      ? `running:${view.restartCount}`
      : view.state.terminated
        ? `terminated:${view.restartCount}`
        : `${w?.reason}:${view.pullAttempt ?? view.restartCount}`;
    if (rec.keys[name] === key) return;
    const first = rec.keys[name] === undefined;
    rec.keys[name] = key;
    const fieldPath = `spec.containers{${name}}`;
    const ev = (type, reason, message) => this.event(pod, type, reason, message, 'kubelet', fieldPath);
    if (view.state.running) {
      if (view.restartCount === 0) {
        const secs = ((view.runningAtMs ?? 0) * this.timeScale) / 1000;
        ev('Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs.toFixed(3)}s (${secs.toFixed(3)}s including waiting). Image size: 18562315 bytes.`);
      } else {
        ev('Normal', 'Pulled', `Container image "${image}" already present on machine`);
      }
      ev('Normal', 'Created', `Created container: ${name}`);
      ev('Normal', 'Started', `Started container ${name}`);
      return;
    }
    if (!w) return;
    switch (w.reason) {
      case 'ContainerCreating':
        if (first) ev('Normal', 'Pulling', `Pulling image "${image}"`);
        break;
      case 'ErrImagePull':
        if (!first && view.pullAttempt > 0) ev('Normal', 'Pulling', `Pulling image "${image}"`);
        ev('Warning', 'Failed', `Failed to pull image "${image}": ${w.message}`);
        ev('Warning', 'Failed', 'Error: ErrImagePull');
        break;
      case 'ImagePullBackOff':
        ev('Normal', 'BackOff', `Back-off pulling image "${image}"`);
        ev('Warning', 'Failed', 'Error: ImagePullBackOff');
        break;
      case 'CrashLoopBackOff':
        ev('Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
        break;
      case 'InvalidImageName':
        ev('Warning', 'InspectFailed', w.message);
        ev('Warning', 'Failed', 'Error: InvalidImageName');
        break;
      default:
        ev('Warning', 'Failed', `Error: ${w.message}`);
        break;
    }
  }

  // --- garbage collector and namespace lifecycle ---------------------------------------------

  collectGarbage() {
    const uids = (res) => new Set(this.store.peekAll(res).map((o) => o.metadata.uid));
    const deployments = uids(this.res.deployments);
    for (const rs of this.store.peekAll(this.res.replicasets)) {
      const owner = controllerOf(rs);
      if (owner?.kind === 'Deployment' && !deployments.has(owner.uid)) {
        this.store.remove(this.res.replicasets, rs.metadata.namespace, rs.metadata.name);
      }
    }
    const replicasets = uids(this.res.replicasets);
    for (const pod of this.store.peekAll(this.res.pods)) {
      const owner = controllerOf(pod);
      if (owner?.kind === 'ReplicaSet' && !replicasets.has(owner.uid) && !pod.metadata.deletionTimestamp) this.deletePod(pod);
    }
  }

  finalizeNamespaces() {
    for (const ns of this.store.peekAll(this.res.namespaces)) {
      if (!ns.metadata.deletionTimestamp) continue;
      const name = ns.metadata.name;
      for (const r of RESOURCES) {
        if (!r.namespaced) continue;
        for (const o of this.store.peekAll(r, name)) this.store.remove(r, name, o.metadata.name);
      }
      this.store.remove(this.res.namespaces, undefined, name);
    }
  }
}

/** controller.ActivePods ordering: the pods a ReplicaSet gives up first. */
function rankForDeletion(pods) {
  const phaseRank = (p) => ({ Pending: 0, Unknown: 1, Running: 2 })[p.status?.phase] ?? 0;
  const restarts = (p) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  return [...pods].sort(
    (a, b) =>
      phaseRank(a) - phaseRank(b) ||
      Number(isReady(a)) - Number(isReady(b)) ||
      restarts(b) - restarts(a) ||
      (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? -1 : 0),
  );
}
