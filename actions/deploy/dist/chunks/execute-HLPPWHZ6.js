import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  canonicalRepository,
  code,
  debug,
  error,
  formatReference,
  group,
  info,
  isDebug,
  isLoopbackRegistry,
  markdownTable,
  maskSecrets,
  parseReference,
  registryOf,
  registryPath,
  setOutput,
  setSecret,
  warning,
  writeSummary
} from "./chunk-VH3CLJSM.js";
import {
  proxyConfigured
} from "./chunk-IGV4WO5E.js";
import "./chunk-GINXXFVL.js";

// actions/deploy/src/execute.ts
import { mkdtempSync as mkdtempSync4, rmSync as rmSync4 } from "node:fs";
import { tmpdir as tmpdir4 } from "node:os";
import path5 from "node:path";

// src/lib/kubectl.ts
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// src/lib/exec.ts
import { spawn } from "node:child_process";
var ExecError = class extends Error {
  constructor(command, result, detail) {
    super(`${command} ${detail}${tail(result.stderr) || tail(result.stdout)}`);
    this.command = command;
    this.result = result;
    this.name = "ExecError";
  }
  command;
  result;
};
var TAIL_LINES = 20;
function tail(text, lines = TAIL_LINES) {
  const kept = text.trimEnd().split("\n").slice(-lines).join("\n");
  return kept === "" ? "" : `:
${kept}`;
}
function formatCommand(file, args) {
  return [file, ...args].map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function execTool(file, args, options = {}) {
  const command = formatCommand(file, args);
  if (options.stream) info(`[command] ${command}`);
  else debug(`[command] ${command}`);
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("INPUT_")));
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === void 0) delete env[k];
      else env[k] = v;
    }
    const child = spawn(file, args, { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"], shell: false });
    const out = [];
    const err = [];
    const echo = (chunk) => {
      if (options.stream) process.stdout.write(chunk);
    };
    child.stdout.on("data", (c) => {
      out.push(c);
      echo(c);
    });
    child.stderr.on("data", (c) => {
      err.push(c);
      echo(c);
    });
    let timedOut = false;
    let killer;
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      killer = setTimeout(() => child.kill("SIGKILL"), 5e3);
    }, options.timeoutMs);
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      reject(new Error(e.code === "ENOENT" ? `${file}: command not found` : `${command}: ${e.message}`));
    });
    child.on("close", (code2, signal) => {
      if (timer) clearTimeout(timer);
      if (killer) clearTimeout(killer);
      const result = {
        exitCode: code2 ?? 128,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8")
      };
      if (!options.stream) {
        if (result.stdout && isDebug()) debug(result.stdout);
        if (result.stderr && isDebug()) debug(result.stderr);
      }
      if (timedOut) return reject(new ExecError(command, result, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1e3)}s`));
      if (code2 !== 0 && !options.allowFailure) {
        return reject(new ExecError(command, result, signal ? `was killed by ${signal}` : `exited with code ${code2}`));
      }
      resolve(result);
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}

// src/lib/retry.ts
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function httpFetch(url, init = {}) {
  if (!proxyConfigured()) return fetch(url, init);
  const { proxiedFetch } = await import("./proxy-fetch-WTDU65SW.js");
  return proxiedFetch(url, init);
}
function isTransientStatus(status) {
  return status === 429 || status >= 500;
}
async function fetchWithRetry(url, init, o) {
  let lastError = "";
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    if (attempt > 1) {
      const delay = o.backoffMs * 2 ** (attempt - 2);
      info(`${o.what}: ${lastError}; retrying in ${delay} ms (attempt ${attempt} of ${o.attempts})`);
      await sleep(delay);
    }
    let res;
    try {
      res = await httpFetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs) });
    } catch (err) {
      const cause = err.cause;
      lastError = `connection failed${cause?.code ? ` (${cause.code})` : ""}: ${err.message}${cause?.message && !cause.code ? `: ${cause.message}` : ""}`;
      continue;
    }
    if (!isTransientStatus(res.status)) return res;
    lastError = `HTTP ${res.status}`;
    const retryAfter = Number(res.headers.get("retry-after"));
    await res.arrayBuffer().catch(() => void 0);
    if (res.status === 429 && retryAfter > 0 && attempt < o.attempts) await sleep(Math.min(retryAfter, 30) * 1e3);
  }
  throw new Error(`${o.what}: ${lastError} after ${o.attempts} attempts`);
}

// src/lib/kubectl.ts
function connectionArgs(target) {
  const args = [];
  if (target.kubeconfig) args.push("--kubeconfig", target.kubeconfig);
  if (target.context) args.push("--context", target.context);
  return args;
}
var TRANSIENT = [
  /\(InternalError\)/,
  /\(ServiceUnavailable\)/,
  /\(ServerTimeout\)/,
  /\(Timeout\)/,
  /\(TooManyRequests\)/,
  /too many requests/i,
  /request did not complete within/i,
  /Internal error occurred/i,
  /etcdserver: (leader changed|request timed out|too many requests)/,
  /the server is currently unable to handle the request/,
  /the server was unable to return a response in the time allotted/,
  /an error on the server .* has prevented the request from succeeding/,
  /http2: server sent GOAWAY/,
  /Client\.Timeout exceeded while awaiting headers/,
  /connection refused/,
  /The connection to the server \S+ was refused/,
  /connection reset by peer/,
  /i\/o timeout/,
  /TLS handshake timeout/,
  /http2: client connection lost/,
  /unexpected EOF/,
  /net\/http: request canceled/,
  // A connection closed before the answer arrived: Go's io.EOF, printed bare at the end of the
  // message ("Patch \"https://…\": EOF"). The write may or may not have landed: read before deciding.
  /: EOF\s*$/m,
  /use of closed network connection/,
  /broken pipe/,
  /http2: stream closed/,
  /context deadline exceeded/,
  // kubectl killed by our own per-call timeout: no answer came in time.
  /no answer from the API server within/,
  /Internal Server Error/i,
  /Service Unavailable/i,
  /Bad Gateway/i,
  /Gateway Timeout/i
];
function isTransientKubectlError(stderr) {
  return TRANSIENT.some((re) => re.test(stderr));
}
async function runOnce(file, args, options) {
  try {
    return await execTool(file, args, { ...options, allowFailure: true });
  } catch (err) {
    if (err instanceof ExecError && /timed out after/.test(err.message)) {
      return { exitCode: 124, stdout: err.result.stdout, stderr: `${err.result.stderr.trimEnd()}
kubectl: no answer from the API server within ${Math.round((options.timeoutMs ?? 0) / 1e3)}s (killed)`.trimStart() };
    }
    throw err;
  }
}
async function kubectl(target, args, options = {}) {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const request = options.requestTimeoutMs === void 0 ? [] : [`--request-timeout=${Math.max(1, Math.ceil(options.requestTimeoutMs / 1e3))}s`];
  const full = [...connectionArgs(target), ...request, ...args];
  const killAfter = options.timeoutMs ?? (options.requestTimeoutMs === void 0 ? void 0 : options.requestTimeoutMs + 5e3);
  let last;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await runOnce(target.kubectl, full, { ...options, timeoutMs: killAfter });
    if (last.exitCode === 0) return last;
    if (!isTransientKubectlError(last.stderr) || attempt === attempts) break;
    const delay = backoff * 2 ** (attempt - 1);
    info(`kubectl ${(args[0] === "--namespace" ? args[2] : args[0]) ?? ""}: transient API error (${last.stderr.trim().split("\n").pop()}); retrying in ${delay} ms`);
    await sleep(delay);
  }
  const result = last;
  if (options.allowFailure) return result;
  throw new Error(`kubectl ${args.join(" ")} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
}
function writeKubeconfig(content) {
  const dir = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), "kubeconfig-"));
  const file = path.join(dir, "config");
  writeFileSync(file, content, { mode: 384 });
  chmodSync(file, 384);
  return { path: file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
var SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
async function checkKubeconfig(target, env = process.env) {
  const where = target.kubeconfig ? "the kubeconfig input" : env.KUBECONFIG ? `the kubeconfig KUBECONFIG points to (${env.KUBECONFIG})` : "the kubeconfig ~/.kube/config";
  const args = ["config", "view", "--output", "json"];
  if (target.kubeconfig) args.unshift("--kubeconfig", target.kubeconfig);
  const r = await execTool(target.kubectl, args, { allowFailure: true, timeoutMs: 6e4 });
  if (r.exitCode !== 0) {
    const line = /\bline (\d+)/.exec(r.stderr)?.[1];
    throw new ConfigurationError(
      "kubeconfig",
      `${where} is not a kubeconfig kubectl can load (${line ? `YAML error at line ${line}` : "not YAML of the kubeconfig form"}; the content is not shown). Expected a kubeconfig file's content: apiVersion: v1, kind: Config, clusters, users, contexts and current-context`
    );
  }
  let view;
  try {
    view = JSON.parse(r.stdout);
  } catch {
    throw new Error(`kubectl config view printed something that is not JSON (${r.stdout.length} bytes)`);
  }
  const contexts = (view.contexts ?? []).map((c) => c.name);
  const clusters = view.clusters ?? [];
  if (contexts.length === 0 && clusters.length === 0) {
    if (!target.context && env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && existsSync(SERVICE_ACCOUNT_TOKEN)) return;
    if (target.kubeconfig) throw new ConfigurationError("kubeconfig", "the content given has no clusters and no contexts. Expected a kubeconfig file's content: apiVersion: v1, kind: Config, clusters, users, contexts and current-context");
    throw new ConfigurationError(
      "kubeconfig",
      `no kubeconfig to use: the input is empty, ${env.KUBECONFIG ? `KUBECONFIG (${env.KUBECONFIG}) names no file with a cluster in it` : "KUBECONFIG is not set"} and ~/.kube/config has none either. Give the kubeconfig input (its content, e.g. from a secret) or set KUBECONFIG to a kubeconfig file`
    );
  }
  if (target.context) {
    if (!contexts.includes(target.context)) {
      throw new ConfigurationError("context", `'${target.context}' is not a context of ${where}. Expected one of: ${contexts.slice(0, 10).join(", ") || "none (it defines no contexts)"}`);
    }
    return;
  }
  const current = view["current-context"] ?? "";
  if (current === "") throw new ConfigurationError("context", `${where} sets no current-context. Expected the context to use, one of: ${contexts.slice(0, 10).join(", ") || "none"}`);
  if (!contexts.includes(current)) throw new ConfigurationError("kubeconfig", `the current-context of ${where} names a context it does not define. Expected a context, or set the context input to one of: ${contexts.slice(0, 10).join(", ") || "none"}`);
}

// src/lib/registry-auth.ts
import { existsSync as existsSync2, mkdtempSync as mkdtempSync2, readFileSync, rmSync as rmSync2, symlinkSync, writeFileSync as writeFileSync2 } from "node:fs";
import { homedir, tmpdir as tmpdir2 } from "node:os";
import path2 from "node:path";

// src/lib/registry.ts
import { createHash } from "node:crypto";
var MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var INDEX_MEDIA_TYPES = /* @__PURE__ */ new Set([MANIFEST_MEDIA_TYPES[0], MANIFEST_MEDIA_TYPES[2]]);
function basicAuthValue(c) {
  const value = Buffer.from(`${c.username}:${c.password}`).toString("base64");
  maskSecrets(value);
  return value;
}
var RegistryError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "RegistryError";
  }
  status;
};
function parseChallenge(header) {
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params = {};
  const re = /([a-zA-Z_]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (let m = re.exec(header.slice(space + 1)); m; m = re.exec(header.slice(space + 1))) {
    params[(m[1] ?? "").toLowerCase()] = m[2] ?? m[3] ?? "";
  }
  return { scheme, params };
}
var RegistryClient = class _RegistryClient {
  constructor(options = {}) {
    this.options = options;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 3e4;
  }
  options;
  tokens = /* @__PURE__ */ new Map();
  basicFor = /* @__PURE__ */ new Set();
  attempts;
  backoffMs;
  timeoutMs;
  static baseUrl(registry) {
    const host = registry === "docker.io" ? "registry-1.docker.io" : registry;
    return `${isLoopbackRegistry(registry) ? "http" : "https"}://${host}`;
  }
  /** HEAD a manifest by tag or digest; undefined when the registry says it does not exist. */
  async headManifest(registry, repository, reference) {
    const res = await this.request(registry, repository, "HEAD", `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw new RegistryError(`HEAD ${registry}/${repository}:${reference}: HTTP ${res.status}`, res.status);
    const digest = res.headers.get("docker-content-digest");
    if (!digest) {
      const full = await this.getManifest(registry, repository, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    return { digest, mediaType: (res.headers.get("content-type") ?? "").split(";")[0] ?? "", size: Number(res.headers.get("content-length") ?? 0) };
  }
  /** GET a manifest or index; its digest is computed from the bytes and checked against the registry's header. */
  async getManifest(registry, repository, reference) {
    const res = await this.request(registry, repository, "GET", `/v2/${repository}/manifests/${reference}`);
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw new RegistryError(`GET ${registry}/${repository}:${reference}: HTTP ${res.status} ${await res.text().catch(() => "")}`.trim(), res.status);
    const body = Buffer.from(await res.arrayBuffer());
    const digest = `sha256:${createHash("sha256").update(body).digest("hex")}`;
    const header = res.headers.get("docker-content-digest");
    if (header && header !== digest) throw new RegistryError(`${registry}/${repository}:${reference}: the registry says ${header} but the manifest bytes hash to ${digest}`);
    if (reference.startsWith("sha256:") && reference !== digest) throw new RegistryError(`${registry}/${repository}@${reference}: the manifest bytes hash to ${digest}`);
    const json = JSON.parse(body.toString("utf8"));
    const mediaType = (res.headers.get("content-type") ?? json.mediaType ?? "").split(";")[0] ?? "";
    return { digest, mediaType, size: body.length, body, json };
  }
  /**
   * PUT manifest bytes under a tag (the blobs must already be in the repository);
   * returns the digest the registry stored them as, which must be the bytes' own.
   */
  async putManifest(registry, repository, tag, manifest) {
    const res = await this.request(registry, repository, "PUT", `/v2/${repository}/manifests/${tag}`, { body: manifest.body, contentType: manifest.mediaType });
    const text = await res.text().catch(() => "");
    if (res.status !== 201 && res.status !== 200) throw new RegistryError(`PUT ${registry}/${repository}:${tag}: HTTP ${res.status} ${text}`.trim(), res.status);
    const digest = `sha256:${createHash("sha256").update(manifest.body).digest("hex")}`;
    const header = res.headers.get("docker-content-digest");
    if (header && header !== digest) throw new RegistryError(`PUT ${registry}/${repository}:${tag}: the registry stored ${header}, not ${digest}`);
    return digest;
  }
  /**
   * Checks the credentials against the registry before anything is built: `GET /v2/`
   * through the same Basic or Bearer-token flow (token scope pull,push on the
   * repository), so a wrong password fails in seconds, not after the build.
   */
  async checkCredentials(registry, repository) {
    const res = await this.request(registry, repository, "GET", "/v2/", void 0, "pull,push");
    await res.arrayBuffer().catch(() => void 0);
    if (res.status !== 200) throw new RegistryError(`GET ${_RegistryClient.baseUrl(registry)}/v2/: HTTP ${res.status}: not a registry API, or it refused the request`, res.status);
  }
  static isIndex(mediaType) {
    return INDEX_MEDIA_TYPES.has(mediaType);
  }
  /** Config digests of an image, or of each image an index lists (attestation manifests excluded). */
  async configDigests(registry, repository, reference) {
    const manifest = await this.getManifest(registry, repository, reference);
    if (!manifest) return void 0;
    if (!_RegistryClient.isIndex(manifest.mediaType) && manifest.json.config) return [manifest.json.config.digest];
    const configs = [];
    for (const child of manifest.json.manifests ?? []) {
      if (child.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") continue;
      const image = await this.getManifest(registry, repository, child.digest);
      if (!image?.json.config) return void 0;
      configs.push(image.json.config.digest);
    }
    return configs.sort();
  }
  authHeader(registry, scope) {
    const token = this.tokens.get(`${registry} ${scope}`);
    if (token) return `Bearer ${token}`;
    const c = this.options.credentials;
    if (c && this.basicFor.has(registry)) return `Basic ${basicAuthValue(c)}`;
    return void 0;
  }
  async fetchWithRetry(url, init, what) {
    try {
      return await fetchWithRetry(url, { ...init, redirect: "follow" }, { attempts: this.attempts, backoffMs: this.backoffMs, timeoutMs: this.timeoutMs, what });
    } catch (err) {
      throw new RegistryError(err.message);
    }
  }
  async request(registry, repository, method, pathname, upload, actions) {
    const scope = `repository:${repository}:${actions ?? (method === "PUT" ? "pull,push" : "pull")}`;
    const url = `${_RegistryClient.baseUrl(registry)}${pathname}`;
    const what = `${method} ${url}`;
    const headers = () => {
      const h = upload ? { "Content-Type": upload.contentType } : { Accept: MANIFEST_MEDIA_TYPES.join(", ") };
      const auth = this.authHeader(registry, scope);
      if (auth) h.Authorization = auth;
      return h;
    };
    const init = () => ({ method, headers: headers(), ...upload ? { body: new Uint8Array(upload.body) } : {} });
    let res = await this.fetchWithRetry(url, init(), what);
    if (res.status !== 401) return res;
    const challenge = res.headers.get("www-authenticate");
    await res.arrayBuffer().catch(() => void 0);
    if (!challenge) throw new RegistryError(`${what}: HTTP 401 without an authentication challenge`, 401);
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === "basic") {
      if (!this.options.credentials) throw new RegistryError(`${what}: the registry asks for credentials (Basic) and none were given`, 401);
      this.basicFor.add(registry);
    } else if (scheme === "bearer") {
      await this.fetchToken(registry, params, scope);
    } else {
      throw new RegistryError(`${what}: unsupported authentication scheme '${scheme}'`, 401);
    }
    res = await this.fetchWithRetry(url, init(), what);
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(`${what}: HTTP ${res.status}: the registry refused the ${this.options.credentials ? "given credentials" : "anonymous request"}`, res.status);
    }
    return res;
  }
  async fetchToken(registry, params, scope) {
    const realm = params.realm;
    if (!realm) throw new RegistryError(`${registry}: Bearer challenge without a realm`);
    const realmUrl = new URL(realm);
    if (realmUrl.protocol !== "https:" && !isLoopbackRegistry(realmUrl.host)) {
      throw new RegistryError(`${registry}: refusing to send credentials to a non-HTTPS token realm ${realm}`);
    }
    if (params.service) realmUrl.searchParams.set("service", params.service);
    realmUrl.searchParams.set("scope", params.scope ?? scope);
    const headers = {};
    const c = this.options.credentials;
    if (c) headers.Authorization = `Basic ${basicAuthValue(c)}`;
    const res = await this.fetchWithRetry(realmUrl.toString(), { method: "GET", headers }, `token request to ${realmUrl.origin}${realmUrl.pathname}`);
    if (res.status !== 200) throw new RegistryError(`${registry}: the token service answered HTTP ${res.status}${c ? " to the given credentials" : ""}`, res.status);
    const body = await res.json();
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${registry}: the token service answered without a token`);
    setSecret(token);
    this.tokens.set(`${registry} ${scope}`, token);
  }
};

// src/lib/registry-auth.ts
function writeAuthConfig(registry, credentials, inherit = false) {
  const base = process.env.RUNNER_TEMP || tmpdir2();
  const dir = mkdtempSync2(path2.join(base, "registry-auth-"));
  const file = path2.join(dir, "config.json");
  const auth = basicAuthValue(credentials);
  let config = {};
  if (inherit) {
    const own = process.env.DOCKER_CONFIG || path2.join(homedir(), ".docker");
    try {
      config = JSON.parse(readFileSync(path2.join(own, "config.json"), "utf8"));
    } catch {
      config = {};
    }
    delete config.credsStore;
    if (config.credHelpers) delete config.credHelpers[registry];
    for (const sub of ["buildx", "cli-plugins", "contexts"]) {
      if (existsSync2(path2.join(own, sub))) symlinkSync(path2.join(own, sub), path2.join(dir, sub));
    }
  }
  config.auths = { ...config.auths ?? {}, [registry]: { auth } };
  writeFileSync2(file, `${JSON.stringify(config)}
`, { mode: 384 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync2(dir, { recursive: true, force: true })
  };
}

// src/lib/run-url.ts
function runUrl(env) {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

// src/lib/tools.ts
import { createHash as createHash2 } from "node:crypto";
import { accessSync, chmodSync as chmodSync2, constants, createReadStream, mkdtempSync as mkdtempSync3, rmSync as rmSync3, statSync } from "node:fs";
import { arch, platform, tmpdir as tmpdir3 } from "node:os";
import path3 from "node:path";

// src/lib/tools.json
var tools_default = {
  cosign: {
    version: "v3.0.6",
    platforms: {
      "linux-x64": {
        url: "https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64",
        sha256: "c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74",
        archive: "binary",
        bin: "cosign"
      },
      "linux-arm64": {
        url: "https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-arm64",
        sha256: "bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8",
        archive: "binary",
        bin: "cosign"
      }
    },
    source: "sigstore/cosign-installer action.yml (bootstrap_linux_amd64_sha / bootstrap_linux_arm64_sha for bootstrap_version v3.0.6, generated from cosign_checksums.txt; commit 6f9f177 'Bump cosign to 3.0.6'); identical values in cashapp/hermit-packages cosign.hcl"
  },
  trivy: {
    version: "v0.69.3",
    platforms: {
      "linux-x64": {
        url: "https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-64bit.tar.gz",
        sha256: "1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75",
        archive: "tar.gz",
        bin: "trivy"
      },
      "linux-arm64": {
        url: "https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-ARM64.tar.gz",
        sha256: "7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd",
        archive: "tar.gz",
        bin: "trivy"
      }
    },
    refused: {
      versions: [
        "v0.69.4"
      ],
      module: "github.com/aquasecurity/trivy",
      reason: "a known malicious release (published 2026-03-19 from a compromised release pipeline; it steals CI credentials)"
    },
    source: "cashapp/hermit-packages trivy.hcl sha256sums (added 2026-03-04, commit 488afd78); same values pinned in many independent Dockerfiles/scripts, one noting 'matches trivy_0.69.3_checksums.txt'"
  },
  kubeseal: {
    version: "v0.38.4",
    platforms: {
      "linux-x64": {
        url: "https://github.com/bitnami-labs/sealed-secrets/releases/download/v0.38.4/kubeseal-0.38.4-linux-amd64.tar.gz",
        sha256: "ab5ae808b0efcb167a825b6cf7f3a7c0034bd99a6301d78db2012da651a8c0b9",
        archive: "tar.gz",
        bin: "kubeseal"
      },
      "linux-arm64": {
        url: "https://github.com/bitnami-labs/sealed-secrets/releases/download/v0.38.4/kubeseal-0.38.4-linux-arm64.tar.gz",
        sha256: "bcc40ac15e29a21c270e2be8c62af29d4b01b9111ae667723e4b6d8e4009228b",
        archive: "tar.gz",
        bin: "kubeseal"
      }
    },
    source: "cashapp/hermit-packages kubeseal.hcl sha256sums (sha256-source = sealed-secrets_<ver>_checksums.txt; commit 69cbaf49); amd64 also pinned in several independent Dockerfiles/docs, arm64 quoted from sealed-secrets_0.38.4_checksums.txt in an independent doc"
  },
  kubectl: {
    version: "v1.35.2",
    platforms: {
      "linux-x64": {
        url: "https://dl.k8s.io/release/v1.35.2/bin/linux/amd64/kubectl",
        sha256: "924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277",
        archive: "binary",
        bin: "kubectl"
      },
      "linux-arm64": {
        url: "https://dl.k8s.io/release/v1.35.2/bin/linux/arm64/kubectl",
        sha256: "cd859449f54ad2cb05b491c490c13bb836cdd0886ae013c0aed3dd67ff747467",
        archive: "binary",
        bin: "kubectl"
      }
    },
    source: "cashapp/hermit-packages kubectl.hcl sha256sums (commit 0e4549be); same pair pinned as KUBECTL_SUM_amd64/arm64 for v1.35.2 in several independent Makefiles/Dockerfiles"
  }
};

// src/lib/tools.ts
var pinnedTools = tools_default;
var VERSION_ARGS = {
  cosign: ["version"],
  trivy: ["--version"],
  kubeseal: ["--version"],
  kubectl: ["version", "--client"]
};
function findOnPath(name, searchPath = process.env.PATH ?? "") {
  for (const dir of searchPath.split(path3.delimiter)) {
    if (dir === "") continue;
    const candidate = path3.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}
function parseVersionOutput(text) {
  const m = /v?[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?/.exec(text);
  return m ? m[0] : "unknown";
}
function platformKey() {
  const cpu = arch() === "arm64" ? "arm64" : arch() === "x64" ? "x64" : arch();
  return `${platform()}-${cpu}`;
}
async function sha256File(file) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
var bare = (v) => v.replace(/^v/, "");
function isRefused(version, refused) {
  return refused !== void 0 && refused.versions.some((v) => bare(v) === bare(version));
}
async function embeddedGoVersions(file, module) {
  const quoted = module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const patterns = [new RegExp(`(?:^|
)mod	${quoted}	(v[0-9]+\\.[0-9]+\\.[0-9]+[^	
]*)`, "g"), new RegExp(`-X[= ]${quoted}/[\\w/.-]+\\.ver=v?([0-9]+\\.[0-9]+\\.[0-9]+)`, "g")];
  const found = /* @__PURE__ */ new Set();
  let carry = "";
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = carry + chunk.toString("latin1");
    for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) found.add(m[1]);
    carry = text.slice(-512);
  }
  return [...found];
}
function probeEnv(inherited, home) {
  const env = Object.fromEntries(Object.keys(inherited).map((k) => [k, void 0]));
  env.PATH = inherited.PATH;
  env.HOME = home;
  env.TMPDIR = home;
  return env;
}
async function probeVersion(file, name) {
  const home = mkdtempSync3(path3.join(tmpdir3(), `${name}-probe-`));
  try {
    const out = await execTool(file, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 3e4, env: probeEnv(process.env, home), cwd: home });
    return parseVersionOutput(`${out.stdout}
${out.stderr}`);
  } finally {
    rmSync3(home, { recursive: true, force: true });
  }
}
async function resolveTool(name, wanted, manifest = pinnedTools) {
  const onPath = findOnPath(name);
  const refused = manifest[name]?.refused;
  if (onPath) {
    if (refused) {
      const embedded = (await embeddedGoVersions(onPath, refused.module)).filter((v) => isRefused(v, refused));
      if (embedded.length > 0) throw new Error(`${name} at ${onPath} is ${embedded[0]} by its build info: ${refused.reason}. It was not run. Remove it from PATH or install ${manifest[name]?.version ?? "another release"}`);
    }
    const version2 = await probeVersion(onPath, name);
    if (isRefused(version2, refused)) throw new Error(`${name} ${version2} at ${onPath}: ${refused?.reason}. Its version was read without the job's environment; it is not run with it. Remove it from PATH or install ${manifest[name]?.version ?? "another release"}`);
    info(`Using ${name} ${version2} from PATH (${onPath})`);
    if (wanted && version2 !== "unknown" && version2.replace(/^v/, "") !== wanted.replace(/^v/, "")) {
      warning(`${name} on PATH is ${version2}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version: version2, source: "path" };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
  if (isRefused(version, refused)) throw new Error(`${name} ${version}: ${refused?.reason}. Install ${pin.version}`);
  if (version.replace(/^v/, "") !== pin.version.replace(/^v/, "")) {
    throw new Error(`${name} ${version} is not on PATH and only ${pin.version} is pinned with a checksum; install ${name} ${version} before this step or use ${pin.version}`);
  }
  const key = platformKey();
  const release = pin.platforms[key];
  if (!release) throw new Error(`${name} ${pin.version} has no pinned release for ${key}; install ${name} before this step`);
  const tc = await import("#lazy/tool-cache");
  const cached = tc.find(name, pin.version.replace(/^v/, ""), key);
  if (cached) {
    const bin2 = path3.join(cached, release.bin);
    info(`Using ${name} ${pin.version} from the tool cache (${bin2})`);
    return { path: bin2, version: pin.version, source: "cache" };
  }
  info(`Downloading ${name} ${pin.version} from ${release.url}`);
  const download = await tc.downloadTool(release.url);
  const actual = await sha256File(download);
  if (actual !== release.sha256) {
    throw new Error(`checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${actual}. The download was discarded and not run`);
  }
  let dir;
  if (release.archive === "tar.gz") {
    const extracted = await tc.extractTar(download);
    dir = await tc.cacheDir(extracted, name, pin.version.replace(/^v/, ""), key);
  } else {
    dir = await tc.cacheFile(download, release.bin, name, pin.version.replace(/^v/, ""), key);
  }
  const bin = path3.join(dir, release.bin);
  chmodSync2(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/deploy/src/cancellation.ts
var Cancellation = class {
  reason;
  onSignal = (signal) => {
    if (this.reason) {
      warning(`${signal} again: still rolling back, the undo has been sent`);
      return;
    }
    this.reason = `the run was cancelled (${signal})`;
    warning(`${this.reason}: stopping; whatever this step changed is rolled back`);
  };
  /** From the start of the step; it stays armed through the rollback, which must not be cut short. */
  arm() {
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
  }
  /** Sleeps up to ms, waking early on cancellation. */
  async sleep(ms) {
    const end = Date.now() + ms;
    while (!this.reason && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(100, end - Date.now())));
  }
};

// actions/deploy/src/change-cause.ts
function changeCause(imageRef, env) {
  const parts = [`deploy ${imageRef}`];
  if (env.GITHUB_REPOSITORY) parts.push(`repo ${env.GITHUB_REPOSITORY}`);
  if (env.GITHUB_SHA) parts.push(`commit ${env.GITHUB_SHA}`);
  const run = runUrl(env);
  if (run) parts.push(`run ${run}`);
  return parts.join(", ");
}

// actions/deploy/src/commit-order.ts
var COMMIT = "secure-delivery.dev/commit";
var GITHUB_TIMEOUT_MS = 1e4;
async function compareCommits(apiUrl, repository, live, next, token, timeoutMs = GITHUB_TIMEOUT_MS) {
  if (!token) return { order: "unknown", detail: "no github-token is given" };
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) return { order: "unknown", detail: "GITHUB_REPOSITORY is not set" };
  const url = `${apiUrl.replace(/\/+$/, "")}/repos/${repository}/compare/${encodeURIComponent(live)}...${encodeURIComponent(next)}`;
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" }, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    const text = await res.text();
    if (res.status !== 200) return { order: "unknown", detail: `GitHub answered HTTP ${res.status}` };
    const status = JSON.parse(text).status;
    if (status === "ahead" || status === "identical" || status === "behind" || status === "diverged") return { order: status };
    return { order: "unknown", detail: `GitHub's answer has no known status (${String(status)})` };
  } catch (err) {
    const e = err;
    return { order: "unknown", detail: e.name === "TimeoutError" ? `GitHub did not answer within ${timeoutMs / 1e3}s` : `GitHub could not be reached: ${e.message}` };
  }
}
function liveCommitOf(annotations) {
  const v = annotations?.[COMMIT];
  return v && /^[0-9a-f]{7,64}$/.test(v) ? v : void 0;
}

// actions/deploy/src/rollout-state.ts
var REVISION = "deployment.kubernetes.io/revision";
var TEMPLATE_HASH = "pod-template-hash";
function revisionOf(obj) {
  const v = obj.metadata.annotations?.[REVISION];
  return v !== void 0 && /^[0-9]+$/.test(v) ? Number(v) : void 0;
}
function containersOf(template) {
  return [...template.spec?.containers ?? [], ...template.spec?.initContainers ?? []];
}
function imagesOf(template) {
  return Object.fromEntries(containersOf(template).map((c) => [c.name, c.image]));
}
function rolloutState(d) {
  const s = d.status ?? {};
  const desired = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const ready = s.readyReplicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const total = s.replicas ?? 0;
  const observed = (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
  const progressing = s.conditions?.find((c) => c.type === "Progressing");
  const deadlineExceeded = progressing?.reason === "ProgressDeadlineExceeded";
  const settled = observed && updated === desired && ready >= desired && available >= desired && total === desired;
  return { desired, updated, ready, available, total, observed, deadlineExceeded, complete: settled && !deadlineExceeded, paused: d.spec.paused === true };
}
function replicasSettled(state) {
  return state.observed && state.updated === state.desired && state.ready >= state.desired && state.available >= state.desired && state.total === state.desired;
}
function podReady(pod) {
  const cond = pod.status?.conditions?.find((c) => c.type === "Ready");
  if (cond) return cond.status === "True";
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.length > 0 && statuses.every((c) => c.ready === true);
}
function oldPodsOf(pods, currentHash) {
  const old = pods.filter((p) => p.metadata.labels?.[TEMPLATE_HASH] !== currentHash);
  const terminating = old.filter((p) => p.metadata.deletionTimestamp !== void 0 && p.metadata.deletionTimestamp !== null);
  const live = old.filter((p) => !terminating.includes(p));
  const serving = live.filter(podReady).length;
  return { serving, notReady: live.length - serving, terminating: terminating.length };
}
function describeState(s, old) {
  let oldPart = "";
  if (old) {
    const parts = [
      old.serving > 0 ? `${old.serving} old pod(s) still serving` : "",
      old.notReady > 0 ? `${old.notReady} old pod(s) not ready` : "",
      old.terminating > 0 ? `${old.terminating} old pod(s) terminating` : ""
    ].filter((p) => p !== "");
    oldPart = parts.length > 0 ? `, ${parts.join(", ")}` : "";
  } else if (s.total > s.updated) {
    oldPart = `, ${s.total - s.updated} old pod(s) left`;
  }
  return `${s.updated}/${s.desired} updated, ${s.ready}/${s.desired} ready, ${s.available}/${s.desired} available${oldPart}${s.deadlineExceeded ? ", progress deadline exceeded" : ""}${s.observed ? "" : ", change not yet observed"}`;
}
function ownedBy(deployment, replicaSets) {
  const uid = deployment.metadata.uid;
  return replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === "Deployment" && (uid ? o.uid === uid : o.name === deployment.metadata.name)));
}
function currentReplicaSet(deployment, owned) {
  const rev = revisionOf(deployment);
  return rev === void 0 ? void 0 : owned.find((rs) => revisionOf(rs) === rev);
}
function templateHashOf(rs) {
  return rs.metadata.labels?.[TEMPLATE_HASH] ?? rs.spec.template.metadata?.labels?.[TEMPLATE_HASH];
}
function previousRevision(deployment, owned, skip = []) {
  const current = revisionOf(deployment) ?? Number.MAX_SAFE_INTEGER;
  const older = owned.filter((rs) => !skip.includes(templateHashOf(rs) ?? "")).map(revisionOf).filter((r) => r !== void 0 && r < current);
  return older.length ? Math.max(...older) : void 0;
}
var FAILING_REASONS = ["ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff", "CreateContainerConfigError", "InvalidImageName", "RunContainerError"];
function findPodFailure(pods) {
  for (const pod of [...pods].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const statuses = [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []];
    for (const cs of statuses) {
      const reason = cs.state?.waiting?.reason;
      if (reason && FAILING_REASONS.includes(reason)) {
        return { pod: pod.metadata.name, container: cs.name, reason, message: cs.state?.waiting?.message ?? "" };
      }
    }
  }
  return void 0;
}
function newestPodState(pods) {
  const pod = [...pods].sort((a, b) => (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? "") || b.metadata.name.localeCompare(a.metadata.name))[0];
  if (!pod) return void 0;
  const cs = pod.status?.containerStatuses?.[0];
  const state = cs?.state?.waiting?.reason ?? (cs?.state?.terminated ? `terminated (${cs.state.terminated.reason ?? cs.state.terminated.exitCode})` : cs?.state?.running ? cs.ready ? "running, ready" : "running, not ready" : pod.status?.phase ?? "pending");
  return `newest pod ${pod.metadata.name}: ${state}`;
}

// actions/deploy/src/deploy-plan.ts
function containersToUpdate(d, image, explicit) {
  const containers = containersOf(d.spec.template);
  const names = containers.map((c) => c.name);
  if (explicit) {
    const missing = explicit.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      throw new Error(`input 'container': deployment/${d.metadata.name} has no container ${missing.map((m) => `'${m}'`).join(", ")} (its containers: ${names.join(", ") || "none"})`);
    }
    return explicit;
  }
  const wanted = canonicalRepository(image);
  const matching = containers.filter((c) => {
    const ref = parseReference(c.image);
    return typeof ref !== "string" && canonicalRepository(ref) === wanted;
  });
  if (matching.length === 0) {
    throw new Error(
      `deployment/${d.metadata.name} has no container running ${wanted} (its containers: ${containers.map((c) => `${c.name}=${c.image}`).join(", ") || "none"}); set the container input to choose one`
    );
  }
  return matching.map((c) => c.name);
}
function runsImage(current, image) {
  const ref = current === void 0 ? "no image" : parseReference(current);
  return typeof ref !== "string" && ref.digest !== void 0 && ref.digest === image.digest && canonicalRepository(ref) === canonicalRepository(image);
}

// actions/deploy/src/persist.ts
var POLL_MS = 1e3;
var secondsLeft = (deadline) => `${Math.max(0, Math.round((deadline - Date.now()) / 1e3))}s left`;
async function persist(what, deadline, fn) {
  for (; ; ) {
    try {
      return await fn();
    } catch (err) {
      const message = err.message;
      if (!isTransientKubectlError(message) || Date.now() >= deadline) throw err;
      info(`${what}: the API server is not answering (${message.trim().split("\n").pop()}); trying again, ${secondsLeft(deadline)}`);
      await sleep(POLL_MS);
    }
  }
}
var PERMANENT_READ = /\(Forbidden\)|forbidden:|\(Unauthorized\)|You must be logged in|\(NotFound\)/;
async function persistAny(what, deadline, fn) {
  for (; ; ) {
    try {
      return await fn();
    } catch (err) {
      const message = err.message;
      if (PERMANENT_READ.test(message) || Date.now() >= deadline) throw err;
      info(`${what}: status unknown (${message.trim().split("\n").pop()}); trying again, ${secondsLeft(deadline)}`);
      await sleep(POLL_MS);
    }
  }
}
var Budget = class {
  constructor(ms) {
    this.ms = ms;
    this.deadline = Date.now() + ms;
  }
  ms;
  deadline;
  async outside(fn) {
    const start = Date.now();
    try {
      return await fn();
    } finally {
      this.deadline += Date.now() - start;
    }
  }
};

// actions/deploy/src/run-state.ts
var newRunState = () => ({ result: "failed", tracked: [], notes: [], checks: [] });
var DeployFailure = class extends Error {
  constructor(lines, deployment, commands = []) {
    const list = Array.isArray(lines) ? lines : [lines];
    super([...list, ...commands.length > 0 ? [`Next steps:
  ${commands.join("\n  ")}`] : []].join("\n"));
    this.deployment = deployment;
    this.commands = commands;
    this.lines = list;
  }
  deployment;
  commands;
  lines;
};
var NotApplied = class extends Error {
  constructor(deployment, message) {
    super(message);
    this.deployment = deployment;
  }
  deployment;
};

// actions/deploy/src/change.ts
var Unconfirmed = class extends Error {
  constructor(deployment, message) {
    super(message);
    this.deployment = deployment;
  }
  deployment;
};
var lastLine = (err) => err.message.replace(/^kubectl [\s\S]*? failed \(exit \d+\): /, "").trim().split("\n").pop() ?? "";
async function applyImage(cluster, t, image, imageRef, deadline) {
  for (; ; ) {
    let failed;
    try {
      await cluster.setImage(t.name, Object.fromEntries(t.containers.map((c) => [c, imageRef])));
      return;
    } catch (err) {
      failed = err;
    }
    let d;
    try {
      d = await persistAny(`deployment/${t.name}`, deadline, () => cluster.deployment(t.name));
    } catch (readErr) {
      throw new Unconfirmed(t.name, `kubectl set image reported ${lastLine(failed)}, and the Deployment could not be read until the timeout (${lastLine(readErr)}): status unknown`);
    }
    if (d) {
      t.after = d;
      t.revisionAfter = revisionOf(d);
    }
    if (d && t.containers.every((c) => runsImage(imagesOf(d.spec.template)[c], image))) {
      info(`deployment/${t.name}: kubectl set image reported ${lastLine(failed)}, but the Deployment carries the new image: the change landed`);
      return;
    }
    if (!d || !isTransientKubectlError(failed.message) || Date.now() >= deadline) throw new NotApplied(t.name, failed.message);
    info(`deployment/${t.name}: kubectl set image: transient API error (${lastLine(failed)}) and the change is not there: sending it again`);
    await sleep(POLL_MS);
  }
}
async function changePhase(cluster, toChange, image, imageRef, deadline, cancel) {
  await group("Change", async () => {
    for (const t of toChange) {
      if (cancel.reason) break;
      t.changed = true;
      t.startedAt = Date.now();
      try {
        await applyImage(cluster, t, image, imageRef, deadline);
      } catch (err) {
        if (err instanceof NotApplied) {
          t.changed = false;
          t.result = "failed";
          t.rollbackDetail = "the change was not applied: nothing to roll back";
          t.endedAt = Date.now();
        }
        throw err;
      }
      const records = { "kubernetes.io/change-cause": changeCause(imageRef, process.env) };
      if (process.env.GITHUB_SHA) records[COMMIT] = process.env.GITHUB_SHA;
      await persist(`deployment/${t.name}`, deadline, () => cluster.annotate(t.name, records)).catch((err) => {
        warning(`deployment/${t.name}: could not set kubernetes.io/change-cause (${lastLine(err)}); watching the rollout all the same`);
      });
      info(`deployment/${t.name}: ${t.containers.map((c) => `${c}: ${t.imagesBefore[c]} -> ${imageRef}`).join("; ")}`);
    }
  });
}

// actions/deploy/src/cluster.ts
var Cluster = class _Cluster {
  /**
   * @param requestTimeoutMs kubectl's --request-timeout for every call: a stalled request ends as
   *   a transient error ("status unknown") well before the step's timeout, instead of hanging.
   */
  constructor(target, namespace, requestTimeoutMs2 = 3e4) {
    this.target = target;
    this.namespace = namespace;
    this.requestTimeoutMs = requestTimeoutMs2;
  }
  target;
  namespace;
  requestTimeoutMs;
  get opts() {
    return { requestTimeoutMs: this.requestTimeoutMs };
  }
  ns(args) {
    return ["--namespace", this.namespace, ...args];
  }
  async json(args) {
    const r = await kubectl(this.target, this.ns([...args, "--output", "json"]), this.opts);
    return JSON.parse(r.stdout);
  }
  /** undefined when the Deployment does not exist. */
  async deployment(name) {
    const r = await kubectl(this.target, this.ns(["get", "deployment", name, "--output", "json"]), { allowFailure: true, ...this.opts });
    if (r.exitCode === 0) return JSON.parse(r.stdout);
    if (/NotFound|not found/.test(r.stderr)) return void 0;
    throw new Error(`kubectl get deployment ${name} failed: ${r.stderr.trim()}`);
  }
  async deployments(names) {
    const list = await this.json(["get", "deployment", ...names]);
    const items = "items" in list ? list.items : [list];
    return new Map(items.map((d) => [d.metadata.name, d]));
  }
  static selector(labels) {
    return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  }
  /** The deployment's ReplicaSets (its selector, then owner references). */
  async replicaSets(d) {
    const match = d.spec.selector?.matchLabels ?? {};
    const args = Object.keys(match).length ? ["get", "replicaset", "--selector", _Cluster.selector(match)] : ["get", "replicaset"];
    return ownedBy(d, (await this.json(args)).items);
  }
  /** Pods of one ReplicaSet, by its pod-template-hash; without one, every pod of the deployment's selector. */
  async pods(d, podTemplateHash) {
    const labels = { ...d.spec.selector?.matchLabels ?? {}, ...podTemplateHash ? { [TEMPLATE_HASH]: podTemplateHash } : {} };
    return (await this.json(["get", "pod", "--selector", _Cluster.selector(labels)])).items;
  }
  /** One attempt: after a failure the caller reads the Deployment before deciding (the answer may be all that was lost). */
  async setImage(name, images) {
    await kubectl(this.target, this.ns(["set", "image", `deployment/${name}`, ...Object.entries(images).map(([c, i]) => `${c}=${i}`)]), { ...this.opts, attempts: 1 });
  }
  /** Sets annotations; a null value removes that annotation. */
  async annotate(name, annotations) {
    await kubectl(this.target, this.ns(["annotate", `deployment/${name}`, "--overwrite", ...Object.entries(annotations).map(([k, v]) => v === null ? `${k}-` : `${k}=${v}`)]), this.opts);
  }
  async undo(name, revision) {
    const r = await kubectl(this.target, this.ns(["rollout", "undo", `deployment/${name}`, `--to-revision=${revision}`]), this.opts);
    return r.stdout.trim();
  }
  /** `kubectl auth can-i <verb> <resource>` in the namespace: false only on a clear "no". */
  async canI(verb, resource) {
    const r = await kubectl(this.target, this.ns(["auth", "can-i", verb, resource]), { allowFailure: true, ...this.opts });
    return !(r.exitCode !== 0 && /^no\b/m.test(r.stdout));
  }
  /** The commands a person runs to look and to act, for error messages. */
  hint(args) {
    return `kubectl --namespace ${this.namespace} ${args}`;
  }
};

// actions/deploy/src/health-check.ts
async function waitHealthy(url, deadline, intervalMs = 1e3, cancelled = () => void 0) {
  let detail = "no attempt made: no time left";
  let attempts = 0;
  while (Date.now() < deadline) {
    const reason = cancelled();
    if (reason) return { ok: false, detail: `${reason} (after ${attempts} attempt(s))` };
    attempts++;
    try {
      const res = await httpFetch(url, { signal: AbortSignal.timeout(Math.max(5e3, Math.min(1e4, deadline - Date.now()))), redirect: "manual" });
      await res.arrayBuffer().catch(() => void 0);
      if (res.status >= 200 && res.status < 300) return { ok: true, detail: `HTTP ${res.status} after ${attempts} attempt(s)` };
      detail = `HTTP ${res.status}`;
    } catch (err) {
      detail = err.message;
    }
    info(`Health check ${url}: ${detail}`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  return { ok: false, detail: `${detail} (after ${attempts} attempt(s))` };
}

// actions/deploy/src/live-pods.ts
async function livePods(cluster, d, deadline, isNew) {
  const rs = currentReplicaSet(d, await persist("watch", deadline, () => cluster.replicaSets(d)));
  const hash = rs && (!isNew || isNew(rs)) ? templateHashOf(rs) : void 0;
  if (!hash) return { fresh: [] };
  const pods = await persist("watch", deadline, () => cluster.pods(d));
  return { fresh: pods.filter((p) => p.metadata.labels?.[TEMPLATE_HASH] === hash), old: oldPodsOf(pods, hash) };
}

// actions/deploy/src/known-good.ts
var KNOWN_GOOD = "secure-delivery.dev/known-good";
var FAILED_TEMPLATES = "secure-delivery.dev/failed-templates";
var FAILED_KEPT = 10;
function failedTemplatesOf(deployment) {
  return (deployment.metadata.annotations?.[FAILED_TEMPLATES] ?? "").split(",").filter((h) => h !== "");
}
function mergeFailedTemplates(before, failedNow, good) {
  const merged = [...before.filter((h) => !failedNow.includes(h)), ...failedNow.filter((h, i) => failedNow.indexOf(h) === i)];
  return merged.filter((h) => h !== good).slice(-FAILED_KEPT).join(",");
}
function encodeKnownGood(k, at) {
  return JSON.stringify({ revision: k.revision, podTemplateHash: k.podTemplateHash, images: k.images, recordedAt: at.toISOString() });
}
function decodeKnownGood(value) {
  if (!value) return void 0;
  try {
    const v = JSON.parse(value);
    if (typeof v.podTemplateHash !== "string" || typeof v.revision !== "number" || typeof v.images !== "object" || v.images === null) return void 0;
    return { revision: v.revision, podTemplateHash: v.podTemplateHash, images: v.images };
  } catch {
    return void 0;
  }
}
function knownGoodOf(deployment, owned) {
  const rs = currentReplicaSet(deployment, owned);
  const hash = rs && templateHashOf(rs);
  const revision = rs && revisionOf(rs);
  if (!rs || !hash || revision === void 0) return void 0;
  return { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template) };
}
function decideTarget(deployment, owned) {
  const name = `deployment/${deployment.metadata.name}`;
  if (rolloutState(deployment).complete) {
    const current2 = knownGoodOf(deployment, owned);
    if (current2) return { target: { ...current2, source: "current" }, reason: `${name} is healthy: a failed rollout goes back to its current revision ${current2.revision}` };
  }
  const recorded = decodeKnownGood(deployment.metadata.annotations?.[KNOWN_GOOD]);
  if (!recorded) {
    return { reason: `${name} is not healthy and has no known-good revision recorded by this action: there will be NO automatic rollback` };
  }
  if (failedTemplatesOf(deployment).includes(recorded.podTemplateHash)) {
    return { reason: `${name} is not healthy and its last known-good template (${recorded.podTemplateHash}) has failed since: there will be NO automatic rollback` };
  }
  const current = currentReplicaSet(deployment, owned);
  if (current && templateHashOf(current) === recorded.podTemplateHash) {
    return { reason: `${name} is not healthy on its last known-good template (${recorded.podTemplateHash}) itself: nothing to go back to, there will be NO automatic rollback` };
  }
  const rs = owned.find((r) => templateHashOf(r) === recorded.podTemplateHash);
  const revision = rs && revisionOf(rs);
  if (!rs || revision === void 0) {
    return { reason: `${name} is not healthy and its last known-good template (${recorded.podTemplateHash}) is no longer in its history: there will be NO automatic rollback` };
  }
  return {
    target: { revision, podTemplateHash: recorded.podTemplateHash, images: imagesOf(rs.spec.template), source: "recorded" },
    reason: `${name} is not healthy: a failed rollout goes back to revision ${revision}, the last one this action saw complete`
  };
}

// actions/deploy/src/records.ts
var podFailureText = (f) => `pod ${f.pod} container ${f.container} is in ${f.reason}${f.message ? `: ${f.message}` : ""}`;
async function writeRecords(cluster, t, failedNow, currentIsGood) {
  try {
    const d = await cluster.deployment(t.name);
    if (!d) return;
    const annotations = {};
    const now = d.metadata.annotations ?? {};
    let good;
    if (currentIsGood) {
      const current = knownGoodOf(d, await cluster.replicaSets(d));
      if (current) {
        annotations[KNOWN_GOOD] = encodeKnownGood(current, /* @__PURE__ */ new Date());
        good = current.podTemplateHash;
      }
    } else {
      const failedAll = /* @__PURE__ */ new Set([...failedTemplatesOf(t.before), ...failedNow]);
      const before = t.before.metadata.annotations?.[KNOWN_GOOD];
      const beforeGood = before === void 0 ? void 0 : decodeKnownGood(before);
      const keep = beforeGood && !failedAll.has(beforeGood.podTemplateHash) ? before : void 0;
      if (keep !== void 0) {
        if (now[KNOWN_GOOD] !== keep) annotations[KNOWN_GOOD] = keep;
      } else if (now[KNOWN_GOOD] !== void 0) annotations[KNOWN_GOOD] = null;
    }
    const failed = mergeFailedTemplates(failedTemplatesOf(t.before), failedNow, good);
    if (failed !== (now[FAILED_TEMPLATES] ?? "")) annotations[FAILED_TEMPLATES] = failed;
    if (Object.keys(annotations).length > 0) await cluster.annotate(t.name, annotations);
  } catch (err) {
    warning(`could not record the known-good and failed revisions of deployment/${t.name} (the next run may pick another rollback target): ${err.message}`);
  }
}
async function failedTemplate(cluster, t, image) {
  try {
    const d = await cluster.deployment(t.name);
    const rs = d && currentReplicaSet(d, await cluster.replicaSets(d));
    const hash = rs && templateHashOf(rs);
    return rs && hash && t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)) ? hash : void 0;
  } catch (err) {
    warning(`could not read the failed pod template of deployment/${t.name}: ${err.message}`);
    return void 0;
  }
}
var imageList = (images) => Object.entries(images).map(([c, i]) => `${c}=${i}`).join(", ");

// actions/deploy/src/rollback.ts
function revisionWords(item, live) {
  const asked = item.revision ?? item.target.revision;
  return live !== void 0 && live !== asked && !item.restoredImages ? `revision ${asked} (now revision ${live})` : `revision ${live ?? asked}`;
}
function onTarget(d, target) {
  const images = imagesOf(d.spec.template);
  return Object.entries(target.images).every(([c, i]) => images[c] === i);
}
async function targetNow(cluster, d, target) {
  const rs = (await cluster.replicaSets(d)).find((r) => templateHashOf(r) === target.podTemplateHash);
  const revision = rs && revisionOf(rs);
  return revision === void 0 ? { gone: true } : { revision, gone: false };
}
async function returnCommand(cluster, name, target) {
  if (!target) return cluster.hint(`rollout undo deployment/${name} --to-revision=<a revision that worked>`);
  try {
    const d = await cluster.deployment(name);
    if (d) {
      const now = await targetNow(cluster, d, target);
      if (!now.gone) return cluster.hint(`rollout undo deployment/${name} --to-revision=${now.revision}`);
    }
    return cluster.hint(`set image deployment/${name} ${Object.entries(target.images).map(([c, i]) => `${c}=${i}`).join(" ")}`);
  } catch {
    return cluster.hint(`rollout undo deployment/${name} --to-revision=<the revision with ${imageList(target.images)}>`);
  }
}
async function sendRollback(cluster, item) {
  const { t, target } = item;
  const before = await cluster.deployment(t.name);
  if (!before) throw new Error(`deployment/${t.name} disappeared`);
  if (onTarget(before, target)) {
    item.revision = revisionOf(before);
    info(`deployment/${t.name}: already back on the pod template of ${imageList(target.images)} (revision ${item.revision})`);
    return;
  }
  const now = await targetNow(cluster, before, target);
  if (now.gone) {
    item.restoredImages = true;
    info(`deployment/${t.name}: the ReplicaSet of ${imageList(target.images)} is gone (revisionHistoryLimit ${before.spec.revisionHistoryLimit ?? "default"}): restoring the images with set image`);
    await cluster.setImage(t.name, target.images);
    return;
  }
  item.revision = now.revision;
  info(`deployment/${t.name}: rolling back to revision ${item.revision} (${imageList(target.images)})`);
  info(await cluster.undo(t.name, item.revision));
}
async function rollBackAll(cluster, items, deadline, failFast) {
  const waiting = [];
  for (const item of items) {
    const { t } = item;
    try {
      await persistAny(`rollback of deployment/${t.name}`, deadline, () => sendRollback(cluster, item));
      waiting.push(item);
    } catch (err) {
      const d = await cluster.deployment(t.name).catch(() => void 0);
      if (d && onTarget(d, item.target)) {
        item.revision = revisionOf(d);
        waiting.push(item);
        continue;
      }
      t.result = "failed";
      t.after = d ?? t.after;
      t.revisionAfter = d ? revisionOf(d) : t.revisionAfter;
      t.rollbackDetail = `rollback failed: ${err.message}`;
      t.endedAt = Date.now();
      item.outcome = "undo-failed";
    }
  }
  const last = /* @__PURE__ */ new Map();
  while (waiting.length > 0) {
    for (const item of [...waiting]) {
      const { t, target } = item;
      const d = await cluster.deployment(t.name).catch(() => void 0);
      if (!d) continue;
      const st = rolloutState(d);
      const imagesBack = onTarget(d, target);
      t.after = d;
      t.revisionAfter = revisionOf(d);
      if (imagesBack && replicasSettled(st)) {
        t.result = "rolled-back";
        t.rollbackDetail = `back on revision ${t.revisionAfter} (${imageList(target.images)}${item.restoredImages ? ", images restored with set image" : ""}), ${describeState({ ...st, deadlineExceeded: false })}`;
        t.endedAt = Date.now();
        item.outcome = "done";
        waiting.splice(waiting.indexOf(item), 1);
        continue;
      }
      const pods = !(failFast && imagesBack && st.observed) ? [] : item.restoredImages ? (await livePods(cluster, d, 0).catch(() => ({ fresh: [] }))).fresh : await cluster.pods(d, target.podTemplateHash).catch(() => []);
      const failure = findPodFailure(pods);
      if (failure) {
        t.result = "failed";
        t.rollbackDetail = `${revisionWords(item, t.revisionAfter)} (${imageList(target.images)}) does not come up: ${podFailureText(failure)}`;
        t.endedAt = Date.now();
        item.outcome = "broken";
        error(`deployment/${t.name}: ${t.rollbackDetail}`);
        waiting.splice(waiting.indexOf(item), 1);
        continue;
      }
      last.set(t.name, `${describeState(st)}${imagesBack ? "" : "; images not yet back"}`);
    }
    if (waiting.length === 0) break;
    if (Date.now() >= deadline) {
      for (const item of waiting) {
        item.t.result = "failed";
        item.t.rollbackDetail = `rollback to ${revisionWords(item, item.t.revisionAfter)} did not complete in time: ${last.get(item.t.name) ?? "no status"}`;
        item.t.endedAt = Date.now();
        item.outcome = "timed-out";
      }
      break;
    }
    await sleep(POLL_MS);
  }
}
async function servingNow(cluster, tracked) {
  const lines = [];
  for (const t of tracked) {
    const d = await cluster.deployment(t.name).catch(() => void 0);
    if (!d) {
      lines.push(`deployment/${t.name}: could not be read`);
      continue;
    }
    t.after = d;
    t.revisionAfter = revisionOf(d);
    const st = rolloutState(d);
    lines.push(`deployment/${t.name}: revision ${t.revisionAfter ?? "?"} (${imageList(imagesOf(d.spec.template))}), ${st.ready}/${st.desired} ready, ${st.available}/${st.desired} available`);
  }
  return lines;
}

// actions/deploy/src/watch.ts
function foreignChange(t, d, image) {
  const images = imagesOf(d.spec.template);
  const other = t.containers.filter((c) => !runsImage(images[c], image));
  if (other.length === 0) return void 0;
  return `deployment/${t.name} was changed by someone else during the rollout: it now runs ${other.map((c) => `${c}=${images[c] ?? "no such container"}`).join(", ")}, not this step's image`;
}
async function watchPhase(cluster, tracked, image, deadline, failFast, timeoutMs, cancel) {
  const pending = new Map(tracked.filter((t) => t.changed).map((t) => [t.name, t]));
  const lastLine2 = /* @__PURE__ */ new Map();
  return group(`Watch the rollout of ${[...pending.keys()].map((n) => `deployment/${n}`).join(", ")}`, async () => {
    try {
      while (pending.size > 0) {
        if (cancel.reason) return { kind: "failed", deployment: [...pending.keys()][0], what: `${cancel.reason} while ${[...pending.keys()].map((n) => `deployment/${n}`).join(", ")} rolled out` };
        const current = await persistAny("watch", deadline, () => cluster.deployments([...pending.keys()]));
        for (const [name, t] of pending) {
          const d = current.get(name);
          if (!d) return { kind: "failed", deployment: name, what: `deployment/${name} disappeared during the rollout` };
          const foreign = foreignChange(t, d, image);
          if (foreign) {
            t.after = d;
            t.revisionAfter = revisionOf(d);
            return { kind: "foreign", deployment: name, what: foreign };
          }
          const st = rolloutState(d);
          if (st.complete) {
            t.revisionAfter = revisionOf(d);
            t.after = d;
            info(`deployment/${name}: rollout complete, revision ${t.revisionAfter} (${describeState(st)}; ${imageList(imagesOf(d.spec.template))})`);
            pending.delete(name);
            continue;
          }
          if (st.observed && st.deadlineExceeded) {
            const cond = d.status?.conditions?.find((c) => c.type === "Progressing");
            return { kind: "failed", deployment: name, what: `deployment/${name} exceeded its progress deadline: ${cond?.message ?? "ProgressDeadlineExceeded"}` };
          }
          let podLine = "";
          let old;
          if (st.observed) {
            const live = await livePods(cluster, d, deadline, (rs) => t.containers.every((c) => runsImage(imagesOf(rs.spec.template)[c], image)));
            const failure = failFast ? findPodFailure(live.fresh) : void 0;
            if (failure) return { kind: "failed", deployment: name, what: `deployment/${name}: ${podFailureText(failure)}` };
            podLine = newestPodState(live.fresh) ?? "";
            old = live.old;
          }
          const line = `deployment/${name}: ${describeState(st, old)}${podLine ? `; ${podLine}` : ""}`;
          if (lastLine2.get(name) !== line) {
            info(`${line} (${secondsLeft(deadline)})`);
            lastLine2.set(name, line);
          }
        }
        if (pending.size === 0) break;
        if (Date.now() >= deadline) {
          const names = [...pending.keys()].map((n) => `deployment/${n} (${lastLine2.get(n) ?? "no status yet"})`);
          return { kind: "failed", deployment: [...pending.keys()][0], what: `timed out after ${Math.round(timeoutMs / 1e3)}s waiting for ${names.join(", ")}` };
        }
        await cancel.sleep(1e3);
      }
      return { kind: "complete" };
    } catch (err) {
      if (cancel.reason) return { kind: "failed", deployment: [...pending.keys()][0], what: `${cancel.reason} while the rollout's status could not be read` };
      return { kind: "unknown", what: err.message.trim().split("\n").pop() ?? "" };
    }
  });
}
async function confirmAfterOutage(cluster, toChange, image, deadline) {
  const states = [];
  let complete = true;
  for (const t of toChange.filter((x) => x.changed)) {
    const d = await persistAny(`deployment/${t.name}`, deadline, () => cluster.deployment(t.name)).catch(() => void 0);
    if (!d) return { complete: false, state: states.join("; ") || void 0 };
    const st = rolloutState(d);
    t.after = d;
    t.revisionAfter = revisionOf(d);
    const foreign = foreignChange(t, d, image);
    if (foreign) return { complete: false, foreign: t, state: foreign };
    states.push(`deployment/${t.name} on the new image, ${describeState(st)}`);
    if (!st.complete) complete = false;
  }
  info(states.join("\n"));
  return { complete, state: states.join("; ") };
}

// actions/deploy/src/decide.ts
async function decideRollout(ctx) {
  const { cluster, inputs, toChange, image, changeError, watched, cancel, notes } = ctx;
  const verdict = { broken: [], foreign: [] };
  if (changeError instanceof NotApplied) {
    verdict.notApplied = changeError;
    verdict.failure = `the change was not applied to deployment/${changeError.deployment}: ${changeError.message}`;
    return verdict;
  }
  if (changeError instanceof Unconfirmed) {
    verdict.failure = `the change to deployment/${changeError.deployment} could not be confirmed: ${changeError.message}`;
    return verdict;
  }
  if (changeError !== void 0) {
    verdict.failure = `the change itself failed: ${changeError.message}`;
    return verdict;
  }
  if (cancel.reason && watched === void 0) {
    verdict.failure = `${cancel.reason} before the rollout was confirmed`;
    return verdict;
  }
  let outcome = watched;
  if (outcome.kind === "unknown") {
    const seen = await group("The rollout status was unknown until the timeout: reading it once the API server answers", () => confirmAfterOutage(cluster, toChange, image, Date.now() + inputs.timeoutMs));
    if (seen.foreign) outcome = { kind: "foreign", deployment: seen.foreign.name, what: seen.state ?? "" };
    else if (seen.complete) {
      notes.push(`The API server stopped answering during the watch (${outcome.what}); once it answered, the rollout was complete: ${seen.state}`);
      outcome = { kind: "complete" };
    } else {
      verdict.failure = `the rollout could not be confirmed within the timeout: its status was unknown (${outcome.what})${seen.state ? `; once it could be read: ${seen.state}` : ""}`;
      return verdict;
    }
  }
  if (outcome.kind === "foreign") {
    verdict.failure = outcome.what;
    verdict.foreign = toChange.filter((t) => t.name === outcome.deployment);
    return verdict;
  }
  if (outcome.kind === "failed") {
    verdict.failure = outcome.what;
    verdict.broken = toChange.filter((t) => t.name === outcome.deployment);
    return verdict;
  }
  for (const t of toChange) {
    if (t.after && rolloutState(t.after).desired === 0) {
      t.unverified = true;
      const line = `deployment/${t.name} has replicas: 0: no pod ran the new image, so nothing about it could be verified. Deployed, but the known-good record is kept as it was`;
      warning(line);
      notes.push(line);
    }
  }
  if (inputs.healthCheckUrl) {
    const health = await group(`Health check ${inputs.healthCheckUrl}`, () => waitHealthy(inputs.healthCheckUrl, Math.max(ctx.deadline, Date.now() + 1e3), 1e3, () => cancel.reason));
    if (!health.ok) {
      verdict.failure = `the rollout completed but ${inputs.healthCheckUrl} did not answer 2xx: ${health.detail}`;
      verdict.broken = toChange;
      return verdict;
    }
    notes.push(`Health check: ${inputs.healthCheckUrl} answered ${health.detail}`);
  }
  if (cancel.reason) verdict.failure = `${cancel.reason} before the rollout was confirmed`;
  return verdict;
}
function rollbackDecision(tracked, inputs, verdict) {
  const changed = tracked.filter((t) => t.changed);
  const rollable = inputs.rollbackOnFailure ? changed.filter((t) => t.target && !verdict.foreign.includes(t)) : [];
  const stuck = changed.filter((t) => !rollable.includes(t));
  for (const t of stuck) {
    t.result = "failed";
    t.rollbackDetail = verdict.foreign.includes(t) ? "changed by someone else: not rolled back over their change" : inputs.rollbackOnFailure ? "no known-good revision: not rolled back" : "rollback-on-failure is false: not rolled back";
    t.endedAt = Date.now();
  }
  return { changed, rollable, stuck };
}
async function nextSteps(cluster, tracked) {
  const lines = [];
  for (const t of tracked.filter((x) => x.changed && x.result !== "rolled-back")) {
    lines.push(
      cluster.hint(`rollout history deployment/${t.name}`),
      cluster.hint(`get pods --selector ${Object.entries(t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",")}`),
      await returnCommand(cluster, t.name, t.target && !t.targetFailed ? t.target : void 0),
      cluster.hint(`rollout status deployment/${t.name}`)
    );
  }
  return lines;
}
function failedOutcome(failure, tracked, changed, rollable, verdict, inputs, commands, serving) {
  const states = changed.map((t) => `deployment/${t.name}: ${t.rollbackDetail ?? t.result}`).join("; ");
  const untouched = tracked.filter((t) => !t.changed && !t.unchanged).map((t) => `deployment/${t.name} is still on revision ${t.revisionAfter ?? t.revisionBefore ?? "?"} (${t.containers.map((c) => `${c}=${t.imagesBefore[c] ?? "?"}`).join(", ")})`);
  if (changed.length === 0) {
    return { result: "failed", status: `Not applied: ${failure}`, error: new DeployFailure([failure, `Nothing was changed${untouched.length > 0 ? `: ${untouched.join("; ")}` : ""}. No rollback was needed.`]) };
  }
  if (changed.every((t) => t.result === "rolled-back")) {
    if (verdict.notApplied) {
      return { result: "failed", status: `Not applied: ${failure}`, error: new DeployFailure([failure, `Not changed: ${untouched.join("; ")}.`, `Rolled back what had already been changed before it: ${states}`]) };
    }
    return { result: "rolled-back", status: `Rolled back: ${failure}`, error: new DeployFailure([failure, `Rolled back: ${states}`]) };
  }
  if (rollable.length === 0) {
    const why = verdict.foreign.length > 0 && verdict.foreign.length === changed.length ? "the change is someone else's now" : inputs.rollbackOnFailure ? "no known-good revision" : "rollback-on-failure is false";
    return {
      result: "failed",
      status: `Failed, not rolled back: ${failure}`,
      error: new DeployFailure([failure, `No automatic rollback (${why}): the changed deployments are left as they are now: ${states}`, ...serving.map((s) => `Serving now: ${s}`)], void 0, commands)
    };
  }
  const header = rollable.some((t) => t.result !== "rolled-back") ? "ROLLBACK FAILED." : "NOT FULLY ROLLED BACK: some deployments were not rolled back.";
  return {
    result: "failed",
    status: `${header} ${failure}`,
    error: new DeployFailure([`${header} ${failure}`, `State now: ${states}`, ...serving.map((s) => `Serving now: ${s}`), "The cluster needs a person."], void 0, commands)
  };
}

// actions/deploy/src/github-deployment.ts
function describeFailure(err) {
  const e = err;
  if (e.name === "TimeoutError" || e.cause?.name === "TimeoutError" || /aborted due to timeout/i.test(e.message)) return `GitHub did not answer within ${GITHUB_TIMEOUT_MS / 1e3}s`;
  return e.message;
}
var GitHubDeployment = class _GitHubDeployment {
  constructor(octokit, id, environmentUrl, logUrl) {
    this.octokit = octokit;
    this.id = id;
    this.environmentUrl = environmentUrl;
    this.logUrl = logUrl;
  }
  octokit;
  id;
  environmentUrl;
  logUrl;
  static async client(token) {
    const github = await import("#lazy/github");
    const timedFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS) });
    return github.getOctokit(token, { baseUrl: process.env.GITHUB_API_URL || "https://api.github.com", request: { fetch: timedFetch, retries: 0 } });
  }
  static repo() {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set");
    return { owner, repo };
  }
  static async create(token, environment, environmentUrl, logUrl, description, payload) {
    try {
      const octokit = await _GitHubDeployment.client(token);
      const res = await octokit.rest.repos.createDeployment({
        ..._GitHubDeployment.repo(),
        ref: process.env.GITHUB_SHA ?? process.env.GITHUB_REF ?? "HEAD",
        environment,
        description: description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        payload: JSON.stringify(payload)
      });
      if (!("id" in res.data)) throw new Error(`GitHub did not create the deployment: ${JSON.stringify(res.data)}`);
      const d = new _GitHubDeployment(octokit, res.data.id, environmentUrl, logUrl);
      info(`GitHub deployment ${res.data.id} created for environment ${environment}`);
      await d.status("in_progress", "Rolling out");
      return d;
    } catch (err) {
      warning(`Could not create the GitHub deployment for ${environment}: ${describeFailure(err)}`);
      return void 0;
    }
  }
  async status(state, description) {
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        ..._GitHubDeployment.repo(),
        deployment_id: this.id,
        state,
        description: description.slice(0, 140),
        ...this.environmentUrl ? { environment_url: this.environmentUrl } : {},
        ...this.logUrl ? { log_url: this.logUrl } : {},
        auto_inactive: state === "success"
      });
    } catch (err) {
      warning(`Could not set the GitHub deployment status to ${state}: ${describeFailure(err)}`);
    }
  }
};

