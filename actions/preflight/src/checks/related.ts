import { compileSelector, mapSelectorMatches, selectorMatches, type LabelSelector } from '../../../../src/lib/label-selector.js';
import { parseReference, canonicalRepository, repositoryName } from '../../../../src/lib/image-ref.js';
import type { Item } from '../model.js';
import { isRecord, labelsYaml, scaled, type Related, type Target } from './context.js';

/**
 * Checks across objects: what selects or targets the Deployment's pods in its namespace
 * (PDBs, NetworkPolicies, Services and Ingresses, monitors, HPAs, quotas, admission
 * policies). Selectors have the API server's semantics (src/lib/label-selector.ts).
 */

const asSelector = (v: unknown): LabelSelector | undefined => (isRecord(v) ? (v as LabelSelector) : undefined);

function hpaFor(t: Target, related: Related): Item | undefined {
  return related.of('HorizontalPodAutoscaler', t.namespace).find((h) => {
    const ref = h.object.spec?.scaleTargetRef;
    return isRecord(ref) && ref.kind === 'Deployment' && ref.name === t.name;
  });
}

/** Desired replicas: the HPA's minReplicas when one targets the Deployment, else spec.replicas. */
function desiredReplicas(t: Target, related: Related): number {
  const hpa = hpaFor(t, related);
  const min = hpa?.object.spec?.minReplicas;
  if (hpa) return typeof min === 'number' ? min : 1;
  return t.replicas;
}

export function checkReplicas(t: Target, related: Related): void {
  t.ranCheck('replicas');
  const hpa = hpaFor(t, related);
  if (hpa) {
    const min = typeof hpa.object.spec?.minReplicas === 'number' ? hpa.object.spec.minReplicas : 1;
    if (min < 2) t.add('replicas', `HorizontalPodAutoscaler ${hpa.object.metadata?.name} allows scaling down to ${min} replica: one node drain or crash is an outage`, 'spec:\n  minReplicas: 2');
    return;
  }
  if (t.replicas < 2) t.failOrUnknown(related, ['HorizontalPodAutoscaler'], 'replicas', `${t.replicas} replica: one node drain or crash is an outage`, 'replicas: 2');
}

export function checkHpa(t: Target, related: Related): void {
  t.ranCheck('hpa');
  if (hpaFor(t, related)) return;
  t.failOrUnknown(related, ['HorizontalPodAutoscaler'], 'hpa', 'no HorizontalPodAutoscaler targets this Deployment', `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${t.name}\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${t.name}\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70`);
}

function pdbFix(t: Target): string {
  return `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${t.name}\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n${labelsYaml(t.labels, '      ')}`;
}

export function checkPdb(t: Target, related: Related): void {
  t.ranCheck('pdb');
  const pdbs = related.of('PodDisruptionBudget', t.namespace).filter((p) => selectorMatches(asSelector(p.object.spec?.selector), t.labels));
  if (pdbs.length === 0) {
    t.failOrUnknown(related, ['PodDisruptionBudget'], 'pdb', `no PodDisruptionBudget of namespace ${t.namespace ?? '(unset)'} selects the pods (labels ${formatLabels(t.labels)}): a node drain may evict them all at once`, pdbFix(t));
    return;
  }
  const desired = desiredReplicas(t, related);
  const allowing = pdbs.filter((p) => allowedDisruptions(p.object.spec, desired) >= 1);
  if (allowing.length === 0) {
    const names = pdbs.map((p) => p.object.metadata?.name).join(', ');
    t.add('pdb', `PodDisruptionBudget ${names} allows no disruption at ${desired} desired replica(s): node drains block until someone deletes it`, `spec:\n  maxUnavailable: 1   # instead of minAvailable equal to the replicas\n# or run more replicas than minAvailable`);
    return;
  }
  if (pdbs.length > 1) {
    t.add('pdb', `${pdbs.length} PodDisruptionBudgets select the pods (${pdbs.map((p) => p.object.metadata?.name).join(', ')}): the eviction API refuses to evict pods with more than one`, '# keep one PodDisruptionBudget per set of pods', { severity: 'warning' });
  }
  for (const p of pdbs) {
    const s = p.object.status;
    if (isRecord(s) && s.disruptionsAllowed === 0 && typeof s.expectedPods === 'number' && s.expectedPods > 0 && s.currentHealthy === s.expectedPods) {
      t.add('pdb', `PodDisruptionBudget ${p.object.metadata?.name} reports disruptionsAllowed 0 with every pod healthy: drains are blocked now`, 'spec:\n  maxUnavailable: 1', { severity: 'warning', object: p });
    }
  }
}

