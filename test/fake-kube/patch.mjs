// The three patch formats kubectl sends: JSON merge patch (RFC 7386, `kubectl annotate`),
// JSON patch (RFC 6902, `kubectl rollout undo`) and strategic merge patch (`kubectl set image`,
// `rollout pause`). Strategic merge knows the merge keys of the core/apps types by field name,
// which is enough for Deployments, ReplicaSets and Pods.
import { ApiError } from './errors.mjs';
import { clone, deepEqual, isObject } from './util.mjs';

/** patchMergeKey of the list fields in the built-in types we serve. */
const MERGE_KEYS = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
};

/** Lists of scalars whose patch strategy is merge (a set union). */
const PRIMITIVE_MERGE = new Set(['finalizers']);

const invalidPatch = (message) => new ApiError(422, 'Invalid', message);

function mergeKeyFor(field, items) {
  if (field === 'ports') {
    // ContainerPort is keyed by containerPort, ServicePort by port.
    const first = items.find(isObject);
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  return MERGE_KEYS[field];
}

/** Remove `$patch`/`$retainKeys`/... directives from a value that is inserted as is. */
function stripDirectives(v) {
  if (Array.isArray(v)) return v.filter((x) => !(isObject(x) && x.$patch)).map(stripDirectives);
  if (!isObject(v)) return v;
  const out = {};
  for (const [k, val] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (val === null) continue;
    out[k] = stripDirectives(val);
  }
  return out;
}

function reorder(list, order, key) {
  if (!Array.isArray(list) || !Array.isArray(order)) return list;
  const keyOf = (x) => (key && isObject(x) ? x[key] : x);
  const orderKeys = order.map((o) => (key && isObject(o) ? o[key] : o));
  const inOrder = [];
  for (const k of orderKeys) {
    const found = list.find((x) => deepEqual(keyOf(x), k));
    if (found !== undefined) inOrder.push(found);
  }
  const rest = list.filter((x) => !orderKeys.some((k) => deepEqual(keyOf(x), k)));
  return [...inOrder, ...rest];
}

function mergeList(field, original, patch) {
  if (patch.some((x) => isObject(x) && x.$patch === 'replace')) {
    return stripDirectives(patch.filter((x) => !(isObject(x) && x.$patch === 'replace')));
  }
  const key = mergeKeyFor(field, [...patch, ...(Array.isArray(original) ? original : [])]);
  if (PRIMITIVE_MERGE.has(field)) {
    const out = Array.isArray(original) ? [...original] : [];
    for (const v of patch) if (!out.includes(v)) out.push(v);
    return out;
  }
  if (!key) return stripDirectives(patch);
  const out = Array.isArray(original) ? clone(original) : [];
  for (const item of patch) {
    if (!isObject(item)) throw invalidPatch(`unable to find api field in struct for the list item of "${field}"`);
    const idx = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx], item);
    else out.push(mergeMap({}, item));
  }
  return out;
}

function mergeMap(original, patch) {
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return stripDirectives(rest);
  }
  const out = isObject(original) ? clone(original) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = out[field].filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
    } else if (isObject(v)) {
      if (v.$patch === 'delete') delete out[k];
      else out[k] = mergeMap(out[k], v);
    } else if (Array.isArray(v)) {
      out[k] = mergeList(k, out[k], v);
    } else {
      out[k] = v;
    }
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith('$setElementOrder/')) continue;
    const field = k.slice('$setElementOrder/'.length);
    out[field] = reorder(out[field], v, mergeKeyFor(field, v));
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const k of Object.keys(out)) if (!patch.$retainKeys.includes(k)) delete out[k];
  }
  return out;
}

/** Apply a strategic merge patch to a built-in object. */
export function strategicMergePatch(original, patch) {
  if (!isObject(patch)) throw new ApiError(400, 'BadRequest', 'strategic merge patch must be a JSON object');
  return mergeMap(original, patch);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target, patch) {
  if (!isObject(patch)) return clone(patch);
  const out = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function pointer(path) {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalidPatch(`the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc, parts, op) {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (cur === undefined) {
      throw invalidPatch(`the server rejected our request due to an error in our request: ${op} operation does not apply: doc is missing path: "/${parts.join('/')}"`);
    }
  }
  return cur;
}

function readAt(doc, parts) {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function removeAt(doc, parts, op) {
  const parent = parentOf(doc, parts, op);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length)) throw invalidPatch(`the server rejected our request due to an error in our request: ${op} operation does not apply: doc is missing path: "/${parts.join('/')}"`);
    return parent.splice(i, 1)[0];
  }
  if (!isObject(parent) || !(last in parent)) {
    throw invalidPatch(`the server rejected our request due to an error in our request: ${op} operation does not apply: doc is missing path: "/${parts.join('/')}"`);
  }
  const v = parent[last];
  delete parent[last];
  return v;
}

function addAt(doc, parts, value, op, replace) {
  if (parts.length === 0) return clone(value);
  const parent = parentOf(doc, parts, op);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length)) throw invalidPatch(`the server rejected our request due to an error in our request: ${op} operation does not apply: index out of range`);
    if (replace) parent[i] = clone(value);
    else parent.splice(i, 0, clone(value));
  } else if (isObject(parent)) {
    if (replace && !(last in parent)) {
      throw invalidPatch(`the server rejected our request due to an error in our request: replace operation does not apply: doc is missing key: /${parts.join('/')}: missing value`);
    }
    parent[last] = clone(value);
  } else {
    throw invalidPatch(`the server rejected our request due to an error in our request: ${op} operation does not apply: doc is missing path: "/${parts.join('/')}"`);
  }
  return doc;
}

/** RFC 6902 JSON patch. */
export function jsonPatch(original, ops) {
  if (!Array.isArray(ops)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(original);
  for (const op of ops) {
    const parts = pointer(String(op.path ?? ''));
    switch (op.op) {
      case 'add':
        doc = addAt(doc, parts, op.value, 'add', false);
        break;
      case 'replace':
        doc = addAt(doc, parts, op.value, 'replace', true);
        break;
      case 'remove':
        removeAt(doc, parts, 'remove');
        break;
      case 'move': {
        const v = removeAt(doc, pointer(String(op.from)), 'move');
        doc = addAt(doc, parts, v, 'move', false);
        break;
      }
      case 'copy':
        doc = addAt(doc, parts, readAt(doc, pointer(String(op.from))), 'copy', false);
        break;
      case 'test':
        if (!deepEqual(readAt(doc, parts), op.value)) {
          throw invalidPatch('the server rejected our request due to an error in our request');
        }
        break;
      default:
        throw invalidPatch(`the server rejected our request due to an error in our request: Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
