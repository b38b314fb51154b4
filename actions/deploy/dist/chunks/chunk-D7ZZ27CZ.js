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

// src/lib/image-ref.ts
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
var DOMAIN = new RegExp(`^${host}(?::[0-9]+)?$`);
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var NAME_TOTAL_LENGTH_MAX = 255;
var IMAGE_FORMS = {
  name: "registry/path/name, e.g. ghcr.io/acme/app (lowercase, no tag or digest)",
  digest: "registry/path/name@sha256:<64 hex>, e.g. ghcr.io/acme/app@sha256:4f\u2026",
  tagOrDigest: "registry/path/name@sha256:<64 hex> or registry/path/name:tag"
};
function parseReference(value) {
  if (value === "") return "it is empty";
  if (/\s/.test(value)) return "it contains white space";
  let rest = value;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return `'${digest}' is not a sha256 digest (sha256: followed by 64 lowercase hex)`;
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return `'${tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`;
  }
  if (rest.length > NAME_TOTAL_LENGTH_MAX) return `the repository name is longer than ${NAME_TOTAL_LENGTH_MAX} characters`;
  const parts = rest.split("/");
  let domain;
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase() || first.startsWith("["))) {
    domain = first;
    parts.shift();
    if (!DOMAIN.test(domain)) return `'${domain}' is not a registry host[:port]`;
  }
  for (const part of parts) {
    if (!PATH_COMPONENT.test(part)) {
      return `path component '${part}' must be lowercase letters and digits, separated by '.', '_', '__' or '-'`;
    }
  }
  return { domain, path: parts.join("/"), tag, digest };
}
function fail(input, value, why, form) {
  throw new ConfigurationError(input, `'${value}' is not a valid image reference: ${why}. Expected ${form}`);
}
function parseImageRef(input, value, allowTag) {
  const form = allowTag ? IMAGE_FORMS.tagOrDigest : IMAGE_FORMS.digest;
  const ref = parseReference(value);
  if (typeof ref === "string") fail(input, value, ref, form);
  if (ref.digest === void 0) {
    if (!allowTag) fail(input, value, "it is not pinned by digest (set allow-tag: true to accept a tag)", form);
    if (ref.tag === void 0) fail(input, value, "it has neither a tag nor a digest", form);
  }
  return ref;
}
function registryOf(ref) {
  if (ref.domain === void 0 || ref.domain === "index.docker.io") return "docker.io";
  return ref.domain;
}
function registryPath(ref) {
  return registryOf(ref) === "docker.io" && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
}
function canonicalRepository(ref) {
  return `${registryOf(ref)}/${registryPath(ref)}`;
}
function repositoryName(ref) {
  return ref.domain === void 0 ? ref.path : `${ref.domain}/${ref.path}`;
}
function formatReference(ref) {
  return `${repositoryName(ref)}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}
function isLoopbackRegistry(domain) {
  const hostOnly = domain.startsWith("[") ? domain.slice(0, domain.indexOf("]") + 1) : domain.replace(/:[0-9]+$/, "");
  return hostOnly === "localhost" || hostOnly === "[::1]" || /^127(?:\.[0-9]{1,3}){3}$/.test(hostOnly);
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
function parseContainerName(name, value) {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a container name. Expected a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters`);
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
var ReportError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ReportError";
  }
};
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function normalizeSeverity(v) {
  const s = typeof v === "string" ? v.toUpperCase() : "";
  return SEVERITIES.includes(s) ? s : "UNKNOWN";
}
function pickCvss(vuln) {
  const cvss = vuln.CVSS;
  if (!isObject(cvss)) return {};
  const scoreOf = (e) => {
    if (!isObject(e)) return {};
    const v3 = typeof e.V3Score === "number" && e.V3Score > 0 ? e.V3Score : void 0;
    const v4 = typeof e.V40Score === "number" && e.V40Score > 0 ? e.V40Score : void 0;
    if (v3 !== void 0) return { score: v3, vector: str(e.V3Vector) };
    if (v4 !== void 0) return { score: v4, vector: str(e.V40Vector) };
    return {};
  };
  const source = str(vuln.SeveritySource);
  const first = source ? scoreOf(cvss[source]) : {};
  if (first.score !== void 0) return first;
  const nvd = scoreOf(cvss.nvd);
  if (nvd.score !== void 0) return nvd;
  let best = {};
  for (const entry of Object.values(cvss)) {
    const s = scoreOf(entry);
    if (s.score !== void 0 && (best.score === void 0 || s.score > best.score)) best = s;
  }
  return best;
}
function sourceV3Score(vuln) {
  const source = str(vuln.SeveritySource);
  const cvss = vuln.CVSS;
  if (!source || !isObject(cvss)) return void 0;
  const entry = cvss[source];
  return isObject(entry) && typeof entry.V3Score === "number" && entry.V3Score > 0 ? entry.V3Score : void 0;
}
function parseTrivyReport(text, file) {
  if (text.trim() === "") throw new ReportError(`Trivy's report ${file} is empty`);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ReportError(`Trivy's report ${file} is not valid JSON (${text.length} bytes; truncated?): ${err.message}`);
  }
  if (!isObject(doc)) throw new ReportError(`Trivy's report ${file} is not a JSON object`);
  if (doc.SchemaVersion !== 2) {
    throw new ReportError(`Trivy's report ${file} has SchemaVersion ${JSON.stringify(doc.SchemaVersion)}; this action reads SchemaVersion 2 (Trivy 0.20 and later)`);
  }
  const results = doc.Results;
  if (results !== void 0 && results !== null && !Array.isArray(results)) throw new ReportError(`Trivy's report ${file}: Results is not a list`);
  const findings = [];
  let otherFindings = 0;
  const list = results ?? [];
  list.forEach((result, r) => {
    if (!isObject(result)) throw new ReportError(`Trivy's report ${file}: Results[${r}] is not an object`);
    const target = typeof result.Target === "string" ? result.Target : "";
    const vulns = result.Vulnerabilities;
    if (Array.isArray(result.Secrets)) otherFindings += result.Secrets.length;
    if (Array.isArray(result.Misconfigurations)) otherFindings += result.Misconfigurations.length;
    if (vulns === void 0 || vulns === null) return;
    if (!Array.isArray(vulns)) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities is not a list`);
    const resultClass = str(result.Class);
    const resultType = str(result.Type);
    for (let v = 0; v < vulns.length; v++) {
      const vuln = vulns[v];
      if (!isObject(vuln)) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities[${v}] is not an object`);
      const id = str(vuln.VulnerabilityID);
      if (!id) throw new ReportError(`Trivy's report ${file}: Results[${r}].Vulnerabilities[${v}] has no VulnerabilityID`);
      const ident = isObject(vuln.PkgIdentifier) ? vuln.PkgIdentifier : void 0;
      const { score, vector } = pickCvss(vuln);
      findings.push({
        id,
        severity: normalizeSeverity(vuln.Severity),
        pkgName: str(vuln.PkgName) ?? "",
        pkgId: str(vuln.PkgID),
        pkgPath: str(vuln.PkgPath),
        purl: ident ? str(ident.PURL) : void 0,
        installedVersion: str(vuln.InstalledVersion) ?? "",
        fixedVersion: str(vuln.FixedVersion),
        status: str(vuln.Status),
        target,
        resultClass,
        resultType,
        title: str(vuln.Title),
        description: str(vuln.Description),
        primaryUrl: str(vuln.PrimaryURL),
        cvss: score,
        cvssVector: vector,
        sourceScore: sourceV3Score(vuln)
      });
    }
  });
  const trivy = isObject(doc.Trivy) ? doc.Trivy : void 0;
  return {
    artifactName: str(doc.ArtifactName),
    artifactType: str(doc.ArtifactType),
    trivyVersion: trivy ? str(trivy.Version) : void 0,
    findings,
    targets: list.length,
    otherFindings
  };
}
function isUnfixed(f) {
  return f.fixedVersion === void 0 || f.status !== void 0 && f.status !== "fixed";
}

