import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { ConfigurationError } from '../../../src/lib/errors.js';
import type { Item, KubeObject, Source } from './model.js';

/** Kinds that live outside namespaces (the rest take metadata.namespace or the namespace input). */
export const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterImagePolicy', 'ClusterPolicy', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ClusterIssuer']);

const EXTENSIONS = /\.(ya?ml|json)$/i;
const FORM = 'a newline list of YAML/JSON files, directories or globs relative to the workspace, e.g. k8s/ or deploy/**/*.yaml';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(full);
  }
  return out;
}

/** Files named by the manifests input: files, directories (recursive, *.yaml/*.yml/*.json) and globs. */
export async function resolveManifestFiles(entries: string[], workspace: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    if (/[*?[]/.test(entry)) {
      const glob = await import('@actions/glob');
      const pattern = entry.startsWith('!') ? `!${path.resolve(workspace, entry.slice(1))}` : path.resolve(workspace, entry);
      const globber = await glob.create(pattern, { followSymbolicLinks: false, implicitDescendants: false, matchDirectories: false });
      const matched = (await globber.glob()).filter((f) => statSync(f).isFile()).sort();
      if (matched.length === 0) throw new ConfigurationError('manifests', `'${entry}' matches no file. Expected ${FORM}`);
      files.push(...matched);
      continue;
    }
    const full = path.resolve(workspace, entry);
    if (!existsSync(full)) throw new ConfigurationError('manifests', `'${entry}' does not exist (${full}). Expected ${FORM}`);
    const st = statSync(full);
    if (st.isDirectory()) {
      const found = walk(full);
      if (found.length === 0) throw new ConfigurationError('manifests', `directory '${entry}' holds no .yaml, .yml or .json file. Expected ${FORM}`);
      files.push(...found);
    } else files.push(full);
  }
  return [...new Set(files)];
}

function lineOf(node: Node | null | undefined, lc: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lc.linePos(offset).line;
}

function containerLines(map: Node | null | undefined, lc: LineCounter): Record<string, number> | undefined {
  if (!isMap(map)) return undefined;
  const spec = map.getIn(['spec', 'template', 'spec'], true) as Node | undefined;
  if (!isMap(spec)) return undefined;
  const out: Record<string, number> = {};
  for (const field of ['initContainers', 'containers']) {
    const seq = spec.get(field, true);
    if (!isSeq(seq)) continue;
    for (const c of seq.items) {
      if (!isMap(c)) continue;
      const name = c.get('name');
      const line = lineOf(c as Node, lc);
      if (typeof name === 'string' && line !== undefined) out[name] = line;
    }
  }
  return out;
}

function relative(file: string, workspace: string): string {
  const rel = path.relative(workspace, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/**
 * Parses multi-document YAML (JSON is YAML) into objects that remember their file and line.
 * A `kind: List` is flattened into its items. Documents that are empty or carry no `kind`
 * (a values file, a kustomize patch) are skipped; a YAML error is a mistake in the input.
 */
export function parseManifest(text: string, file: string, workspace: string, namespace: string | undefined): Item[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false }) as Document[] | { errors?: unknown };
  const rel = relative(file, workspace);
  if (!Array.isArray(docs)) return [];
  const items: Item[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = lc.linePos(err.pos[0]).line;
      throw new ConfigurationError('manifests', `'${rel}' line ${line} is not valid YAML: ${err.message.split('\n')[0]}. Expected Kubernetes objects in YAML or JSON, documents separated by ---`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ConfigurationError('manifests', `'${rel}' line ${lineOf(doc.contents, lc) ?? 1} is not a Kubernetes object (a YAML ${Array.isArray(value) ? 'list' : typeof value}). Expected objects with apiVersion, kind and metadata`);
    }
    const obj = value as KubeObject;
    const line = lineOf(doc.contents, lc) ?? 1;
    if (obj.kind === 'List' || (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items))) {
      const seq = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
      (Array.isArray(obj.items) ? obj.items : []).forEach((o: unknown, i: number) => {
        const node = isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
        if (o && typeof o === 'object') items.push(toItem(o as KubeObject, { file: rel, line: lineOf(node, lc) ?? line, containers: containerLines(node, lc) }, namespace));
      });
      continue;
    }
    if (typeof obj.kind !== 'string') continue;
    items.push(toItem(obj, { file: rel, line, containers: obj.kind === 'Deployment' ? containerLines(doc.contents, lc) : undefined }, namespace));
  }
  return items;
}

export function toItem(object: KubeObject, source: Source | undefined, namespace: string | undefined): Item {
  const kind = object.kind ?? '';
  const ns = CLUSTER_SCOPED.has(kind) ? undefined : (object.metadata?.namespace ?? namespace);
  return { object, namespace: ns, source };
}

export function loadManifests(files: string[], workspace: string, namespace: string | undefined): Item[] {
  const items: Item[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigurationError('manifests', `'${relative(file, workspace)}' cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Expected ${FORM}`);
    }
    items.push(...parseManifest(text, file, workspace, namespace));
  }
  return items;
}
