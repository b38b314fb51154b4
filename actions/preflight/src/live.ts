import { kubectl, type KubeTarget } from '../../../src/lib/kubectl.js';
import type { Item, KubeObject } from './model.js';

/**
 * Live mode: the named Deployments and every related object of their namespace, read with
 * `kubectl get -o json`, one kind at a time so that a kind the credentials may not list
 * (403) or the cluster does not serve is recorded as unavailable, never as "none".
 */
export interface LiveKind {
  kind: string;
  /** kubectl's fully qualified resource name. */
  resource: string;
  clusterScoped?: boolean;
  /** Read metadata only (Secrets: their values never leave kubectl). */
  metadataOnly?: boolean;
}

export const LIVE_KINDS: readonly LiveKind[] = [
  { kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets.policy' },
  { kind: 'NetworkPolicy', resource: 'networkpolicies.networking.k8s.io' },
  { kind: 'Service', resource: 'services' },
  { kind: 'Ingress', resource: 'ingresses.networking.k8s.io' },
  { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers.autoscaling' },
  { kind: 'ResourceQuota', resource: 'resourcequotas' },
  { kind: 'LimitRange', resource: 'limitranges' },
  { kind: 'ServiceAccount', resource: 'serviceaccounts' },
  { kind: 'ServiceMonitor', resource: 'servicemonitors.monitoring.coreos.com' },
  { kind: 'PodMonitor', resource: 'podmonitors.monitoring.coreos.com' },
  { kind: 'Certificate', resource: 'certificates.cert-manager.io' },
  { kind: 'SealedSecret', resource: 'sealedsecrets.bitnami.com' },
  { kind: 'Secret', resource: 'secrets', metadataOnly: true },
  { kind: 'Policy', resource: 'policies.kyverno.io' },
  { kind: 'ClusterPolicy', resource: 'clusterpolicies.kyverno.io', clusterScoped: true },
  { kind: 'ClusterImagePolicy', resource: 'clusterimagepolicies.policy.sigstore.dev', clusterScoped: true },
];

export interface LiveRead {
  deployments: Item[];
  items: Item[];
  unavailable: Map<string, string>;
}

/** Why a read failed, when it is "may not" or "does not exist" rather than a broken connection. */
export function unavailableReason(stderr: string): string | undefined {
  const last = stderr.trim().split('\n').filter(Boolean).pop() ?? '';
  if (/\(Forbidden\)|is forbidden|forbidden:/i.test(stderr)) return `forbidden: ${last.replace(/^Error from server \(Forbidden\): /, '')}`;
  if (/doesn't have a resource type|the server could not find the requested resource|no matches for kind/i.test(stderr)) return 'not served by this cluster';
  return undefined;
}

function parseList(stdout: string, kind: string, what: string): KubeObject[] {
  let parsed: { items?: unknown };
  try {
    parsed = JSON.parse(stdout) as { items?: unknown };
  } catch {
    throw new Error(`kubectl get ${what} printed something that is not JSON (${stdout.length} bytes)`);
  }
  return (Array.isArray(parsed.items) ? parsed.items : []).filter((o): o is KubeObject => typeof o === 'object' && o !== null).map((o) => ({ ...o, kind }));
}

function parseMetadataLines(stdout: string, kind: string): KubeObject[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ apiVersion: 'v1', kind, metadata: JSON.parse(l) as KubeObject['metadata'] }));
}

export async function readLive(target: KubeTarget, namespace: string, names: string[]): Promise<LiveRead> {
  const unavailable = new Map<string, string>();
  const get = async (args: string[]): Promise<{ ok: true; stdout: string } | { ok: false; reason: string }> => {
    const r = await kubectl(target, args, { allowFailure: true, timeoutMs: 120_000 });
    if (r.exitCode === 0) return { ok: true, stdout: r.stdout };
    const reason = unavailableReason(r.stderr);
    if (reason === undefined) throw new Error(`kubectl ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
    return { ok: false, reason };
  };

  const deploymentsRead = get(['get', 'deployments.apps', '--namespace', namespace, '--output', 'json']);
  const namespaceRead = get(['get', 'namespace', namespace, '--output', 'json']).catch((err: unknown) => {
    if (err instanceof Error && /NotFound|not found/.test(err.message)) throw new Error(`namespace ${namespace} does not exist in the cluster (input 'namespace')`);
    throw err;
  });
  const kindReads = LIVE_KINDS.map(async (k) => {
    const args = ['get', k.resource, ...(k.clusterScoped ? [] : ['--namespace', namespace])];
    args.push('--output', k.metadataOnly ? 'jsonpath={range .items[*]}{.metadata}{"\\n"}{end}' : 'json');
    const r = await get(args);
    if (!r.ok) {
      unavailable.set(k.kind, r.reason);
      return [] as Item[];
    }
    const objects = k.metadataOnly ? parseMetadataLines(r.stdout, k.kind) : parseList(r.stdout, k.kind, k.resource);
    return objects.map((object): Item => ({ object, namespace: k.clusterScoped ? undefined : namespace }));
  });

  const [deps, ns, ...lists] = await Promise.all([deploymentsRead, namespaceRead, ...kindReads]);
  if (!deps.ok) throw new Error(`the Deployments of namespace ${namespace} cannot be read: ${deps.reason}`);
  const all = parseList(deps.stdout, 'Deployment', 'deployments');
  const deployments: Item[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const d = all.find((o) => o.metadata?.name === name);
    if (d) deployments.push({ object: d, namespace });
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`Deployment ${missing.join(', ')} not found in namespace ${namespace} (input 'deployments'); it has ${all.map((o) => o.metadata?.name).join(', ') || 'no Deployments'}`);
  const items = lists.flat();
  if (ns.ok) {
    const o = JSON.parse(ns.stdout) as KubeObject;
    items.push({ object: { ...o, kind: 'Namespace' }, namespace: undefined });
  } else unavailable.set('Namespace', ns.reason);
  return { deployments, items, unavailable };
}
