import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  summary,
  warning
} from "./chunk-LOYH6TYK.js";

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

export {
  code,
  markdownTable,
  rememberSecret,
  writeSummary,
  parseReference,
  canonicalRepository,
  repositoryName,
  formatReference
};
//# sourceMappingURL=chunk-DO757EGR.js.map
