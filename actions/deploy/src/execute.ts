import * as core from '@actions/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool } from '../../../src/lib/exec.js';
import { formatReference, registryOf, registryPath, type ImageReference } from '../../../src/lib/image-ref.js';
import { isTransientKubectlError, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { runUrl } from '../../../src/lib/run-url.js';
import { sleep } from '../../../src/lib/retry.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { Cancellation } from './cancellation.js';
import { changeCause } from './change-cause.js';
import { Cluster } from './cluster.js';
import { containersToUpdate, runsImage } from './deploy-plan.js';
import { GitHubDeployment } from './github-deployment.js';
import { waitHealthy } from './health-check.js';
import type { Inputs } from './inputs.js';
import type { Deployment } from './kube-objects.js';
import { decideTarget, encodeKnownGood, FAILED_TEMPLATES, failedTemplatesOf, KNOWN_GOOD, knownGoodOf, withFailedTemplate, type Target } from './known-good.js';
import { setOutputs, type Result, type Tracked } from './outputs.js';
import { currentReplicaSet, describeState, findPodFailure, imagesOf, newestPodState, previousRevision, replicasSettled, revisionOf, rolloutState, templateHashOf } from './rollout-state.js';
import { deploySummary } from './summary.js';
import { countVerified, verifyArgv } from './verify.js';

const POLL_MS = 1000;
const secondsLeft = (deadline: number): string => `${Math.max(0, Math.round((deadline - Date.now()) / 1000))}s left`;

class DeployFailure extends Error {}

/**
 * A read (or an idempotent undo) that keeps trying through an API outage that
 * outlasts kubectl's own retries, until the deadline: an unreadable status is
 * not a failed rollout.
 */
async function persist<T>(what: string, deadline: number, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const message = (err as Error).message;
      if (!isTransientKubectlError(message) || Date.now() >= deadline) throw err;
      core.info(`${what}: the API server is not answering (${message.trim().split('\n').pop()}); trying again, ${secondsLeft(deadline)}`);
      await sleep(POLL_MS);
    }
  }
}

/** The image the cluster gets: always repo@sha256, a tag resolved through the registry first. */
async function resolveDigest(image: ImageReference, inputs: Inputs): Promise<ImageReference> {
  if (image.digest) return { domain: image.domain, path: image.path, digest: image.digest };
  const client = new RegistryClient({ credentials: inputs.registry });
  const head = await client.headManifest(registryOf(image), registryPath(image), image.tag as string);
  if (!head) throw new Error(`${formatReference(image)} is not in the registry, so it cannot be resolved to a digest`);
  core.info(`Resolved ${formatReference(image)} to ${head.digest}`);
  return { domain: image.domain, path: image.path, digest: head.digest };
}

async function verifySignature(imageRef: string, image: ImageReference, inputs: Inputs, auth: AuthConfig | undefined, work: string): Promise<string> {
  const verification = inputs.verify;
  if (!verification) return 'not verified (verify-signature: false)';
  const cosign = await resolveTool('cosign', inputs.cosignVersion);
  let keyFile: string | undefined;
  if (verification.kind === 'key' && verification.publicKey.includes('-----BEGIN')) {
    keyFile = path.join(work, 'cosign.pub');
    writeFileSync(keyFile, verification.publicKey, { mode: 0o600 });
  }
  const argv = verifyArgv(imageRef, registryOf(image), verification, keyFile);
  const r = await execTool(cosign.path, argv, { env: auth?.env ?? {}, allowFailure: true, timeoutMs: 5 * 60 * 1000 });
  if (r.exitCode !== 0) {
    throw new Error(`the signature of ${imageRef} did not verify, so nothing was changed. cosign said: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ')}`);
  }
  const count = countVerified(r.stdout, image.digest as string);
  const who = verification.kind === 'key' ? 'the given public key' : `${verification.identity ?? verification.identityRegexp} (${verification.issuer})`;
  core.info(`Signature verified: ${count} signature(s) by ${who}`);
  return `verified: ${count} signature(s) by ${who}`;
}

