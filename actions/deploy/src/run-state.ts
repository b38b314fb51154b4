import type { Deployment } from './kube-objects.js';
import type { Result, Tracked } from './outputs.js';

/** What a run did so far: filled as it goes, so outputs and summary are right also on failure. */
export interface RunState {
  result: Result;
  tracked: Tracked[];
  notes: string[];
  /** Rows of the verify phase (one per check: signature today, attestations later). */
  checks: CheckRow[];
}

/** One row of the verify phase's table: what was checked, and how it went. */
export interface CheckRow {
  check: string;
  result: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export const newRunState = (): RunState => ({ result: 'failed', tracked: [], notes: [], checks: [] });

/**
 * A failure the step reports as it is. `lines` are separate statements (each its own line in
 * the summary), `commands` the next steps a person runs (a code block in the summary). The
 * message (the log's error line) carries both.
 */
export class DeployFailure extends Error {
  readonly lines: string[];
  constructor(
    lines: string | string[],
    readonly deployment?: Deployment,
    readonly commands: string[] = [],
  ) {
    const list = Array.isArray(lines) ? lines : [lines];
    super([...list, ...(commands.length > 0 ? [`Next steps:\n  ${commands.join('\n  ')}`] : [])].join('\n'));
    this.lines = list;
  }
}

/** `kubectl set image` failed and the Deployment does not carry the new image: nothing changed there. */
export class NotApplied extends Error {
  constructor(
    readonly deployment: string,
    message: string,
  ) {
    super(message);
  }
}
