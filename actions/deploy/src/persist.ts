import * as core from '@actions/core';
import { isTransientKubectlError } from '../../../src/lib/kubectl.js';
import { sleep } from '../../../src/lib/retry.js';

export const POLL_MS = 1000;
export const secondsLeft = (deadline: number): string => `${Math.max(0, Math.round((deadline - Date.now()) / 1000))}s left`;

/**
 * A read (or an idempotent undo) that keeps trying through an API outage that
 * outlasts kubectl's own retries, until the deadline: an unreadable status is
 * not a failed rollout.
 */
export async function persist<T>(what: string, deadline: number, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const message = (err as Error).message;
      if (!isTransientKubectlError(message) || Date.now() >= deadline) throw err;
      core.info(`${what}: the API server is not answering (${message.trim().split('\n').pop()}); trying again, ${secondsLeft(deadline)}`);
      await sleep(POLL_MS);
    }
  }
}
