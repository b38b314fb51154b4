import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/lib/proxy.ts
function proxyConfigured(env = process.env) {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}
function proxyFor(url, env = process.env) {
  const target = typeof url === "string" ? new URL(url) : url;
  const raw = target.protocol === "https:" ? env.https_proxy || env.HTTPS_PROXY : target.protocol === "http:" ? env.http_proxy || env.HTTP_PROXY : void 0;
  if (!raw) return void 0;
  if (bypassProxy(target, env)) return void 0;
  return parseProxyUrl(raw);
}
function parseProxyUrl(raw) {
  const value = raw.trim();
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("scheme");
    return parsed;
  } catch {
    throw new Error("the proxy variable (HTTPS_PROXY/HTTP_PROXY) is not a URL of the form http://host:port");
  }
}
function hostOf(url) {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}
function defaultPort(url) {
  return url.port || (url.protocol === "https:" ? "443" : url.protocol === "http:" ? "80" : "");
}
function isLoopback(host) {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}
function bypassProxy(url, env = process.env) {
  const host = hostOf(url);
  if (!host) return false;
  if (isLoopback(host)) return true;
  const list = (env.no_proxy || env.NO_PROXY || "").split(/[,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  const port = defaultPort(url);
  for (const entry of list) {
    if (entry === "*") return true;
    if (entry.includes("/")) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const hostPort = /^([^:]+):(\d+)$/.exec(entry);
    const split = bracketed ?? hostPort;
    const entryPort = split?.[2] ?? "";
    const name = (split?.[1] ?? entry).replace(/^\*?\./, "").replace(/\.$/, "");
    if (!name || entryPort && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
function ipv4ToNumber(ip) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return void 0;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return void 0;
  return parts.reduce((n, p) => n * 256 + p, 0);
}
function inCidr(host, cidr) {
  const [range = "", bitsText = ""] = cidr.split("/");
  const bits = Number(bitsText);
  if (!/^\d+$/.test(bitsText)) return false;
  const a = ipv4ToNumber(host);
  const b = ipv4ToNumber(range);
  if (a !== void 0 && b !== void 0) {
    if (bits > 32) return false;
    const size = 2 ** (32 - bits);
    return Math.floor(a / size) === Math.floor(b / size);
  }
  if (!host.includes(":") || !range.includes(":") || bits > 128) return false;
  const net = process.getBuiltinModule("node:net");
  if (net.isIPv6(host) && net.isIPv6(range)) {
    const list = new net.BlockList();
    list.addSubnet(range, bits, "ipv6");
    return list.check(host, "ipv6");
  }
  return false;
}

export {
  proxyConfigured,
  proxyFor
};
//# sourceMappingURL=chunk-IFC3ZGIW.js.map
