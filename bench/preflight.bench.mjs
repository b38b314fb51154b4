// preflight: 5,000 objects from manifests evaluated, SARIF, report and summary written
// (target: under 1 s).
//
// Method. 500 applications of 10 objects each (Deployment, Service, Ingress, PDB, two
// NetworkPolicies, HPA, ServiceAccount, and per namespace a ResourceQuota and LimitRange;
// 50 namespaces), one multi-document YAML file per namespace; one application in five
// has defects, so there are findings, fixes and SARIF results to write.
// 1. The bundled action run as the runner runs it (harness: `node dist/index.js` with
//    INPUT_*, on Node 20 here), wall time from spawn to exit, median of 5. This is what
//    a workflow step costs, Node start-up included.
// 2. The same modules in a fresh process, timed inside it (start-up excluded): read and
//    parse the YAML, evaluate, build SARIF and summary; wall time and the process's CPU
//    time (less sensitive to other load on the machine). Median of 5.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { runAction } from '../test/harness/run-action.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'preflight-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const DIGEST = `sha256:${'b2'.repeat(32)}`;

function app(ns, name, broken) {
  const labels = { app: name };
  const container = {
    name: 'app',
    image: broken ? `ghcr.io/acme/${name}:latest` : `ghcr.io/acme/${name}@${DIGEST}`,
    resources: broken ? {} : { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    ...(broken ? {} : { livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } }),
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
  };
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { replicas: 3, revisionHistoryLimit: 5, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }, selector: { matchLabels: labels }, template: { metadata: { labels, annotations: { 'prometheus.io/scrape': 'true' } }, spec: { serviceAccountName: name, automountServiceAccountToken: false, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: labels } }], containers: [container] } } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: ns, annotations: { 'cert-manager.io/cluster-issuer': 'le' } }, spec: { ...(broken ? {} : { tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }] }), rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: ns }, spec: { maxUnavailable: 1, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [broken ? 'other' : name] }] } } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec: { podSelector: { matchLabels: labels }, ingress: [{ from: [{ podSelector: {} }] }] } },
    { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: ns }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 3, maxReplicas: 9 } },
  ];
}

const ws = path.join(work, 'ws');
mkdirSync(path.join(ws, 'k8s'), { recursive: true });
let count = 0;
for (let n = 0; n < 50; n++) {
  const ns = `team-${n}`;
  const objects = [
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'quota', namespace: ns }, spec: { hard: { pods: '100' } } },
    { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: ns }, spec: { limits: [{ type: 'Container', max: { memory: '2Gi' } }] } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
  ];
  for (let a = 0; a < 10; a++) objects.push(...app(ns, `svc-${n}-${a}`, a % 5 === 0));
  // Pad to exactly 100 objects per namespace with ConfigMaps (objects no check reads).
  while (objects.length < 100) objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${objects.length}`, namespace: ns }, data: { k: 'v' } });
  count += objects.length;
  writeFileSync(path.join(ws, 'k8s', `${ns}.yaml`), objects.map((o) => stringify(o)).join('---\n'));
}

const endToEnd = [];
let last;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  last = await runAction('preflight', { inputs: { manifests: 'k8s/', 'fail-on': 'never' }, cwd: ws, workDir: mkdtempSync(path.join(work, 'runner-')) });
  endToEnd.push(performance.now() - t0);
  if (last.exitCode !== 0) throw new Error(`preflight failed: ${last.errors.join('\n')}\n${last.stderr}`);
}
const sarif = JSON.parse(readFileSync(last.outputs['sarif-file'], 'utf8'));

const driver = path.join(work, 'driver.mjs');
await esbuild.build({
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: driver,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  stdin: {
    resolveDir: root,
    sourcefile: 'preflight-bench-driver.ts',
    loader: 'ts',
    contents: `
      import { readdirSync } from 'node:fs';
      import path from 'node:path';
      import { loadManifests } from './actions/preflight/src/manifests.js';
      import { buildInventory } from './actions/preflight/src/inventory.js';
      import { evaluate } from './actions/preflight/src/evaluate.js';
      import { buildSarif } from './actions/preflight/src/sarif.js';
      import { buildSummary } from './actions/preflight/src/summary.js';
      import { countFindings } from './actions/preflight/src/verdict.js';
      const dir = process.argv[2];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const files = readdirSync(dir).map((f) => path.join(dir, f));
      const items = loadManifests(files, path.dirname(dir), undefined);
      const t1 = performance.now();
      const ev = evaluate(buildInventory({}, items, undefined));
      const t2 = performance.now();
      const sarif = JSON.stringify(buildSarif(ev.findings, '0'));
      const summary = buildSummary({ mode: 'manifests', counts: countFindings(ev.findings), passed: false, failOn: 'error', objects: ev.objects, waivers: [], unavailable: new Map() }).join('\\n');
      const t3 = performance.now();
      const c = process.cpuUsage(c0);
      console.log(JSON.stringify({ cpu: (c.user + c.system) / 1000, parse: t1 - t0, evaluate: t2 - t1, write: t3 - t2, total: t3 - t0, objects: items.length, sarifBytes: sarif.length, summaryBytes: summary.length }));
    `,
  },
});
const inner = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync(process.execPath, [driver, path.join(ws, 'k8s')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  inner.push(JSON.parse(r.stdout));
}
const pick = (k) => median(inner.map((x) => x[k]));

console.log(`objects: ${count} in 50 files (500 Deployments, 100 with defects); findings in SARIF: ${sarif.runs[0].results.length}; summary ${(last.summary.length / 1024).toFixed(0)} KiB`);
console.log(`| measure | median |`);
console.log(`| --- | --- |`);
console.log(`| bundled action, spawn to exit (Node ${process.versions.node}), 5 runs | ${ms(median(endToEnd))} |`);
console.log(`| in-process: read + parse YAML | ${ms(pick('parse'))} |`);
console.log(`| in-process: evaluate every check | ${ms(pick('evaluate'))} |`);
console.log(`| in-process: SARIF + summary | ${ms(pick('write'))} |`);
console.log(`| in-process total | ${ms(pick('total'))} |`);
console.log(`| in-process total, CPU time (user + system) | ${ms(pick('cpu'))} |`);
console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs (wall times grow with it; CPU time much less)`);
console.log(`target: under 1000 ms for 5,000 objects -> ${median(endToEnd) < 1000 ? 'met' : 'NOT met'} (end to end)`);
rmSync(work, { recursive: true, force: true });
