import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  code,
  debug,
  group,
  info,
  isDebug,
  isLoopbackRegistry,
  keyValueTable,
  markdownTable,
  maskSecrets,
  setOutput,
  setSecret,
  warning,
  writeSummary
} from "./chunk-NUMOI2RA.js";
import {
  proxyConfigured
} from "./chunk-IGV4WO5E.js";
import "./chunk-GINXXFVL.js";

// actions/build-sign/src/execute.ts
import { mkdtempSync as mkdtempSync3, readFileSync as readFileSync2, rmSync as rmSync3, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import path3 from "node:path";

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

// src/lib/registry-auth.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

// src/lib/registry.ts
import { createHash } from "node:crypto";

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

// src/lib/registry.ts
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
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = mkdtempSync(path.join(base, "registry-auth-"));
  const file = path.join(dir, "config.json");
  const auth = basicAuthValue(credentials);
  let config = {};
  if (inherit) {
    const own = process.env.DOCKER_CONFIG || path.join(homedir(), ".docker");
    try {
      config = JSON.parse(readFileSync(path.join(own, "config.json"), "utf8"));
    } catch {
      config = {};
    }
    delete config.credsStore;
    if (config.credHelpers) delete config.credHelpers[registry];
    for (const sub of ["buildx", "cli-plugins", "contexts"]) {
      if (existsSync(path.join(own, sub))) symlinkSync(path.join(own, sub), path.join(dir, sub));
    }
  }
  config.auths = { ...config.auths ?? {}, [registry]: { auth } };
  writeFileSync(file, `${JSON.stringify(config)}
`, { mode: 384 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}

// src/lib/tools.ts
import { createHash as createHash2 } from "node:crypto";
import { accessSync, chmodSync, constants, createReadStream, mkdtempSync as mkdtempSync2, rmSync as rmSync2, statSync } from "node:fs";
import { arch, platform, tmpdir as tmpdir2 } from "node:os";
import path2 from "node:path";

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
  for (const dir of searchPath.split(path2.delimiter)) {
    if (dir === "") continue;
    const candidate = path2.join(dir, name);
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
  const home = mkdtempSync2(path2.join(tmpdir2(), `${name}-probe-`));
  try {
    const out = await execTool(file, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 3e4, env: probeEnv(process.env, home), cwd: home });
    return parseVersionOutput(`${out.stdout}
${out.stderr}`);
  } finally {
    rmSync2(home, { recursive: true, force: true });
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
    const bin2 = path2.join(cached, release.bin);
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
  const bin = path2.join(dir, release.bin);
  chmodSync(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/build-sign/src/builder.ts
function provenanceLabels(env) {
  const labels = [];
  if (env.GITHUB_SHA) labels.push(["org.opencontainers.image.revision", env.GITHUB_SHA]);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) labels.push(["org.opencontainers.image.source", `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`]);
  return labels;
}
function fullRefs(inputs) {
  return inputs.tags.map((t) => `${inputs.image.domain}/${inputs.image.path}:${t}`);
}
function commonBuildFlags(inputs, labels) {
  const args = ["-f", inputs.file];
  if (inputs.target) args.push("--target", inputs.target);
  if (inputs.platforms.length > 0) args.push("--platform", inputs.platforms.join(","));
  for (const [k, v] of inputs.buildArgs) args.push("--build-arg", `${k}=${v}`);
  const merged = new Map([...labels, ...inputs.labels]);
  for (const [k, v] of merged) args.push("--label", `${k}=${v}`);
  for (const ref of fullRefs(inputs)) args.push("-t", ref);
  return args;
}
function buildArgv(builder, inputs, files, labels, epoch) {
  if (builder === "docker") {
    return ["buildx", "build", "--metadata-file", files.metadataFile, "--output", imageOutput({ push: false, epoch }), ...commonBuildFlags(inputs, labels), inputs.context];
  }
  const auth = files.authfile ? ["--authfile", files.authfile] : [];
  const timestamp = epoch ? ["--timestamp", epoch] : [];
  return ["build", "--iidfile", files.iidfile, ...auth, ...timestamp, ...commonBuildFlags(inputs, labels), inputs.context];
}
function imageOutput(o) {
  const parts = ["type=image"];
  if (o.name) parts.push(`name=${o.name}`, "push-by-digest=true");
  parts.push(`push=${o.push}`);
  if (o.epoch) parts.push("rewrite-timestamp=true");
  return parts.join(",");
}
function dockerPushArgv(inputs, metadataFile, labels, epoch) {
  const flags = commonBuildFlags({ ...inputs, tags: [] }, labels);
  return ["buildx", "build", "--metadata-file", metadataFile, "--output", imageOutput({ push: true, name: `${inputs.image.domain}/${inputs.image.path}`, epoch }), ...flags, inputs.context];
}
function pushArgv(inputs, imageId, ref, digestfile, authfile) {
  if (!/^sha256:[a-f0-9]{64}$/.test(imageId)) throw new Error(`refusing to push '${imageId}': only an image ID (sha256:<64 hex>) is pushed`);
  const args = ["push", "--digestfile", digestfile];
  if (authfile) args.push("--authfile", authfile);
  if (isLoopbackRegistry(inputs.image.domain)) args.push("--tls-verify=false");
  args.push(imageId.slice("sha256:".length), `docker://${ref}`);
  return args;
}
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var INDEX_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
function parseBuildxMetadata(text) {
  let meta;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new Error(`docker buildx wrote a metadata file that is not JSON: '${text.slice(0, 80)}'`);
  }
  const str = (k) => typeof meta[k] === "string" ? meta[k] : void 0;
  let descriptor = meta["containerimage.descriptor"];
  if (typeof descriptor === "string") {
    try {
      descriptor = JSON.parse(Buffer.from(descriptor, "base64").toString("utf8"));
    } catch {
      descriptor = void 0;
    }
  }
  const desc = descriptor && typeof descriptor === "object" ? descriptor : void 0;
  const digest = str("containerimage.digest") ?? (typeof desc?.digest === "string" ? desc.digest : void 0);
  if (!digest || !DIGEST.test(digest)) throw new Error(`docker buildx did not report the image digest (containerimage.digest) in its metadata file${digest ? `: '${digest.slice(0, 80)}'` : ""}`);
  if (typeof desc?.digest === "string" && desc.digest !== digest) throw new Error(`docker buildx metadata disagrees with itself: containerimage.digest ${digest}, containerimage.descriptor ${desc.digest}`);
  const mediaType = typeof desc?.mediaType === "string" ? desc.mediaType : void 0;
  const configDigest = str("containerimage.config.digest");
  if (configDigest !== void 0 && !DIGEST.test(configDigest)) throw new Error(`docker buildx reported config digest '${configDigest.slice(0, 80)}', not a sha256 digest`);
  return { digest, mediaType, configDigest, isIndex: mediaType ? INDEX_TYPES.has(mediaType) : configDigest === void 0 };
}
function parseBuildxDriver(inspectOutput) {
  return /^Driver:\s*(\S+)/m.exec(inspectOutput)?.[1];
}
function parseDigestFile(text) {
  const t = text.trim();
  const digest = /^[a-f0-9]{64}$/.test(t) ? `sha256:${t}` : t;
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new Error(`the builder wrote '${t.slice(0, 80)}' where a sha256 digest was expected`);
  return digest;
}

// actions/build-sign/src/epoch.ts
function parseEpoch(value) {
  if (!/^[0-9]{1,12}$/.test(value)) throw new Error(`SOURCE_DATE_EPOCH '${value.slice(0, 40)}' is not a time in whole seconds since 1970 (e.g. the output of git log -1 --format=%ct)`);
  return value;
}
async function resolveEpoch(env, workspace) {
  const given = env.SOURCE_DATE_EPOCH;
  if (given !== void 0 && given !== "") return { value: parseEpoch(given), source: "SOURCE_DATE_EPOCH" };
  const sha = env.GITHUB_SHA;
  if (!sha || !/^[0-9a-f]{40}$/.test(sha)) return { source: "none: GITHUB_SHA is not a commit" };
  try {
    const r = await execTool("git", ["-C", workspace, "show", "-s", "--format=%ct", sha], { allowFailure: true, timeoutMs: 2e4 });
    const out = r.stdout.trim();
    if (r.exitCode === 0 && /^[0-9]+$/.test(out)) return { value: out, source: `the commit time of ${sha.slice(0, 12)}` };
    return { source: `none: commit ${sha.slice(0, 12)} is not in a git checkout holding ${workspace}` };
  } catch {
    return { source: "none: git is not available" };
  }
}

// actions/build-sign/src/immutable-tags.ts
function sameImage(a, b) {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((d, i) => d === y[i]);
}
async function tagState(client, inputs, tag, configs) {
  const head = await client.headManifest(inputs.image.domain, inputs.image.path, tag);
  if (!head) return { exists: false };
  const held = await client.configDigests(inputs.image.domain, inputs.image.path, head.digest);
  const same = held !== void 0 && sameImage(held, configs);
  const what = held === void 0 ? "image config unknown: a manifest it lists cannot be read" : held.length > 0 && held.every((c) => configs.includes(c)) && !same ? `this image's configs in another combination (${held.length} of them)` : `image config ${held.join(", ") || "none"}`;
  return { exists: true, digest: head.digest, same, what };
}
async function checkExistingTags(client, inputs, configs, nothing, reproducible) {
  const existing = /* @__PURE__ */ new Map();
  const conflicts = [];
  for (const tag of inputs.tags) {
    const state = await tagState(client, inputs, tag, configs);
    if (!state.exists) continue;
    if (state.same) {
      existing.set(tag, state.digest);
      info(`Tag ${tag} already holds this image (${state.digest}); it is not pushed again`);
    } else {
      conflicts.push(`${tag} (holds ${state.digest}, ${state.what})`);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(
      `tags are immutable and ${conflicts.length === 1 ? "this tag already exists" : "these tags already exist"} holding something other than the image just built (config ${configs.join(", ")}): ${conflicts.join("; ")}. ${nothing}. If an earlier run of this commit pushed it, this build is not identical to that one (${reproducible}): make the build reproducible (SOURCE_DATE_EPOCH, pinned base images and packages) and re-run; an image this run did not build is never signed by it. Otherwise use a new tag (each commit gets its own sha- tag)`
    );
  }
  return existing;
}

// actions/build-sign/src/provenance.ts
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var SOURCES = {
  server: "GITHUB_SERVER_URL",
  repository: "GITHUB_REPOSITORY",
  workflow_ref: "GITHUB_WORKFLOW_REF",
  ref: "GITHUB_REF",
  sha: "GITHUB_SHA",
  run_id: "GITHUB_RUN_ID",
  run_attempt: "GITHUB_RUN_ATTEMPT",
  event_name: "GITHUB_EVENT_NAME",
  repository_id: "GITHUB_REPOSITORY_ID",
  repository_owner_id: "GITHUB_REPOSITORY_OWNER_ID",
  runner_environment: "RUNNER_ENVIRONMENT"
};
function provenanceProblem(env) {
  const missing = Object.values(SOURCES).filter((k) => !env[k]);
  if (missing.length > 0) {
    return `provenance needs the variables the GitHub runner sets for every job, but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set. Run on a GitHub Actions runner, or set provenance: false`;
  }
  if (!/^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? "")) return `provenance needs the commit: GITHUB_SHA '${env.GITHUB_SHA}' is not a 40-hex commit SHA`;
  const wf = env.GITHUB_WORKFLOW_REF ?? "";
  if (!wf.startsWith(`${env.GITHUB_REPOSITORY}/`) || !wf.includes("@")) {
    return `provenance needs the workflow: GITHUB_WORKFLOW_REF '${wf}' is not <owner>/<repo>/<path>@<ref> for ${env.GITHUB_REPOSITORY}`;
  }
  return void 0;
}
function buildProvenancePredicate(env) {
  const problem = provenanceProblem(env);
  if (problem) throw new Error(problem);
  const v = (k) => env[SOURCES[k]];
  const server = v("server").replace(/\/+$/, "");
  const repository = v("repository");
  const [workflowPath, ...refChunks] = v("workflow_ref").replace(`${repository}/`, "").split("@");
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: refChunks.join("@"), repository: `${server}/${repository}`, path: workflowPath }
      },
      internalParameters: {
        github: {
          event_name: v("event_name"),
          repository_id: v("repository_id"),
          repository_owner_id: v("repository_owner_id"),
          runner_environment: v("runner_environment")
        }
      },
      resolvedDependencies: [{ uri: `git+${server}/${repository}@${v("ref")}`, digest: { gitCommit: v("sha") } }]
    },
    runDetails: {
      // The toolkit uses the token's job_workflow_ref; the runner exposes the top-level
      // workflow's ref, the same value except inside a reusable workflow.
      builder: { id: `${server}/${v("workflow_ref")}` },
      metadata: { invocationId: `${server}/${repository}/actions/runs/${v("run_id")}/attempts/${v("run_attempt")}` }
    }
  };
}

