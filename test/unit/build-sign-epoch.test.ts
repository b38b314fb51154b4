import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveEpoch } from '../../actions/build-sign/src/epoch.js';

describe('SOURCE_DATE_EPOCH for reproducible re-runs', () => {
  test('the variable wins; a value that is not whole seconds is an error, not ignored', async () => {
    expect(await resolveEpoch({ SOURCE_DATE_EPOCH: '1700000000' }, '/nonexistent')).toEqual({ value: '1700000000', source: 'SOURCE_DATE_EPOCH' });
    await expect(resolveEpoch({ SOURCE_DATE_EPOCH: '2026-01-02' }, '/nonexistent')).rejects.toThrow(/not a time in whole seconds/);
  });
  test('unset: the commit time of GITHUB_SHA, read from the checkout holding the context', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'epoch-'));
    const env = { ...process.env, GIT_AUTHOR_DATE: '@1767323045 +0000', GIT_COMMITTER_DATE: '@1767323045 +0000' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'c');
    const sha = git('rev-parse', 'HEAD').stdout.trim();
    mkdirSync(path.join(repo, 'app'));
    expect(await resolveEpoch({ GITHUB_SHA: sha }, path.join(repo, 'app'))).toEqual({ value: '1767323045', source: `the commit time of ${sha.slice(0, 12)}` });
    expect((await resolveEpoch({ GITHUB_SHA: 'f'.repeat(40) }, repo)).value).toBeUndefined();
    expect((await resolveEpoch({}, repo)).value).toBeUndefined();
  });
});
