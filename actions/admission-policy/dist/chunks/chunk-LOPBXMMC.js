import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as fs from "fs";
import * as os2 from "os";
var crypto = { randomUUID: () => globalThis.crypto.randomUUID() };
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/lib/summary.ts
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function code(text) {
  return `\`${text.replace(/`/g, "'")}\``;
}
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
var secrets = /* @__PURE__ */ new Set();
function rememberSecret(value) {
  if (value.length >= 8) secrets.add(value);
}
function redact(text) {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
  return out;
}
async function writeSummary(sections) {
  try {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await summary.addRaw(redact(`${sections.join("\n\n")}
`), true).write();
  } catch (err) {
    warning(`Could not write the job summary: ${err.message}`);
  }
}

// src/lib/errors.ts
var ConfigurationError = class extends Error {
  constructor(input, message) {
    super(`input '${input}': ${message}`);
    this.input = input;
    this.name = "ConfigurationError";
  }
  input;
};
function describeError(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

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
var DURATION = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/;
function parseDuration(name, value) {
  const m = DURATION.exec(value);
  if (value === "" || !m) {
    throw new ConfigurationError(name, `'${value}' is not a duration. Expected hours, minutes and seconds like 90s, 5m or 1h30m`);
  }
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1e3;
  if (ms <= 0) throw new ConfigurationError(name, `'${value}' must be longer than zero. Expected hours, minutes and seconds like 90s, 5m or 1h30m`);
  return ms;
}
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
var DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
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
function oneLine(value) {
  return value.replace(new RegExp("\\p{Cc}", "gu"), (c) => c === "\n" ? "\\n" : c === "\r" ? "\\r" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

// src/lib/vuln/trivy-report.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];

// src/lib/trust/policy.ts
var ATTESTATION_KINDS = ["provenance", "sbom", "vuln"];
var PREDICATE_TYPES = {
  provenance: "https://slsa.dev/provenance/v1",
  sbom: "https://cyclonedx.org/bom",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
};
var GITHUB_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var TRUST_INPUTS = [
  "require-attestations",
  "source-repository",
  "source-ref-regexp",
  "max-scan-age",
  "vuln-severity",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "cosign-public-key"
];
var REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function parsePortableRegexp(input, value) {
  if (/\(\?<?[=!]/.test(value)) throw new ConfigurationError(input, `'${value}' uses a lookaround, which Go's RE2 (Kyverno, cosign) cannot run. Expected a regular expression without (?=, (?!, (?<= or (?<!`);
  if (/(^|[^\\])\\[1-9]/.test(value) || /\\k</.test(value)) throw new ConfigurationError(input, `'${value}' uses a backreference, which Go's RE2 (Kyverno, cosign) cannot run. Expected a regular expression without \\1 or \\k<name>`);
  if (value.includes("{{") || value.includes("}}")) throw new ConfigurationError(input, `'${value}' contains {{ or }}, which Kyverno reads as a variable. Expected a regular expression without them (write {2} quantifiers apart)`);
  try {
    new RegExp(value);
  } catch (err) {
    throw new ConfigurationError(input, `'${value}' is not a valid regular expression (${err.message}). Expected e.g. ^refs/(heads/main|tags/v[0-9]+\\.[0-9]+\\.[0-9]+)$`);
  }
  return value;
}
function parseSigner(values) {
  const identity = values["certificate-identity"] || void 0;
  const identityRegexp = values["certificate-identity-regexp"] || void 0;
  const issuer = values["certificate-oidc-issuer"] || void 0;
  const publicKey = values["cosign-public-key"] || void 0;
  if (identity !== void 0 && /[\p{Cc}\s]/u.test(identity)) throw new ConfigurationError("certificate-identity", `'${oneLine(identity)}' holds whitespace or a line break. Expected one identity, such as https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.0.0`);
  if (identityRegexp !== void 0 && new RegExp("\\p{Cc}", "u").test(identityRegexp)) throw new ConfigurationError("certificate-identity-regexp", `'${oneLine(identityRegexp)}' holds a line break or another control character. Expected one regular expression on one line`);
  if (issuer !== void 0 && /[\p{Cc}\s]/u.test(issuer)) throw new ConfigurationError("certificate-oidc-issuer", `'${oneLine(issuer)}' holds whitespace or a line break. Expected one https URL, such as https://token.actions.githubusercontent.com`);
  if (publicKey !== void 0) {
    if (identity || identityRegexp || issuer) throw new ConfigurationError("cosign-public-key", "give either cosign-public-key or certificate-identity(-regexp) with certificate-oidc-issuer, not both");
    if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKey) && !/^(awskms|gcpkms|azurekms|hashivault|k8s):\/\//.test(publicKey)) {
      throw new ConfigurationError("cosign-public-key", "expected a PEM public key (cosign.pub contents) or a KMS URI");
    }
    return { kind: "key", publicKey };
  }
  if (!identity && !identityRegexp && !issuer) return void 0;
  if (!identity && !identityRegexp) throw new ConfigurationError("certificate-identity", "keyless verification needs certificate-identity or certificate-identity-regexp, e.g. https://github.com/acme/shop/.github/workflows/deliver.yml@refs/heads/main");
  if (identity && identityRegexp) throw new ConfigurationError("certificate-identity-regexp", "give certificate-identity or certificate-identity-regexp, not both");
  if (!issuer) throw new ConfigurationError("certificate-oidc-issuer", "keyless verification needs the issuer, e.g. https://token.actions.githubusercontent.com");
  if (!/^https:\/\/[^\s/]+/.test(issuer)) throw new ConfigurationError("certificate-oidc-issuer", `'${issuer}' is not an https URL. Expected e.g. https://token.actions.githubusercontent.com`);
  if (identityRegexp) parsePortableRegexp("certificate-identity-regexp", identityRegexp);
  return { kind: "keyless", identity, identityRegexp, issuer };
}
function parseTrustPolicy(values, serverUrl) {
  const require2 = [];
  for (const item of parseList(values["require-attestations"] ?? "")) {
    if (!ATTESTATION_KINDS.includes(item)) {
      throw new ConfigurationError("require-attestations", `'${item}' is not an attestation this suite verifies. Expected any of ${ATTESTATION_KINDS.join(", ")} (comma or newline separated), or empty for none`);
    }
    if (!require2.includes(item)) require2.push(item);
  }
  const sourceRepository = values["source-repository"] ?? "";
  if (sourceRepository === "" && require2.includes("provenance")) throw new ConfigurationError("source-repository", "provenance is required, so the repository it must name is needed. Expected owner/repo");
  if (sourceRepository !== "" && !REPOSITORY.test(sourceRepository)) throw new ConfigurationError("source-repository", `'${sourceRepository}' is not a repository. Expected owner/repo, e.g. acme/shop`);
  const refRaw = values["source-ref-regexp"] || void 0;
  const sourceRefRegexp = refRaw === void 0 ? void 0 : parsePortableRegexp("source-ref-regexp", refRaw);
  const maxScanAge = values["max-scan-age"] ?? "";
  if (maxScanAge === "") throw new ConfigurationError("max-scan-age", "a value is required. Expected a duration such as 24h or 90m");
  const maxScanAgeMs = parseDuration("max-scan-age", maxScanAge);
  const sevRaw = values["vuln-severity"] ?? "";
  const vulnSeverity = [];
  for (const s of parseList(sevRaw)) {
    const upper = s.toUpperCase();
    if (!SEVERITIES.includes(upper)) throw new ConfigurationError("vuln-severity", `'${s}' is not a Trivy severity. Expected any of ${SEVERITIES.join(", ")}`);
    if (!vulnSeverity.includes(upper)) vulnSeverity.push(upper);
  }
  if (vulnSeverity.length === 0) throw new ConfigurationError("vuln-severity", "a value is required. Expected the failing severities, e.g. CRITICAL,HIGH");
  const signer = parseSigner(values);
  if (require2.length > 0 && signer === void 0) {
    throw new ConfigurationError("certificate-identity", `require-attestations asks for ${require2.join(", ")}, so who signed them must be given: certificate-identity or certificate-identity-regexp with certificate-oidc-issuer (keyless), or cosign-public-key`);
  }
  return { require: require2, sourceRepository, serverUrl: serverUrl.replace(/\/+$/, ""), sourceRefRegexp, maxScanAgeMs, maxScanAge, vulnSeverity, signer };
}
function readTrustPolicy(env = process.env) {
  const values = {};
  for (const name of TRUST_INPUTS) values[name] = optionalInput(name) ?? "";
  values["max-scan-age"] = requiredInput("max-scan-age", "a duration such as 24h or 90m");
  values["vuln-severity"] = requiredInput("vuln-severity", "the failing severities, e.g. CRITICAL,HIGH");
  return parseTrustPolicy(values, env.GITHUB_SERVER_URL || "https://github.com");
}
function sourceRepositoryUrl(policy) {
  return `${policy.serverUrl}/${policy.sourceRepository}`;
}

export {
  setOutput,
  setFailed,
  isDebug,
  debug,
  warning,
  info,
  group,
  ConfigurationError,
  describeError,
  code,
  markdownTable,
  writeSummary,
  requiredInput,
  optionalInput,
  booleanInput,
  parseChoice,
  parseResourceName,
  maskSecrets,
  PREDICATE_TYPES,
  GITHUB_BUILD_TYPE,
  readTrustPolicy,
  sourceRepositoryUrl
};
//# sourceMappingURL=chunk-LOPBXMMC.js.map
