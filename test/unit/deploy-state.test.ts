import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { containersToUpdate } from '../../actions/deploy/src/deploy-plan.js';
import type { Deployment, Pod, ReplicaSet } from '../../actions/deploy/src/kube-objects.js';
import { decideTarget, decodeKnownGood, encodeKnownGood, KNOWN_GOOD, mergeFailedTemplates } from '../../actions/deploy/src/known-good.js';
import { perContainer, type Tracked } from '../../actions/deploy/src/outputs.js';
import { describeState, findPodFailure, oldPodsOf, previousRevision, replicasSettled, rolloutState } from '../../actions/deploy/src/rollout-state.js';
import { countVerified, verifyArgv } from '../../actions/deploy/src/verify.js';
import { parseReference, type ImageReference } from '../../src/lib/image-ref.js';
import { upstreamFixtures } from '../harness/run-action.mjs';

// Real API objects captured upstream (see test/fixtures/upstream/README.md).
const fixtures = path.join(upstreamFixtures, 'kubernetes');
const json = <T>(f: string): T => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as T;
const yaml = <T>(f: string): T => parse(readFileSync(path.join(fixtures, f), 'utf8')) as T;
const ref = (s: string): ImageReference => parseReference(s) as ImageReference;

const healthy = json<Deployment>('k9s/dp.json');
const healthyRs = json<ReplicaSet>('k9s/rs.json');
const progressing = yaml<Deployment>('gitops-engine/deployment-progressing.yaml');
const degraded = yaml<Deployment>('gitops-engine/deployment-degraded.yaml');

describe('rollout state from real Deployment objects', () => {
  test('a completed rollout is complete', () => {
    expect(rolloutState(healthy)).toMatchObject({ complete: true, deadlineExceeded: false, desired: 1 });
    const edit = json<Deployment>('kubectl/testcase-edit-subresource-status-0.response.json');
    expect(rolloutState(edit).complete).toBe(true);
  });
  test('a rollout in progress is not complete and not failed', () => {
    expect(rolloutState(progressing)).toMatchObject({ complete: false, deadlineExceeded: false, total: 2, updated: 1 });
  });
  test('ProgressDeadlineExceeded is a failure, even though replicas are available', () => {
    expect(rolloutState(degraded)).toMatchObject({ complete: false, deadlineExceeded: true });
  });
  test('a change the controller has not observed yet is not complete', () => {
    expect(rolloutState({ ...healthy, metadata: { ...healthy.metadata, generation: 2 } }).complete).toBe(false);
  });
  test('after an undo, settled replicas count even with a stale deadline condition', () => {
    const stale = { ...degraded, status: { ...degraded.status, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 } } as Deployment;
    expect(rolloutState(stale).complete).toBe(false);
    expect(replicasSettled(rolloutState(stale))).toBe(true);
  });
});

describe('old pods are worded as they are', () => {
  // A surge rollout: 1 of 2 updated, 3 pods in all; the old ones Running and Ready, nothing deleted.
  const surge = { ...progressing, spec: { ...progressing.spec, replicas: 2 }, status: { ...progressing.status, observedGeneration: progressing.metadata.generation, replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2 } } as Deployment;
  const pod = (name: string, hash: string, ready: boolean, deleting = false): Pod => {
    const base = json<Pod>('k9s/p1.json');
    return {
      ...base,
      metadata: { ...base.metadata, name, labels: { ...base.metadata.labels, 'pod-template-hash': hash }, ...(deleting ? { deletionTimestamp: '2024-05-01T10:00:30Z' } : {}) },
      status: { ...base.status, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    };
  };
  test('old pods Running and Ready without a deletionTimestamp are still serving, not terminating', () => {
    const pods = [pod('web-new-1', 'new', false), pod('web-old-1', 'old', true), pod('web-old-2', 'old', true)];
    const line = describeState(rolloutState(surge), oldPodsOf(pods, 'new'));
    expect(line).toContain('2 old pod(s) still serving');
    expect(line).not.toContain('terminating');
  });
  test('an old pod with a deletionTimestamp is terminating; an unready one is not ready', () => {
    const pods = [pod('web-new-1', 'new', true), pod('web-old-1', 'old', true, true), pod('web-old-2', 'old', false)];
    expect(oldPodsOf(pods, 'new')).toEqual({ serving: 0, notReady: 1, terminating: 1 });
    expect(describeState(rolloutState(surge), oldPodsOf(pods, 'new'))).toMatch(/1 old pod\(s\) not ready, 1 old pod\(s\) terminating/);
  });
  test('from the status alone the old pods are counted, never guessed to be terminating', () => {
    const line = describeState(rolloutState(surge));
    expect(line).toContain('2 old pod(s) left');
    expect(line).not.toContain('terminating');
    expect(describeState(rolloutState(healthy))).not.toContain('old pod');
  });
});

describe('failed-templates record', () => {
  test('what was recorded before, then what failed now, without the template that just completed', () => {
    expect(mergeFailedTemplates(['aaa', 'bbb'], ['ccc'])).toBe('aaa,bbb,ccc');
    expect(mergeFailedTemplates(['aaa', 'bbb'], ['aaa'])).toBe('bbb,aaa');
    expect(mergeFailedTemplates(['aaa', 'bbb'], [], 'aaa')).toBe('bbb');
    expect(mergeFailedTemplates([], [])).toBe('');
  });
  test('keeps the newest ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => `h${i}`);
    expect(mergeFailedTemplates(many, ['new']).split(',')).toEqual([...many.slice(3), 'new']);
  });
});

