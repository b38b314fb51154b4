import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// actions/scan/src/purl.ts
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
  __require,
  __commonJS,
  __toESM,
  parsePurl,
  purlMatches
};
//# sourceMappingURL=chunk-VUGC2PAQ.js.map
