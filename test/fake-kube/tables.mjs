// Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`): the columns
// `kubectl get` shows, as pkg/printers/internalversion prints them.
import { formatLabelSelector } from './selectors.mjs';
import { humanAge } from './util.mjs';

const col = (name, type, priority = 0, format = '') => ({ name, type, format, description: name, priority });

const NAME = col('Name', 'string', 0, 'name');
const AGE = col('Age', 'string');

const containersOf = (spec) => spec?.containers ?? [];
const joinNames = (spec) => containersOf(spec).map((c) => c.name).join(',');
const joinImages = (spec) => containersOf(spec).map((c) => c.image).join(',');

/** The STATUS column of `kubectl get pods`. */
export function podReason(p) {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  let reason = p.status?.reason ?? p.status?.phase ?? 'Pending';
  for (const c of p.status?.containerStatuses ?? []) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
  }
  return reason;
}

/** @type {Record<string, { columns: object[], cells: (o: Record<string, any>) => unknown[] }>} */
const PRINTERS = {
  deployments: {
    columns: [NAME, col('Ready', 'string'), col('Up-to-date', 'integer'), col('Available', 'integer'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (d) => [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      humanAge(d.metadata.creationTimestamp),
      joinNames(d.spec?.template?.spec),
      joinImages(d.spec?.template?.spec),
      formatLabelSelector(d.spec?.selector),
    ],
  },
  replicasets: {
    columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (rs) => [
      rs.metadata.name,
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      humanAge(rs.metadata.creationTimestamp),
      joinNames(rs.spec?.template?.spec),
      joinImages(rs.spec?.template?.spec),
      formatLabelSelector(rs.spec?.selector),
    ],
  },
  pods: {
    columns: [NAME, col('Ready', 'string'), col('Status', 'string'), col('Restarts', 'string'), AGE, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    cells: (p) => {
      const statuses = p.status?.containerStatuses ?? [];
      const ready = statuses.filter((c) => c.ready).length;
      const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
      return [
        p.metadata.name,
        `${ready}/${containersOf(p.spec).length}`,
        podReason(p),
        String(restarts),
        humanAge(p.metadata.creationTimestamp),
        p.status?.podIP ?? '<none>',
        p.spec?.nodeName ?? '<none>',
        '<none>',
        '<none>',
      ];
    },
  },
  namespaces: {
    columns: [NAME, col('Status', 'string'), AGE],
    cells: (n) => [n.metadata.name, n.status?.phase ?? 'Active', humanAge(n.metadata.creationTimestamp)],
  },
  events: {
    columns: [col('Last Seen', 'string'), col('Type', 'string'), col('Reason', 'string'), col('Object', 'string'), col('Message', 'string')],
    cells: (e) => [
      humanAge(e.lastTimestamp ?? e.metadata.creationTimestamp),
      e.type ?? '',
      e.reason ?? '',
      `${(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`,
      e.message ?? '',
    ],
  },
  services: {
    columns: [NAME, col('Type', 'string'), col('Cluster-IP', 'string'), col('External-IP', 'string'), col('Port(s)', 'string'), AGE],
    cells: (s) => [
      s.metadata.name,
      s.spec?.type ?? 'ClusterIP',
      s.spec?.clusterIP ?? '<none>',
      '<none>',
      (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
      humanAge(s.metadata.creationTimestamp),
    ],
  },
};

const GENERIC = { columns: [NAME, AGE], cells: (o) => [o.metadata.name, humanAge(o.metadata.creationTimestamp)] };

/**
 * @param {import('./resources.mjs').ResourceType} res
 * @param {Record<string, any>[]} items
 * @param {string} resourceVersion
 * @param {string | null} [includeObject]  `None`, `Metadata` (default) or `Object`, as the query asks
 */
export function toTable(res, items, resourceVersion, includeObject) {
  const printer = PRINTERS[res.resource] ?? GENERIC;
  const objectFor = (o) => {
    if (includeObject === 'Object') return o;
    return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
  };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: printer.columns,
    rows: items.map((o) => (includeObject === 'None' ? { cells: printer.cells(o) } : { cells: printer.cells(o), object: objectFor(o) })),
  };
}

/** Whether an Accept header asks for a Table. */
export function wantsTable(accept) {
  return /as=Table/.test(accept ?? '');
}
