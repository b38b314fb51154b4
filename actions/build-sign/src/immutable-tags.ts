import * as core from '@actions/core';
import type { RegistryClient } from '../../../src/lib/registry.js';
import type { Inputs } from './inputs.js';

/** Two lists of config digests hold the same image: the same configs, as many times each. */
export function sameImage(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

export type TagState = { exists: false } | { exists: true; digest: string; same: boolean; what: string };

/** What a tag holds now, compared with the image just built. */
export async function tagState(client: RegistryClient, inputs: Inputs, tag: string, configs: readonly string[]): Promise<TagState> {
  const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
  if (!head) return { exists: false };
  const held = await client.configDigests(inputs.image.domain, inputs.image.path, head.digest);
  const same = held !== undefined && sameImage(held, configs);
  const what = held === undefined ? 'image config unknown: a manifest it lists cannot be read' : held.length > 0 && held.every((c) => configs.includes(c)) && !same ? `this image's configs in another combination (${held.length} of them)` : `image config ${held.join(', ') || 'none'}`;
  return { exists: true, digest: head.digest, same, what };
}

/** Tags already in the registry: the same image is kept, another image is a hard stop. */
/**
 * @param nothing what was (not) done, for the message
 * @param reproducible how this build was made reproducible, for the message: a re-run of a
 *   commit whose build differs from the first run's is the usual cause of a conflict.
 */
export async function checkExistingTags(client: RegistryClient, inputs: Inputs, configs: readonly string[], nothing: string, reproducible: string): Promise<Map<string, string>> {
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
      `tags are immutable and ${conflicts.length === 1 ? 'this tag already exists' : 'these tags already exist'} holding something other than the image just built (config ${configs.join(', ')}): ${conflicts.join('; ')}. ${nothing}. If an earlier run of this commit pushed it, this build is not identical to that one (${reproducible}): make the build reproducible (SOURCE_DATE_EPOCH, pinned base images and packages) and re-run; an image this run did not build is never signed by it. Otherwise use a new tag (each commit gets its own sha- tag)`,
    );
  }
  return existing;
}

