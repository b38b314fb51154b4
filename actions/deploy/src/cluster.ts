import { kubectl, type KubeTarget } from '../../../src/lib/kubectl.js';
import type { Deployment, List, Pod, ReplicaSet } from './kube-objects.js';
import { ownedBy, TEMPLATE_HASH } from './rollout-state.js';

/** The kubectl calls deploy makes, in one namespace; reads retried, writes idempotent. */
export class Cluster {
  /**
   * @param requestTimeoutMs kubectl's --request-timeout for every call: a stalled request ends as
   *   a transient error ("status unknown") well before the step's timeout, instead of hanging.
   */
  constructor(
    private readonly target: KubeTarget,
    readonly namespace: string,
    private readonly requestTimeoutMs = 30000,
  ) {}

  private get opts(): { requestTimeoutMs: number } {
    return { requestTimeoutMs: this.requestTimeoutMs };
  }

  private ns(args: string[]): string[] {
    return ['--namespace', this.namespace, ...args];
  }

  private async json<T>(args: string[]): Promise<T> {
    const r = await kubectl(this.target, this.ns([...args, '--output', 'json']), this.opts);
    return JSON.parse(r.stdout) as T;
  }

  /** undefined when the Deployment does not exist. */
  async deployment(name: string): Promise<Deployment | undefined> {
    const r = await kubectl(this.target, this.ns(['get', 'deployment', name, '--output', 'json']), { allowFailure: true, ...this.opts });
    if (r.exitCode === 0) return JSON.parse(r.stdout) as Deployment;
    if (/NotFound|not found/.test(r.stderr)) return undefined;
    throw new Error(`kubectl get deployment ${name} failed: ${r.stderr.trim()}`);
  }

  async deployments(names: string[]): Promise<Map<string, Deployment>> {
    const list = await this.json<List<Deployment> | Deployment>(['get', 'deployment', ...names]);
    const items = 'items' in list ? list.items : [list];
    return new Map(items.map((d) => [d.metadata.name, d]));
  }

  private static selector(labels: Record<string, string>): string {
    return Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }

  /** The deployment's ReplicaSets (its selector, then owner references). */
  async replicaSets(d: Deployment): Promise<ReplicaSet[]> {
    const match = d.spec.selector?.matchLabels ?? {};
    const args = Object.keys(match).length ? ['get', 'replicaset', '--selector', Cluster.selector(match)] : ['get', 'replicaset'];
    return ownedBy(d, (await this.json<List<ReplicaSet>>(args)).items);
  }

  /** Pods of one ReplicaSet, by its pod-template-hash; without one, every pod of the deployment's selector. */
  async pods(d: Deployment, podTemplateHash?: string): Promise<Pod[]> {
    const labels = { ...(d.spec.selector?.matchLabels ?? {}), ...(podTemplateHash ? { [TEMPLATE_HASH]: podTemplateHash } : {}) };
    return (await this.json<List<Pod>>(['get', 'pod', '--selector', Cluster.selector(labels)])).items;
  }

  /** One attempt: after a failure the caller reads the Deployment before deciding (the answer may be all that was lost). */
  async setImage(name: string, images: Record<string, string>): Promise<void> {
    await kubectl(this.target, this.ns(['set', 'image', `deployment/${name}`, ...Object.entries(images).map(([c, i]) => `${c}=${i}`)]), { ...this.opts, attempts: 1 });
  }

  /** Sets annotations; a null value removes that annotation. */
  async annotate(name: string, annotations: Record<string, string | null>): Promise<void> {
    await kubectl(this.target, this.ns(['annotate', `deployment/${name}`, '--overwrite', ...Object.entries(annotations).map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`))]), this.opts);
  }

  async undo(name: string, revision: number): Promise<string> {
    const r = await kubectl(this.target, this.ns(['rollout', 'undo', `deployment/${name}`, `--to-revision=${revision}`]), this.opts);
    return r.stdout.trim();
  }

  /** `kubectl auth can-i <verb> <resource>` in the namespace: false only on a clear "no". */
  async canI(verb: string, resource: string): Promise<boolean> {
    const r = await kubectl(this.target, this.ns(['auth', 'can-i', verb, resource]), { allowFailure: true, ...this.opts });
    return !(r.exitCode !== 0 && /^no\b/m.test(r.stdout));
  }

  /** The commands a person runs to look and to act, for error messages. */
  hint(args: string): string {
    return `kubectl --namespace ${this.namespace} ${args}`;
  }
}
