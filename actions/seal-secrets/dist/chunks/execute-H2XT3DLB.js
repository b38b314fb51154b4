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
  markdownTable,
  parseSealedSecretFile,
  parseSealingCert,
  renderSealedSecret,
  servicePortName,
  setOutput,
  warning,
  writeSummary
} from "./chunk-WARLKE57.js";
import {
  proxyConfigured
} from "./chunk-IFC3ZGIW.js";
import "./chunk-GINXXFVL.js";

// actions/seal-secrets/src/execute.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
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
  const { proxiedFetch } = await import("./proxy-fetch-JCM6EWLU.js");
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
  /Internal Server Error/i,
  /Service Unavailable/i,
  /Bad Gateway/i,
  /Gateway Timeout/i
];
function isTransientKubectlError(stderr) {
  return TRANSIENT.some((re) => re.test(stderr));
}
async function kubectl(target, args, options = {}) {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const full = [...connectionArgs(target), ...args];
  let last;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await execTool(target.kubectl, full, { ...options, allowFailure: true });
    if (last.exitCode === 0) return last;
    if (!isTransientKubectlError(last.stderr) || attempt === attempts) break;
    const delay = backoff * 2 ** (attempt - 1);
    info(`kubectl ${args[0] ?? ""}: transient API error (${last.stderr.trim().split("\n").pop()}); retrying in ${delay} ms`);
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
import { accessSync, chmodSync as chmodSync2, constants, createReadStream, statSync } from "node:fs";
import { arch, platform } from "node:os";
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
async function resolveTool(name, wanted, manifest = pinnedTools) {
  const onPath = findOnPath(name);
  if (onPath) {
    const out = await execTool(onPath, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 3e4 });
    const version2 = parseVersionOutput(`${out.stdout}
${out.stderr}`);
    info(`Using ${name} ${version2} from PATH (${onPath})`);
    if (wanted && version2 !== "unknown" && version2.replace(/^v/, "") !== wanted.replace(/^v/, "")) {
      warning(`${name} on PATH is ${version2}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version: version2, source: "path" };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
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

// actions/seal-secrets/src/summary.ts
var LABEL_TEXT = {
  strict: (i) => `strict: opens only as ${i.namespace}/${i.name}`,
  "namespace-wide": (i) => `namespace-wide: any name in ${i.namespace}`,
  "cluster-wide": () => "cluster-wide: any name in any namespace"
};
function sealSummary(o) {
  const i = o.inputs;
  const title = i ? `${i.namespace}/${i.name}` : "SealedSecret";
  const verdict = o.error ? `### \u274C seal-secrets failed

${o.error}` : `### \u2705 Sealed ${o.sealed.length} key${o.sealed.length === 1 ? "" : "s"} into ${code(title)}`;
  const sections = [verdict];
  if (!i) return sections;
  const rows = [
    ["SealedSecret", code(title)],
    ["Scope", LABEL_TEXT[i.scope]?.(i) ?? i.scope],
    ["Type", code(i.type)],
    ["Engine", o.engine ?? i.engine],
    ["Certificate", o.cert ? `SHA-256 ${code(o.cert.fingerprint)}<br>RSA-${o.cert.keyBits}, expires ${o.cert.notAfter.toISOString().slice(0, 10)}${o.certOrigin ? `, from ${o.certOrigin}` : ""}` : "\u2014"],
    ["File", o.file ? code(o.file) : "not written"]
  ];
  if (o.apply) {
    const a = o.apply;
    const detail = applyDetail(a);
    rows.push(["Applied", `${a.action} (server-side apply)${detail ? `: ${detail}` : ""}`]);
  } else if (i.apply) {
    rows.push(["Applied", "no"]);
  }
  sections.push(markdownTable(["", ""], rows));
  if (o.certWarning) sections.push(`> [!WARNING]
> ${o.certWarning}`);
  if (o.sealed.length > 0 || o.kept.length > 0) {
    const keyRows = [...o.sealed.map((s) => [code(s.key), s.state]), ...o.kept.map((k) => [code(k), "kept (ciphertext unchanged)"])];
    sections.push(markdownTable(["Key", "State"], keyRows));
  }
  return sections;
}

// actions/seal-secrets/src/atomic-file.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { renameSync, statSync as statSync2, unlinkSync, writeFileSync as writeFileSync2 } from "node:fs";
import path3 from "node:path";
function writeFileAtomic(file, content) {
  let mode = 420;
  try {
    mode = statSync2(file).mode & 511;
  } catch {
  }
  const tmp = path3.join(path3.dirname(file), `.${path3.basename(file)}.${randomBytes2(6).toString("hex")}.tmp`);
  try {
    writeFileSync2(tmp, content, { mode, flag: "wx" });
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}

// actions/seal-secrets/src/execute.ts
var CERT_MAX_BYTES = 1024 * 1024;
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
async function loadCert(inputs, target, outcome) {
  if (inputs.parsedCert) {
    outcome.certOrigin = inputs.cert.kind === "file" ? inputs.cert.path : "the cert input";
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
  const result = await execTool(tool.path, plan.argv, { input: plan.stdin, timeoutMs: 12e4 });
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
      work = mkdtempSync2(path4.join(process.env.RUNNER_TEMP || tmpdir2(), "seal-secrets-"));
      const sealed = await group("Seal with kubeseal", () => sealWithKubeseal(inputs, cert, work));
      data = sealed.data;
      kubesealOutput = sealed.output;
    }
    let content;
    if (inputs.mergeInto) {
      const before = inputs.mergeInto.existing.encryptedData;
      content = inputs.mergeInto.existing.merge({ encryptedData: data, labels: inputs.labels, annotations: inputs.annotations });
      outcome.sealed = keys.map((key) => ({ key, state: before.has(key) ? "replaced" : "added" }));
      outcome.kept = [...before.keys()].filter((k) => !data.has(k));
    } else {
      content = kubesealOutput ?? await renderSealedSecret({ ...inputs, encryptedData: data }, inputs.format);
      outcome.sealed = keys.map((key) => ({ key, state: "sealed" }));
    }
    writeFileAtomic(inputs.outputFile, content);
    const relative = path4.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs.outputFile);
    outcome.file = relative.startsWith("..") || path4.isAbsolute(relative) ? inputs.outputFile : relative;
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
    outcome.error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    kubeconfig?.remove();
    if (work) rmSync2(work, { recursive: true, force: true });
    if (!(caught instanceof ConfigurationError)) await writeSummary(sealSummary(outcome));
  }
}
export {
  execute
};
//# sourceMappingURL=execute-H2XT3DLB.js.map
