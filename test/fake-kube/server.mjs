// A simulated Kubernetes API server that the real kubectl can drive: startFakeKube() for tests,
// benchmarks and the demo, or run it as a program:
//   node test/fake-kube/server.mjs --port 0 [--time-scale 1] [--kubeconfig PATH]
// See README.md in this folder for the admin endpoints (/_sim/...).
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { KubeApi } from './api.mjs';
import { Cluster } from './cluster.mjs';
import { ApiError, reasonFor, statusObject } from './errors.mjs';
import { BEHAVIORS } from './kubelet.mjs';
import { findKind } from './resources.mjs';
import { isObject } from './util.mjs';

const DEFAULT_FAULT_MESSAGES = {
  401: 'Unauthorized',
  403: 'forbidden: User "system:anonymous" cannot perform this action',
  404: 'the server could not find the requested resource',
  409: 'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again',
  500: 'etcdserver: leader changed',
  503: 'the server is currently unable to handle the request',
  429: 'the server has received too many requests and has asked us to try again later',
  504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
};

/**
 * @typedef {{ method?: string, path: string, status?: number, count?: number, latencyMs?: number,
 *   message?: string, reason?: string, retryAfterSeconds?: number, drop?: 'before' | 'after', hold?: boolean, skip?: number }} FaultSpec
 * @typedef {{ method: string, path: string, query: string, contentType: string, status?: number,
 *   time: string, body?: string, userAgent?: string }} RequestLogEntry
 */

