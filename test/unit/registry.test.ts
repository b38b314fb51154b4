import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseChallenge, RegistryClient } from '../../src/lib/registry.js';

// A registry that speaks the distribution spec's token flow: 401 with a Bearer
// challenge, a token service behind Basic auth, then manifests for the token.
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: `sha256:${'c'.repeat(64)}` }, layers: [] }));
const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
// An index listing that image and one the registry no longer has (a child removed by garbage collection, say).
const danglingIndex = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest }, { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'d'.repeat(64)}` }] }));
let server: Server;
let host: string;
let requests: string[] = [];
let failures: number[] = [];
let mode: 'bearer' | 'basic' = 'bearer';

function handle(req: IncomingMessage, res: ServerResponse): void {
  requests.push(`${req.method} ${req.url}`);
  const status = failures.shift();
  if (status) {
    res.writeHead(status).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname === '/token') {
    if (req.headers.authorization !== `Basic ${Buffer.from('bot:s3cret').toString('base64')}`) {
      res.writeHead(401).end();
      return;
    }
    expect(url.searchParams.get('scope')).toBe('repository:team/app:pull');
    expect(url.searchParams.get('service')).toBe('test-registry');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
    return;
  }
  const expected = mode === 'bearer' ? 'Bearer tok-123' : `Basic ${Buffer.from('bot:s3cret').toString('base64')}`;
  if (req.headers.authorization !== expected) {
    const challenge = mode === 'bearer' ? `Bearer realm="http://${host}/token",service="test-registry",scope="repository:team/app:pull"` : 'Basic realm="test"';
    res.writeHead(401, { 'www-authenticate': challenge }).end();
    return;
  }
  expect(req.headers.accept).toContain('application/vnd.oci.image.index.v1+json');
  if (url.pathname === '/v2/team/app/manifests/v-dangling') {
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json', 'content-length': danglingIndex.length });
    res.end(req.method === 'HEAD' ? undefined : danglingIndex);
    return;
  }
  if (url.pathname === '/v2/team/app/manifests/v1.0.0' || url.pathname === `/v2/team/app/manifests/${digest}`) {
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': digest, 'content-length': manifest.length });
    res.end(req.method === 'HEAD' ? undefined : manifest);
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  host = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  requests = [];
  failures = [];
  mode = 'bearer';
});

const client = (password = 's3cret') => new RegistryClient({ credentials: { username: 'bot', password }, backoffMs: 5 });

describe('RegistryClient', () => {
  test('follows the Bearer challenge and reads Docker-Content-Digest', async () => {
    const c = client();
    expect(await c.headManifest(host, 'team/app', 'v1.0.0')).toEqual({ digest, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: manifest.length });
    const m = await c.getManifest(host, 'team/app', digest);
    expect(m?.json.config?.digest).toBe(`sha256:${'c'.repeat(64)}`);
    expect(await c.configDigests(host, 'team/app', 'v1.0.0')).toEqual([`sha256:${'c'.repeat(64)}`]);
    // One challenge, one token request, then the token is reused.
    expect(requests.filter((r) => r.startsWith('GET /token'))).toHaveLength(1);
  });

  test('an index with a listed image the registry cannot serve has unknown configs, never a partial list', async () => {
    expect(await client().configDigests(host, 'team/app', 'v-dangling')).toBeUndefined();
  });

  test('Basic auth when the registry asks for it', async () => {
    mode = 'basic';
    expect((await client().headManifest(host, 'team/app', 'v1.0.0'))?.digest).toBe(digest);
  });

  test('a missing manifest is undefined and not retried', async () => {
    const c = client();
    expect(await c.headManifest(host, 'team/app', 'v9.9.9')).toBeUndefined();
    expect(requests.filter((r) => r.includes('v9.9.9'))).toHaveLength(2); // the challenge, then the 404
  });

  test('5xx and 429 are retried with backoff, then succeed', async () => {
    failures = [503, 500, 429];
    expect((await client().headManifest(host, 'team/app', 'v1.0.0'))?.digest).toBe(digest);
  });

  test('persistent 5xx gives up after the attempts', async () => {
    failures = [502, 502, 502, 502, 502, 502];
    await expect(client().headManifest(host, 'team/app', 'v1.0.0')).rejects.toThrow(/HTTP 502 after 4 attempts/);
  });

  test('wrong credentials are a permanent error, not retried', async () => {
    await expect(client('wrong').headManifest(host, 'team/app', 'v1.0.0')).rejects.toThrow(/token service answered HTTP 401/);
    expect(requests.filter((r) => r.startsWith('GET /token'))).toHaveLength(1);
  });

  test('connection errors are retried and then reported', async () => {
    const c = new RegistryClient({ attempts: 2, backoffMs: 5 });
    await expect(c.headManifest('127.0.0.1:1', 'a/b', 'v1')).rejects.toThrow(/connection failed.*after 2 attempts/);
  });

  test('only loopback registries use plain HTTP', () => {
    expect(RegistryClient.baseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(RegistryClient.baseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(RegistryClient.baseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(RegistryClient.baseUrl('10.1.2.3:5000')).toBe('https://10.1.2.3:5000');
    expect(RegistryClient.baseUrl('docker.io')).toBe('https://registry-1.docker.io');
  });

  test('parseChallenge', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' },
    });
  });
});
