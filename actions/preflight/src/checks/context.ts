import { parseReference, canonicalRepository } from '../../../../src/lib/image-ref.js';
import { checkInfo, type CheckId, type Severity } from '../catalogue.js';
import { itemKey, type Finding, type Inventory, type Item, type KubeObject } from '../model.js';

/** The related objects of the inventory, indexed by kind and namespace once. */
export class Related {
  private readonly index = new Map<string, Item[]>();

  constructor(readonly inventory: Inventory) {
    for (const item of inventory.items) {
      const key = `${item.object.kind ?? ''}/${item.namespace ?? ''}`;
      let list = this.index.get(key);
      if (!list) this.index.set(key, (list = []));
      list.push(item);
      const all = `${item.object.kind ?? ''}/*`;
      let everywhere = this.index.get(all);
      if (!everywhere) this.index.set(all, (everywhere = []));
      everywhere.push(item);
    }
  }

  /** Objects of a kind in a namespace (cluster-scoped kinds: namespace undefined). */
  of(kind: string, namespace: string | undefined): Item[] {
    return this.index.get(`${kind}/${namespace ?? ''}`) ?? [];
  }

  all(kind: string): Item[] {
    return this.index.get(`${kind}/*`) ?? [];
  }

  /** Why these kinds could not be read, for the ones that could not. */
  missing(kinds: readonly string[]): string[] {
    return kinds.filter((k) => this.inventory.unavailable.has(k)).map((k) => `${k} (${this.inventory.unavailable.get(k)})`);
  }
}

export interface Container {
  name: string;
  image: string;
  init: boolean;
  spec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A Deployment being checked, with what every check needs worked out once. */
export class Target {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly key: string;
  readonly labels: Record<string, string>;
  readonly podSpec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly containers: Container[];
  readonly findings: Finding[] = [];
  /** Checks that ran on this target (passed unless a finding names them). */
  readonly ran = new Set<CheckId>();

  constructor(
    readonly item: Item,
    imageRef: string | undefined,
  ) {
    const o = item.object;
    this.name = o.metadata?.name ?? '?';
    this.namespace = item.namespace;
    this.key = itemKey(item);
    const template = isRecord(o.spec?.template) ? o.spec.template : {};
    this.labels = isRecord(template.metadata?.labels) ? template.metadata.labels : {};
    this.podSpec = isRecord(template.spec) ? template.spec : {};
    const repo = imageRef ? repoOf(imageRef) : undefined;
    const list = (field: string, init: boolean): Container[] =>
      (Array.isArray(this.podSpec[field]) ? (this.podSpec[field] as unknown[]) : []).filter(isRecord).map((c) => {
        const image = typeof c.image === 'string' ? c.image : '';
        return { name: String(c.name ?? '?'), image: repo !== undefined && imageRef !== undefined && repoOf(image) === repo ? imageRef : image, init, spec: c };
      });
    this.containers = [...list('initContainers', true), ...list('containers', false)];
  }

  get object(): KubeObject {
    return this.item.object;
  }

  get replicas(): number {
    const r = this.item.object.spec?.replicas;
    return typeof r === 'number' ? r : 1;
  }

  ranCheck(check: CheckId): void {
    this.ran.add(check);
  }

  /** Records a finding of this target (default severity from the catalogue). */
  add(check: CheckId, message: string, fix: string, options: { severity?: Severity; container?: string; object?: Item } = {}): void {
    this.ran.add(check);
    const on = options.object ?? this.item;
    const line = options.container !== undefined && on === this.item ? on.source?.containers?.[options.container] : undefined;
    this.findings.push({
      check,
      severity: options.severity ?? checkInfo(check).severity,
      status: 'fail',
      object: on === this.item ? this.key : itemKey(on),
      container: options.container,
      message,
      fix,
      source: on.source ? { file: on.source.file, line: line ?? on.source.line } : undefined,
    });
  }

  /**
   * A failure of a check whose evidence may live in a kind that could not be read:
   * `unknown` (a warning) naming the unreadable kinds, never a plain failure or a pass.
   */
  failOrUnknown(related: Related, kinds: readonly string[], check: CheckId, message: string, fix: string, options: { severity?: Severity; container?: string } = {}): void {
    const missing = related.missing(kinds);
    if (missing.length === 0) {
      this.add(check, message, fix, options);
      return;
    }
    this.add(check, `unknown: could not read ${missing.join(', ')}, so this cannot be confirmed. Without them: ${message}`, fix, { ...options, severity: 'warning' });
    const last = this.findings[this.findings.length - 1] as Finding;
    last.status = 'unknown';
  }
}

export function isRecord(v: unknown): v is Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const repoCache = new Map<string, string | undefined>();

/** Canonical repository of an image (docker.io/library/nginx for nginx), undefined when unparsable. */
export function repoOf(image: string): string | undefined {
  if (repoCache.has(image)) return repoCache.get(image);
  const ref = parseReference(image);
  const repo = typeof ref === 'string' ? undefined : canonicalRepository(ref);
  if (repoCache.size > 10000) repoCache.clear();
  repoCache.set(image, repo);
  return repo;
}

/** IntOrString of a Deployment or PDB: an int, or a percentage of total rounded up or down. */
export function scaled(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const m = /^([0-9]+)%$/.exec(value);
    if (m) {
      const v = (Number(m[1]) * total) / 100;
      return roundUp ? Math.ceil(v) : Math.floor(v);
    }
    if (/^[0-9]+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Indents a YAML snippet under a path of keys, for fixes that go inside a container. */
export function under(path: string[], body: string): string {
  let out = body;
  for (const key of path.slice().reverse()) out = `${key}:\n${out.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n')}`;
  return out;
}

export function labelsYaml(labels: Record<string, string>, indent: string): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return `${indent}app: <your-app-label>`;
  return entries.map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`).join('\n');
}
