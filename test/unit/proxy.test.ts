import { describe, expect, test } from '@jest/globals';
import { parseProxyUrl, proxyConfigured, proxyFor, type Env } from '../../src/lib/proxy.js';

const P = 'http://proxy.corp:3128/';
const via = (url: string, env: Env): string | undefined => proxyFor(url, env)?.href;

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
    ['NO_PROXY *.domain', 'https://pkg.ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: '*.ghcr.io' }, undefined],
    ['NO_PROXY is not a substring match', 'https://notghcr.io/', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }, P],
    ['NO_PROXY lower case first', 'https://ghcr.io/', { HTTPS_PROXY: P, no_proxy: 'example.com', NO_PROXY: 'ghcr.io' }, P],
    ['NO_PROXY *', 'https://ghcr.io/', { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    ['NO_PROXY host:port matches that port', 'https://registry.corp:5000/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }, undefined],
    ['NO_PROXY host:port, other port', 'https://registry.corp/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:5000' }, P],
    ['NO_PROXY host:443 matches the default port', 'https://registry.corp/', { HTTPS_PROXY: P, NO_PROXY: 'registry.corp:443' }, undefined],
    ['NO_PROXY list with spaces, case-insensitive', 'https://API.Example.COM/', { HTTPS_PROXY: P, NO_PROXY: ' foo.test , example.com ' }, undefined],
    ['NO_PROXY IPv4 address', 'http://10.1.2.3/', { HTTP_PROXY: P, NO_PROXY: '10.1.2.3' }, undefined],
    ['NO_PROXY IPv4 CIDR', 'http://10.1.2.3/', { HTTP_PROXY: P, NO_PROXY: '10.0.0.0/8' }, undefined],
    ['NO_PROXY IPv4 CIDR, outside', 'http://11.1.2.3/', { HTTP_PROXY: P, NO_PROXY: '10.0.0.0/8' }, P],
    ['NO_PROXY IPv6 CIDR', 'http://[fd00::5]/', { HTTP_PROXY: P, NO_PROXY: 'fd00::/8' }, undefined],
    ['NO_PROXY IPv6 address', 'http://[fd00::5]:8080/', { HTTP_PROXY: P, NO_PROXY: '[fd00::5]' }, undefined],
  ])('%s', (_name, url, env, expected) => {
    expect(via(url, env)).toBe(expected);
  });

  test('a proxy URL that cannot be read names the variable, never its value (it may hold a password)', () => {
    expect(() => parseProxyUrl('http://user:s3cret@[bad')).toThrow(/HTTPS_PROXY\/HTTP_PROXY/);
    expect(() => parseProxyUrl('http://user:s3cret@[bad')).not.toThrow(/s3cret/);
    expect(() => parseProxyUrl('socks5://proxy:1080')).toThrow(/http:\/\/host:port/);
  });

  test('proxyConfigured: any of the four variables', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ NO_PROXY: '*' })).toBe(false);
    for (const k of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) expect(proxyConfigured({ [k]: P })).toBe(true);
  });
});
