/**
 * Which proxy, if any, an HTTP request goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower
 * case first, then upper case), decided as @actions/http-client decides it for the toolkit's own
 * calls (tool-cache downloads, the GitHub API through @actions/github), so every request of a
 * step goes the same way:
 *
 * - `https:` URLs use `https_proxy`/`HTTPS_PROXY`, `http:` URLs `http_proxy`/`HTTP_PROXY`; a value
 *   without a scheme means `http://`.
 * - Loopback hosts (localhost, 127.0.0.0/8, ::1) never go through a proxy.
 * - `no_proxy`/`NO_PROXY` is a comma-separated list: `*` (everything), a host name that also
 *   covers its subdomains (`example.com`, `.example.com` and `*.example.com` alike, as curl and
 *   the runner read them), an optional `:port`, an IP address, or an IP range in CIDR form
 *   (`10.0.0.0/8`, as curl 7.86+ reads it).
 *
 * Pure and cheap: no import, so a run without proxy variables pays nothing for this.
 */
export type Env = Record<string, string | undefined>;

/** True when any proxy variable is set (the only case a proxying dispatcher is loaded for). */
export function proxyConfigured(env: Env = process.env): boolean {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}

/** The proxy URL for a request to `url`, or undefined to connect directly. */
export function proxyFor(url: string | URL, env: Env = process.env): URL | undefined {
  const target = typeof url === 'string' ? new URL(url) : url;
  const raw = target.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : target.protocol === 'http:' ? env.http_proxy || env.HTTP_PROXY : undefined;
  if (!raw) return undefined;
  if (bypassProxy(target, env)) return undefined;
  return parseProxyUrl(raw);
}

/** `proxy.corp:3128` means `http://proxy.corp:3128`, as curl and the toolkit read it. */
export function parseProxyUrl(raw: string): URL {
  const value = raw.trim();
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
    return parsed;
  } catch {
    // The value may hold credentials: name the variable's form, not its content.
    throw new Error('the proxy variable (HTTPS_PROXY/HTTP_PROXY) is not a URL of the form http://host:port');
  }
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}

/** True when the request to `url` must not use a proxy (loopback, or listed in NO_PROXY). */
export function bypassProxy(url: URL, env: Env = process.env): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (isLoopback(host)) return true;
  const list = (env.no_proxy || env.NO_PROXY || '')
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const port = defaultPort(url);
  for (const entry of list) {
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const hostPort = /^([^:]+):(\d+)$/.exec(entry);
    const split = bracketed ?? hostPort;
    const entryPort = split?.[2] ?? '';
    const name = (split?.[1] ?? entry).replace(/^\*?\./, '').replace(/\.$/, '');
    if (!name || (entryPort && entryPort !== port)) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

function ipv4ToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** `10.1.2.3` in `10.0.0.0/8`; IPv6 ranges through node:net's BlockList, loaded only here. */
function inCidr(host: string, cidr: string): boolean {
  const [range = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (!/^\d+$/.test(bitsText)) return false;
  const a = ipv4ToNumber(host);
  const b = ipv4ToNumber(range);
  if (a !== undefined && b !== undefined) {
    if (bits > 32) return false;
    const size = 2 ** (32 - bits);
    return Math.floor(a / size) === Math.floor(b / size);
  }
  if (!host.includes(':') || !range.includes(':') || bits > 128) return false;
  const net = process.getBuiltinModule('node:net');
  if (net.isIPv6(host) && net.isIPv6(range)) {
    const list = new net.BlockList();
    list.addSubnet(range, bits, 'ipv6');
    return list.check(host, 'ipv6');
  }
  return false;
}