/** Waits for an earlier rollout to finish (or fail) within the deadline; refuses to interfere otherwise. */
async function settleBeforeChange(cluster: Cluster, name: string, deadline: number): Promise<Deployment> {
  let logged = '';
  for (;;) {
    const d = await cluster.deployment(name);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${cluster.namespace}`);
    if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to change it. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}) or leave it to whoever paused it`);
    const st = rolloutState(d);
    if (st.complete || (st.observed && st.deadlineExceeded)) return d;
    if (Date.now() >= deadline) {
      throw new DeployFailure(`deployment/${name} is still rolling out an earlier change (${describeState(st)}) after waiting the whole timeout: refusing to start another. Nothing was changed`);
    }
    const line = `deployment/${name} has a rollout in progress (${describeState(st)}); waiting, ${secondsLeft(deadline)}`;
    if (line.replace(/\d+s left/, '') !== logged) core.info(line);
    logged = line.replace(/\d+s left/, '');
    await sleep(POLL_MS);
  }
}

interface WatchFailure {
  deployment: string;
  what: string;
}

/** One loop for all changed deployments: complete, deadline exceeded, timeout, or (fail-fast) a broken pod. */
async function watch(cluster: Cluster, tracked: Tracked[], inputs: Inputs, deadline: number, cancel: Cancellation): Promise<WatchFailure | undefined> {
  const pending = new Map(tracked.filter((t) => t.changed).map((t) => [t.name, t]));
  const lastLine = new Map<string, string>();
  return core.group(`Watch the rollout of ${[...pending.keys()].map((n) => `deployment/${n}`).join(', ')}`, async () => {
    while (pending.size > 0) {
      if (cancel.reason) return { deployment: [...pending.keys()][0] as string, what: `${cancel.reason} while ${[...pending.keys()].map((n) => `deployment/${n}`).join(', ')} rolled out` };
      const current = await persist('watch', deadline, () => cluster.deployments([...pending.keys()]));
      for (const [name, t] of pending) {
        const d = current.get(name);
        if (!d) return { deployment: name, what: `deployment/${name} disappeared during the rollout` };
        const st = rolloutState(d);
        if (st.complete) {
          t.revisionAfter = revisionOf(d);
          t.after = d;
          core.info(`deployment/${name}: rollout complete, revision ${t.revisionAfter} (${describeState(st)})`);
          pending.delete(name);
          continue;
        }
        if (st.observed && st.deadlineExceeded) {
          const cond = d.status?.conditions?.find((c) => c.type === 'Progressing');
          return { deployment: name, what: `deployment/${name} exceeded its progress deadline: ${cond?.message ?? 'ProgressDeadlineExceeded'}` };
        }
        let podLine = '';
        if (st.observed) {
          const rs = currentReplicaSet(d, await persist('watch', deadline, () => cluster.replicaSets(d)));
          const hash = rs && templateHashOf(rs);
          if (hash) {
            const pods = await persist('watch', deadline, () => cluster.pods(d, hash));
            const failure = inputs.failFast ? findPodFailure(pods) : undefined;
            if (failure) {
              return {
                deployment: name,
                what: `deployment/${name}: pod ${failure.pod} container ${failure.container} is in ${failure.reason}${failure.message ? `: ${failure.message}` : ''}`,
              };
            }
            podLine = newestPodState(pods) ?? '';
          }
        }
        const line = `deployment/${name}: ${describeState(st)}${podLine ? `; ${podLine}` : ''}`;
        if (lastLine.get(name) !== line) {
          core.info(`${line} (${secondsLeft(deadline)})`);
          lastLine.set(name, line);
        }
      }
      if (pending.size === 0) break;
      if (Date.now() >= deadline) {
        const names = [...pending.keys()].map((n) => `deployment/${n} (${lastLine.get(n) ?? 'no status yet'})`);
        return { deployment: [...pending.keys()][0] as string, what: `timed out after ${Math.round(inputs.timeoutMs / 1000)}s waiting for ${names.join(', ')}` };
      }
      await cancel.sleep(POLL_MS);
    }
    return undefined;
  });
}

