/** The URL of the workflow run, for annotations, change causes and summaries. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** Why keyless cosign (GitHub OIDC) cannot run here, naming the variable(s) missing; undefined when it can. */
export function oidcTokenProblem(env: NodeJS.ProcessEnv, what: string, otherwise: string): string | undefined {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((k) => !env[k]);
  if (missing.length === 0) return undefined;
  return `${what} needs the GitHub OIDC token, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: add \`permissions: id-token: write\` to the job (${otherwise})`;
}
