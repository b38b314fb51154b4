/**
 * How kubeseal's YAML looks, decided the way go-yaml v2 decides it (kubeseal
 * prints through sigs.k8s.io/yaml, which is go-yaml v2): the order of map keys
 * (gopkg.in/yaml.v2 sorter.go) and the style of each string (encode.go
 * `stringv`, resolve.go, and emitterc.go `yaml_emitter_analyze_scalar` /
 * `yaml_emitter_select_scalar_style`). The `yaml` package writes the document;
 * these rules only choose what go-yaml would have chosen.
 */

const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);
const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
const cp = (c: string): number => c.codePointAt(0) as number;
/** Go's int64 arithmetic, overflow included. */
const int64 = (n: bigint): bigint => BigInt.asIntN(64, n);

/** keyList.Less for two string keys: letters by code point, a non-letter before a letter, digit runs as numbers. */
export function goKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] as string;
    const y = br[i] as string;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return cp(x) < cp(y);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai] as string); ai++) an = int64(an * 10n + BigInt(cp(ar[ai] as string) - 48));
    for (; bi < br.length && isDigit(br[bi] as string); bi++) bn = int64(bn * 10n + BigInt(cp(br[bi] as string) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(x) < cp(y);
  }
  return ar.length < br.length;
}

/** A comparator for Array.prototype.sort in go-yaml's key order. */
export function goKeyOrder(a: string, b: string): number {
  return goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0;
}

// --- resolve.go: would this string, written plain, read back as something other than a string?

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);
/** resolveTable: the first characters that make go-yaml try more than a string. */
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** parseTimestamp: time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2 15:4:5.999999999" or "2006-1-2". */
function isTimestamp(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap(year) ? 28 : (DAYS[month - 1] as number))) return false;
  if (m[4] === undefined) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  // The T/t layouts carry a zone, the space one does not.
  if ((m[4] === ' ') !== (m[8] === undefined)) return false;
  if (m[8] && m[8] !== 'Z' && (Number(m[8].slice(1, 3)) > 24 || Number(m[8].slice(4)) > 59)) return false;
  return true;
}

/** strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): does s parse as a Go integer literal in range? */
function isGoInteger(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2] as string;
  const digits = /^0[oO]/.test(body) ? `0o${body.slice(2)}` : /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  const fitsInt = n >= -(2n ** 63n) && n < 2n ** 63n;
  const fitsUint = m[1] === '' && n < 2n ** 64n;
  return fitsInt || fitsUint;
}

/** resolve("", s) === yaml_STR_TAG, for go-yaml v2. */
export function goResolvesToString(s: string): boolean {
  if (!HINTED.test(s) && s !== '') return true;
  if (RESOLVE_MAP.has(s)) return false;
  const hint = s[0];
  if (hint === '.') return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (hint === '+' || hint === '-' || (hint !== undefined && hint >= '0' && hint <= '9')) {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (isGoInteger(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}

// --- emitterc.go: which styles the characters of the string allow.

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
const isPrintable = (c: number): boolean => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for the block context kubeseal's output is written in. */
function analyze(value: string): ScalarAnalysis {
  if (value === '') return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = Array.from(value).map(cp);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  });
  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

export type GoScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL';

/** The style go-yaml v2 writes a string in, as a block-mapping key (simpleKey) or value. */
export function goScalarStyle(value: string, simpleKey: boolean): GoScalarStyle {
  // encode.go stringv
  const canUsePlain = goResolvesToString(value) && !BASE60_FLOAT.test(value);
  let style: GoScalarStyle = value.includes('\n') ? 'BLOCK_LITERAL' : canUsePlain ? 'PLAIN' : 'QUOTE_DOUBLE';
  // emitterc.go yaml_emitter_select_scalar_style
  const a = analyze(value);
  if (simpleKey && a.multiline) style = 'QUOTE_DOUBLE';
  if (style === 'PLAIN' && (!a.blockPlainAllowed || (value === '' && simpleKey))) style = 'QUOTE_SINGLE';
  if (style === 'QUOTE_SINGLE' && !a.singleQuotedAllowed) style = 'QUOTE_DOUBLE';
  if (style === 'BLOCK_LITERAL' && (!a.blockAllowed || simpleKey)) style = 'QUOTE_DOUBLE';
  return style;
}

// --- emitterc.go: the scalar as written, folded at spaces past column 80 (best_width) as go-yaml folds.

const BEST_WIDTH = 80;
const NAMED_ESCAPES: Record<number, string> = { 0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };

/** yaml_emitter_write_double_quoted_scalar's escape for one character, or undefined when written as it is. */
function doubleQuotedEscape(c: number): string | undefined {
  if (isPrintable(c) && c !== 0xfeff && !isBreak(c) && c !== 0x22 && c !== 0x5c) return undefined;
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return `\\${named}`;
  const [mark, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${mark}${c.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/**
 * The text go-yaml writes after a key's `:` for a one-line string in the given
 * style: the separating space, the scalar, and a line break plus `indent`
 * spaces wherever it folds (a value, not a key, starting at `column`).
 */
export function goScalarText(value: string, style: Exclude<GoScalarStyle, 'BLOCK_LITERAL'>, column: number, indent: number, allowBreaks = true): string {
  const chars = Array.from(value);
  const n = chars.length;
  let out = ' ';
  let col = column + 1;
  const put = (s: string): void => {
    out += s;
    col += Array.from(s).length;
  };
  const fold = (): void => {
    out += `\n${' '.repeat(indent)}`;
    col = indent;
  };
  if (style !== 'PLAIN') put(style === 'QUOTE_SINGLE' ? "'" : '"');
  let spaces = false;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    if (style === 'QUOTE_DOUBLE') {
      const escaped = doubleQuotedEscape(cp(ch));
      if (escaped !== undefined) {
        put(escaped);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && col > BEST_WIDTH && i > 0 && i < n - 1) {
          fold();
          if (next === ' ') put('\\');
        } else put(ch);
        spaces = true;
      } else {
        put(ch);
        spaces = false;
      }
      return;
    }
    if (ch === ' ') {
      const edgeOk = style === 'PLAIN' || (i > 0 && i < n - 1);
      if (allowBreaks && !spaces && col > BEST_WIDTH && edgeOk && next !== ' ') fold();
      else put(ch);
      spaces = true;
    } else {
      put(style === 'QUOTE_SINGLE' && ch === "'" ? "''" : ch);
      spaces = false;
    }
  });
  if (style !== 'PLAIN') put(style === 'QUOTE_SINGLE' ? "'" : '"');
  return out;
}

/** A key as go-yaml writes it (a simple key: never folded). */
export function goKeyText(key: string): string {
  const style = goScalarStyle(key, true);
  if (style === 'BLOCK_LITERAL') throw new Error('a map key cannot hold a line break');
  return goScalarText(key, style, 0, 0, false).slice(1);
}
