import type { FailOn } from './inputs.js';
import type { Finding } from './model.js';

export interface Counts {
  errors: number;
  warnings: number;
  /** Findings whose status is unknown (counted among the warnings). */
  unknown: number;
  waived: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, unknown: 0, waived: 0 };
  for (const f of findings) {
    if (f.waivedBy) c.waived += 1;
    else if (f.severity === 'error') c.errors += 1;
    else {
      c.warnings += 1;
      if (f.status === 'unknown') c.unknown += 1;
    }
  }
  return c;
}

/**
 * passed: no unwaived error (fail-on error or never), and no unwaived warning either with
 * fail-on warning. With fail-on never the step does not fail, but passed still tells.
 */
export function isPassed(c: Counts, failOn: FailOn): boolean {
  return c.errors === 0 && (failOn !== 'warning' || c.warnings === 0);
}
