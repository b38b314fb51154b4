import { runUrl } from '../../../src/lib/run-url.js';

/** kubernetes.io/change-cause: what was deployed, from which commit, by which run. */
export function changeCause(imageRef: string, env: NodeJS.ProcessEnv): string {
  const parts = [`deploy ${imageRef}`];
  if (env.GITHUB_REPOSITORY) parts.push(`repo ${env.GITHUB_REPOSITORY}`);
  if (env.GITHUB_SHA) parts.push(`commit ${env.GITHUB_SHA}`);
  const run = runUrl(env);
  if (run) parts.push(`run ${run}`);
  return parts.join(', ');
}
