import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  parsePurl,
  purlMatches
} from "./chunks/chunk-VUGC2PAQ.js";

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

// src/lib/action.ts
async function runAction(action, main) {
  try {
    await main();
  } catch (err) {
    setFailed(`${action} failed: ${describeError(err)}`);
    if (isDebug() && err instanceof Error && err.stack) debug(err.stack);
  }
}

// actions/scan/src/main.ts
import { existsSync as existsSync3, mkdtempSync as mkdtempSync2, readFileSync as readFileSync2, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import path5 from "node:path";

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
    const env = { ...process.env };
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

// src/lib/registry-auth.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
function writeAuthConfig(registry, credentials) {
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = mkdtempSync(path.join(base, "registry-auth-"));
  const file = path.join(dir, "config.json");
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
  writeFileSync(file, `${JSON.stringify({ auths: { [registry]: { auth } } })}
`, { mode: 384 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
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
async function writeSummary(sections) {
  try {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      debug("GITHUB_STEP_SUMMARY is not set; no job summary written");
      return;
    }
    await summary.addRaw(`${sections.join("\n\n")}
`, true).write();
  } catch (err) {
    warning(`Could not write the job summary: ${err.message}`);
  }
}

// src/lib/tools.ts
import { createHash } from "node:crypto";
import { accessSync, constants as constants2, createReadStream, statSync } from "node:fs";
import { arch as arch2, platform as platform2 } from "node:os";
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
      accessSync(candidate, constants2.X_OK);
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
  const cpu = arch2() === "arm64" ? "arm64" : arch2() === "x64" ? "x64" : arch2();
  return `${platform2()}-${cpu}`;
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
async function resolveTool(name, wanted, manifest = pinnedTools) {
  const onPath = findOnPath(name);
  if (onPath) {
    const out = await execTool(onPath, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 3e4 });
    const version2 = parseVersionOutput(`${out.stdout}
${out.stderr}`);
    info(`Using ${name} ${version2} from PATH (${onPath})`);
    if (wanted && version2 !== "unknown" && version2.replace(/^v/, "") !== wanted.replace(/^v/, "")) {
      warning(`${name} on PATH is ${version2}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version: version2, source: "path" };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
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
  const { chmodSync } = await import("node:fs");
  chmodSync(bin, 493);
  info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: "download" };
}

// actions/scan/src/attest.ts
function vulnPredicate(p) {
  const version = p.trivyVersion.replace(/^v/, "");
  return {
    invocation: { parameters: null, uri: p.runUrl ?? "", event_id: "", "builder.id": "" },
    scanner: { uri: `pkg:github/aquasecurity/trivy@${version}`, version, db: { uri: "", version: "" }, result: p.report },
    metadata: { scanStartedOn: p.startedOn.toISOString(), scanFinishedOn: p.finishedOn.toISOString() }
  };
}
function attestArgv(imageAtDigest, registry, predicateFile) {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to attest ${imageAtDigest}: only image@sha256 digests are attested`);
  const argv = ["attest", "--yes", "--type", "vuln", "--predicate", predicateFile];
  if (isLoopbackRegistry(registry)) argv.push("--allow-http-registry");
  argv.push(imageAtDigest);
  return argv;
}
function oidcProblem(env) {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return void 0;
  return "attest: true signs the attestation keylessly with the GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job, or set attest: false";
}

// actions/scan/src/db-cache.ts
import path3 from "node:path";
function dbCacheKey(now, os5, arch3) {
  const clean = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const prefix = `trivy-db-${clean(os5)}-${clean(arch3)}-`;
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}
function dbDir(cacheDir) {
  return path3.join(cacheDir, "db");
}
function dbFiles(cacheDir) {
  return { db: path3.join(dbDir(cacheDir), "trivy.db"), metadata: path3.join(dbDir(cacheDir), "metadata.json") };
}
async function restoreDb(cacheDir, key) {
  try {
    const cache = await import("#lazy/cache");
    if (!cache.isFeatureAvailable()) return { status: "unavailable", reason: "the runner's cache service is not available (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)" };
    const hit = await cache.restoreCache([dbDir(cacheDir)], key.key, key.restoreKeys);
    if (hit === void 0) return { status: "miss" };
    return { status: "hit", key: hit, exact: hit === key.key };
  } catch (err) {
    return { status: "unavailable", reason: `restoring the cache failed: ${err.message}` };
  }
}
async function saveDb(cacheDir, key) {
  try {
    const cache = await import("#lazy/cache");
    if (!cache.isFeatureAvailable()) return { status: "failed", reason: "the runner's cache service is not available" };
    await cache.saveCache([dbDir(cacheDir)], key.key);
    return { status: "saved" };
  } catch (err) {
    const e = err;
    if (e.name === "ReserveCacheError" || /already exists/i.test(e.message)) return { status: "exists" };
    return { status: "failed", reason: e.message };
  }
}

// actions/scan/src/inputs.ts
import { existsSync as existsSync2, readFileSync, statSync as statSync2 } from "node:fs";
import path4 from "node:path";

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
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
function maskSecrets(...values) {
  for (const v of values) {
    if (v === void 0 || v === "") continue;
    setSecret(v);
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 4) setSecret(line.trim());
  }
}

// actions/scan/src/trivy-report.ts
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
        cvssVector: vector
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

// actions/scan/src/trivy-argv.ts
function dbDownloadArgv(repository, cacheDir) {
  return ["image", "--download-db-only", "--db-repository", repository, "--cache-dir", cacheDir, "--no-progress"];
}
function scanArgv(a) {
  return [
    "image",
    "--config",
    a.emptyConfigFile,
    "--scanners",
    "vuln",
    "--format",
    "json",
    "--output",
    a.reportFile,
    // Every severity, nothing unfixed dropped: ignoring is the gate's job, so ignored findings are counted.
    "--severity",
    SEVERITIES.slice().reverse().join(","),
    "--ignorefile",
    a.emptyIgnoreFile,
    "--cache-dir",
    a.cacheDir,
    "--skip-db-update",
    "--no-progress",
    a.imageRef
  ];
}
var FILTERING_ENV = ["TRIVY_IGNORE_UNFIXED", "TRIVY_IGNORE_STATUS", "TRIVY_IGNORE_POLICY", "TRIVY_VEX", "TRIVY_SHOW_SUPPRESSED", "TRIVY_EXIT_CODE", "TRIVY_EXIT_ON_EOL", "TRIVY_TEMPLATE", "TRIVY_PKG_TYPES"];
function isRateLimited(stderr) {
  return /TOOMANYREQUESTS|429 Too Many Requests|too many requests/i.test(stderr);
}
function trivyMessage(stderr, stdout = "") {
  const lines = stderr.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  const fatal = lines.filter((l) => /\b(FATAL|ERROR)\b/.test(l) || /^\s*\*\s/.test(l) || /^Error:/.test(l));
  const chosen = fatal.length > 0 ? fatal : lines.length > 0 ? lines : stdout.split("\n").filter((l) => l.trim() !== "");
  return chosen.slice(-10).join("\n") || "(Trivy printed nothing)";
}
var COMPROMISED_TRIVY_VERSIONS = ["0.69.4"];
function isCompromised(version) {
  return COMPROMISED_TRIVY_VERSIONS.includes(version.replace(/^v/, ""));
}

// actions/scan/src/inputs.ts
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
  const full = path4.resolve(workspace, value);
  if (existsSync2(full) && statSync2(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is a directory. Expected a file path`);
  if (!existsSync2(path4.dirname(full))) throw new ConfigurationError(name, `the folder of '${value}' (${path4.dirname(full)}) does not exist`);
  return full;
}
async function readIgnoreFile(value, workspace) {
  const full = path4.resolve(workspace, value);
  if (!existsSync2(full)) {
    if (value === DEFAULT_IGNORE_FILE) return void 0;
    throw new ConfigurationError("ignore-file", `'${value}' does not exist (${full}). Expected a .trivyignore.yaml or .trivyignore file; leave ignore-file at its default (${DEFAULT_IGNORE_FILE}, used when present) for none`);
  }
  if (!statSync2(full).isFile()) throw new ConfigurationError("ignore-file", `'${value}' is not a file`);
  const { IgnoreFileError, parseIgnoreFile } = await import("./chunks/ignore-file-SD3TUTRZ.js");
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
  const ignore = await readIgnoreFile(requiredInput("ignore-file", `a .trivyignore.yaml or .trivyignore path (default ${DEFAULT_IGNORE_FILE}, used when present)`), workspace);
  const failOnFindings = booleanInput("fail-on-findings");
  const trivyVersion = requiredInput("trivy-version", "a Trivy release such as v0.69.3");
  if (!/^v?[0-9]+\.[0-9]+\.[0-9]+$/.test(trivyVersion)) throw new ConfigurationError("trivy-version", `'${trivyVersion}' is not a Trivy release. Expected vX.Y.Z, e.g. v0.69.3`);
  if (isCompromised(trivyVersion)) throw new ConfigurationError("trivy-version", `'${trivyVersion}' is a known malicious Trivy release (2026-03-19 compromise) and is never run. Expected v0.69.3`);
  const cacheDb = booleanInput("cache-db");
  const dbRepositories = parseList(requiredInput("db-repository", "one or more OCI repositories of the Trivy DB, e.g. mirror.gcr.io/aquasec/trivy-db:2"));
  for (const repo of dbRepositories) {
    const ref = parseReference(repo);
    if (typeof ref === "string" || ref.digest !== void 0) {
      throw new ConfigurationError("db-repository", `'${repo}' is not an OCI repository${typeof ref === "string" ? `: ${ref}` : " (no digest: Trivy follows a tag)"}. Expected registry/path[:tag], e.g. ghcr.io/aquasecurity/trivy-db:2`);
    }
  }
  if (dbRepositories.length === 0) throw new ConfigurationError("db-repository", "no repository given. Expected one or more OCI repositories, comma or newline separated");
  const reportFile = outputFile("report-file", workspace);
  const sarifFile = outputFile("sarif-file", workspace);
  if (reportFile === sarifFile) throw new ConfigurationError("sarif-file", `it is the same file as report-file (${reportFile}). Expected another path`);
  const attest = booleanInput("attest");
  if (attest && image.digest === void 0) {
    throw new ConfigurationError("attest", `attestations are attached to a digest, and image-ref '${imageRef}' has none. Expected image-ref pinned by digest, or attest: false`);
  }
  const username = optionalInput("registry-username");
  if (username === void 0 !== (password === void 0)) {
    throw new ConfigurationError(username === void 0 ? "registry-username" : "registry-password", "registry-username and registry-password go together: give both or neither");
  }
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
    reportFile,
    sarifFile,
    attest,
    credentials: username !== void 0 && password !== void 0 ? { username, password } : void 0,
    allowTag
  };
}

// actions/scan/src/policy.ts
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
var LEVEL_BY_SEVERITY = { CRITICAL: "error", HIGH: "error", MEDIUM: "warning", LOW: "note", UNKNOWN: "note" };
var FALLBACK_SCORE = { CRITICAL: "9.5", HIGH: "8.0", MEDIUM: "5.5", LOW: "2.0", UNKNOWN: "0.0" };
var LEVEL_RANK = { error: 0, warning: 1, note: 2, none: 3 };
function securitySeverity(f) {
  return f.cvss !== void 0 ? f.cvss.toFixed(1) : FALLBACK_SCORE[f.severity];
}
function isHttpUrl(u) {
  return u !== void 0 && /^https?:\/\/[^\s]+$/.test(u);
}
function location(f, ctx) {
  if (f.pkgPath) return f.pkgPath.replace(/\\/g, "/");
  if (f.resultClass === "os-pkgs" || f.target === "") return ctx.imagePath;
  return f.target.replace(/\\/g, "/");
}
function buildSarif(evaluation, ctx) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const ruleWorst = /* @__PURE__ */ new Map();
  const results = [];
  for (const f of evaluation.remainingFindings) {
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
    const uri = location(f, ctx);
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
          message: { text: `${uri}: ${f.pkgName}@${f.installedVersion}` }
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
function link(f) {
  return f.primaryUrl && /^https:\/\/[^\s()]+$/.test(f.primaryUrl) ? `[${plain(f.id)}](${f.primaryUrl})` : plain(f.id);
}
function verdict(o) {
  const image = o.imageRef ? ` ${code(o.imageRef)}` : "";
  const ev = o.evaluation;
  if (!ev) return `## :x: Scan of${image} did not complete

${o.error ? plain(o.error).split("\n").map((l) => `> ${l}`).join("\n") : ""}`;
  const sev = (o.failingSeverities ?? []).join(", ");
  if (ev.passed) return `## :white_check_mark: Scan passed:${image}

No finding of a failing severity (${sev}) remains after ignoring (${ev.total} found, ${ev.ignoredTotal} ignored).`;
  const n = ev.failingFindings.length;
  const head = o.failOnFindings === false ? `## :warning: Scan found ${n} failing finding${n === 1 ? "" : "s"} (not enforced: fail-on-findings is false):${image}` : `## :x: Scan failed: ${n} finding${n === 1 ? "" : "s"} of failing severity (${sev}) in${image}`;
  return head;
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
        shown.map((f) => [f.severity, link(f), f.cvss !== void 0 ? f.cvss.toFixed(1) : "", plain(f.pkgName), plain(f.installedVersion), f.fixedVersion ? plain(f.fixedVersion) : "(no fix)", plain(f.target)])
      );
      const more = ev.failingFindings.length - shown.length;
      sections.push(`### Failing findings

${table}${more > 0 ? `

\u2026 and ${more} more failing finding${more === 1 ? "" : "s"} (see ${code(o.reportFile ?? "the report")} or the SARIF upload).` : ""}`);
    }
    const expired = ev.entries.filter((u) => u.expired);
    if (expired.length > 0) {
      const table = markdownTable(
        ["Vulnerability", "Expired at", "Line", "Would match", "Statement"],
        expired.map((u) => [plain(u.entry.id), u.entry.expiredAtText ?? "", String(u.entry.line), String(u.matched), plain(u.entry.statement ?? "")])
      );
      sections.push(`### Expired ignore entries (they suppress nothing)

${table}`);
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
  if (o.sarifFile) facts.push(`SARIF: ${code(o.sarifFile)}`);
  if (o.attested !== void 0) facts.push(o.attested ? "Vulnerability attestation: attached with cosign (type vuln)" : "Vulnerability attestation: not attached");
  if (facts.length > 0) sections.push(facts.map((f) => `- ${f}`).join("\n"));
  if (ev && o.error) sections.push(`**Error:** ${plain(o.error)}`);
  return sections;
}

// actions/scan/src/main.ts
var GateFailed = class extends Error {
};
var SCAN_TIMEOUT_MS = 30 * 60 * 1e3;
var DB_TIMEOUT_MS = 15 * 60 * 1e3;
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
      if (restored.status === "hit" && restored.exact && existsSync3(files.db)) {
        info(`Vulnerability DB restored from today's cache (${restored.key})`);
        notes.push(`DB: restored from cache ${restored.key}`);
        return;
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
    const r = await execTool(trivy.path, dbDownloadArgv(repo, cacheDir), { allowFailure: true, timeoutMs: DB_TIMEOUT_MS });
    if (r.exitCode === 0 && existsSync3(files.db)) {
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
    if (existsSync3(files.db)) {
      warning(`Every DB mirror failed; scanning with the older cached DB. ${failures.join("; ")}`);
      notes.push("DB: older cached copy used (every mirror failed)");
      return;
    }
    throw new Error(`the vulnerability DB could not be downloaded from any mirror in db-repository:
${failures.join("\n")}
Add another mirror to db-repository, or retry later`);
  }
  info(`Vulnerability DB ready from ${source}`);
  notes.push(`DB: downloaded from ${source}`);
  if (cacheUsable) {
    const saved = await saveDb(cacheDir, key);
    if (saved.status === "failed") warning(`cache-db: could not save the DB (${saved.reason})`);
    else info(saved.status === "saved" ? `DB cached as ${key.key}` : `DB cache ${key.key} already saved by another job`);
  }
}
function setCounts(ev) {
  setOutput("passed", String(ev.passed));
  for (const s of SEVERITIES) setOutput(s.toLowerCase(), String(ev.remaining[s]));
  setOutput("ignored", String(ev.ignoredTotal));
}
function runUrl(env) {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
}
async function run() {
  const inputs = await getInputs();
  const outcome = {
    imageRef: inputs.imageRef,
    failingSeverities: inputs.severity,
    failOnFindings: inputs.failOnFindings,
    ignoreFile: inputs.ignore?.file,
    dbNotes: []
  };
  const temp = process.env.RUNNER_TEMP || tmpdir2();
  const work = mkdtempSync2(path5.join(temp, "scan-"));
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
    const cacheDir = path5.join(temp, "trivy-cache");
    await group("Vulnerability DB", () => prepareDb(trivy, inputs, cacheDir, outcome.dbNotes));
    const emptyIgnoreFile = path5.join(work, "empty.trivyignore");
    const emptyConfigFile = path5.join(work, "trivy.yaml");
    writeFileSync2(emptyIgnoreFile, "");
    writeFileSync2(emptyConfigFile, "{}\n");
    rmSync2(inputs.reportFile, { force: true });
    const env = Object.fromEntries(FILTERING_ENV.map((k) => [k, void 0]));
    if (inputs.credentials) {
      env.TRIVY_USERNAME = inputs.credentials.username;
      env.TRIVY_PASSWORD = inputs.credentials.password;
    }
    const started = /* @__PURE__ */ new Date();
    const scan = await group(
      `Scan ${inputs.imageRef}`,
      () => execTool(trivy.path, scanArgv({ imageRef: inputs.imageRef, reportFile: inputs.reportFile, cacheDir, emptyIgnoreFile, emptyConfigFile }), { env, allowFailure: true, stream: true, timeoutMs: SCAN_TIMEOUT_MS })
    );
    const finished = /* @__PURE__ */ new Date();
    if (scan.exitCode !== 0) throw new Error(`trivy exited with code ${scan.exitCode}:
${trivyMessage(scan.stderr, scan.stdout)}`);
    if (!existsSync3(inputs.reportFile)) throw new Error(`trivy exited 0 but wrote no report to ${inputs.reportFile}:
${trivyMessage(scan.stderr, scan.stdout)}`);
    const text = readFileSync2(inputs.reportFile, "utf8");
    const report = parseTrivyReport(text, inputs.reportFile);
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
    setOutput("sarif-file", inputs.sarifFile);
    if (cosign) {
      const predicateFile = path5.join(work, "vuln-predicate.json");
      writeFileSync2(predicateFile, JSON.stringify(vulnPredicate({ report: JSON.parse(text), trivyVersion: trivy.version, startedOn: started, finishedOn: finished, runUrl: runUrl(process.env) })));
      if (inputs.credentials) auth = writeAuthConfig(inputs.registry, inputs.credentials);
      outcome.attested = false;
      await group(`Attest the scan to ${inputs.imageRef}`, () => execTool(cosign.path, attestArgv(inputs.imageRef, inputs.registry, predicateFile), { env: { ...auth?.env ?? {} }, stream: true, timeoutMs: 10 * 60 * 1e3 }));
      outcome.attested = true;
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
    rmSync2(work, { recursive: true, force: true });
    await writeSummary(buildScanSummary(outcome));
  }
}

// actions/scan/src/index.ts
await runAction("scan", run);
//# sourceMappingURL=index.js.map
