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
 * otherwise one `deployment/container=value` line each.
 */
export function perContainer(tracked: Tracked[], value: (t: Tracked, container: string) => string | undefined): string | undefined {
  const rows = tracked.flatMap((t) => t.containers.map((c) => ({ key: `${t.name}/${c}`, value: value(t, c) })));
  if (rows.length === 0 || rows.every((r) => r.value === undefined)) return undefined;
  if (rows.length === 1) return rows[0]?.value;
  return rows.map((r) => `${r.key}=${r.value ?? ''}`).join('\n');
}

export function setOutputs(result: Result, tracked: Tracked[], _inputs: Inputs): void {
  core.setOutput('result', result);
  const outputs: Record<string, string | undefined> = {
    revision: perContainer(tracked, (t) => (t.revisionAfter ?? t.revisionBefore)?.toString()),
    'previous-revision': perContainer(tracked, (t) => t.revisionBefore?.toString()),
    'previous-image': perContainer(tracked, (t, c) => t.imagesBefore[c]),
  };
  for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, value);
}
