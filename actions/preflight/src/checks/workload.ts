import { parseReference } from '../../../../src/lib/image-ref.js';
import { isRecord, labelsYaml, scaled, under, type Related, type Target } from './context.js';

/**
 * Checks that read the Deployment alone: resources, probes, rolling update, revision
 * history, immutable images, security context, service account, credential literals.
 */

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What the author wrote. A Deployment read from the cluster carries the API server's
 * defaults (strategy RollingUpdate 25%/25%); client-side `kubectl apply` keeps what was
 * written in the last-applied annotation, server-side apply in managedFields, so
 * explicitness is judged from those when they are there.
 */
export function declaredSpec(t: Target): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = t.object.metadata?.annotations?.[LAST_APPLIED];
  if (typeof text === 'string') {
    try {
      const parsed = JSON.parse(text) as { spec?: unknown };
      if (isRecord(parsed.spec)) return parsed.spec;
    } catch {
      // not JSON: fall back to the object itself
    }
  }
  const applied = appliedStrategy(t);
  const spec = isRecord(t.object.spec) ? t.object.spec : {};
  return applied === undefined ? spec : { ...spec, strategy: applied };
}

/**
 * Server-side apply (kubectl apply --server-side, Flux, Argo CD) records in managedFields
 * which fields each applier set: the strategy as written is the live strategy restricted to
 * the fields an Apply operation owns. Undefined when no Apply operation is recorded.
 */
function appliedStrategy(t: Target): Record<string, unknown> | undefined {
  const entries = (Array.isArray(t.object.metadata?.managedFields) ? (t.object.metadata?.managedFields as unknown[]) : []).filter((e): e is Record<string, any> => isRecord(e) && e.operation === 'Apply'); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (entries.length === 0) return undefined;
  const live = isRecord(t.object.spec?.strategy) ? t.object.spec.strategy : {};
  const liveRu = isRecord(live.rollingUpdate) ? live.rollingUpdate : {};
  const out: Record<string, unknown> = {};
  const ru: Record<string, unknown> = {};
  for (const e of entries) {
    const strategy = e.fieldsV1?.['f:spec']?.['f:strategy'];
    if (!isRecord(strategy)) continue;
    if (strategy['f:type'] !== undefined) out.type = live.type;
    const r = strategy['f:rollingUpdate'];
    if (isRecord(r)) {
      if (r['f:maxSurge'] !== undefined) ru.maxSurge = liveRu.maxSurge;
      if (r['f:maxUnavailable'] !== undefined) ru.maxUnavailable = liveRu.maxUnavailable;
    }
  }
  if (Object.keys(ru).length > 0) out.rollingUpdate = ru;
  return out;
}

/** Container defaults a LimitRange of the namespace gives (type Container). */
function limitRangeDefaults(t: Target, related: Related): { requests: Set<string>; limits: Set<string> } {
  const requests = new Set<string>();
  const limits = new Set<string>();
  for (const lr of related.of('LimitRange', t.namespace)) {
    for (const l of Array.isArray(lr.object.spec?.limits) ? lr.object.spec.limits : []) {
      if (!isRecord(l) || (l.type ?? 'Container') !== 'Container') continue;
      for (const k of Object.keys(isRecord(l.default) ? l.default : {})) {
        limits.add(k);
        requests.add(k); // requests default to the limits when defaultRequest is absent
      }
      for (const k of Object.keys(isRecord(l.defaultRequest) ? l.defaultRequest : {})) requests.add(k);
    }
  }
  return { requests, limits };
}

const RESOURCES_FIX = under(['resources'], 'requests:\n  cpu: 100m\n  memory: 128Mi\nlimits:\n  memory: 256Mi');

