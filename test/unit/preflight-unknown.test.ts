import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '../../actions/preflight/src/evaluate.js';
import { buildInventory } from '../../actions/preflight/src/inventory.js';
import { forbiddenResources, unavailableReason } from '../../actions/preflight/src/live.js';
import { parseManifest } from '../../actions/preflight/src/manifests.js';
import type { Item } from '../../actions/preflight/src/model.js';
import { repoRoot } from '../harness/run-action.mjs';

const CASES = path.join(repoRoot, 'test', 'fixtures', 'preflight', 'cases');
const itemsOf = (c: string): Item[] => {
  const file = path.join(CASES, c, 'manifests.yaml');
  return parseManifest(readFileSync(file, 'utf8'), file, repoRoot, undefined).map((i) => ({ ...i, source: undefined }));
};

/** A live read of a case's objects in which some kinds could not be listed. */
function live(c: string, unavailable: Record<string, string>) {
  const items = itemsOf(c);
  return {
    deployments: items.filter((i) => i.object.kind === 'Deployment'),
    items: items.filter((i) => i.object.kind !== 'Deployment' && !Object.hasOwn(unavailable, i.object.kind ?? '')),
    unavailable: new Map(Object.entries(unavailable)),
  };
}

describe('live: kinds that could not be read', () => {
  test('a check whose evidence is in an unreadable kind is unknown (a warning naming why), never a pass', () => {
    const findings = evaluate(buildInventory({}, undefined, live('all-pass', { NetworkPolicy: 'forbidden: ...', PodDisruptionBudget: 'not served by this cluster' }))).findings;
    expect(findings.map((f) => [f.check, f.severity, f.status]).sort()).toEqual([['network-policy', 'warning', 'unknown'], ['pdb', 'warning', 'unknown']]);
    expect(findings.find((f) => f.check === 'pdb')?.message).toMatch(/^unknown: could not read PodDisruptionBudget \(not served by this cluster\)/);
  });

  test('a check that passes on what could be read still passes (the monitoring annotation needs no ServiceMonitor)', () => {
    expect(evaluate(buildInventory({}, undefined, live('all-pass', { ServiceMonitor: 'not served', PodMonitor: 'not served', Certificate: 'not served' }))).findings).toEqual([]);
  });

  test('a failure that does not depend on the unreadable kind stays an error', () => {
    const findings = evaluate(buildInventory({}, undefined, live('resources-missing', { NetworkPolicy: 'forbidden' }))).findings;
    expect(findings.filter((f) => f.check === 'resources').map((f) => [f.severity, f.status])).toEqual([['error', 'fail'], ['warning', 'fail']]);
  });

  test('live Secrets: one the pods use that no SealedSecret owns is a warning; unreadable Secrets make it unknown', () => {
    const items = itemsOf('secret-sealed').filter((i) => i.object.kind !== 'SealedSecret');
    const secret: Item = { object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials', namespace: 'shop' } }, namespace: 'shop' };
    const base = { deployments: items.filter((i) => i.object.kind === 'Deployment'), items: items.filter((i) => i.object.kind !== 'Deployment') };
    const plain = evaluate(buildInventory({}, undefined, { ...base, items: [...base.items, secret], unavailable: new Map() })).findings;
    expect(plain.map((f) => [f.check, f.severity, f.status])).toEqual([['secret-in-manifest', 'warning', 'fail']]);
    const owned: Item = { ...secret, object: { ...secret.object, metadata: { ...secret.object.metadata, ownerReferences: [{ kind: 'SealedSecret', name: 'db-credentials' }] } } };
    expect(evaluate(buildInventory({}, undefined, { ...base, items: [...base.items, owned], unavailable: new Map() })).findings).toEqual([]);
    const hidden = evaluate(buildInventory({}, undefined, { ...base, unavailable: new Map([['Secret', 'forbidden']]) })).findings;
    expect(hidden.map((f) => [f.check, f.severity, f.status])).toEqual([['secret-in-manifest', 'warning', 'unknown']]);
  });

  test('kubectl\'s wording: 403 and unserved kinds are "unavailable"; anything else is an error', () => {
    expect(unavailableReason('Error from server (Forbidden): namespaces "shop" is forbidden: User "ci" cannot get resource "namespaces" in API group "" in the namespace "shop"')).toMatch(/^forbidden: namespaces "shop" is forbidden/);
    expect(unavailableReason('error: the server doesn\'t have a resource type "servicemonitors"')).toBe('not served by this cluster');
    expect(unavailableReason('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?')).toBeUndefined();
    const forbidden = forbiddenResources('Error from server (Forbidden): networkpolicies.networking.k8s.io is forbidden: User "ci" cannot list resource "networkpolicies" in API group "networking.k8s.io" in the namespace "shop"\nError from server (Forbidden): secrets is forbidden: User "ci" cannot list resource "secrets" in API group "" in the namespace "shop"\n');
    expect([...forbidden.keys()]).toEqual(['networkpolicies.networking.k8s.io', 'secrets']);
  });
});
