// A small Markdown renderer for the terminal: enough for the job summaries the actions write
// (headings, pipe tables, blockquotes with GitHub alerts, lists, fenced code, <details>,
// inline code, bold, links, GitHub emoji shortcodes). Plain ANSI, and only when asked (a TTY).

const ESC = '\u001b[';
const SHORTCODES = { white_check_mark: '✅', x: '❌', warning: '⚠️', information_source: 'ℹ️', lock: '🔒', rocket: '🚀', leftwards_arrow_with_hook: '↩️' };

/** @param {boolean} color */
export function styles(color) {
  const wrap = (open, close) => (s) => (color ? `${ESC}${open}m${s}${ESC}${close}m` : s);
  return {
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
    underline: wrap('4', '24'),
    heading: (s) => (color ? `${ESC}1;4m${s}${ESC}22;24m` : s),
    red: wrap('31', '39'),
    green: wrap('32', '39'),
    yellow: wrap('33', '39'),
    cyan: wrap('36', '39'),
  };
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are exactly what this strips
export const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** Columns a string takes in a terminal: wide emoji count 2, variation selectors and ANSI 0. */
export function displayWidth(text) {
  let width = 0;
  for (const ch of stripAnsi(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfe0f || cp === 0x200d || (cp >= 0x300 && cp < 0x370)) continue;
    width += (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ? 2 : 1;
  }
  return width;
}

const pad = (s, w) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** Inline Markdown: `code`, **bold**, [text](url), :shortcode:, HTML entities, escapes. */
function inline(text, st) {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return st.cyan(part.slice(1, -1));
      return part
        .replace(/\*\*([^*]+)\*\*/g, (_m, s) => st.bold(s))
        .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)')
        .replace(/:([a-z_]+):/g, (m, name) => SHORTCODES[name] ?? m)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/\\([[\]|*_`\\])/g, '$1');
    })
    .join('');
}

/** Cells of a `| a | b |` row; `\|` is a literal bar. */
function cells(line) {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (body[i] === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += body[i];
  }
  out.push(cur.trim());
  return out;
}

const DIGEST = /sha256:([a-f0-9]{12})[a-f0-9]{52}/g;

/**
 * Aligned columns. A table wider than `width` shows digests as sha256:<12 hex>…; a key/value
 * table (header cells empty, or `Item | Value`) has no header line.
 */
function table(lines, st, width, indent) {
  const rows = lines.filter((l) => !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l)).map(cells);
  const header = rows[0] ?? [];
  // Key/value tables (src/lib/summary.ts keyValueTable: `Item | Value`) read better without a header.
  const keyValue = header.length === 2 && header.every((c, i) => c === ['Item', 'Value'][i]);
  const hasHeader = !keyValue && header.some((c) => c !== '');
  const body = rows.slice(1);
  const render = (shorten) => {
    const fmt = (c) => inline(shorten ? c.replace(DIGEST, 'sha256:$1…') : c, st).split(/<br\s*\/?>/i);
    const grid = [...(hasHeader ? [header.map((c) => [st.bold(inline(c, st))])] : []), ...body.map((r) => r.map(fmt))];
    const n = Math.max(...grid.map((r) => r.length));
    const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...grid.map((r) => Math.max(0, ...(r[i] ?? ['']).map(displayWidth)))));
    const out = [];
    grid.forEach((r, ri) => {
      const height = Math.max(...r.map((c) => c.length));
      for (let k = 0; k < height; k++) {
        const text = widths.map((w, i) => pad(r[i]?.[k] ?? '', w)).join('  ').trimEnd();
        out.push(indent + text);
      }
      if (ri === 0 && hasHeader) out.push(indent + st.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
    });
    return out;
  };
  const fits = (out) => Math.max(...out.map(displayWidth)) <= width;
  const full = render(false);
  if (fits(full)) return full;
  const short = render(true);
  if (fits(short) || !hasHeader) return short;
  // Still too wide: one block per row, the first cell as its title and the others as name/value lines.
  const names = header.slice(1).map((c) => inline(c, st));
  const nameWidth = Math.max(...names.map(displayWidth));
  const out = [];
  body.forEach((r, ri) => {
    if (ri > 0) out.push('');
    out.push(indent + st.bold(inline(r[0] ?? '', st)));
    names.forEach((name, i) => {
      const value = inline(r[i + 1] ?? '', st).split(/<br\s*\/?>/i);
      value.forEach((v, k) => out.push(`${indent}  ${st.dim(pad(k === 0 ? name : '', nameWidth))}  ${v}`));
    });
  });
  return out;
}

/**
 * @param {string} markdown
 * @param {{ color?: boolean, width?: number, indent?: string }} [options]
 * @returns {string}
 */
export function renderMarkdown(markdown, options = {}) {
  const st = styles(options.color ?? false);
  const width = options.width ?? 120;
  const indent = options.indent ?? '';
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1].trim() !== '') out.push('');
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) out.push(`${indent}    ${st.dim(lines[i])}`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const block = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) block.push(lines[i]);
      i--;
      out.push(...table(block, st, width - indent.length, indent));
      blank();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blank();
      out.push(indent + st.heading(inline(heading[2].trim(), st)));
      continue;
    }
    if (/^\s*>/.test(line)) {
      const text = line.replace(/^\s*>\s?/, '');
      const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/.exec(text);
      if (alert) out.push(`${indent}  ${st.yellow('│')} ${st.bold(alert[1][0] + alert[1].slice(1).toLowerCase())}`);
      else for (const part of text.split(/<br\s*\/?>/i)) out.push(`${indent}  ${st.yellow('│')} ${inline(part, st)}`);
      continue;
    }
    const details = /^\s*<details>\s*<summary>(.*?)<\/summary>\s*$/.exec(line);
    if (details) {
      out.push(indent + st.bold(`${inline(details[1], st)}:`));
      continue;
    }
    if (/^\s*<\/?details>\s*$/.test(line)) continue;
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    if (item) {
      out.push(`${indent}${item[1]}  • ${inline(item[2], st)}`);
      continue;
    }
    if (line.trim() === '') {
      blank();
      continue;
    }
    for (const part of line.split(/<br\s*\/?>/i)) out.push(indent + inline(part, st));
  }
  while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out.join('\n');
}