/** Records the deployment's current template as known-good; a failure to record is a warning. */
async function recordKnownGood(cluster: Cluster, name: string): Promise<void> {
  try {
    const d = await cluster.deployment(name);
    if (!d) return;
    const good = knownGoodOf(d, await cluster.replicaSets(d));
    if (!good) return;
    const annotations: Record<string, string> = { [KNOWN_GOOD]: encodeKnownGood(good, new Date()) };
    if (failedTemplatesOf(d).includes(good.podTemplateHash)) annotations[FAILED_TEMPLATES] = withFailedTemplate(d, good.podTemplateHash, false);
    await cluster.annotate(name, annotations);
  } catch (err) {
    core.warning(`could not record the known-good revision of deployment/${name} (the next run may have no rollback target): ${(err as Error).message}`);
  }
}

/**
 * The pod template of a failed rollout (the one running imageRef), read before
 * the rollback; recorded after it (an undo replaces the Deployment's
 * annotations with the ReplicaSet's), so rollback mode never returns to it.
 */
async function failedTemplate(cluster: Cluster, t: Tracked, image: ImageReference): Promise<string | undefined> {
  try {
    const d = await cluster.deployment(t.name);
    const rs = d && currentReplicaSet(d, await cluster.replicaSets(d));
    const hash = rs && templateHashOf(rs);
    return rs && hash && t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)) ? hash : undefined;
  } catch (err) {
    core.warning(`could not read the failed pod template of deployment/${t.name}: ${(err as Error).message}`);
    return undefined;
  }
}

async function recordFailed(cluster: Cluster, name: string, hash: string): Promise<void> {
  try {
    const d = await cluster.deployment(name);
    if (d) await cluster.annotate(name, { [FAILED_TEMPLATES]: withFailedTemplate(d, hash) });
  } catch (err) {
    core.warning(`could not record the failed pod template ${hash} of deployment/${name}: ${(err as Error).message}`);
  }
}

const imageList = (images: Record<string, string>): string =>
  Object.entries(images)
    .map(([c, i]) => `${c}=${i}`)
    .join(', ');

/**
 * Rolls the given deployments back, each to its target: `rollout undo
 * --to-revision=<target>` for all of them first (never a blind undo; the
 * number is looked up again by pod template, as an earlier undo may have
 * renumbered it), then one wait for all. The deployment's own state decides:
 * its images equal the target's and its replicas are ready. `kubectl rollout
 * status` is not trusted alone: it can keep reporting a stale
 * ProgressDeadlineExceeded after an undo.
 */
async function rollBackAll(cluster: Cluster, items: Array<{ t: Tracked; target: Target }>, deadline: number): Promise<void> {
  const waiting: Array<{ t: Tracked; target: Target }> = [];
  for (const { t, target } of items) {
    try {
      await persist(`rollback of deployment/${t.name}`, deadline, async () => {
        const before = await cluster.deployment(t.name);
        if (!before) throw new Error(`deployment/${t.name} disappeared`);
        const rs = (await cluster.replicaSets(before)).find((r) => templateHashOf(r) === target.podTemplateHash);
        const revision = (rs && revisionOf(rs)) ?? target.revision;
        core.info(`deployment/${t.name}: rolling back to revision ${revision} (${imageList(target.images)})`);
        core.info(await cluster.undo(t.name, revision));
      });
      waiting.push({ t, target });
    } catch (err) {
      t.result = 'failed';
      t.rollbackDetail = `rollback failed: ${(err as Error).message}`;
      t.endedAt = Date.now();
    }
  }
  const last = new Map<string, string>();
  while (waiting.length > 0) {
    for (const item of [...waiting]) {
      const { t, target } = item;
      const d = await cluster.deployment(t.name).catch(() => undefined);
      if (!d) continue;
      const st = rolloutState(d);
      const images = imagesOf(d.spec.template);
      const imagesBack = Object.entries(target.images).every(([c, i]) => images[c] === i);
      t.after = d;
      t.revisionAfter = revisionOf(d);
      if (imagesBack && replicasSettled(st)) {
        t.result = 'rolled-back';
        t.rollbackDetail = `back on revision ${t.revisionAfter} (${imageList(target.images)}), ${describeState({ ...st, deadlineExceeded: false })}`;
        t.endedAt = Date.now();
        waiting.splice(waiting.indexOf(item), 1);
      } else {
        last.set(t.name, `${describeState(st)}${imagesBack ? '' : '; images not yet back'}`);
      }
    }
    if (waiting.length === 0) break;
    if (Date.now() >= deadline) {
      for (const { t } of waiting) {
        t.result = 'failed';
        t.rollbackDetail = `rollback did not complete in time: ${last.get(t.name) ?? 'no status'}`;
        t.endedAt = Date.now();
      }
      break;
    }
    await sleep(POLL_MS);
  }
}

