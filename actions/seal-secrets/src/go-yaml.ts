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

const isBreak = (c: number | undefined): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
/** is_blankz: blank, break, or the end of the string. */
const isBlankz = (c: number | undefined): boolean => c === undefined || c === 0 || isBlank(c) || isBreak(c);
/** is_printable (go-yaml tests UTF-8 bytes; these are the same code points). Tab, CR, NEL and U+FEFF are not. */
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
    precededByWhitespace = isBlankz(c);
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

/** yaml_emitter_check_simple_key for a scalar: one line and at most 128 bytes, else written as `? key`. */
export function goSimpleKey(key: string): boolean {
  return !analyze(key).multiline && Buffer.byteLength(key, 'utf8') <= 128;
}

// --- emitterc.go: the writer. A port of the block-mapping subset of go-yaml v2's
// emitter (best_indent 2, best_width 80, unicode on): the same state (column,
// whitespace, indention, indent) and the same write_* functions, so the bytes are its bytes.

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const NAMED_ESCAPES: Record<number, string> = { 0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };

/** What sigs.k8s.io/yaml marshals here: maps of strings, nulls and maps (keys already in go-yaml's order). */
export type GoYamlNode = string | null | ReadonlyMap<string, GoYamlNode>;

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];

  private put(s: string): void {
    this.out += s;
    this.column += 1;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: '\n' as the line break, any other break character copied, both start a new line. */
  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean): void {
    this.indents.push(this.indent);
    this.indent = this.indent < 0 ? (flow ? BEST_INDENT : 0) : this.indent + BEST_INDENT;
  }

  private restoreIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_write_plain_scalar and write_single_quoted_scalar (they differ only at the quotes and edges). */
  private writePlainOrSingle(value: string, single: boolean, allowBreaks: boolean): void {
    if (single) this.writeIndicator("'", true, false, false);
    else if (!this.whitespace) this.put(' ');
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        const edgeOk = !single || (i > 0 && i < chars.length - 1);
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && edgeOk && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(cp(ch))) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (single && ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (single) this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = Array.from(value);
    // is_bom(value, i) looks at the start of the value, not at i: after a leading
    // U+FEFF every character is escaped.
    const bom = value.startsWith('\ufeff');
    let spaces = false;
    chars.forEach((ch, i) => {
      const c = cp(ch);
      if (!isPrintable(c) || bom || isBreak(c) || ch === '"' || ch === '\\') {
        const named = NAMED_ESCAPES[c];
        const [mark, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
        const escape = named !== undefined ? `\\${named}` : `\\${mark}${c.toString(16).toUpperCase().padStart(digits, '0')}`;
        for (const e of escape) this.put(e);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    // yaml_emitter_write_block_scalar_hints
    const chars = Array.from(value);
    if (chars[0] === ' ' || isBreak(cp(chars[0] ?? 'x'))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    let chomp = '';
    if (!isBreak(cp(chars[last] ?? 'x'))) chomp = '-';
    else if (last === 0 || isBreak(cp(chars[last - 1] as string))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(cp(ch))) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** yaml_emitter_emit_scalar: the style, then the scalar written one level deeper. */
  scalar(value: string, simpleKey: boolean, style: GoScalarStyle = goScalarStyle(value, simpleKey)): void {
    this.increaseIndent(true);
    if (style === 'PLAIN') this.writePlainOrSingle(value, false, !simpleKey);
    else if (style === 'QUOTE_SINGLE') this.writePlainOrSingle(value, true, !simpleKey);
    else if (style === 'QUOTE_DOUBLE') this.writeDoubleQuoted(value, !simpleKey);
    else this.writeLiteral(value);
    this.restoreIndent();
  }

  node(value: GoYamlNode): void {
    if (value === null) this.scalar('null', false, 'PLAIN');
    else if (typeof value === 'string') this.scalar(value, false);
    else this.mapping(value);
  }

  mapping(map: ReadonlyMap<string, GoYamlNode>): void {
    if (map.size === 0) {
      // An empty mapping is written in flow style.
      this.writeIndicator('{', true, true, false);
      this.writeIndicator('}', false, false, false);
      return;
    }
    this.increaseIndent(false);
    for (const [key, value] of map) {
      this.writeIndent();
      if (goSimpleKey(key)) {
        this.scalar(key, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value);
    }
    this.restoreIndent();
  }
}

/** The document go-yaml v2 writes for this map (as sigs.k8s.io/yaml's Marshal), ending in a line break. */
export function goYamlDocument(root: ReadonlyMap<string, GoYamlNode>): string {
  const e = new Emitter();
  e.mapping(root);
  return `${e.out}\n`;
}

/**
 * A block mapping as go-yaml writes it nested `indent` spaces deep (each line
 * starting with that indentation), ending in a line break: what merge-into
 * inserts into a file without rewriting the lines around it.
 */
export function goYamlBlock(map: ReadonlyMap<string, GoYamlNode>, indent: number): string {
  const e = new Emitter();
  e.indent = indent >= BEST_INDENT ? indent - BEST_INDENT : -1;
  e.mapping(map);
  return `${e.out}\n`;
}
