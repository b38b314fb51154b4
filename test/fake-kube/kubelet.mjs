// What the kubelet would report for a pod, as a function of the time since it was scheduled and
// of the behaviour configured for each container image. Times below are nominal milliseconds;
// the caller divides real elapsed time by timeScale before asking.
import { createHash } from 'node:crypto';

export const BEHAVIORS = [
  'ready', 'slow', 'ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff',
  'CreateContainerConfigError', 'InvalidImageName', 'RunContainerError',
];

const DEFAULT_READY_MS = 200;
const DEFAULT_SLOW_MS = 5000;
const DEFAULT_FAIL_MS = 300;
const CRASH_RUN_MS = 1000; // a crashing container runs this long before it exits 1
const TERMINATED_SHOWN_MS = 300; // "Error" is visible this long before the back-off starts
const START_MS = 200; // a slow container is Running (not ready) after this long

/**
 * @typedef {{ behavior: string, readyAfterMs?: number, message?: string }} ImageBehavior
 * @typedef {{ state: Record<string, any>, lastState: Record<string, any>, ready: boolean,
 *   started: boolean, restartCount: number, readyAtMs?: number,
 *   runningAtMs?: number }} ContainerView
 */

/** The kubelet's image back-off: 10s doubling to 5 minutes. */
const backoff = (k) => Math.min(10_000 * 2 ** k, 300_000);

// The distribution reference grammar, enough to tell what the kubelet could not parse.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

export function isValidReference(image) {
  return typeof image === 'string' && image.length <= 255 && REFERENCE.test(image);
}

/**
 * Pick the behaviour for an image: exact key, else the longest `prefix*` key, else
 * InvalidImageName for a reference the kubelet could not parse, else ready. A
 * behaviour with `podPrefix` applies only to pods whose name starts with it (the
 * same image failing in one Deployment and not in another, e.g. a missing config).
 */
export function resolveBehavior(images, image, podName = '') {
  const applies = (v) => !v.podPrefix || podName.startsWith(v.podPrefix);
  if (images.has(image) && applies(images.get(image))) return images.get(image);
  let best;
  let bestLen = -1;
  for (const [k, v] of images) {
    if (k.endsWith('*') && applies(v) && image.startsWith(k.slice(0, -1)) && k.length > bestLen) {
      best = v;
      bestLen = k.length;
    }
  }
  if (best) return best;
  return isValidReference(image) ? { behavior: 'ready' } : { behavior: 'InvalidImageName' };
}

