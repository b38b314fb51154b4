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

/** A read is worth repeating whatever went wrong, except an answer that will not change by waiting. */
export const PERMANENT_READ = /\(Forbidden\)|forbidden:|\(Unauthorized\)|You must be logged in|\(NotFound\)/;

/** Like persist, for reads and idempotent writes: any error but a permanent refusal is retried until the deadline. */
export async function persistAny<T>(what: string, deadline: number, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const message = (err as Error).message;
      if (PERMANENT_READ.test(message) || Date.now() >= deadline) throw err;
      core.info(`${what}: status unknown (${message.trim().split('\n').pop()}); trying again, ${secondsLeft(deadline)}`);
      await sleep(POLL_MS);
    }
  }
}

/**
 * The rollout's time budget (`timeout`): it starts at the cluster work, not before. Steps that
 * are not the rollout (a GitHub API call) run outside it: the deadline moves by the time they took.
 */
export class Budget {
  deadline: number;
  constructor(readonly ms: number) {
    this.deadline = Date.now() + ms;
  }

  async outside<T>(fn: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await fn();
    } finally {
      this.deadline += Date.now() - start;
    }
  }
}
