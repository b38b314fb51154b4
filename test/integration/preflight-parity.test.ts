import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate } from '../../actions/preflight/src/evaluate.js';
import { buildInventory } from '../../actions/preflight/src/inventory.js';
import { readLive } from '../../actions/preflight/src/live.js';
import { parseManifest } from '../../actions/preflight/src/manifests.js';
import type { Finding } from '../../actions/preflight/src/model.js';
import { startCluster } from '../harness/kube.mjs';
import { repoRoot } from '../harness/run-action.mjs';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let k: Cluster;
const CASES_DIR = path.join(repoRoot, 'test', 'fixtures', 'preflight', 'cases');

beforeAll(async () => {
  k = await startCluster({ timeScale: 0.1 });
});
afterAll(async () => {
  await k?.sim.stop();
});

const verdict = (findings: Finding[]): string[] => findings.map((f) => `${f.check} ${f.severity} ${f.status} ${f.object}${f.container ? ` ${f.container}` : ''}`).sort();

// Cases chosen where the cluster could make the verdicts differ: API-server defaulting
// (strategy, resources, securityContext), selectors, objects across kinds, the namespace's
// labels. (Every check's pass and fail is in the manifests corpus test.) They
// are applied together, each case in a namespace of its own, with one `kubectl apply`.
const PARITY = [
  'all-pass',
  'resources-missing',
  'rolling-update-implicit',
  'pdb-match-expressions',
  'pdb-blocks-drains',
  'network-policy-default-deny-only',
  'namespace-default',
  'ingress-tls-unmanaged',
  'monitoring-servicemonitor',
  'service-account-default',
  'admission-policy-namespace-not-included',
];

/** The case's manifests with its namespace renamed, so every case lives side by side. */
function caseText(name: string, index: number): string {
  const text = readFileSync(path.join(CASES_DIR, name, 'manifests.yaml'), 'utf8');
  return name === 'namespace-default' ? text : text.replace(/^(\s*(?:name|namespace)): shop$/gm, `$1: case-${index}`);
}

describe('both evaluators give the same verdict on the same objects', () => {
  beforeAll(async () => {
    const file = path.join(path.dirname(k.kubeconfig), 'parity.yaml');
    writeFileSync(file, PARITY.map(caseText).join('---\n'));
    await k.kubectl('apply', '-f', file);
  });

  test.each(PARITY.map((name, i) => [name, i] as const))('%s: manifests, and the same objects applied with kubectl and read back live', async (name, index) => {
    const expected = parse(readFileSync(path.join(CASES_DIR, name, 'expected.yaml'), 'utf8')) as { live: boolean };
    expect(expected.live).toBe(true);
    const items = parseManifest(caseText(name, index), path.join(CASES_DIR, name, 'manifests.yaml'), repoRoot, undefined);
    const fromManifests = evaluate(buildInventory({}, items, undefined)).findings;

    const namespace = items.find((i) => i.object.kind === 'Deployment')?.namespace as string;
    const live = await readLive({ kubectl: 'kubectl', kubeconfig: k.kubeconfig }, namespace, ['api']);
    expect(live.unavailable).toEqual(new Map());
    const fromCluster = evaluate(buildInventory({}, undefined, live)).findings;

    expect(verdict(fromCluster)).toEqual(verdict(fromManifests));
    expect(verdict(fromManifests).length).toBe(parse(readFileSync(path.join(CASES_DIR, name, 'expected.yaml'), 'utf8')).findings.length);
    // Live findings have no file to point at; manifest findings do.
    expect(fromCluster.every((f) => f.source === undefined)).toBe(true);
    expect(fromManifests.every((f) => f.source !== undefined)).toBe(true);
  });
});

describe('server-side apply: what was written is read from managedFields', () => {
  test.each(['rolling-update-implicit', 'all-pass'])('%s applied with kubectl apply --server-side gives the manifests\' verdict', async (name) => {
    const ns = `ssa-${name}`;
    const text = readFileSync(path.join(CASES_DIR, name, 'manifests.yaml'), 'utf8').replace(/^(\s*(?:name|namespace)): shop$/gm, `$1: ${ns}`);
    const file = path.join(path.dirname(k.kubeconfig), `${ns}.yaml`);
    writeFileSync(file, text);
    await k.kubectl('apply', '--server-side', '-f', file);
    const items = parseManifest(text, path.join(CASES_DIR, name, 'manifests.yaml'), repoRoot, undefined);
    const fromManifests = evaluate(buildInventory({}, items, undefined)).findings;
    const live = await readLive({ kubectl: 'kubectl', kubeconfig: k.kubeconfig }, ns, ['api']);
    const deployment = live.deployments[0]?.object;
    expect(deployment?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    expect(deployment?.spec?.strategy?.type).toBe('RollingUpdate'); // defaulted by the API server
    expect(verdict(evaluate(buildInventory({}, undefined, live)).findings)).toEqual(verdict(fromManifests));
  });
});
