import { code, markdownTable } from '../../../src/lib/summary.js';
import type { Inputs } from './inputs.js';
import type { Result, Tracked } from './outputs.js';
import { imagesOf } from './rollout-state.js';

const VERDICT: Record<Result, string> = {
  deployed: '✅ Deployed',
  unchanged: '✅ Unchanged: already running this image',
  'rolled-back': '↩️ Rolled back',
  failed: '❌ Failed',
};

function seconds(t: Tracked): string {
  return t.endedAt ? `${((t.endedAt - t.startedAt) / 1000).toFixed(1)}s` : '—';
}

/** Verdict first, then a row per deployment and container: before, after, revision, result, time. */
export function deploySummary(inputs: Inputs, result: Result, tracked: Tracked[], notes: string[], error?: string): string[] {
  const title = `### ${VERDICT[result]} — ${inputs.mode === 'rollback' ? 'rollback of ' : ''}${inputs.deployments.map((d) => `deployment/${d}`).join(', ')} in ${code(inputs.namespace)}`;
  const sections = [title];
  if (error) sections.push(`> ${error.split('\n').join('\n> ')}`);
  if (tracked.length > 0) {
    const rows = tracked.flatMap((t) => {
      const after = t.after ? imagesOf(t.after.spec.template) : {};
      return t.containers.map((c) => [
        `deployment/${t.name}`,
        c,
        code(t.imagesBefore[c] ?? '—'),
        after[c] ? code(after[c]) : '—',
        `${t.revisionBefore ?? '—'} → ${t.revisionAfter ?? '—'}`,
        t.result ?? (t.changed ? 'failed' : 'not changed'),
        seconds(t),
      ]);
    });
    sections.push(markdownTable(['Deployment', 'Container', 'Before', 'After', 'Revision', 'Result', 'Time'], rows));
    const targets = tracked.map((t) => `- ${t.targetReason}${t.rollbackDetail ? `; rollback: ${t.rollbackDetail}` : ''}`);
    sections.push(`Rollback target, fixed before the change:\n${targets.join('\n')}`);
  }
  if (notes.length > 0) sections.push(notes.map((n) => `- ${n}`).join('\n'));
  return sections;
}
