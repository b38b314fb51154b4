import { code, escapeCell, markdownTable } from '../../../src/lib/summary.js';
import type { Evaluation } from '../../../src/lib/vuln/policy.js';
import type { SbomFacts } from './sbom.js';
import { SEVERITIES, type Finding } from '../../../src/lib/vuln/trivy-report.js';

/** The job summary: the verdict first, then what a person needs to act on it. */
export interface ScanOutcome {
  imageRef?: string;
  failingSeverities?: readonly string[];
  failOnFindings?: boolean;
  trivyVersion?: string;
  evaluation?: Evaluation;
  otherFindings?: number;
  ignoreFile?: string;
  /** Lines about the vulnerability DB: mirror used, mirrors rate-limited, cache. */
  dbNotes: string[];
  reportFile?: string;
  sarifFile?: string;
  /** Remaining findings left out of the SARIF (code scanning's per-run result limit). */
  sarifOmitted?: number;
  attested?: boolean;
  sbom?: SbomFacts;
  error?: string;
}

export const MAX_FINDING_ROWS = 50;

/** Text from the report goes in table cells: no HTML, no Markdown links of its own. */
function plain(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/[[\]]/g, (c) => `\\${c}`);
}

function link(f: Finding): string {
  return f.primaryUrl && /^https:\/\/[^\s()]+$/.test(f.primaryUrl) ? `[${plain(f.id)}](${f.primaryUrl})` : plain(f.id);
}

function verdict(o: ScanOutcome): string {
  const image = o.imageRef ? ` ${code(o.imageRef)}` : '';
  const ev = o.evaluation;
  if (!ev) return `## :x: Scan of${image} did not complete\n\n${o.error ? plain(o.error).split('\n').map((l) => `> ${l}`).join('\n') : ''}`;
  const sev = (o.failingSeverities ?? []).join(', ');
  if (ev.passed) return `## :white_check_mark: Scan passed:${image}\n\nNo finding of a failing severity (${sev}) remains after ignoring (${ev.total} found, ${ev.ignoredTotal} ignored).`;
  const n = ev.failingFindings.length;
  const head = o.failOnFindings === false ? `## :warning: Scan found ${n} failing finding${n === 1 ? '' : 's'} (not enforced: fail-on-findings is false):${image}` : `## :x: Scan failed: ${n} finding${n === 1 ? '' : 's'} of failing severity (${sev}) in${image}`;
  return head;
}

export function buildScanSummary(o: ScanOutcome): string[] {
  const sections = [verdict(o)];
  const ev = o.evaluation;
  if (ev) {
    const failingSet = new Set(o.failingSeverities ?? []);
    const rows = SEVERITIES.map((s) => [failingSet.has(s) ? `**${s}**` : s, String(ev.found[s]), String(ev.ignored[s]), String(ev.remaining[s]), failingSet.has(s) ? String(ev.failing[s]) : '-']);
    rows.push(['Total', String(ev.total), String(ev.ignoredTotal), String(ev.remainingFindings.length), String(ev.failingFindings.length)]);
    sections.push(markdownTable(['Severity', 'Found', 'Ignored', 'Remaining', 'Failing'], rows));
    if (ev.ignoredTotal > 0) {
      const parts: string[] = [];
      if (ev.ignoredBy.unfixed > 0) parts.push(`${ev.ignoredBy.unfixed} without a fixed version (ignore-unfixed)`);
      if (ev.ignoredBy['ignore-file'] > 0) parts.push(`${ev.ignoredBy['ignore-file']} by entries of ${code(o.ignoreFile ?? 'the ignore file')}`);
      sections.push(`Ignored: ${parts.join('; ')}.`);
    }
    if (ev.failingFindings.length > 0) {
      const shown = ev.failingFindings.slice(0, MAX_FINDING_ROWS);
      const table = markdownTable(
        ['Severity', 'Vulnerability', 'CVSS', 'Package', 'Installed', 'Fixed in', 'Target'],
        shown.map((f) => [f.severity, link(f), f.cvss !== undefined ? f.cvss.toFixed(1) : '', plain(f.pkgName), plain(f.installedVersion), f.fixedVersion ? plain(f.fixedVersion) : '(no fix)', plain(f.target)]),
      );
      const more = ev.failingFindings.length - shown.length;
      sections.push(`### Failing findings\n\n${table}${more > 0 ? `\n\n… and ${more} more failing finding${more === 1 ? '' : 's'} (see ${code(o.reportFile ?? 'the report')} or the SARIF upload).` : ''}`);
    }
    const expired = ev.entries.filter((u) => u.expired);
    if (expired.length > 0) {
      const table = markdownTable(
        ['Vulnerability', 'Expired at', 'Line', 'Would match', 'Statement'],
        expired.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? '', String(u.entry.line), String(u.matched), plain(u.entry.statement ?? '')]),
      );
      sections.push(`### Expired ignore entries (they suppress nothing)\n\n${table}`);
    }
    const active = ev.entries.filter((u) => !u.expired);
    if (active.length > 0) {
      const table = markdownTable(
        ['Vulnerability', 'Expires', 'Line', 'Matched', 'Statement'],
        active.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? 'never', String(u.entry.line), String(u.matched), plain(u.entry.statement ?? '')]),
      );
      sections.push(`<details><summary>Active ignore entries (${active.length})</summary>\n\n${table}\n\n</details>`);
    }
    if (o.otherFindings) sections.push(`Note: the report also holds ${o.otherFindings} secret or misconfiguration finding(s); this gate judges vulnerabilities only.`);
  }
  const facts: string[] = [];
  if (o.trivyVersion) facts.push(`Trivy ${escapeCell(o.trivyVersion)}`);
  facts.push(...o.dbNotes.map(plain));
  if (o.reportFile) facts.push(`Report: ${code(o.reportFile)}`);
  if (o.sarifFile) facts.push(`SARIF: ${code(o.sarifFile)}${o.sarifOmitted ? ` (the most severe findings first; ${o.sarifOmitted} of the least severe left out, over code scanning's limit of results per run)` : ''}`);
  if (o.sbom?.file) facts.push(`SBOM: ${code(o.sbom.file)} (CycloneDX ${escapeCell(o.sbom.specVersion)}, ${o.sbom.components} components)`);
  if (o.attested !== undefined) facts.push(o.attested ? 'Vulnerability attestation: attached with cosign (type vuln)' : 'Vulnerability attestation: not attached');
  if (o.sbom?.attested !== undefined) facts.push(o.sbom.attested ? 'SBOM attestation: attached with cosign (type cyclonedx)' : 'SBOM attestation: not attached');
  if (facts.length > 0) sections.push(facts.map((f) => `- ${f}`).join('\n'));
  if (ev && o.error) sections.push(`**Error:** ${plain(o.error)}`);
  return sections;
}