/** Disruptions a PDB allows when `desired` pods are healthy (percentages round up, as the disruption controller does). */
export function allowedDisruptions(spec: unknown, desired: number): number {
  if (!isRecord(spec)) return 0;
  if (spec.maxUnavailable !== undefined) return scaled(spec.maxUnavailable, desired, true) ?? 0;
  if (spec.minAvailable !== undefined) {
    const min = scaled(spec.minAvailable, desired, true);
    return min === undefined ? 0 : desired - min;
  }
  return desired > 0 ? 0 : 0; // neither set: the API server refuses such a PDB
}

function formatLabels(labels: Record<string, string>): string {
  const s = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  return s === '' ? 'none' : s;
}

/** policyTypes as the API server defaults them: Ingress always, Egress when egress rules are given. */
function policyTypes(spec: Record<string, unknown>): string[] {
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map(String);
  return Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function isDefaultDenyIngress(o: Item): boolean {
  const spec = o.object.spec;
  if (!isRecord(spec) || !isRecord(spec.podSelector)) return false;
  const sel = spec.podSelector as LabelSelector;
  const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
  return empty && policyTypes(spec).includes('Ingress') && (!Array.isArray(spec.ingress) || spec.ingress.length === 0);
}

export function checkNetworkPolicy(t: Target, related: Related): void {
  t.ranCheck('network-policy');
  const policies = related.of('NetworkPolicy', t.namespace);
  const selecting = policies.filter((p) => isRecord(p.object.spec) && selectorMatches(asSelector(p.object.spec.podSelector) ?? {}, t.labels));
  if (selecting.length === 0) {
    t.failOrUnknown(related, ['NetworkPolicy'], 'network-policy', `no NetworkPolicy of namespace ${t.namespace ?? '(unset)'} selects the pods: every pod in the cluster can reach them`, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${t.name}\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  podSelector:\n    matchLabels:\n${labelsYaml(t.labels, '      ')}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector: {}   # narrow to the clients that need it\n      ports:\n        - port: 8080`);
    return;
  }
  if (!policies.some(isDefaultDenyIngress)) {
    t.add('network-policy', `namespace ${t.namespace ?? '(unset)'} has no default-deny ingress NetworkPolicy: pods without a policy of their own accept any traffic`, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]`, { severity: 'warning' });
  }
}

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export function checkNamespace(t: Target, related: Related): void {
  t.ranCheck('namespace');
  t.ranCheck('resource-quota');
  t.ranCheck('limit-range');
  const ns = t.namespace;
  const fixNs = `metadata:\n  namespace: ${t.name}   # a namespace of its own, e.g. the application's name`;
  if (ns === undefined) {
    t.add('namespace', 'no namespace is set (neither metadata.namespace nor the namespace input): kubectl applies it to whatever namespace the context points at, often default', fixNs);
    return;
  }
  if (SYSTEM_NAMESPACES.has(ns)) t.add('namespace', `runs in the ${ns} namespace: no quota, policy or RBAC boundary of its own`, fixNs);
  if (related.of('ResourceQuota', ns).length === 0) {
    t.failOrUnknown(related, ['ResourceQuota'], 'resource-quota', `namespace ${ns} has no ResourceQuota: one runaway Deployment can take the cluster's capacity`, `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\n  namespace: ${ns}\nspec:\n  hard:\n    requests.cpu: "4"\n    requests.memory: 8Gi\n    limits.memory: 16Gi\n    pods: "50"`);
  }
  if (related.of('LimitRange', ns).length === 0) {
    t.failOrUnknown(related, ['LimitRange'], 'limit-range', `namespace ${ns} has no LimitRange: containers without resources get no defaults`, `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${ns}\nspec:\n  limits:\n    - type: Container\n      defaultRequest:\n        cpu: 100m\n        memory: 128Mi\n      default:\n        memory: 256Mi`);
  }
}

/** Services of the namespace that select the pods. */
function servicesOf(t: Target, related: Related): Item[] {
  return related.of('Service', t.namespace).filter((s) => mapSelectorMatches(isRecord(s.object.spec?.selector) ? s.object.spec.selector : undefined, t.labels));
}

function ingressServiceNames(spec: Record<string, any>): Set<string> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const names = new Set<string>();
  const add = (backend: unknown): void => {
    if (isRecord(backend) && isRecord(backend.service) && typeof backend.service.name === 'string') names.add(backend.service.name);
  };
  add(spec.defaultBackend);
  for (const r of Array.isArray(spec.rules) ? spec.rules : []) {
    for (const p of isRecord(r) && isRecord(r.http) && Array.isArray(r.http.paths) ? r.http.paths : []) if (isRecord(p)) add(p.backend);
  }
  return names;
}

function hostCovered(host: string, tlsHosts: string[]): boolean {
  return tlsHosts.some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1)) && !host.slice(0, -h.length + 1).includes('.')));
}

