// Renders a job summary as GitHub does (GitHub Flavored Markdown, single newlines are
// NOT line breaks, raw HTML passes through and unknown tags are eaten by the sanitizer),
// and reads the rendered page back the way a person sees it. Tests assert on this,
// never on the Markdown source: a summary that looks right in a terminal can render as
// one paragraph on GitHub, and `<a revision>` in plain text disappears as an HTML tag.
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** The HTML GitHub would render for this Markdown (before its sanitizer). */
export function renderGfm(markdown) {
  return /** @type {string} */ (marked.parse(markdown));
}

// Tags GitHub's sanitizer keeps in job summaries; any other tag (such as `<a revision
// that worked>`) is removed with no trace, so text in angle brackets must be escaped.
const ALLOWED = new Set(['a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var', 'span']);

/** Removes the tags GitHub's sanitizer removes, collecting them in `eaten`. */
function sanitize(html, eaten = []) {
  return html.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g, (m, tag) => {
    if (ALLOWED.has(tag.toLowerCase())) return m;
    eaten.push(m);
    return '';
  });
}

/** The HTML a person sees on GitHub: rendered as GFM, then through the sanitizer's tag list. */
export function githubHtml(markdown) {
  return sanitize(renderGfm(markdown));
}

/** Decodes the few entities marked writes. */
function decode(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The visible text of the rendered summary, block by block: what survives GitHub's
 * sanitizer, with each paragraph, list item, table row, heading and code block on its
 * own entry. `blocks` tells which kind each came from.
 */
export function readRendered(markdown) {
  const html = renderGfm(markdown);
  /** @type {{ kind: string, text: string }[]} */
  const blocks = [];
  const codeBlocks = [];
  // Code blocks first: their content is text, whatever it looks like.
  const withoutCode = html.replace(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g, (_m, code) => {
    const text = decode(code);
    codeBlocks.push(text);
    blocks.push({ kind: 'code', text });
    return '\n';
  });
  const eatenTags = [];
  const sanitized = sanitize(withoutCode, eatenTags);
  for (const m of sanitized.matchAll(/<(p|li|h[1-6]|tr|summary|blockquote)[^>]*>([\s\S]*?)<\/\1>/g)) {
    // Source newlines are spaces on GitHub; only <br> breaks a line.
    const visible = m[2].replace(/<[^>]+>/g, (tag) => (/^<br\b/i.test(tag) ? '\u2029' : ' '));
    const text = decode(visible.replace(/[ \t\n]+/g, ' ').replace(/\s*\u2029\s*/g, '\n').replace(/ +/g, ' ').trim());
    if (text) blocks.push({ kind: m[1], text });
  }
  const text = decode(sanitized.replace(/<[^>]+>/g, ' ')).replace(/[ \t]+/g, ' ');
  return { html, blocks, codeBlocks, eatenTags, text };
}

/** Header cells of each rendered table, in order. */
export function tableHeaders(markdown) {
  const html = renderGfm(markdown);
  return [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => [...m[1].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => decode(c[1].replace(/<[^>]+>/g, '').trim())));
}
