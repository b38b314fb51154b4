import { code, keyValueTable, markdownTable } from '../../../src/lib/summary.js';
import type { ConcreteBuilder } from './builder.js';
import type { Inputs } from './inputs.js';

export interface Outcome {
  inputs: Inputs;
  builder?: ConcreteBuilder;
  /** The image config digest(s): one per platform of an index. */
  configDigests?: string[];
  digest?: string;
  imageRef?: string;
  pushed: string[];
  skipped: string[];
  signed: boolean;
  signMode?: 'keyless' | 'key';
  provenanceFile?: string;
  provenanceAttached: boolean;
  /** Every tag was read back holding the digest. */
  readBack?: boolean;
  error?: string;
}

/** A fenced block that nothing inside can close: the text shows as it is, never as Markdown. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

function provenanceState(o: Outcome): string {
  if (!o.inputs.provenance) return 'disabled (provenance: false)';
  if (o.provenanceAttached) return `SLSA v1 attached with cosign attest; file ${code(o.provenanceFile ?? '')}`;
  if (o.provenanceFile) return `SLSA v1 written to ${code(o.provenanceFile)}, ${o.inputs.sign ? 'not attached' : 'not attached (sign: false)'}`;
  return o.inputs.push ? 'not written' : 'not written (push: false: no digest to describe)';
}

/** `sha256:0123456789ab…`: tables show a short digest, the code block below the full reference. */
export function shortDigest(digest: string): string {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `${digest.slice(0, 'sha256:'.length + 12)}…` : digest;
}

/** The job summary: verdict first, then image, digest, tags, signature and provenance. */
export function buildSignSummary(o: Outcome): string[] {
  const image = `${o.inputs.image.domain}/${o.inputs.image.path}`;
  // Errors quote tool output and input values: shown in a code block, they cannot turn into Markdown.
  const verdict = o.error
    ? `### ❌ build-sign failed\n\n${fenced(o.error)}`
    : o.imageRef
      ? `### ✅ ${code(o.imageRef)}`
      : `### ✅ built ${code(image)} (not pushed)`;
  const rows: string[][] = [
    ['Image', code(image)],
    ['Digest', o.digest ? code(shortDigest(o.digest)) : '—'],
    ['Builder', o.builder ?? '—'],
    ['Image config', o.configDigests?.length ? o.configDigests.map((d) => code(shortDigest(d))).join(', ') : '—'],
    ['Signature', o.signed ? `signed with cosign (${o.signMode === 'key' ? 'key' : 'keyless, GitHub OIDC'})` : o.inputs.sign ? 'not signed' : 'signing disabled (sign: false)'],
    ['Provenance', provenanceState(o)],
  ];
  const tagRows = o.inputs.tags.map((t) => [code(`${image}:${t}`), o.pushed.includes(t) ? 'pushed' : o.skipped.includes(t) ? 'already held this image' : 'not pushed']);
  const sections = [verdict, keyValueTable(rows), markdownTable(['Tag', 'State'], tagRows)];
  if (o.error && o.readBack && !o.signed && o.inputs.sign) {
    sections.push(`The image is in the registry but not signed. Re-run this job: a re-run of the same commit builds the same image, finds its tags holding it, and signs it.`);
  }
  if (o.imageRef) sections.push(`Deploy and verify by digest:\n\n\`\`\`\n${o.imageRef}\n\`\`\``);
  return sections;
}
