/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for every request the suite makes: the shared fetch
 * (registry calls, the certificate URL, the deploy health check) and the GitHub API (through
 * @actions/github). A recording proxy on loopback (test/harness/proxy.mjs) serves any host name
 * from 127.0.0.1, and the tests name hosts that do not resolve: a request that did not go through
 * the proxy cannot succeed, one that should not have gone through it leaves no record.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProxy } from '../harness/proxy.mjs';
import { repoRoot, runAction } from '../harness/run-action.mjs';
import { fetchWithRetry, httpFetch } from '../../src/lib/retry.js';

const proxyVars = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(proxyVars.map((k) => [k, process.env[k]]));
function setProxyEnv(vars: Record<string, string>): void {
  for (const k of proxyVars) delete process.env[k];
  Object.assign(process.env, vars);
}

let proxy: Awaited<ReturnType<typeof startProxy>>;
let origin: Server;
let originPort: number;
const originSaw: { url: string; host: string }[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  proxy = await startProxy();
  origin = createServer((req: IncomingMessage, res) => {
    originSaw.push({ url: req.url ?? '', host: req.headers.host ?? '' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, host: req.headers.host }));
  });
  originPort = await listen(origin);
});

afterEach(() => {
  setProxyEnv({});
  for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  proxy.seen.length = 0;
  originSaw.length = 0;
});

afterAll(async () => {
  await proxy.stop();
  await new Promise((r) => origin.close(r));
});

const retry = { attempts: 1, backoffMs: 0, timeoutMs: 10000, what: 'test' };

describe('the shared fetch', () => {
  test('HTTP_PROXY: a plain-http request goes to the proxy in absolute form, with the proxy credentials', async () => {
    setProxyEnv({ HTTP_PROXY: `http://ci%40corp:s3cret@127.0.0.1:${proxy.port}` });
    const res = await fetchWithRetry(`http://registry.example.test:${originPort}/v2/`, {}, retry);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: '/v2/', host: `registry.example.test:${originPort}` });
    expect(proxy.seen).toEqual([{ method: 'GET', target: `http://registry.example.test:${originPort}/v2/`, auth: `Basic ${Buffer.from('ci@corp:s3cret').toString('base64')}` }]);
  });

  test('lower-case http_proxy wins over HTTP_PROXY, as in the toolkit', async () => {
    setProxyEnv({ http_proxy: `127.0.0.1:${proxy.port}`, HTTP_PROXY: 'http://127.0.0.1:1' });
    const res = await httpFetch(`http://registry.example.test:${originPort}/v2/`);
    expect(res.status).toBe(200);
    expect(proxy.seen.map((s) => s.target)).toEqual([`http://registry.example.test:${originPort}/v2/`]);
  });

  test('loopback targets connect directly even with every proxy variable set (the tests\' registries keep working)', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    for (const host of ['127.0.0.1', 'localhost']) {
      const res = await fetchWithRetry(`http://${host}:${originPort}/v2/`, {}, retry);
      expect(res.status).toBe(200);
    }
    expect(originSaw).toHaveLength(2);
    expect(proxy.seen).toEqual([]);
  });

  test('NO_PROXY: a listed domain (and its subdomains) connects directly; others still go through the proxy', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'internal.example, .example.test' });
    // Direct: the name does not resolve here, so the request fails, and the proxy saw nothing.
    await expect(httpFetch(`http://registry.example.test:${originPort}/v2/`)).rejects.toThrow();
    expect(proxy.seen).toEqual([]);
    const res = await httpFetch(`http://registry.elsewhere.test:${originPort}/v2/`);
    expect(res.status).toBe(200);
    expect(proxy.seen.map((s) => s.target)).toEqual([`http://registry.elsewhere.test:${originPort}/v2/`]);
  });

  test('a redirect to a NO_PROXY host is not sent through the proxy', async () => {
    const redirector = createServer((req, res) => res.writeHead(302, { location: `http://127.0.0.1:${originPort}/blob` }).end());
    const port = await listen(redirector);
    try {
      setProxyEnv({ HTTP_PROXY: proxy.url });
      const res = await httpFetch(`http://registry.example.test:${port}/v2/x/blobs/sha256:1`, { redirect: 'follow' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ path: '/blob', host: `127.0.0.1:${originPort}` });
      expect(proxy.seen.map((s) => s.target)).toEqual([`http://registry.example.test:${port}/v2/x/blobs/sha256:1`]);
    } finally {
      await new Promise((r) => redirector.close(r));
    }
  });

  test('HTTPS_PROXY alone leaves plain-http requests direct (each scheme has its variable)', async () => {
    setProxyEnv({ HTTPS_PROXY: proxy.url });
    await expect(httpFetch(`http://registry.example.test:${originPort}/v2/`)).rejects.toThrow();
    expect(proxy.seen).toEqual([]);
  });
});