function nextSteps(cluster: Cluster, tracked: Tracked[]): string {
  const lines = tracked
    .filter((t) => t.changed)
    .flatMap((t) => [
      cluster.hint(`rollout history deployment/${t.name}`),
      cluster.hint(`get pods --selector ${Object.entries(t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`),
      t.target ? cluster.hint(`rollout undo deployment/${t.name} --to-revision=${t.target.revision}`) : cluster.hint(`rollout undo deployment/${t.name} --to-revision=<a revision that worked>`),
      cluster.hint(`rollout status deployment/${t.name}`),
    ]);
  return `Next steps:\n  ${lines.join('\n  ')}`;
}

/** What a run did so far: filled as it goes, so outputs and summary are right also on failure. */
interface RunState {
  result: Result;
  tracked: Tracked[];
  notes: string[];
}

async function deployMode(inputs: Inputs, target: KubeTarget, auth: AuthConfig | undefined, work: string, state: RunState): Promise<void> {
  const cluster = new Cluster(target, inputs.namespace);
  const notes = state.notes;
  const started = Date.now();
  const deadline = started + inputs.timeoutMs;
  const image = await resolveDigest(inputs.image as ImageReference, inputs);
  const imageRef = formatReference(image);
  notes.push(`Image: \`${imageRef}\``);
  notes.push(`Signature: ${inputs.verify ? await core.group('Verify the image signature', () => verifySignature(imageRef, image, inputs, auth, work)) : 'not verified (verify-signature: false)'}`);

  // Before any change: every deployment is read, checked and its rollback target fixed.
  const tracked = state.tracked;
  await core.group('Check the deployments before any change', async () => {
    for (const name of inputs.deployments) {
      const d = await settleBeforeChange(cluster, name, deadline);
      let containers: string[];
      try {
        containers = containersToUpdate(d, image, inputs.containers);
      } catch (err) {
        throw new DeployFailure((err as Error).message);
      }
      const owned = await cluster.replicaSets(d);
      const decision = decideTarget(d, owned);
      const st = rolloutState(d);
      const imagesBefore = imagesOf(d.spec.template);
      const same = containers.every((c) => runsImage(imagesBefore[c], image));
      if (same && !st.complete) {
        throw new DeployFailure(`deployment/${name} already runs ${imageRef} but is not healthy (${describeState(st)}): deploying the same image again would not help. Nothing was changed`);
      }
      if (decision.target) core.info(decision.reason);
      else core.warning(decision.reason);
      tracked.push({ name, before: d, containers, imagesBefore, revisionBefore: revisionOf(d), target: decision.target, targetReason: decision.reason, changed: false, unchanged: same, startedAt: Date.now() });
    }
  });
  const toChange = tracked.filter((t) => !t.unchanged);
  for (const t of tracked.filter((x) => x.unchanged)) {
    t.result = 'unchanged';
    t.after = t.before;
    t.revisionAfter = t.revisionBefore;
    t.endedAt = Date.now();
    core.info(`deployment/${t.name} already runs ${imageRef} and is healthy: unchanged`);
  }
  if (toChange.length === 0) {
    state.result = 'unchanged';
    return;
  }

  const github = inputs.githubToken
    ? await GitHubDeployment.create(inputs.githubToken, inputs.environment as string, inputs.environmentUrl, runUrl(process.env), `Deploy ${imageRef}`, { image: imageRef, namespace: inputs.namespace, deployments: inputs.deployments })
    : undefined;

  let failure: string | undefined;
  let broken: Tracked[] = [];
  const cancel = new Cancellation();
  cancel.arm();
  try {
    await core.group('Change', async () => {
      for (const t of toChange) {
        if (cancel.reason) break;
        t.changed = true; // from here on it may have changed, so a rollback must consider it
        t.startedAt = Date.now();
        // Both writes are idempotent, so an outage longer than kubectl's retries is waited out too.
        await persist(`deployment/${t.name}`, deadline, () => cluster.setImage(t.name, Object.fromEntries(t.containers.map((c) => [c, imageRef]))));
        await persist(`deployment/${t.name}`, deadline, () => cluster.annotate(t.name, { 'kubernetes.io/change-cause': changeCause(imageRef, process.env) }));
        core.info(`deployment/${t.name}: ${t.containers.map((c) => `${c}: ${t.imagesBefore[c]} -> ${imageRef}`).join('; ')}`);
      }
    });
    const watched = await watch(cluster, tracked, inputs, deadline, cancel);
    if (watched) {
      failure = watched.what;
      broken = toChange.filter((t) => t.name === watched.deployment);
    } else if (inputs.healthCheckUrl) {
      const health = await core.group(`Health check ${inputs.healthCheckUrl}`, () => waitHealthy(inputs.healthCheckUrl as string, Math.max(deadline, Date.now() + 1000), 1000, () => cancel.reason));
      if (!health.ok) {
        failure = `the rollout completed but ${inputs.healthCheckUrl} did not answer 2xx: ${health.detail}`;
        broken = toChange;
      } else notes.push(`Health check: ${inputs.healthCheckUrl} answered ${health.detail}`);
    }
  } catch (err) {
    failure = `the change itself failed: ${(err as Error).message}`;
  }
  if (!failure && cancel.reason) failure = `${cancel.reason} before the rollout was confirmed`;

  if (!failure) {
    for (const t of toChange) {
      t.result = 'deployed';
      t.endedAt = Date.now();
      await recordKnownGood(cluster, t.name);
    }
    await github?.status('success', `Deployed ${imageRef}`);
    state.result = 'deployed';
    return;
  }

  core.error(`Rollout failed: ${failure}`);
  notes.push(`What broke: ${failure}`);
  const failedTemplates: Array<[string, string]> = [];
  for (const t of cancel.reason ? [] : broken) {
    const hash = await failedTemplate(cluster, t, image);
    if (hash) failedTemplates.push([t.name, hash]);
  }
  const changed = tracked.filter((t) => t.changed);
  // Roll back every changed deployment that has a known-good target; one without stays as it is, said loudly.
  const rollable = inputs.rollbackOnFailure ? changed.filter((t) => t.target) : [];
  const stuck = changed.filter((t) => !rollable.includes(t));
  for (const t of stuck) {
    t.result = 'failed';
    t.rollbackDetail = inputs.rollbackOnFailure ? 'no known-good revision: not rolled back' : 'rollback-on-failure is false: not rolled back';
    t.endedAt = Date.now();
    t.after = await cluster.deployment(t.name).catch(() => undefined);
    t.revisionAfter = t.after && revisionOf(t.after);
  }
  if (rollable.length > 0) {
    await core.group('Roll back', () => rollBackAll(cluster, rollable.map((t) => ({ t, target: t.target as Target })), Date.now() + inputs.timeoutMs));
    for (const t of rollable.filter((x) => x.result === 'rolled-back')) await recordKnownGood(cluster, t.name);
  }
  for (const [name, hash] of failedTemplates) await recordFailed(cluster, name, hash);
  const states = changed.map((t) => `deployment/${t.name}: ${t.rollbackDetail ?? t.result}`).join('; ');
  if (changed.every((t) => t.result === 'rolled-back')) {
    state.result = 'rolled-back';
    await github?.status('failure', `Rolled back: ${failure}`);
    throw new DeployFailure(`${failure}\nRolled back: ${states}`);
  }
  if (rollable.length === 0) {
    await github?.status('failure', `Failed, not rolled back: ${failure}`);
    throw new DeployFailure(`${failure}\nNo automatic rollback (${inputs.rollbackOnFailure ? 'no known-good revision' : 'rollback-on-failure is false'}): the changed deployments are left as they are now: ${states}\n${nextSteps(cluster, tracked)}`);
  }
  const header = rollable.some((t) => t.result !== 'rolled-back') ? 'ROLLBACK FAILED.' : 'NOT FULLY ROLLED BACK: some deployments had no known-good revision.';
  await github?.status('error', `${header} ${failure}`);
  throw new DeployFailure(`${header} ${failure}\nState now: ${states}\nThe cluster needs a person.\n${nextSteps(cluster, tracked)}`);
}

