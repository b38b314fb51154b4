import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CertificateError,
  ConfigurationError,
  SealedSecretFileError,
  certProxyPath,
  code,
  debug,
  expiresSoon,
  group,
  info,
  isDebug,
  keyValueTable,
  markdownTable,
  parseSealedSecretFile,
  parseSealingCert,
  renderSealedSecret,
  servicePortName,
  setOutput,
  warning,
  writeSummary
} from "./chunk-XANZ7BDF.js";
import {
  proxyConfigured
} from "./chunk-IGV4WO5E.js";
import "./chunk-GINXXFVL.js";

// actions/seal-secrets/src/execute.ts
import { mkdtempSync as mkdtempSync3, readFileSync as readFileSync2, rmSync as rmSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import path4 from "node:path";

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
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

// actions/seal-secrets/src/cluster.ts
var parse = (text) => text.trim() === "" ? void 0 : JSON.parse(text);
function applyReport(beforeJson, afterJson) {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const old = before?.spec?.encryptedData ?? {};
  const now = after?.spec?.encryptedData ?? {};
  const report = { action: "created", added: [], resealed: [], removed: [], kept: [], resourceVersion: after?.metadata?.resourceVersion };
  for (const [k, v] of Object.entries(now).sort()) {
    if (!(k in old)) report.added.push(k);
    else if (old[k] !== v) report.resealed.push(k);
    else report.kept.push(k);
  }
  for (const k of Object.keys(old).sort()) if (!(k in now)) report.removed.push(k);
  if (before) {
    const changed = report.added.length + report.resealed.length + report.removed.length > 0 || before.metadata?.resourceVersion !== after?.metadata?.resourceVersion;
    report.action = changed ? "updated" : "unchanged";
  }
  return report;
}
function applyArgv(namespace) {
  return ["apply", "--server-side", "--field-manager=seal-secrets", "--namespace", namespace, "-o", "json", "-f", "-"];
}
function getArgv(name, namespace) {
  return ["get", `sealedsecrets.bitnami.com/${name}`, "--namespace", namespace, "-o", "json", "--ignore-not-found"];
}
function applyDetail(a) {
  const part = (word, keys) => keys.length ? `${word} ${keys.join(", ")}` : "";
  return [part("added", a.added), part("re-sealed", a.resealed), part("removed", a.removed), part("unchanged", a.kept)].filter(Boolean).join("; ");
}

// actions/seal-secrets/src/hybrid.ts
import { createCipheriv, createDecipheriv, constants as constants2, privateDecrypt, publicEncrypt, randomBytes } from "node:crypto";
var SESSION_KEY_BYTES = 32;
var GCM_NONCE = Buffer.alloc(12);
function encryptionLabel(namespace, name, scope) {
  switch (scope) {
    case "cluster-wide":
      return Buffer.alloc(0);
    case "namespace-wide":
      return Buffer.from(namespace, "utf8");
    default:
      return Buffer.from(`${namespace}/${name}`, "utf8");
  }
}
function hybridEncrypt(publicKey, plaintext, label) {
  const sessionKey = randomBytes(SESSION_KEY_BYTES);
  try {
    const rsa = publicEncrypt({ key: publicKey, padding: constants2.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256", oaepLabel: label }, sessionKey);
    if (rsa.length > 65535) throw new Error(`RSA ciphertext of ${rsa.length} bytes does not fit the 2-byte length prefix`);
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(rsa.length, 0);
    const cipher = createCipheriv("aes-256-gcm", sessionKey, GCM_NONCE);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([prefix, rsa, body, cipher.getAuthTag()]);
  } finally {
    sessionKey.fill(0);
  }
}
function sealValues(publicKey, values, label) {
  const sealed = /* @__PURE__ */ new Map();
  for (const [key, value] of values) sealed.set(key, hybridEncrypt(publicKey, Buffer.from(value, "utf8"), label).toString("base64"));
  return sealed;
}

// actions/seal-secrets/src/kubeseal.ts
function kubesealPlan(p) {
  const metadata = { name: p.name, namespace: p.namespace };
  if (p.labels.length > 0) metadata.labels = Object.fromEntries(p.labels);
  if (p.annotations.length > 0) metadata.annotations = Object.fromEntries(p.annotations);
  const secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata,
    type: p.type,
    // data (base64) rather than stringData: any byte sequence survives.
    data: Object.fromEntries(p.secrets.map(([k, v]) => [k, Buffer.from(v, "utf8").toString("base64")]))
  };
  return {
    argv: ["--format", p.format, "--cert", p.certFile, "--scope", p.scope],
    stdin: JSON.stringify(secret)
  };
}
var KubesealError = class extends Error {
  constructor(headline, lines) {
    super(lines.length > 0 ? `${headline}:
${lines.join("\n")}` : headline);
    this.headline = headline;
    this.lines = lines;
    this.name = "KubesealError";
  }
  headline;
  lines;
};
var MAX_LINES = 10;
var MAX_LINE = 400;
var KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]]+\] ?/;
var ERRORISH = /^(error|fatal|panic)\b|\b(error|failed|cannot|can't|invalid|unable|refused|denied|not found|no such)\b/i;
function kubesealStderr(stderr, secrets) {
  const masks = /* @__PURE__ */ new Set();
  for (const v of secrets) {
    for (const part of [v, ...v.split(/\r?\n/)]) {
      if (part.trim().length < 4) continue;
      const b64 = Buffer.from(part, "utf8").toString("base64");
      masks.add(part);
      masks.add(b64);
      masks.add(b64.replace(/=+$/, ""));
    }
  }
  const ordered = [...masks].sort((a, b) => b.length - a.length);
  const mask = (line) => ordered.reduce((l, m) => l.split(m).join("***"), line);
  const all = stderr.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").split(/\r?\n/).map((l) => l.trimEnd());
  const usage = all.findIndex((l) => /^Usage( of [^:]+)?:$/.test(l.trim()));
  const lines = (usage >= 0 ? all.slice(0, usage) : all).filter((l) => l.trim() !== "" && !/^\s+-{1,2}[a-zA-Z]/.test(l));
  const klog = (l) => KLOG.exec(l)?.[1];
  const useful = lines.filter((l) => klog(l) === "E" || klog(l) === "F" || klog(l) === void 0 && ERRORISH.test(l));
  const kept = useful.length > 0 ? useful : lines.filter((l) => klog(l) === void 0).slice(-3);
  return kept.slice(-MAX_LINES).map((l) => {
    const masked = mask(l.replace(KLOG, ""));
    return masked.length > MAX_LINE ? `${masked.slice(0, MAX_LINE)}\u2026` : masked;
  });
}

// actions/seal-secrets/src/summary.ts
var LABEL_TEXT = {
  strict: (i) => `strict: opens only as ${i.namespace}/${i.name}`,
  "namespace-wide": (i) => `namespace-wide: any name in ${i.namespace}`,
  "cluster-wide": () => "cluster-wide: any name in any namespace"
};
function plain(text) {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}
function fenced(lines, info2 = "") {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info2}
${lines.join("\n")}
${fence}`;
}
function messageSections(message) {
  const [first = "", ...rest] = message.replace(/\r\n/g, "\n").split("\n");
  const more = rest.filter((l, i) => l.trim() !== "" || i < rest.length - 1);
  return more.length > 0 ? [plain(first.replace(/:$/, "")), fenced(more, "text")] : [plain(first)];
}
var shellWord = (w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
var fetchCertCommand = (i) => `kubeseal --fetch-cert --controller-name ${i.controllerName} --controller-namespace ${i.controllerNamespace} > <cert file>`;
function sealSummary(o) {
  const i = o.inputs;
  const title = i ? `${i.namespace}/${i.name}` : "SealedSecret";
  const sections = [];
  if (o.error !== void 0) {
    sections.push("### \u274C seal-secrets failed", ...messageSections(o.error));
    if (o.toolOutput && o.toolOutput.length > 0) sections.push("kubeseal said (filtered, secret values masked):", fenced(o.toolOutput, "text"));
  } else {
    const merged = o.sealed.some((s) => s.state !== "sealed");
    sections.push(`### \u2705 ${merged ? "Merged" : "Sealed"} ${o.sealed.length} key${o.sealed.length === 1 ? "" : "s"} into ${code(title)}`);
  }
  if (!i) return sections;
  const rows = [
    ["SealedSecret", code(title)],
    ["Scope", plain(LABEL_TEXT[i.scope]?.(i) ?? i.scope)],
    ["Type", code(i.type)],
    ["Engine", o.engine ?? i.engine],
    ["Certificate", o.cert ? `SHA-256 ${code(o.cert.fingerprint)}<br>RSA-${o.cert.keyBits}, expires ${o.cert.notAfter.toISOString().slice(0, 10)}${o.certOrigin ? `, from ${plain(o.certOrigin)}` : ""}` : "\u2014"],
    ["File", o.file ? code(o.file) : "not written"]
  ];
  if (o.apply) {
    const a = o.apply;
    const detail = applyDetail(a);
    rows.push(["Applied", `${a.action} (server-side apply)${detail ? `: ${plain(detail)}` : ""}`]);
  } else if (i.apply) {
    rows.push(["Applied", "no"]);
  }
  sections.push(keyValueTable(rows));
  if (o.certWarning) sections.push(`> [!WARNING]
> ${plain(o.certWarning)}`);
  if (o.sealed.length > 0 || o.kept.length > 0) {
    const keyRows = [...o.sealed.map((s) => [code(s.key), s.state]), ...o.kept.map((k) => [code(k), "kept (ciphertext unchanged)"])];
    sections.push(markdownTable(["Key", "State"], keyRows));
  }
  if (o.error !== void 0) {
    if (o.toolOutput !== void 0) {
      sections.push(`Nothing was written. If the certificate is the problem, fetch the controller's current one and give it as ${code("cert")} (or seal with ${code("engine: native")}):`, fenced([fetchCertCommand(i)], "sh"));
    }
  } else if (o.file && o.apply) {
    sections.push("The controller unseals it into a Secret of the same name. To check:", fenced([`kubectl get sealedsecret ${i.name} --namespace ${i.namespace}`, `kubectl get secret ${i.name} --namespace ${i.namespace}`], "sh"));
  } else if (o.file) {
    sections.push("Commit the file; once it is applied, the controller unseals it into a Secret of the same name:", fenced([`kubectl apply -f ${shellWord(o.file)}`, `kubectl get secret ${i.name} --namespace ${i.namespace}`], "sh"));
  }
  if (o.certWarning) sections.push("Fetch the current certificate before it expires:", fenced([fetchCertCommand(i)], "sh"));
  return sections;
}

