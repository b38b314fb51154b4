import { isDeepStrictEqual } from 'node:util';
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
import { goKeyOrder, goScalarStyle, goYamlDocument, type GoYamlNode } from './go-yaml.js';
import { editYamlInPlace, orderOf, type EditTree } from './yaml-edit.js';

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

/** Go's order for map keys (encoding/json, sigs.k8s.io/yaml): byte order. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A Map, not an object: a JavaScript object puts integer-like keys ("9", "10")
 * first in numeric order whatever order they were added in, and kubeseal sorts
 * them by bytes ("10" before "9").
 */
const sortedMap = (entries: Iterable<readonly [string, string]>): Map<string, string> => new Map([...entries].sort(([a], [b]) => byteOrder(a, b)));

type Node = string | null | Map<string, Node>;

/** The object in Go struct field order (kubeseal's JSON); YAML sorts it. */
export function sealedSecretObject(s: SealedSecretSpec): Map<string, Node> {
  const scopeAnno = Object.entries(scopeAnnotations(s.scope));
  const templateAnnotations = sortedMap([...s.annotations, ...scopeAnno]);
  const templateMeta = new Map<string, Node>([
    ['name', s.name],
    ['namespace', s.namespace],
    ['creationTimestamp', null],
  ]);
  if (s.labels.length > 0) templateMeta.set('labels', sortedMap(s.labels));
  if (templateAnnotations.size > 0) templateMeta.set('annotations', templateAnnotations);
  const meta = new Map<string, Node>([
    ['name', s.name],
    ['namespace', s.namespace],
    ['creationTimestamp', null],
  ]);
  if (scopeAnno.length > 0) meta.set('annotations', new Map(scopeAnno));
  return new Map<string, Node>([
    ['kind', KIND],
    ['apiVersion', API_VERSION],
    ['metadata', meta],
    [
      'spec',
      new Map<string, Node>([
        [
          'template',
          new Map<string, Node>([
            ['metadata', templateMeta],
            ['type', s.type],
          ]),
        ],
        ['encryptedData', sortedMap(s.encryptedData)],
      ]),
    ],
  ]);
}

/** Every map's keys in go-yaml's order (sigs.k8s.io/yaml sorts them so), at every level. */
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value instanceof Map) return new Map([...(value as Map<string, unknown>)].sort(([a], [b]) => goKeyOrder(a, b)).map(([k, v]) => [k, sortDeep(v)]));
  if (value && typeof value === 'object') return sortDeep(new Map(Object.entries(value)));
  return value;
}

