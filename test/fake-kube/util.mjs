// Small helpers shared by the simulator's modules: cloning, comparison, names, time.
import { randomBytes, randomUUID } from 'node:crypto';

/** @param {unknown} v @returns {v is Record<string, any>} */
export function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @template T @param {T} v @returns {T} */
export function clone(v) {
  return v === undefined ? v : structuredClone(v);
}

/** Deep equality of JSON values, key order ignored. */
export function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with sorted keys, for hashing. */
export function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

// The alphabet k8s.io/apimachinery/pkg/util/rand uses for generated names (no vowels, no 0/1/3).
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** Random suffix as in generateName (`<rs>-x7k2p`). */
export function randomSuffix(n = 5) {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => ALPHANUMS[b % ALPHANUMS.length]).join('');
}

/** rand.SafeEncodeString, as the deployment controller renders pod-template-hash. */
export function safeEncode(s) {
  return Array.from(s, (c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

/** FNV-1a 32-bit, the hash controller.ComputeHash uses. */
export function fnv32a(str) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(str, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const uid = () => randomUUID();

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function isoSeconds(ms = Date.now()) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `5s`, `3m`, `2h`, `4d`: the age format of kubectl's tables (duration.HumanDuration, shortened). */
export function humanAge(fromIso, now = Date.now()) {
  if (!fromIso) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** Read a dotted path (`metadata.name`) from an object. */
export function getPath(obj, path) {
  let cur = obj;
  for (const part of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Resolve an IntOrString like `25%` against a total (round up for surge, down for unavailable). */
export function intOrPercent(value, total, roundUp) {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value));
  if (!m) return Number.parseInt(String(value), 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
