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
function keyValueTable(rows) {
  return markdownTable(["Item", "Value"], rows);
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

// actions/seal-secrets/src/certificate.ts
var crypto2 = () => process.getBuiltinModule("node:crypto");
var EXPIRY_WARNING_DAYS = 30;
var MIN_RSA_BITS = 1024;
var PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;
var CertificateError = class extends Error {
};
function parseSealingCert(text, now = /* @__PURE__ */ new Date()) {
  const block = PEM_CERT.exec(text);
  if (!block) {
    const other = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
    throw new CertificateError(other ? `holds a PEM ${other[1]}, not a CERTIFICATE. Expected the controller's certificate (kubeseal --fetch-cert)` : "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }
  let cert;
  try {
    cert = new (crypto2()).X509Certificate(block[0]);
  } catch (err) {
    throw new CertificateError(`holds a CERTIFICATE block that is not a valid X.509 certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  const publicKey = cert.publicKey;
  if (publicKey.asymmetricKeyType !== "rsa") {
    throw new CertificateError(`certificate has a ${publicKey.asymmetricKeyType ?? "unknown"} public key; sealed-secrets needs an RSA key`);
  }
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new CertificateError(`certificate has an RSA-${bits} key (fingerprint ${cert.fingerprint256}); kubeseal and the controller (Go crypto/rsa) refuse keys under ${MIN_RSA_BITS} bits. Expected the controller's certificate (RSA-4096 by default)`);
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now.getTime() > notAfter.getTime()) {
    throw new CertificateError(`certificate expired on ${notAfter.toISOString()} (fingerprint ${cert.fingerprint256}); fetch the controller's current certificate (kubeseal --fetch-cert)`);
  }
  return {
    publicKey,
    fingerprint: cert.fingerprint256,
    subject: (cert.subject ?? "").replace(/\n/g, ", ") || "(empty)",
    notBefore,
    notAfter,
    keyBits: bits,
    pem: `${block[0]}
`
  };
}
function expiresSoon(cert, now = /* @__PURE__ */ new Date()) {
  const days = (cert.notAfter.getTime() - now.getTime()) / 864e5;
  return days <= EXPIRY_WARNING_DAYS ? Math.max(0, Math.floor(days)) : void 0;
}
var LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/i;
function classifyCertInput(value) {
  if (value.includes("-----BEGIN")) return { kind: "pem", text: value };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  if (scheme) {
    let url;
    try {
      url = new URL(value);
    } catch {
      return { error: `'${value}' is not a valid URL` };
    }
    if (url.protocol === "https:") return { kind: "url", url };
    if (url.protocol === "http:" && LOOPBACK.test(url.hostname)) return { kind: "url", url };
    if (url.protocol === "http:") return { error: `'${value}' is plain http to a non-loopback host: the certificate could be swapped in transit. Expected an https URL (http only for localhost/127.0.0.0/8/[::1])` };
    return { error: `'${value}' uses ${url.protocol.replace(":", "")}://; expected PEM text, a file path or an https URL` };
  }
  return { kind: "file", path: value };
}
function certProxyPath(namespace, service, portName) {
  return `/api/v1/namespaces/${namespace}/services/http:${service}:${portName}/proxy/v1/cert.pem`;
}
function servicePortName(serviceJson) {
  const svc = JSON.parse(serviceJson);
  const port = svc.spec?.ports?.[0];
  if (!port) throw new Error("the sealed-secrets controller service has no ports");
  return port.name ?? "";
}

// actions/seal-secrets/src/manifest.ts
import { isDeepStrictEqual } from "node:util";

// actions/seal-secrets/src/go-yaml.ts
var isLetter = (c) => new RegExp("^\\p{L}$", "u").test(c);
var isDigit = (c) => new RegExp("^\\p{Nd}$", "u").test(c);
var cp = (c) => c.codePointAt(0);
var int64 = (n) => BigInt.asIntN(64, n);
function goKeyLess(a, b) {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i];
    const y = br[i];
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return cp(x) < cp(y);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (x === "0" || y === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = int64(an * 10n + BigInt(cp(ar[ai]) - 48));
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = int64(bn * 10n + BigInt(cp(br[bi]) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(x) < cp(y);
  }
  return ar.length < br.length;
}
function goKeyOrder(a, b) {
  return goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0;
}
var RESOLVE_MAP = /* @__PURE__ */ new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF"
]);
var HINTED = /^[-+0-9yYnNtTfFoO~.]/;
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
var DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var leap = (y) => y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
function isTimestamp(s) {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap(year) ? 28 : DAYS[month - 1])) return false;
  if (m[4] === void 0) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  if (m[4] === " " !== (m[8] === void 0)) return false;
  if (m[8] && m[8] !== "Z" && (Number(m[8].slice(1, 3)) > 24 || Number(m[8].slice(4)) > 59)) return false;
  return true;
}
function isGoInteger(s) {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  const digits = /^0[oO]/.test(body) ? `0o${body.slice(2)}` : /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
  const fitsInt = n >= -(2n ** 63n) && n < 2n ** 63n;
  const fitsUint = m[1] === "" && n < 2n ** 64n;
  return fitsInt || fitsUint;
}
function goResolvesToString(s) {
  if (!HINTED.test(s) && s !== "") return true;
  if (RESOLVE_MAP.has(s)) return false;
  const hint = s[0];
  if (hint === ".") return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (hint === "+" || hint === "-" || hint !== void 0 && hint >= "0" && hint <= "9") {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, "");
    if (isGoInteger(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}
var isBreak = (c) => c === 10 || c === 13 || c === 133 || c === 8232 || c === 8233;
var isBlank = (c) => c === 32 || c === 9;
var isBlankz = (c) => c === void 0 || c === 0 || isBlank(c) || isBreak(c);
var isPrintable = (c) => c === 10 || c >= 32 && c <= 126 || c >= 160 && c <= 55295 || c >= 57344 && c <= 65533 && c !== 65279;
function analyze(value) {
  if (value === "") return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = Array.from(value).map(cp);
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace) blockIndicators = true;
    else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  });
  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
function goScalarStyle(value, simpleKey) {
  const canUsePlain = goResolvesToString(value) && !BASE60_FLOAT.test(value);
  let style = value.includes("\n") ? "BLOCK_LITERAL" : canUsePlain ? "PLAIN" : "QUOTE_DOUBLE";
  const a = analyze(value);
  if (simpleKey && a.multiline) style = "QUOTE_DOUBLE";
  if (style === "PLAIN" && (!a.blockPlainAllowed || value === "" && simpleKey)) style = "QUOTE_SINGLE";
  if (style === "QUOTE_SINGLE" && !a.singleQuotedAllowed) style = "QUOTE_DOUBLE";
  if (style === "BLOCK_LITERAL" && (!a.blockAllowed || simpleKey)) style = "QUOTE_DOUBLE";
  return style;
}
function goSimpleKey(key) {
  return !analyze(key).multiline && Buffer.byteLength(key, "utf8") <= 128;
}
var BEST_INDENT = 2;
var BEST_WIDTH = 80;
var NAMED_ESCAPES = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P" };
var Emitter = class {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  indents = [];
  put(s) {
    this.out += s;
    this.column += 1;
  }
  putBreak() {
    this.out += "\n";
    this.column = 0;
  }
  /** write_break: '\n' as the line break, any other break character copied, both start a new line. */
  writeBreak(ch) {
    if (ch === "\n") this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }
  increaseIndent(flow) {
    this.indents.push(this.indent);
    this.indent = this.indent < 0 ? flow ? BEST_INDENT : 0 : this.indent + BEST_INDENT;
  }
  restoreIndent() {
    this.indent = this.indents.pop();
  }
  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || this.column === indent && !this.whitespace) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  writeIndicator(indicator, needWhitespace, isWhitespace, isIndention) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  /** yaml_emitter_write_plain_scalar and write_single_quoted_scalar (they differ only at the quotes and edges). */
  writePlainOrSingle(value, single, allowBreaks) {
    if (single) this.writeIndicator("'", true, false, false);
    else if (!this.whitespace) this.put(" ");
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === " ") {
        const edgeOk = !single || i > 0 && i < chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && edgeOk && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(cp(ch))) {
        if (!breaks && ch === "\n") this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (single && ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (single) this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
  writeDoubleQuoted(value, allowBreaks) {
    this.writeIndicator('"', true, false, false);
    const chars = Array.from(value);
    const bom = value.startsWith("\uFEFF");
    let spaces = false;
    chars.forEach((ch, i) => {
      const c = cp(ch);
      if (!isPrintable(c) || bom || isBreak(c) || ch === '"' || ch === "\\") {
        const named = NAMED_ESCAPES[c];
        const [mark, digits] = c <= 255 ? ["x", 2] : c <= 65535 ? ["u", 4] : ["U", 8];
        const escape = named !== void 0 ? `\\${named}` : `\\${mark}${c.toString(16).toUpperCase().padStart(digits, "0")}`;
        for (const e of escape) this.put(e);
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
  writeLiteral(value) {
    this.writeIndicator("|", true, false, false);
    const chars = Array.from(value);
    if (chars[0] === " " || isBreak(cp(chars[0] ?? "x"))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    let chomp = "";
    if (!isBreak(cp(chars[last] ?? "x"))) chomp = "-";
    else if (last === 0 || isBreak(cp(chars[last - 1]))) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(cp(ch))) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
  /** yaml_emitter_emit_scalar: the style, then the scalar written one level deeper. */
  scalar(value, simpleKey, style = goScalarStyle(value, simpleKey)) {
    this.increaseIndent(true);
    if (style === "PLAIN") this.writePlainOrSingle(value, false, !simpleKey);
    else if (style === "QUOTE_SINGLE") this.writePlainOrSingle(value, true, !simpleKey);
    else if (style === "QUOTE_DOUBLE") this.writeDoubleQuoted(value, !simpleKey);
    else this.writeLiteral(value);
    this.restoreIndent();
  }
  node(value) {
    if (value === null) this.scalar("null", false, "PLAIN");
    else if (typeof value === "string") this.scalar(value, false);
    else this.mapping(value);
  }
  mapping(map) {
    if (map.size === 0) {
      this.writeIndicator("{", true, true, false);
      this.writeIndicator("}", false, false, false);
      return;
    }
    this.increaseIndent(false);
    for (const [key, value] of map) {
      this.writeIndent();
      if (goSimpleKey(key)) {
        this.scalar(key, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.scalar(key, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(value);
    }
    this.restoreIndent();
  }
};
function goYamlDocument(root) {
  const e = new Emitter();
  e.mapping(root);
  return `${e.out}
`;
}
function goYamlBlock(map, indent) {
  const e = new Emitter();
  e.indent = indent >= BEST_INDENT ? indent - BEST_INDENT : -1;
  e.mapping(map);
  return `${e.out}
`;
}

// actions/seal-secrets/src/yaml-edit.ts
var byteOrder = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var sortedBy = (keys, order) => keys.every((k, i) => i === 0 || order(keys[i - 1], k) <= 0);
var orderOf = (keys, preferred = goKeyOrder) => [preferred, goKeyOrder, byteOrder].find((order) => sortedBy(keys, order));
function editYamlInPlace(text, doc, changes, yaml) {
  const edits = [];
  const lineStart = (i) => text.lastIndexOf("\n", i - 1) + 1;
  const keyText = (k) => String(yaml.isScalar(k) ? k.value : k);
  const rangeOf = (n) => n?.range ?? void 0;
  const visit = (map, tree) => {
    if (!yaml.isMap(map) || map.flow || map.items.length === 0) return false;
    const items = map.items;
    const firstKey = rangeOf(items[0]?.key);
    if (!firstKey) return false;
    const indent = firstKey[0] - lineStart(firstKey[0]);
    for (const p of items) {
      const r = rangeOf(p.key);
      if (!r || r[0] - lineStart(r[0]) !== indent || text.slice(lineStart(r[0]), r[0]).trim() !== "") return false;
    }
    const keys = items.map((p) => keyText(p.key));
    const order = orderOf(keys);
    const entries = [...tree].sort(([a], [b]) => (order ?? (() => 0))(a, b));
    for (const [key, value] of entries) {
      const pair = items.find((p) => keyText(p.key) === key);
      if (pair && typeof value !== "string") {
        if (!visit(pair.value, value)) return false;
      } else if (pair) {
        const v = rangeOf(pair.value);
        if (!yaml.isScalar(pair.value) || !v) return false;
        const keyStart = rangeOf(pair.key)[0];
        edits.push({ at: lineStart(keyStart), end: v[1], text: goYamlBlock(/* @__PURE__ */ new Map([[key, value]]), indent).slice(0, -1) });
      } else {
        const block = goYamlBlock(/* @__PURE__ */ new Map([[key, value]]), indent);
        const next = order ? items.find((p) => order(keyText(p.key), key) > 0) : void 0;
        if (next) {
          edits.push({ at: lineStart(rangeOf(next.key)[0]), end: lineStart(rangeOf(next.key)[0]), text: block });
        } else {
          const last = items[items.length - 1];
          const end = (rangeOf(last.value) ?? rangeOf(last.key))[1];
          const nl = text.indexOf("\n", end - 1);
          const at = text[end - 1] === "\n" ? end : nl < 0 ? text.length : nl + 1;
          edits.push({ at, end: at, text: at === text.length && !text.endsWith("\n") ? `
${block}` : block });
        }
      }
    }
    return true;
  };
  if (!visit(doc.contents, changes)) return void 0;
  edits.sort((a, b) => a.at - b.at);
  let out = "";
  let pos = 0;
  for (const e of edits) {
    if (e.at < pos) return void 0;
    out += text.slice(pos, e.at) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

// actions/seal-secrets/src/manifest.ts
var yamlModule;
async function loadYaml() {
  if (!yamlModule) {
    const m = await import("./dist-OOEPLFGC.js");
    yamlModule = typeof m.stringify === "function" ? m : m.default;
  }
  return yamlModule;
}
var API_VERSION = "bitnami.com/v1alpha1";
var KIND = "SealedSecret";
var NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";
var CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";
function scopeAnnotations(scope) {
  if (scope === "namespace-wide") return { [NAMESPACE_WIDE]: "true" };
  if (scope === "cluster-wide") return { [CLUSTER_WIDE]: "true" };
  return {};
}
function scopeOf(annotations) {
  const a = annotations && typeof annotations === "object" ? annotations : {};
  if (a[CLUSTER_WIDE] === "true") return "cluster-wide";
  if (a[NAMESPACE_WIDE] === "true") return "namespace-wide";
  return "strict";
}
var byteOrder2 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var sortedMap = (entries) => new Map([...entries].sort(([a], [b]) => byteOrder2(a, b)));
function sealedSecretObject(s) {
  const scopeAnno = Object.entries(scopeAnnotations(s.scope));
  const templateAnnotations = sortedMap([...s.annotations, ...scopeAnno]);
  const templateMeta = /* @__PURE__ */ new Map([
    ["name", s.name],
    ["namespace", s.namespace],
    ["creationTimestamp", null]
  ]);
  if (s.labels.length > 0) templateMeta.set("labels", sortedMap(s.labels));
  if (templateAnnotations.size > 0) templateMeta.set("annotations", templateAnnotations);
  const meta = /* @__PURE__ */ new Map([
    ["name", s.name],
    ["namespace", s.namespace],
    ["creationTimestamp", null]
  ]);
  if (scopeAnno.length > 0) meta.set("annotations", new Map(scopeAnno));
  return /* @__PURE__ */ new Map([
    ["kind", KIND],
    ["apiVersion", API_VERSION],
    ["metadata", meta],
    [
      "spec",
      /* @__PURE__ */ new Map([
        [
          "template",
          /* @__PURE__ */ new Map([
            ["metadata", templateMeta],
            ["type", s.type]
          ])
        ],
        ["encryptedData", sortedMap(s.encryptedData)]
      ])
    ]
  ]);
}
function sortDeep(value) {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value instanceof Map) return new Map([...value].sort(([a], [b]) => goKeyOrder(a, b)).map(([k, v]) => [k, sortDeep(v)]));
  if (value && typeof value === "object") return sortDeep(new Map(Object.entries(value)));
  return value;
}
function goJsonString(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, "0")}`);
}
function toJson(value, indent = "") {
  if (value instanceof Map || value && typeof value === "object" && !Array.isArray(value)) {
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    return `{
${entries.map(([k, v]) => `${inner}${goJsonString(k)}: ${toJson(v, inner)}`).join(",\n")}
${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = `${indent}  `;
    return `[
${value.map((v) => `${inner}${toJson(v, inner)}`).join(",\n")}
${indent}]`;
  }
  return typeof value === "string" ? goJsonString(value) : JSON.stringify(value) ?? "null";
}
var YAML_SCHEMA_OPTIONS = { compat: "yaml-1.1" };
async function renderSealedSecret(s, format) {
  const obj = sealedSecretObject(s);
  if (format === "json") return `${toJson(obj)}
`;
  return `---
${goYamlDocument(sortDeep(obj))}`;
}
var SealedSecretFileError = class extends Error {
};
function describe(obj) {
  const o = obj ?? {};
  if (o.apiVersion !== API_VERSION || o.kind !== KIND) {
    throw new SealedSecretFileError(`is not a SealedSecret (apiVersion ${String(o.apiVersion)}, kind ${String(o.kind)}); expected apiVersion ${API_VERSION}, kind ${KIND}`);
  }
  const meta = o.metadata ?? {};
  const spec = o.spec ?? {};
  const data = spec.encryptedData;
  if (data !== void 0 && data !== null && (typeof data !== "object" || Array.isArray(data))) throw new SealedSecretFileError("has a spec.encryptedData that is not a map");
  const encryptedData = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(data ?? {})) {
    if (typeof v !== "string") throw new SealedSecretFileError(`has a non-string ciphertext for key '${k}'`);
    encryptedData.set(k, v);
  }
  if (spec.data !== void 0) throw new SealedSecretFileError("uses the deprecated spec.data (one blob for the whole Secret); re-seal it with spec.encryptedData first");
  const template = spec.template ?? {};
  const templateAnnotations = (template.metadata ?? {}).annotations;
  const annotations = /* @__PURE__ */ new Map();
  if (templateAnnotations && typeof templateAnnotations === "object") {
    for (const [k, v] of Object.entries(templateAnnotations)) if (typeof v === "string") annotations.set(k, v);
  }
  return {
    name: String(meta.name ?? ""),
    namespace: String(meta.namespace ?? ""),
    scope: scopeOf(meta.annotations),
    type: typeof template.type === "string" && template.type !== "" ? template.type : "Opaque",
    encryptedData,
    annotations
  };
}
function setStyled(map, key, value, Scalar) {
  const k = new Scalar(key);
  k.type = Scalar[goScalarStyle(key, true)];
  const v = new Scalar(value);
  v.type = Scalar[goScalarStyle(value, false)];
  map.set(k, v);
}
function insertSorted(map, key, value, order, keyText, Scalar) {
  setStyled(map, key, value, Scalar);
  if (order) map.items.sort((a, b) => order(keyText(a.key), keyText(b.key)));
}
function ensureMap(doc, path, yaml) {
  const existing = doc.getIn(path, true);
  if (yaml.isMap(existing)) return existing;
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const keyText = (k) => String(yaml.isScalar(k) ? k.value : k);
  const parentOrder = yaml.isMap(parent) ? orderOf(parent.items.map((p) => keyText(p.key)), goKeyOrder) : void 0;
  doc.setIn(path, doc.createNode({}));
  const created = doc.getIn(path, true);
  const newParent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (parentOrder && yaml.isMap(newParent)) newParent.items.sort((a, b) => parentOrder(keyText(a.key), keyText(b.key)));
  return created;
}
function jsonMapAt(parent, key) {
  const existing = parent.get(key);
  if (existing instanceof Map) return existing;
  const created = /* @__PURE__ */ new Map();
  parent.set(key, created);
  return created;
}
function applyTree(obj, tree) {
  const out = obj && typeof obj === "object" && !Array.isArray(obj) ? { ...obj } : {};
  for (const [k, v] of tree) out[k] = typeof v === "string" ? v : applyTree(out[k], v);
  return out;
}
async function parseSealedSecretFile(text) {
  const yaml = await loadYaml();
  const { isScalar, parseAllDocuments, parseDocument } = yaml;
  if (text.trimStart().startsWith("{")) {
    let obj;
    try {
      obj = JSON.parse(text);
    } catch {
      throw new SealedSecretFileError("starts with { but is not valid JSON");
    }
    const d2 = describe(obj);
    return {
      format: "json",
      ...d2,
      merge(update) {
        const root = parseDocument(text, YAML_SCHEMA_OPTIONS).toJS({ mapAsMap: true });
        const spec = jsonMapAt(root, "spec");
        const data = jsonMapAt(spec, "encryptedData");
        const order = orderOf([...data.keys()], byteOrder2);
        for (const [k, v] of update.encryptedData) data.set(k, v);
        if (order) spec.set("encryptedData", new Map([...data].sort(([x], [y]) => order(x, y))));
        const meta = jsonMapAt(jsonMapAt(spec, "template"), "metadata");
        if (update.labels.length > 0) {
          const labels = jsonMapAt(meta, "labels");
          for (const [k, v] of update.labels) labels.set(k, v);
        }
        if (update.annotations.length > 0) {
          const annotations = jsonMapAt(meta, "annotations");
          for (const [k, v] of update.annotations) annotations.set(k, v);
        }
        return `${toJson(root)}
`;
      }
    };
  }
  const keyText = (k) => String(isScalar(k) ? k.value : k);
  const docs = parseAllDocuments(text, YAML_SCHEMA_OPTIONS).filter((doc2) => doc2.contents !== null);
  if (docs.length !== 1) throw new SealedSecretFileError(`holds ${docs.length} YAML documents; expected exactly one SealedSecret`);
  const doc = docs[0];
  if (doc.errors.length > 0) throw new SealedSecretFileError(`is not valid YAML (${doc.errors[0]?.message.split("\n")[0] ?? "parse error"})`);
  const d = describe(doc.toJS());
  const readYaml = (t) => {
    const docs2 = parseAllDocuments(t, YAML_SCHEMA_OPTIONS).filter((x) => x.contents !== null);
    return docs2.length === 1 && docs2[0]?.errors.length === 0 ? docs2[0].toJS() : void 0;
  };
  return {
    format: "yaml",
    ...d,
    merge(update) {
      const metadata = /* @__PURE__ */ new Map();
      if (update.labels.length > 0) metadata.set("labels", new Map(update.labels));
      if (update.annotations.length > 0) metadata.set("annotations", new Map(update.annotations));
      const tree = /* @__PURE__ */ new Map([["spec", new Map([["encryptedData", new Map(update.encryptedData)], ...metadata.size > 0 ? [["template", /* @__PURE__ */ new Map([["metadata", metadata]])]] : []])]]);
      const edited = editYamlInPlace(text, doc, tree, yaml);
      if (edited !== void 0 && isDeepStrictEqual(readYaml(edited), applyTree(doc.toJS(), tree))) return edited;
      const data = ensureMap(doc, ["spec", "encryptedData"], yaml);
      const order = orderOf(data.items.map((p) => keyText(p.key)), goKeyOrder);
      for (const [k, v] of update.encryptedData) insertSorted(data, k, v, order, keyText, yaml.Scalar);
      if (update.labels.length > 0) {
        const labels = ensureMap(doc, ["spec", "template", "metadata", "labels"], yaml);
        for (const [k, v] of update.labels) setStyled(labels, k, v, yaml.Scalar);
      }
      if (update.annotations.length > 0) {
        const annotations = ensureMap(doc, ["spec", "template", "metadata", "annotations"], yaml);
        for (const [k, v] of update.annotations) setStyled(annotations, k, v, yaml.Scalar);
      }
      return doc.toString({ lineWidth: 0, minContentWidth: 0 });
    }
  };
}

// actions/seal-secrets/src/scopes.ts
var SCOPES = ["strict", "namespace-wide", "cluster-wide"];

export {
  setSecret,
  getInput,
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
  keyValueTable,
  rememberSecret,
  writeSummary,
  CertificateError,
  parseSealingCert,
  expiresSoon,
  classifyCertInput,
  certProxyPath,
  servicePortName,
  SCOPES,
  renderSealedSecret,
  SealedSecretFileError,
  parseSealedSecretFile
};
//# sourceMappingURL=chunk-XANZ7BDF.js.map
