import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  SEVERITIES,
  code,
  dbDownloadArgv,
  debug,
  escapeCell,
  group,
  info,
  isCompromised,
  isDebug,
  isLoopbackRegistry,
  isRateLimited,
  isUnfixed,
  markdownTable,
  maskSecrets,
  parseTrivyReport,
  repositoryName,
  sbomArgv,
  scanArgv,
  setOutput,
  trivyEnv,
  trivyMessage,
  warning,
  writeSummary
} from "./chunk-RJYYWR63.js";
import {
  isYamlIgnoreFile,
  parsePurl,
  purlMatches
} from "./chunk-VJC2OVWC.js";
import "./chunk-PV6P4JDB.js";
import "./chunk-GINXXFVL.js";

// actions/scan/src/execute.ts
import { existsSync as existsSync3, mkdtempSync as mkdtempSync3, readFileSync as readFileSync4, rmSync as rmSync3, writeFileSync as writeFileSync2 } from "node:fs";
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

// src/lib/registry-auth.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

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

// src/lib/tools.ts
import { createHash } from "node:crypto";
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
  chmodSync(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/scan/src/attest.ts
function attestArgv(imageAtDigest, registry, predicateFile, type = "vuln") {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to attest ${imageAtDigest}: only image@sha256 digests are attested`);
  const argv = ["attest", "--yes", "--type", type, "--predicate", predicateFile];
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(imageAtDigest);
  return argv;
}
function builderId(env) {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_WORKFLOW_REF) return void 0;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_WORKFLOW_REF}`;
}
function oidcProblem(env) {
  return oidcTokenProblem(env, "attest: true signs the attestation keylessly and", "or set attest: false");
}

// actions/scan/src/db-cache.ts
import { readFileSync as readFileSync2 } from "node:fs";
import path3 from "node:path";
function dbCacheKey(now, os, arch2, kind = "db") {
  const clean = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const prefix = `trivy-${kind}-${clean(os)}-${clean(arch2)}-`;
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}
function dbDir(cacheDir, kind = "db") {
  return path3.join(cacheDir, kind);
}
function dbFiles(cacheDir, kind = "db") {
  return { db: path3.join(dbDir(cacheDir, kind), kind === "db" ? "trivy.db" : "trivy-java.db"), metadata: path3.join(dbDir(cacheDir, kind), "metadata.json") };
}
function dbMetadataText(cacheDir, kind = "db") {
  try {
    return readFileSync2(dbFiles(cacheDir, kind).metadata, "utf8");
  } catch {
    return void 0;
  }
}
function dbVersion(cacheDir) {
  try {
    const meta = JSON.parse(dbMetadataText(cacheDir) ?? "");
    return typeof meta.UpdatedAt === "string" ? meta.UpdatedAt : void 0;
  } catch {
    return void 0;
  }
}
async function restoreDb(cacheDir, key, kind = "db") {
  try {
    const cache = await import("#lazy/cache");
    if (!cache.isFeatureAvailable()) return { status: "unavailable", reason: "the runner's cache service is not available (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)" };
    const hit = await cache.restoreCache([dbDir(cacheDir, kind)], key.key, key.restoreKeys);
    if (hit === void 0) return { status: "miss" };
    return { status: "hit", key: hit, exact: hit === key.key };
  } catch (err) {
    return { status: "unavailable", reason: `restoring the cache failed: ${err.message}` };
  }
}
async function saveDb(cacheDir, key, kind = "db") {
  try {
    const cache = await import("#lazy/cache");
    if (!cache.isFeatureAvailable()) return { status: "failed", reason: "the runner's cache service is not available" };
    const id = await cache.saveCache([dbDir(cacheDir, kind)], key.key);
    return id === -1 ? { status: "declined" } : { status: "saved" };
  } catch (err) {
    const e = err;
    if (e.name === "ReserveCacheError" || /already exists/i.test(e.message)) return { status: "exists" };
    return { status: "failed", reason: e.message };
  }
}

// src/lib/vuln/policy.ts
function zeroCounts() {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
var SEVERITY_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, UNKNOWN: 4 };
function compareFindings(a, b) {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (b.cvss ?? -1) - (a.cvss ?? -1) || a.id.localeCompare(b.id) || a.pkgName.localeCompare(b.pkgName);
}
function entryMatches(entry, f, purl) {
  if (entry.pathPatterns.length > 0) {
    const candidates = [f.target, f.pkgPath ?? ""];
    if (!candidates.some((p) => entry.pathPatterns.some((re) => re.test(p)))) return false;
  }
  if (entry.parsedPurls.length > 0 && purl !== void 0) {
    if (!entry.parsedPurls.some((p) => purlMatches(p, purl))) return false;
  }
  return true;
}
function evaluate(findings, policy) {
  const found = zeroCounts();
  const ignored = zeroCounts();
  const remaining = zeroCounts();
  const failing = zeroCounts();
  const ignoredBy = { unfixed: 0, "ignore-file": 0 };
  const remainingFindings = [];
  const failingFindings = [];
  const now = policy.now.getTime();
  const uses = (policy.ignore?.entries ?? []).map((entry) => ({ entry, expired: entry.expiredAt !== void 0 && entry.expiredAt.getTime() < now, matched: 0 }));
  const byId = /* @__PURE__ */ new Map();
  for (const use of uses) {
    const list = byId.get(use.entry.id);
    if (list) list.push(use);
    else byId.set(use.entry.id, [use]);
  }
  const purlCache = /* @__PURE__ */ new Map();
  const purlOf = (text) => {
    if (text === void 0) return void 0;
    if (!purlCache.has(text)) {
      const p = parsePurl(text);
      purlCache.set(text, typeof p === "string" ? void 0 : p);
    }
    return purlCache.get(text);
  };
  for (const f of findings) {
    found[f.severity]++;
    let reason;
    const candidates = byId.get(f.id);
    if (candidates) {
      const purl = purlOf(f.purl);
      let active = false;
      for (const use of candidates) {
        if (!entryMatches(use.entry, f, purl)) continue;
        use.matched++;
        if (!use.expired) active = true;
      }
      if (active) reason = "ignore-file";
    }
    if (!reason && policy.ignoreUnfixed && isUnfixed(f)) reason = "unfixed";
    if (reason) {
      ignored[f.severity]++;
      ignoredBy[reason]++;
      continue;
    }
    remaining[f.severity]++;
    remainingFindings.push(f);
    if (policy.failing.has(f.severity)) {
      failing[f.severity]++;
      failingFindings.push(f);
    }
  }
  failingFindings.sort(compareFindings);
  const ignoredTotal = ignoredBy.unfixed + ignoredBy["ignore-file"];
  return {
    total: findings.length,
    found,
    ignored,
    remaining,
    failing,
    ignoredTotal,
    ignoredBy,
    passed: failingFindings.length === 0,
    remainingFindings,
    failingFindings,
    isFailing: (f) => policy.failing.has(f.severity),
    entries: uses
  };
}

// actions/scan/src/sarif.ts
var MAX_SARIF_RESULTS = 25e3;
var LEVEL_BY_SEVERITY = { CRITICAL: "error", HIGH: "error", MEDIUM: "warning", LOW: "note", UNKNOWN: "note" };
var FALLBACK_SCORE = { CRITICAL: "9.5", HIGH: "8.0", MEDIUM: "5.5", LOW: "2.0", UNKNOWN: "0.0" };
var LEVEL_RANK = { error: 0, warning: 1, note: 2, none: 3 };
function codeScanningBucket(score) {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score >= 0.1) return "LOW";
  return "UNKNOWN";
}
function securitySeverity(f) {
  const score = f.sourceScore;
  if (score !== void 0 && f.severity !== "UNKNOWN" && codeScanningBucket(Number(score.toFixed(1))) === f.severity) return score.toFixed(1);
  return FALLBACK_SCORE[f.severity];
}
function isHttpUrl(u) {
  return u !== void 0 && /^https?:\/\/[^\s]+$/.test(u);
}
function location(f, ctx) {
  if (f.pkgPath) return f.pkgPath.replace(/\\/g, "/");
  if (f.resultClass === "os-pkgs" || f.target === "") return ctx.imagePath;
  return f.target.replace(/\\/g, "/");
}
function pathToUri(p) {
  return p.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function buildSarif(evaluation, ctx) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const ruleWorst = /* @__PURE__ */ new Map();
  const results = [];
  const failingFirst = (a, b) => Number(evaluation.isFailing(b)) - Number(evaluation.isFailing(a)) || compareFindings(a, b);
  const ordered = evaluation.remainingFindings.slice().sort(failingFirst).slice(0, MAX_SARIF_RESULTS);
  for (const f of ordered) {
    const level = evaluation.isFailing(f) ? "error" : LEVEL_BY_SEVERITY[f.severity] === "error" ? "warning" : LEVEL_BY_SEVERITY[f.severity];
    const score = securitySeverity(f);
    let index = ruleIndex.get(f.id);
    if (index === void 0) {
      index = rules.length;
      ruleIndex.set(f.id, index);
      const link2 = isHttpUrl(f.primaryUrl) ? f.primaryUrl : void 0;
      rules.push({
        id: f.id,
        name: f.resultClass === "os-pkgs" ? "OsPackageVulnerability" : "LanguageSpecificPackageVulnerability",
        shortDescription: { text: f.title ?? f.id },
        fullDescription: { text: f.description ?? f.title ?? f.id },
        ...link2 ? { helpUri: link2 } : {},
        help: {
          text: `Vulnerability ${f.id}
Severity: ${f.severity}
Package: ${f.pkgName}
Fixed Version: ${f.fixedVersion ?? ""}
Link: ${link2 ?? ""}
${f.description ?? ""}`,
          markdown: `**Vulnerability ${f.id}**
| Severity | Package | Fixed Version | Link |
| --- | --- | --- | --- |
|${f.severity}|${f.pkgName}|${f.fixedVersion ?? ""}|${link2 ? `[${f.id}](${link2})` : ""}|

${f.description ?? ""}`
        },
        defaultConfiguration: { level },
        properties: { precision: "very-high", "security-severity": score, tags: ["vulnerability", "security", f.severity] }
      });
      ruleWorst.set(f.id, { level, score: Number(score), severity: f.severity });
    } else {
      const worst = ruleWorst.get(f.id);
      const rule = rules[index];
      if (worst && rule) {
        if (LEVEL_RANK[level] < LEVEL_RANK[worst.level]) {
          worst.level = level;
          rule.defaultConfiguration = { level };
        }
        if (Number(score) > worst.score) {
          worst.score = Number(score);
          rule.properties["security-severity"] = score;
        }
        if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst.severity]) {
          worst.severity = f.severity;
          rule.properties.tags = ["vulnerability", "security", f.severity];
        }
      }
    }
    const where = location(f, ctx);
    const uri = pathToUri(where);
    results.push({
      ruleId: f.id,
      ruleIndex: index,
      level,
      message: {
        text: `Package: ${f.pkgName}
Installed Version: ${f.installedVersion}
Vulnerability ${f.id}
Severity: ${f.severity}
Fixed Version: ${f.fixedVersion ?? ""}
Link: ${isHttpUrl(f.primaryUrl) ? `[${f.id}](${f.primaryUrl})` : ""}`
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri, uriBaseId: "ROOTPATH" }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
          message: { text: `${where}: ${f.pkgName}@${f.installedVersion}` }
        }
      ],
      properties: { target: f.target, ...f.cvssVector ? { cvssVector: f.cvssVector } : {} }
    });
  }
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "Trivy",
            fullName: "Trivy Vulnerability Scanner",
            informationUri: "https://github.com/aquasecurity/trivy",
            ...ctx.trivyVersion ? { version: ctx.trivyVersion.replace(/^v/, "") } : {},
            rules
          }
        },
        results,
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: { ROOTPATH: { uri: "file:///" } },
        properties: { imageRef: ctx.imageRef }
      }
    ]
  };
}

