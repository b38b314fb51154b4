/**
 * Path patterns of `.trivyignore.yaml` `paths`, as Trivy matches them
 * (github.com/bmatcuk/doublestar): `**` spans directories, `*` and `?` stay
 * within one, `[...]`/`[!...]` classes, `{a,b}` alternatives, `\` escapes.
 */
const SPECIAL = /[.+^$()|{}[\]\\*?/]/;

function escapeChar(c: string): string {
  return SPECIAL.test(c) && c !== '/' ? `\\${c}` : c;
}

/** Index of the `}` closing the `{` at `open`, and the top-level comma positions; undefined when unbalanced. */
function braceGroup(p: string, open: number): { close: number; commas: number[] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return { close: i, commas };
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

function convert(p: string): string | undefined {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\') {
      const next = p[i + 1];
      if (next === undefined) return undefined;
      out += escapeChar(next);
      i++;
    } else if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const atEnd = i + 2 === p.length || p[i + 2] === '/';
        if (atStart && atEnd) {
          if (p[i + 2] === '/') {
            out += '(?:.*/)?';
            i += 2;
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (p[j] === '!' || p[j] === '^') {
        negate = true;
        j++;
      }
      let body = '';
      let closed = false;
      for (let first = true; j < p.length; j++, first = false) {
        const d = p[j] as string;
        if (d === ']' && !first) {
          closed = true;
          break;
        }
        if (d === '\\') {
          const e = p[j + 1];
          if (e === undefined) return undefined;
          body += `\\${e}`;
          j++;
        } else if (d === '-') body += '-';
        else body += /[\]\\^]/.test(d) ? `\\${d}` : d;
      }
      if (!closed || body === '') return undefined;
      out += negate ? `[^/${body}]` : `[${body}]`;
      i = j;
    } else if (c === '{') {
      const group = braceGroup(p, i);
      if (!group) return undefined;
      const bounds = [i, ...group.commas, group.close];
      const alternatives: string[] = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const alt = convert(p.slice((bounds[k] as number) + 1, bounds[k + 1]));
        if (alt === undefined) return undefined;
        alternatives.push(alt);
      }
      out += `(?:${alternatives.join('|')})`;
      i = group.close;
    } else if (c === '}' || c === ']') {
      return undefined;
    } else {
      out += escapeChar(c);
    }
  }
  return out;
}

/** The pattern as a RegExp over whole paths; undefined when the pattern is malformed. */
export function globToRegExp(pattern: string): RegExp | undefined {
  const source = convert(pattern);
  return source === undefined ? undefined : new RegExp(`^${source}$`, 's');
}