export function checkResources(t: Target, related: Related): void {
  t.ranCheck('resources');
  const defaults = limitRangeDefaults(t, related);
  for (const c of t.containers) {
    const r = isRecord(c.spec.resources) ? c.spec.resources : {};
    const req = isRecord(r.requests) ? r.requests : {};
    const lim = isRecord(r.limits) ? r.limits : {};
    const missing: string[] = [];
    if (req.cpu === undefined && !defaults.requests.has('cpu')) missing.push('requests.cpu');
    if (req.memory === undefined && !defaults.requests.has('memory')) missing.push('requests.memory');
    if (lim.memory === undefined && !defaults.limits.has('memory')) missing.push('limits.memory');
    const kind = c.init ? 'init container' : 'container';
    if (missing.length > 0) {
      t.add('resources', `${kind} ${c.name} sets no ${missing.join(', ')}: the scheduler cannot place it reliably and a memory leak takes the node down`, RESOURCES_FIX, { container: c.name });
    }
    if (lim.cpu === undefined && !defaults.limits.has('cpu')) {
      t.add('resources', `${kind} ${c.name} sets no limits.cpu (a warning only: CPU limits throttle; set one where a noisy neighbour is a risk)`, under(['resources', 'limits'], 'cpu: 500m'), { container: c.name, severity: 'warning' });
    }
  }
}

