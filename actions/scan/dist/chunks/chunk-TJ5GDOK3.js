import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/lib/vuln/purl.ts
function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
function parsePurl(text) {
  if (!text.startsWith("pkg:")) return "a package URL starts with pkg:";
  let rest = text.slice(4).replace(/^\/+/, "");
  let subpath = "";
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    subpath = rest.slice(hash + 1).split("/").filter((s) => s !== "" && s !== "." && s !== "..").map(decode).join("/");
    rest = rest.slice(0, hash);
  }
  const qualifiers = /* @__PURE__ */ new Map();
  const q = rest.indexOf("?");
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      if (eq <= 0) return `qualifier '${pair}' is not key=value`;
      const value = decode(pair.slice(eq + 1));
      if (value !== "") qualifiers.set(pair.slice(0, eq).toLowerCase(), value);
    }
    rest = rest.slice(0, q);
  }
  rest = rest.replace(/\/+$/, "");
  let version = "";
  const at = rest.lastIndexOf("@");
  if (at > rest.lastIndexOf("/")) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const parts = rest.split("/");
  const type = (parts.shift() ?? "").toLowerCase();
  if (!/^[a-z.+-][a-z0-9.+-]*$/.test(type)) return `'${type}' is not a package type`;
  const name = decode(parts.pop() ?? "");
  if (name === "") return "it has no package name";
  const namespace = parts.filter((s) => s !== "").map(decode).join("/");
  return { type, namespace, name, version, qualifiers, subpath };
}
function purlMatches(pattern, target) {
  if (pattern.type !== target.type || pattern.namespace !== target.namespace || pattern.name !== target.name) return false;
  if (pattern.version !== "" && pattern.version !== target.version) return false;
  if (pattern.subpath !== "" && pattern.subpath !== target.subpath) return false;
  for (const [k, v] of pattern.qualifiers) if (target.qualifiers.get(k) !== v) return false;
  return true;
}

export {
  parsePurl,
  purlMatches
};
//# sourceMappingURL=chunk-TJ5GDOK3.js.map
