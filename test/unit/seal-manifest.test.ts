import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { applyArgv, applyDetail, applyReport, getArgv } from '../../actions/seal-secrets/src/cluster.js';
import { kubesealPlan } from '../../actions/seal-secrets/src/kubeseal.js';
import { API_VERSION, parseSealedSecretFile, renderSealedSecret, scopeOf, SealedSecretFileError, type SealedSecretSpec } from '../../actions/seal-secrets/src/manifest.js';

const spec = (over: Partial<SealedSecretSpec> = {}): SealedSecretSpec => ({
  name: 'web',
  namespace: 'shop',
  scope: 'strict',
  type: 'Opaque',
  labels: [],
  annotations: [],
  encryptedData: new Map([
    ['zeta', 'AgBzeta=='],
    ['alpha', 'AgBalpha=='],
  ]),
  ...over,
});

describe('SealedSecret rendering (as kubeseal writes it)', () => {
  it('strict YAML: a --- line, keys sorted at every level, creationTimestamp: null, no scope annotation', async () => {
    expect(await renderSealedSecret(spec(), 'yaml')).toBe(
      [
        '---',
        'apiVersion: bitnami.com/v1alpha1',
        'kind: SealedSecret',
        'metadata:',
        '  creationTimestamp: null',
        '  name: web',
        '  namespace: shop',
        'spec:',
        '  encryptedData:',
        '    alpha: AgBalpha==',
        '    zeta: AgBzeta==',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      name: web',
        '      namespace: shop',
        '    type: Opaque',
        '',
      ].join('\n'),
    );
  });

  it('namespace-wide and cluster-wide: the scope annotation on the SealedSecret and its template, "true" quoted', async () => {
    const ns = parse(await renderSealedSecret(spec({ scope: 'namespace-wide', labels: [['app', 'web']], annotations: [['example.com/a', 'b']] }), 'yaml'));
    expect(ns.metadata.annotations).toEqual({ 'sealedsecrets.bitnami.com/namespace-wide': 'true' });
    expect(ns.spec.template.metadata).toEqual({ annotations: { 'example.com/a': 'b', 'sealedsecrets.bitnami.com/namespace-wide': 'true' }, creationTimestamp: null, labels: { app: 'web' }, name: 'web', namespace: 'shop' });
    const text = await renderSealedSecret(spec({ scope: 'cluster-wide', type: 'kubernetes.io/tls' }), 'yaml');
    expect(text).toContain('    sealedsecrets.bitnami.com/cluster-wide: "true"\n');
    expect(text).toContain('    type: kubernetes.io/tls\n');
    expect(scopeOf(parse(text).metadata.annotations)).toBe('cluster-wide');
  });

  it('JSON in the Go struct order, two-space indent', async () => {
    const obj = JSON.parse(await renderSealedSecret(spec({ scope: 'namespace-wide' }), 'json'));
    expect(Object.keys(obj)).toEqual(['kind', 'apiVersion', 'metadata', 'spec']);
    expect(Object.keys(obj.metadata)).toEqual(['name', 'namespace', 'creationTimestamp', 'annotations']);
    expect(Object.keys(obj.spec)).toEqual(['template', 'encryptedData']);
    expect(Object.keys(obj.spec.encryptedData)).toEqual(['alpha', 'zeta']);
    expect(await renderSealedSecret(spec(), 'json')).toMatch(/^\{\n {2}"kind": "SealedSecret",\n/);
  });

  it('scopeOf: cluster-wide wins, anything but "true" is strict', async () => {
    expect(scopeOf({ 'sealedsecrets.bitnami.com/cluster-wide': 'true', 'sealedsecrets.bitnami.com/namespace-wide': 'true' })).toBe('cluster-wide');
    expect(scopeOf({ 'sealedsecrets.bitnami.com/namespace-wide': 'yes' })).toBe('strict');
    expect(scopeOf(undefined)).toBe('strict');
  });
});

describe('what kubectl reads back (YAML 1.1, Go key order)', () => {
  // kubectl and the controller parse with sigs.k8s.io/yaml (go-yaml, YAML 1.1): a plain
  // `on`, `yes`, `n` or `1_000` is a boolean or a number there, not the string written.
  const yaml11 = (text: string): unknown => parse(text, { version: '1.1' });
  const tricky = spec({
    encryptedData: new Map([['on', 'AgBon'], ['n', 'AgBn'], ['yes', 'AgByes'], ['OFF', 'AgBoff'], ['10', 'AgB10'], ['9', 'AgB9'], ['b', 'AgBb']]),
    labels: [['feature', 'on'], ['size', '1_000'], ['flag', 'y']],
    annotations: [['example.com/note', 'yes'], ['example.com/bits', '0b11']],
  });

  it('YAML: keys, labels and annotations read back as the same strings under YAML 1.1', async () => {
    const obj = yaml11(await renderSealedSecret(tricky, 'yaml')) as { spec: { encryptedData: Record<string, string>; template: { metadata: { labels: unknown; annotations: unknown } } } };
    expect(obj.spec.encryptedData).toEqual(Object.fromEntries(tricky.encryptedData));
    expect(obj.spec.template.metadata.labels).toEqual({ feature: 'on', size: '1_000', flag: 'y' });
    expect(obj.spec.template.metadata.annotations).toEqual({ 'example.com/note': 'yes', 'example.com/bits': '0b11' });
  });

  it('keys in Go order: go-yaml\'s in YAML (digit runs as numbers, "9" before "10"), bytes in JSON ("10" before "9")', async () => {
    const yamlText = await renderSealedSecret(tricky, 'yaml');
    expect([...yamlText.matchAll(/^ {4}"?([^":]+)"?: AgB/gm)].map((m) => m[1])).toEqual(['9', '10', 'OFF', 'b', 'n', 'on', 'yes']);
    const jsonText = await renderSealedSecret(tricky, 'json');
    expect([...jsonText.matchAll(/^ {6}"([^"]+)": "AgB/gm)].map((m) => m[1])).toEqual(['10', '9', 'OFF', 'b', 'n', 'on', 'yes']);
  });

  it('byte for byte what the real kubectl prints for the same object (sigs.k8s.io/yaml, as kubeseal), on tricky keys and values', async () => {
    // kubectl's -o yaml goes through the same Go JSON -> sigs.k8s.io/yaml path as kubeseal's
    // output, so the JSON we write, printed by kubectl, must be the YAML we write.
    const odd = spec({
      scope: 'namespace-wide',
      encryptedData: new Map(['DB_HOST', 'DBA', 'server10', 'server2', 'key9', 'key10', '_x', 'A', 'a_b', 'aB', 'v01', 'v1', 'y', '1_000', 'x.y-z'].map((k) => [k, `AgB${k.length}`])),
      labels: [['app.kubernetes.io/name', 'web'], ['tier', 'n'], ['version', '1.10']],
      annotations: [
        ['example.com/colon', 'a: b'],
        ['example.com/quote', "'quoted'"],
        ['example.com/dq', 'say "hi"'],
        ['example.com/hash', 'x #y'],
        ['example.com/hash2', 'x#y'],
        ['example.com/at', '@team'],
        ['example.com/dash', '- x'],
        ['example.com/dash2', '-x'],
        ['example.com/star', '*x'],
        ['example.com/pct', '%x'],
        ['example.com/trail', 'x:'],
        ['example.com/lead', ' lead'],
        ['example.com/tab', 'a\tb'],
        ['example.com/amp', 'a&b<c>'],
        ['example.com/date', '2026-11-29'],
        ['example.com/time', '2026-11-29T10:00:00Z'],
        ['example.com/sexagesimal', '1:20'],
        ['example.com/octal', '0777'],
        ['example.com/float', '1e3'],
        ['example.com/hex', '0x1F'],
        ['example.com/empty', ''],
        ['example.com/tilde', '~'],
        ['example.com/unicode', 'café ☕'],
        ['example.com/doc', '--- x'],
        ['example.com/q', '? x'],
        ['example.com/bracket', '[x]'],
        ['example.com/comma', 'a, b'],
        ['example.com/long', `${'word '.repeat(40)}end`],
        ['example.com/long-quoted', `it's ${'word '.repeat(30)}: end`],
        ['example.com/long-double', `tab\t${'word '.repeat(25)}  two spaces ${'word '.repeat(10)}end`],
        ['example.com/long-nospace', 'x'.repeat(120)],
        ['example.com/control', 'bell\u0007 nul\u0000 esc\u001b bom\ufeff astral\u{1F600}'],
      ],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-oracle-'));
    try {
      const file = path.join(dir, 'sealed.json');
      writeFileSync(file, await renderSealedSecret(odd, 'json'));
      // Removing an annotation that is not there: kubectl prints the object back unchanged.
      const printed = execFileSync('kubectl', ['annotate', '--local', '-f', file, '-o', 'yaml', 'example.com/absent-'], { encoding: 'utf8' });
      expect(await renderSealedSecret(odd, 'yaml')).toBe(`---\n${printed}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('byte for byte what kubectl prints: line and paragraph separators, keys over 128 bytes, a leading U+FEFF, block literals', async () => {
    const longKey = `k${'-x.y_z'.repeat(30)}`; // 181 bytes: past go-yaml's 128-byte simple key
    const longAnno = `${'a'.repeat(120)}.example.com/${'n'.repeat(40)}`;
    const odd = spec({
      scope: 'namespace-wide',
      encryptedData: new Map([[longKey, 'AgBlong'], ['short', 'AgBshort'], [`k${'1'.repeat(127)}`, 'AgB128']]),
      labels: [[`${'p'.repeat(100)}.example.com/${'l'.repeat(40)}`, 'v']],
      annotations: [
        ['example.com/ls-doc', 'a\u2028--- b'],
        ['example.com/ps-end', 'a\u2029... b'],
        ['example.com/ls-only', 'x\u2028y'],
        ['example.com/ls-lead', '\u2028--- lead'],
        ['example.com/ls-long', `${'word '.repeat(18)}\u2029... ${'more '.repeat(10)}end`],
        ['example.com/bom', '\ufeffhello world'],
        ['example.com/bom-long', `\ufeff${'word '.repeat(20)}"q" \\ end`],
        ['example.com/bom-inner', 'a\ufeffb'],
        ['example.com/literal', 'line one\nline two\u2028--- three\n'],
        ['example.com/literal-keep', 'a\n\n'],
        ['example.com/literal-strip', '  lead\nb'],
        [longAnno, 'long key'],
      ],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-oracle-'));
    try {
      const file = path.join(dir, 'sealed.json');
      writeFileSync(file, await renderSealedSecret(odd, 'json'));
      const printed = execFileSync('kubectl', ['annotate', '--local', '-f', file, '-o', 'yaml', 'example.com/absent-'], { encoding: 'utf8' });
      expect(await renderSealedSecret(odd, 'yaml')).toBe(`---\n${printed}`);
      // And kubectl reads it back to the same strings (YAML that go-yaml parses).
      writeFileSync(path.join(dir, 'sealed.yaml'), await renderSealedSecret(odd, 'yaml'));
      const back = JSON.parse(execFileSync('kubectl', ['annotate', '--local', '-f', path.join(dir, 'sealed.yaml'), '-o', 'json', 'example.com/absent-'], { encoding: 'utf8' }));
      expect(back.spec.template.metadata.annotations).toEqual({ ...Object.fromEntries(odd.annotations), 'sealedsecrets.bitnami.com/namespace-wide': 'true' });
      expect(Object.keys(back.spec.encryptedData).sort()).toEqual([...odd.encryptedData.keys()].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merge-into keeps a kubeseal YAML file in go-yaml order, and an older byte-ordered file in byte order', async () => {
    const keysOf = (text: string): string[] => [...text.matchAll(/^ {4}"?([^":]+)"?: AgB/gm)].map((m) => m[1] as string);
    const goOrdered = await parseSealedSecretFile(await renderSealedSecret(spec({ encryptedData: new Map([['A', 'AgBa'], ['B', 'AgBb'], ['key9', 'AgB9'], ['key10', 'AgB10']]) }), 'yaml'));
    expect(keysOf(goOrdered.merge({ encryptedData: new Map([['key11', 'AgB11'], ['B0', 'AgBb0']]), labels: [], annotations: [] }))).toEqual(['A', 'B', 'B0', 'key9', 'key10', 'key11']);
    const byteOrdered = await parseSealedSecretFile('---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  encryptedData:\n    key10: AgB10\n    key9: AgB9\n');
    expect(keysOf(byteOrdered.merge({ encryptedData: new Map([['key1', 'AgB1']]), labels: [], annotations: [] }))).toEqual(['key1', 'key10', 'key9']);
  });

  it('merge-into keeps that: a JSON file keeps its key order, a YAML merge quotes what YAML 1.1 would misread', async () => {
    const json = await parseSealedSecretFile(await renderSealedSecret(spec({ encryptedData: new Map([['10', 'AgB10'], ['9', 'AgB9']]) }), 'json'));
    const merged = json.merge({ encryptedData: new Map([['b', 'AgBb']]), labels: [], annotations: [] });
    expect([...merged.matchAll(/^ {6}"([^"]+)": "AgB/gm)].map((m) => m[1])).toEqual(['10', '9', 'b']);
    const file = await parseSealedSecretFile(await renderSealedSecret(spec(), 'yaml'));
    const out = file.merge({ encryptedData: new Map([['on', 'AgBon']]), labels: [['feature', 'off']], annotations: [] });
    const obj = yaml11(out) as { spec: { encryptedData: Record<string, string>; template: { metadata: Record<string, unknown> } } };
    expect(obj.spec.encryptedData).toEqual({ alpha: 'AgBalpha==', on: 'AgBon', zeta: 'AgBzeta==' });
    expect(obj.spec.template.metadata.labels).toEqual({ feature: 'off' });
    // A new labels map goes where kubeseal puts it: template.metadata keys stay sorted.
    expect(Object.keys(obj.spec.template.metadata)).toEqual(['creationTimestamp', 'labels', 'name', 'namespace']);
  });
});

describe('merge-into', () => {
  const original = [
    '# managed by CI: do not edit by hand',
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  encryptedData:',
    '    alpha: AgBalpha==   # rotated 2026-01',
    '    gamma: "AgBgamma=="',
    '    omega: AgBomega==',
    '  template:',
    '    metadata:',
    '      name: web',
    '      namespace: shop',
    '      labels:',
    '        app: web',
    '    type: Opaque',
    '',
  ].join('\n');

  it('adds and replaces only the given keys; every other line stays as it was', async () => {
    const file = await parseSealedSecretFile(original);
    expect(file).toMatchObject({ format: 'yaml', name: 'web', namespace: 'shop', scope: 'strict', type: 'Opaque' });
    const out = file.merge({ encryptedData: new Map([['gamma', 'AgBNEWgamma'], ['beta', 'AgBNEWbeta']]), labels: [['tier', 'db']], annotations: [] });
    // Byte for byte: the new key's line, the replaced key's line, the new label's line; nothing else.
    expect(out).toBe(
      original
        .replace('    gamma: "AgBgamma=="\n', '    beta: AgBNEWbeta\n    gamma: AgBNEWgamma\n')
        .replace('        app: web\n', '        app: web\n        tier: db\n'),
    );
    const obj = parse(out);
    expect(Object.keys(obj.spec.encryptedData)).toEqual(['alpha', 'beta', 'gamma', 'omega']);
    expect(obj.spec.encryptedData).toEqual({ alpha: 'AgBalpha==', beta: 'AgBNEWbeta', gamma: 'AgBNEWgamma', omega: 'AgBomega==' });
    expect(obj.spec.template.metadata.labels).toEqual({ app: 'web', tier: 'db' });
  });

  it('keeps folded lines, comments and quoting of untouched keys as they were (a file kubeseal wrote, then edited by hand)', async () => {
    const written = await renderSealedSecret(
      spec({
        scope: 'namespace-wide',
        labels: [['app', 'web']],
        annotations: [['example.com/long', `${'word '.repeat(30)}end`], ['example.com/ls', 'a\u2028--- b'], ['example.com/on', 'on']],
      }),
      'yaml',
    );
    expect(written).toMatch(/example.com\/long: word .*\n {10}word/); // go-yaml folded it
    const edited = written.replace('    alpha: AgBalpha==\n', '    alpha: AgBalpha==    # keep   this spacing\n').replace('kind: SealedSecret\n', 'kind: SealedSecret   #  hand-written\n');
    const file = await parseSealedSecretFile(edited);
    const out = file.merge({ encryptedData: new Map([['beta', 'AgBbeta'], ['zz', 'AgBzz']]), labels: [['tier', 'db']], annotations: [['example.com/new', 'x y']] });
    const inserted = ['    beta: AgBbeta', '    zz: AgBzz', '        tier: db', '        example.com/new: x y'];
    expect(out.split('\n').filter((l) => !inserted.includes(l))).toEqual(edited.split('\n'));
    for (const line of inserted) expect(out.split('\n')).toContain(line);
    const obj = parse(out, { version: '1.1' });
    expect(Object.keys(obj.spec.encryptedData)).toEqual(['alpha', 'beta', 'zeta', 'zz']);
    expect(obj.spec.template.metadata.annotations['example.com/long']).toBe(`${'word '.repeat(30)}end`);
  });

  it('a layout it cannot edit line by line (a flow map) is rewritten whole, with the same result', async () => {
    const file = await parseSealedSecretFile('apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: web, namespace: shop}\nspec:\n  encryptedData: {alpha: AgBa, zeta: AgBz}\n');
    const obj = parse(file.merge({ encryptedData: new Map([['beta', 'AgBb'], ['alpha', 'AgBa2']]), labels: [], annotations: [] }));
    expect(obj.spec.encryptedData).toEqual({ alpha: 'AgBa2', beta: 'AgBb', zeta: 'AgBz' });
  });

  it('JSON files stay JSON', async () => {
    const json = await renderSealedSecret(spec(), 'json');
    const file = await parseSealedSecretFile(json);
    expect(file.format).toBe('json');
    const out = JSON.parse(file.merge({ encryptedData: new Map([['beta', 'AgBbeta']]), labels: [], annotations: [] }));
    expect(out.spec.encryptedData).toEqual({ alpha: 'AgBalpha==', beta: 'AgBbeta', zeta: 'AgBzeta==' });
  });

  it.each([
    ['another kind', 'apiVersion: v1\nkind: Secret\nmetadata: {name: web}\n', /is not a SealedSecret/],
    ['two documents', 'TWO_DOCS', /holds 2 YAML documents/],
    ['no document', '# nothing\n', /holds 0 YAML documents/],
    ['broken YAML', 'apiVersion: [\n', /not valid YAML|is not a SealedSecret/],
    ['the deprecated spec.data', 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: web, namespace: shop}\nspec:\n  data: AgB=\n', /deprecated spec.data/],
  ])('refuses %s', async (_name, given, message) => {
    const text = given === 'TWO_DOCS' ? `${await renderSealedSecret(spec(), 'yaml')}${await renderSealedSecret(spec(), 'yaml')}` : given;
    await expect(parseSealedSecretFile(text)).rejects.toThrow(SealedSecretFileError);
    await expect(parseSealedSecretFile(text)).rejects.toThrow(message);
  });
});

describe('kubeseal engine plan', () => {
  it('puts no value in argv: the Secret goes to stdin as JSON with base64 data', async () => {
    const plan = kubesealPlan({ name: 'web', namespace: 'shop', scope: 'namespace-wide', type: 'Opaque', labels: [['app', 'web']], annotations: [], secrets: [['password', 'CANARY=1']], format: 'yaml', certFile: '/tmp/c.pem' });
    expect(plan.argv).toEqual(['--format', 'yaml', '--cert', '/tmp/c.pem', '--scope', 'namespace-wide']);
    expect(plan.argv.join(' ')).not.toContain('CANARY');
    expect(JSON.parse(plan.stdin)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, type: 'Opaque', data: { password: Buffer.from('CANARY=1').toString('base64') } });
  });
});

describe('apply report', () => {
  const obj = (rv: string, data: Record<string, string>): string => JSON.stringify({ metadata: { resourceVersion: rv }, spec: { encryptedData: data } });
  it('created, updated (added / re-sealed / removed / kept), unchanged', async () => {
    expect(applyReport('', obj('1', { a: 'x' }))).toMatchObject({ action: 'created', added: ['a'] });
    expect(applyReport(obj('1', { a: 'x', b: 'y', c: 'z' }), obj('2', { a: 'x2', b: 'y', d: 'w' }))).toMatchObject({ action: 'updated', added: ['d'], resealed: ['a'], removed: ['c'], kept: ['b'] });
    expect(applyReport(obj('1', { a: 'x' }), obj('1', { a: 'x' }))).toMatchObject({ action: 'unchanged' });
    expect(applyDetail(applyReport(obj('1', { a: 'x', b: 'y', c: 'z' }), obj('2', { a: 'x2', b: 'y', d: 'w' })))).toBe('added d; re-sealed a; removed c; unchanged b');
  });
  it('argv: server-side apply from stdin with our field manager; get tolerates absence', async () => {
    expect(applyArgv('shop')).toEqual(['apply', '--server-side', '--field-manager=seal-secrets', '--namespace', 'shop', '-o', 'json', '-f', '-']);
    expect(getArgv('web', 'shop')).toEqual(['get', 'sealedsecrets.bitnami.com/web', '--namespace', 'shop', '-o', 'json', '--ignore-not-found']);
  });
});

describe('the SealedSecret CRD schema (helm/sealed-secrets/crds)', () => {
  it('accepts what both formats render, for every scope', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { Ajv } = await import('ajv');
    const crd = parse(readFileSync(fileURLToPath(new URL('../fixtures/seal/bitnami.com_sealedsecrets.yaml', import.meta.url)), 'utf8'));
    // OpenAPI v3 extensions (nullable, x-kubernetes-*) are not JSON Schema keywords: not strict.
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(crd.spec.versions[0].schema.openAPIV3Schema);
    for (const scope of ['strict', 'namespace-wide', 'cluster-wide'] as const) {
      for (const format of ['yaml', 'json'] as const) {
        const obj = parse(await renderSealedSecret(spec({ scope, labels: [['app', 'web']], annotations: [['a.io/b', 'c']] }), format));
        expect(validate(obj) ? [] : validate.errors).toEqual([]);
      }
    }
    expect(validate({ apiVersion: API_VERSION, kind: 'SealedSecret', spec: { encryptedData: { a: 1 } } })).toBe(false);
  });
});