function probeKind(p: Record<string, unknown>): string {
  for (const k of ['httpGet', 'tcpSocket', 'grpc', 'exec']) if (p[k] !== undefined) return k;
  return 'no handler';
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

export function checkProbes(t: Target): void {
  t.ranCheck('probes');
  t.ranCheck('probes-http');
  t.ranCheck('probes-identical');
  for (const c of t.containers.filter((x) => !x.init)) {
    const readiness = isRecord(c.spec.readinessProbe) ? c.spec.readinessProbe : undefined;
    const liveness = isRecord(c.spec.livenessProbe) ? c.spec.livenessProbe : undefined;
    const missing = [readiness ? undefined : 'readinessProbe', liveness ? undefined : 'livenessProbe'].filter((x): x is string => x !== undefined);
    if (missing.length > 0) {
      const fix = [
        readiness ? '' : 'readinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n  periodSeconds: 5',
        liveness ? '' : 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10\n  failureThreshold: 3',
      ].filter(Boolean).join('\n');
      t.add('probes', `container ${c.name} has no ${missing.join(' and no ')}: traffic reaches it before it is ready${liveness ? '' : ' and a hung process is never restarted'}`, fix, { container: c.name });
    }
    for (const [name, p] of [['readinessProbe', readiness], ['livenessProbe', liveness]] as const) {
      if (p && p.httpGet === undefined) {
        t.add('probes-http', `container ${c.name}: ${name} uses ${probeKind(p)}, not httpGet: an open port or a running process does not mean the application answers`, under([name], 'httpGet:\n  path: /healthz\n  port: 8080'), { container: c.name });
      }
    }
    if (readiness && liveness && deepEqual(readiness, liveness)) {
      t.add('probes-identical', `container ${c.name}: the liveness probe is the readiness probe: a dependency outage restarts every pod instead of only taking them out of service`, 'livenessProbe:\n  httpGet:\n    path: /healthz   # the process itself, not its dependencies\n    port: 8080\n  periodSeconds: 10\n  failureThreshold: 3', { container: c.name });
    }
  }
}

const ROLLING_FIX = 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0';

export function checkRollingUpdate(t: Target): void {
  t.ranCheck('rolling-update');
  const spec = declaredSpec(t);
  const strategy = isRecord(spec.strategy) ? spec.strategy : undefined;
  if (strategy?.type !== 'RollingUpdate') {
    const what = strategy?.type === undefined ? 'strategy.type is not written (the default applies silently)' : `strategy.type is ${String(strategy.type)}: every pod stops before the new ones start`;
    t.add('rolling-update', `${what}; write RollingUpdate with maxSurge and maxUnavailable`, ROLLING_FIX);
    return;
  }
  const ru = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const replicas = t.replicas;
  if (ru.maxSurge === undefined) {
    t.add('rolling-update', 'rollingUpdate.maxSurge is not written (the default 25% applies silently)', ROLLING_FIX);
  } else {
    const surge = scaled(ru.maxSurge, replicas, true);
    if (surge === undefined || surge < 1) t.add('rolling-update', `rollingUpdate.maxSurge ${String(ru.maxSurge)} is ${surge ?? 'not a number'} pod(s) at ${replicas} replica(s): no new pod starts before an old one stops`, ROLLING_FIX);
  }
  const unavailable = ru.maxUnavailable === undefined ? undefined : scaled(ru.maxUnavailable, replicas, false);
  if (ru.maxUnavailable === undefined || unavailable !== 0) {
    t.add('rolling-update', `rollingUpdate.maxUnavailable is ${ru.maxUnavailable === undefined ? 'not written (default 25%)' : String(ru.maxUnavailable)}: capacity drops during a rollout; 0 keeps every replica serving`, under(['strategy', 'rollingUpdate'], 'maxUnavailable: 0'), { severity: 'warning' });
  }
}

export function checkRevisionHistory(t: Target): void {
  t.ranCheck('revision-history');
  const limit = t.object.spec?.revisionHistoryLimit;
  const value = typeof limit === 'number' ? limit : 10; // the API server's default
  if (value < 2) {
    t.add('revision-history', `revisionHistoryLimit is ${value}: no previous ReplicaSet is kept, so deploy cannot roll back`, 'revisionHistoryLimit: 5');
  } else if (value < 3) {
    t.add('revision-history', `revisionHistoryLimit is ${value}: one rollback target only`, 'revisionHistoryLimit: 5', { severity: 'warning' });
  }
}

const SEMVER = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function checkImages(t: Target): void {
  t.ranCheck('image-immutable');
  for (const c of t.containers) {
    const ref = parseReference(c.image);
    const fix = `image: ${typeof ref === 'string' ? '<registry/path/name>' : `${ref.domain ? `${ref.domain}/` : ''}${ref.path}`}@sha256:<digest>   # e.g. the image-ref output of build-sign`;
    if (typeof ref === 'string') {
      t.add('image-immutable', `container ${c.name}: image '${c.image}' is not a valid reference (${ref})`, fix, { container: c.name });
    } else if (ref.digest !== undefined) {
      continue;
    } else if (ref.tag === undefined || ref.tag === 'latest') {
      t.add('image-immutable', `container ${c.name}: image '${c.image}' ${ref.tag === undefined ? 'has no tag (latest)' : 'is latest'}: what runs changes with every push`, fix, { container: c.name });
    } else if (SEMVER.test(ref.tag)) {
      t.add('image-immutable', `container ${c.name}: image '${c.image}' is a version tag without a digest: a tag can be moved to another image`, fix, { container: c.name, severity: 'warning' });
    } else {
      t.add('image-immutable', `container ${c.name}: image '${c.image}' has the mutable tag '${ref.tag}'`, fix, { container: c.name });
    }
  }
}

export function checkSecurityContext(t: Target): void {
  t.ranCheck('security-context');
  const pod = isRecord(t.podSpec.securityContext) ? t.podSpec.securityContext : {};
  for (const c of t.containers) {
    const sc = isRecord(c.spec.securityContext) ? c.spec.securityContext : {};
    if (sc.privileged === true) {
      t.add('security-context', `container ${c.name} is privileged: it has every capability of the node`, under(['securityContext'], 'privileged: false'), { container: c.name, severity: 'error' });
    }
    const missing: string[] = [];
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) missing.push('runAsNonRoot: true');
    if (sc.allowPrivilegeEscalation !== false) missing.push('allowPrivilegeEscalation: false');
    if (sc.readOnlyRootFilesystem !== true) missing.push('readOnlyRootFilesystem: true');
    const drop: unknown[] = isRecord(sc.capabilities) && Array.isArray(sc.capabilities.drop) ? sc.capabilities.drop : [];
    if (!drop.some((d) => String(d).toUpperCase() === 'ALL')) missing.push('capabilities.drop: [ALL]');
    if (missing.length > 0) {
      t.add('security-context', `container ${c.name} does not set ${missing.join(', ')}`, under(['securityContext'], 'runAsNonRoot: true\nallowPrivilegeEscalation: false\nreadOnlyRootFilesystem: true\ncapabilities:\n  drop: [ALL]'), { container: c.name });
    }
  }
}

