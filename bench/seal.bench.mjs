// seal-secrets figures: the time to seal 1,000 values natively, and the cold start.
//
// Method
// - seal, in process: actions/seal-secrets/src/hybrid.ts bundled with esbuild into
//   .bench-out/, then sealValues() over 1,000 values of 32 bytes with an RSA-4096
//   certificate made by openssl (the controller's default key size); median of 5.
//   This is the native engine's work alone (RSA-OAEP + AES-GCM per value).
// - seal, whole action: the bundled action run as the runner runs it (test harness)
//   with 1,000 KEY=VALUE secrets and the certificate as a file; wall time of the
//   process, median of 3. It includes Node's start, masking 1,000 values, writing
//   the file and the summary.
// - cold start: median of 20 runs of `node actions/seal-secrets/dist/index.js` with
//   no inputs (it stops at the first input error), beside 20 of `node -e ''`.
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { X509Certificate } from 'node:crypto';
import { runAction } from '../test/harness/run-action.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'actions', 'seal-secrets', 'dist', 'index.js');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const N = 1000;

const work = mkdtempSync(path.join(tmpdir(), 'seal-bench-'));
try {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:4096', '-nodes', '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem'), '-days', '30', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
  const values = Array.from({ length: N }, (_, i) => [`key-${i}`, `value-${i}-${'x'.repeat(24)}`]);

  // 1. The native engine alone.
  const outDir = path.join(root, '.bench-out');
  mkdirSync(outDir, { recursive: true });
  const hybridOut = path.join(outDir, 'seal-hybrid.mjs');
  await esbuild.build({ entryPoints: [path.join(root, 'actions', 'seal-secrets', 'src', 'hybrid.ts')], bundle: true, platform: 'node', format: 'esm', outfile: hybridOut, logLevel: 'warning' });
  const { sealValues, encryptionLabel } = await import(pathToFileURL(hybridOut).href);
  const publicKey = new X509Certificate(readFileSync(path.join(work, 'cert.pem'))).publicKey;
  const label = encryptionLabel('shop', 'web', 'strict');
  sealValues(publicKey, values.slice(0, 20), label); // warm-up
  const pure = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    sealValues(publicKey, values, label);
    pure.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`seal ${N} values natively (RSA-4096, in process, median of 5): ${ms(median(pure))}  (${(median(pure) / N).toFixed(3)} ms per value; target < 1000 ms)`);

  // 2. The whole bundled action.
  const secrets = values.map(([k, v]) => `${k}=${v}`).join('\n');
  const whole = [];
  for (let i = 0; i < 3; i++) {
    const ws = mkdtempSync(path.join(work, 'ws-'));
    const t = process.hrtime.bigint();
    const r = await runAction('seal-secrets', { cwd: ws, inputs: { name: 'web', namespace: 'shop', secrets, cert: path.join(work, 'cert.pem') } });
    whole.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.exitCode !== 0) throw new Error(`the action failed: ${r.errors.join('; ')}`);
  }
  console.log(`seal ${N} values with the bundled action (node dist/index.js, whole run, median of 3): ${ms(median(whole))}`);

  // 3. Cold start.
  const time = (args, env) => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  time([dist], env);
  time(['-e', ''], env);
  const bare = [];
  const action = [];
  for (let i = 0; i < 20; i++) {
    bare.push(time(['-e', ''], env));
    action.push(time([dist], env));
  }
  const first = spawnSync(process.execPath, [dist], { env, encoding: 'utf8' }).stdout.trim().split('\n').pop();
  console.log(`cold start, node dist/index.js to the first input error (median of 20): ${ms(median(action))}  [${first}]`);
  console.log(`cold start, node -e '' (median of 20): ${ms(median(bare))}  (ratio ${(median(action) / median(bare)).toFixed(2)}x)`);
  console.log(`bundle: dist/index.js ${(statSync(dist).size / 1024).toFixed(0)} kB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
