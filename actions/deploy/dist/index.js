import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  booleanInput,
  debug,
  describeError,
  isDebug,
  maskSecrets,
  oneLine,
  optionalInput,
  parseChoice,
  parseContainerName,
  parseDuration,
  parseImageRef,
  parseList,
  parseNamespace,
  parseResourceName,
  readTrustPolicy,
  requiredInput,
  setFailed,
  setOutput,
  writeSummary
} from "./chunks/chunk-D7ZZ27CZ.js";
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

// actions/deploy/src/inputs.ts
var MODES = ["deploy", "rollback"];
function parseToRevision(raw, deployments) {
  const expected = "Expected a revision number as shown by kubectl rollout history (one deployment), or one deployment=revision line per deployment";
  if (/^[1-9][0-9]{0,9}$/.test(raw)) {
    if (deployments.length > 1) throw new ConfigurationError("to-revision", `'${raw}' is one revision for ${deployments.length} deployments, whose revisions are numbered apart. ${expected}, e.g. ${deployments[0]}=${raw}`);
    return { toRevision: Number(raw) };
  }
  const toRevisions = {};
  for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "")) {
    const m = /^([a-z0-9][a-z0-9.-]*)=([1-9][0-9]{0,9})$/.exec(line);
    if (!m) throw new ConfigurationError("to-revision", `'${oneLine(line)}' is not a revision. ${expected}`);
    const [, name, revision] = m;
    if (!deployments.includes(name)) throw new ConfigurationError("to-revision", `'${name}' is not one of the deployments given (${deployments.join(", ")}). ${expected}`);
    if (toRevisions[name] !== void 0) throw new ConfigurationError("to-revision", `deployment ${name} is given twice`);
    toRevisions[name] = Number(revision);
  }
  if (Object.keys(toRevisions).length === 0) throw new ConfigurationError("to-revision", `'${oneLine(raw)}' is not a revision. ${expected}`);
  return { toRevisions };
}
function httpUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(name, `'${value}' is not a URL. Expected http(s)://host/path`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigurationError(name, `'${value}' is not an http(s) URL`);
  return value;
}
function getInputs() {
  const kubeconfig = optionalInput("kubeconfig");
  const githubToken = optionalInput("github-token");
  const registryPassword = optionalInput("registry-password");
  maskSecrets(kubeconfig, githubToken, registryPassword);
  const mode = parseChoice("mode", requiredInput("mode", MODES.join(" | ")), MODES);
  const namespace = parseNamespace("namespace", requiredInput("namespace", "the Kubernetes namespace of the deployments"));
  const allowDefault = booleanInput("allow-default-namespace");
  if (namespace === "default" && !allowDefault) {
    throw new ConfigurationError("namespace", "'default' is refused: production workloads belong in their own namespace. Expected another namespace, or set allow-default-namespace: true");
  }
  const deploymentsRaw = requiredInput("deployment", "one or more Deployment names, one per line");
  const deployments = parseList(deploymentsRaw).map((d) => parseResourceName("deployment", d));
  if (new Set(deployments).size !== deployments.length) throw new ConfigurationError("deployment", "a deployment is listed twice");
  const containerRaw = optionalInput("container");
  const containers = containerRaw === void 0 ? void 0 : parseList(containerRaw).map((c) => parseContainerName("container", c));
  const allowTag = booleanInput("allow-tag");
  const imageRaw = optionalInput("image-ref");
  let image;
  if (mode === "deploy") {
    if (imageRaw === void 0) throw new ConfigurationError("image-ref", "a value is required in deploy mode. Expected registry/path/name@sha256:<64 hex>");
    image = parseImageRef("image-ref", imageRaw, allowTag);
  } else if (imageRaw !== void 0) {
    throw new ConfigurationError("image-ref", "mode: rollback returns to an earlier revision and takes no image-ref. Expected it empty, or mode: deploy");
  }
  const context = optionalInput("context");
  if (context !== void 0 && !/^[^\s]+$/.test(context)) throw new ConfigurationError("context", `'${context}' is not a kubeconfig context name`);
  const timeoutMs = parseDuration("timeout", requiredInput("timeout", "a duration such as 5m"));
  const rollbackOnFailure = booleanInput("rollback-on-failure");
  const failFast = booleanInput("fail-fast");
  const trust = readTrustPolicy();
  if (mode === "rollback" && trust.require.length > 0) throw new ConfigurationError("require-attestations", "mode: rollback deploys no new image, so there is nothing to verify. Expected it empty");
  let verify;
  if (booleanInput("verify-signature")) {
    if (mode === "rollback") throw new ConfigurationError("verify-signature", "mode: rollback deploys no new image, so there is nothing to verify. Expected false");
    if (!trust.signer) throw new ConfigurationError("certificate-identity", "verify-signature: true needs certificate-identity or certificate-identity-regexp (keyless), or cosign-public-key");
    verify = trust.signer;
  }
  const cosignVersion = requiredInput("cosign-version", "a cosign v3 release such as v3.0.6");
  if (!/^v?3\.[0-9]+\.[0-9]+$/.test(cosignVersion)) throw new ConfigurationError("cosign-version", `'${oneLine(cosignVersion)}' is not a cosign v3 release. Expected v3.X.Y, such as v3.0.6`);
  const healthRaw = optionalInput("health-check-url");
  const healthCheckUrl = healthRaw === void 0 ? void 0 : httpUrl("health-check-url", healthRaw);
  const environment = optionalInput("environment");
  if (environment !== void 0 && !/^[^\p{Cc}]{1,255}$/u.test(environment)) throw new ConfigurationError("environment", `'${oneLine(environment)}' is not a GitHub environment name: it holds a line break or another control character. Expected one line, such as production`);
  const envUrlRaw = optionalInput("environment-url");
  const environmentUrl = envUrlRaw === void 0 ? void 0 : httpUrl("environment-url", envUrlRaw);
  const toRevisionRaw = optionalInput("to-revision");
  let toRevision;
  let toRevisions;
  if (toRevisionRaw !== void 0) {
    if (mode !== "rollback") throw new ConfigurationError("to-revision", "only mode: rollback takes to-revision (deploy mode picks its rollback target itself)");
    ({ toRevision, toRevisions } = parseToRevision(toRevisionRaw, deployments));
  }
  const allowOlderCommit = booleanInput("allow-older-commit");
  const registryUser = optionalInput("registry-username");
  if (registryUser === void 0 !== (registryPassword === void 0)) {
    throw new ConfigurationError(registryUser === void 0 ? "registry-username" : "registry-password", "registry-username and registry-password go together");
  }
  return {
    mode,
    namespace,
    deployments,
    containers,
    image,
    imageRaw,
    allowTag,
    kubeconfig,
    context,
    timeoutMs,
    rollbackOnFailure,
    failFast,
    verify,
    trust,
    cosignVersion,
    healthCheckUrl,
    githubToken,
    environment,
    environmentUrl,
    toRevision,
    toRevisions,
    allowOlderCommit,
    registry: registryUser !== void 0 && registryPassword !== void 0 ? { username: registryUser, password: registryPassword } : void 0
  };
}

// actions/deploy/src/main.ts
async function run() {
  let inputs;
  try {
    inputs = getInputs();
  } catch (err) {
    setOutput("result", "failed");
    throw err;
  }
  const { execute } = await import("./chunks/execute-GDH7UVPJ.js");
  await execute(inputs);
}

// actions/deploy/src/index.ts
await runAction("deploy", run);
//# sourceMappingURL=index.js.map
