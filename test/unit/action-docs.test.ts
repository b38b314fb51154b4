/**
 * Each action's README documents exactly what its action.yml declares: an
 * inputs table `| Input | Description | Default |` and an outputs table
 * `| Output | Description |`, names in backticks, the same names in the same
 * order, and the same defaults. A folder without action.yml yet is skipped;
 * once action.yml exists, the README must exist and match.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DocRow {
  name: string;
  description: string;
  default?: string;
  /** Set when the row has more or fewer cells than the header (an unescaped | in a description). */
  malformed?: string;
}

/** Cells of one Markdown table row; `\|` stays inside a cell. */
export function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The rows of the first table whose header cells are exactly `header`. */
export function tableRows(markdown: string, header: string[]): DocRow[] | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().startsWith('|') && JSON.stringify(cells(l)) === JSON.stringify(header));
  if (start < 0) return undefined;
  const rows: DocRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    const [name = '', description = '', def] = row;
    const m = /^`([^`]+)`$/.exec(name);
    rows.push({
      name: m?.[1] ?? `NOT IN BACKTICKS: ${name}`,
      description,
      ...(header.length > 2 ? { default: def ?? '' } : {}),
      ...(row.length !== header.length ? { malformed: `has ${row.length} cells, the header ${header.length} (write a | inside a cell as \\|)` } : {}),
    });
  }
  return rows;
}

const EMPTY_DEFAULT = new Set(['', '-', '—', '""', "''", '``', '` `', '(none)', '_none_']);

/** A Default cell as the value it documents: backticks dropped, "empty" spellings -> ''. */
export function documentedDefault(cell: string): string {
  const c = cell.trim();
  if (EMPTY_DEFAULT.has(c) || /^\**required\**$/i.test(c) || /^\(required\)$/i.test(c)) return '';
  const m = /^`([^`]*)`$/.exec(c);
  return m?.[1] ?? c;
}

interface ActionMeta {
  inputs: { name: string; default: string }[];
  outputs: string[];
}

function actionMeta(text: string): ActionMeta {
  const a = parse(text) as { inputs?: Record<string, { default?: unknown }>; outputs?: Record<string, unknown> };
  return {
    inputs: Object.entries(a.inputs ?? {}).map(([name, i]) => ({ name, default: i.default === undefined || i.default === null ? '' : String(i.default) })),
    outputs: Object.keys(a.outputs ?? {}),
  };
}

/** What is wrong with a README against its action.yml; empty when they agree. */
export function compareDocs(actionYml: string, readme: string): string[] {
  const meta = actionMeta(actionYml);
  const problems: string[] = [];
  const inputs = tableRows(readme, ['Input', 'Description', 'Default']);
  const outputs = tableRows(readme, ['Output', 'Description']);
  if (!inputs) problems.push('no inputs table (| Input | Description | Default |)');
  if (!outputs) problems.push('no outputs table (| Output | Description |)');
  if (inputs) {
    const documented = inputs.map((r) => r.name);
    const declared = meta.inputs.map((i) => i.name);
    if (JSON.stringify(documented) !== JSON.stringify(declared)) problems.push(`inputs: README lists [${documented.join(', ')}], action.yml declares [${declared.join(', ')}]`);
    for (const r of inputs) if (r.malformed) problems.push(`input ${r.name}: the row ${r.malformed}`);
    for (const i of meta.inputs) {
      const row = inputs.find((r) => r.name === i.name);
      if (row && !row.malformed && documentedDefault(row.default ?? '') !== i.default) problems.push(`input ${i.name}: README default "${row.default ?? ''}", action.yml default "${i.default}"`);
      if (row && row.description.trim() === '') problems.push(`input ${i.name}: no description in the README`);
    }
  }
  if (outputs) {
    const documented = outputs.map((r) => r.name);
    if (JSON.stringify(documented) !== JSON.stringify(meta.outputs)) problems.push(`outputs: README lists [${documented.join(', ')}], action.yml declares [${meta.outputs.join(', ')}]`);
    for (const r of outputs) if (r.malformed) problems.push(`output ${r.name}: the row ${r.malformed}`);
    for (const row of outputs) if (row.description.trim() === '') problems.push(`output ${row.name}: no description in the README`);
  }
  return problems;
}

const actions = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => d.name);

