import * as core from '@actions/core';
import type { Inputs } from './inputs.js';
import type { Deployment } from './kube-objects.js';
import type { Target } from './known-good.js';

export type Result = 'deployed' | 'unchanged' | 'rolled-back' | 'failed';

/** One deployment as the run saw it. */
export interface Tracked {
  name: string;
  before: Deployment;
  after?: Deployment;
  containers: string[];
  imagesBefore: Record<string, string>;
  revisionBefore?: number;
  revisionAfter?: number;
  target?: Target;
  /** The template that was failing when the step began (its last rollout failed), recorded as failed once the step changes the deployment. */
  failingBefore?: string;
  /** replicas: 0: the rollout completed with no pod run, so the template is not recorded as known-good. */
  unverified?: boolean;
  /** The rollback target itself did not come up: it is recorded as failed and never suggested. */
  targetFailed?: boolean;
  targetReason: string;
  /** A write was attempted: a rollback must consider this deployment. */
  changed: boolean;
  unchanged: boolean;
  result?: Result;
  rollbackDetail?: string;
  startedAt: number;
  endedAt?: number;
}

/**
 * With one deployment and one container the outputs are bare values;
 * otherwise one `deployment/container=value` line each. `listed` is the
 * number of deployments the step was given: with several listed the lines
 * are kept even when only one of them could be read (say, another is missing).
 */
export function perContainer(tracked: Tracked[], value: (t: Tracked, container: string) => string | undefined, listed = tracked.length): string | undefined {
  const rows = tracked.flatMap((t) => t.containers.map((c) => ({ key: `${t.name}/${c}`, value: value(t, c) })));
  if (rows.length === 0 || rows.every((r) => r.value === undefined)) return undefined;
  if (rows.length === 1 && listed <= 1) return rows[0]?.value;
  return rows.map((r) => `${r.key}=${r.value ?? ''}`).join('\n');
}

/** Every output that is known, also on failure (a deployment read before the step failed has its revision and images). */
export function setOutputs(result: Result, tracked: Tracked[], inputs: Inputs): void {
  core.setOutput('result', result);
  const listed = inputs.deployments.length;
  const outputs: Record<string, string | undefined> = {
    revision: perContainer(tracked, (t) => (t.revisionAfter ?? t.revisionBefore)?.toString(), listed),
    'previous-revision': perContainer(tracked, (t) => t.revisionBefore?.toString(), listed),
    'previous-image': perContainer(tracked, (t, c) => t.imagesBefore[c], listed),
  };
  for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, value);
}
