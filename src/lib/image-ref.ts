import { ConfigurationError } from './errors.js';

/**
 * An image reference per the distribution reference grammar
 * (github.com/distribution/reference, reference.go):
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*
 */
export interface ImageReference {
  /** Registry host with optional port, as written; undefined when the reference has none. */
  domain?: string;
  /** Repository path inside the registry (lowercase components). */
  path: string;
  tag?: string;
  /** `sha256:<64 hex>` (other algorithms are rejected: every tool here speaks sha256). */
  digest?: string;
}

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = new RegExp(`^${host}(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

export const IMAGE_FORMS = {
  name: 'registry/path/name, e.g. ghcr.io/acme/app (lowercase, no tag or digest)',
  digest: 'registry/path/name@sha256:<64 hex>, e.g. ghcr.io/acme/app@sha256:4f…',
  tagOrDigest: 'registry/path/name@sha256:<64 hex> or registry/path/name:tag',
};

/** Splits and checks a reference; returns an explanation instead of throwing. */
export function parseReference(value: string): ImageReference | string {
  if (value === '') return 'it is empty';
  if (/\s/.test(value)) return 'it contains white space';
  let rest = value;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return `'${digest}' is not a sha256 digest (sha256: followed by 64 lowercase hex)`;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return `'${tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`;
  }
  if (rest.length > NAME_TOTAL_LENGTH_MAX) return `the repository name is longer than ${NAME_TOTAL_LENGTH_MAX} characters`;
  const parts = rest.split('/');
  let domain: string | undefined;
  const first = parts[0] ?? '';
  // Docker's rule: the first component is a registry when it has a dot or a port, is localhost, or has uppercase.
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase() || first.startsWith('['))) {
    domain = first;
    parts.shift();
    if (!DOMAIN.test(domain)) return `'${domain}' is not a registry host[:port]`;
  }
  for (const part of parts) {
    if (!PATH_COMPONENT.test(part)) {
      return `path component '${part}' must be lowercase letters and digits, separated by '.', '_', '__' or '-'`;
    }
  }
  return { domain, path: parts.join('/'), tag, digest };
}

function fail(input: string, value: string, why: string, form: string): never {
  throw new ConfigurationError(input, `'${value}' is not a valid image reference: ${why}. Expected ${form}`);
}

/** `registry/path/name` with an explicit registry and neither tag nor digest (build-sign's `image`). */
export function parseImageName(input: string, value: string): ImageReference & { domain: string } {
  const ref = parseReference(value);
  if (typeof ref === 'string') fail(input, value, ref, IMAGE_FORMS.name);
  if (ref.tag !== undefined || ref.digest !== undefined) fail(input, value, 'it includes a tag or digest; tags are set with the tags input', IMAGE_FORMS.name);
  if (ref.domain === undefined) fail(input, value, 'it names no registry host', IMAGE_FORMS.name);
  // The grammar reads a capitalised first component as a host ('Demo/app'), but no builder
  // tags such a name and no registry lives there: say so before anything is built.
  if (!/[.:[]/.test(ref.domain) && ref.domain !== 'localhost') {
    fail(input, value, `'${ref.domain}' is neither a registry host (no '.', no ':port', not localhost) nor a lowercase path component`, IMAGE_FORMS.name);
  }
  return ref as ImageReference & { domain: string };
}

/** A reference pinned by digest; a tag alone only with `allowTag`. */
export function parseImageRef(input: string, value: string, allowTag: boolean): ImageReference {
  const form = allowTag ? IMAGE_FORMS.tagOrDigest : IMAGE_FORMS.digest;
  const ref = parseReference(value);
  if (typeof ref === 'string') fail(input, value, ref, form);
  if (ref.digest === undefined) {
    if (!allowTag) fail(input, value, 'it is not pinned by digest (set allow-tag: true to accept a tag)', form);
    if (ref.tag === undefined) fail(input, value, 'it has neither a tag nor a digest', form);
  }
  return ref;
}

/** The registry a reference lives in, Docker Hub for a familiar name. */
export function registryOf(ref: ImageReference): string {
  if (ref.domain === undefined || ref.domain === 'index.docker.io') return 'docker.io';
  return ref.domain;
}

/** The repository path the registry API uses: Docker Hub's official images live under library/. */
export function registryPath(ref: ImageReference): string {
  return registryOf(ref) === 'docker.io' && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
}

/** Repository in canonical form, so `nginx` and `docker.io/library/nginx` compare equal. */
export function canonicalRepository(ref: ImageReference): string {
  return `${registryOf(ref)}/${registryPath(ref)}`;
}

/** `domain/path` as given (no normalisation), the form tools and users read. */
export function repositoryName(ref: ImageReference): string {
  return ref.domain === undefined ? ref.path : `${ref.domain}/${ref.path}`;
}

export function formatReference(ref: ImageReference): string {
  return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** Registries on loopback speak plain HTTP, as Docker allows; all others HTTPS only. */
export function isLoopbackRegistry(domain: string): boolean {
  const hostOnly = domain.startsWith('[') ? domain.slice(0, domain.indexOf(']') + 1) : domain.replace(/:[0-9]+$/, '');
  return hostOnly === 'localhost' || hostOnly === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(hostOnly);
}
