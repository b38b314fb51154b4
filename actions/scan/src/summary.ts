import { code, escapeCell, markdownTable } from '../../../src/lib/summary.js';
import { isYamlIgnoreFile } from '../../../src/lib/vuln/ignore-file.js';
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
  /** The db-repository mirrors, for the fix when they all failed or rate-limited. */
  dbRepositories?: readonly string[];
  /** Whether unfixed findings were ignored (the local command repeats it). */
  ignoreUnfixed?: boolean;
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

/** 64-hex digests make table columns unreadably wide: shown as their first 12 hex digits. */
export function shortDigests(text: string): string {
  return text.replace(/\b(sha256:)?([a-f0-9]{12})[a-f0-9]{52}\b/g, (_, algo: string | undefined, head: string) => `${algo ?? ''}${head}…`);
}

/** A fenced code block whose fence no run of backticks in the text can close. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

function link(f: Finding): string {
  return f.primaryUrl && /^https:\/\/[^\s()]+$/.test(f.primaryUrl) ? `[${plain(f.id)}](${f.primaryUrl})` : plain(f.id);
}

function verdict(o: ScanOutcome): string {
  const image = o.imageRef ? ` ${code(o.imageRef)}` : '';
  const ev = o.evaluation;
  if (!ev) return `## :x: Scan of${image} did not complete${o.error ? `\n\n${fenced(o.error, 'text')}` : ''}`;
  const sev = (o.failingSeverities ?? []).join(', ');
  if (ev.passed) return `## :white_check_mark: Scan passed:${image}\n\nNo finding of a failing severity (${sev}) remains after ignoring (${ev.total} found, ${ev.ignoredTotal} ignored).`;
  const n = ev.failingFindings.length;
  const head = o.failOnFindings === false ? `## :warning: Scan found ${n} failing finding${n === 1 ? '' : 's'} (not enforced: fail-on-findings is false):${image}` : `## :x: Scan failed: ${n} finding${n === 1 ? '' : 's'} of failing severity (${sev}) in${image}`;
  return head;
}

/** What to do about failing findings: see them locally, or accept one for a while (placeholders in code blocks survive). */
function nextSteps(o: ScanOutcome, ev: Evaluation): string {
  const first = ev.failingFindings[0];
  const argv = ['trivy', 'image', '--scanners', 'vuln', '--severity', (o.failingSeverities ?? []).join(',')];
  if (o.ignoreUnfixed) argv.push('--ignore-unfixed');
  if (o.ignoreFile) argv.push('--ignorefile', o.ignoreFile);
  argv.push(o.imageRef ?? '<image>@sha256:<digest>');
  const parts = [`To list them on your machine:\n\n${fenced(argv.join(' '), 'sh')}`];
  if (first) {
    const file = o.ignoreFile ?? '.trivyignore.yaml';
    const entry = o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile)
      ? `${first.id} exp:<YYYY-MM-DD> # <why it is acceptable until then>`
      : `vulnerabilities:\n  - id: ${first.id}\n    statement: <why it is acceptable until then>\n    expired_at: <YYYY-MM-DD>`;
    parts.push(`To accept one for a while (it fails the gate again once expired), add to ${code(file)}:\n\n${fenced(entry, o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? 'text' : 'yaml')}`);
  }
  return parts.join('\n\n');
}

/** Every DB mirror failed (rate limits, outages): name the fix, a mirror of one's own first. */
function dbFix(o: ScanOutcome): string | undefined {
  if (o.evaluation || !o.error || !/vulnerability DB could not be downloaded/.test(o.error)) return undefined;
  const mirrors = o.dbRepositories ?? ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
  const yaml = ['with:', '  db-repository: |', '    <your-registry>/<path>/trivy-db:2', ...mirrors.map((m) => `    ${m}`)].join('\n');
  return `### What to do\n\nRetry later, or put a mirror of the Trivy DB of your own first in ${code('db-repository')} (the others stay as fallbacks):\n\n${fenced(yaml, 'yaml')}`;
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
        shown.map((f) => [f.severity, link(f), f.cvss !== undefined ? f.cvss.toFixed(1) : '', plain(f.pkgName), plain(f.installedVersion), f.fixedVersion ? plain(f.fixedVersion) : '(no fix)', plain(shortDigests(f.target))]),
      );
      const more = ev.failingFindings.length - shown.length;
      sections.push(`### Failing findings\n\n${table}${more > 0 ? `\n\n… and ${more} more failing finding${more === 1 ? '' : 's'} (see ${code(o.reportFile ?? 'the report')} or the SARIF upload).` : ''}`);
      sections.push(nextSteps(o, ev));
    }
    const expired = ev.entries.filter((u) => u.expired);
    if (expired.length > 0) {
      const table = markdownTable(
        ['Vulnerability', 'Expired at', 'Line', 'Would match', 'Statement'],
        expired.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? '', String(u.entry.line), String(u.matched), plain(u.entry.statement ?? '')]),
      );
      const file = o.ignoreFile ?? 'the ignore file';
      const renew = o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile)
        ? expired.map((u) => `${u.entry.id} exp:<YYYY-MM-DD> # <why it is still acceptable>`).join('\n')
        : ['vulnerabilities:', ...expired.flatMap((u) => [`  - id: ${u.entry.id}`, '    statement: <why it is still acceptable>', '    expired_at: <YYYY-MM-DD>'])].join('\n');
      sections.push(`### Expired ignore entries (they suppress nothing)\n\n${table}\n\nFix what they cover, or remove them from ${code(file)}; to accept the risk for longer, renew each with a new date and a reason:\n\n${fenced(renew, o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? 'text' : 'yaml')}`);
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
  const fix = dbFix(o);
  if (fix) sections.push(fix);
  if (ev && o.error) sections.push(`**Error:**\n\n${fenced(o.error, 'text')}`);
  return sections;
}
