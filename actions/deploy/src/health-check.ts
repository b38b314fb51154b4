import * as core from '@actions/core';
import { httpFetch, sleep } from '../../../src/lib/retry.js';


/** GET the URL until it answers 2xx or the time runs out; the last answer explains a failure. */
export async function waitHealthy(url: string, deadline: number, intervalMs = 1000, cancelled: () => string | undefined = () => undefined): Promise<{ ok: boolean; detail: string }> {
  let detail = 'no attempt made: no time left';
  let attempts = 0;
  while (Date.now() < deadline) {
    const reason = cancelled();
    if (reason) return { ok: false, detail: `${reason} (after ${attempts} attempt(s))` };
    attempts++;
    try {
      const res = await httpFetch(url, { signal: AbortSignal.timeout(Math.max(5000, Math.min(10000, deadline - Date.now()))), redirect: 'manual' });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true, detail: `HTTP ${res.status} after ${attempts} attempt(s)` };
      detail = `HTTP ${res.status}`;
    } catch (err) {
      detail = (err as Error).message;
    }
    core.info(`Health check ${url}: ${detail}`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  return { ok: false, detail: `${detail} (after ${attempts} attempt(s))` };
}
