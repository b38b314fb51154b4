// The Kubernetes REST API over the simulated cluster: discovery, CRUD, the four patch types,
// list with selectors, watch, and the scale/status/log subresources.
import { applyDefaults } from './defaults.mjs';
import { ApiError, alreadyExists, badRequest, conflict, methodNotAllowed, notFound, notFoundPath, unsupportedMediaType } from './errors.mjs';
import { recordUpdate, serverSideApply } from './managed-fields.mjs';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch.mjs';
import { openApiDocument, openApiIndex } from './openapi.mjs';
import { decodeKubernetesProtobuf, isProtobuf } from './protobuf.mjs';
import { apiGroupFor, apiGroupList, apiResourceList, apiVersions, findResource, gv } from './resources.mjs';
import { formatLabelSelector, parseFieldSelector, parseLabelSelector } from './selectors.mjs';
import { podReason, toTable, wantsTable } from './tables.mjs';
import { clone, isObject, isoSeconds, randomSuffix, uid } from './util.mjs';
import { validate } from './validation.mjs';

const WITH_STATUS = new Set(['deployments', 'replicasets', 'pods', 'namespaces', 'services', 'sealedsecrets']);
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/**
 * @typedef {{ status: number, body: unknown, contentType?: string }} Reply
 * @typedef {{ method: string, path: string, params: URLSearchParams, body: string, rawBody?: Buffer,
 *   contentType: string, accept: string, userAgent: string }} ApiRequest
 */

