import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool } from '../../../src/lib/exec.js';
import { writeAuthConfig, type AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { findOnPath, resolveTool } from '../../../src/lib/tools.js';
import { buildArgv, dockerPushArgv, fullRefs, parseBuildxMetadata, parseDigestFile, provenanceLabels, pushArgv, sourceDateEpoch, type ConcreteBuilder } from './builder.js';
import type { Inputs } from './inputs.js';
import { keylessProblem, signPlan } from './sign.js';
import { buildSignSummary, type Outcome } from './summary.js';
import { writeSummary } from '../../../src/lib/summary.js';

const BUILD_TIMEOUT_MS = 60 * 60 * 1000;

async function works(file: string, args: string[]): Promise<boolean> {
  try {
    return (await execTool(file, args, { allowFailure: true, timeoutMs: 20000 })).exitCode === 0;
  } catch {
    return false;
  }
}

/** `auto`: docker buildx when a Docker engine answers (GitHub-hosted runners), else buildah, else podman. */
export async function pickBuilder(wanted: Inputs['builder']): Promise<ConcreteBuilder> {
  if (wanted !== 'auto') {
    const bin = wanted;
    if (!findOnPath(bin)) throw new Error(`builder ${wanted} was asked for but '${bin}' is not on PATH`);
    return wanted;
  }
  if (findOnPath('docker') && (await works('docker', ['buildx', 'version'])) && (await works('docker', ['info', '--format', '{{.ServerVersion}}']))) return 'docker';
  if (findOnPath('buildah')) return 'buildah';
  if (findOnPath('podman')) return 'podman';
  throw new Error('no image builder found: install docker with buildx, buildah or podman, or set the builder input');
}

/** Tags already in the registry: the same image is kept, another image is a hard stop. */
async function checkExistingTags(client: RegistryClient, inputs: Inputs, configDigest: string): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  const conflicts: string[] = [];
  for (const tag of inputs.tags) {
    const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
    if (!head) continue;
    const configs = await client.configDigests(inputs.image.domain, inputs.image.path, tag);
    if (configs && configs.length === 1 && configs[0] === configDigest) {
      existing.set(tag, head.digest);
      core.info(`Tag ${tag} already holds this image (${head.digest}); it is not pushed again`);
    } else {
      const what = configs === undefined ? 'image config unknown: a manifest it lists cannot be read' : configs.length > 1 && configs.every((c) => c === configDigest) ? `an index listing this image ${configs.length} times, not this image alone` : `image config ${configs.join(', ') || 'none'}`;
      conflicts.push(`${tag} (holds ${head.digest}, ${what})`);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(
      `tags are immutable and ${conflicts.length === 1 ? 'this tag already exists' : 'these tags already exist'} holding something other than the image just built (config ${configDigest}): ${conflicts.join('; ')}. Nothing was pushed. Use a new tag (each commit gets its own sha- tag) or make the build reproducible`,
    );
  }
  return existing;
}

/** Everything after input validation: build, check tags, push, read back, sign. */
export async function execute(inputs: Inputs): Promise<void> {
  const outcome: Outcome = { inputs, pushed: [], skipped: [], signed: false };
  const work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'build-sign-'));
  let auth: AuthConfig | undefined;
  try {
    // Everything that can fail without side effects fails here, before anything is built or pushed.
    if (inputs.sign && !inputs.cosignKey) {
      const problem = keylessProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const builder = await pickBuilder(inputs.builder);
    outcome.builder = builder;
    const cosign = inputs.sign ? await resolveTool('cosign', inputs.cosignVersion) : undefined;
    const client = new RegistryClient({ credentials: inputs.credentials });
    if (inputs.credentials) {
      // docker reads it through DOCKER_CONFIG (no docker login: the runner's own config is never written).
      auth = writeAuthConfig(inputs.image.domain, inputs.credentials, builder === 'docker');
    }
    const files = { iidfile: path.join(work, 'iid'), metadataFile: path.join(work, 'metadata.json'), authfile: auth?.file };
    const labels = provenanceLabels(process.env);
    const refs = fullRefs(inputs);

    await core.group(`Build ${refs.join(', ')} with ${builder}`, async () => {
      await execTool(builder, buildArgv(builder, inputs, files, labels, sourceDateEpoch(process.env)), { env: auth?.env, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
    });
    const configDigest = builder === 'docker' ? parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8')).configDigest : parseDigestFile(readFileSync(files.iidfile, 'utf8'));
    if (!configDigest) throw new Error(`${builder} did not report the built image's config digest`);
    outcome.configDigest = configDigest;
    core.info(`Built image config ${configDigest}`);

    if (!inputs.push) {
      core.setOutput('tags', refs.join('\n'));
      core.info('push: false: the image stays local; nothing is pushed or signed');
      return;
    }
    const existing = await core.group('Check tags in the registry (tags are immutable)', () => checkExistingTags(client, inputs, configDigest));
    const toPush = inputs.tags.filter((t) => !existing.has(t));
    outcome.skipped = [...existing.keys()];

    const builderDigests = new Set<string>(existing.values());
    // Decided before anything is pushed: existing tags that hold this image in different
    // manifests (written by different builders or formats) cannot give one digest.
    if (builderDigests.size > 1) {
      throw new Error(`tags ${[...existing].map(([t, d]) => `${t} (${d})`).join(', ')} hold this image in different manifests; refusing to report one digest. Nothing was pushed`);
    }
    const sameImage = [...existing][0];
    if (sameImage && toPush.length > 0) {
      // The image is already in the registry: the new tags point at that manifest, byte for
      // byte, instead of a fresh push whose manifest (format, compression) could differ.
      const [fromTag, fromDigest] = sameImage;
      await core.group(`Tag ${toPush.length} more tag(s) to the manifest ${fromTag} already holds`, async () => {
        const manifest = await client.getManifest(inputs.image.domain, inputs.image.path, fromDigest);
        if (!manifest) throw new Error(`${inputs.image.domain}/${inputs.image.path}@${fromDigest} (tag ${fromTag}) vanished from the registry`);
        for (const tag of toPush) {
          try {
            await client.putManifest(inputs.image.domain, inputs.image.path, tag, manifest);
          } catch (err) {
            if (outcome.pushed.length === 0) throw err;
            // Tags already added point at the image: say so, with its digest (rule: outputs where known).
            const ref = `${inputs.image.domain}/${inputs.image.path}@${fromDigest}`;
            core.setOutput('digest', fromDigest);
            core.setOutput('image-ref', ref);
            outcome.digest = fromDigest;
            outcome.imageRef = ref;
            throw new Error(`${(err as Error).message}. Already added before it, pointing at ${fromDigest}: ${outcome.pushed.join(', ')}; not signed`);
          }
          outcome.pushed.push(tag);
          core.info(`${tag} -> ${fromDigest}`);
        }
      });
    } else if (toPush.length > 0) {
      await core.group(`Push ${toPush.length} tag(s)`, async () => {
        if (builder === 'docker') {
          const pushMeta = path.join(work, 'push-metadata.json');
          await execTool('docker', dockerPushArgv({ ...inputs, tags: toPush }, pushMeta, labels), { env: auth?.env, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
          const d = parseBuildxMetadata(readFileSync(pushMeta, 'utf8')).digest;
          if (!d) throw new Error('docker buildx did not report the pushed digest');
          builderDigests.add(d);
        } else {
          for (const tag of toPush) {
            const ref = `${inputs.image.domain}/${inputs.image.path}:${tag}`;
            const digestfile = path.join(work, `digest-${tag}`);
            await execTool(builder, pushArgv(inputs, ref, digestfile, auth?.file), { stream: true, timeoutMs: BUILD_TIMEOUT_MS });
            builderDigests.add(parseDigestFile(readFileSync(digestfile, 'utf8')));
          }
        }
        outcome.pushed = toPush;
      });
    }
    if (builderDigests.size !== 1) throw new Error(`the tags ended up on different manifests (${[...builderDigests].join(', ')}); refusing to report one digest`);
    const builderDigest = [...builderDigests][0] as string;

    // Trust the registry, not the builder: read every tag back.
    const digest = await core.group('Read the digest back from the registry', async () => {
      for (const tag of inputs.tags) {
        const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
        if (!head) throw new Error(`${inputs.image.domain}/${inputs.image.path}:${tag} is not in the registry after the push`);
        if (head.digest !== builderDigest) throw new Error(`the registry serves ${tag} as ${head.digest} but ${builder} reported ${builderDigest}`);
        core.info(`${tag} -> ${head.digest}`);
      }
      return builderDigest;
    });
    const imageRef = `${inputs.image.domain}/${inputs.image.path}@${digest}`;
    outcome.digest = digest;
    outcome.imageRef = imageRef;
    core.setOutput('digest', digest);
    core.setOutput('image-ref', imageRef);
    core.setOutput('tags', refs.join('\n'));

    if (cosign) {
      const plan = signPlan(imageRef, inputs.image.domain, inputs.cosignKey, inputs.cosignPassword, process.env);
      outcome.signMode = plan.mode;
      await core.group(`Sign ${imageRef} (${plan.mode})`, async () => {
        await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...(auth?.env ?? {}) }, stream: true, timeoutMs: 10 * 60 * 1000 });
      });
      outcome.signed = true;
    }
  } catch (err) {
    outcome.error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    core.setOutput('signed', String(outcome.signed));
    auth?.remove();
    rmSync(work, { recursive: true, force: true });
    await writeSummary(buildSignSummary(outcome));
  }
}
