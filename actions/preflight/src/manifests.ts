import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
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
      // Like the directory walk, a glob does not descend into dot-folders (.git, .github)
      // unless the pattern names one.
      const hiddenOk = /(^|\/)\./.test(entry);
      const matched = (await globber.glob()).filter((f) => statSync(f).isFile() && (hiddenOk || !/(^|\/)\./.test(path.relative(workspace, f).split(path.sep).join('/')))).sort();
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

/**
 * A file's YAML documents with the line each starts on. Document markers (`---`, `...`) at
 * the start of a line end a document wherever they appear (YAML 1.2, 9.1), so splitting
 * on them is exact; it also lets js-yaml parse one document at a time (5x faster than
 * building the `yaml` package's node tree, which the 5,000-object bench needs).
 */
function splitDocuments(text: string): Array<{ text: string; line: number }> {
  const lines = text.split(/\r?\n/);
  const docs: Array<{ text: string; line: number }> = [];
  let start = 0;
  let current: string[] = [];
  lines.forEach((l, i) => {
    if (/^(---|\.\.\.)(\s|$)/.test(l)) {
      docs.push({ text: current.join('\n'), line: start + 1 });
      start = i;
      // `--- {kind: ...}`: content may follow the marker on its line.
      current = l.startsWith('---') ? [l.slice(3)] : [];
      if (l.startsWith('...')) start = i + 1;
    } else current.push(l);
  });
  docs.push({ text: current.join('\n'), line: start + 1 });
  return docs;
}

/** 1-based line of the first content (not blank, not a comment) of a document. */
function contentLine(doc: { text: string; line: number }): number {
  const lines = doc.text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return doc.line + Math.max(i, 0);
}

/** Lines of the containers (`- name: x` under containers:/initContainers:) of a Deployment document. */
function containerLines(doc: { text: string; line: number }, names: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const lines = doc.text.split('\n');
  let inList = false;
  lines.forEach((l, i) => {
    if (/^\s*"?(containers|initContainers)"?\s*:/.test(l)) inList = true;
    const m = inList ? /^\s*-\s+"?name"?\s*:\s*["']?([a-z0-9-]+)["']?\s*(#.*)?,?$/.exec(l) : null;
    if (m?.[1] && names.includes(m[1]) && out[m[1]] === undefined) out[m[1]] = doc.line + i;
  });
  return out;
}

function relative(file: string, workspace: string): string {
  const rel = path.relative(workspace, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

function deploymentContainers(o: KubeObject): string[] {
  const spec = o.spec?.template?.spec;
  return ['initContainers', 'containers'].flatMap((f) => (Array.isArray(spec?.[f]) ? (spec[f] as Array<{ name?: unknown }>).map((c) => String(c?.name)) : []));
}

/**
 * Parses multi-document YAML (JSON is YAML) into objects that remember their file and line.
 * A `kind: List` is flattened into its items. Documents that are empty or carry no `kind`
 * (a values file, a kustomize patch) are skipped; a YAML error is a mistake in the input.
 */
export function parseManifest(text: string, file: string, workspace: string, namespace: string | undefined): Item[] {
  const rel = relative(file, workspace);
  const items: Item[] = [];
  for (const doc of splitDocuments(text)) {
    if (doc.text.trim() === '') continue;
    let value: unknown;
    try {
      // The core schema: no timestamps or other YAML 1.1 surprises, as the API server reads JSON.
      value = load(doc.text, { schema: CORE_SCHEMA, filename: rel });
    } catch (err) {
      const e = err as { mark?: { line?: number }; reason?: string; message?: string };
      const line = doc.line + (e.mark?.line ?? 0);
      throw new ConfigurationError('manifests', `'${rel}' line ${line} is not valid YAML: ${e.reason ?? e.message?.split('\n')[0] ?? 'parse error'}. Expected Kubernetes objects in YAML or JSON, documents separated by ---`);
    }
    if (value === null || value === undefined) continue;
    const line = contentLine(doc);
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ConfigurationError('manifests', `'${rel}' line ${line} is not a Kubernetes object (a YAML ${Array.isArray(value) ? 'list' : typeof value}). Expected objects with apiVersion, kind and metadata`);
    }
    const obj = value as KubeObject;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      // Items of a List point at the List's line (their own lines are not tracked).
      for (const o of obj.items as unknown[]) if (o && typeof o === 'object') items.push(toItem(o as KubeObject, { file: rel, line }, namespace));
      continue;
    }
    if (typeof obj.kind !== 'string') continue;
    items.push(toItem(obj, { file: rel, line, containers: obj.kind === 'Deployment' ? containerLines(doc, deploymentContainers(obj)) : undefined }, namespace));
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
