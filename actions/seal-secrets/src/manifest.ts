import type { Document, YAMLMap } from 'yaml';

/**
 * `yaml` is a quarter of a megabyte: loaded on first use, after the inputs are
 * checked, so a run that stops at an input error starts as fast as it can.
 */
type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
export async function loadYaml(): Promise<YamlModule> {
  if (!yamlModule) {
    const m = (await import('yaml')) as YamlModule & { default?: YamlModule };
    // Bundled, the CommonJS build of yaml arrives as the default export of the chunk.
    yamlModule = typeof m.stringify === 'function' ? m : (m.default as YamlModule);
  }
  return yamlModule;
}
import type { Scope } from './hybrid.js';

/**
 * The SealedSecret document, written as kubeseal writes it (so both engines
 * give the same file): YAML as sigs.k8s.io/yaml prints it (a `---` line, keys
 * sorted at every level, `creationTimestamp: null`), or JSON in the Go struct
 * order with two-space indent. One document, ciphertext only.
 */
export const API_VERSION = 'bitnami.com/v1alpha1';
export const KIND = 'SealedSecret';
export const NAMESPACE_WIDE = 'sealedsecrets.bitnami.com/namespace-wide';
export const CLUSTER_WIDE = 'sealedsecrets.bitnami.com/cluster-wide';
export type Format = 'yaml' | 'json';

export interface SealedSecretSpec {
  name: string;
  namespace: string;
  scope: Scope;
  type: string;
  labels: ReadonlyArray<readonly [string, string]>;
  annotations: ReadonlyArray<readonly [string, string]>;
  /** key -> base64 ciphertext */
  encryptedData: ReadonlyMap<string, string>;
}

/** UpdateScopeAnnotations: the scope's annotation, `"true"`, and no other scope annotation. */
export function scopeAnnotations(scope: Scope): Record<string, string> {
  if (scope === 'namespace-wide') return { [NAMESPACE_WIDE]: 'true' };
  if (scope === 'cluster-wide') return { [CLUSTER_WIDE]: 'true' };
  return {};
}

/** SecretScope: cluster-wide wins over namespace-wide; neither is strict. */
export function scopeOf(annotations: unknown): Scope {
  const a = annotations && typeof annotations === 'object' ? (annotations as Record<string, unknown>) : {};
  if (a[CLUSTER_WIDE] === 'true') return 'cluster-wide';
  if (a[NAMESPACE_WIDE] === 'true') return 'namespace-wide';
  return 'strict';
}

