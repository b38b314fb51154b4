import { code, markdownTable } from '../../../src/lib/summary.js';
import type { SealingCert } from './certificate.js';
import { applyDetail, type ApplyReport } from './cluster.js';
import type { Inputs } from './inputs.js';

export interface Outcome {
  inputs?: Inputs;
  cert?: SealingCert;
  certOrigin?: string;
  certWarning?: string;
  engine?: string;
  /** Keys sealed this run, and whether each was new to the file. */
  sealed: Array<{ key: string; state: 'sealed' | 'added' | 'replaced' }>;
  /** Keys kept as they were (merge-into). */
  kept: string[];
  file?: string;
  apply?: ApplyReport;
  error?: string;
}

const LABEL_TEXT: Record<string, (i: Inputs) => string> = {
  strict: (i) => `strict: opens only as ${i.namespace}/${i.name}`,
  'namespace-wide': (i) => `namespace-wide: any name in ${i.namespace}`,
  'cluster-wide': () => 'cluster-wide: any name in any namespace',
};

/** The job summary: names keys, scope, certificate and file; never a value. */
export function sealSummary(o: Outcome): string[] {
  const i = o.inputs;
  const title = i ? `${i.namespace}/${i.name}` : 'SealedSecret';
  const verdict = o.error ? `### ❌ seal-secrets failed\n\n${o.error}` : `### ✅ Sealed ${o.sealed.length} key${o.sealed.length === 1 ? '' : 's'} into ${code(title)}`;
  const sections = [verdict];
  if (!i) return sections;
  const rows: string[][] = [
    ['SealedSecret', code(title)],
    ['Scope', LABEL_TEXT[i.scope]?.(i) ?? i.scope],
    ['Type', code(i.type)],
    ['Engine', o.engine ?? i.engine],
    ['Certificate', o.cert ? `SHA-256 ${code(o.cert.fingerprint)}<br>RSA-${o.cert.keyBits}, expires ${o.cert.notAfter.toISOString().slice(0, 10)}${o.certOrigin ? `, from ${o.certOrigin}` : ''}` : '—'],
    ['File', o.file ? code(o.file) : 'not written'],
  ];
  if (o.apply) {
    const a = o.apply;
    const detail = applyDetail(a);
    rows.push(['Applied', `${a.action} (server-side apply)${detail ? `: ${detail}` : ''}`]);
  } else if (i.apply) {
    rows.push(['Applied', 'no']);
  }
  sections.push(markdownTable(['', ''], rows));
  if (o.certWarning) sections.push(`> [!WARNING]\n> ${o.certWarning}`);
  if (o.sealed.length > 0 || o.kept.length > 0) {
    const keyRows = [...o.sealed.map((s) => [code(s.key), s.state]), ...o.kept.map((k) => [code(k), 'kept (ciphertext unchanged)'])];
    sections.push(markdownTable(['Key', 'State'], keyRows));
  }
  return sections;
}