export function checkServiceAccount(t: Target, related: Related): void {
  t.ranCheck('service-account');
  const name = (t.podSpec.serviceAccountName ?? t.podSpec.serviceAccount ?? 'default') as string;
  if (name !== 'default') return;
  let automount = t.podSpec.automountServiceAccountToken as unknown;
  if (automount === undefined) {
    const sa = related.of('ServiceAccount', t.namespace).find((i) => i.object.metadata?.name === 'default');
    automount = sa?.object.automountServiceAccountToken;
  }
  if (automount === false) return;
  t.add('service-account', 'the pods run as the default service account with its token mounted: any RBAC granted to default is theirs', `serviceAccountName: ${t.name}\nautomountServiceAccountToken: false   # unless the app calls the Kubernetes API`);
}

const CREDENTIAL_NAME = /PASSWORD|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY/i;

export function checkEnvLiterals(t: Target): void {
  t.ranCheck('secret-in-manifest');
  for (const c of t.containers) {
    for (const e of Array.isArray(c.spec.env) ? c.spec.env : []) {
      if (!isRecord(e) || typeof e.name !== 'string' || !CREDENTIAL_NAME.test(e.name)) continue;
      if (typeof e.value === 'string' && e.value !== '') {
        // The value is never quoted: it is a credential.
        t.add('secret-in-manifest', `container ${c.name}: env ${e.name} is a literal value in the manifest (not shown); credentials belong in a (sealed) Secret`, under(['env'], `- name: ${e.name}\n  valueFrom:\n    secretKeyRef:\n      name: ${t.name}-secrets   # a SealedSecret (seal-secrets) creates it\n      key: ${e.name}`), { container: c.name });
      }
    }
  }
}

/** The Secrets the pods read: env, envFrom, volumes (projected too). */
export function referencedSecrets(t: Target): string[] {
  const names = new Set<string>();
  for (const c of t.containers) {
    for (const e of Array.isArray(c.spec.env) ? c.spec.env : []) {
      const n = isRecord(e) && isRecord(e.valueFrom) && isRecord(e.valueFrom.secretKeyRef) ? e.valueFrom.secretKeyRef.name : undefined;
      if (typeof n === 'string') names.add(n);
    }
    for (const e of Array.isArray(c.spec.envFrom) ? c.spec.envFrom : []) {
      const n = isRecord(e) && isRecord(e.secretRef) ? e.secretRef.name : undefined;
      if (typeof n === 'string') names.add(n);
    }
  }
  for (const v of Array.isArray(t.podSpec.volumes) ? t.podSpec.volumes : []) {
    if (!isRecord(v)) continue;
    if (isRecord(v.secret) && typeof v.secret.secretName === 'string') names.add(v.secret.secretName);
    for (const s of isRecord(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : []) {
      if (isRecord(s) && isRecord(s.secret) && typeof s.secret.name === 'string') names.add(s.secret.name);
    }
  }
  return [...names].sort();
}

/** Live: each Secret the pods use is owned by a SealedSecret (so its source of truth is sealed in git). */
export function checkSecretsSealed(t: Target, related: Related): void {
  if (!related.inventory.liveSecrets && !related.inventory.unavailable.has('Secret')) return;
  for (const name of referencedSecrets(t)) {
    const secret = related.of('Secret', t.namespace).find((i) => i.object.metadata?.name === name);
    const sealed = related.of('SealedSecret', t.namespace).some((i) => i.object.metadata?.name === name);
    if (secret && (secret.object.metadata?.ownerReferences ?? []).some((r) => r.kind === 'SealedSecret')) continue;
    if (!secret && sealed) continue;
    const fix = `# seal it and commit the SealedSecret instead (the seal-secrets action):\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: ${name}\n  namespace: ${t.namespace ?? '<namespace>'}\nspec:\n  encryptedData: {}   # written by seal-secrets`;
    if (!secret) {
      t.failOrUnknown(related, ['Secret'], 'secret-in-manifest', `Secret ${name}, used by the pods, is not in the namespace`, fix, { severity: 'warning' });
    } else {
      t.add('secret-in-manifest', `Secret ${name}, used by the pods, is not owned by a SealedSecret: it was created by hand or from plaintext kept somewhere`, fix, { severity: 'warning' });
    }
  }
}

export { labelsYaml };
