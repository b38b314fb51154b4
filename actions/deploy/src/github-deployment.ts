import * as core from '@actions/core';
import { GITHUB_TIMEOUT_MS } from './commit-order.js';

/**
 * A GitHub deployment for `environment` and its statuses. GitHub's API being
 * down must not fail (or hide) a rollout: every call here warns and goes on.
 * GITHUB_API_URL is honoured (GitHub Enterprise, and tests on a local server).
 */
export type DeploymentStatusState = 'in_progress' | 'success' | 'failure' | 'error';

function describeFailure(err: unknown): string {
  const e = err as Error & { cause?: Error };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError' || /aborted due to timeout/i.test(e.message)) return `GitHub did not answer within ${GITHUB_TIMEOUT_MS / 1000}s`;
  return e.message;
}

export class GitHubDeployment {
  private constructor(
    private readonly octokit: Awaited<ReturnType<typeof GitHubDeployment.client>>,
    private readonly id: number,
    private readonly environmentUrl: string | undefined,
    private readonly logUrl: string | undefined,
  ) {}

  private static async client(token: string) {
    const github = await import('@actions/github');
    // Every call has a short timeout of its own: a GitHub API that never answers must not stall
    // the step (Node's default is 300 s), and its failure never fails a rollout.
    const timedFetch = (url: string | URL | Request, init?: RequestInit): Promise<Response> => fetch(url, { ...init, signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS) });
    return github.getOctokit(token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', request: { fetch: timedFetch, retries: 0 } });
  }

  private static repo(): { owner: string; repo: string } {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set');
    return { owner, repo };
  }

  static async create(token: string, environment: string, environmentUrl: string | undefined, logUrl: string | undefined, description: string, payload: Record<string, unknown>): Promise<GitHubDeployment | undefined> {
    try {
      const octokit = await GitHubDeployment.client(token);
      const res = await octokit.rest.repos.createDeployment({
        ...GitHubDeployment.repo(),
        ref: process.env.GITHUB_SHA ?? process.env.GITHUB_REF ?? 'HEAD',
        environment,
        description: description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        payload: JSON.stringify(payload),
      });
      if (!('id' in res.data)) throw new Error(`GitHub did not create the deployment: ${JSON.stringify(res.data)}`);
      const d = new GitHubDeployment(octokit, res.data.id, environmentUrl, logUrl);
      core.info(`GitHub deployment ${res.data.id} created for environment ${environment}`);
      await d.status('in_progress', 'Rolling out');
      return d;
    } catch (err) {
      core.warning(`Could not create the GitHub deployment for ${environment}: ${describeFailure(err)}`);
      return undefined;
    }
  }

  async status(state: DeploymentStatusState, description: string): Promise<void> {
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...GitHubDeployment.repo(),
        deployment_id: this.id,
        state,
        description: description.slice(0, 140),
        ...(this.environmentUrl ? { environment_url: this.environmentUrl } : {}),
        ...(this.logUrl ? { log_url: this.logUrl } : {}),
        auto_inactive: state === 'success',
      });
    } catch (err) {
      core.warning(`Could not set the GitHub deployment status to ${state}: ${describeFailure(err)}`);
    }
  }
}
