import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { CHECK_IDS } from '../../actions/preflight/src/catalogue.js';
import { evaluate } from '../../actions/preflight/src/evaluate.js';
import { buildInventory } from '../../actions/preflight/src/inventory.js';
import { parseManifest } from '../../actions/preflight/src/manifests.js';
import type { Finding } from '../../actions/preflight/src/model.js';
import { repoRoot } from '../harness/run-action.mjs';

export const CASES_DIR = path.join(repoRoot, 'test', 'fixtures', 'preflight', 'cases');
const cases = readdirSync(CASES_DIR).sort();

interface Expected {
  description: string;
  live: boolean;
  findings: Array<{ check: string; severity: string; object: string; container?: string }>;
}

const expectedOf = (name: string): Expected => parse(readFileSync(path.join(CASES_DIR, name, 'expected.yaml'), 'utf8')) as Expected;
const shape = (f: { check: string; severity: string; object: string; container?: string }): string => `${f.check} ${f.severity} ${f.object}${f.container ? ` ${f.container}` : ''}`;

function evaluateCase(name: string): Finding[] {
  const file = path.join(CASES_DIR, name, 'manifests.yaml');
  const items = parseManifest(readFileSync(file, 'utf8'), file, repoRoot, undefined);
  return evaluate(buildInventory({}, items, undefined)).findings;
}

describe('fixture corpus (test/fixtures/preflight/cases): manifests mode', () => {
  test.each(cases)('%s', (name) => {
    const findings = evaluateCase(name);
    expect(findings.map(shape).sort()).toEqual(expectedOf(name).findings.map(shape).sort());
    // Every finding says what is wrong and how to fix it, and points at the file and line.
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(20);
      const docs = parseAllDocuments(f.fix);
      expect(Array.isArray(docs) ? docs.flatMap((d) => d.errors.map((e) => e.message)) : ['no documents']).toEqual([]);
      expect(f.source?.file).toBe(`test/fixtures/preflight/cases/${name}/manifests.yaml`);
      expect(f.source?.line).toBeGreaterThan(1);
    }
  });

  test('every check of the catalogue fails in some case, and the all-pass case has no finding', () => {
    const failing = new Set(cases.flatMap((c) => expectedOf(c).findings.map((f) => f.check)));
    expect(CHECK_IDS.filter((id) => !failing.has(id))).toEqual([]);
    expect(expectedOf('all-pass').findings).toEqual([]);
  });

  test('the false positives the anchors\' users report stay quiet', () => {
    for (const name of ['network-policy-default-deny-only', 'pdb-match-expressions', 'network-policy-match-expressions', 'resources-limitrange-defaults', 'anti-affinity-required']) {
      expect([name, evaluateCase(name)]).toEqual([name, []]);
    }
  });

  test('a finding on a container points at the container\'s line', () => {
    const [f] = evaluateCase('probes-missing');
    const text = readFileSync(path.join(CASES_DIR, 'probes-missing', 'manifests.yaml'), 'utf8').split('\n');
    expect(text[(f?.source?.line ?? 0) - 1]).toMatch(/^\s*- name: app$/);
  });
});
