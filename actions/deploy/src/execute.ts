import * as core from '@actions/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { execTool } from '../../../src/lib/exec.js';
import { formatReference, registryOf, registryPath, type ImageReference } from '../../../src/lib/image-ref.js';
import { checkKubeconfig, isTransientKubectlError, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { runUrl } from '../../../src/lib/run-url.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { Cancellation } from './cancellation.js';
import { changeCause } from './change-cause.js';
import { Cluster } from './cluster.js';
import { containersToUpdate, runsImage } from './deploy-plan.js';
import { GitHubDeployment } from './github-deployment.js';
import { waitHealthy } from './health-check.js';
import type { Inputs } from './inputs.js';
import type { Deployment, Pod, ReplicaSet } from './kube-objects.js';
import { decideTarget, failedTemplatesOf, type Target } from './known-good.js';
import { setOutputs, type Result, type Tracked } from './outputs.js';
import { persist, POLL_MS, secondsLeft } from './persist.js';
import { failedTemplate, imageList, podFailureText, rollBackAll, writeRecords, type RollbackItem } from './rollback.js';
import {
  containersOf,
  currentReplicaSet,
  describeState,
  findPodFailure,
  imagesOf,
  newestPodState,
  oldPodsOf,
  previousRevision,
  revisionOf,
  rolloutState,
  TEMPLATE_HASH,
  templateHashOf,
  type OldPods,
} from './rollout-state.js';
import { deploySummary } from './summary.js';
import { countVerified, verifyArgv } from './verify.js';

/** A failure the step reports as it is; `deployment` is the Deployment as read, when it was. */
class DeployFailure extends Error {
  constructor(
    message: string,
    readonly deployment?: Deployment,
  ) {
    super(message);
  }
}

/** `kubectl set image` failed and the Deployment does not carry the new image: nothing changed there. */
class NotApplied extends Error {
  constructor(
    readonly deployment: string,
    message: string,
  ) {
    super(message);
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

/**
 * The deployment's pods split by template: those of its current ReplicaSet, and the old ones as
 * they really are. With `isNew`, the current ReplicaSet counts only when it is the new one: the
 * revision annotation moves to the new ReplicaSet only once the controller creates it (with
 * Recreate, after the old pods are gone), and until then the old pods are not this rollout's.
 */
async function livePods(cluster: Cluster, d: Deployment, deadline: number, isNew?: (rs: ReplicaSet) => boolean): Promise<{ fresh: Pod[]; old?: OldPods }> {
  const rs = currentReplicaSet(d, await persist('watch', deadline, () => cluster.replicaSets(d)));
  const hash = rs && (!isNew || isNew(rs)) ? templateHashOf(rs) : undefined;
  if (!hash) return { fresh: [] };
  const pods = await persist('watch', deadline, () => cluster.pods(d));
  return { fresh: pods.filter((p) => p.metadata.labels?.[TEMPLATE_HASH] === hash), old: oldPodsOf(pods, hash) };
}

/** After an outage that outlasted the watch: are the changed deployments complete on the new image? */
async function confirmAfterOutage(cluster: Cluster, toChange: Tracked[], image: ImageReference, deadline: number): Promise<{ complete: boolean; state?: string }> {
  const states: string[] = [];
  let complete = true;
  for (const t of toChange) {
    const d = await persist(`deployment/${t.name}`, deadline, () => cluster.deployment(t.name)).catch(() => undefined);
    if (!d) return { complete: false, state: states.join('; ') || undefined };
    const st = rolloutState(d);
    const onImage = t.containers.every((c) => runsImage(imagesOf(d.spec.template)[c], image));
    t.after = d;
    t.revisionAfter = revisionOf(d);
    states.push(`deployment/${t.name} ${onImage ? 'on the new image' : 'not on the new image'}, ${describeState(st)}`);
    if (!st.complete || !onImage) complete = false;
  }
  core.info(states.join('\n'));
  return { complete, state: states.join('; ') };
}

/** Waits for an earlier rollout to finish (or fail) within the deadline; refuses to interfere otherwise. */
async function settleBeforeChange(cluster: Cluster, name: string, deadline: number, failFast: boolean, cancel: Cancellation): Promise<Deployment> {
  let logged = '';
  for (;;) {
    const d = await persist(`deployment/${name}`, deadline, () => cluster.deployment(name));
    if (d && cancel.reason) throw new DeployFailure(`${cancel.reason} while waiting for an earlier rollout of deployment/${name}. Nothing was changed`, d);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${cluster.namespace}`);
    if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to change it. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}) or leave it to whoever paused it. Nothing was changed`, d);
    const st = rolloutState(d);
    if (st.complete || (st.observed && st.deadlineExceeded)) return d;
    const live = st.observed ? await livePods(cluster, d, 0).catch(() => undefined) : undefined;
    // A rollout whose new pods will not recover is a failed one, not one to wait for: so a fix can be deployed over it.
    const failing = failFast ? findPodFailure(live?.fresh ?? []) : undefined;
    if (failing) {
      core.warning(`deployment/${name}: its current rollout is failing (${podFailureText(failing)}): treated as failed, not waited for`);
      return d;
    }
    const state = describeState(st, live?.old);
    if (Date.now() >= deadline) {
      throw new DeployFailure(`deployment/${name} is still rolling out an earlier change (${state}) after waiting the whole timeout: refusing to start another. Nothing was changed`, d);
    }
    const line = `deployment/${name} has a rollout in progress (${state}); waiting, ${secondsLeft(deadline)}`;
    if (line.replace(/\d+s left/, '') !== logged) core.info(line);
    logged = line.replace(/\d+s left/, '');
    await cancel.sleep(POLL_MS);
  }
}

interface WatchFailure {
  deployment: string;
  what: string;
}

/** One loop for all changed deployments: complete, deadline exceeded, timeout, or (fail-fast) a broken pod. */
async function watch(cluster: Cluster, tracked: Tracked[], inputs: Inputs, image: ImageReference, deadline: number, cancel: Cancellation): Promise<WatchFailure | undefined> {
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
        let old: OldPods | undefined;
        if (st.observed) {
          const live = await livePods(cluster, d, deadline, (rs) => t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)));
          const failure = inputs.failFast ? findPodFailure(live.fresh) : undefined;
          if (failure) return { deployment: name, what: `deployment/${name}: ${podFailureText(failure)}` };
          podLine = newestPodState(live.fresh) ?? '';
          old = live.old;
        }
        const line = `deployment/${name}: ${describeState(st, old)}${podLine ? `; ${podLine}` : ''}`;
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

function nextSteps(cluster: Cluster, tracked: Tracked[]): string {
  const lines = tracked
    .filter((t) => t.changed)
    .flatMap((t) => [
      cluster.hint(`rollout history deployment/${t.name}`),
      cluster.hint(`get pods --selector ${Object.entries(t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`),
      t.target && !t.targetFailed ? cluster.hint(`rollout undo deployment/${t.name} --to-revision=${t.target.revision}`) : cluster.hint(`rollout undo deployment/${t.name} --to-revision=<a revision that worked>`),
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

/** The containers reported for a deployment the step did not change: the ones it would have changed, else all it has. */
function reportedContainers(d: Deployment, image: ImageReference | undefined, explicit: string[] | undefined): string[] {
  if (image) {
    try {
      return containersToUpdate(d, image, explicit);
    } catch {
      // fall through: report what the deployment has
    }
  }
  const names = containersOf(d.spec.template).map((c) => c.name);
  const named = explicit?.filter((c) => names.includes(c)) ?? [];
  return named.length > 0 ? named : names;
}

/** A deployment read but left as it was because the step failed before changing it: its outputs are still known (Rule 5). */
function notChanged(d: Deployment, containers: string[]): Tracked {
  const revision = revisionOf(d);
  return {
    name: d.metadata.name,
    before: d,
    after: d,
    containers,
    imagesBefore: imagesOf(d.spec.template),
    revisionBefore: revision,
    revisionAfter: revision,
    targetReason: `deployment/${d.metadata.name}: not changed by this step, so no rollback target`,
    changed: false,
    unchanged: false,
    result: 'failed',
    startedAt: Date.now(),
    endedAt: Date.now(),
  };
}

/** After `set image` failed: does the Deployment carry the new image anyway (an answer lost after the write)? Unreadable counts as yes. */
async function changeLanded(cluster: Cluster, t: Tracked, image: ImageReference): Promise<boolean> {
  try {
    const d = await cluster.deployment(t.name);
    if (!d) return false;
    t.after = d;
    t.revisionAfter = revisionOf(d);
    return t.containers.every((c) => runsImage(imagesOf(d.spec.template)[c], image));
  } catch {
    return true;
  }
}

const stillOn = (t: Tracked): string => `deployment/${t.name} is still on revision ${t.revisionAfter ?? t.revisionBefore ?? '?'} (${t.containers.map((c) => `${c}=${t.imagesBefore[c] ?? '?'}`).join(', ')})`;

async function deployMode(inputs: Inputs, target: KubeTarget, auth: AuthConfig | undefined, work: string, state: RunState): Promise<void> {
  const cluster = new Cluster(target, inputs.namespace);
  const notes = state.notes;
  const started = Date.now();
  const deadline = started + inputs.timeoutMs;
  const image = await resolveDigest(inputs.image as ImageReference, inputs);
  const imageRef = formatReference(image);
  notes.push(`Image: \`${imageRef}\``);
  notes.push(`Signature: ${inputs.verify ? await core.group('Verify the image signature', () => verifySignature(imageRef, image, inputs, auth, work)) : 'not verified (verify-signature: false)'}`);

  // A signal before any change stops the step with nothing changed; after it, rolls back what changed.
  const cancel = new Cancellation();
  cancel.arm();
  // Before any change: every deployment is read, checked and its rollback target fixed.
  const tracked = state.tracked;
  await core.group('Check the deployments before any change', async () => {
    for (const name of inputs.deployments) {
      let d: Deployment | undefined;
      try {
        d = await settleBeforeChange(cluster, name, deadline, inputs.failFast, cancel);
        const containers = containersToUpdate(d, image, inputs.containers);
        const before = d;
        const owned = await persist(`deployment/${name}`, deadline, () => cluster.replicaSets(before));
        const decision = decideTarget(d, owned);
        const st = rolloutState(d);
        // Unhealthy after the wait and its rollout never completed: that rollout failed (deadline
        // exceeded, or pods that will not recover). Should this step change it, its template is
        // recorded as failed. A template whose rollout completed (Progressing says
        // NewReplicaSetAvailable) and whose pods fail later is not: it did complete.
        const rolloutCompleted = d.status?.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable') ?? false;
        const currentRs = st.complete || rolloutCompleted ? undefined : currentReplicaSet(d, owned);
        const failingBefore = currentRs && templateHashOf(currentRs);
        const imagesBefore = imagesOf(d.spec.template);
        const same = containers.every((c) => runsImage(imagesBefore[c], image));
        if (same && !st.complete) {
          throw new DeployFailure(`deployment/${name} already runs ${imageRef} but is not healthy (${describeState(st)}): deploying the same image again would not help. Nothing was changed`);
        }
        if (decision.target) core.info(decision.reason);
        else core.warning(decision.reason);
        tracked.push({ name, before: d, containers, imagesBefore, revisionBefore: revisionOf(d), target: decision.target, targetReason: decision.reason, failingBefore, changed: false, unchanged: same, startedAt: Date.now() });
      } catch (err) {
        const seen = d ?? (err instanceof DeployFailure ? err.deployment : undefined);
        if (seen) tracked.push(notChanged(seen, reportedContainers(seen, image, inputs.containers)));
        if (err instanceof DeployFailure) throw err;
        throw new Error(`${(err as Error).message}. Nothing was changed`);
      }
    }
  });
  if (cancel.reason) throw new DeployFailure(`${cancel.reason} before any change. Nothing was changed`);
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
  let notApplied: NotApplied | undefined;
  let broken: Tracked[] = [];
  let watching = false;
  try {
    await core.group('Change', async () => {
      for (const t of toChange) {
        if (cancel.reason) break;
        t.changed = true; // from here on it may have changed, so a rollback must consider it
        t.startedAt = Date.now();
        // Both writes are idempotent, so an outage longer than kubectl's retries is waited out too.
        try {
          await persist(`deployment/${t.name}`, deadline, () => cluster.setImage(t.name, Object.fromEntries(t.containers.map((c) => [c, imageRef]))));
        } catch (err) {
          if (await changeLanded(cluster, t, image)) throw err;
          // Refused (403, 409, 422, a 429 that stayed...): this deployment was not changed, so there is nothing to roll back on it.
          t.changed = false;
          t.result = 'failed';
          t.rollbackDetail = 'the change was not applied: nothing to roll back';
          t.endedAt = Date.now();
          throw new NotApplied(t.name, (err as Error).message);
        }
        // The change-cause is a record, not the change: the image is set, so failing to annotate
        // (an outage, say) must not turn a rollout into a failure. The watch decides.
        await persist(`deployment/${t.name}`, deadline, () => cluster.annotate(t.name, { 'kubernetes.io/change-cause': changeCause(imageRef, process.env) })).catch((err: unknown) => {
          core.warning(`deployment/${t.name}: could not set kubernetes.io/change-cause (${(err as Error).message.trim().split('\n').pop()}); watching the rollout all the same`);
        });
        core.info(`deployment/${t.name}: ${t.containers.map((c) => `${c}: ${t.imagesBefore[c]} -> ${imageRef}`).join('; ')}`);
      }
    });
    watching = true;
    const watched = await watch(cluster, tracked, inputs, image, deadline, cancel);
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
    if (err instanceof NotApplied) {
      notApplied = err;
      failure = `the change was not applied to deployment/${err.deployment}: ${err.message}`;
    } else if (watching && !cancel.reason && isTransientKubectlError((err as Error).message)) {
      // The API server stopped answering until the deadline: the rollout is unconfirmed, not failed.
      // Read it once the server answers (within the rollback's budget) before undoing anything.
      const outage = (err as Error).message.trim().split('\n').pop() ?? '';
      const seen = await core.group('The API server did not answer before the timeout: reading the rollout once it does', () => confirmAfterOutage(cluster, toChange, image, Date.now() + inputs.timeoutMs));
      if (seen.complete && !inputs.healthCheckUrl) notes.push(`The API server stopped answering during the watch (${outage}); once it answered, the rollout was complete: ${seen.state}`);
      else failure = `the rollout could not be confirmed within the timeout: the API server did not answer (${outage})${seen.state ? `; once it did: ${seen.state}` : ''}`;
    } else failure = `the change itself failed: ${(err as Error).message}`;
  }
  if (!failure && cancel.reason) failure = `${cancel.reason} before the rollout was confirmed`;

  if (!failure) {
    for (const t of toChange) {
      t.result = 'deployed';
      t.endedAt = Date.now();
      await writeRecords(cluster, t, t.failingBefore ? [t.failingBefore] : [], true);
    }
    await github?.status('success', `Deployed ${imageRef}`);
    state.result = 'deployed';
    return;
  }

  core.error(`Rollout failed: ${failure}`);
  notes.push(`What broke: ${failure}`);
  const failedTemplates = new Map<string, string>();
  for (const t of cancel.reason ? [] : broken) {
    const hash = await failedTemplate(cluster, t, image);
    if (hash) failedTemplates.set(t.name, hash);
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
  const items: RollbackItem[] = rollable.map((t) => ({ t, target: t.target as Target }));
  if (items.length > 0) await core.group('Roll back', () => rollBackAll(cluster, items, Date.now() + inputs.timeoutMs, inputs.failFast));
  // A rollback target that did not come up is recorded as failed too: no later run goes back to it.
  for (const item of items.filter((i) => i.outcome === 'broken')) item.t.targetFailed = true;
  for (const t of changed) {
    const failedNow = [t.failingBefore, failedTemplates.get(t.name), t.targetFailed ? t.target?.podTemplateHash : undefined].filter((h): h is string => h !== undefined);
    await writeRecords(cluster, t, failedNow, t.result === 'rolled-back');
  }
  const states = changed.map((t) => `deployment/${t.name}: ${t.rollbackDetail ?? t.result}`).join('; ');
  if (changed.every((t) => t.result === 'rolled-back')) {
    if (notApplied) {
      // The step did not change what it was asked to: failed, whatever was undone before it.
      const untouched = tracked.filter((t) => !t.changed && !t.unchanged).map(stillOn);
      await github?.status('failure', `Not applied: ${failure}`);
      throw new DeployFailure(
        changed.length === 0
          ? `${failure}\nNothing was changed: ${untouched.join('; ')}. No rollback was needed.`
          : `${failure}\nNot changed: ${untouched.join('; ')}. Rolled back what had already been changed before it: ${states}`,
      );
    }
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

/** A rollback-mode plan: the requested revision, and what to restore should it not come up. */
interface RollbackPlan extends RollbackItem {
  /** The revision that ran before the step (current and healthy, else the recorded known-good). */
  restore?: Target;
  restoreItem?: RollbackItem;
}

function rollbackNextSteps(cluster: Cluster, plans: RollbackPlan[]): string {
  const lines = plans
    .filter((p) => p.outcome !== 'done')
    .flatMap((p) => {
      const name = p.t.name;
      const undo =
        p.outcome === 'undo-failed'
          ? [cluster.hint(`rollout undo deployment/${name} --to-revision=${p.revision ?? p.target.revision}`)]
          : p.restore && (p.restoreItem === undefined || p.restoreItem.outcome === 'undo-failed')
            ? [cluster.hint(`rollout undo deployment/${name} --to-revision=${p.restoreItem?.revision ?? p.restore.revision}`)]
            : [];
      return [
        cluster.hint(`rollout history deployment/${name}`),
        cluster.hint(`get pods --selector ${Object.entries(p.t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`),
        ...undo,
        cluster.hint(`rollout status deployment/${name}`),
      ];
    });
  return `Next steps:\n  ${lines.join('\n  ')}`;
}

async function rollbackMode(inputs: Inputs, target: KubeTarget, state: RunState): Promise<void> {
  // A rollback is itself the recovery: a cancellation does not cut it short (as in deploy mode),
  // so the step ends with its outputs and summary instead of dying mid-undo.
  new Cancellation().arm();
  const cluster = new Cluster(target, inputs.namespace);
  const tracked = state.tracked;
  const deadline = Date.now() + inputs.timeoutMs;
  const plans: RollbackPlan[] = [];
  for (const name of inputs.deployments) {
    const d = await cluster.deployment(name);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${inputs.namespace}`);
    const images = imagesOf(d.spec.template);
    try {
      if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to roll it back. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}). Nothing was changed`);
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
      // What to return to should the requested revision not come up: what runs now when it is healthy, else the last known-good.
      const before = decideTarget(d, owned).target;
      const restore = before && before.podTemplateHash !== hash ? before : undefined;
      const t: Tracked = { name, before: d, containers: Object.keys(images), imagesBefore: images, revisionBefore: revisionOf(d), changed: true, unchanged: false, startedAt: Date.now(), targetReason: `deployment/${name}: rollback to revision ${revision} as requested${restore ? `; should it not come up, back to revision ${restore.revision} (${imageList(restore.images)})` : ''}` };
      plans.push({ t, target: { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template), source: 'recorded' }, restore });
      tracked.push(t);
    } catch (err) {
      tracked.push(notChanged(d, Object.keys(images)));
      throw err;
    }
  }
  for (const p of plans) p.t.target = p.target;
  await core.group('Roll back', () => rollBackAll(cluster, plans, deadline, inputs.failFast));
  const failedRollouts = plans.filter((p) => p.outcome === 'broken' || p.outcome === 'timed-out');
  const whatBroke = new Map(failedRollouts.map((p) => [p, p.t.rollbackDetail ?? 'failed']));
  const toRestore = inputs.rollbackOnFailure ? failedRollouts.filter((p) => p.restore) : [];
  if (toRestore.length > 0) {
    for (const p of toRestore) p.restoreItem = { t: p.t, target: p.restore as Target };
    // A budget of its own, as for the rollback of a failed deploy.
    await core.group('Restore what ran before this step', () =>
      rollBackAll(
        cluster,
        toRestore.map((p) => p.restoreItem as RollbackItem),
        Date.now() + inputs.timeoutMs,
        inputs.failFast,
      ),
    );
  }
  for (const p of plans) {
    if (p.outcome === 'done') await writeRecords(cluster, p.t, [], true);
    else if (whatBroke.has(p)) await writeRecords(cluster, p.t, [p.target.podTemplateHash], p.restoreItem?.outcome === 'done');
  }
  for (const p of failedRollouts) {
    const restore = p.restoreItem;
    const after = !p.restore
      ? 'nothing to restore: no revision known to be good before this step'
      : !restore
        ? 'not restored (rollback-on-failure is false)'
        : restore.outcome === 'done'
          ? `restored what ran before this step: ${p.t.rollbackDetail}`
          : `restoring what ran before this step failed too: ${p.t.rollbackDetail}`;
    p.t.result = 'failed';
    p.t.rollbackDetail = `${whatBroke.get(p)}; ${after}`;
  }
  for (const { t } of plans) core.info(`deployment/${t.name}: ${t.rollbackDetail}`);
  const failures = plans.filter((p) => p.outcome !== 'done');
  if (failures.length === 0) {
    state.result = 'rolled-back';
    return;
  }
  const lines = failures.map((p) => `deployment/${p.t.name}: ${p.t.rollbackDetail}`);
  const restoredAll = failures.every((p) => p.restoreItem?.outcome === 'done');
  const recorded = failedRollouts.length > 0 ? `\nThe pod template of ${failedRollouts.map((p) => `deployment/${p.t.name} revision ${p.revision ?? p.target.revision}`).join(', ')} is recorded as failed: a rollback without to-revision will not pick it.` : '';
  throw new DeployFailure(`${restoredAll ? 'ROLLBACK FAILED, the revision that ran before is restored:' : 'ROLLBACK FAILED:'} ${lines.join('; ')}${recorded}\n${rollbackNextSteps(cluster, plans)}`);
}

export async function execute(inputs: Inputs): Promise<void> {
  const state: RunState = { result: 'failed', tracked: [], notes: [] };
  let error: unknown;
  let work: string | undefined;
  let kubeconfig: { path: string; remove(): void } | undefined;
  let auth: AuthConfig | undefined;
  try {
    // Written inside the try, so the finally removes whatever was written, whatever fails next.
    work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-'));
    kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : undefined;
    // Only cosign reads the auth file (tag resolution uses the registry client): none without verify-signature.
    auth = inputs.verify && inputs.registry && inputs.image ? writeAuthConfig(registryOf(inputs.image), inputs.registry) : undefined;
    const kubectl = await resolveTool('kubectl');
    const target: KubeTarget = { kubectl: kubectl.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    // Before any request: a cluster to talk to, and the context named.
    await checkKubeconfig(target);
    if (inputs.mode === 'deploy') await deployMode(inputs, target, auth, work as string, state);
    else await rollbackMode(inputs, target, state);
  } catch (err) {
    error = err;
    throw err;
  } finally {
    kubeconfig?.remove();
    auth?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
    setOutputs(state.result, state.tracked, inputs);
    // A mistake in the inputs gets its summary from runAction.
    if (!(error instanceof ConfigurationError)) await writeSummary(deploySummary(inputs, state.result, state.tracked, state.notes, error === undefined ? undefined : (error as Error).message));
  }
}
