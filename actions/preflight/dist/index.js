import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  formatReference,
  parseReference,
  rememberSecret,
  writeSummary
} from "./chunks/chunk-DO757EGR.js";
import {
  debug,
  getInput,
  isDebug,
  setFailed,
  setSecret
} from "./chunks/chunk-LOYH6TYK.js";
import {
  ConfigurationError,
  describeError
} from "./chunks/chunk-4WNJIDQD.js";
import "./chunks/chunk-GINXXFVL.js";

// src/lib/action.ts
async function runAction(action, main) {
  try {
    await main();
  } catch (err) {
    setFailed(`${action} failed: ${describeError(err)}`);
    if (isDebug() && err instanceof Error && err.stack) debug(err.stack);
    if (err instanceof ConfigurationError) {
      await writeSummary([`### \u274C ${action} did not start: input \`${err.input}\``, err.message.replace(/[<>]/g, (c) => `\\${c}`), "Nothing was changed. Fix the input in the workflow file and run it again."]);
    }
  }
}

// actions/preflight/src/inputs.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// src/lib/inputs.ts
function rawInput(name) {
  return getInput(name, { trimWhitespace: true });
}
function requiredInput(name, form) {
  const value = rawInput(name);
  if (value === "") throw new ConfigurationError(name, `a value is required. Expected ${form}`);
  return value;
}
function optionalInput(name) {
  const value = rawInput(name);
  return value === "" ? void 0 : value;
}
function parseChoice(name, value, choices) {
  if (choices.includes(value)) return value;
  throw new ConfigurationError(name, `'${value}' is not one of ${choices.join(", ")}`);
}
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
var DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
var DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
function parseNamespace(name, value) {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a Kubernetes namespace. Expected a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`);
  }
  return value;
}
function parseResourceName(name, value) {
  if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a Kubernetes name. Expected a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters`);
  }
  return value;
}
var CREDENTIAL_FIELD = /(token|password|passwd|secret|key|key-data|auth|credential|cookie|signature)$/i;
function secretParts(value) {
  const parts = /* @__PURE__ */ new Set([value]);
  if (/[\r\n]/.test(value)) {
    for (const raw of value.split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length >= 8 && !/[\s:]/.test(line) && !/^-+(BEGIN|END) /.test(line)) parts.add(line);
      const kv = /^-?\s*["']?([\w.-]+)["']?:\s+["']?([^"'\s]{8,})["']?,?$/.exec(line);
      if (kv?.[2] && CREDENTIAL_FIELD.test(kv[1])) parts.add(kv[2]);
    }
  }
  return [...parts];
}
function maskSecrets(...values) {
  for (const v of values) {
    if (v === void 0 || v === "") continue;
    for (const part of secretParts(v)) {
      setSecret(part);
      rememberSecret(part);
    }
  }
}

// actions/preflight/src/inputs.ts
var DEFAULT_WAIVERS_FILE = ".preflight-waivers.yaml";
var FAIL_ON = ["error", "warning", "never"];
function outputFile(name, workspace) {
  const value = requiredInput(name, "a file path relative to the workspace");
  const full = path.resolve(workspace, value);
  if (existsSync(full) && statSync(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(full))) throw new ConfigurationError(name, `the folder of '${value}' (${path.dirname(full)}) does not exist. Expected a file path in an existing folder`);
  return full;
}
async function readWaivers(value, workspace) {
  const full = path.resolve(workspace, value);
  if (!existsSync(full)) {
    if (value === DEFAULT_WAIVERS_FILE) return { waivers: [] };
    throw new ConfigurationError("waivers-file", `'${value}' does not exist (${full}). Expected a YAML file of waivers; leave waivers-file at its default (${DEFAULT_WAIVERS_FILE}, used when present) for none`);
  }
  if (!statSync(full).isFile()) throw new ConfigurationError("waivers-file", `'${value}' is not a file`);
  const { parseWaivers, WaiverFileError } = await import("./chunks/waivers-Q777NXNY.js");
  try {
    return { file: full, waivers: parseWaivers(readFileSync(full, "utf8"), value) };
  } catch (err) {
    if (err instanceof WaiverFileError) throw new ConfigurationError("waivers-file", `${err.message}`);
    throw err;
  }
}
async function getInputs(env = process.env) {
  const kubeconfig = optionalInput("kubeconfig");
  maskSecrets(kubeconfig);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const failOn = parseChoice("fail-on", requiredInput("fail-on", FAIL_ON.join(", ")), FAIL_ON);
  const waiversValue = requiredInput("waivers-file", `a YAML file of waivers (default ${DEFAULT_WAIVERS_FILE}, used when present)`);
  const sarifFile = outputFile("sarif-file", workspace);
  const reportFile = outputFile("report-file", workspace);
  if (sarifFile === reportFile) throw new ConfigurationError("report-file", `it is the same file as sarif-file (${sarifFile}). Expected another path`);
  const manifestEntries = parseList(optionalInput("manifests") ?? "").filter((e) => !e.startsWith("#"));
  const namespaceValue = optionalInput("namespace");
  const namespace = namespaceValue === void 0 ? void 0 : parseNamespace("namespace", namespaceValue);
  const deployments = parseList(optionalInput("deployments") ?? "").map((d) => parseResourceName("deployments", d));
  if (new Set(deployments).size !== deployments.length) throw new ConfigurationError("deployments", "a Deployment is named twice");
  if (deployments.length > 0 && namespace === void 0) throw new ConfigurationError("namespace", "deployments are read from the cluster in a namespace, and none is given. Expected the namespace of the Deployments");
  if (manifestEntries.length === 0 && deployments.length === 0) {
    throw new ConfigurationError("manifests", namespace === void 0 ? "no target: give manifests (files, directories or globs of YAML/JSON), or namespace and deployments to check what runs in the cluster" : `namespace '${namespace}' is given but no deployments to check there. Expected deployments (one name a line), or manifests`);
  }
  const context = optionalInput("context");
  if (context !== void 0 && !/^\S+$/.test(context)) throw new ConfigurationError("context", `'${context}' is not a kubeconfig context name`);
  const imageRefValue = optionalInput("image-ref");
  let imageRef;
  if (imageRefValue !== void 0) {
    const ref = parseReference(imageRefValue);
    if (typeof ref === "string" || ref.digest === void 0 && ref.tag === void 0) {
      throw new ConfigurationError("image-ref", `'${imageRefValue}' is not an image reference${typeof ref === "string" ? `: ${ref}` : " with a tag or digest"}. Expected registry/path/name@sha256:<64 hex> (the image about to be deployed)`);
    }
    imageRef = formatReference(ref);
  }
  for (const [name, file] of [["sarif-file", sarifFile], ["report-file", reportFile]]) {
    if (file === path.resolve(workspace, waiversValue)) throw new ConfigurationError(name, `it is the waivers file (${file}); writing there would overwrite the waivers. Expected another path`);
  }
  const { file: waiversFile, waivers } = await readWaivers(waiversValue, workspace);
  let manifests;
  if (manifestEntries.length > 0) {
    const { loadManifests, resolveManifestFiles } = await import("./chunks/manifests-C46MBHTX.js");
    const files = await resolveManifestFiles(manifestEntries, workspace);
    for (const out of [sarifFile, reportFile]) {
      if (files.includes(out)) throw new ConfigurationError(out === sarifFile ? "sarif-file" : "report-file", `it is one of the manifests (${out}). Expected another path`);
    }
    manifests = { entries: manifestEntries, files, items: loadManifests(files, workspace, namespace) };
  }
  return { workspace, manifests, namespace, deployments, kubeconfig, context, imageRef, failOn, waiversFile, waivers, sarifFile, reportFile };
}

// actions/preflight/src/main.ts
async function run() {
  const inputs = await getInputs();
  const { execute } = await import("./chunks/execute-H5Z4XNVW.js");
  await execute(inputs);
}

// actions/preflight/src/index.ts
await runAction("preflight", run);
//# sourceMappingURL=index.js.map