/** A create/update/delete body: JSON, or protobuf as kubectl's typed clients send it. */
function decodeBody(req) {
  if (isProtobuf(req.contentType)) {
    try {
      return decodeKubernetesProtobuf(req.rawBody ?? Buffer.from(req.body, 'binary'));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw badRequest(`error decoding protobuf body: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return parseJson(req.body);
}

function parseJson(text) {
  if (!text || !text.trim()) throw badRequest('the body of the request was empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding request body: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Objects in lists of built-in types carry no kind/apiVersion, as the real server sends them. */
function listItem(res, o) {
  if (!res.builtin) return clone(o);
  const { kind: _k, apiVersion: _a, ...rest } = o;
  return clone(rest);
}

const qualifiedName = (type) => (type.group ? `${type.resource}.${type.group}` : type.resource);

const byKey = (a, b) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function managerOf(req) {
  return req.params.get('fieldManager') || req.userAgent.split('/')[0] || 'unknown';
}

export class KubeApi {
  /**
   * @param {import('./cluster.mjs').Cluster} cluster
   * @param {() => string} serverAddress  host:port, for /api's serverAddressByClientCIDRs
   * @param {() => void} poke  asks the control loops to run soon (after a write)
   */
  constructor(cluster, serverAddress, poke) {
    this.cluster = cluster;
    this.store = cluster.store;
    this.serverAddress = serverAddress;
    this.poke = poke;
  }

  /**
   * Answer a request. Returns undefined when it took over the response (watch).
   * @param {ApiRequest} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Reply | undefined}
   */
  handle(req, res) {
    const { path, method } = req;
    const discovery = this.discovery(path, method);
    if (discovery) return discovery;
    const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
    let group;
    let version;
    let rest;
    if (segs[0] === 'api' && segs.length >= 2) {
      group = '';
      version = segs[1];
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 3) {
      group = segs[1];
      version = segs[2];
      rest = segs.slice(3);
    } else {
      throw notFoundPath();
    }
    let watchPrefix = false;
    if (rest[0] === 'watch') {
      watchPrefix = true;
      rest = rest.slice(1);
    }
    let namespace;
    let resource;
    let name;
    let sub = [];
    const nsScoped = rest[0] === 'namespaces' && rest.length >= 3 && findResource(group, version, rest[2])?.namespaced;
    if (nsScoped) {
      [, namespace, resource, name] = rest;
      sub = rest.slice(4);
    } else {
      [resource, name] = rest;
      sub = rest.slice(2);
    }
    const type = resource && findResource(group, version, resource);
    if (!type) throw notFoundPath();
    if (type.namespaced && !namespace && name) throw notFoundPath();
    const subresource = sub[0];
    if (subresource && !(type.subresources ?? []).includes(subresource)) throw notFoundPath();
    const watch = watchPrefix || req.params.get('watch') === 'true' || req.params.get('watch') === '1';
    this.authorize(type, method, namespace, name, watch, subresource);

    if (type.resource === 'services' && subresource === 'proxy') return this.serviceProxy(namespace, name);
    if (subresource === 'log') return this.podLog(type, namespace, name, req);
    if (subresource === 'scale') return this.scale(type, namespace, name, req);

    switch (method) {
      case 'GET':
        if (!name) return watch ? this.watch(type, namespace, req, res) : this.list(type, namespace, req);
        if (watch) return this.watch(type, namespace, req, res, name);
        return { status: 200, body: this.mustGet(type, namespace, name) };
      case 'POST':
        if (name) throw methodNotAllowed();
        return this.create(type, namespace, req);
      case 'PUT':
        if (!name) throw methodNotAllowed();
        return this.update(type, namespace, name, subresource, req);
      case 'PATCH':
        if (!name) throw methodNotAllowed();
        return this.patch(type, namespace, name, subresource, req);
      case 'DELETE':
        if (!name) return this.deleteCollection(type, namespace, req);
        return this.remove(type, namespace, name, req);
      default:
        throw methodNotAllowed();
    }
  }

  /**
   * RBAC, simulated per resource: `forbid()` rules answer 403 worded as the real authorizer
   * words it (`<resource>.<group> is forbidden: User "..." cannot list resource ...`).
   */
  authorize(type, method, namespace, name, watch, subresource) {
    if (!this.forbidden?.length) return;
    const verb = method === 'GET' ? (watch ? 'watch' : name ? 'get' : 'list') : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : name ? 'delete' : 'deletecollection';
    const rule = this.forbidden.find((f) => (f.resource === type.resource || f.resource === qualifiedName(type)) && (!f.verbs || f.verbs.includes(verb)) && (!f.namespace || f.namespace === namespace));
    if (!rule) return;
    const resource = subresource ? `${type.resource}/${subresource}` : type.resource;
    const where = type.namespaced && namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
    throw new ApiError(403, 'Forbidden', `${qualifiedName(type)}${name ? ` "${name}"` : ''} is forbidden: User "${rule.user ?? 'fake-kube'}" cannot ${verb} resource "${resource}" in API group "${type.group}" ${where}`, { ...(name ? { name } : {}), ...(type.group ? { group: type.group } : {}), kind: type.resource });
  }

  /** @returns {Reply | undefined} */
  discovery(path, method) {
    if (method !== 'GET') return undefined;
    const p = path.replace(/\/+$/, '') || '/';
    if (p === '/version') return { status: 200, body: SERVER_VERSION };
    if (p === '/healthz' || p === '/livez' || p === '/readyz') return { status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
    if (p === '/openapi/v3') return { status: 200, body: openApiIndex() };
    const oa = /^\/openapi\/v3\/(?:api|apis)\/(.+)$/.exec(p);
    if (oa) {
      const doc = openApiDocument(oa[1]);
      if (!doc) throw notFoundPath();
      return { status: 200, body: doc };
    }
    if (p === '/api') return { status: 200, body: apiVersions(this.serverAddress()) };
    if (p === '/apis') return { status: 200, body: apiGroupList() };
    let m = /^\/api\/(v1)$/.exec(p);
    if (m) return { status: 200, body: apiResourceList('v1') };
    m = /^\/apis\/([^/]+)$/.exec(p);
    if (m) {
      const g = apiGroupFor(m[1]);
      if (!g) throw notFoundPath();
      return { status: 200, body: g };
    }
    m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
    if (m) {
      const list = apiResourceList(`${m[1]}/${m[2]}`);
      if (!list) throw notFoundPath();
      return { status: 200, body: list };
    }
    if (p === '/') {
      return { status: 200, body: { paths: ['/api', '/api/v1', '/apis', ...apiGroupList().groups.flatMap((g) => [`/apis/${g.name}`, ...g.versions.map((v) => `/apis/${v.groupVersion}`)]), '/healthz', '/livez', '/readyz', '/version'] } };
    }
    return undefined;
  }

  mustGet(type, namespace, name) {
    const o = this.store.get(type, namespace, name);
    if (!o) throw notFound(type, name);
    return o;
  }

  ensureNamespace(namespace, type, name) {
    const ns = this.store.peek(this.cluster.res.namespaces, undefined, namespace);
    if (!ns) throw notFound(this.cluster.res.namespaces, namespace);
    if (ns.metadata.deletionTimestamp) {
      const what = type.group ? `${type.resource}.${type.group}` : type.resource;
      throw new ApiError(403, 'Forbidden', `${what} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, { name, ...(type.group ? { group: type.group } : {}), kind: type.resource });
    }
  }

  list(type, namespace, req) {
    const labels = parseLabelSelector(req.params.get('labelSelector'));
    const fields = parseFieldSelector(req.params.get('fieldSelector'));
    const items = this.store
      .peekAll(type, namespace)
      .filter((o) => labels(o.metadata.labels) && fields(o))
      .sort(byKey);
    const rv = String(this.store.rv);
    if (wantsTable(req.accept)) return { status: 200, body: toTable(type, items, rv, req.params.get('includeObject')) };
    return {
      status: 200,
      body: { kind: type.listKind, apiVersion: gv(type), metadata: { resourceVersion: rv }, items: items.map((o) => listItem(type, o)) },
    };
  }

  /** Stream watch events until the client goes, timeoutSeconds passes, or the server stops. */
  watch(type, namespace, req, res, name) {
    const labels = parseLabelSelector(req.params.get('labelSelector'));
    const fields = parseFieldSelector(req.params.get('fieldSelector'));
    const match = (o) => (!name || o.metadata.name === name) && labels(o.metadata.labels) && fields(o);
    const asTable = wantsTable(req.accept);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const write = (type2, object) => {
      if (res.writableEnded) return;
      const obj = asTable && type2 !== 'ERROR' && type2 !== 'BOOKMARK' ? toTable(type, [object], object.metadata.resourceVersion, req.params.get('includeObject')) : object;
      res.write(`${JSON.stringify({ type: type2, object: obj })}\n`);
    };
    let stop = () => {};
    const end = () => {
      stop();
      clearTimeout(timer);
      if (!res.writableEnded) res.end();
    };
    const timeout = Number(req.params.get('timeoutSeconds') ?? '1800');
    const timer = setTimeout(end, Math.max(1, timeout) * 1000);
    const send = (t, o) => (t === '__CLOSE__' ? end() : write(t, o));
    const initial = req.params.get('sendInitialEvents') === 'true';
    try {
      stop = this.store.watch(type, { namespace, match, resourceVersion: initial ? '' : req.params.get('resourceVersion') ?? '', send });
    } catch (e) {
      if (e instanceof ApiError) write('ERROR', e.toStatus());
      end();
      return undefined;
    }
    if (initial) {
      write('BOOKMARK', { kind: type.kind, apiVersion: gv(type), metadata: { resourceVersion: String(this.store.rv), annotations: { 'k8s.io/initial-events-end': 'true' } } });
    }
    res.on('close', end);
    return undefined;
  }

  prepareNew(type, namespace, obj) {
    if (!isObject(obj)) throw badRequest('the object provided is not a JSON object');
    if (obj.kind && obj.kind !== type.kind) {
      throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${type.kind})`);
    }
    if (obj.apiVersion && obj.apiVersion !== gv(type)) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv(type)})`);
    }
    obj.apiVersion = gv(type);
    obj.kind = type.kind;
    obj.metadata ??= {};
    const meta = obj.metadata;
    if (type.namespaced) {
      if (meta.namespace && meta.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = namespace;
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix(5)}`;
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'generation', 'managedFields', 'selfLink']) delete meta[k];
    if (WITH_STATUS.has(type.resource) && type.resource !== 'namespaces') delete obj.status;
    applyDefaults(type.resource, obj);
    if (type.resource === 'services' && isObject(obj.spec) && obj.spec.type !== 'ExternalName' && !obj.spec.clusterIP) {
      this.serviceIPs = (this.serviceIPs ?? 0) + 1;
      obj.spec.clusterIP = `10.96.${Math.floor(this.serviceIPs / 250) % 250}.${(this.serviceIPs % 250) + 1}`;
      obj.spec.clusterIPs = [obj.spec.clusterIP];
    }
    return obj;
  }

  storeCreate(type, obj, req) {
    if (req.params.get('dryRun') === 'All') {
      const o = clone(obj);
      o.metadata.uid = uid();
      o.metadata.creationTimestamp = isoSeconds();
      return { status: 201, body: o };
    }
    const created = this.store.create(type, obj);
    this.poke();
    return { status: 201, body: created };
  }

  create(type, namespace, req) {
    const obj = decodeBody(req);
    if (type.resource === 'selfsubjectaccessreviews') {
      return { status: 201, body: { ...obj, metadata: { creationTimestamp: null }, status: { allowed: true, reason: 'fake-kube allows every request' } } };
    }
    this.prepareNew(type, namespace, obj);
    if (type.namespaced) this.ensureNamespace(namespace, type, obj.metadata.name);
    validate(type, obj);
    if (this.store.peek(type, namespace, obj.metadata.name)) {
      throw alreadyExists(type, obj.metadata.name);
    }
    recordUpdate(undefined, obj, managerOf(req), gv(type));
    return this.storeCreate(type, obj, req);
  }

  /** Validate and store `next` as the new state of `current`. */
  commit(type, current, next, req, subresource, skipManaged = false) {
    next.apiVersion = gv(type);
    next.kind = type.kind;
    next.metadata ??= {};
    for (const k of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'generation']) {
      if (current.metadata[k] === undefined) delete next.metadata[k];
      else next.metadata[k] = current.metadata[k];
    }
    if (subresource === 'status') {
      const status = next.status;
      next = clone(current);
      next.status = status;
    } else if (WITH_STATUS.has(type.resource) && type.resource !== 'namespaces') {
      if (current.status === undefined) delete next.status;
      else next.status = clone(current.status);
    }
    applyDefaults(type.resource, next);
    validate(type, next, current);
    if (!skipManaged) {
      next.metadata.managedFields = current.metadata.managedFields;
      recordUpdate(current, next, managerOf(req), gv(type), subresource);
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (req.params.get('dryRun') === 'All') return { status: 200, body: next };
    const saved = this.store.update(type, next);
    this.poke();
    return { status: 200, body: saved };
  }

  checkResourceVersion(type, current, incoming) {
    const rv = incoming?.metadata?.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(type, current.metadata.name);
  }

  update(type, namespace, name, subresource, req) {
    const obj = decodeBody(req);
    const current = this.mustGet(type, namespace, name);
    if (obj?.metadata?.name && obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    this.checkResourceVersion(type, current, obj);
    return this.commit(type, current, obj, req, subresource);
  }

  patch(type, namespace, name, subresource, req) {
    const ct = req.contentType.split(';')[0].trim().toLowerCase();
    if (!PATCH_TYPES.includes(ct)) throw unsupportedMediaType(ct, PATCH_TYPES);
    if (ct === 'application/apply-patch+yaml') return this.apply(type, namespace, name, subresource, req);
    // Custom resources have no patch strategies, so the real server refuses SMP for them.
    if (ct === 'application/strategic-merge-patch+json' && !type.builtin) {
      throw unsupportedMediaType(ct, PATCH_TYPES.filter((t) => !t.includes('strategic')));
    }
    const current = this.mustGet(type, namespace, name);
    const body = parseJson(req.body);
    let patched;
    if (ct === 'application/json-patch+json') patched = jsonPatch(current, body);
    else if (ct === 'application/merge-patch+json') patched = mergePatch(current, body);
    else patched = strategicMergePatch(current, body);
    if (!isObject(patched)) throw badRequest('the patch did not result in an object');
    this.checkResourceVersion(type, current, patched);
    return this.commit(type, current, patched, req, subresource);
  }

  apply(type, namespace, name, subresource, req) {
    let applied;
    try {
      applied = JSON.parse(req.body);
    } catch {
      throw badRequest('fake-kube understands apply bodies in JSON form only (kubectl sends JSON)');
    }
    if (!isObject(applied)) throw badRequest('the apply body is not an object');
    if (!applied.apiVersion || !applied.kind) throw badRequest('apiVersion and kind must be set for server-side apply');
    if (applied.metadata?.name && applied.metadata.name !== name) {
      throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
    }
    const manager = req.params.get('fieldManager');
    if (!manager) throw badRequest('PATCH, application/apply-patch+yaml requests must supply a fieldManager');
    const force = req.params.get('force') === 'true';
    const current = this.store.get(type, namespace, name);
    if (!current) {
      const merged = serverSideApply(undefined, applied, manager, gv(type), force);
      merged.metadata.name = name;
      const managed = merged.metadata.managedFields;
      this.prepareNew(type, namespace, merged);
      merged.metadata.managedFields = managed;
      if (type.namespaced) this.ensureNamespace(namespace, type, name);
      validate(type, merged);
      return this.storeCreate(type, merged, req);
    }
    this.checkResourceVersion(type, current, applied);
    const merged = serverSideApply(current, applied, manager, gv(type), force);
    return this.commit(type, current, merged, req, subresource, true);
  }

  remove(type, namespace, name, req) {
    const current = this.mustGet(type, namespace, name);
    const opts = req.body && req.body.trim() ? decodeBody(req) : {};
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== current.metadata.uid) {
      throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) throw conflict(type, name);
    if (req.params.get('dryRun') === 'All') return { status: 200, body: current };
    const propagation = opts.propagationPolicy ?? req.params.get('propagationPolicy') ?? 'Background';
    const R = this.cluster.res;
    this.poke();
    if (type === R.pods) {
      const grace = opts.gracePeriodSeconds ?? (req.params.has('gracePeriodSeconds') ? Number(req.params.get('gracePeriodSeconds')) : undefined);
      if (grace === 0) {
        this.store.remove(type, namespace, name);
        this.cluster.pods.delete(current.metadata.uid);
        return { status: 200, body: current };
      }
      return { status: 200, body: this.cluster.deletePod(current) };
    }
    if (type === R.namespaces) {
      if (!current.metadata.deletionTimestamp) {
        current.metadata.deletionTimestamp = isoSeconds();
        current.status = { ...(current.status ?? {}), phase: 'Terminating' };
        return { status: 200, body: this.store.update(type, current) };
      }
      return { status: 200, body: current };
    }
    if (propagation === 'Orphan') {
      for (const r of Object.values(R)) {
        if (!r.namespaced) continue;
        for (const o of this.store.peekAll(r, namespace)) {
          if (!(o.metadata.ownerReferences ?? []).some((ref) => ref.uid === current.metadata.uid)) continue;
          const c = clone(o);
          c.metadata.ownerReferences = c.metadata.ownerReferences.filter((ref) => ref.uid !== current.metadata.uid);
          if (!c.metadata.ownerReferences.length) delete c.metadata.ownerReferences;
          this.store.update(r, c);
        }
      }
    }
    this.store.remove(type, namespace, name);
    const details = { name, ...(type.group ? { group: type.group } : {}), kind: type.resource, uid: current.metadata.uid };
    return { status: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } };
  }

  deleteCollection(type, namespace, req) {
    const labels = parseLabelSelector(req.params.get('labelSelector'));
    const fields = parseFieldSelector(req.params.get('fieldSelector'));
    const victims = this.store.peekAll(type, namespace).filter((o) => labels(o.metadata.labels) && fields(o)).map(clone);
    for (const v of victims) this.remove(type, v.metadata.namespace, v.metadata.name, { ...req, body: '' });
    return { status: 200, body: { kind: type.listKind, apiVersion: gv(type), metadata: { resourceVersion: String(this.store.rv) }, items: victims.map((o) => listItem(type, o)) } };
  }

  toScale(obj) {
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
      spec: { replicas: obj.spec?.replicas ?? 0 },
      status: { replicas: obj.status?.replicas ?? 0, selector: formatLabelSelector(obj.spec?.selector).replace(/^<none>$/, '') },
    };
  }

  scale(type, namespace, name, req) {
    const current = this.mustGet(type, namespace, name);
    const scale = this.toScale(current);
    if (req.method === 'GET') return { status: 200, body: scale };
    let next;
    if (req.method === 'PUT') next = decodeBody(req);
    else if (req.method === 'PATCH') {
      const ct = req.contentType.split(';')[0].trim();
      const body = parseJson(req.body);
      if (ct === 'application/json-patch+json') next = jsonPatch(scale, body);
      else if (ct === 'application/merge-patch+json' || ct === 'application/strategic-merge-patch+json') next = mergePatch(scale, body);
      else throw unsupportedMediaType(ct, PATCH_TYPES.slice(0, 3));
    } else throw methodNotAllowed();
    this.checkResourceVersion(type, current, next);
    const replicas = next?.spec?.replicas;
    if (typeof replicas !== 'number' || replicas < 0) {
      throw new ApiError(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
    }
    const updated = clone(current);
    updated.spec.replicas = replicas;
    const reply = this.commit(type, current, updated, req, 'scale');
    return { status: 200, body: this.toScale(reply.body) };
  }

  podLog(type, namespace, name, req) {
    if (req.method !== 'GET') throw methodNotAllowed();
    const pod = this.mustGet(type, namespace, name);
    const containers = pod.spec?.containers ?? [];
    const wanted = req.params.get('container') ?? (containers.length === 1 ? containers[0].name : undefined);
    if (!wanted) {
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
    }
    const cs = (pod.status?.containerStatuses ?? []).find((c) => c.name === wanted);
    if (!cs) throw badRequest(`container ${wanted} is not valid for pod ${name}`);
    if (cs.state?.waiting && !cs.lastState?.terminated) {
      throw badRequest(`container "${wanted}" in pod "${name}" is waiting to start: ${cs.state.waiting.reason === 'ContainerCreating' ? 'ContainerCreating' : 'trying and failing to pull image'}`);
    }
    const crashed = cs.state?.terminated || cs.lastState?.terminated;
    const text = crashed ? `fake-kube: container ${wanted} started\nfatal: simulated crash (exit code 1)\n` : `fake-kube: container ${wanted} started (${podReason(pod)})\n`;
    return { status: 200, body: text, contentType: 'text/plain' };
  }

  serviceProxy(namespace, name) {
    const svcName = String(name).split(':').length === 3 ? String(name).split(':')[1] : String(name).split(':')[0];
    const svc = this.store.peek(this.cluster.res.services, namespace, svcName);
    if (!svc) throw notFound(this.cluster.res.services, svcName);
    throw new ApiError(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
  }
}

