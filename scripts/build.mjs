// Bundles every action (actions/<name>/src/index.ts) into actions/<name>/dist/.
//
// esbuild rather than ncc: ncc bundles @actions/core with all of
// @actions/http-client and undici (1,040 kB for a bare `core.setFailed`,
// see test/unit/bundler.test.ts), which breaks the 1 MB bundle and the 1.5x
// cold-start targets. esbuild tree-shakes what a code path never calls.
//
// The heavy toolkit packages (tool-cache, cache, github: each pulls in undici)
// must be imported with `await import(...)`; each becomes its own
// self-contained file under dist/lazy/, loaded only by the run that needs it.
// (esbuild's code splitting cannot do this: it puts undici in a chunk shared
// with @actions/core that the entry then loads eagerly.)
//
// Usage: node scripts/build.mjs [--only NAME] [--check]
//   --check builds into actions/<name>/.dist-check (same depth, so source maps are
//   identical), compares with the committed dist/ and exits 1 on any difference.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;

// The @actions packages declare no `sideEffects`, so a bundler must keep every
// module they import (core -> http-client -> undici) even when unused. Their
// modules have no import-time side effects we rely on; marking them pure lets
// esbuild drop what a code path never calls.
const pureActionsPackages = {
  name: 'pure-actions-packages',
  setup(build) {
    build.onResolve({ filter: /^@actions\// }, async (args) => {
      if (args.pluginData === 'pure') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'pure',
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

// @actions/core imports node:crypto (about 7 ms at start-up on Node 24) only for
// randomUUID() in its file commands. Node's global Web Crypto has the same
// function and loads on first use, so a run that stops at an input error never
// pays for it.
const lazyCoreCrypto = {
  name: 'lazy-core-crypto',
  setup(build) {
    build.onLoad({ filter: /@actions[\\/]core[\\/]lib[\\/]file-command\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace("import * as crypto from 'crypto';", 'const crypto = { randomUUID: () => globalThis.crypto.randomUUID() };');
      if (patched === source) throw new Error(`${args.path}: the crypto import to make lazy was not found; check this plugin against the new @actions/core`);
      return { contents: patched, loader: 'js' };
    });
  },
};

function licenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!m) continue;
    const dir = path.join(root, input.slice(0, m.index), 'node_modules', m[1]);
    if (packages.has(dir)) continue;
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    packages.set(dir, `${pkg.name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${file ? readFileSync(path.join(dir, file), 'utf8').trim() : ''}\n`);
  }
  return [...packages.values()].sort().join('\n---\n\n');
}


function lazyPackages(used) {
  return {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter: /^@actions\/(tool-cache|cache|github)$/ }, (args) => {
        if (args.kind !== 'dynamic-import') {
          return { errors: [{ text: `${args.path} is heavy: import it with await import('${args.path}') on the code path that needs it` }] };
        }
        used.add(args.path);
        // A package "imports" alias (dist/package.json maps #lazy/* to ./lazy/*.js):
        // it resolves from the entry and from chunks/ alike.
        return { path: `#lazy/${args.path.split('/')[1]}`, external: true };
      });
    },
  };
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
};

function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

function compareTrees(committed, built) {
  const a = new Set(listFiles(committed));
  const b = new Set(listFiles(built));
  const problems = [];
  for (const f of b) if (!a.has(f)) problems.push(`${f} (missing from the commit)`);
  for (const f of a) if (!b.has(f)) problems.push(`${f} (no longer built)`);
  for (const f of b) if (a.has(f) && !readFileSync(path.join(committed, f)).equals(readFileSync(path.join(built, f)))) problems.push(`${f} (differs)`);
  return problems.sort();
}

const differences = [];
const actionsDir = path.join(root, 'actions');
const names = readdirSync(actionsDir).filter((n) => existsSync(path.join(actionsDir, n, 'src', 'index.ts')) && (!only || n === only)).sort();
for (const name of names) {
  const outdir = path.join(actionsDir, name, check ? '.dist-check' : 'dist');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const used = new Set();
  const result = await esbuild.build({
    ...common,
    entryPoints: { index: path.join('actions', name, 'src', 'index.ts') },
    outdir,
    // Our own modules loaded with await import() become chunks, so input
    // validation runs before the execution code (and its Node built-ins) loads.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [lazyPackages(used), pureActionsPackages, lazyCoreCrypto],
  });
  const inputs = { ...result.metafile.inputs };
  for (const pkg of [...used].sort()) {
    const lazy = await esbuild.build({
      ...common,
      stdin: { contents: `export * from '${pkg}';`, resolveDir: root, sourcefile: `lazy-${pkg.split('/')[1]}.js` },
      outfile: path.join(outdir, 'lazy', `${pkg.split('/')[1]}.js`),
      plugins: [pureActionsPackages, lazyCoreCrypto],
    });
    Object.assign(inputs, lazy.metafile.inputs);
  }
  writeFileSync(path.join(outdir, 'licenses.txt'), licenses({ inputs }));
  // The bundle is ESM; say so next to it so it runs wherever the folder is copied.
  writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'module', imports: { '#lazy/*': './lazy/*.js' } }, null, 2)}\n`);
  if (!check) {
    console.log(`built actions/${name} -> ${path.relative(root, outdir)}`);
    continue;
  }
  const committed = path.join(actionsDir, name, 'dist');
  const problems = compareTrees(committed, outdir);
  rmSync(outdir, { recursive: true, force: true });
  if (problems.length > 0) {
    differences.push(...problems.map((p) => `actions/${name}/dist/${p}`));
  } else {
    console.log(`actions/${name}/dist matches its source`);
  }
}
if (check && differences.length > 0) {
  console.error(`Committed bundles differ from what the source builds (run npm run build and commit):\n  ${differences.join('\n  ')}`);
  process.exit(1);
}
