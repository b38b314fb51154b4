import { afterEach, describe, expect, test } from '@jest/globals';
import { proxyConfigured, proxyFor, type Env } from '../../src/lib/proxy.js';

const VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
/** proxyFor reads the step's environment, as the toolkit's getProxyUrl does. */
function withEnv(env: Env): void {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, env);
}

const P = 'http://proxy.corp:3128/';
const via = (url: string, env: Env): string | undefined => {
  withEnv(env);
  return proxyFor(url)?.href;
};

describe('proxyFor: which proxy a request goes through', () => {
  test.each<[string, string, Env, string | undefined]>([
    ['https uses HTTPS_PROXY', 'https://ghcr.io/v2/', { HTTPS_PROXY: P }, P],
    ['http uses HTTP_PROXY', 'http://registry.corp:5000/v2/', { HTTP_PROXY: P }, P],
    ['https ignores HTTP_PROXY', 'https://ghcr.io/v2/', { HTTP_PROXY: P }, undefined],
    ['http ignores HTTPS_PROXY', 'http://registry.corp/v2/', { HTTPS_PROXY: P }, undefined],
    ['lower case first', 'https://ghcr.io/', { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, P],
    ['no scheme means http://', 'https://ghcr.io/', { HTTPS_PROXY: 'proxy.corp:3128' }, P],
    ['nothing set', 'https://ghcr.io/', {}, undefined],
    ['localhost is direct', 'http://localhost:5000/', { HTTP_PROXY: P }, undefined],
    ['127.0.0.0/8 is direct', 'http://127.4.5.6:5000/', { HTTP_PROXY: P }, undefined],
    ['[::1] is direct', 'http://[::1]:5000/', { HTTP_PROXY: P }, undefined],
    ['NO_PROXY exact host', 'https://ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }, undefined],
    ['NO_PROXY domain covers subdomains', 'https://pkg.ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }, undefined],
    ['NO_PROXY .domain', 'https://pkg.ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: '.ghcr.io' }, undefined],
    ['NO_PROXY is not a substring match', 'https://notghcr.io/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }, P],
    ['NO_PROXY lower case first', 'https://ghcr.io/', { HTTPS_PROXY: P, no_proxy: 'example.com', NO_PROXY: 'ghcr.io' }, P],
    ['NO_PROXY *', 'https://ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    ['NO_PROXY host:port matches that port', 'https://registry.corp:5000/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }, undefined],
    ['NO_PROXY host:port, other port', 'https://registry.corp/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }, P],
    ['NO_PROXY host:443 matches the default port', 'https://registry.corp/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:443' }, undefined],
    ['NO_PROXY list with spaces, case-insensitive', 'https://API.Example.COM/', { HTTPS_PROXY: P, NO_PROXY: ' foo.test , example.com ' }, undefined],
    ['NO_PROXY IPv4 address', 'http://10.1.2.3/', { HTTP_PROXY: P, NO_PROXY: '10.1.2.3' }, undefined],
    ['NO_PROXY IPv6 address', 'http://[fd00::5]:8080/', { HTTP_PROXY: P, NO_PROXY: '[fd00::5]' }, undefined],
    // What the runner and the toolkit do not read: no wildcard or CIDR entries (the same route as tool-cache and octokit).
    ['NO_PROXY *.domain is not a pattern', 'https://pkg.ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: '*.ghcr.io' }, P],
    ['NO_PROXY CIDR is not a range', 'http://10.1.2.3/', { HTTP_PROXY: P, NO_PROXY: '10.0.0.0/8' }, P],
  ])('%s', (_name, url, env, expected) => {
    expect(via(url, env)).toBe(expected);
  });

  test('a proxy URL that cannot be read names the variable, never its value (it may hold a password)', () => {
    withEnv({ HTTPS_PROXY: 'http://user:s3cret@[bad' });
    expect(() => proxyFor('https://ghcr.io/')).toThrow(/HTTPS_PROXY\/HTTP_PROXY/);
    expect(() => proxyFor('https://ghcr.io/')).not.toThrow(/s3cret/);
    withEnv({ HTTPS_PROXY: 'socks5://proxy:1080' });
    expect(() => proxyFor('https://ghcr.io/')).toThrow(/http:\/\/host:port/);
  });

  test('proxyConfigured: any of the four variables', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ NO_PROXY: '*' })).toBe(false);
    for (const k of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) expect(proxyConfigured({ [k]: P })).toBe(true);
  });
});
