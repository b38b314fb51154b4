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
  parseResourceName,
  readTrustPolicy,
  requiredInput,
  setFailed,
  writeSummary
} from "./chunks/chunk-LOPBXMMC.js";
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

// actions/admission-policy/src/inputs.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
var IMAGE_GLOB = /^[a-z0-9*?]([a-z0-9._:/@*?-]*[a-z0-9*?])?$/;
function parseImages(value) {
  const images = value.split("\n").map((s) => s.trim()).filter((s) => s !== "");
  if (images.length === 0) throw new ConfigurationError("images", "a value is required. Expected image globs, one per line, e.g. ghcr.io/acme/*");
  for (const image of images) {
    if (!IMAGE_GLOB.test(image) || image.includes("//")) throw new ConfigurationError("images", `'${image}' is not an image glob. Expected lowercase registry/path with * or ? where it may vary, e.g. ghcr.io/acme/*`);
  }
  return images;
}
function getInputs(env = process.env) {
  const kubeconfig = optionalInput("kubeconfig");
  maskSecrets(kubeconfig);
  const images = parseImages(requiredInput("images", "image globs, one per line, e.g. ghcr.io/acme/*"));
  const mode = parseChoice("mode", requiredInput("mode", "enforce or warn"), ["enforce", "warn"]);
  const name = parseResourceName("name", requiredInput("name", "a DNS-1123 name such as secure-delivery-trust"));
  const policy = readTrustPolicy(env);
  if (!policy.signer) {
    throw new ConfigurationError("certificate-identity", "an admission policy needs the signer: certificate-identity or certificate-identity-regexp with certificate-oidc-issuer (keyless), or cosign-public-key");
  }
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const outputRaw = requiredInput("output-file", "a file path such as admission-policy.yaml");
  const outputFile = path.resolve(workspace, outputRaw);
  if (existsSync(outputFile) && statSync(outputFile).isDirectory()) throw new ConfigurationError("output-file", `'${outputRaw}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(outputFile))) throw new ConfigurationError("output-file", `the folder of '${outputRaw}' does not exist (${path.dirname(outputFile)})`);
  const apply = booleanInput("apply");
  const context = optionalInput("context");
  if (context !== void 0 && !/^[^\s]+$/.test(context)) throw new ConfigurationError("context", `'${context}' is not a kubeconfig context name (no spaces)`);
  if (!apply && (kubeconfig !== void 0 || context !== void 0)) throw new ConfigurationError(kubeconfig !== void 0 ? "kubeconfig" : "context", "only apply: true talks to a cluster. Expected it empty, or apply: true");
  return { images, mode, name, policy, outputFile, apply, kubeconfig, context };
}

// actions/admission-policy/src/main.ts
async function run() {
  const inputs = getInputs();
  const { execute } = await import("./chunks/execute-QDT72CAV.js");
  await execute(inputs);
}

// actions/admission-policy/src/index.ts
await runAction("admission-policy", run);
//# sourceMappingURL=index.js.map