// actions/deploy/src/outputs.ts
function perContainer(tracked, value, listed = tracked.length) {
  const rows = tracked.flatMap((t) => t.containers.map((c) => ({ key: `${t.name}/${c}`, value: value(t, c) })));
  if (rows.length === 0 || rows.every((r) => r.value === void 0)) return void 0;
  if (rows.length === 1 && listed <= 1) return rows[0]?.value;
  return rows.map((r) => `${r.key}=${r.value ?? ""}`).join("\n");
}
function setOutputs(result, tracked, inputs) {
  setOutput("result", result);
  const listed = inputs.deployments.length;
  const outputs = {
    revision: perContainer(tracked, (t) => (t.revisionAfter ?? t.revisionBefore)?.toString(), listed),
    "previous-revision": perContainer(tracked, (t) => t.revisionBefore?.toString(), listed),
    "previous-image": perContainer(tracked, (t, c) => t.imagesBefore[c], listed)
  };
  for (const [name, value] of Object.entries(outputs)) if (value !== void 0) setOutput(name, value);
}

// actions/deploy/src/plan.ts
var RBAC_NEEDED = "deployments: get, list, watch, patch; replicasets: get, list; pods: list";
async function settleBeforeChange(cluster, name, deadline, failFast, cancel) {
  let logged = "";
  for (; ; ) {
    const d = await persist(`deployment/${name}`, deadline, () => cluster.deployment(name));
    if (d && cancel.reason) throw new DeployFailure(`${cancel.reason} while waiting for an earlier rollout of deployment/${name}. Nothing was changed`, d);
    if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${cluster.namespace}`);
    if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to change it. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}) or leave it to whoever paused it. Nothing was changed`, d);
    const st = rolloutState(d);
    if (st.complete || st.observed && st.deadlineExceeded) return d;
    const live = st.observed ? await livePods(cluster, d, 0).catch(() => void 0) : void 0;
    const failing = failFast ? findPodFailure(live?.fresh ?? []) : void 0;
    if (failing) {
      warning(`deployment/${name}: its current rollout is failing (${podFailureText(failing)}): treated as failed, not waited for`);
      return d;
    }
    const state = describeState(st, live?.old);
    if (Date.now() >= deadline) {
      throw new DeployFailure(`deployment/${name} is still rolling out an earlier change (${state}) after waiting the whole timeout: refusing to start another. Nothing was changed`, d);
    }
    const line = `deployment/${name} has a rollout in progress (${state}); waiting, ${secondsLeft(deadline)}`;
    if (line.replace(/\d+s left/, "") !== logged) info(line);
    logged = line.replace(/\d+s left/, "");
    await cancel.sleep(POLL_MS);
  }
}
function reportedContainers(d, image, explicit) {
  if (image) {
    try {
      return containersToUpdate(d, image, explicit);
    } catch {
    }
  }
  const names = containersOf(d.spec.template).map((c) => c.name);
  const named = explicit?.filter((c) => names.includes(c)) ?? [];
  return named.length > 0 ? named : names;
}
function notChanged(d, containers, result = "failed") {
  const revision = revisionOf(d);
  return {
    name: d.metadata.name,
    before: d,
    after: d,
    containers,
    imagesBefore: imagesOf(d.spec.template),
    revisionBefore: revision,
    revisionAfter: revision,
    targetReason: `deployment/${d.metadata.name}: not changed by this step, so no rollback target`,
    changed: false,
    unchanged: false,
    result,
    startedAt: Date.now(),
    endedAt: Date.now()
  };
}
async function checkPermissions(cluster, d, deadline) {
  const refuse = (what) => {
    throw new DeployFailure(`the credentials may not ${what} in namespace ${cluster.namespace}: deploy watches the new pods and rolls back through them, so it needs ${RBAC_NEEDED} (README, Permissions). Nothing was changed`, d);
  };
  try {
    await persist(`pods of deployment/${d.metadata.name}`, deadline, () => cluster.pods(d));
  } catch (err) {
    if (/forbidden/i.test(err.message)) refuse("list pods");
    throw err;
  }
  if (!await cluster.canI("patch", "deployments.apps").catch(() => true)) refuse("patch deployments");
}
async function checkCommitOrder(inputs, toChange, budget, notes) {
  const next = process.env.GITHUB_SHA;
  if (!next) return;
  const live = [...new Set(toChange.map((t) => liveCommitOf(t.before.metadata.annotations)).filter((c) => c !== void 0 && c !== next))];
  for (const commit of live) {
    const names = toChange.filter((t) => liveCommitOf(t.before.metadata.annotations) === commit).map((t) => `deployment/${t.name}`).join(", ");
    const answer = await budget.outside(() => compareCommits(process.env.GITHUB_API_URL || "https://api.github.com", process.env.GITHUB_REPOSITORY ?? "", commit, next, inputs.githubToken));
    if (answer.order === "unknown") {
      const line = `The commit order could not be checked (${answer.detail}): ${names} runs commit ${commit}, this step deploys ${next}; deploying without knowing which is newer`;
      warning(line);
      notes.push(line);
      continue;
    }
    if (answer.order === "behind" || answer.order === "diverged") {
      const what = answer.order === "behind" ? "an older commit than" : "a commit that has diverged from";
      if (inputs.allowOlderCommit) {
        const line = `${names} runs commit ${commit}; this step deploys ${what} it (${next}), as allow-older-commit: true permits`;
        warning(line);
        notes.push(line);
        continue;
      }
      throw new DeployFailure([
        `Refused: this step deploys ${what} the one live. ${names} runs commit ${commit}; this step's commit is ${next} (GitHub compare: ${answer.order}).`,
        "A later pipeline has probably deployed already. Nothing was changed. To deploy it anyway (a deliberate rollback of code), set allow-older-commit: true"
      ]);
    }
    info(`Commit order: ${next} is ${answer.order === "identical" ? "the same as" : "newer than"} ${commit}, which ${names} runs`);
  }
}
async function planPhase(cluster, inputs, image, budget, cancel, state) {
  const imageRef = formatReference(image);
  const tracked = state.tracked;
  await group("Check the deployments before any change", async () => {
    for (const name of inputs.deployments) {
      let d;
      try {
        d = await settleBeforeChange(cluster, name, budget.deadline, inputs.failFast, cancel);
        const containers = containersToUpdate(d, image, inputs.containers);
        const before = d;
        const owned = await persist(`deployment/${name}`, budget.deadline, () => cluster.replicaSets(before));
        const decision = decideTarget(d, owned);
        const st = rolloutState(d);
        const rolloutCompleted = d.status?.conditions?.some((c) => c.type === "Progressing" && c.reason === "NewReplicaSetAvailable") ?? false;
        const currentRs = st.complete || rolloutCompleted ? void 0 : currentReplicaSet(d, owned);
        const failingBefore = currentRs && templateHashOf(currentRs);
        const imagesBefore = imagesOf(d.spec.template);
        const same = containers.every((c) => runsImage(imagesBefore[c], image));
        if (same && !st.complete) {
          throw new DeployFailure(`deployment/${name} already runs ${imageRef} but is not healthy (${describeState(st)}): deploying the same image again would not help. Nothing was changed`);
        }
        if (!same) await checkPermissions(cluster, d, budget.deadline);
        if (decision.target) info(decision.reason);
        else warning(decision.reason);
        let targetReason = decision.reason;
        if (!same && decision.target && d.spec.revisionHistoryLimit === 0) {
          const line = `deployment/${name} has revisionHistoryLimit: 0, so its old ReplicaSet is deleted once the new rollout completes: a rollback restores ${imageList(decision.target.images)} with kubectl set image, not rollout undo`;
          warning(line);
          targetReason = `${decision.reason}; ${line.replace(`deployment/${name} has `, "")}`;
        }
        tracked.push({ name, before: d, containers, imagesBefore, revisionBefore: revisionOf(d), target: decision.target, targetReason, failingBefore, changed: false, unchanged: same, startedAt: Date.now() });
      } catch (err) {
        const seen = d ?? (err instanceof DeployFailure ? err.deployment : void 0);
        if (seen) tracked.push(notChanged(seen, reportedContainers(seen, image, inputs.containers)));
        if (err instanceof DeployFailure) throw err;
        throw new DeployFailure(`${err.message}. Nothing was changed`);
      }
    }
  });
  const toChange = tracked.filter((t) => !t.unchanged);
  if (toChange.length > 0) await checkCommitOrder(inputs, toChange, budget, state.notes);
  if (cancel.reason) throw new DeployFailure(`${cancel.reason} before any change. Nothing was changed`);
  for (const t of tracked.filter((x) => x.unchanged)) {
    t.result = "unchanged";
    t.after = t.before;
    t.revisionAfter = t.revisionBefore;
    t.endedAt = Date.now();
    info(`deployment/${t.name} already runs ${imageRef} and is healthy: unchanged`);
  }
  return toChange;
}

