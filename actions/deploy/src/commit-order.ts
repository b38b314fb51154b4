import * as core from '@actions/core';

/**
 * The commit order check (allow-older-commit): the commit a Deployment runs is recorded on it
 * (COMMIT); before a change, GitHub's compare API says whether the new commit is older.
 */
export const COMMIT = 'secure-delivery.dev/commit';
export const GITHUB_TIMEOUT_MS = 10000;

export type Order = 'ahead' | 'identical' | 'behind' | 'diverged' | 'unknown';

export interface OrderAnswer {
  order: Order;
  /** Why the order is unknown, for the warning. */
  detail?: string;
}

/**
 * GET /repos/{repo}/compare/{live}...{next}: `status` says how `next` stands to `live`
 * ("behind": next is older). Never throws: no answer is "unknown".
 */
export async function compareCommits(apiUrl: string, repository: string, live: string, next: string, token: string | undefined, timeoutMs = GITHUB_TIMEOUT_MS): Promise<OrderAnswer> {
  if (!token) return { order: 'unknown', detail: 'no github-token is given' };
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) return { order: 'unknown', detail: 'GITHUB_REPOSITORY is not set' };
  const url = `${apiUrl.replace(/\/+$/, '')}/repos/${repository}/compare/${encodeURIComponent(live)}...${encodeURIComponent(next)}`;
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    const text = await res.text();
    if (res.status !== 200) return { order: 'unknown', detail: `GitHub answered HTTP ${res.status}` };
    const status = (JSON.parse(text) as { status?: string }).status;
    if (status === 'ahead' || status === 'identical' || status === 'behind' || status === 'diverged') return { order: status };
    return { order: 'unknown', detail: `GitHub's answer has no known status (${String(status)})` };
  } catch (err) {
    const e = err as Error;
    return { order: 'unknown', detail: e.name === 'TimeoutError' ? `GitHub did not answer within ${timeoutMs / 1000}s` : `GitHub could not be reached: ${e.message}` };
  }
}

/** The commit recorded on a Deployment by this action, when it looks like one. */
export function liveCommitOf(annotations: Record<string, string> | undefined): string | undefined {
  const v = annotations?.[COMMIT];
  return v && /^[0-9a-f]{7,64}$/.test(v) ? v : undefined;
}

export const warnOrder = (what: string): void => core.warning(what);