/** The fully qualified reference containerd reports (`docker.io/library/nginx:latest`). */
export function normalizeImage(image) {
  let ref = image;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  if (slash < 0) ref = `docker.io/library/${ref}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') ref = `docker.io/${ref}`;
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!ref.includes('@') && !lastPart.includes(':')) ref += ':latest';
  return ref;
}

function imageId(image) {
  const ref = normalizeImage(image);
  const at = ref.indexOf('@');
  if (at >= 0) return ref;
  const repo = ref.slice(0, ref.lastIndexOf(':'));
  return `${repo}@sha256:${createHash('sha256').update(ref).digest('hex')}`;
}

const containerId = (seed) => `containerd://${createHash('sha256').update(seed).digest('hex')}`;

/** Messages as the kubelet (with containerd) words them. */
function messages(image, name, podName, ns, podUid, b, backoffMs) {
  const ref = normalizeImage(image);
  return {
    pull: b.message ?? `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    backOffPull: `Back-off pulling image "${image}"`,
    crash: `back-off ${Math.round(backoffMs / 1000)}s restarting failed container=${name} pod=${podName}_${ns}(${podUid})`,
    config: b.message ?? 'secret "app-secrets" not found',
    invalid: b.message ?? `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
    run: b.message ?? 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app": stat /app: no such file or directory: unknown',
  };
}

/**
 * The status of one container `t` nominal ms after the pod was scheduled.
 * @param {{ name: string, image: string }} container
 * @param {ImageBehavior} b
 * @param {number} t
 * @param {{ name: string, namespace: string, uid: string }} pod
 * @param {(nominalMs: number) => string} at  converts a nominal offset into an RFC 3339 time
 * @returns {ContainerView}
 */
export function containerView(container, b, t, pod, at) {
  const { name, image } = container;
  const creating = { waiting: { reason: 'ContainerCreating' } };
  const waitingView = (state, extra = {}) => ({ state, lastState: {}, ready: false, started: false, restartCount: 0, ...extra });
  const seed = `${pod.uid}/${name}`;
  switch (b.behavior) {
    case 'slow':
    case 'ready': {
      const readyAt = b.readyAfterMs ?? (b.behavior === 'slow' ? DEFAULT_SLOW_MS : DEFAULT_READY_MS);
      const runAt = b.behavior === 'slow' ? Math.min(START_MS, readyAt) : readyAt;
      if (t < runAt) return waitingView(creating);
      const ready = t >= readyAt;
      return { state: { running: { startedAt: at(runAt) } }, lastState: {}, ready, started: true, restartCount: 0, readyAtMs: readyAt, runningAtMs: runAt, containerID: containerId(seed), imageID: imageId(image) };
    }
    case 'ErrImagePull':
    case 'ImagePullBackOff': {
      const first = b.readyAfterMs ?? DEFAULT_FAIL_MS;
      if (t < first) return waitingView(creating);
      const errWindow = b.behavior === 'ErrImagePull' ? 2000 : 300;
      const msg = messages(image, name, pod.name, pod.namespace, pod.uid, b, 0);
      let attempt = first;
      for (let k = 0; ; k++) {
        if (t < attempt + errWindow) return waitingView({ waiting: { reason: 'ErrImagePull', message: msg.pull } }, { pullAttempt: k });
        const next = attempt + errWindow + backoff(k);
        if (t < next) return waitingView({ waiting: { reason: 'ImagePullBackOff', message: msg.backOffPull } }, { pullAttempt: k });
        attempt = next;
      }
    }
    case 'CreateContainerConfigError':
    case 'InvalidImageName': {
      const first = b.readyAfterMs ?? DEFAULT_FAIL_MS;
      if (t < first) return waitingView(creating);
      const msg = messages(image, name, pod.name, pod.namespace, pod.uid, b, 0);
      return waitingView({ waiting: { reason: b.behavior, message: b.behavior === 'InvalidImageName' ? msg.invalid : msg.config } });
    }
    case 'RunContainerError': {
      const first = b.readyAfterMs ?? DEFAULT_FAIL_MS;
      if (t < first) return waitingView(creating);
      let attempt = first;
      let k = 0;
      while (t >= attempt + backoff(k)) attempt += backoff(k++);
      const msg = messages(image, name, pod.name, pod.namespace, pod.uid, b, 0);
      return {
        state: { waiting: { reason: 'RunContainerError', message: msg.run } },
        lastState: { terminated: { exitCode: 128, reason: 'StartError', message: msg.run, startedAt: '1970-01-01T00:00:00Z', finishedAt: at(attempt), containerID: containerId(`${seed}/${k}`) } },
        ready: false, started: false, restartCount: k, containerID: containerId(`${seed}/${k}`), imageID: imageId(image),
      };
    }
    case 'CrashLoopBackOff': {
      const first = b.readyAfterMs ?? DEFAULT_FAIL_MS;
      if (t < first) return waitingView(creating);
      let start = first;
      let k = 0;
      const terminated = (i, s) => ({ terminated: { exitCode: 1, reason: 'Error', startedAt: at(s), finishedAt: at(s + CRASH_RUN_MS), containerID: containerId(`${seed}/${i}`) } });
      let previous;
      for (;;) {
        const end = start + CRASH_RUN_MS;
        const last = previous ? terminated(k - 1, previous) : {};
        const common = { ready: false, imageID: imageId(image) };
        if (t < end) return { ...common, state: { running: { startedAt: at(start) } }, lastState: last, started: true, restartCount: k, containerID: containerId(`${seed}/${k}`) };
        if (t < end + TERMINATED_SHOWN_MS) return { ...common, state: terminated(k, start), lastState: last, started: false, restartCount: k, containerID: containerId(`${seed}/${k}`) };
        const next = end + backoff(k);
        if (t < next) {
          const msg = messages(image, name, pod.name, pod.namespace, pod.uid, b, backoff(k));
          return { ...common, state: { waiting: { reason: 'CrashLoopBackOff', message: msg.crash } }, lastState: terminated(k, start), started: false, restartCount: k + 1, containerID: containerId(`${seed}/${k}`) };
        }
        previous = start;
        start = next;
        k++;
      }
    }
    default:
      return containerView(container, { ...b, behavior: 'ready' }, t, pod, at);
  }
}

/**
 * Pod status from container views.
 * @param {Record<string, any>} pod
 * @param {{ name: string, image: string, view: ContainerView & Record<string, any> }[]} containers
 * @param {(nominalMs: number) => string} at
 * @param {{ hostIP: string, podIP: string, startTime: string }} net
 */
export function podStatus(pod, containers, at, net) {
  // kubelet getPhase: a container waiting with no previous termination keeps the pod Pending.
  const waiting = containers.some((c) => c.view.state.waiting && !c.view.lastState.terminated);
  const allReady = containers.every((c) => c.view.ready);
  const unready = containers.filter((c) => !c.view.ready).map((c) => c.name);
  const readyAt = allReady ? Math.max(...containers.map((c) => c.view.readyAtMs ?? 0)) : undefined;
  const started = pod.metadata.creationTimestamp;
  const readyCond = allReady
    ? { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at(readyAt ?? 0) }
    : { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: started, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  const containersReady = { ...readyCond, type: 'ContainersReady' };
  const containerStatuses = containers.map(({ name, image, view }) => {
    /** @type {Record<string, unknown>} */
    const s = { name, state: view.state, lastState: view.lastState, ready: view.ready, restartCount: view.restartCount, image, imageID: view.imageID ?? '' };
    if (view.containerID) s.containerID = view.containerID;
    s.started = view.started;
    return s;
  });
  return {
    phase: waiting ? 'Pending' : 'Running',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: started },
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: started },
      readyCond,
      containersReady,
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: started },
    ],
    hostIP: net.hostIP,
    hostIPs: [{ ip: net.hostIP }],
    podIP: net.podIP,
    podIPs: [{ ip: net.podIP }],
    startTime: net.startTime,
    containerStatuses,
    qosClass: 'BestEffort',
  };
}
