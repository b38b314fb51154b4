// A recording HTTP proxy on loopback, for the proxy tests: absolute-form requests
// (`GET http://host:port/path`, as curl sends plain-http requests through a proxy) and CONNECT
// tunnels (https). Whatever host a request names, it is served by 127.0.0.1 on the same port: the
// tests name hosts that do not resolve (registry.example.test) so that only a request that went
// through the proxy can succeed. Only loopback, ever.
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/**
 * @param {{ requireAuth?: string }} [options] requireAuth: the Proxy-Authorization value to demand (else 407)
 * @returns {Promise<{ url: string, port: number, seen: { method: string, target: string, auth?: string }[], stop: () => Promise<void> }>}
 */
export async function startProxy(options = {}) {
  /** @type {{ method: string, target: string, auth?: string }[]} */
  const seen = [];
  const sockets = new Set();
  const denied = (auth) => options.requireAuth !== undefined && auth !== options.requireAuth;
  const server = createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: req.method ?? '', target: req.url ?? '', ...(auth ? { auth } : {}) });
    if (denied(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    let target;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest({ host: '127.0.0.1', port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (err) => res.writeHead(502).end(err.message));
    req.pipe(upstream);
  });
  server.on('connect', (req, client, head) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: 'CONNECT', target: req.url ?? '', ...(auth ? { auth } : {}) });
    if (denied(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const port = Number((req.url ?? '').split(':').at(-1));
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}
