import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../../actions/preflight/src/catalogue.js';
import { evaluate } from '../../actions/preflight/src/evaluate.js';
import { buildInventory } from '../../actions/preflight/src/inventory.js';
import { parseManifest } from '../../actions/preflight/src/manifests.js';
import { buildSarif } from '../../actions/preflight/src/sarif.js';
import { applyWaivers, parseWaivers } from '../../actions/preflight/src/waivers.js';
import { repoRoot } from '../harness/run-action.mjs';
import { validateSarif } from '../harness/sarif-schema.mjs';

const validate = validateSarif;

const CASES = path.join(repoRoot, 'test', 'fixtures', 'preflight', 'cases');
function findingsOf(...cases: string[]) {
  const items = cases.flatMap((c) => {
    const file = path.join(CASES, c, 'manifests.yaml');
    return parseManifest(readFileSync(file, 'utf8').replace(/^(\s*(?:name|namespace)): shop$/gm, `$1: ${c}`), file, repoRoot, undefined);
  });
  return evaluate(buildInventory({}, items, undefined)).findings;
}

describe('preflight SARIF', () => {
  test('the validator is live: a broken log is rejected', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });

  test('a clean run: valid, every rule listed, zero results', () => {
    const log = buildSarif(findingsOf('all-pass'), '0.1.0');
    expect(validate(log)).toBe(true);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules?.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
  });

  test('findings of several checks, waived ones included: valid; file, line, level and rule index right', () => {
    const cases = ['resources-missing', 'pdb-missing', 'ingress-no-tls', 'secret-in-manifest', 'security-context-privileged', 'admission-policy-namespace-not-included', 'probes-tcp'];
    const findings = findingsOf(...cases);
    applyWaivers(findings, parseWaivers('waivers:\n  - check: probes-http\n    object: "Deployment/*/api"\n    reason: gRPC checks\n    expires: 2099-01-01\n', 'w.yaml'), new Date());
    const log = buildSarif(findings, '0.1.0');
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0]!;
    for (const r of run.results ?? []) {
      expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
      const loc = r.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uri).toMatch(/^test\/fixtures\/preflight\/cases\/[a-z-]+\/manifests\.yaml$/);
      expect(loc?.region?.startLine).toBeGreaterThan(1);
    }
    const byRule = (id: string) => run.results?.filter((r) => r.ruleId === id) ?? [];
    expect(byRule('pdb').map((r) => r.level)).toEqual(['error']);
    expect(byRule('probes-http')[0]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'gRPC checks (waived until 2099-01-01)' }]);
    expect(byRule('admission-policy')[0]?.properties?.status).toBe('fail');
    expect(byRule('admission-policy')[0]?.level).toBe('warning');
    expect(byRule('ingress-tls')[0]?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('Ingress/ingress-no-tls/api');
  });

  test('live findings (no file) are valid with a logical location only', () => {
    const log = buildSarif([{ check: 'pdb', severity: 'error', status: 'fail', object: 'Deployment/shop/api', message: 'no PDB', fix: 'kind: PodDisruptionBudget' }], '0.1.0');
    expect(validate(log)).toBe(true);
    expect(log.runs[0]?.results?.[0]?.locations?.[0]).toEqual({ logicalLocations: [{ name: 'api', fullyQualifiedName: 'Deployment/shop/api', kind: 'resource' }] });
  });
});
