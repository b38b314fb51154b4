import { CHECKS, NOT_CHECKED } from './catalogue.js';
import type { Evaluation } from './evaluate.js';
import type { Counts } from './verdict.js';
import type { WaiverUse } from './waivers.js';

/** The JSON report (report-file): everything the summary shows, for tools and later runs. */
export function buildReport(r: { mode: string; failOn: string; passed: boolean; counts: Counts; evaluation: Evaluation; waivers: WaiverUse[]; unavailable: Map<string, string> }): unknown {
  return {
    tool: 'preflight',
    mode: r.mode,
    failOn: r.failOn,
    passed: r.passed,
    counts: r.counts,
    objects: r.evaluation.objects.map((o) => ({ object: o.object, source: o.source, checks: o.checks, findings: o.findings })),
    unavailable: Object.fromEntries(r.unavailable),
    waivers: r.waivers.map((w) => ({ check: w.waiver.check, object: w.waiver.object, reason: w.waiver.reason, expires: w.waiver.expires, line: w.waiver.line, expired: w.expired, matched: w.matched })),
    notChecked: NOT_CHECKED,
    catalogue: CHECKS,
  };
}