// actions/build-sign/src/pick-builder.ts
async function output(file, args) {
  try {
    const r = await execTool(file, args, { allowFailure: true, timeoutMs: 2e4 });
    return r.exitCode === 0 ? r.stdout : void 0;
  } catch {
    return void 0;
  }
}
async function pickBuilder(inputs) {
  const wanted = inputs.builder;
  const dockerDriver = async () => {
    if (!findOnPath("docker") || await output("docker", ["buildx", "version"]) === void 0 || await output("docker", ["info", "--format", "{{.ServerVersion}}"]) === void 0) return void 0;
    return parseBuildxDriver(await output("docker", ["buildx", "inspect"]) ?? "") ?? "unknown";
  };
  if (wanted === "docker") {
    if (!findOnPath("docker")) throw new Error("builder docker was asked for but 'docker' is not on PATH");
    const driver2 = await dockerDriver();
    if (inputs.push && driver2 === "docker") {
      throw new Error("builder docker: the current buildx builder uses the 'docker' driver, which cannot push by digest (build-sign tags the image only after checking each tag). Add docker/setup-buildx-action before this step (docker-container driver), or set builder: buildah");
    }
    return "docker";
  }
  if (wanted !== "auto") {
    if (!findOnPath(wanted)) throw new Error(`builder ${wanted} was asked for but '${wanted}' is not on PATH`);
    return wanted;
  }
  const driver = await dockerDriver();
  if (driver !== void 0 && (driver !== "docker" || !inputs.push)) return "docker";
  const fallback = findOnPath("buildah") ? "buildah" : findOnPath("podman") ? "podman" : void 0;
  if (inputs.platforms.length > 1) {
    throw new ConfigurationError(
      "platforms",
      `${inputs.platforms.length} platforms (${inputs.platforms.join(", ")}) need docker buildx with a multi-platform builder, and builder: auto found ${driver === "docker" ? "only buildx's 'docker' driver (add docker/setup-buildx-action)" : "no Docker engine"}${fallback ? `; ${fallback} builds one platform per run` : ""}. Expected one platform, or a runner with Docker and docker/setup-buildx-action`
    );
  }
  if (fallback) {
    if (driver === "docker") info(`The buildx builder uses the 'docker' driver, which cannot push by digest: building with ${fallback}`);
    return fallback;
  }
  throw new Error("no image builder found: install docker with buildx, buildah or podman, or set the builder input");
}

