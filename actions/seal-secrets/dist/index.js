import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CertificateError,
  ConfigurationError,
  SCOPES,
  SealedSecretFileError,
  classifyCertInput,
  debug,
  describeError,
  getInput,
  isDebug,
  parseSealedSecretFile,
  parseSealingCert,
  rememberSecret,
  setFailed,
  setSecret,
  writeSummary
} from "./chunks/chunk-XANZ7BDF.js";
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

// actions/seal-secrets/src/inputs.ts
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
function parseBoolean(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigurationError(name, `'${value}' is not a boolean. Expected true or false`);
}
function booleanInput(name) {
  return parseBoolean(name, requiredInput(name, "true or false"));
}
function parseChoice(name, value, choices) {
  if (choices.includes(value)) return value;
  throw new ConfigurationError(name, `'${value}' is not one of ${choices.join(", ")}`);
}
function parseKeyValueLines(name, value, options = {}) {
  const keyRule = options.key ?? { pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/, form: "letters, digits, _, . and -, not starting with a digit" };
  const seen = /* @__PURE__ */ new Set();
  const pairs = [];
  value.split("\n").forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") return;
    const eq = line.indexOf("=");
    const where = `line ${index + 1}`;
    if (eq < 0) {
      const shown = options.secret ? "" : ` ('${line.trim()}')`;
      throw new ConfigurationError(name, `${where}${shown} is not KEY=VALUE`);
    }
    const key = line.slice(0, eq).trim();
    if (!keyRule.pattern.test(key)) {
      const shown = options.secret ? "the text before = is not a valid key (not shown)" : `key '${key}' is not valid`;
      throw new ConfigurationError(name, `${where}: ${shown}. Expected ${keyRule.form}${options.secret ? "; a value with line breaks goes in the JSON form" : ""}`);
    }
    if (seen.has(key)) throw new ConfigurationError(name, `${where}: key '${key}' is given twice`);
    seen.add(key);
    pairs.push([key, line.slice(eq + 1)]);
  });
  return pairs;
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