async function rollbackMode(inputs: Inputs, target: KubeTarget, state: RunState): Promise<void> {
  const cluster = new Cluster(target, inputs.namespace);
  const tracked = state.tracked;
  const deadline = Date.now() + inputs.timeoutMs;
  const plans: Array<{ t: Tracked; target: Target }> = [];
  for (const name of inputs.deployments) {
    const d = await cluster.deployment(name);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${inputs.namespace}`);
    if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to roll it back. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)})`);
    const owned = await cluster.replicaSets(d);
    const failed = failedTemplatesOf(d);
    const revision = inputs.toRevision ?? previousRevision(d, owned, failed);
    const available = owned.map(revisionOf).filter((r): r is number => r !== undefined).sort((a, b) => a - b);
    if (revision === undefined) {
      throw new DeployFailure(`deployment/${name} has no revision before its current one (${revisionOf(d) ?? 'unknown'}) to roll back to${failed.length > 0 ? ' that this action has not seen fail' : ''}. Nothing was changed`);
    }
    const rs = owned.find((r) => revisionOf(r) === revision);
    const hash = rs && templateHashOf(rs);
    if (!rs || !hash) throw new DeployFailure(`input 'to-revision': deployment/${name} has no revision ${revision} (revisions in its history: ${available.join(', ') || 'none'})`);
    if (failed.includes(hash)) core.warning(`deployment/${name}: revision ${revision} is a pod template this action saw fail; rolling back to it because to-revision asks for it`);
    const images = imagesOf(d.spec.template);
    const t: Tracked = { name, before: d, containers: Object.keys(images), imagesBefore: images, revisionBefore: revisionOf(d), changed: true, unchanged: false, startedAt: Date.now(), targetReason: `deployment/${name}: rollback to revision ${revision} as requested` };
    plans.push({ t, target: { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template), source: 'recorded' } });
    tracked.push(t);
  }
  for (const { t, target } of plans) t.target = target;
  await core.group('Roll back', () => rollBackAll(cluster, plans, deadline));
  for (const { t } of plans) {
    core.info(`deployment/${t.name}: ${t.rollbackDetail}`);
    if (t.result === 'rolled-back') await recordKnownGood(cluster, t.name);
  }
  const failures = plans.filter(({ t }) => t.result !== 'rolled-back').map(({ t }) => `deployment/${t.name}: ${t.rollbackDetail}`);
  if (failures.length > 0) throw new DeployFailure(`ROLLBACK FAILED: ${failures.join('; ')}\n${nextSteps(cluster, tracked)}`);
  state.result = 'rolled-back';
}

export async function execute(inputs: Inputs): Promise<void> {
  const work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-'));
  const kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : undefined;
  const auth = inputs.registry && inputs.image ? writeAuthConfig(registryOf(inputs.image), inputs.registry) : undefined;
  const state: RunState = { result: 'failed', tracked: [], notes: [] };
  let error: string | undefined;
  try {
    const kubectl = await resolveTool('kubectl');
    const target: KubeTarget = { kubectl: kubectl.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    if (inputs.mode === 'deploy') await deployMode(inputs, target, auth, work, state);
    else await rollbackMode(inputs, target, state);
  } catch (err) {
    error = (err as Error).message;
    throw err;
  } finally {
    kubeconfig?.remove();
    auth?.remove();
    rmSync(work, { recursive: true, force: true });
    setOutputs(state.result, state.tracked, inputs);
    await writeSummary(deploySummary(inputs, state.result, state.tracked, state.notes, error));
  }
}
