import { code, markdownTable } from '../../../src/lib/summary.js';
import type { Inputs } from './inputs.js';
import type { Result, Tracked } from './outputs.js';
import { imagesOf } from './rollout-state.js';
import { DeployFailure, type CheckRow } from './run-state.js';

/**
 * The report phase: the job summary as GitHub renders it (GFM: a single newline is no line
 * break, `<text>` is eaten as an HTML tag). Verdict first; each statement of the error its own
 * paragraph; next steps in a fenced code block; a row per deployment and container with the
 * result before the (shortened) digests.
 */
const VERDICT: Record<Result, string> = {
  deployed: '✅ Deployed',
  unchanged: '✅ Unchanged: already running this image',
  'rolled-back': '↩️ Rolled back',
  failed: '❌ Failed',
};

function seconds(t: Tracked): string {
  return t.endedAt ? `${((t.endedAt - t.startedAt) / 1000).toFixed(1)}s` : '—';
}

/** Text for a paragraph: angle brackets survive as text, not as tags. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** repo@sha256:<12 hex>… for tables (the full reference is in the log and the notes). */
export function shortImage(ref: string): string {
  return ref.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}\b/, '@sha256:$1…');
}

/** The error as separate statements and the next-step commands. */
function errorParts(error: unknown): { lines: string[]; commands: string[] } {
  if (error instanceof DeployFailure) return { lines: error.lines.flatMap((l) => l.split('\n')), commands: error.commands };
  const message = error instanceof Error ? error.message : String(error);
  return { lines: message.split('\n').filter((l) => l.trim() !== ''), commands: [] };
}

const fence = (lines: string[]): string => ['```sh', ...lines, '```'].join('\n');

export function deploySummary(inputs: Inputs, result: Result, tracked: Tracked[], notes: string[], checks: CheckRow[], error?: unknown): string[] {
  const title = `### ${VERDICT[result]} — ${inputs.mode === 'rollback' ? 'rollback of ' : ''}${inputs.deployments.map((d) => `deployment/${d}`).join(', ')} in ${code(inputs.namespace)}`;
  const sections = [title];
  if (error !== undefined) {
    const { lines, commands } = errorParts(error);
    sections.push(...lines.map((l) => escapeText(l.trim())));
    if (commands.length > 0) sections.push('**Next steps**', fence(commands));
  }
  if (tracked.length > 0) {
    const rows = tracked.flatMap((t) => {
      const after = t.after ? imagesOf(t.after.spec.template) : {};
      return t.containers.map((c) => [
        `deployment/${t.name}`,
        c,
        t.result ?? (t.changed ? 'failed' : 'not changed'),
        `${t.revisionBefore ?? '—'} → ${t.revisionAfter ?? '—'}`,
        code(shortImage(t.imagesBefore[c] ?? '—')),
        after[c] ? code(shortImage(after[c])) : '—',
        seconds(t),
      ]);
    });
    sections.push(markdownTable(['Deployment', 'Container', 'Result', 'Revision', 'Before', 'After', 'Time'], rows));
  }
  if (checks.length > 0) sections.push(markdownTable(['Check', 'Result', 'Detail'], checks.map((c) => [c.check, c.result, escapeText(c.detail)])));
  if (tracked.length > 0) {
    const targets = tracked.map((t) => `- ${escapeText(`${t.targetReason}${t.rollbackDetail ? `; rollback: ${t.rollbackDetail}` : ''}`)}`);
    sections.push(`${inputs.mode === 'rollback' ? 'Targets' : 'Rollback target, fixed before the change'}:\n\n${targets.join('\n')}`);
  }
  if (notes.length > 0) sections.push(notes.map((n) => `- ${n.startsWith('Image: `') ? n : escapeText(n)}`).join('\n'));
  return sections;
}
