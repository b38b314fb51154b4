/**
 * Which proxy, if any, an HTTP request goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower
 * case first). What bypasses the proxy is decided by @actions/http-client's own `checkBypass`, the
 * function the toolkit's calls (tool-cache downloads, the GitHub API through @actions/github) go
 * through, so every request of a step takes the same route: loopback is always direct; NO_PROXY
 * lists hosts (a host covers its subdomains, `.host` too), `host:port`, or `*`, as the runner
 * documents it (no wildcards or CIDR ranges).
 */
import { checkBypass } from '@actions/http-client/lib/proxy';

export type Env = Record<string, string | undefined>;

/** True when any proxy variable is set (the only case a proxying dispatcher is loaded for). */
export function proxyConfigured(env: Env = process.env): boolean {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}

/** The proxy URL for a request to `url`, or undefined to connect directly. */
export function proxyFor(url: string | URL): URL | undefined {
  const target = typeof url === 'string' ? new URL(url) : url;
  const raw = target.protocol === 'https:' ? process.env.https_proxy || process.env.HTTPS_PROXY : process.env.http_proxy || process.env.HTTP_PROXY;
  if (!raw || checkBypass(target)) return undefined;
  // A value without a scheme means http:// (as curl and the runner read it; getProxyUrl would
  // take `proxy.corp:3128` for a URL of scheme `proxy.corp:`).
  let proxy: URL | undefined;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `http://${raw.trim()}`);
  } catch {
    proxy = undefined;
  }
  if (!proxy || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:')) {
    // The value may hold credentials: name the variable's form, never its content.
    throw new Error('the proxy variable (HTTPS_PROXY/HTTP_PROXY) is not a URL of the form http://host:port');
  }
  return proxy;
}
