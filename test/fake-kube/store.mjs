// Object storage with a global resourceVersion, an event history for watches that resume
// from a resourceVersion, and live watchers.
import { ApiError } from './errors.mjs';
import { clone, deepEqual, isoSeconds, uid } from './util.mjs';

const HISTORY_LIMIT = 5000;

/** @typedef {import('./resources.mjs').ResourceType} ResourceType */
/**
 * @typedef {{ rv: number, type: 'ADDED' | 'MODIFIED' | 'DELETED', resKey: string, namespace: string,
 *   object: Record<string, any>, old?: Record<string, any> }} HistoryEntry
 * @typedef {{ resKey: string, namespace?: string, match: (o: Record<string, any>) => boolean,
 *   send: (type: string, o: Record<string, any>) => void }} Watcher
 */

const resKeyOf = (res) => `${res.group}/${res.resource}`;
const objKey = (ns, name) => `${ns ?? ''}/${name}`;

/** Whether writes to this type bump metadata.generation (spec-carrying types and custom resources). */
function hasGeneration(res) {
  return res.resource === 'deployments' || res.resource === 'replicasets' || !res.builtin;
}

function generationInputs(res, obj) {
  if (res.builtin) return obj.spec;
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

export class Store {
  constructor() {
    this.rv = 1000;
    /** @type {Map<string, Map<string, Record<string, any>>>} */
    this.buckets = new Map();
    /** @type {HistoryEntry[]} */
    this.history = [];
    /** @type {Set<Watcher>} */
    this.watchers = new Set();
  }

  reset() {
    this.buckets.clear();
    this.history = [];
    // resourceVersions keep growing across resets, so a client's old watch cannot replay.
    for (const w of this.watchers) w.send('__CLOSE__', {});
    this.watchers.clear();
  }

  /** @param {ResourceType} res */
  bucket(res) {
    const k = resKeyOf(res);
    let b = this.buckets.get(k);
    if (!b) {
      b = new Map();
      this.buckets.set(k, b);
    }
    return b;
  }

  /** The stored object itself (do not mutate; use update()). */
  peek(res, namespace, name) {
    return this.bucket(res).get(objKey(res.namespaced ? namespace : '', name));
  }

  get(res, namespace, name) {
    return clone(this.peek(res, namespace, name));
  }

  /** Stored objects of a type, optionally in one namespace (not cloned: read only). */
  peekAll(res, namespace) {
    const all = [...this.bucket(res).values()];
    return namespace && res.namespaced ? all.filter((o) => o.metadata.namespace === namespace) : all;
  }

  list(res, namespace) {
    return this.peekAll(res, namespace).map(clone);
  }

  /** @param {ResourceType} res @param {Record<string, any>} obj */
  create(res, obj) {
    const o = clone(obj);
    o.metadata ??= {};
    const ns = res.namespaced ? o.metadata.namespace : undefined;
    const key = objKey(ns, o.metadata.name);
    if (this.bucket(res).has(key)) throw new ApiError(409, 'AlreadyExists', `${res.group ? `${res.resource}.${res.group}` : res.resource} "${o.metadata.name}" already exists`);
    o.metadata.uid ??= uid();
    o.metadata.creationTimestamp ??= isoSeconds();
    if (hasGeneration(res)) o.metadata.generation = 1;
    o.metadata.resourceVersion = String(++this.rv);
    this.bucket(res).set(key, o);
    this.emit('ADDED', res, o);
    return clone(o);
  }

  /**
   * Replace a stored object. Bumps generation when the spec changed.
   * @returns {Record<string, any>} the stored copy, or the unchanged one when nothing differs
   */
  update(res, obj) {
    const o = clone(obj);
    const ns = res.namespaced ? o.metadata.namespace : undefined;
    const key = objKey(ns, o.metadata.name);
    const old = this.bucket(res).get(key);
    if (!old) throw new ApiError(404, 'NotFound', `${res.resource} "${o.metadata.name}" not found`);
    o.metadata.uid = old.metadata.uid;
    o.metadata.creationTimestamp = old.metadata.creationTimestamp;
    o.metadata.resourceVersion = old.metadata.resourceVersion;
    if (hasGeneration(res)) {
      o.metadata.generation = old.metadata.generation ?? 1;
      if (!deepEqual(generationInputs(res, old), generationInputs(res, o))) o.metadata.generation += 1;
    }
    if (deepEqual(old, o)) return clone(old);
    o.metadata.resourceVersion = String(++this.rv);
    this.bucket(res).set(key, o);
    this.emit('MODIFIED', res, o, old);
    return clone(o);
  }

  remove(res, namespace, name) {
    const key = objKey(res.namespaced ? namespace : '', name);
    const old = this.bucket(res).get(key);
    if (!old) return undefined;
    this.bucket(res).delete(key);
    const gone = clone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit('DELETED', res, gone, old);
    return gone;
  }

  emit(type, res, object, old) {
    /** @type {HistoryEntry} */
    const entry = { rv: this.rv, type, resKey: resKeyOf(res), namespace: object.metadata.namespace ?? '', object: clone(object), old: old && clone(old) };
    this.history.push(entry);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const w of this.watchers) deliver(w, entry);
  }

  /**
   * Start a watch. With a resourceVersion, replays what happened after it (410 Gone when the
   * history no longer reaches back that far); without one, starts with ADDED for what exists.
   * @param {ResourceType} res
   * @param {{ namespace?: string, match: (o: Record<string, any>) => boolean, resourceVersion?: string,
   *   send: (type: string, o: Record<string, any>) => void }} opts
   * @returns {() => void} stop
   */
  watch(res, opts) {
    /** @type {Watcher} */
    const w = { resKey: resKeyOf(res), namespace: res.namespaced ? opts.namespace : undefined, match: opts.match, send: opts.send };
    const rv = opts.resourceVersion;
    if (!rv || rv === '0') {
      for (const o of this.peekAll(res, w.namespace)) if (w.match(o)) w.send('ADDED', clone(o));
    } else {
      const since = Number(rv);
      if (!Number.isFinite(since)) throw new ApiError(400, 'BadRequest', `invalid resource version: ${rv}`);
      const oldest = this.history[0]?.rv ?? this.rv + 1;
      if (since < oldest - 1 && since < this.rv) {
        throw new ApiError(410, 'Expired', `too old resource version: ${rv} (${oldest - 1})`);
      }
      for (const e of this.history) if (e.rv > since) deliver(w, e);
    }
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }
}

/** Send a history entry to a watcher, turning selector boundary crossings into ADDED/DELETED. */
function deliver(w, e) {
  if (e.resKey !== w.resKey) return;
  if (w.namespace && e.namespace !== w.namespace) return;
  const now = w.match(e.object);
  if (e.type === 'MODIFIED' && e.old) {
    const before = w.match(e.old);
    if (before && now) w.send('MODIFIED', clone(e.object));
    else if (now) w.send('ADDED', clone(e.object));
    else if (before) w.send('DELETED', clone(e.object));
    return;
  }
  if (now) w.send(e.type, clone(e.object));
}
