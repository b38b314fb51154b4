import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { isLoopbackRegistry } from './image-ref.js';
import { maskSecrets } from './inputs.js';
import { fetchWithRetry } from './retry.js';

/**
 * A small OCI distribution client: manifest/index HEAD and GET with the OCI and
 * Docker media types, `Docker-Content-Digest`, Basic auth and the Bearer token
 * challenge flow of the distribution spec, retries with backoff on 5xx/429 and
 * connection errors and none on other 4xx. Loopback registries are spoken to
 * over plain HTTP (as Docker does), every other one over HTTPS only.
 */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_MEDIA_TYPES = new Set([MANIFEST_MEDIA_TYPES[0], MANIFEST_MEDIA_TYPES[2]]);

export interface Credentials {
  username: string;
  password: string;
}

/** base64(user:password), the value of Basic auth and of a Docker config `auth`: a secret of its own, masked. */
export function basicAuthValue(c: Credentials): string {
  const value = Buffer.from(`${c.username}:${c.password}`).toString('base64');
  maskSecrets(value);
  return value;
}

export interface RegistryClientOptions {
  credentials?: Credentials;
  /** Attempts for a transient fault, the first included. */
  attempts?: number;
  /** Backoff before the 2nd attempt; doubles each time. */
  backoffMs?: number;
  timeoutMs?: number;
}