// src/lib/run-url.ts
function runUrl(env) {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function oidcTokenProblem(env, what, otherwise) {
  const missing = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"].filter((k) => !env[k]);
  if (missing.length === 0) return void 0;
  return `${what} needs the GitHub OIDC token, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set: add \`permissions: id-token: write\` to the job (${otherwise})`;
}

// actions/build-sign/src/sign.ts
var KEY_ENV = "COSIGN_PRIVATE_KEY";
function signAnnotations(env) {
  const a = [];
  if (env.GITHUB_REPOSITORY) a.push("-a", `repo=${env.GITHUB_REPOSITORY}`);
  if (env.GITHUB_SHA) a.push("-a", `commit=${env.GITHUB_SHA}`);
  const run = runUrl(env);
  if (run) a.push("-a", `run=${run}`);
  return a;
}
function keylessProblem(env) {
  return oidcTokenProblem(env, "keyless signing", "or give cosign-key for key-based signing");
}
function keyFlags(key, password) {
  const env = {};
  if (key?.kind === "pem") {
    env[KEY_ENV] = key.pem;
    env.COSIGN_PASSWORD = password ?? "";
    return { argv: ["--key", `env://${KEY_ENV}`], env };
  }
  if (key?.kind === "uri") {
    if (key.uri.startsWith("env://")) env.COSIGN_PASSWORD = password ?? "";
    return { argv: ["--key", key.uri], env };
  }
  return { argv: [], env };
}
function requireDigest(imageAtDigest, what) {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to ${what} ${imageAtDigest}: only image@sha256 digests are ${what === "sign" ? "signed" : "attested"}`);
}
function signPlan(imageAtDigest, registry, key, password, env) {
  requireDigest(imageAtDigest, "sign");
  const k = keyFlags(key, password);
  const argv = ["sign", "--yes", ...k.argv];
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(...signAnnotations(env), imageAtDigest);
  return { argv, env: k.env, mode: key ? "key" : "keyless" };
}
function attestPlan(imageAtDigest, registry, key, password, predicateFile) {
  requireDigest(imageAtDigest, "attest");
  const k = keyFlags(key, password);
  const argv = ["attest", "--yes", ...k.argv, "--type", "slsaprovenance1", "--predicate", predicateFile];
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(imageAtDigest);
  return { argv, env: k.env, mode: key ? "key" : "keyless" };
}

// actions/build-sign/src/summary.ts
function fenced(text) {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text
${text}
${fence}`;
}
function provenanceState(o) {
  if (!o.inputs.provenance) return "disabled (provenance: false)";
  if (o.provenanceAttached) return `SLSA v1 attached with cosign attest; file ${code(o.provenanceFile ?? "")}`;
  if (o.provenanceFile) return `SLSA v1 written to ${code(o.provenanceFile)}, ${o.inputs.sign ? "not attached" : "not attached (sign: false)"}`;
  return o.inputs.push ? "not written" : "not written (push: false: no digest to describe)";
}
function shortDigest(digest) {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `${digest.slice(0, "sha256:".length + 12)}\u2026` : digest;
}
function buildSignSummary(o) {
  const image = `${o.inputs.image.domain}/${o.inputs.image.path}`;
  const verdict = o.error ? `### \u274C build-sign failed

${fenced(o.error)}` : o.imageRef ? `### \u2705 ${code(o.imageRef)}` : `### \u2705 built ${code(image)} (not pushed)`;
  const rows = [
    ["Image", code(image)],
    ["Digest", o.digest ? code(shortDigest(o.digest)) : "\u2014"],
    ["Builder", o.builder ?? "\u2014"],
    ["Image config", o.configDigests?.length ? o.configDigests.map((d) => code(shortDigest(d))).join(", ") : "\u2014"],
    ["Signature", o.signed ? `signed with cosign (${o.signMode === "key" ? "key" : "keyless, GitHub OIDC"})` : o.inputs.sign ? "not signed" : "signing disabled (sign: false)"],
    ["Provenance", provenanceState(o)]
  ];
  const tagRows = o.inputs.tags.map((t) => [code(`${image}:${t}`), o.pushed.includes(t) ? "pushed" : o.skipped.includes(t) ? "already held this image" : "not pushed"]);
  const sections = [verdict, keyValueTable(rows), markdownTable(["Tag", "State"], tagRows)];
  if (o.error && o.readBack && !o.signed && o.inputs.sign) {
    sections.push(`The image is in the registry but not signed. Re-run this job: a re-run of the same commit builds the same image, finds its tags holding it, and signs it.`);
  }
  if (o.imageRef) sections.push(`Deploy and verify by digest:

\`\`\`
${o.imageRef}
\`\`\``);
  return sections;
}

// actions/build-sign/src/execute.ts
var BUILD_TIMEOUT_MS = 60 * 60 * 1e3;
async function execute(inputs) {
  const outcome = { inputs, pushed: [], skipped: [], signed: false, provenanceAttached: false };
  const work = mkdtempSync3(path3.join(process.env.RUNNER_TEMP || tmpdir3(), "build-sign-"));
  const repo = { domain: inputs.image.domain, path: inputs.image.path };
  const at = (digest) => `${repo.domain}/${repo.path}@${digest}`;
  let auth;
  let errorIsConfiguration = false;
  const announce = (digest) => {
    if (outcome.digest) return;
    outcome.digest = digest;
    outcome.imageRef = at(digest);
    setOutput("digest", digest);
    setOutput("image-ref", outcome.imageRef);
  };
  try {
    if (inputs.sign && !inputs.cosignKey) {
      const problem = keylessProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const wantProvenance = inputs.provenance && inputs.push;
    if (wantProvenance) {
      const problem = provenanceProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const builder = await pickBuilder(inputs);
    outcome.builder = builder;
    const cosign = inputs.sign ? await resolveTool("cosign", inputs.cosignVersion) : void 0;
    const client = new RegistryClient({ credentials: inputs.credentials });
    if (inputs.credentials && inputs.push) {
      await group(`Check the credentials for ${repo.domain}`, () => client.checkCredentials(repo.domain, repo.path));
    }
    if (inputs.credentials) {
      auth = writeAuthConfig(repo.domain, inputs.credentials, builder === "docker");
    }
    const epoch = await resolveEpoch(process.env, inputs.context);
    if (epoch.value) info(`SOURCE_DATE_EPOCH=${epoch.value} (${epoch.source}): a re-run of this commit builds the same image`);
    else warning(`No SOURCE_DATE_EPOCH (${epoch.source}): the image carries the build time, so a re-run of this commit builds a different image and its tags refuse it. Set SOURCE_DATE_EPOCH to the commit time`);
    const buildEnv = { ...auth?.env ?? {}, ...epoch.value ? { SOURCE_DATE_EPOCH: epoch.value } : {} };
    const files = { iidfile: path3.join(work, "iid"), metadataFile: path3.join(work, "metadata.json"), authfile: auth?.file };
    const labels = provenanceLabels(process.env);
    const refs = fullRefs(inputs);
    let configs;
    let pushedDigest;
    if (builder === "docker" && inputs.push) {
      await group(`Build and push ${repo.domain}/${repo.path} by digest with docker buildx (no tag yet)`, async () => {
        await execTool("docker", dockerPushArgv(inputs, files.metadataFile, labels, epoch.value), { env: buildEnv, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
      });
      const meta = parseBuildxMetadata(readFileSync2(files.metadataFile, "utf8"));
      pushedDigest = meta.digest;
      const held2 = await client.configDigests(repo.domain, repo.path, meta.digest);
      if (!held2 || held2.length === 0) throw new Error(`docker buildx reported ${meta.digest} (${meta.isIndex ? "an index" : "a manifest"}) but the registry does not serve an image under it`);
      if (meta.configDigest && !sameImage(held2, [meta.configDigest])) throw new Error(`the registry serves ${meta.digest} with image config ${held2.join(", ")} but docker buildx reported ${meta.configDigest}`);
      configs = held2;
    } else {
      await group(`Build ${refs.join(", ")} with ${builder}`, async () => {
        await execTool(builder, buildArgv(builder, inputs, files, labels, epoch.value), { env: buildEnv, stream: true, timeoutMs: BUILD_TIMEOUT_MS, cwd: inputs.context });
      });
      if (builder === "docker") {
        const meta = parseBuildxMetadata(readFileSync2(files.metadataFile, "utf8"));
        configs = meta.configDigest ? [meta.configDigest] : [];
        if (!meta.configDigest) info(`docker buildx built an index (${meta.digest}); its image configs are known once it is pushed`);
      } else {
        configs = [parseDigestFile(readFileSync2(files.iidfile, "utf8"))];
      }
    }
    outcome.configDigests = configs;
    info(`Built image config ${configs.join(", ") || "(in an index)"}`);
    if (!inputs.push) {
      setOutput("tags", refs.join("\n"));
      info("push: false: the image stays local; nothing is pushed, signed or attested");
      return;
    }
    const nothing = pushedDigest ? `Nothing was tagged (the build went to the registry by digest only, untagged: ${pushedDigest})` : "Nothing was pushed";
    const existing = await group("Check tags in the registry (tags are immutable)", () => checkExistingTags(client, inputs, configs, nothing, epoch.value ? `SOURCE_DATE_EPOCH=${epoch.value}, ${epoch.source}` : `no SOURCE_DATE_EPOCH: ${epoch.source}`));
    outcome.skipped = [...existing.keys()];
    const held = new Set(existing.values());
    if (held.size > 1) {
      throw new Error(`tags ${[...existing].map(([t, d]) => `${t} (${d})`).join(", ")} hold this image in different manifests; refusing to report one digest. ${nothing}`);
    }
    const toTag = inputs.tags.filter((t) => !existing.has(t));
    let target = [...held][0];
    if (target) {
      if (toTag.length > 0) info(`The new tags point at the manifest ${target} already holds, byte for byte`);
      if (pushedDigest && pushedDigest !== target) info(`This run's push ${pushedDigest} stays untagged: the tags keep ${target}`);
      announce(target);
    } else if (pushedDigest) {
      target = pushedDigest;
    }
    if (toTag.length > 0) await group(`Tag ${toTag.length} tag(s)`, async () => {
      let manifest;
      for (const tag of toTag) {
        const now = await tagState(client, inputs, tag, configs);
        if (now.exists) {
          if (now.same && (!target || now.digest === target)) {
            target = now.digest;
            outcome.skipped.push(tag);
            announce(target);
            info(`${tag} was pushed by another run meanwhile, holding this image (${now.digest})`);
            continue;
          }
          throw new Error(`tag ${tag} appeared in the registry during this run holding ${now.digest} (${now.same ? "this image in another manifest" : now.what}); it is not overwritten${outcome.pushed.length ? `. Already tagged: ${outcome.pushed.join(", ")}` : ""}`);
        }
        if (!target) {
          const digestfile = path3.join(work, "digest");
          await execTool(builder, pushArgv(inputs, configs[0], `${repo.domain}/${repo.path}:${tag}`, digestfile, auth?.file), { stream: true, timeoutMs: BUILD_TIMEOUT_MS });
          target = parseDigestFile(readFileSync2(digestfile, "utf8"));
        } else {
          manifest ??= await client.getManifest(repo.domain, repo.path, target);
          if (!manifest) throw new Error(`${at(target)} vanished from the registry`);
          await client.putManifest(repo.domain, repo.path, tag, manifest);
        }
        outcome.pushed.push(tag);
        announce(target);
        info(`${tag} -> ${target}`);
      }
    });
    if (!target) throw new Error("no tag to write and none holds the image");
    const digest = target;
    await group("Read the digest back from the registry", async () => {
      for (const tag of inputs.tags) {
        const head = await client.headManifest(repo.domain, repo.path, tag);
        if (!head) throw new Error(`${repo.domain}/${repo.path}:${tag} is not in the registry after the push`);
        if (head.digest !== digest) throw new Error(`the registry serves ${tag} as ${head.digest}, not ${digest}: another push moved it during this run`);
        info(`${tag} -> ${head.digest}`);
      }
    });
    outcome.readBack = true;
    const imageRef = at(digest);
    announce(digest);
    setOutput("tags", refs.join("\n"));
    if (cosign) {
      const plan = signPlan(imageRef, repo.domain, inputs.cosignKey, inputs.cosignPassword, process.env);
      outcome.signMode = plan.mode;
      await group(`Sign ${imageRef} (${plan.mode})`, async () => {
        await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 });
      });
      outcome.signed = true;
    }
    if (wantProvenance) {
      const file = path3.join(process.env.RUNNER_TEMP || tmpdir3(), `build-sign-provenance-${digest.slice("sha256:".length, "sha256:".length + 12)}.json`);
      writeFileSync2(file, `${JSON.stringify(buildProvenancePredicate(process.env), null, 2)}
`);
      outcome.provenanceFile = file;
      setOutput("provenance-file", file);
      if (cosign) {
        const plan = attestPlan(imageRef, repo.domain, inputs.cosignKey, inputs.cosignPassword, file);
        await group(`Attest SLSA provenance for ${imageRef}`, async () => {
          await execTool(cosign.path, plan.argv, { env: { ...plan.env, ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 });
        });
        outcome.provenanceAttached = true;
      } else {
        info(`SLSA provenance written to ${file}; not attached (sign: false)`);
      }
    }
  } catch (err) {
    outcome.error = err instanceof Error ? err.message : String(err);
    errorIsConfiguration = err instanceof ConfigurationError;
    throw err;
  } finally {
    setOutput("signed", String(outcome.signed));
    auth?.remove();
    rmSync3(work, { recursive: true, force: true });
    if (!(outcome.error && outcome.builder === void 0 && errorIsConfiguration)) await writeSummary(buildSignSummary(outcome));
  }
}
export {
  execute
};
//# sourceMappingURL=execute-KVEJFNIJ.js.map
