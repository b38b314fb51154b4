import { isLoopbackRegistry } from '../../../src/lib/image-ref.js';
import type { Inputs } from './inputs.js';

/** argv for each builder, built from the inputs alone (no side effects here). */
export type ConcreteBuilder = 'docker' | 'buildah' | 'podman';

export interface BuildFiles {
  /** buildah/podman: where the image ID (= config digest) is written. */
  iidfile: string;
  /** docker buildx: the metadata file with containerimage.config.digest / containerimage.digest. */
  metadataFile: string;
  /** buildah/podman: registry auth file, when credentials were given. */
  authfile?: string;
}

/** Labels every image gets (the workflow's own labels win on a clash). */
export function provenanceLabels(env: NodeJS.ProcessEnv): Array<[string, string]> {
  const labels: Array<[string, string]> = [];
  if (env.GITHUB_SHA) labels.push(['org.opencontainers.image.revision', env.GITHUB_SHA]);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) labels.push(['org.opencontainers.image.source', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`]);
  return labels;
}

export function fullRefs(inputs: Pick<Inputs, 'image' | 'tags'>): string[] {
  return inputs.tags.map((t) => `${inputs.image.domain}/${inputs.image.path}:${t}`);
}

function commonBuildFlags(inputs: Inputs, labels: Array<[string, string]>): string[] {
  const args = ['-f', inputs.file];
  if (inputs.target) args.push('--target', inputs.target);
  if (inputs.platforms.length > 0) args.push('--platform', inputs.platforms.join(','));
  for (const [k, v] of inputs.buildArgs) args.push('--build-arg', `${k}=${v}`);
  const merged = new Map([...labels, ...inputs.labels]);
  for (const [k, v] of merged) args.push('--label', `${k}=${v}`);
  for (const ref of fullRefs(inputs)) args.push('-t', ref);
  return args;
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org) makes buildah/podman builds
 * reproducible, so a re-run of the same commit finds its tag holding the same
 * image instead of failing the immutability check. docker buildx reads the
 * variable from the environment itself.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): string | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  return v && /^[0-9]+$/.test(v) ? v : undefined;
}

/** Builds the image locally, without pushing. */
export function buildArgv(builder: ConcreteBuilder, inputs: Inputs, files: BuildFiles, labels: Array<[string, string]>, epoch?: string): string[] {
  if (builder === 'docker') {
    return ['buildx', 'build', '--metadata-file', files.metadataFile, '--output', 'type=image,push=false', ...commonBuildFlags(inputs, labels), inputs.context];
  }
  const auth = files.authfile ? ['--authfile', files.authfile] : [];
  const timestamp = epoch ? ['--timestamp', epoch] : [];
  return ['build', '--iidfile', files.iidfile, ...auth, ...timestamp, ...commonBuildFlags(inputs, labels), inputs.context];
}

/** docker: the same build again with push=true; buildx answers from its cache. */
export function dockerPushArgv(inputs: Inputs, metadataFile: string, labels: Array<[string, string]>): string[] {
  return ['buildx', 'build', '--metadata-file', metadataFile, '--output', 'type=image,push=true', ...commonBuildFlags(inputs, labels), inputs.context];
}

/** buildah/podman: push one tag, writing the pushed manifest digest to digestfile. */
export function pushArgv(inputs: Inputs, ref: string, digestfile: string, authfile?: string): string[] {
  const args = ['push', '--digestfile', digestfile];
  if (authfile) args.push('--authfile', authfile);
  if (isLoopbackRegistry(inputs.image.domain)) args.push('--tls-verify=false');
  args.push(ref, `docker://${ref}`);
  return args;
}

/** What buildx wrote to --metadata-file. */
export function parseBuildxMetadata(text: string): { configDigest?: string; digest?: string } {
  const meta = JSON.parse(text) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof meta[k] === 'string' ? (meta[k] as string) : undefined);
  return { configDigest: str('containerimage.config.digest'), digest: str('containerimage.digest') };
}

/** An image ID file holds `sha256:<hex>` (buildah/podman) or bare hex (older podman). */
export function parseDigestFile(text: string): string {
  const t = text.trim();
  const digest = /^[a-f0-9]{64}$/.test(t) ? `sha256:${t}` : t;
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new Error(`the builder wrote '${t.slice(0, 80)}' where a sha256 digest was expected`);
  return digest;
}
