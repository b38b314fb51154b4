import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Evaluation } from '../../../src/lib/vuln/policy.js';
import { compareFindings, SEVERITY_RANK } from '../../../src/lib/vuln/policy.js';
import type { Finding, Severity } from '../../../src/lib/vuln/trivy-report.js';

/**
 * SARIF 2.1.0 for github/codeql-action/upload-sarif: one rule per
 * vulnerability ID, one result per remaining finding, located on the image.
 * Failing findings are `error`; the others keep Trivy's mapping.
 * `security-severity` is what code scanning sorts findings into its critical,
 * high, medium and low buckets by, so it must land in the bucket of the
 * severity the gate judged: the severity source's CVSS v3 score, as Trivy's own
 * SARIF writer uses (pkg/report/sarif.go toCVSSData), when it lies in that
 * bucket; otherwise Trivy's stand-in for the severity (severityToScore), which does.
 * (A vendor may rate a CVE MEDIUM while its CVSS says 9.8: shown as 9.8, a
 * MEDIUM would be ranked critical, and a failing HIGH scored 5.9 would read medium.)
 *
 * Code scanning rejects a run with more than 25,000 results and stores only
 * 5,000 of them, so results come most important first (failing, then by
 * severity, CVSS, ID and package) and stop at the hard limit: the
 * findings that fail the gate are always the ones that reach code scanning.
 */
export const MAX_SARIF_RESULTS = 25000;

export interface SarifContext {
  imageRef: string;
  /** Repository path of the image, the location of OS package findings (as Trivy's SARIF writer does). */
  imagePath: string;
  trivyVersion?: string;
}

const LEVEL_BY_SEVERITY: Record<Severity, 'error' | 'warning' | 'note'> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'note', UNKNOWN: 'note' };
const FALLBACK_SCORE: Record<Severity, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', UNKNOWN: '0.0' };
const LEVEL_RANK = { error: 0, warning: 1, note: 2, none: 3 } as const;

/** GitHub code scanning's buckets: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9. */
export function codeScanningBucket(score: number): Severity {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score >= 0.1) return 'LOW';
  return 'UNKNOWN';
}

export function securitySeverity(f: Finding): string {
  const score = f.sourceScore;
  if (score !== undefined && f.severity !== 'UNKNOWN' && codeScanningBucket(Number(score.toFixed(1))) === f.severity) return score.toFixed(1);
  return FALLBACK_SCORE[f.severity];
}

function isHttpUrl(u: string | undefined): u is string {
  return u !== undefined && /^https?:\/\/[^\s]+$/.test(u);
}

function location(f: Finding, ctx: SarifContext): string {
  if (f.pkgPath) return f.pkgPath.replace(/\\/g, '/');
  if (f.resultClass === 'os-pkgs' || f.target === '') return ctx.imagePath;
  return f.target.replace(/\\/g, '/');
}

/**
 * A path as a relative URI reference (SARIF artifactLocation.uri): each segment
 * percent-encoded, so a space, `#`, `?` or `%` in a path stays part of it (the
 * schema and code scanning's upload refuse a raw space), and a first segment
 * such as `localhost:5000` is not read as a URI scheme.
 */
export function pathToUri(p: string): string {
  return p.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

export function buildSarif(evaluation: Evaluation, ctx: SarifContext): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleWorst = new Map<string, { level: keyof typeof LEVEL_RANK; score: number; severity: Severity }>();
  const results: Result[] = [];
  const failingFirst = (a: Finding, b: Finding): number => Number(evaluation.isFailing(b)) - Number(evaluation.isFailing(a)) || compareFindings(a, b);
  // Array.prototype.sort is stable: findings equal in all of these keep report order.
  const ordered = evaluation.remainingFindings.slice().sort(failingFirst).slice(0, MAX_SARIF_RESULTS);
  for (const f of ordered) {
    const level = evaluation.isFailing(f) ? 'error' : LEVEL_BY_SEVERITY[f.severity] === 'error' ? 'warning' : LEVEL_BY_SEVERITY[f.severity];
    const score = securitySeverity(f);
    let index = ruleIndex.get(f.id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(f.id, index);
      const link = isHttpUrl(f.primaryUrl) ? f.primaryUrl : undefined;
      rules.push({
        id: f.id,
        name: f.resultClass === 'os-pkgs' ? 'OsPackageVulnerability' : 'LanguageSpecificPackageVulnerability',
        shortDescription: { text: f.title ?? f.id },
        fullDescription: { text: f.description ?? f.title ?? f.id },
        ...(link ? { helpUri: link } : {}),
        help: {
          text: `Vulnerability ${f.id}\nSeverity: ${f.severity}\nPackage: ${f.pkgName}\nFixed Version: ${f.fixedVersion ?? ''}\nLink: ${link ?? ''}\n${f.description ?? ''}`,
          markdown: `**Vulnerability ${f.id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${f.severity}|${f.pkgName}|${f.fixedVersion ?? ''}|${link ? `[${f.id}](${link})` : ''}|\n\n${f.description ?? ''}`,
        },
        defaultConfiguration: { level },
        properties: { precision: 'very-high', 'security-severity': score, tags: ['vulnerability', 'security', f.severity] },
      });
      ruleWorst.set(f.id, { level, score: Number(score), severity: f.severity });
    } else {
      // The same ID can carry several severities/scores across packages: the rule shows the worst.
      const worst = ruleWorst.get(f.id);
      const rule = rules[index];
      if (worst && rule) {
        if (LEVEL_RANK[level] < LEVEL_RANK[worst.level]) {
          worst.level = level;
          rule.defaultConfiguration = { level };
        }
        if (Number(score) > worst.score) {
          worst.score = Number(score);
          (rule.properties as Record<string, unknown>)['security-severity'] = score;
        }
        if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst.severity]) {
          worst.severity = f.severity;
          (rule.properties as Record<string, unknown>).tags = ['vulnerability', 'security', f.severity];
        }
      }
    }
    const where = location(f, ctx);
    const uri = pathToUri(where);
    results.push({
      ruleId: f.id,
      ruleIndex: index,
      level,
      message: {
        text: `Package: ${f.pkgName}\nInstalled Version: ${f.installedVersion}\nVulnerability ${f.id}\nSeverity: ${f.severity}\nFixed Version: ${f.fixedVersion ?? ''}\nLink: ${isHttpUrl(f.primaryUrl) ? `[${f.id}](${f.primaryUrl})` : ''}`,
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri, uriBaseId: 'ROOTPATH' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
          message: { text: `${where}: ${f.pkgName}@${f.installedVersion}` },
        },
      ],
      properties: { target: f.target, ...(f.cvssVector ? { cvssVector: f.cvssVector } : {}) },
    });
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Trivy',
            fullName: 'Trivy Vulnerability Scanner',
            informationUri: 'https://github.com/aquasecurity/trivy',
            ...(ctx.trivyVersion ? { version: ctx.trivyVersion.replace(/^v/, '') } : {}),
            rules,
          },
        },
        results,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { ROOTPATH: { uri: 'file:///' } },
        properties: { imageRef: ctx.imageRef },
      },
    ],
  };
}
