import type { IgnoreEntry, IgnoreRules } from './ignore-file.js';
import { parsePurl, purlMatches, type Purl } from './purl.js';
import { isUnfixed, type Finding, type Severity } from './trivy-report.js';

/**
 * The gate (DESIGN, scan): every finding is either ignored (unfixed under
 * `ignore-unfixed`, or covered by an unexpired ignore entry) or remains; the
 * step fails exactly when a remaining finding has a failing severity.
 */
export interface Policy {
  failing: ReadonlySet<Severity>;
  ignoreUnfixed: boolean;
  ignore?: IgnoreRules;
  now: Date;
}

export type IgnoreReason = 'unfixed' | 'ignore-file';

export interface EntryUse {
  entry: IgnoreEntry;
  expired: boolean;
  /** Findings the entry matched (for an expired entry: would have matched). */
  matched: number;
}

export type Counts = Record<Severity, number>;

export interface Evaluation {
  total: number;
  found: Counts;
  ignored: Counts;
  remaining: Counts;
  failing: Counts;
  ignoredTotal: number;
  ignoredBy: Record<IgnoreReason, number>;
  passed: boolean;
  /** Findings left after ignoring, in report order. */
  remainingFindings: Finding[];
  /** The failing ones, by severity then CVSS (highest first). */
  failingFindings: Finding[];
  isFailing(f: Finding): boolean;
  entries: EntryUse[];
}

export function zeroCounts(): Counts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

export const SEVERITY_RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, UNKNOWN: 4 };

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (b.cvss ?? -1) - (a.cvss ?? -1) || a.id.localeCompare(b.id) || a.pkgName.localeCompare(b.pkgName);
}

function entryMatches(entry: IgnoreEntry, f: Finding, purl: Purl | undefined): boolean {
  if (entry.pathPatterns.length > 0) {
    const candidates = [f.target, f.pkgPath ?? ''];
    if (!candidates.some((p) => entry.pathPatterns.some((re) => re.test(p)))) return false;
  }
  // As Trivy: a finding without a PURL is not held back by an entry's purls.
  if (entry.parsedPurls.length > 0 && purl !== undefined) {
    if (!entry.parsedPurls.some((p) => purlMatches(p, purl))) return false;
  }
  return true;
}

export function evaluate(findings: readonly Finding[], policy: Policy): Evaluation {
  const found = zeroCounts();
  const ignored = zeroCounts();
  const remaining = zeroCounts();
  const failing = zeroCounts();
  const ignoredBy: Record<IgnoreReason, number> = { unfixed: 0, 'ignore-file': 0 };
  const remainingFindings: Finding[] = [];
  const failingFindings: Finding[] = [];
  const now = policy.now.getTime();
  const uses: EntryUse[] = (policy.ignore?.entries ?? []).map((entry) => ({ entry, expired: entry.expiredAt !== undefined && entry.expiredAt.getTime() < now, matched: 0 }));
  const byId = new Map<string, EntryUse[]>();
  for (const use of uses) {
    const list = byId.get(use.entry.id);
    if (list) list.push(use);
    else byId.set(use.entry.id, [use]);
  }
  const purlCache = new Map<string, Purl | undefined>();
  const purlOf = (text: string | undefined): Purl | undefined => {
    if (text === undefined) return undefined;
    if (!purlCache.has(text)) {
      const p = parsePurl(text);
      purlCache.set(text, typeof p === 'string' ? undefined : p);
    }
    return purlCache.get(text);
  };

  for (const f of findings) {
    found[f.severity]++;
    let reason: IgnoreReason | undefined;
    const candidates = byId.get(f.id);
    if (candidates) {
      const purl = purlOf(f.purl);
      let active = false;
      for (const use of candidates) {
        if (!entryMatches(use.entry, f, purl)) continue;
        use.matched++;
        if (!use.expired) active = true;
      }
      if (active) reason = 'ignore-file';
    }
    if (!reason && policy.ignoreUnfixed && isUnfixed(f)) reason = 'unfixed';
    if (reason) {
      ignored[f.severity]++;
      ignoredBy[reason]++;
      continue;
    }
    remaining[f.severity]++;
    remainingFindings.push(f);
    if (policy.failing.has(f.severity)) {
      failing[f.severity]++;
      failingFindings.push(f);
    }
  }
  failingFindings.sort(compareFindings);
  const ignoredTotal = ignoredBy.unfixed + ignoredBy['ignore-file'];
  return {
    total: findings.length,
    found,
    ignored,
    remaining,
    failing,
    ignoredTotal,
    ignoredBy,
    passed: failingFindings.length === 0,
    remainingFindings,
    failingFindings,
    isFailing: (f) => policy.failing.has(f.severity),
    entries: uses,
  };
}

