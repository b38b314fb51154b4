import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  SEVERITIES,
  booleanInput,
  debug,
  describeError,
  formatReference,
  isCompromised,
  isDebug,
  maskSecrets,
  optionalInput,
  parseImageRef,
  parseList,
  parseReference,
  registryOf,
  requiredInput,
  setFailed,
  writeSummary
} from "./chunks/chunk-RJYYWR63.js";
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

// actions/scan/src/inputs.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
var DEFAULT_IGNORE_FILE = ".trivyignore.yaml";
function parseSeverities(value) {
  const form = `a comma-separated list of ${SEVERITIES.join(", ")}, e.g. CRITICAL,HIGH`;
  if (value.trim() === "") throw new ConfigurationError("severity", `a value is required. Expected ${form}`);
  const items = value.split(/[,\n]/).map((s) => s.trim());
  const out = [];
  for (const item of items) {
    if (item === "") throw new ConfigurationError("severity", `'${value}' has an empty item. Expected ${form}`);
    const upper = item.toUpperCase();
    if (!SEVERITIES.includes(upper)) throw new ConfigurationError("severity", `'${item}' is not a severity. Expected ${form}`);
    if (!out.includes(upper)) out.push(upper);
  }
  return out;
}
function outputFile(name, workspace) {
  const value = requiredInput(name, "a file path relative to the workspace");
  const full = path.resolve(workspace, value);
  if (existsSync(full) && statSync(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(full))) throw new ConfigurationError(name, `the folder of '${value}' (${path.dirname(full)}) does not exist`);
  return full;
}
function repositories(name, what, example) {
  const list = parseList(requiredInput(name, `one or more OCI repositories of ${what}, e.g. ${example}`));
  for (const repo of list) {
    const ref = parseReference(repo);
    if (typeof ref === "string" || ref.digest !== void 0) {
      throw new ConfigurationError(name, `'${repo}' is not an OCI repository${typeof ref === "string" ? `: ${ref}` : " (no digest: Trivy follows a tag)"}. Expected registry/path[:tag], e.g. ${example}`);
    }
  }
  if (list.length === 0) throw new ConfigurationError(name, "no repository given. Expected one or more OCI repositories, comma or newline separated");
  return list;
}
async function readIgnoreFile(value, workspace) {
  const full = path.resolve(workspace, value);
  if (!existsSync(full)) {
    if (value === DEFAULT_IGNORE_FILE) return void 0;
    throw new ConfigurationError("ignore-file", `'${value}' does not exist (${full}). Expected a .trivyignore.yaml or .trivyignore file; leave ignore-file at its default (${DEFAULT_IGNORE_FILE}, used when present) for none`);
  }
  if (!statSync(full).isFile()) throw new ConfigurationError("ignore-file", `'${value}' is not a file`);
  const { IgnoreFileError, parseIgnoreFile } = await import("./chunks/ignore-file-IIHQ4QPD.js");
  try {
    return parseIgnoreFile(readFileSync(full, "utf8"), value);
  } catch (err) {
    if (err instanceof IgnoreFileError) throw new ConfigurationError("ignore-file", `${err.message}`);
    throw err;
  }
}
async function getInputs(env = process.env) {
  const password = optionalInput("registry-password");
  maskSecrets(password);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const allowTag = booleanInput("allow-tag");
  const imageRef = requiredInput("image-ref", "registry/path/name@sha256:<64 hex>");
  const image = parseImageRef("image-ref", imageRef, allowTag);
  const severity = parseSeverities(requiredInput("severity", `a comma-separated list of ${SEVERITIES.join(", ")}, e.g. CRITICAL,HIGH`));
  const ignoreUnfixed = booleanInput("ignore-unfixed");
  const ignoreFile = requiredInput("ignore-file", `a .trivyignore.yaml or .trivyignore path (default ${DEFAULT_IGNORE_FILE}, used when present)`);
  const failOnFindings = booleanInput("fail-on-findings");
  const trivyVersion = requiredInput("trivy-version", "a Trivy release such as v0.69.3");
  if (!/^v?[0-9]+\.[0-9]+\.[0-9]+$/.test(trivyVersion)) throw new ConfigurationError("trivy-version", `'${trivyVersion}' is not a Trivy release. Expected vX.Y.Z, e.g. v0.69.3`);
  if (isCompromised(trivyVersion)) throw new ConfigurationError("trivy-version", `'${trivyVersion}' is a known malicious Trivy release (2026-03-19 compromise) and is never run. Expected v0.69.3`);
  const cacheDb = booleanInput("cache-db");
  const dbRepositories = repositories("db-repository", "the Trivy DB", "ghcr.io/aquasecurity/trivy-db:2");
  const javaDbRepositories = repositories("java-db-repository", "the Trivy Java DB", "ghcr.io/aquasecurity/trivy-java-db:1");
  const reportFile = outputFile("report-file", workspace);
  const sarifFile = outputFile("sarif-file", workspace);
  const sbom = booleanInput("sbom");
  const sbomFile = outputFile("sbom-file", workspace);
  const written = [["report-file", reportFile], ["sarif-file", sarifFile]];
  if (sbom) written.push(["sbom-file", sbomFile]);
  for (const [i, [name, file]] of written.entries()) {
    const clash = written.slice(0, i).find(([, other]) => other === file);
    if (clash) throw new ConfigurationError(name, `it is the same file as ${clash[0]} (${file}). Expected another path`);
    if (file === path.resolve(workspace, ignoreFile)) throw new ConfigurationError(name, `it is the ignore file (${file}); writing there would overwrite the ignore policy. Expected another path`);
  }
  const attest = booleanInput("attest");
  if (attest && image.digest === void 0) {
    throw new ConfigurationError("attest", `attestations are attached to a digest, and image-ref '${imageRef}' has none. Expected image-ref pinned by digest, or attest: false`);
  }
  const username = optionalInput("registry-username");
  if (username === void 0 !== (password === void 0)) {
    throw new ConfigurationError(username === void 0 ? "registry-username" : "registry-password", "registry-username and registry-password go together: give both or neither");
  }
  const ignore = await readIgnoreFile(ignoreFile, workspace);
  return {
    imageRef: formatReference(image),
    image,
    registry: registryOf(image),
    severity,
    ignoreUnfixed,
    ignore,
    failOnFindings,
    trivyVersion,
    cacheDb,
    dbRepositories,
    javaDbRepositories,
    reportFile,
    sarifFile,
    sbom,
    sbomFile,
    attest,
    credentials: username !== void 0 && password !== void 0 ? { username, password } : void 0,
    allowTag
  };
}

// actions/scan/src/main.ts
async function run() {
  const inputs = await getInputs();
  const { execute } = await import("./chunks/execute-BR2QZZYJ.js");
  await execute(inputs);
}

// actions/scan/src/index.ts
await runAction("scan", run);
//# sourceMappingURL=index.js.map
