import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = fileURLToPath(new URL('../../actions/seal-secrets/', import.meta.url));
const meta = parse(readFileSync(`${dir}action.yml`, 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
};
const readme = readFileSync(`${dir}README.md`, 'utf8');
const cell = (s: string): string => s.replace(/\|/g, '\\|');

describe('seal-secrets README', () => {
  it('lists every input exactly as action.yml declares it', () => {
    const rows = Object.entries(meta.inputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} | ${spec.required ? '(required)' : spec.default === '' || spec.default === undefined ? '' : `\`${spec.default}\``} |`);
    expect(readme).toContain(['| Input | Description | Default |', '| --- | --- | --- |', ...rows].join('\n'));
  });
  it('lists every output exactly as action.yml declares it', () => {
    const rows = Object.entries(meta.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
    expect(readme).toContain(['| Output | Description |', '| --- | --- |', ...rows].join('\n'));
  });
});