/** Go's encoding/json escapes <, > and & (and U+2028/U+2029) in strings; kubeseal's JSON has them as \u003c and so on. */
function goJsonString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify(value, null, 2), but Maps keep their key order (JSON.stringify would reorder integer-like keys). */
export function toJson(value: unknown, indent = ''): string {
  if (value instanceof Map || (value && typeof value === 'object' && !Array.isArray(value))) {
    const entries: Array<[string, unknown]> = value instanceof Map ? [...(value as Map<string, unknown>)] : Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${goJsonString(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${toJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  return typeof value === 'string' ? goJsonString(value) : (JSON.stringify(value) ?? 'null');
}

/**
 * kubectl and the controller read YAML 1.1 (sigs.k8s.io/yaml): there `on`, `yes`,
 * `n`, `1_000` or `0b11` are not strings. Write every such string quoted, as
 * kubeseal (go-yaml) does, so a key or label keeps its meaning.
 */
export const YAML_SCHEMA_OPTIONS = { compat: 'yaml-1.1' } as const;

export async function renderSealedSecret(s: SealedSecretSpec, format: Format): Promise<string> {
  const obj = sealedSecretObject(s);
  if (format === 'json') return `${toJson(obj)}\n`;
  // go-yaml's own emitter, ported (go-yaml.ts): the yaml package writes valid YAML, not go-yaml's bytes.
  return `---\n${goYamlDocument(sortDeep(obj) as ReadonlyMap<string, GoYamlNode>)}`;
}

/** What an existing SealedSecret file says about itself (for merge-into). */
export interface ExistingSealedSecret {
  format: Format;
  name: string;
  namespace: string;
  scope: Scope;
  type: string;
  encryptedData: Map<string, string>;
  /** spec.template.metadata.annotations: what the unsealed Secret will carry. */
  annotations: Map<string, string>;
  /** Rewrites the file with these keys added or replaced, everything else kept as it was. */
  merge(update: { encryptedData: ReadonlyMap<string, string>; labels: ReadonlyArray<readonly [string, string]>; annotations: ReadonlyArray<readonly [string, string]> }): string;
}

export class SealedSecretFileError extends Error {}

type Order = (a: string, b: string) => number;

function describe(obj: unknown): { name: string; namespace: string; scope: Scope; type: string; encryptedData: Map<string, string>; annotations: Map<string, string> } {
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
  const templateAnnotations = ((template.metadata ?? {}) as Record<string, unknown>).annotations;
  const annotations = new Map<string, string>();
  if (templateAnnotations && typeof templateAnnotations === 'object') {
    for (const [k, v] of Object.entries(templateAnnotations)) if (typeof v === 'string') annotations.set(k, v);
  }
  return {
    name: String(meta.name ?? ''),
    namespace: String(meta.namespace ?? ''),
    scope: scopeOf(meta.annotations),
    type: typeof template.type === 'string' && template.type !== '' ? template.type : 'Opaque',
    encryptedData,
    annotations,
  };
}

/** Sets key: value with both written in go-yaml's style for them. */
function setStyled(map: YAMLMap, key: string, value: string, Scalar: YamlModule['Scalar']): void {
  const k = new Scalar(key);
  k.type = Scalar[goScalarStyle(key, true)];
  const v = new Scalar(value);
  v.type = Scalar[goScalarStyle(value, false)];
  map.set(k, v);
}

function insertSorted(map: YAMLMap, key: string, value: string, order: Order | undefined, keyText: (k: unknown) => string, Scalar: YamlModule['Scalar']): void {
  setStyled(map, key, value, Scalar);
  if (order) map.items.sort((a, b) => order(keyText(a.key), keyText(b.key)));
}

/** The map at path, created when missing, in its sorted place when its parent was sorted. */
function ensureMap(doc: Document, path: string[], yaml: Pick<YamlModule, 'isMap' | 'isScalar'>): YAMLMap {
  const existing = doc.getIn(path, true);
  if (yaml.isMap(existing)) return existing;
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const keyText = (k: unknown): string => String(yaml.isScalar(k) ? k.value : k);
  const parentOrder = yaml.isMap(parent) ? orderOf(parent.items.map((p) => keyText(p.key)), goKeyOrder) : undefined;
  doc.setIn(path, doc.createNode({}));
  const created = doc.getIn(path, true) as YAMLMap;
  const newParent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (parentOrder && yaml.isMap(newParent)) newParent.items.sort((a, b) => parentOrder(keyText(a.key), keyText(b.key)));
  return created;
}

/** A JSON object as a Map in the file's own key order (JSON.parse would put integer-like keys first). */
type JsonMap = Map<string, unknown>;
function jsonMapAt(parent: JsonMap, key: string): JsonMap {
  const existing = parent.get(key);
  if (existing instanceof Map) return existing as JsonMap;
  const created: JsonMap = new Map();
  parent.set(key, created);
  return created;
}

/** The object with the tree's strings set (maps created where missing). */
function applyTree(obj: unknown, tree: EditTree): unknown {
  const out: Record<string, unknown> = obj && typeof obj === 'object' && !Array.isArray(obj) ? { ...(obj as Record<string, unknown>) } : {};
  for (const [k, v] of tree) out[k] = typeof v === 'string' ? v : applyTree(out[k], v);
  return out;
}

/** Parses a SealedSecret file (YAML or JSON, exactly one document). */
export async function parseSealedSecretFile(text: string): Promise<ExistingSealedSecret> {
  const yaml = await loadYaml();
  const { isScalar, parseAllDocuments, parseDocument } = yaml;
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
        // The same text, read again keeping every object's key order.
        const root = parseDocument(text, YAML_SCHEMA_OPTIONS).toJS({ mapAsMap: true }) as JsonMap;
        const spec = jsonMapAt(root, 'spec');
        const data = jsonMapAt(spec, 'encryptedData');
        const order = orderOf([...data.keys()], byteOrder);
        for (const [k, v] of update.encryptedData) data.set(k, v);
        if (order) spec.set('encryptedData', new Map([...data].sort(([x], [y]) => order(x, y))));
        const meta = jsonMapAt(jsonMapAt(spec, 'template'), 'metadata');
        if (update.labels.length > 0) {
          const labels = jsonMapAt(meta, 'labels');
          for (const [k, v] of update.labels) labels.set(k, v);
        }
        if (update.annotations.length > 0) {
          const annotations = jsonMapAt(meta, 'annotations');
          for (const [k, v] of update.annotations) annotations.set(k, v);
        }
        return `${toJson(root)}\n`;
      },
    };
  }
  const keyText = (k: unknown): string => String(isScalar(k) ? k.value : k);
  const docs = parseAllDocuments(text, YAML_SCHEMA_OPTIONS).filter((doc) => doc.contents !== null);
  if (docs.length !== 1) throw new SealedSecretFileError(`holds ${docs.length} YAML documents; expected exactly one SealedSecret`);
  const doc = docs[0] as Document;
  if (doc.errors.length > 0) throw new SealedSecretFileError(`is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'})`);
  const d = describe(doc.toJS());
  const readYaml = (t: string): unknown => {
    const docs2 = parseAllDocuments(t, YAML_SCHEMA_OPTIONS).filter((x) => x.contents !== null);
    return docs2.length === 1 && docs2[0]?.errors.length === 0 ? docs2[0].toJS() : undefined;
  };
  return {
    format: 'yaml',
    ...d,
    merge(update) {
      const metadata = new Map<string, EditTree>();
      if (update.labels.length > 0) metadata.set('labels', new Map(update.labels));
      if (update.annotations.length > 0) metadata.set('annotations', new Map(update.annotations));
      const tree: EditTree = new Map([['spec', new Map<string, EditTree>([['encryptedData', new Map(update.encryptedData)], ...(metadata.size > 0 ? [['template', new Map([['metadata', metadata]])] as [string, EditTree]] : [])])]]);
      const edited = editYamlInPlace(text, doc, tree, yaml);
      // Only kept when it reads back as exactly the merged object.
      if (edited !== undefined && isDeepStrictEqual(readYaml(edited), applyTree(doc.toJS(), tree))) return edited;
      const data = ensureMap(doc, ['spec', 'encryptedData'], yaml);
      const order = orderOf(data.items.map((p) => keyText(p.key)), goKeyOrder);
      for (const [k, v] of update.encryptedData) insertSorted(data, k, v, order, keyText, yaml.Scalar);
      if (update.labels.length > 0) {
        const labels = ensureMap(doc, ['spec', 'template', 'metadata', 'labels'], yaml);
        for (const [k, v] of update.labels) setStyled(labels, k, v, yaml.Scalar);
      }
      if (update.annotations.length > 0) {
        const annotations = ensureMap(doc, ['spec', 'template', 'metadata', 'annotations'], yaml);
        for (const [k, v] of update.annotations) setStyled(annotations, k, v, yaml.Scalar);
      }
      return doc.toString({ lineWidth: 0, minContentWidth: 0 });
    },
  };
}
