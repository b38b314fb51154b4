// scan: how long the gate takes on a 20,000-finding Trivy report, and the action's cold start.
//
// Method.
// 1. Evaluation: the action's own modules (actions/scan/src: report parser, gate, SARIF,
//    summary) are bundled with esbuild exactly as the action bundle is, into a small
//    driver. Each sample is a FRESH Node process (as on a runner: one evaluation per
//    process, no warm JIT) that reads the report from disk, parses it, runs the gate,
//    serialises the SARIF and renders the summary, and reports its own elapsed time
//    (process start-up excluded). Median of 7.
// 2. End to end: the bundled action run as the runner runs it (harness), with the fake
//    trivy replaying the same report. This includes the fake trivy re-writing 20,000
//    findings, so it is an upper bound, printed for context. Median of 5.
// 3. Cold start: `node actions/scan/dist/index.js` with no INPUT_* (it stops at the first
//    input error), median of 20, beside a bare `node -e ''`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReport } from '../test/fixtures/scan/generate-report.mjs';
import { runAction } from '../test/harness/run-action.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'scan-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const reportFile = path.join(work, 'report-20000.json');
writeFileSync(reportFile, JSON.stringify(generateReport(20000), null, 2));

const driver = path.join(work, 'driver.mjs');
await esbuild.build({
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: driver,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  stdin: {
    resolveDir: root,
    sourcefile: 'scan-bench-driver.ts',
    loader: 'ts',
    contents: `
      import { readFileSync } from 'node:fs';
      import { parseTrivyReport } from './src/lib/vuln/trivy-report.js';
      import { evaluate } from './src/lib/vuln/policy.js';
      import { buildSarif } from './actions/scan/src/sarif.js';
      import { buildScanSummary } from './actions/scan/src/summary.js';
      const t0 = performance.now();
      const text = readFileSync(process.argv[2], 'utf8');
      const report = parseTrivyReport(text, 'report.json');
      const t1 = performance.now();
      const ev = evaluate(report.findings, { failing: new Set(['CRITICAL', 'HIGH']), ignoreUnfixed: true, now: new Date() });
      const t2 = performance.now();
      const sarif = JSON.stringify(buildSarif(ev, { imageRef: 'ghcr.io/acme/big@sha256:0', imagePath: 'ghcr.io/acme/big', trivyVersion: '0.69.3' }));
      const t3 = performance.now();
      const summary = buildScanSummary({ imageRef: 'ghcr.io/acme/big@sha256:0', failingSeverities: ['CRITICAL', 'HIGH'], evaluation: ev, dbNotes: [] }).join('\\n\\n');
      const t4 = performance.now();
      console.log(JSON.stringify({ total: t4 - t0, parse: t1 - t0, gate: t2 - t1, sarif: t3 - t2, summary: t4 - t3, findings: report.findings.length, sarifBytes: sarif.length, summaryBytes: summary.length }));
    `,
  },
});

const samples = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(process.execPath, [driver, reportFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  samples.push(JSON.parse(r.stdout));
}
const pick = (k) => median(samples.map((s) => s[k]));
console.log(`scan: evaluate ${samples[0].findings} findings (read + parse + gate + SARIF + summary, fresh process, median of 7): ${ms(pick('total'))}  (target < 1000 ms)`);
console.log(`scan:   parse ${ms(pick('parse'))}, gate ${ms(pick('gate'))}, SARIF ${ms(pick('sarif'))} (${(samples[0].sarifBytes / 1e6).toFixed(1)} MB), summary ${ms(pick('summary'))}`);

const e2e = [];
for (let i = 0; i < 5; i++) {
  const r = await runAction('scan', { inputs: { 'image-ref': `ghcr.io/acme/big@sha256:${'a'.repeat(64)}` }, env: { FAKE_TRIVY_REPORT: reportFile } });
  if (r.outputs.passed === undefined) throw new Error(`the action did not run: ${r.stdout}\n${r.stderr}`);
  e2e.push(r.durationMs);
  rmSync(r.workDir, { recursive: true, force: true });
}
console.log(`scan: whole action on the 20,000-finding report with the fake trivy (median of 5, upper bound): ${ms(median(e2e))}`);

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
const time = (args) => {
  const xs = [];
  for (let i = 0; i < 20; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
};
time(['-e', '']); // warm the file cache
const bare = time(['-e', '']);
const cold = time([path.join(root, 'actions', 'scan', 'dist', 'index.js')]);
console.log(`scan: cold start to the first input error (median of 20): ${ms(cold)}`);
console.log(`scan: bare node -e '' (median of 20): ${ms(bare)}  (ratio ${(cold / bare).toFixed(2)}x)`);
rmSync(work, { recursive: true, force: true });
