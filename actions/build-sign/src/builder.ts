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

/** Builds the image locally, without pushing (buildah/podman: into local storage; docker: push=false). */
export function buildArgv(builder: ConcreteBuilder, inputs: Inputs, files: BuildFiles, labels: Array<[string, string]>, epoch?: string): string[] {
  if (builder === 'docker') {
    return ['buildx', 'build', '--metadata-file', files.metadataFile, '--output', imageOutput({ push: false, epoch }), ...commonBuildFlags(inputs, labels), inputs.context];
  }
  const auth = files.authfile ? ['--authfile', files.authfile] : [];
  const timestamp = epoch ? ['--timestamp', epoch] : [];
  return ['build', '--iidfile', files.iidfile, ...auth, ...timestamp, ...commonBuildFlags(inputs, labels), inputs.context];
}

/**
 * BuildKit's image exporter options. With SOURCE_DATE_EPOCH (buildx passes it to
 * BuildKit itself) `rewrite-timestamp=true` also clamps the files' times in the
 * layers, so a re-run of the commit produces the same layers and config.
 */
function imageOutput(o: { push: boolean; name?: string; epoch?: string }): string {
  const parts = ['type=image'];
  if (o.name) parts.push(`name=${o.name}`, 'push-by-digest=true');
  parts.push(`push=${o.push}`);
  if (o.epoch) parts.push('rewrite-timestamp=true');
  return parts.join(',');
}

/**
 * docker: build and push by digest only (`push-by-digest=true`, no `-t`): the image
 * lands in the registry untagged, and build-sign adds each tag itself once the tag
 * is known to be free or to hold this image. Nothing is tagged before that check.
 */
export function dockerPushArgv(inputs: Inputs, metadataFile: string, labels: Array<[string, string]>, epoch?: string): string[] {
  const flags = commonBuildFlags({ ...inputs, tags: [] }, labels);
  return ['buildx', 'build', '--metadata-file', metadataFile, '--output', imageOutput({ push: true, name: `${inputs.image.domain}/${inputs.image.path}`, epoch }), ...flags, inputs.context];
}

/**
 * buildah/podman: push the image built by this run, named by its image ID (never by
 * `name:tag`, which a concurrent build on the same host may have moved to its own
 * image), to one tag; the pushed manifest digest goes to digestfile.
 */
export function pushArgv(inputs: Inputs, imageId: string, ref: string, digestfile: string, authfile?: string): string[] {
  if (!/^sha256:[a-f0-9]{64}$/.test(imageId)) throw new Error(`refusing to push '${imageId}': only an image ID (sha256:<64 hex>) is pushed`);
  const args = ['push', '--digestfile', digestfile];
  if (authfile) args.push('--authfile', authfile);
  if (isLoopbackRegistry(inputs.image.domain)) args.push('--tls-verify=false');
  args.push(imageId.slice('sha256:'.length), `docker://${ref}`);
  return args;
}

export interface BuildxResult {
  /** The manifest or index digest BuildKit exported (containerimage.digest). */
  digest: string;
  mediaType?: string;
  /** Only for a single image manifest: BuildKit omits it when it writes an index. */
  configDigest?: string;
  isIndex: boolean;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

/**
 * What buildx wrote to --metadata-file: BuildKit's exporter response
 * (moby/buildkit exporter/containerimage/export.go) with base64 JSON values decoded.
 * `containerimage.digest` is always there; `containerimage.config.digest` only when
 * the result is one image manifest (writer.go sets it on the manifest path only): a
 * multi-platform build, or any build with attestations (buildx's default provenance),
 * exports an index and has no config digest.
 */
export function parseBuildxMetadata(text: string): BuildxResult {
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`docker buildx wrote a metadata file that is not JSON: '${text.slice(0, 80)}'`);
  }
  const str = (k: string): string | undefined => (typeof meta[k] === 'string' ? (meta[k] as string) : undefined);
  let descriptor = meta['containerimage.descriptor'];
  if (typeof descriptor === 'string') {
    // buildx decodes base64 JSON values; an older one may leave it encoded.
    try {
      descriptor = JSON.parse(Buffer.from(descriptor, 'base64').toString('utf8'));
    } catch {
      descriptor = undefined;
    }
  }
  const desc = descriptor && typeof descriptor === 'object' ? (descriptor as { digest?: unknown; mediaType?: unknown }) : undefined;
  const digest = str('containerimage.digest') ?? (typeof desc?.digest === 'string' ? desc.digest : undefined);
  if (!digest || !DIGEST.test(digest)) throw new Error(`docker buildx did not report the image digest (containerimage.digest) in its metadata file${digest ? `: '${digest.slice(0, 80)}'` : ''}`);
  if (typeof desc?.digest === 'string' && desc.digest !== digest) throw new Error(`docker buildx metadata disagrees with itself: containerimage.digest ${digest}, containerimage.descriptor ${desc.digest}`);
  const mediaType = typeof desc?.mediaType === 'string' ? desc.mediaType : undefined;
  const configDigest = str('containerimage.config.digest');
  if (configDigest !== undefined && !DIGEST.test(configDigest)) throw new Error(`docker buildx reported config digest '${configDigest.slice(0, 80)}', not a sha256 digest`);
  return { digest, mediaType, configDigest, isIndex: mediaType ? INDEX_TYPES.has(mediaType) : configDigest === undefined };
}

/** The driver of the current buildx builder, from `docker buildx inspect`. */
export function parseBuildxDriver(inspectOutput: string): string | undefined {
  return /^Driver:\s*(\S+)/m.exec(inspectOutput)?.[1];
}

/** An image ID file holds `sha256:<hex>` (buildah/podman) or bare hex (older podman). */
export function parseDigestFile(text: string): string {
  const t = text.trim();
  const digest = /^[a-f0-9]{64}$/.test(t) ? `sha256:${t}` : t;
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new Error(`the builder wrote '${t.slice(0, 80)}' where a sha256 digest was expected`);
  return digest;
}
