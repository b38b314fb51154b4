import * as core from '@actions/core';
import { proxyConfigured } from './proxy.js';

/** Bounded retries for the suite's HTTP calls (registries, certificate URLs). */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RetryOptions {
  /** Attempts, the first included. */
  attempts: number;
  /** Backoff before the 2nd attempt; doubles each time. */
  backoffMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** What is being fetched, for log lines and the final error. */
  what: string;
}

/**
 * The suite's one fetch: HTTPS_PROXY / HTTP_PROXY / NO_PROXY honoured as the runner and the
 * toolkit honour them (src/lib/proxy.ts). Without a proxy variable it is the global fetch itself,
 * and the proxying code (undici's agents) is never loaded.
 */
export async function httpFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  if (!proxyConfigured()) return fetch(url, init);
  const { proxiedFetch } = await import('./proxy-fetch.js');
  return proxiedFetch(url, init);
}

/** 5xx and 429 are worth another try; any other status is the answer. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * fetch with retries on connection errors, 5xx and 429 (honouring Retry-After up
 * to 30 s), none on other statuses: the first non-transient response is
 * returned for the caller to judge. Throws after the last attempt.
 */
export async function fetchWithRetry(url: string | URL, init: RequestInit, o: RetryOptions): Promise<Response> {
  let lastError = '';
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    if (attempt > 1) {
      const delay = o.backoffMs * 2 ** (attempt - 2);
      core.info(`${o.what}: ${lastError}; retrying in ${delay} ms (attempt ${attempt} of ${o.attempts})`);
      await sleep(delay);
    }
    let res: Response;
    try {
      res = await httpFetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      lastError = `connection failed${cause?.code ? ` (${cause.code})` : ''}: ${(err as Error).message}${cause?.message && !cause.code ? `: ${cause.message}` : ''}`;
      continue;
    }
    if (!isTransientStatus(res.status)) return res;
    lastError = `HTTP ${res.status}`;
    const retryAfter = Number(res.headers.get('retry-after'));
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 429 && retryAfter > 0 && attempt < o.attempts) await sleep(Math.min(retryAfter, 30) * 1000);
  }
  throw new Error(`${o.what}: ${lastError} after ${o.attempts} attempts`);
}