// actions/seal-secrets/src/secret-data.ts
var SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
var SECRET_KEY_FORM = "a Secret key: letters, digits, '-', '_' and '.' (not '.', and not starting with '..'), at most 253 characters";
function checkSecretKey(input, key, where) {
  if (!SECRET_KEY.test(key) || key === "." || key.startsWith("..") || key.length > 253) {
    throw new ConfigurationError(input, `${where}${key.length > 253 ? `a key of ${key.length} characters (not shown)` : `key '${key}'`} is not valid. Expected ${SECRET_KEY_FORM}`);
  }
}
function parseSecretData(input, raw) {
  let pairs;
  if (/^[{[]/.test(raw.trimStart())) {
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      const at = /position (\d+)/.exec(err instanceof Error ? err.message : "");
      throw new ConfigurationError(input, `starts with '${raw.trimStart()[0]}' but is not valid JSON${at ? ` (error at character ${at[1]})` : ""}. Expected a JSON object of strings, or KEY=VALUE lines`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new ConfigurationError(input, "is JSON but not an object. Expected a JSON object of strings, or KEY=VALUE lines");
    }
    pairs = [];
    for (const [key, value] of Object.entries(parsed)) {
      checkSecretKey(input, key, "");
      if (typeof value !== "string") throw new ConfigurationError(input, `the value of key '${key}' is a ${value === null ? "null" : typeof value}, not a string. Expected a JSON object of strings`);
      pairs.push([key, value]);
    }
    const keys = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((m) => {
      try {
        return JSON.parse(`"${m[1]}"`);
      } catch {
        return m[1];
      }
    });
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup !== void 0 && pairs.some(([k]) => k === dup)) throw new ConfigurationError(input, `key '${dup}' is given twice`);
  } else {
    pairs = parseKeyValueLines(input, raw, { key: { pattern: SECRET_KEY, form: SECRET_KEY_FORM }, secret: true });
    for (const [key] of pairs) checkSecretKey(input, key, "");
  }
  if (pairs.length === 0) throw new ConfigurationError(input, "no secret given. Expected at least one KEY=VALUE line or a JSON object of strings");
  return pairs;
}
var TYPE_RULES = {
  Opaque: {},
  "kubernetes.io/service-account-token": {},
  "kubernetes.io/dockercfg": { all: [".dockercfg"], json: ".dockercfg" },
  "kubernetes.io/dockerconfigjson": { all: [".dockerconfigjson"], json: ".dockerconfigjson" },
  "kubernetes.io/basic-auth": { any: ["username", "password"] },
  // The API server refuses an ssh-auth Secret whose ssh-privatekey is empty.
  "kubernetes.io/ssh-auth": { all: ["ssh-privatekey"], nonEmpty: "ssh-privatekey" },
  "kubernetes.io/tls": { all: ["tls.crt", "tls.key"] },
  "bootstrap.kubernetes.io/token": { all: ["token-id", "token-secret"] }
};
var BUILTIN_TYPES = Object.keys(TYPE_RULES);
var CUSTOM_TYPE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
function parseSecretType(input, value) {
  if (TYPE_RULES[value] || CUSTOM_TYPE.test(value) && value.length <= 253) return value;
  throw new ConfigurationError(input, `'${value}' is not a Secret type. Expected one of ${BUILTIN_TYPES.join(", ")}, or a custom type such as example.com/api-key`);
}
function checkTypeKeys(input, type, keys, values) {
  const rule = TYPE_RULES[type];
  if (!rule) return;
  const missing = (rule.all ?? []).filter((k) => !keys.includes(k));
  if (missing.length > 0) throw new ConfigurationError(input, `a ${type} Secret needs the key${missing.length > 1 ? "s" : ""} ${missing.map((k) => `'${k}'`).join(" and ")}; given: ${keys.join(", ")}`);
  if (rule.any && !rule.any.some((k) => keys.includes(k))) throw new ConfigurationError(input, `a ${type} Secret needs at least one of ${rule.any.map((k) => `'${k}'`).join(", ")}; given: ${keys.join(", ")}`);
  if (rule.nonEmpty && values.some(([k, v]) => k === rule.nonEmpty && v === "")) throw new ConfigurationError(input, `the value of '${rule.nonEmpty}' is empty; a ${type} Secret needs one`);
  if (rule.json) {
    const given = values.find(([k]) => k === rule.json);
    if (given) {
      let ok = false;
      try {
        const v = JSON.parse(given[1]);
        ok = v !== null && typeof v === "object" && !Array.isArray(v);
      } catch {
        ok = false;
      }
      if (!ok) throw new ConfigurationError(input, `the value of '${rule.json}' (not shown) is not a JSON object, as a ${type} Secret needs`);
    }
  }
}
var TYPE_ANNOTATIONS = { "kubernetes.io/service-account-token": "kubernetes.io/service-account.name" };
function checkTypeAnnotations(input, type, annotations) {
  const needed = TYPE_ANNOTATIONS[type];
  if (needed && !annotations.get(needed)) {
    throw new ConfigurationError(input, `a ${type} Secret needs the annotation ${needed}=<service account name> (the API server refuses it otherwise); given: ${[...annotations.keys()].join(", ") || "none"}`);
  }
}
var QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
var SCOPE_ANNOTATIONS = ["sealedsecrets.bitnami.com/namespace-wide", "sealedsecrets.bitnami.com/cluster-wide"];
var NEVER_COPIED = ["kubectl.kubernetes.io/last-applied-configuration", "kubecfg.ksonnet.io/last-applied-configuration"];
function checkQualifiedKey(input, key) {
  const [prefix, name] = key.includes("/") ? [key.slice(0, key.indexOf("/")), key.slice(key.indexOf("/") + 1)] : ["", key];
  if (!QUALIFIED_NAME.test(key) || name.length > 63 || prefix.length > 253) {
    throw new ConfigurationError(input, `key '${key}' is not valid. Expected [prefix/]name: a DNS subdomain prefix and a name of at most 63 letters, digits, '-', '_' and '.'`);
  }
}
function parseLabels(input, raw) {
  const pairs = parseKeyValueLines(input, raw, { key: { pattern: /^\S+$/, form: "a label key" } });
  for (const [key, value] of pairs) {
    checkQualifiedKey(input, key);
    if (value.length > 63 || !LABEL_VALUE.test(value)) throw new ConfigurationError(input, `the value '${value}' of label '${key}' is not valid. Expected at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit`);
  }
  return pairs;
}
function parseAnnotations(input, raw) {
  const pairs = parseKeyValueLines(input, raw, { key: { pattern: /^\S+$/, form: "an annotation key" } });
  for (const [key] of pairs) {
    checkQualifiedKey(input, key);
    if (SCOPE_ANNOTATIONS.includes(key)) throw new ConfigurationError(input, `'${key}' is set from the scope input; remove it from annotations`);
    if (NEVER_COPIED.includes(key)) throw new ConfigurationError(input, `'${key}' would carry a copy of the object; it is never put in a SealedSecret`);
  }
  return pairs;
}

// actions/seal-secrets/src/inputs.ts
var FORMATS = ["yaml", "json"];
var ENGINES = ["native", "kubeseal"];
var CONTEXT = /^[^\s]+$/;
function certError(input, where, err) {
  if (err instanceof CertificateError) throw new ConfigurationError(input, `${where} ${err.message}`);
  throw err;
}
async function getInputs(env = process.env) {
  const secretsRaw = getInput("secrets", { trimWhitespace: false });
  const kubeconfig = optionalInput("kubeconfig");
  maskSecrets(secretsRaw, kubeconfig);
  if (secretsRaw.trim() === "") throw new ConfigurationError("secrets", "a value is required. Expected KEY=VALUE lines or a JSON object of strings");
  const secrets = parseSecretData("secrets", secretsRaw);
  maskSecrets(...secrets.map(([, v]) => v));
  const name = parseResourceName("name", requiredInput("name", "the SealedSecret (and Secret) name, a DNS-1123 subdomain"));
  const namespace = parseNamespace("namespace", requiredInput("namespace", "the namespace the Secret will live in"));
  const scope = parseChoice("scope", requiredInput("scope", SCOPES.join(" | ")), SCOPES);
  const type = parseSecretType("type", requiredInput("type", "a Secret type such as Opaque or kubernetes.io/tls"));
  const labels = parseLabels("labels", rawInput("labels"));
  const annotations = parseAnnotations("annotations", rawInput("annotations"));
  const format = parseChoice("format", requiredInput("format", FORMATS.join(" | ")), FORMATS);
  const engine = parseChoice("engine", requiredInput("engine", ENGINES.join(" | ")), ENGINES);
  const apply = booleanInput("apply");
  const controllerName = parseResourceName("controller-name", requiredInput("controller-name", "the sealed-secrets controller service name"));
  const controllerNamespace = parseNamespace("controller-namespace", requiredInput("controller-namespace", "the namespace of the sealed-secrets controller"));
  const context = optionalInput("context");
  if (context !== void 0 && !CONTEXT.test(context)) throw new ConfigurationError("context", `'${context}' is not a kubeconfig context name (no spaces)`);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const certInput = optionalInput("cert");
  let cert = { kind: "cluster" };
  let parsedCert;
  if (certInput !== void 0) {
    const c = classifyCertInput(certInput);
    if ("error" in c) throw new ConfigurationError("cert", c.error);
    cert = c;
    if (c.kind === "pem") {
      try {
        parsedCert = parseSealingCert(c.text);
      } catch (err) {
        certError("cert", "the PEM text", err);
      }
    } else if (c.kind === "file") {
      const file = path.resolve(workspace, c.path);
      if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigurationError("cert", `'${c.path}' is neither PEM text, an https URL, nor an existing file (${file}). Expected the controller's certificate`);
      cert = { kind: "file", path: file };
      try {
        parsedCert = parseSealingCert(readFileSync(file, "utf8"));
      } catch (err) {
        certError("cert", `the file ${c.path}`, err);
      }
    }
  }
  let mergeInto;
  const mergeRaw = optionalInput("merge-into");
  if (mergeRaw !== void 0) {
    const file = path.resolve(workspace, mergeRaw);
    if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigurationError("merge-into", `'${mergeRaw}' does not exist (${file}). Expected an existing SealedSecret file`);
    let existing;
    const text = readFileSync(file, "utf8");
    try {
      existing = await parseSealedSecretFile(text);
    } catch (err) {
      if (err instanceof SealedSecretFileError) throw new ConfigurationError("merge-into", `'${mergeRaw}' ${err.message}`);
      throw err;
    }
    const differ = [];
    if (existing.name !== name) differ.push(`name '${existing.name}' (input name: '${name}')`);
    if (existing.namespace !== namespace) differ.push(`namespace '${existing.namespace}' (input namespace: '${namespace}')`);
    if (existing.scope !== scope) differ.push(`scope ${existing.scope} (input scope: ${scope})`);
    if (existing.type !== type) differ.push(`type ${existing.type} (input type: ${type})`);
    if (differ.length > 0) {
      throw new ConfigurationError("merge-into", `'${mergeRaw}' is another secret: it has ${differ.join(", ")}. Its ciphertexts only open for its own name/namespace/scope; merge into the matching file, or give matching inputs`);
    }
    mergeInto = { path: file, text, existing };
  }
  const keys = [.../* @__PURE__ */ new Set([...mergeInto ? mergeInto.existing.encryptedData.keys() : [], ...secrets.map(([k]) => k)])];
  checkTypeKeys("secrets", type, keys, secrets);
  checkTypeAnnotations("annotations", type, new Map([...mergeInto ? mergeInto.existing.annotations : [], ...annotations]));
  const outputRaw = optionalInput("output-file");
  const outputFile = outputRaw !== void 0 ? path.resolve(workspace, outputRaw) : mergeInto?.path ?? path.resolve(workspace, `${name}.sealedsecret.${format}`);
  if (existsSync(outputFile) && statSync(outputFile).isDirectory()) throw new ConfigurationError("output-file", `'${outputRaw ?? outputFile}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(outputFile))) throw new ConfigurationError("output-file", `the folder of '${outputRaw ?? outputFile}' does not exist (${path.dirname(outputFile)})`);
  return { name, namespace, scope, secrets, type, labels, annotations, cert, parsedCert, controllerName, controllerNamespace, outputFile, mergeInto, format: mergeInto?.existing.format ?? format, formatFromMergeFile: mergeInto !== void 0 && mergeInto.existing.format !== format, engine, apply, kubeconfig, context };
}

// actions/seal-secrets/src/main.ts
async function run() {
  const inputs = await getInputs();
  const { execute } = await import("./chunks/execute-M47VTSC7.js");
  await execute(inputs);
}

// actions/seal-secrets/src/index.ts
await runAction("seal-secrets", run);
//# sourceMappingURL=index.js.map
