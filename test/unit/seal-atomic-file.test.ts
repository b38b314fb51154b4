import { describe, expect, it } from '@jest/globals';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('writes through a symlink (a chain of them): the link stays a link, its target gets the content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-atomic-'));
    mkdirSync(path.join(dir, 'secrets'));
    const real = path.join(dir, 'secrets', 'web.yaml');
    writeFileSync(real, 'old\n');
    symlinkSync('secrets/web.yaml', path.join(dir, 'mid.yaml'));
    symlinkSync('mid.yaml', path.join(dir, 'web.yaml'));
    writeFileAtomic(path.join(dir, 'web.yaml'), 'new\n');
    expect(lstatSync(path.join(dir, 'web.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'web.yaml'))).toBe('mid.yaml');
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readdirSync(path.join(dir, 'secrets'))).toEqual(['web.yaml']);
    // A link to a file not made yet: the file is made where the link points.
    symlinkSync('secrets/later.yaml', path.join(dir, 'later.yaml'));
    writeFileAtomic(path.join(dir, 'later.yaml'), 'first\n');
    expect(lstatSync(path.join(dir, 'later.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'secrets', 'later.yaml'), 'utf8')).toBe('first\n');
  });
});
