import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { execTool } from '../../../src/lib/exec.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { buildArgv, dockerPushArgv, fullRefs, parseBuildxMetadata, parseDigestFile, provenanceLabels, pushArgv } from './builder.js';
import { resolveEpoch } from './epoch.js';
import { checkExistingTags, sameImage, tagState } from './immutable-tags.js';
import type { Inputs } from './inputs.js';
import { buildProvenancePredicate, provenanceProblem } from './provenance.js';
import { pickBuilder } from './pick-builder.js';
import { attestPlan, keylessProblem, signPlan } from './sign.js';
import { buildSignSummary, type Outcome } from './summary.js';

const BUILD_TIMEOUT_MS = 60 * 60 * 1000;

/** Everything after input validation: check, build, push by digest or image ID, tag, read back, sign, attest. */
export async function execute(inputs: Inputs): Promise<void> {
  const outcome: Outcome = { inputs, pushed: [], skipped: [], signed: false, provenanceAttached: false };
  const work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'build-sign-'));
  const repo = { domain: inputs.image.domain, path: inputs.image.path };
  const at = (digest: string): string => `${repo.domain}/${repo.path}@${digest}`;
  let auth: AuthConfig | undefined;
  let errorIsConfiguration = false;
  const announce = (digest: string): void => {
    // Outputs as soon as a tag holds the image: also known when a later step fails.
    if (outcome.digest) return;
    outcome.digest = digest;
    outcome.imageRef = at(digest);
    core.setOutput('digest', digest);
    core.setOutput('image-ref', outcome.imageRef);
  };
  try {
    // Everything that can fail without side effects fails here, before anything is built or pushed.
    if (inputs.sign && !inputs.cosignKey) {
      const problem = keylessProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const wantProvenance = inputs.provenance && inputs.push;
    if (wantProvenance) {
      const problem = provenanceProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const builder = await pickBuilder(inputs);
    outcome.builder = builder;
    const cosign = inputs.sign ? await resolveTool('cosign', inputs.cosignVersion) : undefined;
    const client = new RegistryClient({ credentials: inputs.credentials });
    if (inputs.credentials && inputs.push) {
      await core.group(`Check the credentials for ${repo.domain}`, () => client.checkCredentials(repo.domain, repo.path));
    }
    if (inputs.credentials) {
      // docker reads it through DOCKER_CONFIG (no docker login: the runner's own config is never written).
      auth = writeAuthConfig(repo.domain, inputs.credentials, builder === 'docker');
    }
    // The checkout holding the build context (actions/checkout may use a path: below the workspace).
    const epoch = await resolveEpoch(process.env, inputs.context);
    if (epoch.value) core.info(`SOURCE_DATE_EPOCH=${epoch.value} (${epoch.source}): a re-run of this commit builds the same image`);
    else core.warning(`No SOURCE_DATE_EPOCH (${epoch.source}): the image carries the build time, so a re-run of this commit builds a different image and its tags refuse it. Set SOURCE_DATE_EPOCH to the commit time`);
    const buildEnv = { ...(auth?.env ?? {}), ...(epoch.value ? { SOURCE_DATE_EPOCH: epoch.value } : {}) };
    const files = { iidfile: path.join(work, 'iid'), metadataFile: path.join(work, 'metadata.json'), authfile: auth?.file };
    const labels = provenanceLabels(process.env);
    const refs = fullRefs(inputs);

    // Build. docker pushes here, by digest and untagged; buildah/podman build into local storage.
    let configs: string[];
    let pushedDigest: string | undefined;
    if (builder === 'docker' && inputs.push) {
      await core.group(`Build and push ${repo.domain}/${repo.path} by digest with docker buildx (no tag yet)`, async () => {
        await execTool('docker', dockerPushArgv(inputs, files.metadataFile, labels, epoch.value), { env: buildEnv, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
      });
      const meta = parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8'));
      pushedDigest = meta.digest;
      const held = await client.configDigests(repo.domain, repo.path, meta.digest);
      if (!held || held.length === 0) throw new Error(`docker buildx reported ${meta.digest} (${meta.isIndex ? 'an index' : 'a manifest'}) but the registry does not serve an image under it`);
      if (meta.configDigest && !sameImage(held, [meta.configDigest])) throw new Error(`the registry serves ${meta.digest} with image config ${held.join(', ')} but docker buildx reported ${meta.configDigest}`);
      configs = held;
    } else {
      await core.group(`Build ${refs.join(', ')} with ${builder}`, async () => {
        await execTool(builder, buildArgv(builder, inputs, files, labels, epoch.value), { env: buildEnv, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
      });
      if (builder === 'docker') {
        const meta = parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8'));
        configs = meta.configDigest ? [meta.configDigest] : [];
        if (!meta.configDigest) core.info(`docker buildx built an index (${meta.digest}); its image configs are known once it is pushed`);
      } else {
        configs = [parseDigestFile(readFileSync(files.iidfile, 'utf8'))];
      }
    }
    outcome.configDigests = configs;
    core.info(`Built image config ${configs.join(', ') || '(in an index)'}`);

    if (!inputs.push) {
      core.setOutput('tags', refs.join('\n'));
      core.info('push: false: the image stays local; nothing is pushed, signed or attested');
      return;
    }

    const nothing = pushedDigest ? `Nothing was tagged (the build went to the registry by digest only, untagged: ${pushedDigest})` : 'Nothing was pushed';
    const existing = await core.group('Check tags in the registry (tags are immutable)', () => checkExistingTags(client, inputs, configs, nothing, epoch.value ? `SOURCE_DATE_EPOCH=${epoch.value}, ${epoch.source}` : `no SOURCE_DATE_EPOCH: ${epoch.source}`));
    outcome.skipped = [...existing.keys()];
    const held = new Set(existing.values());
    // Decided before anything is tagged: existing tags that hold this image in different
    // manifests (written by different builders or formats) cannot give one digest.
    if (held.size > 1) {
      throw new Error(`tags ${[...existing].map(([t, d]) => `${t} (${d})`).join(', ')} hold this image in different manifests; refusing to report one digest. ${nothing}`);
    }
    const toTag = inputs.tags.filter((t) => !existing.has(t));
    let target = [...held][0];
    if (target) {
      if (toTag.length > 0) core.info(`The new tags point at the manifest ${target} already holds, byte for byte`);
      if (pushedDigest && pushedDigest !== target) core.info(`This run's push ${pushedDigest} stays untagged: the tags keep ${target}`);
      announce(target);
    } else if (pushedDigest) {
      target = pushedDigest;
    }

    if (toTag.length > 0) await core.group(`Tag ${toTag.length} tag(s)`, async () => {
      let manifest: Awaited<ReturnType<RegistryClient['getManifest']>>;
      for (const tag of toTag) {
        // Checked again right before it is written: another run may have pushed it since.
        const now = await tagState(client, inputs, tag, configs);
        if (now.exists) {
          if (now.same && (!target || now.digest === target)) {
            target = now.digest;
            outcome.skipped.push(tag);
            announce(target);
            core.info(`${tag} was pushed by another run meanwhile, holding this image (${now.digest})`);
            continue;
          }
          throw new Error(`tag ${tag} appeared in the registry during this run holding ${now.digest} (${now.same ? 'this image in another manifest' : now.what}); it is not overwritten${outcome.pushed.length ? `. Already tagged: ${outcome.pushed.join(', ')}` : ''}`);
        }
        if (!target) {
          // buildah/podman: the first tag is written by the push itself, from the image ID.
          const digestfile = path.join(work, 'digest');
          await execTool(builder, pushArgv(inputs, configs[0] as string, `${repo.domain}/${repo.path}:${tag}`, digestfile, auth?.file), { stream: true, timeoutMs: BUILD_TIMEOUT_MS });
          target = parseDigestFile(readFileSync(digestfile, 'utf8'));
        } else {
          manifest ??= await client.getManifest(repo.domain, repo.path, target);
          if (!manifest) throw new Error(`${at(target)} vanished from the registry`);
          await client.putManifest(repo.domain, repo.path, tag, manifest);
        }
        outcome.pushed.push(tag);
        announce(target);
        core.info(`${tag} -> ${target}`);
      }
    });
    if (!target) throw new Error('no tag to write and none holds the image');
    const digest = target;

    // Trust the registry, not the builder: read every tag back.
    await core.group('Read the digest back from the registry', async () => {
      for (const tag of inputs.tags) {
        const head = await client.headManifest(repo.domain, repo.path, tag);
        if (!head) throw new Error(`${repo.domain}/${repo.path}:${tag} is not in the registry after the push`);
        if (head.digest !== digest) throw new Error(`the registry serves ${tag} as ${head.digest}, not ${digest}: another push moved it during this run`);
        core.info(`${tag} -> ${head.digest}`);
      }
    });
    outcome.readBack = true;
    const imageRef = at(digest);
    announce(digest);
    core.setOutput('tags', refs.join('\n'));

    if (cosign) {
      const plan = signPlan(imageRef, repo.domain, inputs.cosignKey, inputs.cosignPassword, process.env);
      outcome.signMode = plan.mode;
      await core.group(`Sign ${imageRef} (${plan.mode})`, async () => {
        await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...(auth?.env ?? {}) }, stream: true, timeoutMs: 10 * 60 * 1000 });
      });
      outcome.signed = true;
    }
    if (wantProvenance) {
      const file = path.join(process.env.RUNNER_TEMP || tmpdir(), `build-sign-provenance-${digest.slice('sha256:'.length, 'sha256:'.length + 12)}.json`);
      writeFileSync(file, `${JSON.stringify(buildProvenancePredicate(process.env), null, 2)}\n`);
      outcome.provenanceFile = file;
      core.setOutput('provenance-file', file);
      if (cosign) {
        const plan = attestPlan(imageRef, repo.domain, inputs.cosignKey, inputs.cosignPassword, file);
        await core.group(`Attest SLSA provenance for ${imageRef}`, async () => {
          await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...(auth?.env ?? {}) }, stream: true, timeoutMs: 10 * 60 * 1000 });
        });
        outcome.provenanceAttached = true;
      } else {
        core.info(`SLSA provenance written to ${file}; not attached (sign: false)`);
      }
    }
  } catch (err) {
    outcome.error = err instanceof Error ? err.message : String(err);
    errorIsConfiguration = err instanceof ConfigurationError;
    throw err;
  } finally {
    core.setOutput('signed', String(outcome.signed));
    auth?.remove();
    rmSync(work, { recursive: true, force: true });
    // A mistake in the inputs found here (platforms for builder auto) gets the input summary runAction writes.
    if (!(outcome.error && outcome.builder === undefined && errorIsConfiguration)) await writeSummary(buildSignSummary(outcome));
  }
}
