import { code, markdownTable } from '../../../src/lib/summary.js';
import { CHECKS, NOT_CHECKED } from './catalogue.js';
import type { ObjectResult } from './evaluate.js';
import type { Finding } from './model.js';
import type { Counts } from './verdict.js';
import type { WaiverUse } from './waivers.js';

export interface SummaryInput {
  mode: string;
  counts?: Counts;
  passed?: boolean;
  failOn: string;
  objects: ObjectResult[];
  waivers: WaiverUse[];
  waiversFile?: string;
  unavailable: Map<string, string>;
  sarifFile?: string;
  reportFile?: string;
  error?: string;
}

/** Objects shown with a full table and their fixes; the rest get one row each. */
const DETAILED = 40;
const LISTED = 400;

function resultCell(f: Finding | undefined): string {
  if (!f) return '✅ pass';
  if (f.waivedBy) return `⏸️ waived (${f.severity})`;
  if (f.status === 'unknown') return '❔ unknown';
  return f.severity === 'error' ? '❌ error' : '⚠️ warning';
}

function worst(o: ObjectResult): number {
  const open = o.findings.filter((f) => !f.waivedBy);
  if (open.some((f) => f.severity === 'error')) return 0;
  if (open.length > 0) return 1;
  return o.findings.length > 0 ? 2 : 3;
}

const ICON = ['❌', '⚠️', '⏸️', '✅'];

function objectSection(o: ObjectResult): string {
  const where = o.source ? ` (${code(`${o.source.file}:${o.source.line}`)})` : '';
  const rows: string[][] = [];
  const order = CHECKS.map((c) => c.id).filter((id) => o.checks.includes(id));
  for (const id of order) {
    const fs = o.findings.filter((f) => f.check === id);
    if (fs.length === 0) rows.push([code(id), resultCell(undefined), '', '']);
    for (const f of fs) rows.push([code(id), resultCell(f), f.container ?? '', `${f.object === o.object ? '' : `${f.object}: `}${f.message}${f.waivedBy ? ` (waived: ${f.waivedBy.reason}, until ${f.waivedBy.expires})` : ''}`]);
  }
  const fixes: string[] = [];
  const seen = new Set<string>();
  for (const f of o.findings.filter((x) => !x.waivedBy)) {
    const key = `${f.check}\n${f.fix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const on = f.container ? ` (container ${code(f.container)}${o.findings.filter((x) => x.check === f.check && x.fix === f.fix).length > 1 ? ' and others' : ''})` : '';
    fixes.push(`Fix ${code(f.check)}${on}:\n\n\`\`\`yaml\n${f.fix}\n\`\`\``);
  }
  const details = fixes.length > 0 ? `\n\n<details><summary>How to fix (${fixes.length})</summary>\n\n${fixes.join('\n\n')}\n\n</details>` : '';
  return `#### ${ICON[worst(o)]} ${code(o.object)}${where}\n\n${markdownTable(['Check', 'Result', 'Container', 'Details'], rows)}${details}`;
}

export function buildSummary(s: SummaryInput): string[] {
  const out: string[] = [];
  if (s.error !== undefined) {
    out.push(`### ❌ preflight did not complete`, s.error.split('\n').map((l) => (l.trim() === '' ? '' : `${l}  `)).join('\n'));
  } else if (s.counts) {
    const verdict = s.passed ? '✅ preflight passed' : `❌ preflight failed (fail-on: ${s.failOn})`;
    out.push(`### ${verdict}`);
  }
  if (s.counts) {
    out.push(markdownTable(['Objects', 'Errors', 'Warnings', 'Unknown (in warnings)', 'Waived', 'Source'], [[String(s.objects.length), String(s.counts.errors), String(s.counts.warnings), String(s.counts.unknown), String(s.counts.waived), s.mode]]));
  }
  const ordered = s.objects.slice().sort((a, b) => worst(a) - worst(b) || (a.object < b.object ? -1 : 1));
  const detailed = ordered.filter((o) => o.findings.length > 0).slice(0, DETAILED);
  if (detailed.length > 0) out.push('#### Objects', ...detailed.map(objectSection));
  const rest = ordered.filter((o) => !detailed.includes(o));
  if (rest.length > 0) {
    const rows = rest.slice(0, LISTED).map((o) => [code(o.object), ICON[worst(o)] ?? '', String(o.findings.filter((f) => !f.waivedBy && f.severity === 'error').length), String(o.findings.filter((f) => !f.waivedBy && f.severity === 'warning').length), String(o.checks.length)]);
    out.push(`#### ${detailed.length > 0 ? 'Other objects' : 'Objects'}`, markdownTable(['Object', 'Result', 'Errors', 'Warnings', 'Checks run'], rows));
    if (rest.length > LISTED) out.push(`…and ${rest.length - LISTED} more objects: every finding is in the report file${s.reportFile ? ` ${code(s.reportFile)}` : ''}.`);
  }
  if (s.unavailable.size > 0) {
    out.push('#### Could not be read (checks that need these are unknown, not passed)', markdownTable(['Kind', 'Why'], [...s.unavailable.entries()].map(([k, why]) => [k, why])));
  }
  const expired = s.waivers.filter((w) => w.expired);
  if (expired.length > 0) {
    out.push(`#### ⏰ Expired waivers (they waive nothing)`, markdownTable(['Check', 'Object', 'Expired', 'Reason', 'Would match', 'Line'], expired.map((w) => [code(w.waiver.check), code(w.waiver.object), w.waiver.expires, w.waiver.reason, String(w.matched), String(w.waiver.line)])));
  }
  const unused = s.waivers.filter((w) => !w.expired && w.matched === 0);
  if (unused.length > 0) out.push(`Waivers that matched nothing: ${unused.map((w) => `${code(w.waiver.check)} on ${code(w.waiver.object)} (line ${w.waiver.line})`).join(', ')}.`);
  out.push('#### Not checked here', markdownTable(['Item of the checklist', 'Why'], NOT_CHECKED.map((n) => [n.item, n.why])));
  const files = [s.sarifFile ? `SARIF: ${code(s.sarifFile)}` : '', s.reportFile ? `report: ${code(s.reportFile)}` : ''].filter(Boolean);
  if (files.length > 0) out.push(files.join(' · '));
  return out;
}
