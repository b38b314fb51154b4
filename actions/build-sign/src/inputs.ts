import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { parseImageName, type ImageReference } from '../../../src/lib/image-ref.js';
import { booleanInput, maskSecrets, optionalInput, parseChoice, parseKeyValueLines, parseList, rawInput, requiredInput } from '../../../src/lib/inputs.js';
import { defaultTags, isImmutableTag } from './tags.js';

export const BUILDERS = ['auto', 'docker', 'buildah', 'podman'] as const;
export type Builder = (typeof BUILDERS)[number];

export type CosignKey = { kind: 'pem'; pem: string } | { kind: 'uri'; uri: string };

export interface Inputs {
  image: ImageReference & { domain: string };
  context: string;
  file: string;
  buildArgs: Array<[string, string]>;
  target?: string;
  platforms: string[];
  labels: Array<[string, string]>;
  /** Every tag to push: the default tags, then the extra ones, without repeats. */
  tags: string[];
  allowMutableTags: boolean;
  builder: Builder;
  push: boolean;
  credentials?: { username: string; password: string };
  sign: boolean;
  /** SLSA provenance v1 written to provenance-file, and attached with cosign attest when signing. */
  provenance: boolean;
  cosignKey?: CosignKey;
  cosignPassword?: string;
  cosignVersion: string;
}

const TAG = /^[\w][\w.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEY_URI = /^(env|awskms|gcpkms|azurekms|hashivault):\/\/\S+$/;

function directory(name: string, value: string, workspace: string): string {
  const full = path.resolve(workspace, value);
  if (!existsSync(full) || !statSync(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is not a directory (resolved to ${full}). Expected the build context folder`);
  return full;
}

/** Reads and checks every input; masks the secret ones before anything else is logged. */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const registryPassword = optionalInput('registry-password');
  const cosignKeyRaw = optionalInput('cosign-key');
  const cosignPassword = rawInput('cosign-password');
  maskSecrets(registryPassword, cosignKeyRaw && !KEY_URI.test(cosignKeyRaw) ? cosignKeyRaw : undefined, cosignPassword);

  const image = parseImageName('image', requiredInput('image', 'registry/path/name, e.g. ghcr.io/acme/app'));
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const context = directory('context', requiredInput('context', 'the build context folder, e.g. .'), workspace);
  const fileInput = optionalInput('file');
  const file = fileInput ? path.resolve(workspace, fileInput) : path.join(context, 'Dockerfile');
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ConfigurationError('file', `${fileInput ? `'${fileInput}'` : 'Dockerfile in the context'} does not exist (${file}). Expected a Dockerfile/Containerfile path`);
  }
  const buildArgs = parseKeyValueLines('build-args', rawInput('build-args'), { key: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, form: 'a build argument name (letters, digits and _)' } });
  const target = optionalInput('target');
  if (target !== undefined && !TARGET.test(target)) throw new ConfigurationError('target', `'${target}' is not a build stage name. Expected letters, digits, '_', '.' and '-'`);
  const platforms = parseList(rawInput('platforms'));
  for (const p of platforms) if (!PLATFORM.test(p)) throw new ConfigurationError('platforms', `'${p}' is not a platform. Expected os/arch[/variant], e.g. linux/amd64,linux/arm64`);
  const labels = parseKeyValueLines('labels', rawInput('labels'), { key: { pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, form: 'a label key such as org.opencontainers.image.title' } });

  const allowMutableTags = booleanInput('allow-mutable-tags');
  const extraTags = parseList(rawInput('tags'));
  for (const t of extraTags) {
    if (!TAG.test(t)) throw new ConfigurationError('tags', `'${t}' is not a valid tag. Expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`);
  }
  const commitSha = env.GITHUB_SHA;
  const tags = [...new Set([...defaultTags(commitSha, env.GITHUB_REF), ...extraTags])];
  if (tags.length === 0) throw new ConfigurationError('tags', 'no tag to push: GITHUB_SHA is not a commit SHA, so there is no default sha-<commit> tag. Expected at least one tag');
  const mutable = tags.filter((t) => !isImmutableTag(t, commitSha));
  if (mutable.length > 0 && !allowMutableTags) {
    throw new ConfigurationError(
      'tags',
      `${mutable.map((t) => `'${t}'`).join(', ')} ${mutable.length === 1 ? 'is a mutable tag' : 'are mutable tags'}: a later push could move it to another image. Expected immutable tags (v1.2.3, 1.2.3-rc.1, sha-<7-40 hex>, or a tag carrying the commit SHA), or set allow-mutable-tags: true`,
    );
  }

  const builder = parseChoice('builder', requiredInput('builder', BUILDERS.join(' | ')), BUILDERS);
  if (builder !== 'docker' && builder !== 'auto' && platforms.length > 1) {
    throw new ConfigurationError('platforms', `${platforms.length} platforms need builder: docker (buildx builds multi-platform indexes); ${builder} builds one platform per run`);
  }
  const push = booleanInput('push');
  const username = optionalInput('registry-username');
  if ((username === undefined) !== (registryPassword === undefined)) {
    throw new ConfigurationError(username === undefined ? 'registry-username' : 'registry-password', 'registry-username and registry-password go together: give both or neither');
  }
  const sign = booleanInput('sign');
  if (sign && !push) throw new ConfigurationError('sign', 'signing needs the image in the registry: set push: true, or sign: false');
  // Without signing, provenance: true still writes the file (for another tool to attach); nothing is attached.
  const provenance = booleanInput('provenance');
  let cosignKey: CosignKey | undefined;
  if (cosignKeyRaw !== undefined) {
    if (KEY_URI.test(cosignKeyRaw)) cosignKey = { kind: 'uri', uri: cosignKeyRaw };
    else if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(cosignKeyRaw)) cosignKey = { kind: 'pem', pem: cosignKeyRaw };
    else throw new ConfigurationError('cosign-key', 'the value (not shown) is neither a PEM private key nor a key URI. Expected the contents of cosign.key, or env://, awskms://, gcpkms://, azurekms:// or hashivault:// URI');
  }
  const cosignVersion = requiredInput('cosign-version', 'a cosign v3 release such as v3.0.6');
  if (!/^v?3\.[0-9]+\.[0-9]+$/.test(cosignVersion)) throw new ConfigurationError('cosign-version', `'${cosignVersion}' is not a cosign v3 release. Expected v3.X.Y`);

  return {
    image,
    context,
    file,
    buildArgs,
    target,
    platforms,
    labels,
    tags,
    allowMutableTags,
    builder,
    push,
    credentials: username !== undefined && registryPassword !== undefined ? { username, password: registryPassword } : undefined,
    sign,
    provenance,
    cosignKey,
    cosignPassword: cosignKey ? cosignPassword : undefined,
    cosignVersion,
  };
}