export interface ManifestDescriptor {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestDescriptor {
  body: Buffer;
  json: {
    mediaType?: string;
    config?: { digest: string; mediaType?: string };
    manifests?: Array<{ digest: string; mediaType?: string; platform?: { os?: string; architecture?: string; variant?: string }; annotations?: Record<string, string> }>;
  };
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}


/** `Bearer realm="...",service="...",scope="..."` into its parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const re = /([a-zA-Z_]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (let m = re.exec(header.slice(space + 1)); m; m = re.exec(header.slice(space + 1))) {
    params[(m[1] ?? '').toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return { scheme, params };
}

export class RegistryClient {
  private readonly tokens = new Map<string, string>();
  private readonly basicFor = new Set<string>();
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 30000;
  }

  static baseUrl(registry: string): string {
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${host}`;
  }

  /** HEAD a manifest by tag or digest; undefined when the registry says it does not exist. */
  async headManifest(registry: string, repository: string, reference: string): Promise<ManifestDescriptor | undefined> {
    const res = await this.request(registry, repository, 'HEAD', `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new RegistryError(`HEAD ${registry}/${repository}:${reference}: HTTP ${res.status}`, res.status);
    const digest = res.headers.get('docker-content-digest');
    if (!digest) {
      const full = await this.getManifest(registry, repository, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    return { digest, mediaType: (res.headers.get('content-type') ?? '').split(';')[0] ?? '', size: Number(res.headers.get('content-length') ?? 0) };
  }

  /** GET a manifest or index; its digest is computed from the bytes and checked against the registry's header. */
  async getManifest(registry: string, repository: string, reference: string): Promise<Manifest | undefined> {
    const res = await this.request(registry, repository, 'GET', `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new RegistryError(`GET ${registry}/${repository}:${reference}: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim(), res.status);
    const body = Buffer.from(await res.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const header = res.headers.get('docker-content-digest');
    if (header && header !== digest) throw new RegistryError(`${registry}/${repository}:${reference}: the registry says ${header} but the manifest bytes hash to ${digest}`);
    if (reference.startsWith('sha256:') && reference !== digest) throw new RegistryError(`${registry}/${repository}@${reference}: the manifest bytes hash to ${digest}`);
    const json = JSON.parse(body.toString('utf8')) as Manifest['json'];
    const mediaType = (res.headers.get('content-type') ?? json.mediaType ?? '').split(';')[0] ?? '';
    return { digest, mediaType, size: body.length, body, json };
  }

  /**
   * PUT manifest bytes under a tag (the blobs must already be in the repository);
   * returns the digest the registry stored them as, which must be the bytes' own.
   */
  async putManifest(registry: string, repository: string, tag: string, manifest: Pick<Manifest, 'body' | 'mediaType'>): Promise<string> {
    const res = await this.request(registry, repository, 'PUT', `/v2/${repository}/manifests/${tag}`, { body: manifest.body, contentType: manifest.mediaType });
    const text = await res.text().catch(() => '');
    if (res.status !== 201 && res.status !== 200) throw new RegistryError(`PUT ${registry}/${repository}:${tag}: HTTP ${res.status} ${text}`.trim(), res.status);
    const digest = `sha256:${createHash('sha256').update(manifest.body).digest('hex')}`;
    const header = res.headers.get('docker-content-digest');
    if (header && header !== digest) throw new RegistryError(`PUT ${registry}/${repository}:${tag}: the registry stored ${header}, not ${digest}`);
    return digest;
  }

  /**
   * Checks the credentials against the registry before anything is built: `GET /v2/`
   * through the same Basic or Bearer-token flow (token scope pull,push on the
   * repository), so a wrong password fails in seconds, not after the build.
   */
  async checkCredentials(registry: string, repository: string): Promise<void> {
    const res = await this.request(registry, repository, 'GET', '/v2/', undefined, 'pull,push');
    await res.arrayBuffer().catch(() => undefined);
    if (res.status !== 200) throw new RegistryError(`GET ${RegistryClient.baseUrl(registry)}/v2/: HTTP ${res.status}: not a registry API, or it refused the request`, res.status);
  }

  static isIndex(mediaType: string): boolean {
    return INDEX_MEDIA_TYPES.has(mediaType);
  }

  /** Config digests of an image, or of each image an index lists (attestation manifests excluded). */
  async configDigests(registry: string, repository: string, reference: string): Promise<string[] | undefined> {
    const manifest = await this.getManifest(registry, repository, reference);
    if (!manifest) return undefined;
    if (!RegistryClient.isIndex(manifest.mediaType) && manifest.json.config) return [manifest.json.config.digest];
    const configs: string[] = [];
    for (const child of manifest.json.manifests ?? []) {
      if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      const image = await this.getManifest(registry, repository, child.digest);
      // A listed image that cannot be read makes the whole tag unknown, never a match.
      if (!image?.json.config) return undefined;
      configs.push(image.json.config.digest);
    }
    return configs.sort();
  }

  private authHeader(registry: string, scope: string): string | undefined {
    const token = this.tokens.get(`${registry} ${scope}`);
    if (token) return `Bearer ${token}`;
    const c = this.options.credentials;
    if (c && this.basicFor.has(registry)) return `Basic ${basicAuthValue(c)}`;
    return undefined;
  }

  private async fetchWithRetry(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await fetchWithRetry(url, { ...init, redirect: 'follow' }, { attempts: this.attempts, backoffMs: this.backoffMs, timeoutMs: this.timeoutMs, what });
    } catch (err) {
      throw new RegistryError((err as Error).message);
    }
  }

  private async request(registry: string, repository: string, method: 'GET' | 'HEAD' | 'PUT', pathname: string, upload?: { body: Buffer; contentType: string }, actions?: string): Promise<Response> {
    const scope = `repository:${repository}:${actions ?? (method === 'PUT' ? 'pull,push' : 'pull')}`;
    const url = `${RegistryClient.baseUrl(registry)}${pathname}`;
    const what = `${method} ${url}`;
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = upload ? { 'Content-Type': upload.contentType } : { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
      const auth = this.authHeader(registry, scope);
      if (auth) h.Authorization = auth;
      return h;
    };
    const init = (): RequestInit => ({ method, headers: headers(), ...(upload ? { body: new Uint8Array(upload.body) } : {}) });
    let res = await this.fetchWithRetry(url, init(), what);
    if (res.status !== 401) return res;
    const challenge = res.headers.get('www-authenticate');
    await res.arrayBuffer().catch(() => undefined);
    if (!challenge) throw new RegistryError(`${what}: HTTP 401 without an authentication challenge`, 401);
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === 'basic') {
      if (!this.options.credentials) throw new RegistryError(`${what}: the registry asks for credentials (Basic) and none were given`, 401);
      this.basicFor.add(registry);
    } else if (scheme === 'bearer') {
      await this.fetchToken(registry, params, scope);
    } else {
      throw new RegistryError(`${what}: unsupported authentication scheme '${scheme}'`, 401);
    }
    res = await this.fetchWithRetry(url, init(), what);
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(`${what}: HTTP ${res.status}: the registry refused the ${this.options.credentials ? 'given credentials' : 'anonymous request'}`, res.status);
    }
    return res;
  }

  private async fetchToken(registry: string, params: Record<string, string>, scope: string): Promise<void> {
    const realm = params.realm;
    if (!realm) throw new RegistryError(`${registry}: Bearer challenge without a realm`);
    const realmUrl = new URL(realm);
    if (realmUrl.protocol !== 'https:' && !isLoopbackRegistry(realmUrl.host)) {
      throw new RegistryError(`${registry}: refusing to send credentials to a non-HTTPS token realm ${realm}`);
    }
    if (params.service) realmUrl.searchParams.set('service', params.service);
    realmUrl.searchParams.set('scope', params.scope ?? scope);
    const headers: Record<string, string> = {};
    const c = this.options.credentials;
    if (c) headers.Authorization = `Basic ${basicAuthValue(c)}`;
    const res = await this.fetchWithRetry(realmUrl.toString(), { method: 'GET', headers }, `token request to ${realmUrl.origin}${realmUrl.pathname}`);
    if (res.status !== 200) throw new RegistryError(`${registry}: the token service answered HTTP ${res.status}${c ? ' to the given credentials' : ''}`, res.status);
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${registry}: the token service answered without a token`);
    core.setSecret(token);
    this.tokens.set(`${registry} ${scope}`, token);
  }
}
