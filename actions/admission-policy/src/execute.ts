import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { checkKubeconfig, kubectl, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { clusterImagePolicy, kyvernoPolicy } from '../../../src/lib/trust/admission.js';
import type { Inputs } from './inputs.js';
import { admissionSummary, type ApplyResult } from './summary.js';

type Json = Record<string, unknown>;

/** Both policies as one multi-document YAML file. */
export function renderPolicies(docs: Json[]): string {
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

function writeAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { mode: 0o644, flag: 'wx' });
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw err;
  }
}

const ref = (d: Json): string => `${String(d.kind)}/${String((d.metadata as Json).name)}`;

/** A kind the cluster does not serve (the CRD is not installed): kubectl's wording. */
export function isKindNotServed(stderr: string): boolean {
  return /no matches for kind|the server doesn't have a resource type|ensure CRDs are installed first/i.test(stderr);
}

async function applyAll(inputs: Inputs, docs: Json[]): Promise<ApplyResult[]> {
  const kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : undefined;
  try {
    const tool = await resolveTool('kubectl');
    const target: KubeTarget = { kubectl: tool.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    await checkKubeconfig(target);
    const results: ApplyResult[] = [];
    for (const doc of docs) {
      // One object per call: a cluster without Kyverno (or policy-controller) still gets the other.
      const r = await kubectl(target, ['apply', '--server-side', '--field-manager=admission-policy', '-o', 'name', '-f', '-'], { input: JSON.stringify(doc), allowFailure: true, timeoutMs: 120000 });
      if (r.exitCode === 0) results.push({ ref: ref(doc), outcome: 'applied' });
      else if (isKindNotServed(r.stderr)) results.push({ ref: ref(doc), outcome: 'not-served', detail: r.stderr.trim().split('\n').pop() ?? '' });
      else results.push({ ref: ref(doc), outcome: 'failed', detail: r.stderr.trim().split('\n').slice(-3).join(' / ') });
    }
    return results;
  } finally {
    kubeconfig?.remove();
  }
}

export async function execute(inputs: Inputs): Promise<void> {
  const options = { name: inputs.name, images: inputs.images, mode: inputs.mode };
  const docs = [clusterImagePolicy(inputs.policy, options), kyvernoPolicy(inputs.policy, options)];
  let results: ApplyResult[] = [];
  let error: unknown;
  try {
    writeAtomic(inputs.outputFile, renderPolicies(docs));
    core.setOutput('file', inputs.outputFile);
    core.info(`Wrote ${docs.map(ref).join(' and ')} to ${inputs.outputFile}`);
    if (inputs.apply) {
      results = await core.group('Apply', () => applyAll(inputs, docs));
      for (const r of results) core.info(`${r.ref}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`);
      const failed = results.filter((r) => r.outcome === 'failed');
      if (failed.length > 0) throw new Error(`kubectl apply failed for ${failed.map((r) => `${r.ref}: ${r.detail ?? ''}`).join('; ')}`);
      if (!results.some((r) => r.outcome === 'applied')) throw new Error('the cluster serves neither ClusterImagePolicy (policy-controller) nor ClusterPolicy (Kyverno): install one of them, then apply again');
      for (const r of results.filter((x) => x.outcome === 'not-served')) core.warning(`${r.ref} was not applied: the cluster does not serve its kind (${r.detail ?? ''})`);
    }
  } catch (err) {
    error = err;
    throw err;
  } finally {
    const applied = results.filter((r) => r.outcome === 'applied');
    core.setOutput('applied', String(inputs.apply && error === undefined && applied.length > 0));
    core.setOutput('applied-kinds', applied.map((r) => r.ref).join('\n'));
    await writeSummary(admissionSummary(inputs, docs.map(ref), results, error === undefined ? undefined : (error as Error).message));
  }
}
