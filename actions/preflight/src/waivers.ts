import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { CHECK_IDS, isCheckId, type CheckId } from './catalogue.js';
import type { Finding } from './model.js';

/**
 * The waivers file (default .preflight-waivers.yaml):
 *
 *   waivers:
 *     - check: probes-http
 *       object: Deployment/shop/*        # Kind/namespace/name, * matches any run of characters
 *       reason: gRPC health checks, tracked in SHOP-42
 *       expires: 2026-12-31              # a date (end of that day, UTC) or an RFC 3339 time
 *
 * Every field is required. An expired waiver waives nothing and is listed, like scan's
 * expired ignore entries.
 */
export interface Waiver {
  check: CheckId;
  object: string;
  reason: string;
  expires: string;
  expiresAt: Date;
  line: number;
  matcher: RegExp;
}

export class WaiverFileError extends Error {}

const OBJECT_FORM = /^[^/\s]+\/[^/\s]+\/[^/\s]+$/;

function parseExpiry(value: unknown): { text: string; at: Date } | undefined {
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), at: new Date(value.getTime() + 86_400_000 - 1) };
  if (typeof value !== 'string') return undefined;
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) {
    const at = new Date(`${value}T23:59:59.999Z`);
    return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? undefined : { text: value, at };
  }
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$/.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? undefined : { text: value, at };
  }
  return undefined;
}

function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export function parseWaivers(text: string, file: string): Waiver[] {
  const lc = new LineCounter();
  // YAML 1.2 core schema: a bare 2026-12-31 stays a string (no timestamp type).
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new WaiverFileError(`${file} line ${lc.linePos(err.pos[0]).line} is not valid YAML: ${err.message.split('\n')[0]}`);
  const root = doc.contents;
  if (root === null || root === undefined) return [];
  let list: Node | undefined | null;
  if (isSeq(root)) list = root;
  else if (isMap(root)) {
    const extra = root.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key)).filter((k) => k !== 'waivers');
    if (extra.length > 0) throw new WaiverFileError(`${file}: unknown top-level key ${extra.map((k) => `'${k}'`).join(', ')}; the file holds one key, waivers, a list of {check, object, reason, expires}`);
    list = root.get('waivers', true) as Node | undefined;
    if (list === undefined || list === null) return [];
  } else throw new WaiverFileError(`${file} is not a waivers file: expected a map with waivers: [{check, object, reason, expires}]`);
  if (!isSeq(list)) throw new WaiverFileError(`${file}: waivers is not a list`);
  const waivers: Waiver[] = [];
  list.items.forEach((node, i) => {
    const line = lc.linePos((node as Node).range?.[0] ?? 0).line;
    const where = `${file} line ${line} (waiver ${i + 1})`;
    if (!isMap(node)) throw new WaiverFileError(`${where} is not a map of check, object, reason and expires`);
    const e = node.toJSON() as Record<string, unknown>;
    const unknownKeys = Object.keys(e).filter((k) => !['check', 'object', 'reason', 'expires'].includes(k));
    if (unknownKeys.length > 0) throw new WaiverFileError(`${where}: unknown field ${unknownKeys.map((k) => `'${k}'`).join(', ')}; a waiver has check, object, reason and expires`);
    for (const f of ['check', 'object', 'reason', 'expires']) {
      if (e[f] === undefined || e[f] === null || (typeof e[f] === 'string' && (e[f] as string).trim() === '')) throw new WaiverFileError(`${where}: '${f}' is required (every waiver names its check, object, reason and expiry)`);
    }
    const check = String(e.check);
    if (!isCheckId(check)) throw new WaiverFileError(`${where}: '${check}' is not a preflight check. Expected one of ${CHECK_IDS.join(', ')}`);
    const object = String(e.object);
    if (!OBJECT_FORM.test(object)) throw new WaiverFileError(`${where}: object '${object}' is not Kind/namespace/name (each part may be or contain *), e.g. Deployment/shop/api`);
    if (typeof e.reason !== 'string') throw new WaiverFileError(`${where}: reason must be text`);
    const expiry = parseExpiry(e.expires);
    if (!expiry) throw new WaiverFileError(`${where}: expires '${String(e.expires)}' is not a date. Expected YYYY-MM-DD (the end of that day, UTC) or an RFC 3339 time such as 2026-12-31T12:00:00Z`);
    waivers.push({ check, object, reason: e.reason.trim(), expires: expiry.text, expiresAt: expiry.at, line, matcher: globRegExp(object) });
  });
  return waivers;
}

export interface WaiverUse {
  waiver: Waiver;
  expired: boolean;
  /** Findings it matched (for an expired one: the findings it would have waived). */
  matched: number;
}

/** Marks the findings an unexpired waiver covers; returns how each waiver was used. */
export function applyWaivers(findings: Finding[], waivers: Waiver[], now: Date): WaiverUse[] {
  const uses = waivers.map((w) => ({ waiver: w, expired: w.expiresAt.getTime() < now.getTime(), matched: 0 }));
  for (const f of findings) {
    for (const use of uses) {
      if (use.waiver.check !== f.check || !use.waiver.matcher.test(f.object)) continue;
      use.matched += 1;
      if (!use.expired && !f.waivedBy) f.waivedBy = { reason: use.waiver.reason, expires: use.waiver.expires, line: use.waiver.line };
    }
  }
  return uses;
}