// actions/deploy/src/report.ts
var VERDICT = {
  deployed: "\u2705 Deployed",
  unchanged: "\u2705 Unchanged: already running this image",
  "rolled-back": "\u21A9\uFE0F Rolled back",
  failed: "\u274C Failed"
};
function seconds(t) {
  return t.endedAt ? `${((t.endedAt - t.startedAt) / 1e3).toFixed(1)}s` : "\u2014";
}
function escapeText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function shortImage(ref) {
  return ref.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}\b/, "@sha256:$1\u2026");
}
function errorParts(error2) {
  if (error2 instanceof DeployFailure) return { lines: error2.lines.flatMap((l) => l.split("\n")), commands: error2.commands };
  const message = error2 instanceof Error ? error2.message : String(error2);
  return { lines: message.split("\n").filter((l) => l.trim() !== ""), commands: [] };
}
var fence = (lines) => ["```sh", ...lines, "```"].join("\n");
function deploySummary(inputs, result, tracked, notes, checks, error2) {
  const title = `### ${VERDICT[result]} \u2014 ${inputs.mode === "rollback" ? "rollback of " : ""}${inputs.deployments.map((d) => `deployment/${d}`).join(", ")} in ${code(inputs.namespace)}`;
  const sections = [title];
  if (error2 !== void 0) {
    const { lines, commands } = errorParts(error2);
    sections.push(...lines.map((l) => escapeText(l.trim())));
    if (commands.length > 0) sections.push("**Next steps**", fence(commands));
  }
  if (tracked.length > 0) {
    const rows = tracked.flatMap((t) => {
      const after = t.after ? imagesOf(t.after.spec.template) : {};
      return t.containers.map((c) => [
        `deployment/${t.name}`,
        c,
        t.result ?? (t.changed ? "failed" : "not changed"),
        `${t.revisionBefore ?? "\u2014"} \u2192 ${t.revisionAfter ?? "\u2014"}`,
        code(shortImage(t.imagesBefore[c] ?? "\u2014")),
        after[c] ? code(shortImage(after[c])) : "\u2014",
        seconds(t)
      ]);
    });
    sections.push(markdownTable(["Deployment", "Container", "Result", "Revision", "Before", "After", "Time"], rows));
  }
  if (checks.length > 0) sections.push(markdownTable(["Check", "Result", "Detail"], checks.map((c) => [c.check, c.result, escapeText(c.detail)])));
  if (tracked.length > 0) {
    const targets = tracked.map((t) => `- ${escapeText(`${t.targetReason}${t.rollbackDetail ? `; rollback: ${t.rollbackDetail}` : ""}`)}`);
    sections.push(`${inputs.mode === "rollback" ? "Targets" : "Rollback target, fixed before the change"}:

${targets.join("\n")}`);
  }
  if (notes.length > 0) sections.push(notes.map((n) => `- ${n.startsWith("Image: `") ? n : escapeText(n)}`).join("\n"));
  return sections;
}

// actions/deploy/src/rollback-mode.ts
function requestedRevision(inputs, name) {
  return inputs.toRevisions?.[name] ?? inputs.toRevision;
}
async function rollbackNextSteps(cluster, plans) {
  const lines = [];
  for (const p of plans.filter((x) => x.outcome !== "done")) {
    const name = p.t.name;
    const back = p.outcome === "undo-failed" ? p.target : p.restore && (p.restoreItem === void 0 || p.restoreItem.outcome === "undo-failed") ? p.restore : void 0;
    lines.push(
      cluster.hint(`rollout history deployment/${name}`),
      cluster.hint(`get pods --selector ${Object.entries(p.t.before.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",")}`),
      ...back ? [await returnCommand(cluster, name, back)] : [],
      cluster.hint(`rollout status deployment/${name}`)
    );
  }
  return lines;
}
async function planOne(cluster, inputs, d) {
  const name = d.metadata.name;
  const images = imagesOf(d.spec.template);
  if (d.spec.paused) throw new DeployFailure(`deployment/${name} is paused: refusing to roll it back. Resume it first (${cluster.hint(`rollout resume deployment/${name}`)}). Nothing was changed`);
  const owned = await cluster.replicaSets(d);
  const failed = failedTemplatesOf(d);
  const asked = requestedRevision(inputs, name);
  const revision = asked ?? previousRevision(d, owned, failed);
  const available = owned.map(revisionOf).filter((r) => r !== void 0).sort((a, b) => a - b);
  if (revision === void 0) {
    throw new DeployFailure(`deployment/${name} has no revision before its current one (${revisionOf(d) ?? "unknown"}) to roll back to${failed.length > 0 ? " that this action has not seen fail" : ""}. Nothing was changed`);
  }
  if (asked !== void 0 && asked === revisionOf(d)) {
    const st = rolloutState(d);
    if (!st.complete) throw new DeployFailure(`input 'to-revision': deployment/${name} is already on revision ${asked}, and it is not healthy (${describeState(st)}): rolling back to it would not help. Nothing was changed`);
    return void 0;
  }
  const rs = owned.find((r) => revisionOf(r) === revision);
  const hash = rs && templateHashOf(rs);
  if (!rs || !hash) throw new DeployFailure(`input 'to-revision': deployment/${name} has no revision ${revision} (revisions in its history: ${available.join(", ") || "none"}). Nothing was changed`);
  if (failed.includes(hash)) warning(`deployment/${name}: revision ${revision} is a pod template this action saw fail; rolling back to it because to-revision asks for it`);
  const before = decideTarget(d, owned).target;
  const restore = before && before.podTemplateHash !== hash ? before : void 0;
  const t = {
    name,
    before: d,
    containers: Object.keys(images),
    imagesBefore: images,
    revisionBefore: revisionOf(d),
    changed: false,
    unchanged: false,
    startedAt: Date.now(),
    targetReason: `deployment/${name}: rollback to revision ${revision} as requested${restore ? `; should it not come up, back to revision ${restore.revision} (${imageList(restore.images)})` : ""}`
  };
  return { t, target: { revision, podTemplateHash: hash, images: imagesOf(rs.spec.template), source: "recorded" }, restore };
}
async function rollbackMode(cluster, inputs, state) {
  const tracked = state.tracked;
  const deadline = Date.now() + inputs.timeoutMs;
  const plans = [];
  const read = [];
  try {
    for (const name of inputs.deployments) {
      const d = await cluster.deployment(name);
      if (!d) throw new DeployFailure(`input 'deployment': deployment/${name} does not exist in namespace ${inputs.namespace}. Nothing was changed`);
      read.push(d);
      const plan = await planOne(cluster, inputs, d);
      if (plan) plans.push(plan);
      else {
        const t = notChanged(d, Object.keys(imagesOf(d.spec.template)), "unchanged");
        t.unchanged = true;
        t.targetReason = `deployment/${name}: already on revision ${revisionOf(d)} as requested, and healthy: nothing to do`;
        info(t.targetReason);
        tracked.push(t);
      }
    }
  } catch (err) {
    tracked.length = 0;
    for (const d of read) tracked.push({ ...notChanged(d, Object.keys(imagesOf(d.spec.template))), result: void 0 });
    throw err;
  }
  if (plans.length === 0) {
    state.result = "unchanged";
    return;
  }
  for (const p of plans) {
    p.t.changed = true;
    p.t.target = p.target;
    tracked.push(p.t);
  }
  await group("Roll back", () => rollBackAll(cluster, plans, deadline, inputs.failFast));
  const failedRollouts = plans.filter((p) => p.outcome === "broken" || p.outcome === "timed-out");
  const whatBroke = new Map(failedRollouts.map((p) => [p, p.t.rollbackDetail ?? "failed"]));
  const toRestore = inputs.rollbackOnFailure ? failedRollouts.filter((p) => p.restore) : [];
  if (toRestore.length > 0) {
    for (const p of toRestore) p.restoreItem = { t: p.t, target: p.restore };
    await group(
      "Restore what ran before this step",
      () => rollBackAll(
        cluster,
        toRestore.map((p) => p.restoreItem),
        Date.now() + inputs.timeoutMs,
        inputs.failFast
      )
    );
  }
  for (const p of plans) {
    if (p.outcome === "done") await writeRecords(cluster, p.t, [], true);
    else if (whatBroke.has(p)) await writeRecords(cluster, p.t, [p.target.podTemplateHash], p.restoreItem?.outcome === "done");
  }
  for (const p of failedRollouts) {
    const restore = p.restoreItem;
    const after = !p.restore ? "nothing to restore: no revision known to be good before this step" : !restore ? "not restored (rollback-on-failure is false)" : restore.outcome === "done" ? `restored what ran before this step: ${p.t.rollbackDetail}` : `restoring what ran before this step failed too: ${p.t.rollbackDetail}`;
    p.t.result = "failed";
    p.t.rollbackDetail = `${whatBroke.get(p)}; ${after}`;
  }
  for (const { t } of plans) info(`deployment/${t.name}: ${t.rollbackDetail}`);
  const failures = plans.filter((p) => p.outcome !== "done");
  if (failures.length === 0) {
    state.result = "rolled-back";
    return;
  }
  const lines = failures.map((p) => `deployment/${p.t.name}: ${p.t.rollbackDetail}`);
  const restoredAll = failures.every((p) => p.restoreItem?.outcome === "done");
  const serving = await servingNow(
    cluster,
    failures.map((p) => p.t)
  );
  const recorded = failedRollouts.length > 0 ? [`The pod template of ${failedRollouts.map((p) => `deployment/${p.t.name} revision ${p.revision ?? p.target.revision}`).join(", ")} is recorded as failed: a rollback without to-revision will not pick it.`] : [];
  throw new DeployFailure(
    [`${restoredAll ? "ROLLBACK FAILED, the revision that ran before is restored:" : "ROLLBACK FAILED:"} ${lines.join("; ")}`, ...recorded, ...serving.map((s) => `Serving now: ${s}`)],
    void 0,
    await rollbackNextSteps(cluster, plans)
  );
}

// actions/deploy/src/verify.ts
import { writeFileSync as writeFileSync3 } from "node:fs";
import path4 from "node:path";

// src/lib/trust/cosign-attestation.ts
function signerFlags(signer, publicKeyFile) {
  if (signer.kind === "key") return ["--key", publicKeyFile ?? signer.publicKey];
  const flags = [];
  if (signer.identity) flags.push("--certificate-identity", signer.identity);
  if (signer.identityRegexp) flags.push("--certificate-identity-regexp", signer.identityRegexp);
  flags.push("--certificate-oidc-issuer", signer.issuer);
  return flags;
}

// actions/deploy/src/verify.ts
var CHECK_BUDGET_MS = 5 * 60 * 1e3;
function verifyArgv(imageAtDigest, registry, verification, publicKeyFile) {
  const argv = ["verify", ...signerFlags(verification, publicKeyFile)];
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(imageAtDigest);
  return argv;
}
function countVerified(stdout, digest) {
  const line = stdout.split("\n").find((l) => l.trim().startsWith("["));
  if (!line) return 0;
  const payloads = JSON.parse(line);
  return payloads.filter((p) => p.critical?.image?.["docker-manifest-digest"] === digest).length;
}
var signatureCheck = {
  name: "Signature",
  async run({ inputs, image, imageRef, auth, work }, budgetMs) {
    const verification = inputs.verify;
    const cosign = await resolveTool("cosign", inputs.cosignVersion);
    let keyFile;
    if (verification.kind === "key" && verification.publicKey.includes("-----BEGIN")) {
      keyFile = path4.join(work, "cosign.pub");
      writeFileSync3(keyFile, verification.publicKey, { mode: 384 });
    }
    const argv = verifyArgv(imageRef, registryOf(image), verification, keyFile);
    const r = await execTool(cosign.path, argv, { env: auth?.env ?? {}, allowFailure: true, timeoutMs: budgetMs });
    if (r.exitCode !== 0) {
      throw new Error(`the signature of ${imageRef} did not verify, so nothing was changed. cosign said: ${(r.stderr.trim() || r.stdout.trim()).split("\n").slice(-5).join(" / ")}`);
    }
    const count = countVerified(r.stdout, image.digest);
    const who = verification.kind === "key" ? "the given public key" : `${verification.identity ?? verification.identityRegexp} (${verification.issuer})`;
    return `verified: ${count} signature(s) by ${who}`;
  }
};
function checksFor(inputs) {
  return inputs.verify ? [signatureCheck] : [];
}
async function resolveImage(image, inputs) {
  if (image.digest) return { domain: image.domain, path: image.path, digest: image.digest };
  const client = new RegistryClient({ credentials: inputs.registry });
  const head = await client.headManifest(registryOf(image), registryPath(image), image.tag);
  if (!head) throw new DeployFailure(`${formatReference(image)} is not in the registry, so it cannot be resolved to a digest. Nothing was changed`);
  info(`Resolved ${formatReference(image)} to ${head.digest}`);
  return { domain: image.domain, path: image.path, digest: head.digest };
}
async function verifyPhase(ctx, rows, cancel, checks = checksFor(ctx.inputs), budgetMs = CHECK_BUDGET_MS) {
  if (checks.length === 0) {
    rows.push({ check: "Signature", result: "skipped", detail: "not verified (verify-signature: false)" });
    return;
  }
  for (const check of checks) {
    let detail;
    try {
      detail = await group(`Verify: ${check.name}`, () => check.run(ctx, budgetMs));
    } catch (err) {
      const why = cancel.reason ?? err.message;
      rows.push({ check: check.name, result: "failed", detail: why });
      throw new DeployFailure(cancel.reason ? `${cancel.reason} during verification (${check.name}). Nothing was changed` : `${check.name}: ${why}${/nothing was changed/i.test(why) ? "" : ". Nothing was changed"}`);
    }
    rows.push({ check: check.name, result: "passed", detail });
    info(`${check.name}: ${detail}`);
    if (cancel.reason) throw new DeployFailure(`${cancel.reason} during verification. Nothing was changed`);
  }
}

// actions/deploy/src/execute.ts
var requestTimeoutMs = (timeoutMs) => Math.min(3e4, Math.max(3e3, Math.round(timeoutMs / 3)));
async function deployMode(inputs, cluster, auth, work, state, cancel) {
  const notes = state.notes;
  const image = await group("Resolve the image", () => resolveImage(inputs.image, inputs));
  const imageRef = formatReference(image);
  notes.push(`Image: \`${imageRef}\``);
  if (cancel.reason) throw new DeployFailure(`${cancel.reason} before any change. Nothing was changed`);
  await verifyPhase({ inputs, image, imageRef, auth, work }, state.checks, cancel);
  const budget = new Budget(inputs.timeoutMs);
  const toChange = await planPhase(cluster, inputs, image, budget, cancel, state);
  if (toChange.length === 0) {
    state.result = "unchanged";
    return;
  }
  const github = inputs.githubToken && inputs.environment ? await budget.outside(() => GitHubDeployment.create(inputs.githubToken, inputs.environment, inputs.environmentUrl, runUrl(process.env), `Deploy ${imageRef}`, { image: imageRef, namespace: inputs.namespace, deployments: inputs.deployments })) : void 0;
  let changeError;
  try {
    await changePhase(cluster, toChange, image, imageRef, budget.deadline, cancel);
  } catch (err) {
    changeError = err;
  }
  const watched = changeError === void 0 && !cancel.reason ? await watchPhase(cluster, state.tracked, image, budget.deadline, inputs.failFast, inputs.timeoutMs, cancel) : void 0;
  const verdict = await decideRollout({ cluster, inputs, toChange, image, changeError, watched, deadline: budget.deadline, cancel, notes });
  if (!verdict.failure) {
    for (const t of toChange) {
      t.result = "deployed";
      t.endedAt = Date.now();
      await writeRecords(cluster, t, t.failingBefore ? [t.failingBefore] : [], !t.unverified);
    }
    await budget.outside(async () => github?.status("success", `Deployed ${imageRef}`));
    state.result = "deployed";
    return;
  }
  const failure = verdict.failure;
  error(`Rollout failed: ${failure}`);
  notes.push(`What broke: ${failure}`);
  const failedTemplates = /* @__PURE__ */ new Map();
  for (const t of cancel.reason ? [] : verdict.broken) {
    const hash = await failedTemplate(cluster, t, image);
    if (hash) failedTemplates.set(t.name, hash);
  }
  const { changed, rollable, stuck } = rollbackDecision(state.tracked, inputs, verdict);
  const items = rollable.map((t) => ({ t, target: t.target }));
  if (items.length > 0) await group("Roll back", () => rollBackAll(cluster, items, Date.now() + inputs.timeoutMs, inputs.failFast));
  for (const item of items.filter((i) => i.outcome === "broken")) item.t.targetFailed = true;
  for (const t of changed.filter((x) => !verdict.foreign.includes(x))) {
    const failedNow = [t.failingBefore, failedTemplates.get(t.name), t.targetFailed ? t.target?.podTemplateHash : void 0].filter((h) => h !== void 0);
    await writeRecords(cluster, t, failedNow, t.result === "rolled-back");
  }
  const notBack = changed.filter((t) => t.result !== "rolled-back");
  const serving = notBack.length > 0 ? await servingNow(cluster, notBack) : await servingNow(cluster, stuck);
  const commands = notBack.length > 0 ? await nextSteps(cluster, state.tracked) : [];
  const outcome = failedOutcome(failure, state.tracked, changed, rollable, verdict, inputs, commands, serving);
  state.result = outcome.result;
  await budget.outside(async () => github?.status(outcome.result === "rolled-back" || verdict.notApplied || changed.length === 0 ? "failure" : "error", outcome.status));
  throw outcome.error;
}
async function execute(inputs) {
  const cancel = new Cancellation();
  cancel.arm();
  const state = newRunState();
  let error2;
  let work;
  let kubeconfig;
  let auth;
  try {
    work = mkdtempSync4(path5.join(process.env.RUNNER_TEMP || tmpdir4(), "deploy-"));
    kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : void 0;
    auth = inputs.verify && inputs.registry && inputs.image ? writeAuthConfig(registryOf(inputs.image), inputs.registry) : void 0;
    const kubectl2 = await resolveTool("kubectl");
    const target = { kubectl: kubectl2.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    await checkKubeconfig(target);
    const cluster = new Cluster(target, inputs.namespace, requestTimeoutMs(inputs.timeoutMs));
    if (inputs.mode === "deploy") await deployMode(inputs, cluster, auth, work, state, cancel);
    else await rollbackMode(cluster, inputs, state);
  } catch (err) {
    error2 = err;
    throw err;
  } finally {
    kubeconfig?.remove();
    auth?.remove();
    if (work) rmSync4(work, { recursive: true, force: true });
    setOutputs(state.result, state.tracked, inputs);
    if (!(error2 instanceof ConfigurationError)) await writeSummary(deploySummary(inputs, state.result, state.tracked, state.notes, state.checks, error2));
  }
}
export {
  execute,
  requestTimeoutMs
};
//# sourceMappingURL=execute-HLPPWHZ6.js.map
