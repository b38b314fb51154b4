/**
 * The check catalogue (DESIGN.md "preflight"): stable IDs, the default severity and the
 * item of the pre-production checklist each one answers. Sub-checks (probes-http,
 * resource-quota...) have IDs of their own so they can be waived on their own.
 */
export type Severity = 'error' | 'warning';

export interface CheckInfo {
  id: string;
  severity: Severity;
  /** The seed's checklist item. */
  item: string;
  /** What passing means, one sentence (SARIF rule description, README). */
  passes: string;
}

export const CHECKS = [
  { id: 'secret-in-manifest', severity: 'error', item: 'Secrets kept out of git', passes: 'No Secret with data or stringData among the manifests and no credential-looking env value literal; live, each Secret the pods use is owned by a SealedSecret.' },
  { id: 'resources', severity: 'error', item: 'Resource requests and limits', passes: 'Every container and init container sets requests.cpu, requests.memory and limits.memory (a missing limits.cpu is a warning).' },
  { id: 'probes', severity: 'error', item: 'Readiness and liveness probes', passes: 'Every app container has a readiness and a liveness probe.' },
  { id: 'probes-http', severity: 'warning', item: 'Readiness and liveness probes', passes: 'The probes are httpGet probes.' },
  { id: 'probes-identical', severity: 'warning', item: 'Readiness and liveness probes', passes: 'The liveness probe differs from the readiness probe.' },
  { id: 'rolling-update', severity: 'error', item: 'Explicit rolling updates', passes: 'strategy.type RollingUpdate is written explicitly with maxSurge of at least 1; maxUnavailable other than 0 is a warning.' },
  { id: 'revision-history', severity: 'error', item: 'Explicit rolling updates', passes: 'revisionHistoryLimit is at least 2 (deploy rolls back to the previous ReplicaSet); below 3 is a warning.' },
  { id: 'replicas', severity: 'warning', item: 'PodDisruptionBudgets', passes: 'At least 2 replicas, or an HPA with minReplicas of at least 2.' },
  { id: 'pdb', severity: 'error', item: 'PodDisruptionBudgets', passes: 'A PodDisruptionBudget of the namespace selects the pods and allows one disruption at the desired replicas.' },
  { id: 'network-policy', severity: 'error', item: 'NetworkPolicies', passes: 'A NetworkPolicy selects the pods (an empty podSelector selects all); no default-deny ingress policy in the namespace is a warning.' },
  { id: 'image-immutable', severity: 'error', item: 'Immutable images', passes: 'Every image is pinned by digest; a full semver tag without a digest is a warning.' },
  { id: 'namespace', severity: 'error', item: 'Dedicated namespaces', passes: 'The namespace is not default, kube-system or kube-public.' },
  { id: 'resource-quota', severity: 'warning', item: 'Quotas', passes: 'The namespace has a ResourceQuota.' },
  { id: 'limit-range', severity: 'warning', item: 'Quotas', passes: 'The namespace has a LimitRange.' },
  { id: 'ingress-tls', severity: 'error', item: 'TLS', passes: 'Every Ingress routing to a Service of the pods lists each rule host under tls; without a cert-manager issuer annotation or a Certificate for the TLS secret it is a warning.' },
  { id: 'monitoring', severity: 'warning', item: 'Monitoring', passes: 'prometheus.io/scrape on the pod template, or a ServiceMonitor/PodMonitor that selects the Service or the pods.' },
  { id: 'hpa', severity: 'warning', item: 'HorizontalPodAutoscaler', passes: 'A HorizontalPodAutoscaler targets the Deployment.' },
  { id: 'anti-affinity', severity: 'warning', item: 'Anti-affinity', passes: 'Pod anti-affinity or a topology spread constraint on the hostname or zone that selects the pods.' },
  { id: 'security-context', severity: 'warning', item: 'Security context', passes: 'runAsNonRoot, allowPrivilegeEscalation false, readOnlyRootFilesystem and capabilities drop ALL; privileged is an error.' },
  { id: 'service-account', severity: 'warning', item: 'Security context', passes: 'Not the default service account with a mounted token.' },
  { id: 'admission-policy', severity: 'warning', item: 'Signed images enforced', passes: 'A sigstore ClusterImagePolicy or a Kyverno verifyImages policy covers the image and the namespace is under it.' },
] as const satisfies readonly CheckInfo[];

export type CheckId = (typeof CHECKS)[number]['id'];

export const CHECK_IDS: readonly CheckId[] = CHECKS.map((c) => c.id);

const BY_ID = new Map<string, CheckInfo>(CHECKS.map((c) => [c.id, c]));

export function checkInfo(id: CheckId): CheckInfo {
  return BY_ID.get(id) as CheckInfo;
}

export function isCheckId(id: string): id is CheckId {
  return BY_ID.has(id);
}

/** Items of the seed's checklist that no check here can see: listed in the summary as such. */
export const NOT_CHECKED = [
  { item: 'Distributed tracing', why: 'instrumentation lives in the application code, not in its Kubernetes objects' },
  { item: 'Backups (Velero)', why: 'backup schedules are cluster-wide and their restores are not visible from a namespace' },
  { item: 'etcd encryption at rest', why: 'an API server flag, not readable through the Kubernetes API' },
  { item: 'DNS', why: 'records live outside the cluster (the Ingress hosts are checked for TLS only)' },
] as const;
