/**
 * Trivy's JSON report (`--format json`, SchemaVersion 2) reduced to what the
 * gate needs: one Finding per entry of Results[].Vulnerabilities[], in report
 * order. Everything the gate, the counts, the SARIF and the summary say comes
 * from this one list, so they cannot disagree.
 */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** VulnerabilityID: CVE-..., GHSA-..., GMS-... */
  id: string;
  severity: Severity;
  pkgName: string;
  pkgId?: string;
  pkgPath?: string;
  purl?: string;
  installedVersion: string;
  fixedVersion?: string;
  status?: string;
  /** Results[].Target, e.g. `image (alpine 3.10.2)` or `usr/lib/app/Gemfile.lock`. */
  target: string;
  resultClass?: string;
  resultType?: string;
  title?: string;
  description?: string;
  primaryUrl?: string;
  /** The CVSS v3 (or v4) base score Trivy's own SARIF writer would use, when the report has one. */
  cvss?: number;
  cvssVector?: string;
  /** CVSS[SeveritySource].V3Score: the one score Trivy's SARIF writer uses (pkg/report/sarif.go toCVSSData). */
  sourceScore?: number;
}

export interface TrivyReport {
  artifactName?: string;
  artifactType?: string;
  trivyVersion?: string;
  findings: Finding[];
  /** Results in the report (a target with no vulnerabilities still counts). */
  targets: number;
  /** Secrets and misconfigurations the report holds: outside this gate (scanners: vuln). */
  otherFindings: number;
}

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function normalizeSeverity(v: unknown): Severity {
  const s = typeof v === 'string' ? v.toUpperCase() : '';
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : 'UNKNOWN';
}

/**
 * The CVSS score shown beside a finding: the SeveritySource's (V3, else V4); then NVD's; then the
 * highest. (Trivy's SARIF writer uses the source's V3 score only: see sourceV3Score.)
 */
export function pickCvss(vuln: Json): { score?: number; vector?: string } {
  const cvss = vuln.CVSS;
  if (!isObject(cvss)) return {};
  const scoreOf = (e: unknown): { score?: number; vector?: string } => {
    if (!isObject(e)) return {};
    const v3 = typeof e.V3Score === 'number' && e.V3Score > 0 ? e.V3Score : undefined;
    const v4 = typeof e.V40Score === 'number' && e.V40Score > 0 ? e.V40Score : undefined;
    if (v3 !== undefined) return { score: v3, vector: str(e.V3Vector) };
    if (v4 !== undefined) return { score: v4, vector: str(e.V40Vector) };
    return {};
  };
  const source = str(vuln.SeveritySource);
  const first = source ? scoreOf(cvss[source]) : {};
  if (first.score !== undefined) return first;
  const nvd = scoreOf(cvss.nvd);
  if (nvd.score !== undefined) return nvd;
  let best: { score?: number; vector?: string } = {};
  for (const entry of Object.values(cvss)) {
    const s = scoreOf(entry);
    if (s.score !== undefined && (best.score === undefined || s.score > best.score)) best = s;
  }
  return best;
}

/** CVSS[SeveritySource].V3Score when non-zero, as Trivy's SARIF writer reads it. */
export function sourceV3Score(vuln: Json): number | undefined {
  const source = str(vuln.SeveritySource);
  const cvss = vuln.CVSS;
  if (!source || !isObject(cvss)) return undefined;
  const entry = cvss[source];
  return isObject(entry) && typeof entry.V3Score === 'number' && entry.V3Score > 0 ? entry.V3Score : undefined;
}

/**
 * @param text the report file's contents
 * @param file its name, for messages
 */
export function parseTrivyReport(text: string, file: string): TrivyReport {
  if (text.trim() === '') throw new ReportError(`Trivy's report ${file} is empty`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ReportError(`Trivy's report ${file} is not valid JSON (${text.length} bytes; truncated?): ${(err as Error).message}`);
  }
  if (!isObject(doc)) throw new ReportError(`Trivy's report ${file} is not a JSON object`);
  if (doc.SchemaVersion !== 2) {
    throw new ReportError(`Trivy's report ${file} has SchemaVersion ${JSON.stringify(doc.SchemaVersion)}; this action reads SchemaVersion 2 (Trivy 0.20 and later)`);
  }
  const results = doc.Results;
  if (results !== undefined && results !== null && !Array.isArray(results)) throw new ReportError(`Trivy's report ${file}: Results is not a list`);
  const findings: Finding[] = [];
  let otherFindings = 0;
  const list = (results ?? []) as unknown[];
  list.forEach((result, r) => {
    if (!isObject(result)) throw new ReportError(`Trivy's report ${file}: Results[${r}] is not an object`);
    const target = typeof result.Target === 'string' ? result.Target : '';
    const vulns = result.Vulnerabilities;
    if (Array.isArray(result.Secrets)) otherFindings += result.Secrets.length;
    if (Array.isArray(result.Misconfigurations)) otherFindings += result.Misconfigurations.length;
    if (vulns === undefined || vulns === null) return;
    if (!Array.isArray(vulns)) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities is not a list`);
    const resultClass = str(result.Class);
    const resultType = str(result.Type);
    for (let v = 0; v < vulns.length; v++) {
      const vuln: unknown = vulns[v];
      if (!isObject(vuln)) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities[${v}] is not an object`);
      const id = str(vuln.VulnerabilityID);
      if (!id) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities[${v}] has no VulnerabilityID`);
      const ident = isObject(vuln.PkgIdentifier) ? vuln.PkgIdentifier : undefined;
      const { score, vector } = pickCvss(vuln);
      findings.push({
        id,
        severity: normalizeSeverity(vuln.Severity),
        pkgName: str(vuln.PkgName) ?? '',
        pkgId: str(vuln.PkgID),
        pkgPath: str(vuln.PkgPath),
        purl: ident ? str(ident.PURL) : undefined,
        installedVersion: str(vuln.InstalledVersion) ?? '',
        fixedVersion: str(vuln.FixedVersion),
        status: str(vuln.Status),
        target,
        resultClass,
        resultType,
        title: str(vuln.Title),
        description: str(vuln.Description),
        primaryUrl: str(vuln.PrimaryURL),
        cvss: score,
        cvssVector: vector,
        sourceScore: sourceV3Score(vuln),
      });
    }
  });
  const trivy = isObject(doc.Trivy) ? doc.Trivy : undefined;
  return {
    artifactName: str(doc.ArtifactName),
    artifactType: str(doc.ArtifactType),
    trivyVersion: trivy ? str(trivy.Version) : undefined,
    findings,
    targets: list.length,
    otherFindings,
  };
}

/** Unfixed (DESIGN): no FixedVersion, or a Status other than `fixed` where Trivy gives one. */
export function isUnfixed(f: Finding): boolean {
  return f.fixedVersion === undefined || (f.status !== undefined && f.status !== 'fixed');
}