describe('the GitHub API through @actions/github', () => {
  test('HTTP_PROXY is honoured for GITHUB_API_URL (deployments and statuses use this client)', async () => {
    // @actions/github picks its proxy for GITHUB_API_URL when it loads, as deploy loads it (await import).
    const api = `http://api.github.example.test:${originPort}`;
    const savedApi = process.env.GITHUB_API_URL;
    setProxyEnv({ HTTP_PROXY: proxy.url });
    process.env.GITHUB_API_URL = api;
    try {
      const github = await import('@actions/github');
      const octokit = github.getOctokit('test-token', { baseUrl: api });
      const res = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' });
      expect(res.status).toBe(200);
      // The toolkit's undici ProxyAgent tunnels plain http too (CONNECT); the real API is https anyway.
      expect(proxy.seen.map((s) => `${s.method} ${s.target}`)).toEqual([`CONNECT api.github.example.test:${originPort}`]);
      expect(originSaw.map((o) => o.url)).toEqual(['/repos/acme/shop']);
    } finally {
      if (savedApi === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = savedApi;
    }
  });
});

describe('the bundles', () => {
  // scan makes no fetch of its own (esbuild still writes the unused chunk): nothing may load it.
  const bundles: [string, boolean][] = [['build-sign', true], ['deploy', true], ['scan', false], ['seal-secrets', true]];

  test.each(bundles)('%s loads the proxying code (undici) only with await import(): a run without a proxy variable never loads it', (name, fetches) => {
    const dist = path.join(repoRoot, 'actions', name, 'dist');
    const files = ['index.js', ...readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
    const proxyChunk = files.find((f) => /^chunks\/proxy-fetch-[A-Z0-9]+\.js$/.test(f));
    expect(proxyChunk).toBeDefined();
    const chunkName = path.basename(proxyChunk as string);
    const staticImporters = files.filter((f) => new RegExp(`(from|import)\\s*["']\\./${chunkName}["']`).test(readFileSync(path.join(dist, f), 'utf8')));
    const dynamicImporters = files.filter((f) => [`import("./${chunkName}")`, `import("./chunks/${chunkName}")`].some((s) => readFileSync(path.join(dist, f), 'utf8').includes(s)));
    expect({ staticImporters, dynamic: dynamicImporters.length > 0 }).toEqual({ staticImporters: [], dynamic: fetches });
  });

  test('seal-secrets: an https certificate URL is fetched through HTTPS_PROXY (CONNECT), as the runner runs the bundle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proxy-tls-'));
    const host = 'certs.example.test';
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`], { stdio: 'ignore' });
    const certPem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    // The TLS certificate is also a valid RSA sealing certificate: the origin serves its own.
    const tls = createTlsServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: certPem }, (req, res) => res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(certPem));
    const port = await listen(tls as unknown as Server);
    try {
      const run = (env: Record<string, string>) =>
        runAction('seal-secrets', { cwd: dir, inputs: { name: 'web', namespace: 'shop', secrets: 'a=CANARY-proxy-1', cert: `https://${host}:${port}/v1/cert.pem` }, env: { NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem'), ...env } });
      const r = await run({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
      expect({ exitCode: r.exitCode, errors: r.errors }).toEqual({ exitCode: 0, errors: [] });
      expect(proxy.seen.map((s) => `${s.method} ${s.target}`)).toEqual([`CONNECT ${host}:${port}`]);

      proxy.seen.length = 0;
      const direct = await run({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.test' });
      expect(direct.exitCode).toBe(1);
      expect(direct.errors.join('\n')).toMatch(/cannot fetch the certificate from https:\/\/certs\.example\.test/);
      expect(proxy.seen).toEqual([]);
    } finally {
      await new Promise((r) => tls.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
