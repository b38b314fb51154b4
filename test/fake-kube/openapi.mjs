// The smallest OpenAPI v3 documents that satisfy kubectl: before create/apply it checks, per
// GroupVersionKind, that the PATCH operation accepts the `fieldValidation` query parameter
// (kubectl's QueryParamVerifierV3); without that it wants the full v2 schema to validate
// client-side, and fails with "failed to download openapi". No schemas are served.
import { createHash } from 'node:crypto';
import { RESOURCES, gv } from './resources.mjs';

const QUERY_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];

function prefix(r) {
  return r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
}

/** The OpenAPI v3 document of one group/version, or undefined. */
export function openApiDocument(groupVersion) {
  const rs = RESOURCES.filter((r) => gv(r) === groupVersion);
  if (!rs.length) return undefined;
  /** @type {Record<string, unknown>} */
  const paths = {};
  for (const r of rs) {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const base = r.namespaced ? `${prefix(r)}/namespaces/{namespace}/${r.resource}` : `${prefix(r)}/${r.resource}`;
    const params = QUERY_PARAMS.map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } }));
    const op = (action) => ({
      tags: [r.group || 'core'],
      operationId: `${action}${r.kind}`,
      parameters: params,
      responses: { 200: { description: 'OK' } },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    paths[base] = { get: op('list'), post: op('post') };
    paths[`${base}/{name}`] = { get: op('get'), put: op('put'), patch: op('patch'), delete: op('delete') };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas: {} } };
}

/** The /openapi/v3 index, pointing at one document per group/version. */
export function openApiIndex() {
  /** @type {Record<string, { serverRelativeURL: string }>} */
  const paths = {};
  for (const groupVersion of new Set(RESOURCES.map(gv))) {
    const path = groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
    const hash = createHash('sha512').update(JSON.stringify(openApiDocument(groupVersion))).digest('hex').slice(0, 128).toUpperCase();
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
