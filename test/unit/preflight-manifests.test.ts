import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseManifest, resolveManifestFiles } from '../../actions/preflight/src/manifests.js';
import { ConfigurationError } from '../../src/lib/errors.js';

const ws = '/ws';
const parse = (text: string, ns?: string) => parseManifest(text, '/ws/k8s/app.yaml', ws, ns);

describe('manifests', () => {
  test('multi-document YAML: each object with its file and the line its document starts at; empty and kind-less documents skipped', () => {
    const items = parse(['# leading comment', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: a}', '---', '', '# nothing here', '---', 'replicaCount: 3', '...', '--- {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: other}}', ''].join('\n'), 'shop');
    expect(items.map((i) => [i.object.kind, i.namespace, i.source?.file, i.source?.line])).toEqual([
      ['Service', 'shop', 'k8s/app.yaml', 3],
      ['ConfigMap', 'other', 'k8s/app.yaml', 12],
    ]);
  });

  test('a Deployment remembers the line of each container', () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: init', '          image: x', '      containers:', '        - image: y', '          name: noline', '        - name: "app"', '          image: z'].join('\n');
    const [d] = parse(text);
    expect(d?.source?.containers).toEqual({ init: 8, app: 13 });
  });

  test('JSON files and List objects', () => {
    const items = parse(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }] }), 'shop');
    expect(items.map((i) => [i.object.kind, i.namespace])).toEqual([['Namespace', undefined], ['Service', 'shop']]);
  });

  test('YAML is read with the core schema: a date stays text', () => {
    const [cm] = parse('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  day: 2026-01-01\n');
    expect(cm?.object.data).toEqual({ day: '2026-01-01' });
  });

  test.each([
    ['apiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n', /'k8s\/app.yaml' line \d+ is not valid YAML/],
    ['---\napiVersion: v1\n---\nkind: Service\nkind: Service\n', /line 5 is not valid YAML: duplicated mapping key/],
    ['- a\n- b\n', /line 1 is not a Kubernetes object \(a YAML list\)/],
  ])('errors name the input, the file and the line: %j', (text, message) => {
    expect(() => parse(text)).toThrow(ConfigurationError);
    expect(() => parse(text)).toThrow(message);
  });

  test('files, directories (recursive, YAML/JSON only, dot-folders skipped) and globs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pf-manifests-'));
    mkdirSync(path.join(dir, 'k8s', 'base'), { recursive: true });
    mkdirSync(path.join(dir, 'k8s', '.git'), { recursive: true });
    for (const f of ['k8s/a.yaml', 'k8s/base/b.yml', 'k8s/base/c.json', 'k8s/README.md', 'k8s/.git/d.yaml', 'other.yaml']) writeFileSync(path.join(dir, f), '');
    const rel = (files: string[]) => files.map((f) => path.relative(dir, f)).sort();
    expect(rel(await resolveManifestFiles(['k8s'], dir))).toEqual(['k8s/a.yaml', 'k8s/base/b.yml', 'k8s/base/c.json']);
    expect(rel(await resolveManifestFiles(['k8s/**/*.y*ml', 'other.yaml'], dir))).toEqual(['k8s/a.yaml', 'k8s/base/b.yml', 'other.yaml']);
    await expect(resolveManifestFiles(['nope/'], dir)).rejects.toThrow(/input 'manifests': 'nope\/' does not exist/);
    await expect(resolveManifestFiles(['k8s/*.toml'], dir)).rejects.toThrow(/'k8s\/\*\.toml' matches no file/);
  });
});