// src/lib/trust/policy.ts
var ATTESTATION_KINDS = ["provenance", "sbom", "vuln"];
var PREDICATE_TYPES = {
  provenance: "https://slsa.dev/provenance/v1",
  sbom: "https://cyclonedx.org/bom",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
};
var COSIGN_TYPES = {
  provenance: "slsaprovenance1",
  sbom: "cyclonedx",
  vuln: "vuln"
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
  setSecret,
  setOutput,
  setFailed,
  isDebug,
  debug,
  error,
  warning,
  info,
  group,
  ConfigurationError,
  describeError,
  code,
  markdownTable,
  writeSummary,
  parseReference,
  parseImageRef,
  registryOf,
  registryPath,
  canonicalRepository,
  formatReference,
  isLoopbackRegistry,
  requiredInput,
  optionalInput,
  booleanInput,
  parseChoice,
  parseDuration,
  parseList,
  parseNamespace,
  parseResourceName,
  parseContainerName,
  maskSecrets,
  oneLine,
  SEVERITIES,
  ReportError,
  parseTrivyReport,
  isUnfixed,
  PREDICATE_TYPES,
  COSIGN_TYPES,
  GITHUB_BUILD_TYPE,
  readTrustPolicy,
  sourceRepositoryUrl
};
//# sourceMappingURL=chunk-D7ZZ27CZ.js.map
