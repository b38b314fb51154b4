import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { failedOutcome, type Verdict } from '../../actions/deploy/src/decide.js';
import type { Inputs } from '../../actions/deploy/src/inputs.js';
import type { Deployment } from '../../actions/deploy/src/kube-objects.js';
import type { Tracked } from '../../actions/deploy/src/outputs.js';
import { deploySummary, shortImage } from '../../actions/deploy/src/report.js';
import { DeployFailure } from '../../actions/deploy/src/run-state.js';
import { readRendered, tableHeaders } from '../harness/gfm.mjs';
import { runAction, upstreamFixtures } from '../harness/run-action.mjs';
import { parseTrustPolicy } from '../../src/lib/trust/policy.js';

// Issue 9: deploy's summary as GitHub renders it (GFM), for every kind of summary deploy writes.
const A = `ghcr.io/acme/web@sha256:${'a'.repeat(64)}`;
const B = `ghcr.io/acme/web@sha256:${'b'.repeat(64)}`;
const base = JSON.parse(readFileSync(path.join(upstreamFixtures, 'kubernetes', 'k9s', 'dp.json'), 'utf8')) as Deployment;
const deploymentOn = (image: string, revision: number): Deployment => ({
  ...base,
  metadata: { ...base.metadata, name: 'web', annotations: { 'deployment.kubernetes.io/revision': String(revision) } },
  spec: { ...base.spec, template: { ...base.spec.template, spec: { containers: [{ name: 'app', image }] } } },
});

const inputs = (over: Partial<Inputs> = {}): Inputs => ({
  mode: 'deploy',
  namespace: 'shop',
  deployments: ['web'],
  allowTag: false,
  timeoutMs: 300000,
  rollbackOnFailure: true,
  failFast: true,
  cosignVersion: 'v3.0.6',
  allowOlderCommit: false,
  trust: parseTrustPolicy({ 'max-scan-age': '24h', 'vuln-severity': 'CRITICAL,HIGH' }, 'https://github.com'),
  ...over,
});

const tracked = (over: Partial<Tracked> = {}): Tracked => ({
  name: 'web',
  before: deploymentOn(A, 1),
  after: deploymentOn(B, 2),
  containers: ['app'],
  imagesBefore: { app: A },
  revisionBefore: 1,
  revisionAfter: 2,
  target: { revision: 1, podTemplateHash: 'abc123', images: { app: A }, source: 'current' },
  targetReason: 'deployment/web is healthy: a failed rollout goes back to its current revision 1',
  changed: true,
  unchanged: false,
  startedAt: 0,
  endedAt: 1500,
  ...over,
});

const noVerdict: Verdict = { broken: [], foreign: [] };
const hex64 = /[0-9a-f]{64}/;

/** Rendered blocks other than code: none may run two statements of the error together. */
function proseBlocks(md: string): string[] {
  return readRendered(md)
    .blocks.filter((b: { kind: string }) => b.kind !== 'code')
    .map((b: { text: string }) => b.text);
}

function expectSeparate(md: string, ...statements: RegExp[]): void {
  const blocks = proseBlocks(md);
  for (const s of statements) {
    const holding = blocks.filter((b) => s.test(b));
    expect(holding.length).toBeGreaterThan(0);
    for (const other of statements.filter((o) => o !== s)) expect(holding.filter((b) => other.test(b))).toEqual([]);
  }
}

