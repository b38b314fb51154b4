import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { node24, repoRoot, runAction, systemNode } from '../harness/run-action.mjs';

const actions = readdirSync(path.join(repoRoot, 'actions')).filter((n) => existsSync(path.join(repoRoot, 'actions', n, 'action.yml')));

describe('committed bundles', () => {
  test('match what the source builds (rebuild and compare, new files included)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  // The bundle a run loads at start (entry and chunks of our code) stays under 1 MB. The
  // toolkit packages under lazy/ load only on the path that needs them (tool download,
  // cache, GitHub API); they are third-party code, bounded here and reported by the bench.
  test.each(actions)('%s: entry and chunks each under 1 MB, lazy toolkit files under 3 MB; action.yml runs it on node24', (name) => {
    const meta = parse(readFileSync(path.join(repoRoot, 'actions', name, 'action.yml'), 'utf8'));
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const dist = path.join(repoRoot, 'actions', name, 'dist');
    for (const f of readdirSync(dist, { recursive: true }) as string[]) {
      if (f.endsWith('.js')) expect([f, statSync(path.join(dist, f)).size < (f.startsWith('lazy/') ? 3_000_000 : 1_000_000)]).toEqual([f, true]);
    }
  });

  describe.each([
    ['Node 20 (this machine)', systemNode()],
    ['Node 24 (the runner)', node24],
  ])('run as the runner runs them on %s', (_label, node) => {
    test.each(actions)('%s starts, validates its inputs and fails cleanly on missing ones', async (name) => {
      // No inputs at all (defaults not applied): the first required input is missing.
      const r = await runAction(name, { node, inputs: {}, env: Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('INPUT_')).map((k) => [k, undefined])), workDir: mkdtempSync(path.join(tmpdir(), 'bundle-')) });
      expect(r.exitCode).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(new RegExp(`^${name} failed: input '[a-z-]+': `));
      expect(r.stderr).not.toMatch(/ReferenceError|require is not defined|ERR_/);
    });
  });
});

describe('lazy toolkit files', () => {
  test.each(actions)('%s: every #lazy/ import resolves and loads, from the entry and from chunks/', (name) => {
    const dist = path.join(repoRoot, 'actions', name, 'dist');
    const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    for (const f of files) expect(readFileSync(path.join(dist, f), 'utf8')).not.toMatch(/import\("\.\.?\/lazy\//);
    const lazy = new Set(files.flatMap((f) => [...readFileSync(path.join(dist, f), 'utf8').matchAll(/import\("(#lazy\/[a-z-]+)"\)/g)].map((m) => m[1] as string)));
    // A copy of dist/ with a probe in chunks/, where the dynamic imports live.
    const copy = mkdtempSync(path.join(tmpdir(), `lazy-${name}-`));
    cpSync(dist, copy, { recursive: true });
    mkdirSync(path.join(copy, 'chunks'), { recursive: true });
    writeFileSync(path.join(copy, 'chunks', 'probe.mjs'), `for (const m of ${JSON.stringify([...lazy])}) { const mod = await import(m); if (Object.keys(mod).length === 0) throw new Error(m + ' is empty'); }\nconsole.log('ok');\n`);
    const r = spawnSync(node24, [path.join(copy, 'chunks', 'probe.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});

describe('why esbuild and not ncc', () => {
  test('ncc puts all of @actions/http-client and undici into a bundle that only calls core.setFailed', () => {
    const dir = mkdtempSync(path.join(repoRoot, 'node_modules', '.ncc-probe-'));
    const entry = path.join(dir, 'probe.mjs');
    writeFileSync(entry, "import * as core from '@actions/core';\ncore.setFailed('probe');\n");
    const out = path.join(dir, 'out');
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'), 'build', entry, '-o', out, '-q'], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    const bundle = path.join(out, 'index.mjs');
    // The ncc bundle runs...
    expect(spawnSync(process.execPath, [bundle], { encoding: 'utf8' }).stdout).toContain('::error::probe');
    // ...but is over the 1 MB budget on its own, before any of our code.
    expect(statSync(bundle).size).toBeGreaterThan(1_000_000);
  });
});
