import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { globToRegExp } from './glob.js';
import { parsePurl, type Purl } from './purl.js';

/**
 * Ignore files in Trivy's two formats (pkg/result/ignore.go):
 * - `.trivyignore.yaml` / `.yml`: `vulnerabilities: [{id, paths, purls, statement, expired_at}]`
 * - anything else, the plain `.trivyignore`: one `ID [exp:YYYY-MM-DD]` per line, `#` comments.
 * Unlike Trivy, a mistake is an error naming the file and line, never a
 * silently skipped entry: a misspelt `expired_at` would otherwise ignore forever.
 */
export interface IgnoreEntry {
  id: string;
  paths: string[];
  pathPatterns: RegExp[];
  purls: string[];
  parsedPurls: Purl[];
  statement?: string;
  /** Expiry instant; the entry suppresses nothing from then on. */
  expiredAt?: Date;
  /** As written, for the summary. */
  expiredAtText?: string;
  /** 1-based line of the entry in the file. */
  line: number;
}

export interface IgnoreRules {
  /** Path as the workflow gave it (relative to the workspace). */
  file: string;
  entries: IgnoreEntry[];
}

export class IgnoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file} line ${line}: ${detail}`);
    this.name = 'IgnoreFileError';
  }
}

export function isYamlIgnoreFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

const DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/;
const DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?$/;

/** The date forms Go's yaml.v3 decodes into time.Time: `2006-01-02` (midnight UTC) and RFC 3339 date-times. */
export function parseExpiry(text: string): Date | undefined {
  const d = DATE.exec(text);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const date = new Date(Date.UTC(y, m - 1, day));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day) return undefined;
    return date;
  }
  if (DATE_TIME.test(text)) {
    const normalized = /(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$/.test(text) ? text : `${text}Z`;
    const date = new Date(normalized.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

function emptyEntry(id: string, line: number): IgnoreEntry {
  return { id, paths: [], pathPatterns: [], purls: [], parsedPurls: [], line };
}

/** The plain `.trivyignore` format. */
export function parsePlainIgnore(text: string, file: string): IgnoreRules {
  const entries: IgnoreEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, ...rest] = line.split(/\s+/) as [string, ...string[]];
    const entry = emptyEntry(id, index + 1);
    for (const field of rest) {
      if (!field.startsWith('exp:')) {
        throw new IgnoreFileError(file, index + 1, `unexpected '${field}' after '${id}'. Expected ID [exp:YYYY-MM-DD]`);
      }
      const when = field.slice(4);
      const date = DATE.test(when) ? parseExpiry(when) : undefined;
      if (!date) throw new IgnoreFileError(file, index + 1, `'${when}' is not a date. Expected exp:YYYY-MM-DD`);
      entry.expiredAt = date;
      entry.expiredAtText = when;
    }
    entries.push(entry);
  });
  return { file, entries };
}

const TOP_LEVEL = new Set(['vulnerabilities', 'misconfigurations', 'secrets', 'licenses']);
const ENTRY_KEYS = new Set(['id', 'paths', 'purls', 'statement', 'expired_at']);

/** `.trivyignore.yaml`. */
export function parseYamlIgnore(text: string, file: string): IgnoreRules {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const range = node && 'range' in node ? node.range : node && 'key' in node && node.key && typeof node.key === 'object' && 'range' in node.key ? (node.key as Node).range : undefined;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    throw new IgnoreFileError(file, line, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { file, entries: [] };
  if (!isMap(root)) throw new IgnoreFileError(file, lineOf(root), 'expected a mapping with a vulnerabilities list');
  const entries: IgnoreEntry[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_LEVEL.has(key)) throw new IgnoreFileError(file, lineOf(pair.key as Node), `unknown key '${key}'. Expected vulnerabilities (or misconfigurations, secrets, licenses)`);
    if (key !== 'vulnerabilities') continue; // the gate scans vulnerabilities only
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) throw new IgnoreFileError(file, lineOf(value), 'vulnerabilities must be a list of entries like - id: CVE-2024-1234');
    for (const item of value.items as Array<Node | null>) {
      if (!isMap(item)) throw new IgnoreFileError(file, lineOf(item), 'each vulnerabilities entry must be a mapping with an id');
      const line = lineOf(item);
      const fields = new Map<string, Node | null>();
      for (const p of item.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (!ENTRY_KEYS.has(k)) throw new IgnoreFileError(file, lineOf(p.key as Node), `unknown field '${k}'. Expected id, paths, purls, statement or expired_at`);
        fields.set(k, p.value as Node | null);
      }
      const idNode = fields.get('id');
      if (!idNode || !isScalar(idNode) || typeof idNode.value !== 'string' || idNode.value.trim() === '') {
        throw new IgnoreFileError(file, idNode ? lineOf(idNode) : line, 'the entry has no id. Expected id: CVE-2024-1234 (or GHSA-..., another vulnerability ID)');
      }
      const entry = emptyEntry(idNode.value.trim(), line);
      const strings = (name: string): Array<{ text: string; line: number }> => {
        const node = fields.get(name);
        if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
        if (!isSeq(node)) throw new IgnoreFileError(file, lineOf(node), `${name} of ${entry.id} must be a list`);
        return (node.items as Array<Node | null>).map((n) => {
          if (!isScalar(n) || typeof n.value !== 'string' || n.value === '') throw new IgnoreFileError(file, lineOf(n ?? node), `${name} of ${entry.id} must hold non-empty strings`);
          return { text: n.value, line: lineOf(n) };
        });
      };
      for (const p of strings('paths')) {
        const re = globToRegExp(p.text);
        if (!re) throw new IgnoreFileError(file, p.line, `'${p.text}' is not a valid path pattern (unbalanced [ or {, or a trailing \\)`);
        entry.paths.push(p.text);
        entry.pathPatterns.push(re);
      }
      for (const p of strings('purls')) {
        const purl = parsePurl(p.text);
        if (typeof purl === 'string') throw new IgnoreFileError(file, p.line, `'${p.text}' is not a package URL: ${purl}. Expected pkg:type/namespace/name@version`);
        entry.purls.push(p.text);
        entry.parsedPurls.push(purl);
      }
      const statement = fields.get('statement');
      if (statement !== undefined && statement !== null && !(isScalar(statement) && statement.value === null)) {
        if (!isScalar(statement) || typeof statement.value !== 'string') throw new IgnoreFileError(file, lineOf(statement), `statement of ${entry.id} must be text`);
        entry.statement = statement.value;
      }
      const expiry = fields.get('expired_at');
      if (expiry !== undefined && expiry !== null) {
        const raw = isScalar(expiry) ? expiry.value : undefined;
        const text = raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw.trim() : undefined;
        const date = text === undefined ? undefined : parseExpiry(text);
        if (!date) throw new IgnoreFileError(file, lineOf(expiry), `expired_at of ${entry.id} is ${JSON.stringify(raw ?? null)}, not a date. Expected YYYY-MM-DD or an RFC 3339 date-time`);
        entry.expiredAt = date;
        entry.expiredAtText = text;
      }
      entries.push(entry);
    }
  }
  return { file, entries };
}

export function parseIgnoreFile(text: string, file: string): IgnoreRules {
  return isYamlIgnoreFile(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file);
}
