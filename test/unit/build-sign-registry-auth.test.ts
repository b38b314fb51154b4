import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { RegistryClient } from '../../src/lib/registry.js';

// A registry behind the distribution spec's token flow, as build-sign meets it before building:
// `GET /v2/` answers 401 with a Bearer challenge (no scope, as registries send for /v2/), the token
// service behind Basic auth hands out a token, and /v2/ accepts it.
let server: Server;
let host: string;
const scopes: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/token') {
      scopes.push(url.searchParams.get('scope') ?? '');
      if (req.headers.authorization !== `Basic ${Buffer.from('bot:right-password').toString('base64')}`) return void res.writeHead(401).end();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-push' }));
    }
    if (url.pathname === '/v2/' && req.headers.authorization === 'Bearer tok-push') return void res.writeHead(200).end('{}');
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="test-registry"` }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  host = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('RegistryClient.checkCredentials (build-sign checks them before building)', () => {
  test('the right password gets a token for pull,push on the repository', async () => {
    await new RegistryClient({ credentials: { username: 'bot', password: 'right-password' }, attempts: 1 }).checkCredentials(host, 'team/app');
    expect(scopes.at(-1)).toBe('repository:team/app:pull,push');
  });
  test('a wrong password is refused by the token service: a permanent error naming the credentials', async () => {
    const client = new RegistryClient({ credentials: { username: 'bot', password: 'wrong-password' }, attempts: 3, backoffMs: 1 });
    const before = scopes.length;
    await expect(client.checkCredentials(host, 'team/app')).rejects.toThrow(/token service answered HTTP 401 to the given credentials/);
    expect(scopes.length - before).toBe(1); // not retried
  });
});
