// API-server defaulting (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go) for the
// fields that show up in `kubectl get -o json` and that template comparison depends on.
import { isObject } from './util.mjs';

/** imagePullPolicy default: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image) {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return last.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c) {
  if (!isObject(c)) return;
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.resources ??= {};
  for (const p of c.ports ?? []) if (isObject(p)) p.protocol ??= 'TCP';
}

export function defaultPodSpec(spec) {
  if (!isObject(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

function defaultTemplate(t) {
  if (!isObject(t)) return;
  t.metadata ??= {};
  if (!('creationTimestamp' in t.metadata)) t.metadata.creationTimestamp = null;
  defaultPodSpec(t.spec);
}

/** @param {string} resource @param {Record<string, any>} obj */
export function applyDefaults(resource, obj) {
  obj.metadata ??= {};
  const spec = obj.spec;
  switch (resource) {
    case 'deployments': {
      if (!isObject(spec)) return;
      spec.replicas ??= 1;
      spec.strategy ??= {};
      spec.strategy.type ??= 'RollingUpdate';
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
      }
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      if (spec.paused === false) delete spec.paused;
      defaultTemplate(spec.template);
      break;
    }
    case 'replicasets':
      if (!isObject(spec)) return;
      spec.replicas ??= 1;
      defaultTemplate(spec.template);
      break;
    case 'pods':
      defaultPodSpec(spec);
      break;
    case 'namespaces':
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'], ...(obj.spec ?? {}) };
      obj.status = { phase: 'Active', ...(obj.status ?? {}) };
      break;
    case 'secrets':
      obj.type ??= 'Opaque';
      break;
    case 'services':
      if (!isObject(spec)) return;
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      for (const p of spec.ports ?? []) {
        if (!isObject(p)) continue;
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      break;
    default:
      break;
  }
}
