import { code, markdownTable } from '../../../src/lib/summary.js';
import { PREDICATE_TYPES } from '../../../src/lib/trust/policy.js';
import type { Inputs } from './inputs.js';

export interface ApplyResult {
  ref: string;
  outcome: 'applied' | 'not-served' | 'failed';
  detail?: string;
}

/** What was written, what the cluster will check, and what apply did. */
export function admissionSummary(inputs: Inputs, refs: string[], results: ApplyResult[], error?: string): string[] {
  const p = inputs.policy;
  const title = error ? '### ❌ admission-policy failed' : `### ✅ admission-policy: ${inputs.mode === 'enforce' ? 'enforcing' : 'warning on'} the trust policy`;
  const rows = [
    ['Images', inputs.images.map(code).join(', ')],
    ['Mode', inputs.mode === 'enforce' ? 'enforce (policy-controller enforce, Kyverno Enforce)' : 'warn (policy-controller warn, Kyverno Audit)'],
    ['Signer', p.signer?.kind === 'key' ? 'the given public key' : p.signer ? `${code(p.signer.identity ?? p.signer.identityRegexp ?? '')} (${p.signer.issuer})` : '-'],
    ['Attestations', p.require.length > 0 ? p.require.map((k) => `${k} ${code(PREDICATE_TYPES[k])}`).join(', ') : 'none (image signature only)'],
  ];
  if (p.require.includes('provenance')) rows.push(['Source', `${code(`${p.serverUrl}/${p.sourceRepository}`)}${p.sourceRefRegexp ? `, ref matching ${code(p.sourceRefRegexp)}` : ''}`]);
  if (p.require.includes('vuln')) rows.push(['Vulnerability gate', `no remaining ${p.vulnSeverity.join('/')} finding; scan younger than ${p.maxScanAge}`]);
  const sections = [title];
  if (error) sections.push(error);
  sections.push(markdownTable(['Policy', 'Value'], rows));
  sections.push(`Written to ${code(inputs.outputFile)}: ${refs.map(code).join(', ')}.`);
  if (results.length > 0) {
    const label = { applied: '✅ applied', 'not-served': '⚠️ not applied: the cluster does not serve this kind', failed: '❌ failed' } as const;
    sections.push(markdownTable(['Object', 'Apply'], results.map((r) => [code(r.ref), `${label[r.outcome]}${r.detail ? `: ${r.detail}` : ''}`])));
  } else if (!inputs.apply) {
    sections.push('Not applied (apply: false). To apply it yourself:');
    sections.push(`\`\`\`sh\nkubectl apply --server-side -f ${inputs.outputFile}\n\`\`\``);
  }
  return sections;
}
