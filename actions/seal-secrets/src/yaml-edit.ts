import type { Document, Node, Pair } from 'yaml';
import { goKeyOrder, goYamlBlock, type GoYamlNode } from './go-yaml.js';

type YamlModule = typeof import('yaml');

/** What merge-into sets: strings, and maps of them (created where missing). */
export type EditTree = ReadonlyMap<string, string | EditTree>;

type Order = (a: string, b: string) => number;
const byteOrder: Order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sortedBy = (keys: string[], order: Order): boolean => keys.every((k, i) => i === 0 || order(keys[i - 1] as string, k) <= 0);
/** The order a map's keys are kept in: go-yaml's (kubeseal's YAML), bytes (older files), or none (new keys go last). */
export const orderOf = (keys: string[], preferred: Order = goKeyOrder): Order | undefined => [preferred, goKeyOrder, byteOrder].find((order) => sortedBy(keys, order));

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Sets the strings of `changes` in the YAML text by editing only the lines of
 * the keys that change: a replaced value's line is rewritten, a new key is a
 * new line at its sorted place, written as go-yaml writes it. Every other byte
 * (comments and their spacing, folded lines, quoting) stays as it was.
 * Undefined when the file's layout is one this cannot edit in place (flow
 * maps, a key not at the start of its line, an empty map): the caller rewrites it then.
 */
export function editYamlInPlace(text: string, doc: Document, changes: EditTree, yaml: YamlModule): string | undefined {
  const edits: Edit[] = [];
  const lineStart = (i: number): number => text.lastIndexOf('\n', i - 1) + 1;
  const keyText = (k: unknown): string => String(yaml.isScalar(k) ? k.value : k);
  const rangeOf = (n: unknown): [number, number, number] | undefined => ((n as Node | null)?.range ?? undefined) as [number, number, number] | undefined;

  const visit = (map: unknown, tree: EditTree): boolean => {
    if (!yaml.isMap(map) || map.flow || map.items.length === 0) return false;
    const items = map.items as Array<Pair<unknown, unknown>>;
    const firstKey = rangeOf(items[0]?.key);
    if (!firstKey) return false;
    const indent = firstKey[0] - lineStart(firstKey[0]);
    // Every key starts its own line at the same indentation.
    for (const p of items) {
      const r = rangeOf(p.key);
      if (!r || r[0] - lineStart(r[0]) !== indent || text.slice(lineStart(r[0]), r[0]).trim() !== '') return false;
    }
    const keys = items.map((p) => keyText(p.key));
    const order = orderOf(keys);
    const entries = [...tree].sort(([a], [b]) => (order ?? (() => 0))(a, b));
    for (const [key, value] of entries) {
      const pair = items.find((p) => keyText(p.key) === key);
      if (pair && typeof value !== 'string') {
        if (!visit(pair.value, value)) return false;
      } else if (pair) {
        const v = rangeOf(pair.value);
        if (!yaml.isScalar(pair.value) || !v) return false;
        const keyStart = (rangeOf(pair.key) as [number, number, number])[0];
        edits.push({ at: lineStart(keyStart), end: v[1], text: goYamlBlock(new Map([[key, value]]), indent).slice(0, -1) });
      } else {
        const block = goYamlBlock(new Map<string, GoYamlNode>([[key, value as GoYamlNode]]), indent);
        const next = order ? items.find((p) => order(keyText(p.key), key) > 0) : undefined;
        if (next) {
          edits.push({ at: lineStart((rangeOf(next.key) as [number, number, number])[0]), end: lineStart((rangeOf(next.key) as [number, number, number])[0]), text: block });
        } else {
          const last = items[items.length - 1] as Pair<unknown, unknown>;
          const end = (rangeOf(last.value) ?? rangeOf(last.key) as [number, number, number])[1];
          const nl = text.indexOf('\n', end - 1);
          const at = text[end - 1] === '\n' ? end : nl < 0 ? text.length : nl + 1;
          edits.push({ at, end: at, text: at === text.length && !text.endsWith('\n') ? `\n${block}` : block });
        }
      }
    }
    return true;
  };
  if (!visit(doc.contents, changes)) return undefined;
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.at < pos) return undefined;
    out += text.slice(pos, e.at) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
