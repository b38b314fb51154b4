/**
 * fetch through HTTPS_PROXY / HTTP_PROXY, loaded only when a proxy variable is set (it pulls in
 * undici's fetch and agents: most runs, with no proxy, never load this file).
 *
 * One dispatcher routes each connection by its origin with `proxyFor` (so a redirect to a host in
 * NO_PROXY, or to loopback, connects directly): `https:` targets through a CONNECT tunnel, `http:`
 * targets as absolute-form requests to the proxy, as curl sends them (a CONNECT to port 80 or
 * 5000 is refused by default by common proxies such as Squid).
 */
import { Agent, Dispatcher, ProxyAgent, fetch as undiciFetch } from 'undici';
import { proxyFor } from './proxy.js';

class RoutingDispatcher extends Dispatcher {
  private readonly direct = new Agent();
  private readonly viaProxy = new Map<string, ProxyAgent>();

  private forOrigin(origin: string): Dispatcher {
    const proxy = proxyFor(origin);
    if (!proxy) return this.direct;
    let agent = this.viaProxy.get(proxy.href);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy.href, proxyTunnel: false });
      this.viaProxy.set(proxy.href, agent);
    }
    return agent;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    return this.forOrigin(String(options.origin)).dispatch(options, handler);
  }

  override async close(): Promise<void> {
    await Promise.all([this.direct, ...this.viaProxy.values()].map((d) => d.close()));
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.direct, ...this.viaProxy.values()].map((d) => d.destroy()));
  }
}

let dispatcher: RoutingDispatcher | undefined;

export function proxiedFetch(url: string | URL, init: RequestInit): Promise<Response> {
  dispatcher ??= new RoutingDispatcher();
  // undici's Response is the WHATWG Response the global fetch returns (same fields and methods).
  return undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
}