describe('action READMEs match action.yml', () => {
  test('there are actions', () => {
    expect(actions.length).toBeGreaterThan(0);
  });

  test.each(actions)('actions/%s/README.md', (name) => {
    const readmePath = path.join(root, 'actions', name, 'README.md');
    expect(existsSync(readmePath) ? 'exists' : `actions/${name}/README.md is missing (action.yml exists)`).toBe('exists');
    const problems = compareDocs(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'), readFileSync(readmePath, 'utf8'));
    expect(problems).toEqual([]);
  });
});

describe('the comparison catches each kind of drift', () => {
  const yml = [
    'name: x',
    'description: x',
    'inputs:',
    '  image:',
    '    description: the image',
    '    required: true',
    '  timeout:',
    '    description: how long',
    "    default: '5m'",
    '  allow-tag:',
    '    description: tags',
    "    default: 'false'",
    '  note:',
    '    description: free text',
    "    default: ''",
    'outputs:',
    '  result:',
    '    description: r',
    '  digest:',
    '    description: d',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
  ].join('\n');
  const readme = [
    '# x',
    '',
    '## Inputs',
    '',
    '| Input | Description | Default |',
    '| --- | --- | --- |',
    '| `image` | The image, `registry/path/name` | required |',
    '| `timeout` | How long \\| at most | `5m` |',
    '| `allow-tag` | Tags | `false` |',
    '| `note` | Free text | |',
    '',
    '## Outputs',
    '',
    '| Output | Description |',
    '| --- | --- |',
    '| `result` | deployed \\| unchanged |',
    '| `digest` | sha256:... |',
    '',
  ].join('\n');

  test('a matching README passes', () => {
    expect(compareDocs(yml, readme)).toEqual([]);
  });

  test.each([
    ['a missing input', readme.replace('| `allow-tag` | Tags | `false` |\n', ''), /^inputs: README lists/],
    ['an extra output', readme.replace('| `digest` | sha256:... |\n', '| `digest` | sha256:... |\n| `extra` | x |\n'), /^outputs: README lists/],
    ['inputs out of order', readme.replace('| `timeout` | How long \\| at most | `5m` |\n| `allow-tag` | Tags | `false` |', '| `allow-tag` | Tags | `false` |\n| `timeout` | How long \\| at most | `5m` |'), /^inputs: README lists/],
    ['a wrong default', readme.replace('`5m`', '`10m`'), /^input timeout: README default/],
    ['a default where action.yml has none', readme.replace('| `note` | Free text | |', '| `note` | Free text | `hello` |'), /^input note: README default/],
    ['a name not in backticks', readme.replace('| `note` |', '| note |'), /NOT IN BACKTICKS/],
    ['no inputs table', readme.replace('| Input | Description | Default |', '| Name | Description | Default |'), /^no inputs table/],
    ['no outputs table', readme.replace('| Output | Description |', '| Outputs | Description |'), /^no outputs table/],
    ['an unescaped pipe in a description', readme.replace('How long \\| at most', 'How long | at most'), /^input timeout: the row has 4 cells, the header 3/],
    ['an empty description', readme.replace('| `digest` | sha256:... |', '| `digest` |  |'), /^output digest: no description/],
  ])('%s', (_name, broken, message) => {
    expect(broken).not.toBe(readme);
    const problems = compareDocs(yml, broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  test('escaped pipes stay inside a cell', () => {
    expect(cells('| `a` | x \\| y | `1` |')).toEqual(['`a`', 'x | y', '`1`']);
  });
});
