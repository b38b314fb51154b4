import { execTool } from '../../../src/lib/exec.js';

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): the one timestamp the image gets,
 * so a re-run of the same commit builds the same image, finds its tags holding it
 * and is not refused by the immutability check. Set by the workflow (the commit
 * time); when it is not, the commit time is read from the checkout itself.
 */
export interface Epoch {
  value?: string;
  /** Where it came from, for the log. */
  source: string;
}

export function parseEpoch(value: string): string {
  if (!/^[0-9]{1,12}$/.test(value)) throw new Error(`SOURCE_DATE_EPOCH '${value.slice(0, 40)}' is not a time in whole seconds since 1970 (e.g. the output of git log -1 --format=%ct)`);
  return value;
}

export async function resolveEpoch(env: NodeJS.ProcessEnv, workspace: string): Promise<Epoch> {
  const given = env.SOURCE_DATE_EPOCH;
  if (given !== undefined && given !== '') return { value: parseEpoch(given), source: 'SOURCE_DATE_EPOCH' };
  const sha = env.GITHUB_SHA;
  if (!sha || !/^[0-9a-f]{40}$/.test(sha)) return { source: 'none: GITHUB_SHA is not a commit' };
  try {
    const r = await execTool('git', ['-C', workspace, 'show', '-s', '--format=%ct', sha], { allowFailure: true, timeoutMs: 20000 });
    const out = r.stdout.trim();
    if (r.exitCode === 0 && /^[0-9]+$/.test(out)) return { value: out, source: `the commit time of ${sha.slice(0, 12)}` };
    return { source: `none: commit ${sha.slice(0, 12)} is not in a git checkout holding ${workspace}` };
  } catch {
    return { source: 'none: git is not available' };
  }
}
