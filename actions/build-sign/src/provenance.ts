/**
 * SLSA provenance v1 for the pushed image, in the layout GitHub's own
 * attest-build-provenance writes (actions/toolkit packages/attest/src/provenance.ts,
 * `buildSLSAProvenancePredicate`; build type https://actions.github.io/buildtypes/workflow/v1),
 * filled from the runner's environment instead of the OIDC token's claims: each
 * claim that function reads has a runner variable of the same value.
 */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/** claim (as the toolkit reads it) -> the runner variable that carries it. */
const SOURCES = {
  server: 'GITHUB_SERVER_URL',
  repository: 'GITHUB_REPOSITORY',
  workflow_ref: 'GITHUB_WORKFLOW_REF',
  ref: 'GITHUB_REF',
  sha: 'GITHUB_SHA',
  run_id: 'GITHUB_RUN_ID',
  run_attempt: 'GITHUB_RUN_ATTEMPT',
  event_name: 'GITHUB_EVENT_NAME',
  repository_id: 'GITHUB_REPOSITORY_ID',
  repository_owner_id: 'GITHUB_REPOSITORY_OWNER_ID',
  runner_environment: 'RUNNER_ENVIRONMENT',
} as const;

export interface ResourceDescriptor {
  uri: string;
  digest: Record<string, string>;
}

export interface ProvenancePredicate {
  buildDefinition: {
    buildType: string;
    externalParameters: { workflow: { ref: string; repository: string; path: string } };
    internalParameters: { github: { event_name: string; repository_id: string; repository_owner_id: string; runner_environment: string } };
    resolvedDependencies: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string };
  };
}

/** Why provenance cannot be written here (the runner variables missing or malformed); undefined when it can. */
export function provenanceProblem(env: NodeJS.ProcessEnv): string | undefined {
  const missing = Object.values(SOURCES).filter((k) => !env[k]);
  if (missing.length > 0) {
    return `provenance needs the variables the GitHub runner sets for every job, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set. Run on a GitHub Actions runner, or set provenance: false`;
  }
  if (!/^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '')) return `provenance needs the commit: GITHUB_SHA '${env.GITHUB_SHA}' is not a 40-hex commit SHA`;
  const wf = env.GITHUB_WORKFLOW_REF ?? '';
  if (!wf.startsWith(`${env.GITHUB_REPOSITORY}/`) || !wf.includes('@')) {
    return `provenance needs the workflow: GITHUB_WORKFLOW_REF '${wf}' is not <owner>/<repo>/<path>@<ref> for ${env.GITHUB_REPOSITORY}`;
  }
  return undefined;
}

/** The predicate, field for field as buildSLSAProvenancePredicate builds it. */
export function buildProvenancePredicate(env: NodeJS.ProcessEnv): ProvenancePredicate {
  const problem = provenanceProblem(env);
  if (problem) throw new Error(problem);
  const v = (k: keyof typeof SOURCES): string => env[SOURCES[k]] as string;
  const server = v('server').replace(/\/+$/, '');
  const repository = v('repository');
  // owner/repo/.github/workflows/main.yml@refs/heads/main -> .github/workflows/main.yml, refs/heads/main
  // (a ref may itself hold '@', so only the first '@' splits).
  const [workflowPath, ...refChunks] = v('workflow_ref').replace(`${repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: refChunks.join('@'), repository: `${server}/${repository}`, path: workflowPath as string },
      },
      internalParameters: {
        github: {
          event_name: v('event_name'),
          repository_id: v('repository_id'),
          repository_owner_id: v('repository_owner_id'),
          runner_environment: v('runner_environment'),
        },
      },
      resolvedDependencies: [{ uri: `git+${server}/${repository}@${v('ref')}`, digest: { gitCommit: v('sha') } }],
    },
    runDetails: {
      // The toolkit uses the token's job_workflow_ref; the runner exposes the top-level
      // workflow's ref, the same value except inside a reusable workflow.
      builder: { id: `${server}/${v('workflow_ref')}` },
      metadata: { invocationId: `${server}/${repository}/actions/runs/${v('run_id')}/attempts/${v('run_attempt')}` },
    },
  };
}
