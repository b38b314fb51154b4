import * as core from '@actions/core';

/**
 * A cancelled run must not leave a rollout half done. The runner cancels a job
 * with SIGINT, then SIGTERM about 7.5 s later, then kills it: once the change
 * has started, a signal ends the watch at once and the failure path rolls the
 * changed deployments back (the undo is sent within that window).
 */
export class Cancellation {
  reason?: string;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    if (this.reason) {
      core.warning(`${signal} again: still rolling back, the undo has been sent`);
      return;
    }
    this.reason = `the run was cancelled (${signal})`;
    core.warning(`${this.reason}: stopping; whatever this step changed is rolled back`);
  };

  /** From the start of the step; it stays armed through the rollback, which must not be cut short. */
  arm(): void {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Sleeps up to ms, waking early on cancellation. */
  async sleep(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!this.reason && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(100, end - Date.now())));
  }
}