// actions/seal-secrets/src/atomic-file.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { lstatSync, readlinkSync, renameSync, statSync as statSync2, unlinkSync, writeFileSync as writeFileSync2 } from "node:fs";
import path3 from "node:path";
var MAX_LINKS = 40;
function writeTarget(file) {
  let current = path3.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let isLink = false;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current;
    }
    if (!isLink) return current;
    current = path3.resolve(path3.dirname(current), readlinkSync(current));
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}
function writeFileAtomic(file, content) {
  const target = writeTarget(file);
  let mode = 420;
  try {
    mode = statSync2(target).mode & 511;
  } catch {
  }
  const tmp = path3.join(path3.dirname(target), `.${path3.basename(target)}.${randomBytes2(6).toString("hex")}.tmp`);
  try {
    writeFileSync2(tmp, content, { mode, flag: "wx" });
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}

// actions/seal-secrets/src/file-lock.ts
import { openSync, readFileSync, statSync as statSync3, unlinkSync as unlinkSync2, writeSync, closeSync } from "node:fs";
import { hostname } from "node:os";
var WAIT_MS = 6e4;
var POLL_MS = 100;
var STALE_MS = 10 * 6e4;
var sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function holderOf(lock) {
  try {
    const [pid, host] = readFileSync(lock, "utf8").split("\n");
    return { pid: Number(pid), host: host ?? "" };
  } catch {
    return void 0;
  }
}
function isStale(lock) {
  try {
    if (Date.now() - statSync3(lock).mtimeMs > STALE_MS) return true;
  } catch {
    return false;
  }
  const holder = holderOf(lock);
  if (!holder || !Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return err.code === "ESRCH";
  }
}
async function withFileLock(file, fn) {
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  let fd;
  let said = false;
  while (fd === void 0) {
    try {
      fd = openSync(lock, "wx", 420);
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      if (isStale(lock)) {
        try {
          unlinkSync2(lock);
        } catch {
        }
        continue;
      }
      if (Date.now() > deadline) {
        const h = holderOf(lock);
        throw new Error(`${file} is locked by another run (${lock}${h ? `, pid ${h.pid} on ${h.host}` : ""}) for over ${WAIT_MS / 1e3}s; nothing was written. Run the jobs that change this file one after another (a concurrency group), or remove the lock if no run is active`);
      }
      if (!said) {
        said = true;
        const h = holderOf(lock);
        info(`Waiting for ${lock}${h ? ` (pid ${h.pid} on ${h.host})` : ""}: another run is changing ${file}`);
      }
      await sleep2(POLL_MS);
    }
  }
  try {
    writeSync(fd, `${process.pid}
${hostname()}
`);
    closeSync(fd);
    return await fn();
  } finally {
    try {
      unlinkSync2(lock);
    } catch {
    }
  }
}

// actions/seal-secrets/src/execute.ts
var CERT_MAX_BYTES = 1024 * 1024;
var KUBESEAL_TIMEOUT_MS = 12e4;
async function fetchCertUrl(url) {
  const res = await fetchWithRetry(url, { redirect: "manual", headers: { accept: "application/x-pem-file, */*" } }, { attempts: 3, backoffMs: 500, timeoutMs: 3e4, what: `cannot fetch the certificate from ${url.href}` });
  if (res.status >= 300 && res.status < 400) {
    throw new ConfigurationError("cert", `${url.href} answered HTTP ${res.status} (a redirect${res.headers.get("location") ? ` to ${res.headers.get("location")}` : ""}); redirects are not followed. Expected the certificate's own URL`);
  }
  if (!res.ok) throw new ConfigurationError("cert", `cannot fetch ${url.href}: HTTP ${res.status} ${res.statusText}`);
  const body = await res.text();
  if (body.length > CERT_MAX_BYTES) throw new ConfigurationError("cert", `${url.href} answered ${body.length} bytes; a certificate is a few kB`);
  return body;
}
async function fetchCertFromController(inputs, target) {
  const ns = inputs.controllerNamespace;
  const svc = await kubectl(target, ["get", "--raw", `/api/v1/namespaces/${ns}/services/${inputs.controllerName}`], { allowFailure: true, timeoutMs: 6e4 });
  if (svc.exitCode !== 0) {
    throw new Error(
      `cannot get the sealed-secrets controller service ${ns}/${inputs.controllerName}: ${svc.stderr.trim() || svc.stdout.trim()}. Set controller-name and controller-namespace to the controller's service, or give the certificate with the cert input`
    );
  }
  const proxyPath = certProxyPath(ns, inputs.controllerName, servicePortName(svc.stdout));
  info(`Fetching the certificate: kubectl get --raw ${proxyPath}`);
  return (await kubectl(target, ["get", "--raw", proxyPath], { timeoutMs: 6e4 })).stdout;
}
function workspaceRelative(file) {
  const relative = path4.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), file);
  return relative.startsWith("..") || path4.isAbsolute(relative) ? file : relative;
}
async function loadCert(inputs, target, outcome) {
  if (inputs.parsedCert) {
    outcome.certOrigin = inputs.cert.kind === "file" ? workspaceRelative(inputs.cert.path) : "the cert input";
    return inputs.parsedCert;
  }
  let text;
  if (inputs.cert.kind === "url") {
    outcome.certOrigin = inputs.cert.url.href;
    text = await fetchCertUrl(inputs.cert.url);
  } else {
    outcome.certOrigin = `controller ${inputs.controllerNamespace}/${inputs.controllerName}`;
    text = await fetchCertFromController(inputs, target);
  }
  try {
    return parseSealingCert(text);
  } catch (err) {
    if (!(err instanceof CertificateError)) throw err;
    if (inputs.cert.kind === "url") throw new ConfigurationError("cert", `${inputs.cert.url.href} ${err.message}`);
    throw new Error(`the certificate from the controller ${inputs.controllerNamespace}/${inputs.controllerName} ${err.message}`);
  }
}
async function sealWithKubeseal(inputs, cert, work) {
  const tool = await resolveTool("kubeseal");
  const certFile = path4.join(work, "cert.pem");
  writeFileSync3(certFile, cert.pem, { mode: 384 });
  const plan = kubesealPlan({ ...inputs, certFile });
  const values = inputs.secrets.map(([, v]) => v);
  let result;
  try {
    result = await execTool(tool.path, plan.argv, { input: plan.stdin, timeoutMs: KUBESEAL_TIMEOUT_MS, allowFailure: true });
  } catch (err) {
    if (err instanceof ExecError) throw new KubesealError(`kubeseal did not finish within ${KUBESEAL_TIMEOUT_MS / 1e3}s`, kubesealStderr(err.result.stderr, values));
    throw err;
  }
  if (result.exitCode !== 0) throw new KubesealError(`kubeseal exited with code ${result.exitCode}`, kubesealStderr(result.stderr, values));
  let sealed;
  try {
    sealed = await parseSealedSecretFile(result.stdout);
  } catch (err) {
    if (err instanceof SealedSecretFileError) throw new Error(`kubeseal's output ${err.message}`);
    throw err;
  }
  if (sealed.name !== inputs.name || sealed.namespace !== inputs.namespace || sealed.scope !== inputs.scope) {
    throw new Error(`kubeseal sealed ${sealed.namespace}/${sealed.name} (${sealed.scope}), not ${inputs.namespace}/${inputs.name} (${inputs.scope})`);
  }
  const want = inputs.secrets.map(([k]) => k).sort();
  const got = [...sealed.encryptedData.keys()].sort();
  if (want.join("\n") !== got.join("\n")) throw new Error(`kubeseal sealed the keys ${got.join(", ")}, not ${want.join(", ")}`);
  return { data: sealed.encryptedData, output: result.stdout };
}
async function reread(inputs, text) {
  info(`merge-into: ${inputs.mergeInto?.path} changed since the inputs were read (another run?); merging into its current content`);
  let existing;
  try {
    existing = await parseSealedSecretFile(text);
  } catch (err) {
    if (err instanceof SealedSecretFileError) throw new Error(`merge-into: ${inputs.mergeInto?.path} changed while sealing and now ${err.message}; nothing written`);
    throw err;
  }
  if (existing.name !== inputs.name || existing.namespace !== inputs.namespace || existing.scope !== inputs.scope || existing.type !== inputs.type || existing.format !== inputs.format) {
    throw new Error(`merge-into: ${inputs.mergeInto?.path} changed while sealing and is now ${existing.namespace}/${existing.name} (${existing.scope}, ${existing.type}, ${existing.format}); nothing written`);
  }
  return existing;
}
async function execute(inputs) {
  const outcome = { inputs, sealed: [], kept: [] };
  let kubeconfig;
  let work;
  let caught;
  try {
    outcome.engine = inputs.engine;
    const keys = inputs.secrets.map(([k]) => k);
    info(`Sealing ${keys.length} key(s) for ${inputs.namespace}/${inputs.name} (scope ${inputs.scope}, type ${inputs.type}, engine ${inputs.engine}): ${keys.join(", ")}`);
    if (inputs.formatFromMergeFile) info(`merge-into: the file is ${inputs.format}, so it stays ${inputs.format} (format input ignored)`);
    let target;
    if (inputs.apply || inputs.cert.kind === "cluster") {
      if (inputs.kubeconfig) kubeconfig = writeKubeconfig(inputs.kubeconfig);
      const tool = await resolveTool("kubectl");
      target = { kubectl: tool.path, kubeconfig: kubeconfig?.path, context: inputs.context };
      await checkKubeconfig(target);
    }
    const cert = await group("Sealing certificate", async () => {
      const c = await loadCert(inputs, target, outcome);
      info(`Certificate from ${outcome.certOrigin}: RSA-${c.keyBits}, subject ${c.subject}, valid ${c.notBefore.toISOString()} to ${c.notAfter.toISOString()}`);
      info(`SHA-256 fingerprint ${c.fingerprint}`);
      return c;
    });
    outcome.cert = cert;
    const days = expiresSoon(cert);
    if (days !== void 0) {
      outcome.certWarning = `The sealing certificate ${cert.fingerprint} expires in ${days} day(s), on ${cert.notAfter.toISOString()}. The controller renews its key every 30 days by default: fetch the current certificate.`;
      warning(outcome.certWarning);
    }
    let data;
    let kubesealOutput;
    if (inputs.engine === "native") {
      data = sealValues(cert.publicKey, inputs.secrets, encryptionLabel(inputs.namespace, inputs.name, inputs.scope));
    } else {
      work = mkdtempSync3(path4.join(process.env.RUNNER_TEMP || tmpdir3(), "seal-secrets-"));
      const sealed = await group("Seal with kubeseal", () => sealWithKubeseal(inputs, cert, work));
      data = sealed.data;
      kubesealOutput = sealed.output;
    }
    let content;
    if (inputs.mergeInto) {
      const m = inputs.mergeInto;
      content = await withFileLock(writeTarget(m.path), async () => {
        const now = readFileSync2(m.path, "utf8");
        const existing = now === m.text ? m.existing : await reread(inputs, now);
        const before = existing.encryptedData;
        const merged = existing.merge({ encryptedData: data, labels: inputs.labels, annotations: inputs.annotations });
        outcome.sealed = keys.map((key) => ({ key, state: before.has(key) ? "replaced" : "added" }));
        outcome.kept = [...before.keys()].filter((k) => !data.has(k));
        writeFileAtomic(inputs.outputFile, merged);
        return merged;
      });
    } else {
      content = kubesealOutput ?? await renderSealedSecret({ ...inputs, encryptedData: data }, inputs.format);
      outcome.sealed = keys.map((key) => ({ key, state: "sealed" }));
      writeFileAtomic(inputs.outputFile, content);
    }
    outcome.file = workspaceRelative(inputs.outputFile);
    info(`Wrote ${inputs.outputFile}${inputs.mergeInto ? ` (${outcome.sealed.length} key(s) sealed, ${outcome.kept.length} kept as they were)` : ""}`);
    setOutput("file", inputs.outputFile);
    setOutput("keys", [...keys].sort().join("\n"));
    setOutput("manifest", content);
    if (inputs.apply && target) {
      const t = target;
      outcome.apply = await group(`Apply SealedSecret ${inputs.namespace}/${inputs.name} (server-side)`, async () => {
        const before = await kubectl(t, getArgv(inputs.name, inputs.namespace), { timeoutMs: 6e4 });
        const after = await kubectl(t, applyArgv(inputs.namespace), { input: content, timeoutMs: 12e4 });
        const report = applyReport(before.stdout, after.stdout);
        const detail = applyDetail(report);
        info(`sealedsecret.bitnami.com/${inputs.name} ${report.action}${detail ? `; ${detail}` : ""}`);
        return report;
      });
    }
  } catch (err) {
    caught = err;
    outcome.error = err instanceof KubesealError ? err.headline : err instanceof Error ? err.message : String(err);
    if (err instanceof KubesealError) outcome.toolOutput = err.lines;
    throw err;
  } finally {
    kubeconfig?.remove();
    if (work) rmSync3(work, { recursive: true, force: true });
    if (!(caught instanceof ConfigurationError)) await writeSummary(sealSummary(outcome));
  }
}
export {
  execute
};
//# sourceMappingURL=execute-M47VTSC7.js.map
