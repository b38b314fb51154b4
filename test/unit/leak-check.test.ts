import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findLeaks } from '../harness/leak-check.mjs';

const CANARY = 'pw-CANARY-7f3a9c';
const clean = (dir: string) => ({ stdout: '', stderr: '', outputs: {}, summary: '', exported: {}, workDir: dir, cwd: dir });

describe('the leak check finds a canary however it was written', () => {
  test.each(['ci', 'ci-bot', 'a', 'robot-account'])('inside the base64 of %s:<canary> (a Docker auth field), at any alignment', (user) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leak-'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from(`${user}:${CANARY}`).toString('base64') } } }));
    expect(findLeaks(clean(dir), [CANARY])).toEqual([expect.stringContaining('an encoding of the canary')]);
  });

  test('plain, in stdout; URL-encoded, in the summary; and nothing when it is not there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leak-'));
    expect(findLeaks({ ...clean(dir), stdout: `token=${CANARY}` }, [CANARY])).toEqual(['stdout contains the canary']);
    expect(findLeaks({ ...clean(dir), summary: encodeURIComponent('a b&c') }, ['a b&c-secret-x'])).toEqual([]);
    expect(findLeaks({ ...clean(dir), summary: `x${encodeURIComponent('p@ss word!')}` }, ['p@ss word!'])).toEqual(['summary contains an encoding of the canary']);
    expect(findLeaks(clean(dir), [CANARY])).toEqual([]);
  });
});
