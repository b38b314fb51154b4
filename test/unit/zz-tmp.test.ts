import { test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { actionlint, githubParser } from './workflow-lint.js';
test('x', async () => {
  for (const f of process.env['FILES']!.split(' ')) {
    const t = readFileSync(f, 'utf8');
    console.log(f, JSON.stringify(await githubParser(t, f), null, 1), JSON.stringify(await actionlint(t, f), null, 1));
  }
});
