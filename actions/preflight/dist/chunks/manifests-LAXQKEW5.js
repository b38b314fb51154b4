import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-4WNJIDQD.js";
import {
  require_dist
} from "./chunk-OJCTAFNX.js";
import {
  __toESM
} from "./chunk-GINXXFVL.js";

// actions/preflight/src/manifests.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
var CLUSTER_SCOPED = /* @__PURE__ */ new Set(["Namespace", "ClusterImagePolicy", "ClusterPolicy", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ClusterIssuer"]);
var EXTENSIONS = /\.(ya?ml|json)$/i;
var FORM = "a newline list of YAML/JSON files, directories or globs relative to the workspace, e.g. k8s/ or deploy/**/*.yaml";
function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(full);
  }
  return out;
}
async function resolveManifestFiles(entries, workspace) {
  const files = [];
  for (const entry of entries) {
    if (/[*?[]/.test(entry)) {
      const glob = await import("./glob-PKOLNU7R.js");
      const pattern = entry.startsWith("!") ? `!${path.resolve(workspace, entry.slice(1))}` : path.resolve(workspace, entry);
      const globber = await glob.create(pattern, { followSymbolicLinks: false, implicitDescendants: false, matchDirectories: false });
      const matched = (await globber.glob()).filter((f) => statSync(f).isFile()).sort();
      if (matched.length === 0) throw new ConfigurationError("manifests", `'${entry}' matches no file. Expected ${FORM}`);
      files.push(...matched);
      continue;
    }
    const full = path.resolve(workspace, entry);
    if (!existsSync(full)) throw new ConfigurationError("manifests", `'${entry}' does not exist (${full}). Expected ${FORM}`);
    const st = statSync(full);
    if (st.isDirectory()) {
      const found = walk(full);
      if (found.length === 0) throw new ConfigurationError("manifests", `directory '${entry}' holds no .yaml, .yml or .json file. Expected ${FORM}`);
      files.push(...found);
    } else files.push(full);
  }
  return [...new Set(files)];
}
function lineOf(node, lc) {
  const offset = node?.range?.[0];
  return offset === void 0 ? void 0 : lc.linePos(offset).line;
}
function containerLines(map, lc) {
  if (!(0, import_yaml.isMap)(map)) return void 0;
  const spec = map.getIn(["spec", "template", "spec"], true);
  if (!(0, import_yaml.isMap)(spec)) return void 0;
  const out = {};
  for (const field of ["initContainers", "containers"]) {
    const seq = spec.get(field, true);
    if (!(0, import_yaml.isSeq)(seq)) continue;
    for (const c of seq.items) {
      if (!(0, import_yaml.isMap)(c)) continue;
      const name = c.get("name");
      const line = lineOf(c, lc);
      if (typeof name === "string" && line !== void 0) out[name] = line;
    }
  }
  return out;
}
function relative(file, workspace) {
  const rel = path.relative(workspace, file);
  return (rel.startsWith("..") || path.isAbsolute(rel) ? file : rel).split(path.sep).join("/");
}
function parseManifest(text, file, workspace, namespace) {
  const lc = new import_yaml.LineCounter();
  const docs = (0, import_yaml.parseAllDocuments)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const rel = relative(file, workspace);
  if (!Array.isArray(docs)) return [];
  const items = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line2 = lc.linePos(err.pos[0]).line;
      throw new ConfigurationError("manifests", `'${rel}' line ${line2} is not valid YAML: ${err.message.split("\n")[0]}. Expected Kubernetes objects in YAML or JSON, documents separated by ---`);
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === void 0) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new ConfigurationError("manifests", `'${rel}' line ${lineOf(doc.contents, lc) ?? 1} is not a Kubernetes object (a YAML ${Array.isArray(value) ? "list" : typeof value}). Expected objects with apiVersion, kind and metadata`);
    }
    const obj = value;
    const line = lineOf(doc.contents, lc) ?? 1;
    if (obj.kind === "List" || typeof obj.kind === "string" && obj.kind.endsWith("List") && Array.isArray(obj.items)) {
      const seq = (0, import_yaml.isMap)(doc.contents) ? doc.contents.get("items", true) : void 0;
      (Array.isArray(obj.items) ? obj.items : []).forEach((o, i) => {
        const node = (0, import_yaml.isSeq)(seq) ? seq.items[i] : void 0;
        if (o && typeof o === "object") items.push(toItem(o, { file: rel, line: lineOf(node, lc) ?? line, containers: containerLines(node, lc) }, namespace));
      });
      continue;
    }
    if (typeof obj.kind !== "string") continue;
    items.push(toItem(obj, { file: rel, line, containers: obj.kind === "Deployment" ? containerLines(doc.contents, lc) : void 0 }, namespace));
  }
  return items;
}
function toItem(object, source, namespace) {
  const kind = object.kind ?? "";
  const ns = CLUSTER_SCOPED.has(kind) ? void 0 : object.metadata?.namespace ?? namespace;
  return { object, namespace: ns, source };
}
function loadManifests(files, workspace, namespace) {
  const items = [];
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new ConfigurationError("manifests", `'${relative(file, workspace)}' cannot be read (${err.code ?? err.message}). Expected ${FORM}`);
    }
    items.push(...parseManifest(text, file, workspace, namespace));
  }
  return items;
}
export {
  CLUSTER_SCOPED,
  loadManifests,
  parseManifest,
  resolveManifestFiles,
  toItem
};
//# sourceMappingURL=manifests-LAXQKEW5.js.map
