import { code, markdownTable } from '../summary.js';
import type { TrustVerdict } from './verify.js';

/** 64-hex digests cut to 12 for tables (a full digest makes a column unreadable). */
export function shortenDigests(text: string): string {
  return text.replace(/(sha256:)?\b([a-f0-9]{12})[a-f0-9]{52}\b/g, (_m, prefix: string | undefined, head: string) => `${prefix ?? ''}${head}…`);
}

/** A row per required attestation: found, signer, checks passed or the one that failed. */
export function trustSummary(verdict: TrustVerdict): string {
  const title = verdict.ok ? `#### ✅ Attestations verified for ${code(shortenDigests(verdict.image))}` : `#### ❌ Attestations refused for ${code(shortenDigests(verdict.image))}: nothing was changed`;
  if (verdict.rows.length === 0) return `${title}\n\nNo attestation is required (require-attestations is empty).`;
  const rows = verdict.rows.map((r) => [
    `${r.kind} ${code(r.predicateType)}`,
    r.found > 0 ? String(r.found) : 'none',
    shortenDigests(r.signer),
    r.passed.length > 0 ? r.passed.join(', ') : '-',
    r.ok ? '✅ passed' : `❌ ${r.failed?.check ?? 'failed'}: ${shortenDigests(r.failed?.problem ?? '')}`,
  ]);
  return `${title}\n\n${markdownTable(['Attestation', 'Found', 'Signer', 'Checks passed', 'Result'], rows)}`;
}
