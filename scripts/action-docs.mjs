// Rewrites the Inputs and Outputs tables of each actions/<name>/README.md from its
// action.yml, so the two never drift (test/unit/action-docs.test.ts checks them).
// Usage: node scripts/action-docs.mjs [name ...]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function tables(meta) {
  const inputs = ['| Input | Description | Default |', '| --- | --- | --- |'];
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    inputs.push(`| \`${name}\` | ${cell(spec.description)}${spec.required ? ' (required)' : ''} | ${def} |`);
  }
  const outputs = ['| Output | Description |', '| --- | --- |'];
  for (const [name, spec] of Object.entries(meta.outputs ?? {})) outputs.push(`| \`${name}\` | ${cell(spec.description)} |`);
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') };
}

/** Replaces the first table after `heading` (or appends the section). */
function replaceTable(markdown, heading, table) {
  const lines = markdown.split('\n');
  const h = lines.findIndex((l) => l.trim() === heading);
  if (h < 0) return `${markdown.trimEnd()}\n\n${heading}\n\n${table}\n`;
  let start = h + 1;
  while (start < lines.length && !lines[start].startsWith('|') && !lines[start].startsWith('#')) start++;
  if (start >= lines.length || lines[start].startsWith('#')) {
    lines.splice(h + 1, 0, '', table);
    return lines.join('\n');
  }
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  lines.splice(start, end - start, table);
  return lines.join('\n');
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(path.join(root, 'actions')).filter((n) => existsSync(path.join(root, 'actions', n, 'action.yml')));
for (const name of names) {
  const meta = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'));
  const file = path.join(root, 'actions', name, 'README.md');
  const t = tables(meta);
  let md = existsSync(file) ? readFileSync(file, 'utf8') : `# ${name}\n\n${meta.description}\n`;
  md = replaceTable(md, '## Inputs', t.inputs);
  md = replaceTable(md, '## Outputs', t.outputs);
  writeFileSync(file, md.endsWith('\n') ? md : `${md}\n`);
  console.log(`actions/${name}/README.md: tables written from action.yml`);
}