const sortedRecord = (entries: Iterable<readonly [string, string]>): Record<string, string> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The object in Go struct field order (kubeseal's JSON); YAML sorts it. */
export function sealedSecretObject(s: SealedSecretSpec): Record<string, unknown> {
  const scopeAnno = scopeAnnotations(s.scope);
  const templateAnnotations = sortedRecord([...s.annotations, ...Object.entries(scopeAnno)]);
  const templateMeta: Record<string, unknown> = { name: s.name, namespace: s.namespace, creationTimestamp: null };
  if (s.labels.length > 0) templateMeta.labels = sortedRecord(s.labels);
  if (Object.keys(templateAnnotations).length > 0) templateMeta.annotations = templateAnnotations;
  const meta: Record<string, unknown> = { name: s.name, namespace: s.namespace, creationTimestamp: null };
  if (Object.keys(scopeAnno).length > 0) meta.annotations = scopeAnno;
  return {
    kind: KIND,
    apiVersion: API_VERSION,
    metadata: meta,
    spec: {
      template: { metadata: templateMeta, type: s.type },
      encryptedData: sortedRecord(s.encryptedData),
    },
  };
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export async function renderSealedSecret(s: SealedSecretSpec, format: Format): Promise<string> {
  const { stringify } = await loadYaml();
  const obj = sealedSecretObject(s);
  if (format === 'json') return `${JSON.stringify(obj, null, 2)}\n`;
  return `---\n${stringify(sortDeep(obj), { lineWidth: 0, minContentWidth: 0 })}`;
}

/** What an existing SealedSecret file says about itself (for merge-into). */
export interface ExistingSealedSecret {
  format: Format;
  name: string;
  namespace: string;
  scope: Scope;
  type: string;
  encryptedData: Map<string, string>;
  /** Rewrites the file with these keys added or replaced, everything else kept as it was. */
  merge(update: { encryptedData: ReadonlyMap<string, string>; labels: ReadonlyArray<readonly [string, string]>; annotations: ReadonlyArray<readonly [string, string]> }): string;
}

export class SealedSecretFileError extends Error {}

const isSorted = (keys: string[]): boolean => keys.every((k, i) => i === 0 || (keys[i - 1] as string) <= k);

function describe(obj: unknown): { name: string; namespace: string; scope: Scope; type: string; encryptedData: Map<string, string> } {
  const o = (obj ?? {}) as Record<string, unknown>;
  if (o.apiVersion !== API_VERSION || o.kind !== KIND) {
    throw new SealedSecretFileError(`is not a SealedSecret (apiVersion ${String(o.apiVersion)}, kind ${String(o.kind)}); expected apiVersion ${API_VERSION}, kind ${KIND}`);
  }
  const meta = (o.metadata ?? {}) as Record<string, unknown>;
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const data = spec.encryptedData;
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) throw new SealedSecretFileError('has a spec.encryptedData that is not a map');
  const encryptedData = new Map<string, string>();
  for (const [k, v] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new SealedSecretFileError(`has a non-string ciphertext for key '${k}'`);
    encryptedData.set(k, v);
  }
  if (spec.data !== undefined) throw new SealedSecretFileError('uses the deprecated spec.data (one blob for the whole Secret); re-seal it with spec.encryptedData first');
  const template = (spec.template ?? {}) as Record<string, unknown>;
  return {
    name: String(meta.name ?? ''),
    namespace: String(meta.namespace ?? ''),
    scope: scopeOf(meta.annotations),
    type: typeof template.type === 'string' && template.type !== '' ? template.type : 'Opaque',
    encryptedData,
  };
}

function insertSorted(map: YAMLMap, key: string, value: string, keepSorted: boolean, keyText: (k: unknown) => string): void {
  map.set(key, value);
  // Byte order, as Go sorts map keys.
  if (keepSorted) map.items.sort((a, b) => (keyText(a.key) < keyText(b.key) ? -1 : keyText(a.key) > keyText(b.key) ? 1 : 0));
}

function ensureMap(doc: Document, path: string[], isMap: YamlModule['isMap']): YAMLMap {
  const existing = doc.getIn(path, true);
  if (isMap(existing)) return existing;
  doc.setIn(path, doc.createNode({}));
  return doc.getIn(path, true) as YAMLMap;
}

/** Parses a SealedSecret file (YAML or JSON, exactly one document). */
export async function parseSealedSecretFile(text: string): Promise<ExistingSealedSecret> {
  if (text.trimStart().startsWith('{')) {
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new SealedSecretFileError('starts with { but is not valid JSON');
    }
    const d = describe(obj);
    return {
      format: 'json',
      ...d,
      merge(update) {
        const spec = obj.spec as Record<string, unknown>;
        const data = (spec.encryptedData ?? {}) as Record<string, string>;
        const sorted = isSorted(Object.keys(data));
        for (const [k, v] of update.encryptedData) data[k] = v;
        spec.encryptedData = sorted ? Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1))) : data;
        const template = (spec.template ??= {}) as Record<string, unknown>;
        const meta = (template.metadata ??= {}) as Record<string, unknown>;
        if (update.labels.length > 0) meta.labels = { ...((meta.labels as Record<string, string>) ?? {}), ...Object.fromEntries(update.labels) };
        if (update.annotations.length > 0) meta.annotations = { ...((meta.annotations as Record<string, string>) ?? {}), ...Object.fromEntries(update.annotations) };
        return `${JSON.stringify(obj, null, 2)}\n`;
      },
    };
  }
  const { isMap, isScalar, parseAllDocuments } = await loadYaml();
  const keyText = (k: unknown): string => String(isScalar(k) ? k.value : k);
  const docs = parseAllDocuments(text).filter((doc) => doc.contents !== null);
  if (docs.length !== 1) throw new SealedSecretFileError(`holds ${docs.length} YAML documents; expected exactly one SealedSecret`);
  const doc = docs[0] as Document;
  if (doc.errors.length > 0) throw new SealedSecretFileError(`is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'})`);
  const d = describe(doc.toJS());
  return {
    format: 'yaml',
    ...d,
    merge(update) {
      const data = ensureMap(doc, ['spec', 'encryptedData'], isMap);
      const sorted = isSorted(data.items.map((p) => keyText(p.key)));
      for (const [k, v] of update.encryptedData) insertSorted(data, k, v, sorted, keyText);
      if (update.labels.length > 0) {
        const labels = ensureMap(doc, ['spec', 'template', 'metadata', 'labels'], isMap);
        for (const [k, v] of update.labels) labels.set(k, v);
      }
      if (update.annotations.length > 0) {
        const annotations = ensureMap(doc, ['spec', 'template', 'metadata', 'annotations'], isMap);
        for (const [k, v] of update.annotations) annotations.set(k, v);
      }
      return doc.toString({ lineWidth: 0, minContentWidth: 0 });
    },
  };
}