describe('deploy summary as GitHub renders it', () => {
  test('deployed: Result comes before the digests, which are shortened in the table', () => {
    const md = deploySummary(inputs(), 'deployed', [tracked({ result: 'deployed' })], [`Image: \`${B}\``], [{ check: 'Signature', result: 'skipped', detail: 'not verified (verify-signature: false)' }]).join('\n\n');
    const [rows, checks] = tableHeaders(md);
    expect(rows).toEqual(['Deployment', 'Container', 'Result', 'Revision', 'Before', 'After', 'Time']);
    expect(checks).toEqual(['Check', 'Result', 'Detail']);
    const tableRows = readRendered(md).blocks.filter((b: { kind: string }) => b.kind === 'tr');
    expect(tableRows.some((r: { text: string }) => r.text.includes(shortImage(A)))).toBe(true);
    for (const r of tableRows) expect(r.text).not.toMatch(hex64);
    expect(readRendered(md).text).toContain(B); // the full reference stays, outside the table
  });

  test('unchanged', () => {
    const t = tracked({ result: 'unchanged', changed: false, unchanged: true, after: deploymentOn(A, 1), revisionAfter: 1 });
    const md = deploySummary(inputs(), 'unchanged', [t], [], []).join('\n\n');
    expect(readRendered(md).blocks.find((b: { kind: string }) => b.kind === 'h3')?.text).toMatch(/Unchanged: already running this image/);
    expect(readRendered(md).eatenTags).toEqual([]);
  });

  test('failed and rolled back: what broke and the rollback are separate lines', () => {
    const t = tracked({ result: 'rolled-back', rollbackDetail: 'back on revision 3 (app=x), 2/2 updated, 2/2 ready, 2/2 available', revisionAfter: 3, after: deploymentOn(A, 3) });
    const out = failedOutcome('deployment/web: pod web-1 container app is in ImagePullBackOff', [t], [t], [t], noVerdict, inputs(), [], []);
    expect(out.result).toBe('rolled-back');
    const md = deploySummary(inputs(), out.result, [t], ['What broke: deployment/web: pod web-1 container app is in ImagePullBackOff'], [], out.error).join('\n\n');
    expectSeparate(md, /^deployment\/web: pod web-1 container app is in ImagePullBackOff$/, /^Rolled back: deployment\/web: back on revision 3/);
  });

  test('rollback failed: what serves now is said, the next steps are a code block, placeholders survive', () => {
    const t = tracked({ result: 'failed', rollbackDetail: 'revision 1 (app=x) does not come up: pod web-2 container app is in CrashLoopBackOff', targetFailed: true });
    const commands = ['kubectl --namespace shop rollout history deployment/web', 'kubectl --namespace shop rollout undo deployment/web --to-revision=<a revision that worked>'];
    const out = failedOutcome('deployment/web: pod web-1 container app is in CrashLoopBackOff', [t], [t], [t], noVerdict, inputs(), commands, [`deployment/web: revision 4 (app=${B}), 0/2 ready, 0/2 available`]);
    expect(out.result).toBe('failed');
    const md = deploySummary(inputs(), out.result, [t], [], [], out.error).join('\n\n');
    const r = readRendered(md);
    expect(r.codeBlocks).toEqual([`${commands.join('\n')}\n`]);
    expect(r.eatenTags).toEqual([]);
    expectSeparate(md, /^ROLLBACK FAILED\. /, /^State now: /, /^Serving now: deployment\/web: revision 4/, /^The cluster needs a person\.$/);
    // A placeholder in prose survives too.
    const prose = deploySummary(inputs(), 'failed', [t], [], [], new DeployFailure(['run it again with to-revision: <a revision that worked>'])).join('\n\n');
    expect(readRendered(prose).text).toContain('<a revision that worked>');
    expect(readRendered(prose).eatenTags).toEqual([]);
  });

  test('mode rollback: the error lines and commands render apart', () => {
    const error = new DeployFailure(['ROLLBACK FAILED: deployment/web: revision 2 does not come up', 'The pod template of deployment/web revision 2 is recorded as failed: a rollback without to-revision will not pick it.', 'Serving now: deployment/web: revision 5 (app=x), 2/2 ready, 2/2 available'], undefined, ['kubectl --namespace shop rollout status deployment/web']);
    const md = deploySummary(inputs({ mode: 'rollback' }), 'failed', [tracked({ result: 'failed' })], [], [], error).join('\n\n');
    expect(readRendered(md).blocks.find((b: { kind: string }) => b.kind === 'h3')?.text).toMatch(/Failed — rollback of deployment\/web/);
    expect(readRendered(md).codeBlocks).toEqual(['kubectl --namespace shop rollout status deployment/web\n']);
    expectSeparate(md, /^ROLLBACK FAILED: /, /^The pod template of /, /^Serving now: /);
  });

  test('an input error (written by runAction): the input and the fix on lines of their own', async () => {
    const r = await runAction('deploy', { inputs: { namespace: 'shop', deployment: 'web', 'image-ref': 'ghcr.io/acme/web:latest' } });
    expect(r.outputs.result).toBe('failed');
    const blocks = proseBlocks(r.summary);
    expect(blocks[0]).toMatch(/deploy did not start: input image-ref/);
    expect(blocks.some((b) => /^Nothing was changed\. Fix the input/.test(b))).toBe(true);
    expect(blocks.some((b) => /^input 'image-ref': .*digest/.test(b) && !/Nothing was changed/.test(b))).toBe(true);
  });
});