function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res, status, body, headers = {}) {
  if (res.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function kubeconfigYaml(url, namespace, context) {
  const ns = namespace ? `\n    namespace: ${JSON.stringify(namespace)}` : '';
  return `apiVersion: v1
kind: Config
clusters:
- name: fake-kube
  cluster:
    server: ${url}
contexts:
- name: ${JSON.stringify(context)}
  context:
    cluster: fake-kube
    user: fake-kube${ns}
current-context: ${JSON.stringify(context)}
preferences: {}
users:
- name: fake-kube
  user:
    token: fake-kube-token
`;
}

/**
 * Start the simulator on 127.0.0.1.
 * @param {{ port?: number, timeScale?: number, tickMs?: number }} [options]
 */
export async function startFakeKube({ port = 0, timeScale = 1, tickMs = 50 } = {}) {
  const cluster = new Cluster({ timeScale });
  /** @type {FaultSpec[]} */
  let faults = [];
  /** @type {RequestLogEntry[]} */
  let requests = [];
  /** @type {Map<string, { status: number, contentType: string, body: string }>} */
  const proxies = new Map();
  let address = '127.0.0.1:0';

  let pokeTimer;
  const runLoops = () => {
    try {
      cluster.tick();
    } catch (e) {
      process.stderr.write(`fake-kube: control loop error: ${e instanceof Error ? e.stack : String(e)}\n`);
    }
  };
  // A write wakes the controllers at once, as informers would; the interval drives timed changes.
  const poke = () => {
    if (pokeTimer) return;
    pokeTimer = setTimeout(() => {
      pokeTimer = undefined;
      runLoops();
    }, 1);
  };
  const api = new KubeApi(cluster, () => address, poke);
  /** @type {Array<{ resource: string, verbs?: string[], namespace?: string, user?: string }>} */
  api.forbidden = [];
  const interval = setInterval(runLoops, tickMs);
  interval.unref?.();

  function addObjects(objects) {
    const refs = [];
    for (const raw of objects) {
      if (!isObject(raw)) throw new ApiError(400, 'BadRequest', 'each object must be a JSON object');
      const type = findKind(raw.apiVersion, raw.kind);
      if (!type) throw new ApiError(400, 'BadRequest', `fake-kube does not serve ${raw.apiVersion} ${raw.kind}`);
      const namespace = type.namespaced ? raw.metadata?.namespace ?? 'default' : undefined;
      if (namespace && !cluster.store.peek(cluster.res.namespaces, undefined, namespace)) {
        addObjects([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
      }
      const req = { method: 'POST', path: '', params: new URLSearchParams({ fieldManager: 'fake-kube' }), body: JSON.stringify(raw), contentType: 'application/json', accept: 'application/json', userAgent: 'fake-kube' };
      const existing = cluster.store.get(type, namespace, raw.metadata?.name);
      const reply = existing ? api.update(type, namespace, raw.metadata.name, undefined, { ...req, method: 'PUT', body: JSON.stringify({ ...raw, metadata: { ...raw.metadata, resourceVersion: undefined } }) }) : api.create(type, namespace, req);
      const o = /** @type {Record<string, any>} */ (reply.body);
      refs.push({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, uid: o.metadata.uid });
    }
    poke();
    return refs;
  }

  function setImages(map) {
    if (!isObject(map)) throw new ApiError(400, 'BadRequest', 'expected {"<image>": {"behavior": ...}}');
    for (const [image, spec] of Object.entries(map)) {
      if (!isObject(spec) || !BEHAVIORS.includes(spec.behavior)) {
        throw new ApiError(400, 'BadRequest', `image ${image}: behavior must be one of ${BEHAVIORS.join(', ')}`);
      }
      cluster.images.set(image, { behavior: spec.behavior, readyAfterMs: spec.readyAfterMs, message: spec.message, podPrefix: typeof spec.podPrefix === 'string' ? spec.podPrefix : undefined });
    }
  }

  function addFaults(spec) {
    for (const f of Array.isArray(spec) ? spec : [spec]) {
      if (!isObject(f) || typeof f.path !== 'string') throw new ApiError(400, 'BadRequest', 'a fault needs "path" (a regular expression)');
      if (f.drop !== undefined && f.drop !== 'before' && f.drop !== 'after') throw new ApiError(400, 'BadRequest', 'a fault\'s "drop" is "before" or "after"');
      new RegExp(f.path); // reject a bad pattern now rather than on every request
      faults.push({ ...f, count: f.count ?? 1 });
    }
  }

  function setProxy(spec) {
    if (!isObject(spec) || typeof spec.path !== 'string') throw new ApiError(400, 'BadRequest', 'a proxy answer needs "path"');
    proxies.set(spec.path, { status: spec.status ?? 200, contentType: spec.contentType ?? 'text/plain', body: String(spec.body ?? '') });
  }

  /** 403 for a resource (plural or plural.group), optionally only some verbs or one namespace. */
  function forbid(spec) {
    for (const f of Array.isArray(spec) ? spec : [spec]) {
      if (!isObject(f) || typeof f.resource !== 'string') throw new ApiError(400, 'BadRequest', 'a forbidden rule needs "resource" (e.g. networkpolicies.networking.k8s.io)');
      if (f.verbs !== undefined && !Array.isArray(f.verbs)) throw new ApiError(400, 'BadRequest', '"verbs" is a list');
      api.forbidden.push({ resource: f.resource, verbs: f.verbs, namespace: f.namespace, user: f.user });
    }
  }

  function reset() {
    api.forbidden = [];
    cluster.reset();
    faults = [];
    requests = [];
    proxies.clear();
  }

  /** @returns {Promise<unknown>} */
  async function admin(method, path, body) {
    const json = () => (body.trim() ? JSON.parse(body) : {});
    switch (`${method} ${path}`) {
      case 'POST /_sim/reset':
        reset();
        return { ok: true };
      case 'POST /_sim/objects':
        return { objects: addObjects(json().objects ?? []) };
      case 'GET /_sim/objects':
        return cluster.store.buckets.size ? [...cluster.store.buckets.values()].flatMap((b) => [...b.values()]) : [];
      case 'POST /_sim/images':
        setImages(json());
        return Object.fromEntries(cluster.images);
      case 'GET /_sim/images':
        return Object.fromEntries(cluster.images);
      case 'DELETE /_sim/images':
        cluster.images.clear();
        return { ok: true };
      case 'POST /_sim/faults':
        addFaults(json());
        return faults;
      case 'GET /_sim/faults':
        return faults;
      case 'DELETE /_sim/faults':
        faults = [];
        return { ok: true };
      case 'GET /_sim/requests':
        return requests;
      case 'DELETE /_sim/requests':
        requests = [];
        return { ok: true };
      case 'POST /_sim/proxy':
        setProxy(json());
        return { ok: true };
      case 'DELETE /_sim/proxy':
        proxies.clear();
        return { ok: true };
      case 'POST /_sim/forbidden':
        forbid(json());
        return api.forbidden;
      case 'GET /_sim/forbidden':
        return api.forbidden;
      case 'DELETE /_sim/forbidden':
        api.forbidden = [];
        return { ok: true };
      case 'POST /_sim/tick':
        runLoops();
        return { ok: true };
      default:
        throw new ApiError(404, 'NotFound', `no admin endpoint ${method} ${path}`);
    }
  }

  function takeFault(method, path) {
    const i = faults.findIndex((f) => (!f.method || f.method === '*' || f.method.toUpperCase() === method) && new RegExp(f.path).test(path));
    if (i < 0) return undefined;
    const f = faults[i];
    // `skip`: let that many matching requests through first (say, the third PATCH of a run).
    if (f.skip) {
      f.skip -= 1;
      return undefined;
    }
    if (f.count !== undefined && f.count >= 0) {
      f.count -= 1;
      if (f.count <= 0) faults.splice(i, 1);
    }
    return f;
  }

  /** @type {Set<import('node:http').ServerResponse>} */
  const open = new Set();

  const server = createServer(async (req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    let rawBody = Buffer.alloc(0);
    try {
      rawBody = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const body = rawBody.toString('utf8');
    if (url.pathname.startsWith('/_sim/')) {
      try {
        sendJson(res, 200, await admin(method, url.pathname, body));
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(400, 'BadRequest', e instanceof Error ? e.message : String(e));
        sendJson(res, err.code, err.toStatus());
      }
      return;
    }
    /** @type {RequestLogEntry} */
    const entry = { method, path: url.pathname, query: url.search.replace(/^\?/, ''), contentType: req.headers['content-type'] ?? '', time: new Date().toISOString(), userAgent: req.headers['user-agent'] ?? '' };
    if (method !== 'GET' && body) {
      const text = /protobuf/.test(entry.contentType) ? `base64:${rawBody.toString('base64')}` : body;
      entry.body = text.length > 65536 ? `${text.slice(0, 65536)}...` : text;
    }
    requests.push(entry);
    const writeHead = res.writeHead.bind(res);
    // @ts-expect-error: record the status whatever overload is used
    res.writeHead = (status, ...args) => {
      entry.status = status;
      return writeHead(status, ...args);
    };
    try {
      const fault = takeFault(method, url.pathname);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      // A stalled request: never answered (the client gives up, or the server stops).
      if (fault?.hold) return;
      // A connection dropped before the request reached the API: nothing applied, the client reads EOF.
      if (fault?.drop === 'before') {
        req.socket.destroy();
        return;
      }
      if (fault?.status) {
        const message = fault.message ?? DEFAULT_FAULT_MESSAGES[fault.status] ?? `simulated ${fault.status}`;
        const headers = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
        sendJson(res, fault.status, statusObject(fault.status, fault.reason ?? reasonFor(fault.status), message, fault.status >= 500 ? { causes: [{ message }] } : undefined), headers);
        return;
      }
      const proxy = proxies.get(url.pathname);
      if (proxy) {
        res.writeHead(proxy.status, { 'Content-Type': proxy.contentType, 'Content-Length': Buffer.byteLength(proxy.body) });
        res.end(proxy.body);
        return;
      }
      const reply = api.handle(
        {
          method,
          path: url.pathname,
          params: url.searchParams,
          body,
          rawBody,
          contentType: req.headers['content-type'] ?? '',
          accept: req.headers.accept ?? '',
          userAgent: req.headers['user-agent'] ?? '',
        },
        res,
      );
      // The request was handled (a write applied), then the connection dropped before the answer.
      if (fault?.drop === 'after') {
        req.socket.destroy();
        return;
      }
      if (!reply) return;
      if (typeof reply.body === 'string') {
        res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'text/plain', 'Content-Length': Buffer.byteLength(reply.body) });
        res.end(reply.body);
      } else {
        sendJson(res, reply.status, reply.body);
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
      if (!(e instanceof ApiError)) process.stderr.write(`fake-kube: ${e instanceof Error ? e.stack : String(e)}\n`);
      if (res.headersSent) res.end();
      else sendJson(res, err.code, err.toStatus());
    }
  });
  server.keepAliveTimeout = 30_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  address = `127.0.0.1:${actualPort}`;
  const url = `http://${address}`;

  let stopped = false;
  return {
    url,
    port: actualPort,
    /**
     * Write a kubeconfig (mode 0600) for this server; returns the path.
     * @param {string} path
     * @param {{ namespace?: string, context?: string }} [opts]
     */
    writeKubeconfig(path, { namespace, context = 'fake-kube' } = {}) {
      writeFileSync(path, kubeconfigYaml(url, namespace, context), { mode: 0o600 });
      chmodSync(path, 0o600);
      return path;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(interval);
      clearTimeout(pokeTimer);
      for (const res of open) res.destroy();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
    state: {
      cluster,
      get requests() {
        return requests;
      },
      reset,
      addObjects,
      setImages,
      addFaults,
      clearFaults: () => {
        faults = [];
      },
      setProxy,
      tick: runLoops,
      /** A stored object by resource (plural), namespace and name. */
      get: (resource, namespace, name) => {
        const type = cluster.res[resource];
        return type ? cluster.store.get(type, namespace, name) : undefined;
      },
      /** Stored objects of a resource (plural), optionally in one namespace. */
      list: (resource, namespace) => {
        const type = cluster.res[resource];
        return type ? cluster.store.list(type, namespace) : [];
      },
    },
  };
}

function parseArgs(argv) {
  /** @type {{ port: number, timeScale: number, tickMs: number, kubeconfig?: string, namespace?: string }} */
  const opts = { port: 0, timeScale: 1, tickMs: 50 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        opts.port = Number(value());
        break;
      case '--time-scale':
        opts.timeScale = Number(value());
        break;
      case '--tick-ms':
        opts.tickMs = Number(value());
        break;
      case '--kubeconfig':
        opts.kubeconfig = value();
        break;
      case '--namespace':
        opts.namespace = value();
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (use --port, --time-scale, --tick-ms, --kubeconfig, --namespace)`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0) throw new Error('--port must be a port number (0 picks a free one)');
  if (!(opts.timeScale > 0)) throw new Error('--time-scale must be a positive number');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const kube = await startFakeKube(opts);
  if (opts.kubeconfig) kube.writeKubeconfig(opts.kubeconfig, { namespace: opts.namespace });
  process.stdout.write(`${JSON.stringify({ url: kube.url })}\n`);
  const shutdown = () => {
    kube.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`fake-kube: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
