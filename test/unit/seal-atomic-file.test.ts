import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../actions/seal-secrets/src/atomic-file.js';

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its mode, leaving no temp file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-atomic-'));
    const file = path.join(dir, 'web.sealedsecret.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['web.sealedsecret.yaml']);
  });

  it('a failed rename leaves what was there untouched and cleans up', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-atomic-'));
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'keep');
    expect(() => writeFileAtomic(target, 'new\n')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(path.join(target, 'inside'), 'utf8')).toBe('keep');
  });
});