// actions/scan/src/summary.ts
var MAX_FINDING_ROWS = 50;
function plain(text) {
  return text.replace(/[<>]/g, (c) => c === "<" ? "&lt;" : "&gt;").replace(/[[\]]/g, (c) => `\\${c}`);
}
function shortDigests(text) {
  return text.replace(/\b(sha256:)?([a-f0-9]{12})[a-f0-9]{52}\b/g, (_, algo, head) => `${algo ?? ""}${head}\u2026`);
}
function fenced(text, info2 = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info2}
${text.replace(/\n+$/, "")}
${fence}`;
}
function link(f) {
  return f.primaryUrl && /^https:\/\/[^\s()]+$/.test(f.primaryUrl) ? `[${plain(f.id)}](${f.primaryUrl})` : plain(f.id);
}
function verdict(o) {
  const image = o.imageRef ? ` ${code(o.imageRef)}` : "";
  const ev = o.evaluation;
  if (!ev) return `## :x: Scan of${image} did not complete${o.error ? `

${fenced(o.error, "text")}` : ""}`;
  const sev = (o.failingSeverities ?? []).join(", ");
  if (ev.passed) return `## :white_check_mark: Scan passed:${image}

No finding of a failing severity (${sev}) remains after ignoring (${ev.total} found, ${ev.ignoredTotal} ignored).`;
  const n = ev.failingFindings.length;
  const head = o.failOnFindings === false ? `## :warning: Scan found ${n} failing finding${n === 1 ? "" : "s"} (not enforced: fail-on-findings is false):${image}` : `## :x: Scan failed: ${n} finding${n === 1 ? "" : "s"} of failing severity (${sev}) in${image}`;
  return head;
}
function nextSteps(o, ev) {
  const first = ev.failingFindings[0];
  const argv = ["trivy", "image", "--scanners", "vuln", "--severity", (o.failingSeverities ?? []).join(",")];
  if (o.ignoreUnfixed) argv.push("--ignore-unfixed");
  if (o.ignoreFile) argv.push("--ignorefile", o.ignoreFile);
  argv.push(o.imageRef ?? "<image>@sha256:<digest>");
  const parts = [`To list them on your machine:

${fenced(argv.join(" "), "sh")}`];
  if (first) {
    const file = o.ignoreFile ?? ".trivyignore.yaml";
    const entry = o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? `${first.id} exp:<YYYY-MM-DD> # <why it is acceptable until then>` : `vulnerabilities:
  - id: ${first.id}
    statement: <why it is acceptable until then>
    expired_at: <YYYY-MM-DD>`;
    parts.push(`To accept one for a while (it fails the gate again once expired), add to ${code(file)}:

${fenced(entry, o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? "text" : "yaml")}`);
  }
  return parts.join("\n\n");
}
function dbFix(o) {
  if (o.evaluation || !o.error || !/vulnerability DB could not be downloaded/.test(o.error)) return void 0;
  const mirrors = o.dbRepositories ?? ["mirror.gcr.io/aquasec/trivy-db:2", "ghcr.io/aquasecurity/trivy-db:2"];
  const yaml = ["with:", "  db-repository: |", "    <your-registry>/<path>/trivy-db:2", ...mirrors.map((m) => `    ${m}`)].join("\n");
  return `### What to do

Retry later, or put a mirror of the Trivy DB of your own first in ${code("db-repository")} (the others stay as fallbacks):

${fenced(yaml, "yaml")}`;
}
function buildScanSummary(o) {
  const sections = [verdict(o)];
  const ev = o.evaluation;
  if (ev) {
    const failingSet = new Set(o.failingSeverities ?? []);
    const rows = SEVERITIES.map((s) => [failingSet.has(s) ? `**${s}**` : s, String(ev.found[s]), String(ev.ignored[s]), String(ev.remaining[s]), failingSet.has(s) ? String(ev.failing[s]) : "-"]);
    rows.push(["Total", String(ev.total), String(ev.ignoredTotal), String(ev.remainingFindings.length), String(ev.failingFindings.length)]);
    sections.push(markdownTable(["Severity", "Found", "Ignored", "Remaining", "Failing"], rows));
    if (ev.ignoredTotal > 0) {
      const parts = [];
      if (ev.ignoredBy.unfixed > 0) parts.push(`${ev.ignoredBy.unfixed} without a fixed version (ignore-unfixed)`);
      if (ev.ignoredBy["ignore-file"] > 0) parts.push(`${ev.ignoredBy["ignore-file"]} by entries of ${code(o.ignoreFile ?? "the ignore file")}`);
      sections.push(`Ignored: ${parts.join("; ")}.`);
    }
    if (ev.failingFindings.length > 0) {
      const shown = ev.failingFindings.slice(0, MAX_FINDING_ROWS);
      const table = markdownTable(
        ["Severity", "Vulnerability", "CVSS", "Package", "Installed", "Fixed in", "Target"],
        shown.map((f) => [f.severity, link(f), f.cvss !== void 0 ? f.cvss.toFixed(1) : "", plain(f.pkgName), plain(f.installedVersion), f.fixedVersion ? plain(f.fixedVersion) : "(no fix)", plain(shortDigests(f.target))])
      );
      const more = ev.failingFindings.length - shown.length;
      sections.push(`### Failing findings

${table}${more > 0 ? `

\u2026 and ${more} more failing finding${more === 1 ? "" : "s"} (see ${code(o.reportFile ?? "the report")} or the SARIF upload).` : ""}`);
      sections.push(nextSteps(o, ev));
    }
    const expired = ev.entries.filter((u) => u.expired);
    if (expired.length > 0) {
      const table = markdownTable(
        ["Vulnerability", "Expired at", "Line", "Would match", "Statement"],
        expired.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? "", String(u.entry.line), String(u.matched), plain(u.entry.statement ?? "")])
      );
      const file = o.ignoreFile ?? "the ignore file";
      const renew = o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? expired.map((u) => `${u.entry.id} exp:<YYYY-MM-DD> # <why it is still acceptable>`).join("\n") : ["vulnerabilities:", ...expired.flatMap((u) => [`  - id: ${u.entry.id}`, "    statement: <why it is still acceptable>", "    expired_at: <YYYY-MM-DD>"])].join("\n");
      sections.push(`### Expired ignore entries (they suppress nothing)

${table}

Fix what they cover, or remove them from ${code(file)}; to accept the risk for longer, renew each with a new date and a reason:

${fenced(renew, o.ignoreFile && !isYamlIgnoreFile(o.ignoreFile) ? "text" : "yaml")}`);
    }
    const active = ev.entries.filter((u) => !u.expired);
    if (active.length > 0) {
      const table = markdownTable(
        ["Vulnerability", "Expires", "Line", "Matched", "Statement"],
        active.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? "never", String(u.entry.line), String(u.matched), plain(u.entry.statement ?? "")])
      );
      sections.push(`<details><summary>Active ignore entries (${active.length})</summary>

${table}

</details>`);
    }
    if (o.otherFindings) sections.push(`Note: the report also holds ${o.otherFindings} secret or misconfiguration finding(s); this gate judges vulnerabilities only.`);
  }
  const facts = [];
  if (o.trivyVersion) facts.push(`Trivy ${escapeCell(o.trivyVersion)}`);
  facts.push(...o.dbNotes.map(plain));
  if (o.reportFile) facts.push(`Report: ${code(o.reportFile)}`);
  if (o.sarifFile) facts.push(`SARIF: ${code(o.sarifFile)}${o.sarifOmitted ? ` (the most severe findings first; ${o.sarifOmitted} of the least severe left out, over code scanning's limit of results per run)` : ""}`);
  if (o.sbom?.file) facts.push(`SBOM: ${code(o.sbom.file)} (CycloneDX ${escapeCell(o.sbom.specVersion)}, ${o.sbom.components} components)`);
  if (o.attested !== void 0) facts.push(o.attested ? "Vulnerability attestation: attached with cosign (type vuln)" : "Vulnerability attestation: not attached");
  if (o.sbom?.attested !== void 0) facts.push(o.sbom.attested ? "SBOM attestation: attached with cosign (type cyclonedx)" : "SBOM attestation: not attached");
  if (facts.length > 0) sections.push(facts.map((f) => `- ${f}`).join("\n"));
  const fix = dbFix(o);
  if (fix) sections.push(fix);
  if (ev && o.error) sections.push(`**Error:**

${fenced(o.error, "text")}`);
  return sections;
}

// actions/scan/src/vuln-db.ts
import { existsSync as existsSync2 } from "node:fs";
var DB_TIMEOUT_MS = 15 * 60 * 1e3;
var LABEL = { db: "DB", "java-db": "Java DB" };
function reportSave(saved, key, kind, notes) {
  const label = LABEL[kind];
  switch (saved.status) {
    case "saved":
      info(`${label} cached as ${key.key}`);
      notes.push(`${label} cache: saved as ${key.key}`);
      break;
    case "exists":
      info(`${label} cache ${key.key} already saved by another job`);
      break;
    case "declined":
      info(`${label} not cached: the cache service did not store ${key.key} (its message above says why)`);
      notes.push(`${label} cache: not saved (the cache service declined ${key.key}; see the log)`);
      break;
    case "failed":
      warning(`cache-db: could not save the ${label} (${saved.reason})`);
      notes.push(`${label} cache: not saved (${saved.reason})`);
      break;
  }
}
async function prepareDb(trivy, inputs, cacheDir, notes) {
  const files = dbFiles(cacheDir);
  const key = dbCacheKey(/* @__PURE__ */ new Date(), process.platform, process.arch);
  let cacheUsable = false;
  if (inputs.cacheDb) {
    const restored = await restoreDb(cacheDir, key);
    if (restored.status === "unavailable") {
      warning(`cache-db: ${restored.reason}; the DB is downloaded and not cached`);
      notes.push("DB cache: not available on this runner");
    } else {
      cacheUsable = true;
      if (restored.status === "hit" && restored.exact && existsSync2(files.db)) {
        info(`Vulnerability DB restored from today's cache (${restored.key})`);
        notes.push(`DB: restored from cache ${restored.key}`);
        return void 0;
      }
      if (restored.status === "hit") {
        info(`Restored an older DB (${restored.key}); refreshing it`);
        notes.push(`DB cache: restored ${restored.key}, refreshed`);
      } else info(`No cached DB for ${key.key}; downloading`);
    }
  }
  const failures = [];
  let source;
  for (const [i, repo] of inputs.dbRepositories.entries()) {
    const r = await execTool(trivy.path, dbDownloadArgv(repo, cacheDir), { env: trivyEnv(process.env), allowFailure: true, timeoutMs: DB_TIMEOUT_MS });
    if (r.exitCode === 0 && existsSync2(files.db)) {
      source = repo;
      break;
    }
    const why = isRateLimited(`${r.stderr}
${r.stdout}`) ? "rate limited (TOOMANYREQUESTS)" : trivyMessage(r.stderr, r.stdout);
    const next = i + 1 < inputs.dbRepositories.length ? `; trying ${inputs.dbRepositories[i + 1]}` : "";
    warning(`Trivy DB from ${repo}: ${why}${next}`);
    failures.push(`${repo}: ${why}`);
    notes.push(`DB mirror ${repo}: ${why.split("\n")[0]}`);
  }
  if (!source) {
    if (existsSync2(files.db)) {
      warning(`Every DB mirror failed; scanning with the older cached DB. ${failures.join("; ")}`);
      notes.push("DB: older cached copy used (every mirror failed)");
      return void 0;
    }
    throw new Error(`the vulnerability DB could not be downloaded from any mirror in db-repository:
${failures.join("\n")}
Add another mirror to db-repository, or retry later`);
  }
  info(`Vulnerability DB ready from ${source}`);
  notes.push(`DB: downloaded from ${source}`);
  if (cacheUsable) reportSave(await saveDb(cacheDir, key), key, "db", notes);
  return source;
}
var JavaDbCache = class {
  constructor(cacheDir, enabled) {
    this.cacheDir = cacheDir;
    this.enabled = enabled;
  }
  cacheDir;
  enabled;
  key = dbCacheKey(/* @__PURE__ */ new Date(), process.platform, process.arch, "java-db");
  before;
  usable = false;
  async restore(notes) {
    if (!this.enabled) return;
    const restored = await restoreDb(this.cacheDir, this.key, "java-db");
    this.usable = restored.status !== "unavailable";
    if (restored.status === "hit") {
      info(`Java DB restored from cache (${restored.key})`);
      notes.push(`Java DB: restored from cache ${restored.key}`);
    }
    this.before = dbMetadataText(this.cacheDir, "java-db");
  }
  async saveIfDownloaded(notes) {
    if (!this.enabled || !this.usable) return;
    const after = dbMetadataText(this.cacheDir, "java-db");
    if (after === void 0 || after === this.before || !existsSync2(dbFiles(this.cacheDir, "java-db").db)) return;
    notes.push("Java DB: downloaded by Trivy (the image holds JAR files)");
    reportSave(await saveDb(this.cacheDir, this.key, "java-db"), this.key, "java-db", notes);
  }
};

// actions/scan/src/sbom.ts
import { readFileSync as readFileSync3 } from "node:fs";
function readSbom(file) {
  let doc;
  try {
    doc = JSON.parse(readFileSync3(file, "utf8"));
  } catch (err) {
    throw new Error(`trivy exited 0 but the SBOM ${file} is not readable JSON: ${err.message}`);
  }
  const bom = doc;
  if (typeof doc !== "object" || doc === null || bom.bomFormat !== "CycloneDX" || typeof bom.specVersion !== "string") {
    throw new Error(`trivy exited 0 but ${file} is not a CycloneDX SBOM (bomFormat ${JSON.stringify(bom?.bomFormat ?? null)})`);
  }
  if (typeof bom.metadata?.component !== "object" || bom.metadata.component === null) throw new Error(`the SBOM ${file} names no image (metadata.component is missing)`);
  return { specVersion: bom.specVersion, components: Array.isArray(bom.components) ? bom.components.length : 0 };
}

// src/lib/vuln/vuln-predicate.ts
function recordIgnore(entry) {
  return {
    id: entry.id,
    ...entry.paths.length > 0 ? { paths: [...entry.paths] } : {},
    ...entry.purls.length > 0 ? { purls: [...entry.purls] } : {},
    ...entry.expiredAt ? { expired_at: entry.expiredAt.toISOString() } : {},
    ...entry.statement !== void 0 ? { statement: entry.statement } : {}
  };
}
function buildVulnPredicate(input) {
  const version = input.trivyVersion.replace(/^v/, "");
  const entries = input.ignore === void 0 ? [] : Array.isArray(input.ignore) ? input.ignore : input.ignore.entries;
  return {
    invocation: {
      parameters: { severity: [...input.severity], "ignore-unfixed": input.ignoreUnfixed, ignores: entries.map(recordIgnore) },
      uri: input.runUrl ?? "",
      event_id: input.eventId ?? "",
      "builder.id": input.builderId ?? ""
    },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy@${version}`,
      version,
      db: { uri: input.db?.uri ?? "", version: input.db?.version ?? "" },
      result: input.report
    },
    metadata: { scanStartedOn: input.startedOn.toISOString(), scanFinishedOn: input.finishedOn.toISOString() }
  };
}
var CLOCK_SKEW_MS = 5 * 60 * 1e3;

// actions/scan/src/execute.ts
var GateFailed = class extends Error {
};
var SCAN_TIMEOUT_MS = 30 * 60 * 1e3;
function setCounts(ev) {
  setOutput("passed", String(ev.passed));
  for (const s of SEVERITIES) setOutput(s.toLowerCase(), String(ev.remaining[s]));
  setOutput("ignored", String(ev.ignoredTotal));
}
async function execute(inputs) {
  const outcome = {
    imageRef: inputs.imageRef,
    failingSeverities: inputs.severity,
    failOnFindings: inputs.failOnFindings,
    ignoreFile: inputs.ignore?.file,
    ignoreUnfixed: inputs.ignoreUnfixed,
    dbRepositories: inputs.dbRepositories,
    dbNotes: []
  };
  const temp = process.env.RUNNER_TEMP || tmpdir3();
  const work = mkdtempSync3(path4.join(temp, "scan-"));
  let auth;
  let evaluated = false;
  try {
    if (inputs.attest) {
      const problem = oidcProblem(process.env);
      if (problem) throw new Error(problem);
    }
    const trivy = await resolveTool("trivy", inputs.trivyVersion);
    if (isCompromised(trivy.version)) throw new Error(`trivy ${trivy.version} at ${trivy.path} is a known malicious release; refusing to run it. Install v0.69.3`);
    outcome.trivyVersion = trivy.version;
    const cosign = inputs.attest ? await resolveTool("cosign") : void 0;
    const cacheDir = path4.join(temp, "trivy-cache");
    const dbSource = await group("Vulnerability DB", () => prepareDb(trivy, inputs, cacheDir, outcome.dbNotes));
    const db = { uri: dbSource ?? "", version: dbVersion(cacheDir) ?? "" };
    const javaDb = new JavaDbCache(cacheDir, inputs.cacheDb);
    await javaDb.restore(outcome.dbNotes);
    const emptyIgnoreFile = path4.join(work, "empty.trivyignore");
    const emptyConfigFile = path4.join(work, "trivy.yaml");
    writeFileSync2(emptyIgnoreFile, "");
    writeFileSync2(emptyConfigFile, "{}\n");
    rmSync3(inputs.reportFile, { force: true });
    const env = trivyEnv(process.env);
    if (inputs.credentials) {
      env.TRIVY_USERNAME = inputs.credentials.username;
      env.TRIVY_PASSWORD = inputs.credentials.password;
    }
    const started = /* @__PURE__ */ new Date();
    const scan = await group(
      `Scan ${inputs.imageRef}`,
      () => execTool(trivy.path, scanArgv({ imageRef: inputs.imageRef, reportFile: inputs.reportFile, cacheDir, emptyIgnoreFile, emptyConfigFile, javaDbRepositories: inputs.javaDbRepositories }), { env, allowFailure: true, stream: true, timeoutMs: SCAN_TIMEOUT_MS })
    );
    const finished = /* @__PURE__ */ new Date();
    if (scan.exitCode !== 0) throw new Error(`trivy exited with code ${scan.exitCode}:
${trivyMessage(scan.stderr, scan.stdout)}`);
    if (!existsSync3(inputs.reportFile)) throw new Error(`trivy exited 0 but wrote no report to ${inputs.reportFile}:
${trivyMessage(scan.stderr, scan.stdout)}`);
    const text = readFileSync4(inputs.reportFile, "utf8");
    let report;
    try {
      report = parseTrivyReport(text, inputs.reportFile);
    } catch (err) {
      throw new Error(`${err.message}
Trivy's output:
${trivyMessage(scan.stderr, scan.stdout)}`);
    }
    outcome.reportFile = inputs.reportFile;
    outcome.otherFindings = report.otherFindings;
    setOutput("report-file", inputs.reportFile);
    const evaluation = evaluate(report.findings, { failing: new Set(inputs.severity), ignoreUnfixed: inputs.ignoreUnfixed, ignore: inputs.ignore, now: /* @__PURE__ */ new Date() });
    outcome.evaluation = evaluation;
    evaluated = true;
    setCounts(evaluation);
    for (const use of evaluation.entries.filter((u) => u.expired)) {
      warning(`Ignore entry ${use.entry.id} (${inputs.ignore?.file} line ${use.entry.line}) expired at ${use.entry.expiredAtText} and suppresses nothing${use.matched ? ` (it matches ${use.matched} finding(s))` : ""}`);
    }
    const sarif = buildSarif(evaluation, { imageRef: inputs.imageRef, imagePath: repositoryName(inputs.image), trivyVersion: trivy.version });
    writeFileSync2(inputs.sarifFile, `${JSON.stringify(sarif)}
`);
    outcome.sarifFile = inputs.sarifFile;
    outcome.sarifOmitted = evaluation.remainingFindings.length - (sarif.runs[0]?.results?.length ?? 0);
    if (outcome.sarifOmitted > 0) {
      warning(`The SARIF file holds the ${MAX_SARIF_RESULTS} most severe of ${evaluation.remainingFindings.length} remaining findings (code scanning rejects a run with more); the other ${outcome.sarifOmitted} are in ${inputs.reportFile}`);
    }
    setOutput("sarif-file", inputs.sarifFile);
    if (inputs.sbom) {
      rmSync3(inputs.sbomFile, { force: true });
      const run = await group(
        `SBOM of ${inputs.imageRef}`,
        () => execTool(trivy.path, sbomArgv({ imageRef: inputs.imageRef, sbomFile: inputs.sbomFile, cacheDir, emptyConfigFile, javaDbRepositories: inputs.javaDbRepositories }), { env, allowFailure: true, stream: true, timeoutMs: SCAN_TIMEOUT_MS })
      );
      if (run.exitCode !== 0) throw new Error(`trivy could not write the SBOM (exit code ${run.exitCode}):
${trivyMessage(run.stderr, run.stdout)}`);
      outcome.sbom = readSbom(inputs.sbomFile);
      outcome.sbom.file = inputs.sbomFile;
      setOutput("sbom-file", inputs.sbomFile);
    }
    await javaDb.saveIfDownloaded(outcome.dbNotes);
    if (cosign) {
      const predicateFile = path4.join(work, "vuln-predicate.json");
      const predicate = buildVulnPredicate({
        report: JSON.parse(text),
        trivyVersion: trivy.version,
        startedOn: started,
        finishedOn: finished,
        severity: inputs.severity,
        ignoreUnfixed: inputs.ignoreUnfixed,
        ignore: inputs.ignore,
        runUrl: runUrl(process.env),
        eventId: process.env.GITHUB_RUN_ID,
        builderId: builderId(process.env),
        db
      });
      writeFileSync2(predicateFile, JSON.stringify(predicate));
      if (inputs.credentials) auth = writeAuthConfig(inputs.registry, inputs.credentials);
      outcome.attested = false;
      await group(`Attest the scan to ${inputs.imageRef}`, () => execTool(cosign.path, attestArgv(inputs.imageRef, inputs.registry, predicateFile), { env: { ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 }));
      outcome.attested = true;
      if (outcome.sbom) {
        outcome.sbom.attested = false;
        await group(`Attest the SBOM to ${inputs.imageRef}`, () => execTool(cosign.path, attestArgv(inputs.imageRef, inputs.registry, inputs.sbomFile, "cyclonedx"), { env: { ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 }));
        outcome.sbom.attested = true;
      }
    }
    const failing = evaluation.failingFindings;
    if (!evaluation.passed) {
      const shown = failing.slice(0, 5).map((f) => `${f.id} (${f.severity}, ${f.pkgName} ${f.installedVersion}${f.fixedVersion ? ` -> ${f.fixedVersion}` : ""})`);
      const message = `${failing.length} finding(s) of failing severity (${inputs.severity.join(", ")}) remain in ${inputs.imageRef}: ${shown.join(", ")}${failing.length > shown.length ? `, and ${failing.length - shown.length} more` : ""}`;
      if (inputs.failOnFindings) throw new GateFailed(message);
      warning(`${message} (not enforced: fail-on-findings is false)`);
    } else {
      info(`Passed: no finding of severity ${inputs.severity.join(", ")} remains (${evaluation.total} found, ${evaluation.ignoredTotal} ignored)`);
    }
  } catch (err) {
    if (!(err instanceof GateFailed)) outcome.error = err instanceof Error ? err.message : String(err);
    if (!evaluated) setOutput("passed", "false");
    throw err;
  } finally {
    auth?.remove();
    rmSync3(work, { recursive: true, force: true });
    await writeSummary(buildScanSummary(outcome));
  }
}
export {
  execute
};
//# sourceMappingURL=execute-BR2QZZYJ.js.map
