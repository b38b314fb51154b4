/**
 * The test log is quiet: what code under test writes to stdout through @actions/core
 * (`::debug::[command] ...` argv lines, info lines) is held per test and shown only for a test
 * that fails, or always with TEST_LOG=1 (test/harness/quiet-environment.mjs).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../harness/run-action.mjs';

function runSample(env: Record<string, string | undefined>): string {
  const r = spawnSync(process.execPath, ['--experimental-vm-modules', path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--testMatch', '<rootDir>/test/fixtures/quiet-log/sample.ts'], {
    cwd: repoRoot,
    env: { ...process.env, TEST_LOG: undefined, ...env },
    encoding: 'utf8',
  });
  expect(r.status).toBe(1); // the sample's failing test
  return `${r.stdout}\n${r.stderr}`;
}

describe('quiet test log', () => {
  test('a passing test shows none of its ::debug:: or info lines; a failing one shows its own, under its name', () => {
    const log = runSample({});
    expect(log).not.toContain('QUIET-DEBUG');
    expect(log).not.toContain('QUIET-INFO');
    expect(log).toContain('log written during the failed test "fails"');
    expect(log).toContain('::debug::[command] kubectl LOUD-DEBUG');
    expect(log).toContain('LOUD-INFO');
  });

  test('TEST_LOG=1 shows everything as it comes', () => {
    const log = runSample({ TEST_LOG: '1' });
    expect(log).toContain('::debug::[command] kubectl QUIET-DEBUG');
    expect(log).toContain('QUIET-INFO');
    expect(log).toContain('LOUD-DEBUG');
  });
});
