import { code, markdownTable } from '../../../src/lib/summary.js';
import type { ConcreteBuilder } from './builder.js';
import type { Inputs } from './inputs.js';

export interface Outcome {
  inputs: Inputs;
  builder?: ConcreteBuilder;
  configDigest?: string;
  digest?: string;
  imageRef?: string;
  pushed: string[];
  skipped: string[];
  signed: boolean;
  signMode?: 'keyless' | 'key';
  error?: string;
}

/** The job summary: verdict first, then image, digest, tags and signature. */
export function buildSignSummary(o: Outcome): string[] {
  const image = `${o.inputs.image.domain}/${o.inputs.image.path}`;
  const verdict = o.error
    ? `### ❌ build-sign failed\n\n${o.error}`
    : o.imageRef
      ? `### ✅ ${code(o.imageRef)}`
      : `### ✅ built ${code(image)} (not pushed)`;
  const rows: string[][] = [
    ['Image', code(image)],
    ['Digest', o.digest ? code(o.digest) : '—'],
    ['Builder', o.builder ?? '—'],
    ['Image config', o.configDigest ? code(o.configDigest) : '—'],
    ['Signature', o.signed ? `signed with cosign (${o.signMode === 'key' ? 'key' : 'keyless, GitHub OIDC'})` : o.inputs.sign ? 'not signed' : 'signing disabled (sign: false)'],
  ];
  const tagRows = o.inputs.tags.map((t) => [code(`${image}:${t}`), o.pushed.includes(t) ? 'pushed' : o.skipped.includes(t) ? 'already held this image' : 'not pushed']);
  const sections = [verdict, markdownTable(['', ''], rows), markdownTable(['Tag', 'State'], tagRows)];
  if (o.imageRef) sections.push(`Deploy and verify by digest:\n\n\`\`\`\n${o.imageRef}\n\`\`\``);
  return sections;
}