const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];

export function checkIngressTls(t: Target, related: Related): void {
  t.ranCheck('ingress-tls');
  const services = new Set(servicesOf(t, related).map((s) => s.object.metadata?.name));
  if (services.size === 0) return;
  for (const ing of related.of('Ingress', t.namespace)) {
    const spec = ing.object.spec;
    if (!isRecord(spec)) continue;
    const routed = [...ingressServiceNames(spec)].filter((n) => services.has(n));
    if (routed.length === 0) continue;
    const tls: Array<Record<string, unknown>> = Array.isArray(spec.tls) ? spec.tls.filter(isRecord) : [];
    const tlsHosts = tls.flatMap((e) => (Array.isArray(e.hosts) ? e.hosts.map(String) : []));
    const hosts = (Array.isArray(spec.rules) ? spec.rules : []).filter(isRecord).map((r) => r.host).filter((h): h is string => typeof h === 'string' && h !== '');
    const uncovered = hosts.filter((h) => !hostCovered(h, tlsHosts));
    const name = ing.object.metadata?.name ?? '?';
    if (uncovered.length > 0 || (hosts.length === 0 && tls.length === 0)) {
      const shown = uncovered.length > 0 ? uncovered : ['(any host)'];
      t.add('ingress-tls', `Ingress ${name} routes to Service ${routed.join(', ')} over plain HTTP for ${shown.join(', ')}: no tls entry covers ${uncovered.length === 1 ? 'it' : 'them'}`, `metadata:\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  tls:\n    - hosts:\n${(uncovered.length ? uncovered : ['app.example.com']).map((h) => `        - ${h}`).join('\n')}\n      secretName: ${name}-tls`, { object: ing });
      continue;
    }
    const annotated = CERT_MANAGER_ANNOTATIONS.some((a) => ing.object.metadata?.annotations?.[a] !== undefined);
    if (annotated) continue;
    const certs = related.of('Certificate', t.namespace);
    const secrets = tls.map((e) => e.secretName).filter((s): s is string => typeof s === 'string');
    const unmanaged = secrets.filter((s) => !certs.some((c) => c.object.spec?.secretName === s));
    if (unmanaged.length > 0 || secrets.length === 0) {
      const missing = related.missing(['Certificate']);
      const msg = `Ingress ${name}: no cert-manager issuer annotation and no Certificate for TLS secret ${unmanaged.join(', ') || '(none named)'}: the certificate is renewed by hand or not at all`;
      const fix = `metadata:\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt`;
      if (missing.length > 0) {
        t.add('ingress-tls', `unknown: could not read ${missing.join(', ')}. Without them: ${msg}`, fix, { object: ing, severity: 'warning' });
        const last = t.findings[t.findings.length - 1];
        if (last) last.status = 'unknown';
      } else t.add('ingress-tls', msg, fix, { object: ing, severity: 'warning' });
    }
  }
}

