// Field ownership (metadata.managedFields) and server-side apply, simplified: leaf fields are
// tracked per manager, lists are atomic. That is enough for the real behaviours kubectl users
// meet: an apply merges into the live object, drops the fields the same manager applied before
// and no longer applies, and conflicts with a field another manager set to a different value
// unless `force=true`.
import { ApiError } from './errors.mjs';
import { clone, deepEqual, isObject, isoSeconds } from './util.mjs';

const SKIP_TOP = new Set(['apiVersion', 'kind', 'status']);
const SKIP_META = new Set([
  'name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'managedFields', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'generateName',
]);

/** Leaf paths of an object (lists and empty maps are leaves). */
export function leafPaths(obj) {
  /** @type {string[][]} */
  const out = [];
  const walk = (v, path) => {
    if (isObject(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) {
        if (path.length === 0 && SKIP_TOP.has(k)) continue;
        if (path.length === 1 && path[0] === 'metadata' && SKIP_META.has(k)) continue;
        if (child === undefined) continue;
        walk(child, [...path, k]);
      }
    } else if (path.length) {
      out.push(path);
    }
  };
  walk(obj, []);
  return out;
}

const key = (p) => JSON.stringify(p);

function readAt(obj, path) {
  let cur = obj;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

function deleteAt(obj, path) {
  const parents = [];
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    if (!isObject(cur[p])) return;
    parents.push([cur, p]);
    cur = cur[p];
  }
  delete cur[path[path.length - 1]];
  // Drop maps the removal left empty, as a structured merge does.
  for (const [parent, p] of parents.reverse()) {
    if (isObject(parent[p]) && Object.keys(parent[p]).length === 0) delete parent[p];
    else break;
  }
}

function toFieldsV1(paths) {
  const root = {};
  for (const p of paths) {
    let cur = root;
    for (const seg of p) {
      cur[`f:${seg}`] ??= {};
      cur = cur[`f:${seg}`];
    }
  }
  return root;
}

function fromFieldsV1(fields) {
  /** @type {string[][]} */
  const out = [];
  const walk = (node, path) => {
    const keys = Object.keys(node ?? {}).filter((k) => k.startsWith('f:'));
    if (keys.length === 0) {
      if (path.length) out.push(path);
      return;
    }
    for (const k of keys) walk(node[k], [...path, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

function overlaps(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Managers and their owned paths, read from metadata.managedFields. */
function readManagers(obj) {
  return (obj?.metadata?.managedFields ?? []).map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    subresource: e.subresource,
    paths: fromFieldsV1(e.fieldsV1),
  }));
}

function writeManagers(obj, managers) {
  const entries = managers
    .filter((m) => m.paths.length > 0)
    .map((m) => {
      /** @type {Record<string, unknown>} */
      const e = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time ?? isoSeconds(), fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(m.paths) };
      if (m.subresource) e.subresource = m.subresource;
      return e;
    });
  obj.metadata ??= {};
  if (entries.length) obj.metadata.managedFields = entries;
  else delete obj.metadata.managedFields;
}

/**
 * Record an Update-operation write by `manager`: it owns every leaf it changed.
 * @param {Record<string, any> | undefined} before
 * @param {Record<string, any>} after  (modified in place: metadata.managedFields)
 */
export function recordUpdate(before, after, manager, apiVersion, subresource) {
  const managers = readManagers(before);
  const changed = leafPaths(after).filter((p) => !deepEqual(readAt(before, p), readAt(after, p)));
  const removed = before ? leafPaths(before).filter((p) => readAt(after, p) === undefined) : [];
  const lost = [...changed, ...removed];
  for (const m of managers) {
    m.paths = m.paths.filter((p) => !lost.some((c) => overlaps(c, p)) && readAt(after, p) !== undefined);
  }
  if (changed.length) {
    let mine = managers.find((m) => m.manager === manager && m.operation === 'Update' && m.subresource === subresource);
    if (!mine) {
      mine = { manager, operation: 'Update', apiVersion, subresource, paths: [] };
      managers.push(mine);
    }
    const have = new Set(mine.paths.map(key));
    for (const p of changed) if (!have.has(key(p))) mine.paths.push(p);
    mine.time = isoSeconds();
  }
  writeManagers(after, managers);
}

/**
 * Server-side apply of `applied` onto `live` (undefined when creating).
 * @returns {Record<string, any>} the merged object with managedFields set
 */
export function serverSideApply(live, applied, manager, apiVersion, force) {
  const managers = readManagers(live);
  const paths = leafPaths(applied);
  const base = isObject(live) ? clone(live) : {};
  if (live) {
    const conflicts = [];
    for (const m of managers) {
      if (m.manager === manager && m.operation === 'Apply') continue;
      for (const owned of m.paths) {
        const hit = paths.find((p) => overlaps(p, owned));
        if (hit && !deepEqual(readAt(live, owned), readAt(applied, owned))) {
          conflicts.push({ manager: m.manager, apiVersion: m.apiVersion, field: `.${owned.join('.')}` });
        }
      }
    }
    if (conflicts.length && !force) throw applyConflict(conflicts);
    if (force) {
      for (const m of managers) {
        if (m.manager === manager && m.operation === 'Apply') continue;
        m.paths = m.paths.filter((o) => !paths.some((p) => overlaps(p, o)));
      }
    }
    const prev = managers.find((m) => m.manager === manager && m.operation === 'Apply');
    for (const p of prev?.paths ?? []) {
      if (paths.some((q) => overlaps(q, p))) continue;
      const ownedElsewhere = managers.some((m) => m !== prev && m.paths.some((o) => overlaps(o, p)));
      if (!ownedElsewhere) deleteAt(base, p);
    }
  }
  const merged = mergeApplied(base, applied);
  const rest = managers.filter((m) => !(m.manager === manager && m.operation === 'Apply'));
  writeManagers(merged, [...rest, { manager, operation: 'Apply', apiVersion, paths, time: isoSeconds() }]);
  return merged;
}

function mergeApplied(base, applied) {
  const out = isObject(base) ? base : {};
  for (const [k, v] of Object.entries(applied)) {
    if (v === null || v === undefined) continue;
    if (isObject(v) && isObject(out[k])) out[k] = mergeApplied(out[k], v);
    else out[k] = clone(v);
  }
  return out;
}

function applyConflict(conflicts) {
  const byManager = new Map();
  for (const c of conflicts) {
    const k = `"${c.manager}" using ${c.apiVersion}`;
    if (!byManager.has(k)) byManager.set(k, []);
    byManager.get(k).push(c.field);
  }
  const n = conflicts.length;
  let message = `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: `;
  message += [...byManager.entries()]
    .map(([who, fields]) => (fields.length === 1 ? `conflict with ${who}: ${fields[0]}` : `conflicts with ${who}:\n${fields.map((f) => `- ${f}`).join('\n')}`))
    .join('\n');
  return new ApiError(409, 'Conflict', message, {
    causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: c.field })),
  });
}
