import { evaluateVulnPredicate } from '../vuln/vuln-predicate.js';
import type { Statement } from './cosign-attestation.js';
import type { TrustPolicy } from './policy.js';
import type { Check } from './statement-checks.js';

/**
 * The vuln gate re-run at verification time with the scan's own policy code
 * (src/lib/vuln): the recorded report, ignore-unfixed and ignore entries, the
 * failing severities of `vuln-severity`, judged at `now`, so an ignore entry
 * that expired since the scan suppresses nothing.
 */
export function vulnGateCheck(statement: Statement, policy: TrustPolicy, now: Date): Check {
  const verdict = evaluateVulnPredicate(statement.predicate, { now, failing: policy.vulnSeverity });
  if (verdict.problem !== undefined) return { name: 'vuln gate', problem: verdict.problem };
  if (verdict.passed) return { name: 'vuln gate' };
  const failing = verdict.evaluation?.failingFindings ?? [];
  const shown = failing
    .slice(0, 3)
    .map((f) => `${f.id} (${f.severity}, ${f.pkgName})`)
    .join(', ');
  const more = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
  const expired = verdict.expiredSinceScan.length > 0 ? `; ignore entries expired since the scan: ${verdict.expiredSinceScan.map((e) => `${e.id} (expired ${e.expiredAt?.toISOString() ?? ''})`).join(', ')}` : '';
  return { name: 'vuln gate', problem: `${failing.length} finding(s) of ${policy.vulnSeverity.join('/')} remain: ${shown}${more}${expired}` };
}