function namespaceSelected(monitorNs: string | undefined, spec: Record<string, any>, ns: string | undefined): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  const nsSel = spec.namespaceSelector;
  if (isRecord(nsSel)) {
    if (nsSel.any === true) return true;
    if (Array.isArray(nsSel.matchNames) && nsSel.matchNames.length > 0) return ns !== undefined && nsSel.matchNames.includes(ns);
  }
  return monitorNs === ns;
}

export function checkMonitoring(t: Target, related: Related): void {
  t.ranCheck('monitoring');
  if (t.object.spec?.template?.metadata?.annotations?.['prometheus.io/scrape'] === 'true') return;
  const services = servicesOf(t, related);
  const serviceMonitors = related.of('ServiceMonitor', t.namespace).filter((m) => isRecord(m.object.spec) && namespaceSelected(m.namespace, m.object.spec, t.namespace));
  for (const m of serviceMonitors) {
    const select = compileSelector(asSelector(m.object.spec.selector) ?? {});
    if (services.some((s) => select(s.object.metadata?.labels))) return;
  }
  const podMonitors = related.of('PodMonitor', t.namespace).filter((m) => isRecord(m.object.spec) && namespaceSelected(m.namespace, m.object.spec, t.namespace));
  if (podMonitors.some((m) => selectorMatches(asSelector(m.object.spec.selector) ?? {}, t.labels))) return;
  t.failOrUnknown(related, ['ServiceMonitor', 'PodMonitor', 'Service'], 'monitoring', 'nothing scrapes the pods: no prometheus.io/scrape annotation on the pod template and no ServiceMonitor or PodMonitor selecting the Service or the pods', `apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: ${t.name}\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  selector:\n    matchLabels:\n${labelsYaml(t.labels, '      ')}\n  podMetricsEndpoints:\n    - port: metrics`);
}

