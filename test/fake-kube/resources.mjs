// The resource types the simulator serves, and the discovery documents that describe them.

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/**
 * @typedef {{
 *   group: string, version: string, resource: string, kind: string, singular: string,
 *   namespaced: boolean, shortNames?: string[], categories?: string[], verbs?: string[],
 *   subresources?: string[], builtin: boolean, listKind?: string,
 * }} ResourceType
 */

/** @type {ResourceType[]} */
export const RESOURCES = [
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', singular: 'namespace', namespaced: false, shortNames: ['ns'], subresources: ['status', 'finalize'], builtin: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', singular: 'pod', namespaced: true, shortNames: ['po'], categories: ['all'], subresources: ['status', 'log'], builtin: true },
  { group: '', version: 'v1', resource: 'events', kind: 'Event', singular: 'event', namespaced: true, shortNames: ['ev'], builtin: true },
  { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', singular: 'configmap', namespaced: true, shortNames: ['cm'], builtin: true },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', singular: 'secret', namespaced: true, builtin: true },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', singular: 'service', namespaced: true, shortNames: ['svc'], categories: ['all'], subresources: ['status', 'proxy'], builtin: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] },
  { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'], builtin: true },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', singular: 'deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'], builtin: true },
  { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', singular: 'replicaset', namespaced: true, shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'], builtin: true },
  { group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', singular: 'selfsubjectaccessreview', namespaced: false, builtin: true, verbs: ['create'] },
  { group: 'bitnami.com', version: 'v1alpha1', resource: 'sealedsecrets', kind: 'SealedSecret', singular: 'sealedsecret', namespaced: true, subresources: ['status'], builtin: false },
  // What preflight reads in a namespace (stored as given: no controllers, no defaulting).
  { group: '', version: 'v1', resource: 'resourcequotas', kind: 'ResourceQuota', singular: 'resourcequota', namespaced: true, shortNames: ['quota'], subresources: ['status'], builtin: true },
  { group: '', version: 'v1', resource: 'limitranges', kind: 'LimitRange', singular: 'limitrange', namespaced: true, shortNames: ['limits'], builtin: true },
  { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', singular: 'poddisruptionbudget', namespaced: true, shortNames: ['pdb'], subresources: ['status'], builtin: true },
  { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', singular: 'networkpolicy', namespaced: true, shortNames: ['netpol'], builtin: true },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', singular: 'ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'], builtin: true },
  { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', singular: 'horizontalpodautoscaler', namespaced: true, shortNames: ['hpa'], categories: ['all'], subresources: ['status'], builtin: true },
  { group: 'monitoring.coreos.com', version: 'v1', resource: 'servicemonitors', kind: 'ServiceMonitor', singular: 'servicemonitor', namespaced: true, shortNames: ['smon'], builtin: false },
  { group: 'monitoring.coreos.com', version: 'v1', resource: 'podmonitors', kind: 'PodMonitor', singular: 'podmonitor', namespaced: true, shortNames: ['pmon'], builtin: false },
  { group: 'cert-manager.io', version: 'v1', resource: 'certificates', kind: 'Certificate', singular: 'certificate', namespaced: true, shortNames: ['cert', 'certs'], subresources: ['status'], builtin: false },
  // The admission policies of the trust policy (actions/admission-policy), served as their CRDs serve them.
  { group: 'policy.sigstore.dev', version: 'v1beta1', resource: 'clusterimagepolicies', kind: 'ClusterImagePolicy', singular: 'clusterimagepolicy', namespaced: false, categories: ['sigstore'], subresources: ['status'], builtin: false },
  { group: 'kyverno.io', version: 'v1', resource: 'clusterpolicies', kind: 'ClusterPolicy', singular: 'clusterpolicy', namespaced: false, shortNames: ['cpol'], categories: ['kyverno'], subresources: ['status'], builtin: false },
  { group: 'kyverno.io', version: 'v1', resource: 'policies', kind: 'Policy', singular: 'policy', namespaced: true, shortNames: ['pol'], subresources: ['status'], builtin: false },
];

for (const r of RESOURCES) r.listKind = `${r.kind}List`;

export const gv = (r) => (r.group ? `${r.group}/${r.version}` : r.version);

/** Find a resource type by group, version and plural name. */
export function findResource(group, version, resource) {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

/** Find a resource type by apiVersion and kind, as objects name themselves. */
export function findKind(apiVersion, kind) {
  return RESOURCES.find((r) => gv(r) === apiVersion && r.kind === kind);
}

function groups() {
  /** @type {Map<string, ResourceType[]>} */
  const m = new Map();
  for (const r of RESOURCES) {
    if (!r.group) continue;
    if (!m.has(r.group)) m.set(r.group, []);
    m.get(r.group)?.push(r);
  }
  return m;
}

export function apiVersions(serverAddress) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups().entries()].map(([name, rs]) => apiGroup(name, rs)),
  };
}

function apiGroup(name, rs) {
  const versions = [...new Set(rs.map((r) => r.version))].map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupFor(name) {
  const rs = groups().get(name);
  return rs ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name, rs) } : undefined;
}

/** APIResourceList for one group/version, or undefined when not served. */
export function apiResourceList(groupVersion) {
  const rs = RESOURCES.filter((r) => gv(r) === groupVersion);
  if (!rs.length) return undefined;
  const resources = [];
  for (const r of rs) {
    /** @type {Record<string, unknown>} */
    const entry = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs ?? RW };
    if (r.shortNames) entry.shortNames = r.shortNames;
    if (r.categories) entry.categories = r.categories;
    resources.push(entry);
    for (const sub of r.subresources ?? []) {
      if (sub === 'scale') {
        resources.push({ name: `${r.resource}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
      } else if (sub === 'log') {
        resources.push({ name: `${r.resource}/log`, singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
      } else if (sub === 'proxy') {
        resources.push({ name: `${r.resource}/proxy`, singularName: '', namespaced: true, kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] });
      } else {
        resources.push({ name: `${r.resource}/${sub}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] });
      }
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}
