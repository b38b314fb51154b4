import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError,
  booleanInput,
  debug,
  describeError,
  isDebug,
  maskSecrets,
  optionalInput,
  parseChoice,
  parseContainerName,
  parseDuration,
  parseImageRef,
  parseList,
  parseNamespace,
  parseResourceName,
  requiredInput,
  setFailed,
  setOutput,
  writeSummary
} from "./chunks/chunk-VH3CLJSM.js";
import "./chunks/chunk-GINXXFVL.js";

// src/lib/action.ts
async function runAction(action, main) {
  try {
    await main();
  } catch (err) {
    setFailed(`${action} failed: ${describeError(err)}`);
    if (isDebug() && err instanceof Error && err.stack) debug(err.stack);
    if (err instanceof ConfigurationError) {
      await writeSummary([`### \u274C ${action} did not start: input \`${err.input}\``, err.message, "Nothing was changed. Fix the input in the workflow file and run it again."]);
    }
  }
}

// actions/deploy/src/inputs.ts
var MODES = ["deploy", "rollback"];
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
  let verify;
  const identity = optionalInput("certificate-identity");
  const identityRegexp = optionalInput("certificate-identity-regexp");
  const issuer = optionalInput("certificate-oidc-issuer");
  const publicKey = optionalInput("cosign-public-key");
  if (booleanInput("verify-signature")) {
    if (mode === "rollback") throw new ConfigurationError("verify-signature", "mode: rollback deploys no new image, so there is nothing to verify. Expected false");
    if (publicKey !== void 0) {
      if (identity || identityRegexp || issuer) throw new ConfigurationError("cosign-public-key", "give either cosign-public-key or certificate-identity(-regexp) with certificate-oidc-issuer, not both");
      if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKey) && !/^(awskms|gcpkms|azurekms|hashivault|k8s):\/\//.test(publicKey)) {
        throw new ConfigurationError("cosign-public-key", "expected a PEM public key (cosign.pub contents) or a KMS URI");
      }
      verify = { kind: "key", publicKey };
    } else {
      if (!identity && !identityRegexp) throw new ConfigurationError("certificate-identity", "verify-signature: true needs certificate-identity or certificate-identity-regexp (keyless), or cosign-public-key");
      if (identity && identityRegexp) throw new ConfigurationError("certificate-identity-regexp", "give certificate-identity or certificate-identity-regexp, not both");
      if (!issuer) throw new ConfigurationError("certificate-oidc-issuer", "keyless verification needs the issuer, e.g. https://token.actions.githubusercontent.com");
      if (identityRegexp) {
        try {
          new RegExp(identityRegexp);
        } catch {
          throw new ConfigurationError("certificate-identity-regexp", `'${identityRegexp}' is not a valid regular expression`);
        }
      }
      verify = { kind: "keyless", identity, identityRegexp, issuer: httpUrl("certificate-oidc-issuer", issuer) };
    }
  }
  const cosignVersion = requiredInput("cosign-version", "a cosign v3 release such as v3.0.6");
  const healthRaw = optionalInput("health-check-url");
  const healthCheckUrl = healthRaw === void 0 ? void 0 : httpUrl("health-check-url", healthRaw);
  const environment = optionalInput("environment");
  const envUrlRaw = optionalInput("environment-url");
  const environmentUrl = envUrlRaw === void 0 ? void 0 : httpUrl("environment-url", envUrlRaw);
  if (githubToken !== void 0 && environment === void 0) throw new ConfigurationError("environment", "github-token is given, so a GitHub deployment is recorded: it needs the environment name, e.g. production");
  const toRevisionRaw = optionalInput("to-revision");
  let toRevision;
  if (toRevisionRaw !== void 0) {
    if (mode !== "rollback") throw new ConfigurationError("to-revision", "only mode: rollback takes to-revision (deploy mode picks its rollback target itself)");
    if (!/^[1-9][0-9]{0,9}$/.test(toRevisionRaw)) throw new ConfigurationError("to-revision", `'${toRevisionRaw}' is not a revision number. Expected a positive integer as shown by kubectl rollout history`);
    toRevision = Number(toRevisionRaw);
  }
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
    cosignVersion,
    healthCheckUrl,
    githubToken,
    environment,
    environmentUrl,
    toRevision,
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
  const { execute } = await import("./chunks/execute-MQGAZX7Z.js");
  await execute(inputs);
}

// actions/deploy/src/index.ts
await runAction("deploy", run);
//# sourceMappingURL=index.js.map