const SPREAD_KEYS = new Set(['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

export function checkAntiAffinity(t: Target): void {
  t.ranCheck('anti-affinity');
  const anti = t.podSpec.affinity?.podAntiAffinity;
  const terms: unknown[] = [];
  if (isRecord(anti)) {
    for (const term of Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution) ? anti.requiredDuringSchedulingIgnoredDuringExecution : []) terms.push(term);
    for (const w of Array.isArray(anti.preferredDuringSchedulingIgnoredDuringExecution) ? anti.preferredDuringSchedulingIgnoredDuringExecution : []) if (isRecord(w)) terms.push(w.podAffinityTerm);
  }
  for (const c of Array.isArray(t.podSpec.topologySpreadConstraints) ? t.podSpec.topologySpreadConstraints : []) terms.push(c);
  const spreads = terms.some((term) => isRecord(term) && SPREAD_KEYS.has(String(term.topologyKey)) && selectorMatches(asSelector(term.labelSelector), t.labels));
  if (spreads) return;
  t.add('anti-affinity', 'nothing spreads the pods across nodes or zones (no pod anti-affinity or topology spread constraint selecting them): one node can hold every replica', `topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: kubernetes.io/hostname\n    whenUnsatisfiable: ScheduleAnyway\n    labelSelector:\n      matchLabels:\n${labelsYaml(t.labels, '        ')}`);
}

/** sigstore policy-controller globs: `*` within a path component, `**` across them. */
function sigstoreGlob(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('.*');
  return new RegExp(`^${re}$`);
}

/** Kyverno imageReferences: `*` matches anything, `/` included, `?` one character. */
function kyvernoGlob(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`);
}

function imageForms(image: string): string[] {
  const ref = parseReference(image);
  if (typeof ref === 'string') return [image];
  const forms = new Set([image, repositoryName(ref), canonicalRepository(ref), `index.${canonicalRepository(ref)}`]);
  for (const repo of [repositoryName(ref), canonicalRepository(ref)]) {
    if (ref.tag) forms.add(`${repo}:${ref.tag}`);
    if (ref.digest) forms.add(`${repo}@${ref.digest}`);
  }
  return [...forms];
}

export function checkAdmissionPolicy(t: Target, related: Related): void {
  t.ranCheck('admission-policy');
  const nsItem = related.all('Namespace').find((n) => n.object.metadata?.name === t.namespace);
  const nsIncluded = nsItem?.object.metadata?.labels?.['policy.sigstore.dev/include'] === 'true';
  const uncovered: string[] = [];
  let needsNamespace = false;
  for (const c of t.containers) {
    const forms = imageForms(c.image);
    const sigstore = related.all('ClusterImagePolicy').some((p) => (Array.isArray(p.object.spec?.images) ? p.object.spec.images : []).some((i: unknown) => isRecord(i) && typeof i.glob === 'string' && forms.some((f) => sigstoreGlob(i.glob as string).test(f))));
    if (sigstore && nsIncluded) continue;
    if (sigstore && !nsItem) needsNamespace = true;
    const kyverno = [...related.all('ClusterPolicy'), ...related.of('Policy', t.namespace)].some((p) =>
      (Array.isArray(p.object.spec?.rules) ? p.object.spec.rules : []).some((r: unknown) =>
        isRecord(r) && (Array.isArray(r.verifyImages) ? r.verifyImages : []).some((v: unknown) => isRecord(v) && (Array.isArray(v.imageReferences) ? v.imageReferences : []).some((g: unknown) => typeof g === 'string' && forms.some((f) => kyvernoGlob(g).test(f))))),
    );
    if (kyverno) continue;
    uncovered.push(sigstore ? `${c.image} (a ClusterImagePolicy covers it but namespace ${t.namespace ?? '(unset)'} is not labelled policy.sigstore.dev/include=true)` : c.image);
  }
  if (uncovered.length === 0) return;
  const kinds = ['ClusterImagePolicy', 'ClusterPolicy', 'Policy', 'Namespace'];
  const mode = related.inventory.mode === 'manifests' ? ' (none among the manifests; give namespace and deployments to read the cluster\'s)' : '';
  if (needsNamespace && !related.inventory.unavailable.has('Namespace')) {
    // A policy covers the image; whether the namespace opted in is not known (no Namespace object read).
    t.add('admission-policy', `unknown: a ClusterImagePolicy covers ${uncovered.join(', ')}, but the labels of namespace ${t.namespace ?? '(unset)'} are not known (no Namespace object${mode ? ' among the manifests' : ''}); it must carry policy.sigstore.dev/include: "true"`, 'metadata:\n  labels:\n    policy.sigstore.dev/include: "true"', { severity: 'warning' });
    const last = t.findings[t.findings.length - 1];
    if (last) last.status = 'unknown';
    return;
  }
  t.failOrUnknown(related, kinds, 'admission-policy', `no admission policy makes the cluster verify ${uncovered.join(', ')}${mode}: an unsigned image could be deployed by hand`, `# the admission-policy action writes both; with sigstore policy-controller:\napiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata:\n  name: ${t.name}\nspec:\n  images:\n    - glob: "${repoGlob(t)}"\n  authorities:\n    - keyless:\n        identities:\n          - issuer: https://token.actions.githubusercontent.com\n            subjectRegExp: "^https://github.com/<owner>/<repo>/"\n---\n# and label the namespace:\nmetadata:\n  labels:\n    policy.sigstore.dev/include: "true"`);
}

function repoGlob(t: Target): string {
  const first = t.containers.find((c) => !c.init) ?? t.containers[0];
  const ref = first ? parseReference(first.image) : 'none';
  return typeof ref === 'string' ? '<registry/path>/**' : `${repositoryName(ref)}*`;
}