describe('fail-fast pod states from real Pod objects', () => {
  test.each([
    ['gitops-engine/pod-imagepullbackoff.yaml', 'ImagePullBackOff'],
    ['gitops-engine/pod-crashloop.yaml', 'CrashLoopBackOff'],
  ])('%s is %s', (file, reason) => {
    const f = findPodFailure([yaml<Pod>(file)]);
    expect(f?.reason).toBe(reason);
    expect(f?.message.length).toBeGreaterThan(0);
  });
  test('a pod between crash-loop back-offs (terminated: Error) and a healthy pod are not failures', () => {
    expect(findPodFailure([yaml<Pod>('gitops-engine/pod-error.yaml')])).toBeUndefined();
    expect(findPodFailure([json<Pod>('k9s/p1.json')])).toBeUndefined();
  });
});

describe('rollback target', () => {
  test('healthy: the current revision, identified by its pod template', () => {
    const d = decideTarget(healthy, [healthyRs]);
    expect(d.target).toEqual({ revision: 1, podTemplateHash: '7d4b578979', images: expect.any(Object), source: 'current' });
  });
  test('unhealthy without a record: no automatic rollback, said up front', () => {
    const d = decideTarget(degraded, []);
    expect(d.target).toBeUndefined();
    expect(d.reason).toContain('NO automatic rollback');
  });
  test('unhealthy with a record: the recorded template, at the revision number it has now', () => {
    const record = encodeKnownGood({ revision: 1, podTemplateHash: '7d4b578979', images: { 'icx-db': 'old' } }, new Date(0));
    const owner = { kind: 'Deployment', name: degraded.metadata.name, uid: degraded.metadata.uid ?? 'x', controller: true };
    const renumbered = { ...healthyRs, metadata: { ...healthyRs.metadata, ownerReferences: [owner], annotations: { 'deployment.kubernetes.io/revision': '5' } } };
    const d = decideTarget({ ...degraded, metadata: { ...degraded.metadata, annotations: { ...degraded.metadata.annotations, [KNOWN_GOOD]: record } } }, [renumbered]);
    expect(d.target).toMatchObject({ revision: 5, podTemplateHash: '7d4b578979', source: 'recorded' });
  });
  test('a record that is not ours is ignored', () => {
    expect(decodeKnownGood('{"revision":"x"}')).toBeUndefined();
    expect(decodeKnownGood('not json')).toBeUndefined();
  });
  test('previous revision is the highest below the current one', () => {
    const rs = (rev: string) => ({ ...healthyRs, metadata: { ...healthyRs.metadata, annotations: { 'deployment.kubernetes.io/revision': rev } } });
    const d = { ...healthy, metadata: { ...healthy.metadata, annotations: { 'deployment.kubernetes.io/revision': '7' } } };
    expect(previousRevision(d, [rs('3'), rs('7'), rs('5')])).toBe(5);
    expect(previousRevision(d, [rs('7')])).toBeUndefined();
  });
});

describe('containers to update', () => {
  const d = {
    metadata: { name: 'web' },
    spec: { template: { spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/web:v1.0.0' }, { name: 'proxy', image: 'envoyproxy/envoy:v1.30' }] } } },
  } as Deployment;
  test('default: the containers running the same repository', () => {
    expect(containersToUpdate(d, ref(`ghcr.io/acme/web@sha256:${'a'.repeat(64)}`), undefined)).toEqual(['app']);
    expect(containersToUpdate(d, ref(`docker.io/envoyproxy/envoy@sha256:${'a'.repeat(64)}`), undefined)).toEqual(['proxy']);
  });
  test('none matching, or a named container that does not exist, is an error naming what exists', () => {
    expect(() => containersToUpdate(d, ref(`ghcr.io/acme/other@sha256:${'a'.repeat(64)}`), undefined)).toThrow(/no container running ghcr.io\/acme\/other.*app=ghcr.io\/acme\/web:v1.0.0/);
    expect(() => containersToUpdate(d, ref(`ghcr.io/acme/web@sha256:${'a'.repeat(64)}`), ['sidecar'])).toThrow(/input 'container'.*no container 'sidecar'.*app, proxy/);
  });
});

describe('outputs and verify', () => {
  const t = (name: string, containers: string[]) => ({ name, containers, revisionBefore: 3, imagesBefore: Object.fromEntries(containers.map((c) => [c, `${c}:old`])) }) as unknown as Tracked;
  test('one deployment and container: bare values; otherwise deployment/container=value lines', () => {
    expect(perContainer([t('web', ['app'])], (x) => String(x.revisionBefore))).toBe('3');
    expect(perContainer([t('web', ['app']), t('api', ['app', 'side'])], (x, c) => x.imagesBefore[c])).toBe('web/app=app:old\napi/app=app:old\napi/side=side:old');
  });
  test('two deployments listed but one read (the other missing): lines, not a bare value', () => {
    expect(perContainer([t('web', ['app'])], (x) => String(x.revisionBefore), 2)).toBe('web/app=3');
    expect(perContainer([t('web', ['app'])], (x) => String(x.revisionBefore), 1)).toBe('3');
  });
  test('cosign verify argv and its real output', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    expect(verifyArgv(`ghcr.io/a/b@${digest}`, 'ghcr.io', { kind: 'keyless', identityRegexp: '^https://github.com/x/', issuer: 'https://token.actions.githubusercontent.com' })).toEqual([
      'verify', '--certificate-identity-regexp', '^https://github.com/x/', '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com', `ghcr.io/a/b@${digest}`,
    ]);
    const real = readFileSync(path.join(upstreamFixtures, 'cosign', 'verify-output', 'otel-collector-contrib-0.98.0.verify.json'), 'utf8');
    const realDigest = /"docker-manifest-digest":"(sha256:[a-f0-9]{64})"/.exec(real)?.[1] as string;
    expect(countVerified(real, realDigest)).toBe(2);
    expect(countVerified(real, digest)).toBe(0);
  });
});
