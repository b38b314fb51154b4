import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { execTool } from '../../../src/lib/exec.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { findOnPath, resolveTool } from '../../../src/lib/tools.js';
import { buildArgv, dockerPushArgv, fullRefs, parseBuildxDriver, parseBuildxMetadata, parseDigestFile, provenanceLabels, pushArgv, type ConcreteBuilder } from './builder.js';
import { resolveEpoch } from './epoch.js';
import type { Inputs } from './inputs.js';
import { buildProvenancePredicate, provenanceProblem } from './provenance.js';
import { attestPlan, keylessProblem, signPlan } from './sign.js';
import { buildSignSummary, type Outcome } from './summary.js';

const BUILD_TIMEOUT_MS = 60 * 60 * 1000;

async function output(file: string, args: string[]): Promise<string | undefined> {
  try {
    const r = await execTool(file, args, { allowFailure: true, timeoutMs: 20000 });
    return r.exitCode === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `auto`: docker buildx when a Docker engine answers and its builder can push by
 * digest (any driver but `docker`: GitHub's default builder needs
 * docker/setup-buildx-action), else buildah, else podman. Several platforms need
 * buildx: without it that is a mistake in the inputs, said before anything is built.
 */
export async function pickBuilder(inputs: Pick<Inputs, 'builder' | 'platforms' | 'push'>): Promise<ConcreteBuilder> {
  const wanted = inputs.builder;
  const dockerDriver = async (): Promise<string | undefined> => {
    if (!findOnPath('docker') || (await output('docker', ['buildx', 'version'])) === undefined || (await output('docker', ['info', '--format', '{{.ServerVersion}}'])) === undefined) return undefined;
    return parseBuildxDriver((await output('docker', ['buildx', 'inspect'])) ?? '') ?? 'unknown';
  };
  if (wanted === 'docker') {
    if (!findOnPath('docker')) throw new Error("builder docker was asked for but 'docker' is not on PATH");
    const driver = await dockerDriver();
    if (inputs.push && driver === 'docker') {
      throw new Error("builder docker: the current buildx builder uses the 'docker' driver, which cannot push by digest (build-sign tags the image only after checking each tag). Add docker/setup-buildx-action before this step (docker-container driver), or set builder: buildah");
    }
    return 'docker';
  }
  if (wanted !== 'auto') {
    if (!findOnPath(wanted)) throw new Error(`builder ${wanted} was asked for but '${wanted}' is not on PATH`);
    return wanted;
  }
  const driver = await dockerDriver();
  if (driver !== undefined && (driver !== 'docker' || !inputs.push)) return 'docker';
  const fallback = findOnPath('buildah') ? 'buildah' : findOnPath('podman') ? 'podman' : undefined;
  if (inputs.platforms.length > 1) {
    throw new ConfigurationError(
      'platforms',
      `${inputs.platforms.length} platforms (${inputs.platforms.join(', ')}) need docker buildx with a multi-platform builder, and builder: auto found ${driver === 'docker' ? "only buildx's 'docker' driver (add docker/setup-buildx-action)" : 'no Docker engine'}${fallback ? `; ${fallback} builds one platform per run` : ''}. Expected one platform, or a runner with Docker and docker/setup-buildx-action`,
    );
  }
  if (fallback) {
    if (driver === 'docker') core.info(`The buildx builder uses the 'docker' driver, which cannot push by digest: building with ${fallback}`);
    return fallback;
  }
  throw new Error('no image builder found: install docker with buildx, buildah or podman, or set the builder input');
}

/** Two lists of config digests hold the same image: the same configs, as many times each. */
function sameImage(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

type TagState = { exists: false } | { exists: true; digest: string; same: boolean; what: string };

/** What a tag holds now, compared with the image just built. */
async function tagState(client: RegistryClient, inputs: Inputs, tag: string, configs: readonly string[]): Promise<TagState> {
  const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
  if (!head) return { exists: false };
  const held = await client.configDigests(inputs.image.domain, inputs.image.path, head.digest);
  const same = held !== undefined && sameImage(held, configs);
  const what = held === undefined ? 'image config unknown: a manifest it lists cannot be read' : held.length > 0 && held.every((c) => configs.includes(c)) && !same ? `this image's configs in another combination (${held.length} of them)` : `image config ${held.join(', ') || 'none'}`;
  return { exists: true, digest: head.digest, same, what };
}

/** Tags already in the registry: the same image is kept, another image is a hard stop. */
async function checkExistingTags(client: RegistryClient, inputs: Inputs, configs: readonly string[], nothing: string): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  const conflicts: string[] = [];
  for (const tag of inputs.tags) {
    const state = await tagState(client, inputs, tag, configs);
    if (!state.exists) continue;
    if (state.same) {
      existing.set(tag, state.digest);
      core.info(`Tag ${tag} already holds this image (${state.digest}); it is not pushed again`);
    } else {
      conflicts.push(`${tag} (holds ${state.digest}, ${state.what})`);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(
      `tags are immutable and ${conflicts.length === 1 ? 'this tag already exists' : 'these tags already exist'} holding something other than the image just built (config ${configs.join(', ')}): ${conflicts.join('; ')}. ${nothing}. Use a new tag (each commit gets its own sha- tag) or make the build reproducible (SOURCE_DATE_EPOCH)`,
    );
  }
  return existing;
}

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
    const epoch = await resolveEpoch(process.env, process.env.GITHUB_WORKSPACE ?? process.cwd());
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
    const existing = await core.group('Check tags in the registry (tags are immutable)', () => checkExistingTags(client, inputs, configs, nothing));
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
