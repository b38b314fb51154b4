// Helpers for tests, benchmarks and the demo that drive the simulated API server
// (test/fake-kube) with the real kubectl.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFakeKube } from '../fake-kube/server.mjs';

const run = promisify(execFile);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A made-up, valid digest per label: the simulator runs any image without pulling it. */
export const digestOf = (label) => `sha256:${createHash('sha256').update(String(label)).digest('hex')}`;

/** Starts a simulator and returns helpers bound to it. */
export async function startCluster(options = {}) {
  const sim = await startFakeKube(options);
  const kubeconfig = sim.writeKubeconfig(path.join(mkdtempSync(path.join(tmpdir(), 'kube-')), 'config'));
  const admin = async (method, p, body) => {
    const res = await fetch(`${sim.url}${p}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const kubectl = async (...args) => (await run('kubectl', ['--kubeconfig', kubeconfig, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  const cluster = {
    sim,
    url: sim.url,
    kubeconfig,
    admin,
    kubectl,
    async json(...args) {
      return JSON.parse(await kubectl(...args, '-o', 'json'));
    },
    /** How pods of an image behave: { image: { behavior, readyAfterMs, message } }. */
    behave: (map) => admin('POST', '/_sim/images', map),
    faults: (spec) => admin('POST', '/_sim/faults', spec),
    clearFaults: () => admin('DELETE', '/_sim/faults'),
    requests: () => admin('GET', '/_sim/requests'),
    clearRequests: () => admin('DELETE', '/_sim/requests'),
    /** Requests that change something (anything but GET/HEAD/watch). */
    async writes() {
      return (await admin('GET', '/_sim/requests')).filter((r) => !['GET', 'HEAD'].includes(r.method));
    },
    /** A namespace and a Deployment (one container `app` unless given), waited until complete. */
    async deployment(namespace, name, image, spec = {}) {
      const containers = spec.containers ?? [{ name: 'app', image }];
      await admin('POST', '/_sim/objects', {
        objects: [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name, namespace },
            spec: {
              replicas: spec.replicas ?? 2,
              progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
              paused: spec.paused ?? false,
              selector: { matchLabels: { app: name } },
              template: { metadata: { labels: { app: name } }, spec: { containers } },
            },
          },
        ],
      });
      if (!spec.paused && spec.wait !== false) await cluster.rolloutStatus(namespace, name);
    },
    async rolloutStatus(namespace, name, timeout = '60s') {
      return kubectl('-n', namespace, 'rollout', 'status', `deployment/${name}`, `--timeout=${timeout}`);
    },
    async get(namespace, name) {
      return cluster.json('-n', namespace, 'get', 'deployment', name);
    },
    async images(namespace, name) {
      const d = await cluster.get(namespace, name);
      return Object.fromEntries(d.spec.template.spec.containers.map((c) => [c.name, c.image]));
    },
    /** Someone sets a bad image by hand (not through the action) and the rollout times out. */
    async breakByHand(namespace, name, container, image) {
      await kubectl('-n', namespace, 'set', 'image', `deployment/${name}`, `${container}=${image}`);
      await cluster.waitFor('the progress deadline', async () => (await cluster.get(namespace, name)).status.conditions?.some((c) => c.reason === 'ProgressDeadlineExceeded'));
    },
    async waitFor(what, fn, timeoutMs = 30000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = await fn();
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
      }
    },
    stop: () => sim.stop(),
  };
  return cluster;
}
