import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-OJCTAFNX.js";
import {
  __toESM
} from "./chunk-GINXXFVL.js";

// actions/preflight/src/waivers.ts
var import_yaml = __toESM(require_dist(), 1);

// actions/preflight/src/catalogue.ts
var CHECKS = [
  { id: "secret-in-manifest", severity: "error", item: "Secrets kept out of git", passes: "No Secret with data or stringData among the manifests and no credential-looking env value literal; live, each Secret the pods use is owned by a SealedSecret." },
  { id: "resources", severity: "error", item: "Resource requests and limits", passes: "Every container and init container sets requests.cpu, requests.memory and limits.memory (a missing limits.cpu is a warning)." },
  { id: "probes", severity: "error", item: "Readiness and liveness probes", passes: "Every app container has a readiness and a liveness probe." },
  { id: "probes-http", severity: "warning", item: "Readiness and liveness probes", passes: "The probes are httpGet probes." },
  { id: "probes-identical", severity: "warning", item: "Readiness and liveness probes", passes: "The liveness probe differs from the readiness probe." },
  { id: "rolling-update", severity: "error", item: "Explicit rolling updates", passes: "strategy.type RollingUpdate is written explicitly with maxSurge of at least 1; maxUnavailable other than 0 is a warning." },
  { id: "revision-history", severity: "error", item: "Explicit rolling updates", passes: "revisionHistoryLimit is at least 2 (deploy rolls back to the previous ReplicaSet); below 3 is a warning." },
  { id: "replicas", severity: "warning", item: "PodDisruptionBudgets", passes: "At least 2 replicas, or an HPA with minReplicas of at least 2." },
  { id: "pdb", severity: "error", item: "PodDisruptionBudgets", passes: "A PodDisruptionBudget of the namespace selects the pods and allows one disruption at the desired replicas." },
  { id: "network-policy", severity: "error", item: "NetworkPolicies", passes: "A NetworkPolicy selects the pods (an empty podSelector selects all); no default-deny ingress policy in the namespace is a warning." },
  { id: "image-immutable", severity: "error", item: "Immutable images", passes: "Every image is pinned by digest; a full semver tag without a digest is a warning." },
  { id: "namespace", severity: "error", item: "Dedicated namespaces", passes: "The namespace is not default, kube-system or kube-public." },
  { id: "resource-quota", severity: "warning", item: "Quotas", passes: "The namespace has a ResourceQuota." },
  { id: "limit-range", severity: "warning", item: "Quotas", passes: "The namespace has a LimitRange." },
  { id: "ingress-tls", severity: "error", item: "TLS", passes: "Every Ingress routing to a Service of the pods lists each rule host under tls; without a cert-manager issuer annotation or a Certificate for the TLS secret it is a warning." },
  { id: "monitoring", severity: "warning", item: "Monitoring", passes: "prometheus.io/scrape on the pod template, or a ServiceMonitor/PodMonitor that selects the Service or the pods." },
  { id: "hpa", severity: "warning", item: "HorizontalPodAutoscaler", passes: "A HorizontalPodAutoscaler targets the Deployment." },
  { id: "anti-affinity", severity: "warning", item: "Anti-affinity", passes: "Pod anti-affinity or a topology spread constraint on the hostname or zone that selects the pods." },
  { id: "security-context", severity: "warning", item: "Security context", passes: "runAsNonRoot, allowPrivilegeEscalation false, readOnlyRootFilesystem and capabilities drop ALL; privileged is an error." },
  { id: "service-account", severity: "warning", item: "Security context", passes: "Not the default service account with a mounted token." },
  { id: "admission-policy", severity: "warning", item: "Signed images enforced", passes: "A sigstore ClusterImagePolicy or a Kyverno verifyImages policy covers the image and the namespace is under it." }
];
var CHECK_IDS = CHECKS.map((c) => c.id);
var BY_ID = new Map(CHECKS.map((c) => [c.id, c]));
function checkInfo(id) {
  return BY_ID.get(id);
}
function isCheckId(id) {
  return BY_ID.has(id);
}
var NOT_CHECKED = [
  { item: "Distributed tracing", why: "instrumentation lives in the application code, not in its Kubernetes objects" },
  { item: "Backups (Velero)", why: "backup schedules are cluster-wide and their restores are not visible from a namespace" },
  { item: "etcd encryption at rest", why: "an API server flag, not readable through the Kubernetes API" },
  { item: "DNS", why: "records live outside the cluster (the Ingress hosts are checked for TLS only)" }
];

