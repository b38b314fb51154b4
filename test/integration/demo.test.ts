/**
 * `npm run demo` end to end, as a person runs it on this machine (with a KUBECONFIG exported, which
 * the demo must leave alone unless given --use-kubeconfig): a real
 * registry, real buildah builds, seal-secrets, the simulated API server with the real kubectl,
 * a deploy, a broken deploy and its rollback. Then nothing it started may be left: no process
 * (found by the run marker every child inherits and by the temp folder in its command line),
 * no temp file, no image in buildah's storage.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildahEnv } from '../harness/context.mjs';
import { fakesDir, repoRoot } from '../harness/run-action.mjs';

/** Processes whose environment carries the marker or whose command line names the folder. */
function processesOf(marker: string, folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ');
      if (environ.includes(marker) || cmdline.includes(folder)) found.push(`${pid}: ${cmdline.trim()}`);
    } catch {
      /* gone meanwhile, or not readable */
    }
  }
  return found;
}

function installed(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (!dir || path.resolve(dir) === fakesDir) return false;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A kubeconfig whose cluster does not answer (a closed loopback port): acting on it fails. */
function unreachableKubeconfig(folder: string): string {
  const file = path.join(folder, 'exported-kubeconfig.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: prod, cluster: {server: "https://127.0.0.1:1"}}]',
      'users: [{name: prod, user: {token: not-a-real-token}}]',
      'contexts: [{name: prod, context: {cluster: prod, user: prod}}]',
      'current-context: prod',
      '',
    ].join('\n'),
  );
  return file;
}

async function runDemo(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'demo', 'run.mjs'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

function buildahImages(): string[] {
  const r = spawnSync('buildah', ['images', '--format', '{{.Name}}:{{.Tag}}'], { env: { ...process.env, ...buildahEnv }, encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

describe('npm run demo', () => {
  test('runs to the end on the simulated cluster, shows the rollback, exits 0 and leaves nothing behind', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'demo-test-'));
    const runId = randomUUID();
    const kubeconfigDir = mkdtempSync(path.join(tmpdir(), 'demo-kubeconfig-'));
    const exported = unreachableKubeconfig(kubeconfigDir);
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: folder, DEMO_RUN_ID: runId, NO_COLOR: '1', KUBECONFIG: exported };
    for (const name of ['DEMO_USE_KUBECONFIG', 'DEMO_REGISTRY', 'DEMO_NAMESPACE', 'DEMO_BASE']) delete env[name];
    try {
      const { code, stdout, stderr } = await runDemo([], env, 100000);
      expect({ code, stderr, log: code === 0 ? '' : stdout }).toEqual({ code: 0, stderr: '', log: '' });

      // An exported KUBECONFIG is left alone without --use-kubeconfig.
      expect(stdout).toContain(`note: KUBECONFIG=${exported} is set and left alone; npm run demo -- --use-kubeconfig deploys to that cluster instead`);

      // What a person reads.
      expect(stdout).toMatch(installed('cosign') ? /cosign found/ : /skipped: cosign not installed \(offline machine\)/);
      expect(stdout).toMatch(installed('trivy') ? /trivy found/ : /skipped: trivy not installed \(offline machine\)/);
      expect(stdout).toMatch(/simulated API server on http:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toMatch(/build-sign v1\.0\.0[\s\S]*image-ref {2}127\.0\.0\.1:\d+\/demo\/app@sha256:[a-f0-9]{64}/);
      expect(stdout).toMatch(/✅ Sealed 2 keys into demo\/demo-app-secrets/);
      // preflight, live, stops on a finding; its fix is applied and the check passes.
      expect(stdout).toMatch(/8\. preflight[\s\S]*exit code {2}1 \(fail-on: error[\s\S]*✘ pdb {2}no PodDisruptionBudget of namespace demo selects the pods/);
      expect(stdout).toMatch(/the fix preflight gives for pdb:\n +apiVersion: policy\/v1\n +kind: PodDisruptionBudget/);
      expect(stdout).toContain('kubectl apply: poddisruptionbudget.policy/demo-app created');
      expect(stdout).toMatch(/✔ after the fixes: 0 errors, \d+ warning\(s\)/);
      expect(stdout.indexOf('after the fixes: 0 errors')).toBeLessThan(stdout.indexOf('deploy v1.1.0'));
      expect(stdout).toMatch(/result {4}deployed/);
      expect(stdout).toMatch(/result {5}rolled-back/);
      expect(stdout).toMatch(/↩️ Rolled back — deployment\/demo-app in demo/);
      // The simulated kubelet shows ErrImagePull for 300 ms before ImagePullBackOff; a loaded
      // machine may poll inside that window, and deploy fails fast on either (DESIGN.md).
      expect(stdout).toMatch(/ImagePullBackOff|ErrImagePull/);
      expect(stdout).toMatch(/deployment\/demo-app is back on v1\.1\.0 \(revision \d+\), 3\/3 ready/);
      expect(stdout).toMatch(/✔ Demo complete/);
      expect(stdout).not.toContain('***');
      expect(stdout).not.toMatch(/^::/m);
      // Short: the summaries, not the actions' logs.
      expect(stdout.split('\n').length).toBeLessThan(220);

      // Nothing left: processes, files, images.
      const host = /docker-registry on http:\/\/(127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(host).toBeDefined();
      expect(processesOf(`DEMO_RUN_ID=${runId}`, folder)).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
      expect(buildahImages().filter((ref) => ref.startsWith(`${host}/`))).toEqual([]);
      expect(await fetch(`http://${host}/v2/`).then(() => 'answering', () => 'stopped')).toBe('stopped');
    } finally {
      // A failed run must not leave its processes to the next test: end them by PID.
      for (const line of processesOf(`DEMO_RUN_ID=${runId}`, folder)) {
        try {
          process.kill(Number(line.split(':')[0]), 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      rmSync(folder, { recursive: true, force: true });
      rmSync(kubeconfigDir, { recursive: true, force: true });
    }
  }, 120000);

  test('--use-kubeconfig acts on the exported KUBECONFIG: a cluster that does not answer stops the demo before any build', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'demo-test-'));
    const exported = unreachableKubeconfig(folder);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', KUBECONFIG: exported };
    for (const name of ['DEMO_USE_KUBECONFIG', 'DEMO_REGISTRY', 'DEMO_NAMESPACE', 'DEMO_BASE', 'DEMO_RUN_ID', 'TMPDIR']) delete env[name];
    try {
      const r = await runDemo(['--use-kubeconfig'], env, 60000);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/--use-kubeconfig: the cluster of context prod in .*exported-kubeconfig\.yaml does not answer: .*127\.0\.0\.1:1/);
      expect(r.stdout).not.toMatch(/build-sign v1\.0\.0|simulated API server/);

      const unknown = await runDemo(['--kubeconfig'], env, 30000);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown argument "--kubeconfig"');
      expect(unknown.stderr).toContain('--use-kubeconfig');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90000);
});