// actions/preflight/src/waivers.ts
var WaiverFileError = class extends Error {
};
var OBJECT_FORM = /^[^/\s]+\/[^/\s]+\/[^/\s]+$/;
function parseExpiry(value) {
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), at: new Date(value.getTime() + 864e5 - 1) };
  if (typeof value !== "string") return void 0;
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) {
    const at = /* @__PURE__ */ new Date(`${value}T23:59:59.999Z`);
    return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? void 0 : { text: value, at };
  }
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$/.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? void 0 : { text: value, at };
  }
  return void 0;
}
function globRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}
function parseWaivers(text, file) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lc, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new WaiverFileError(`${file} line ${lc.linePos(err.pos[0]).line} is not valid YAML: ${err.message.split("\n")[0]}`);
  const root = doc.contents;
  if (root === null || root === void 0) return [];
  let list;
  if ((0, import_yaml.isSeq)(root)) list = root;
  else if ((0, import_yaml.isMap)(root)) {
    const extra = root.items.map((p) => String(p.key?.value ?? p.key)).filter((k) => k !== "waivers");
    if (extra.length > 0) throw new WaiverFileError(`${file}: unknown top-level key ${extra.map((k) => `'${k}'`).join(", ")}; the file holds one key, waivers, a list of {check, object, reason, expires}`);
    list = root.get("waivers", true);
    if (list === void 0 || list === null) return [];
  } else throw new WaiverFileError(`${file} is not a waivers file: expected a map with waivers: [{check, object, reason, expires}]`);
  if (!(0, import_yaml.isSeq)(list)) throw new WaiverFileError(`${file}: waivers is not a list`);
  const waivers = [];
  list.items.forEach((node, i) => {
    const line = lc.linePos(node.range?.[0] ?? 0).line;
    const where = `${file} line ${line} (waiver ${i + 1})`;
    if (!(0, import_yaml.isMap)(node)) throw new WaiverFileError(`${where} is not a map of check, object, reason and expires`);
    const e = node.toJSON();
    const unknownKeys = Object.keys(e).filter((k) => !["check", "object", "reason", "expires"].includes(k));
    if (unknownKeys.length > 0) throw new WaiverFileError(`${where}: unknown field ${unknownKeys.map((k) => `'${k}'`).join(", ")}; a waiver has check, object, reason and expires`);
    for (const f of ["check", "object", "reason", "expires"]) {
      if (e[f] === void 0 || e[f] === null || typeof e[f] === "string" && e[f].trim() === "") throw new WaiverFileError(`${where}: '${f}' is required (every waiver names its check, object, reason and expiry)`);
    }
    const check = String(e.check);
    if (!isCheckId(check)) throw new WaiverFileError(`${where}: '${check}' is not a preflight check. Expected one of ${CHECK_IDS.join(", ")}`);
    const object = String(e.object);
    if (!OBJECT_FORM.test(object)) throw new WaiverFileError(`${where}: object '${object}' is not Kind/namespace/name (each part may be or contain *), e.g. Deployment/shop/api`);
    if (typeof e.reason !== "string") throw new WaiverFileError(`${where}: reason must be text`);
    const expiry = parseExpiry(e.expires);
    if (!expiry) throw new WaiverFileError(`${where}: expires '${String(e.expires)}' is not a date. Expected YYYY-MM-DD (the end of that day, UTC) or an RFC 3339 time such as 2026-12-31T12:00:00Z`);
    waivers.push({ check, object, reason: e.reason.trim(), expires: expiry.text, expiresAt: expiry.at, line, matcher: globRegExp(object) });
  });
  return waivers;
}
function applyWaivers(findings, waivers, now) {
  const uses = waivers.map((w) => ({ waiver: w, expired: w.expiresAt.getTime() < now.getTime(), matched: 0 }));
  for (const f of findings) {
    for (const use of uses) {
      if (use.waiver.check !== f.check || !use.waiver.matcher.test(f.object)) continue;
      use.matched += 1;
      if (!use.expired && !f.waivedBy) f.waivedBy = { reason: use.waiver.reason, expires: use.waiver.expires, line: use.waiver.line };
    }
  }
  return uses;
}

export {
  CHECKS,
  checkInfo,
  NOT_CHECKED,
  WaiverFileError,
  parseWaivers,
  applyWaivers
};
//# sourceMappingURL=chunk-AHKTKIRF.js.map
