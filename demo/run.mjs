// npm run demo: the suite's whole pipeline on this machine, through the real action bundles.
//
//   local registry -> build-sign v1.0.0 and v1.1.0 (buildah) -> scan (trivy, when installed)
//   -> seal-secrets (a certificate made here) -> "production" runs v1.0.0
//   -> preflight (live) stops on a finding, its fix is applied, preflight passes -> deploy v1.1.0
//   -> deploy a broken image -> automatic rollback to v1.1.0
//
// The cluster is the simulated API server (test/fake-kube) driven by the real kubectl, always,
// unless asked for a real one with --use-kubeconfig (or DEMO_USE_KUBECONFIG=1): an exported
// KUBECONFIG alone is never acted on. Every action runs as the runner runs it
// (`node actions/<name>/dist/index.js`, INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), never with
// the test fakes on PATH. See demo/README.md for the options.
import { spawn, spawnSync } from 'node:child_process';
import { constants, createDecipheriv, createHash, createPrivateKey, privateDecrypt, randomBytes, randomUUID } from 'node:crypto';
import { accessSync, constants as fsConstants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments, stringify as toYaml } from 'yaml';
import { buildahEnv } from '../test/harness/context.mjs';
import { startCluster } from '../test/harness/kube.mjs';
import { startRegistry } from '../test/harness/registry.mjs';
import { fakesDir, node24, repoRoot, runAction } from '../test/harness/run-action.mjs';
import { renderMarkdown, styles } from './markdown.mjs';

const started = Date.now();

// Options. A real cluster only when asked: an exported KUBECONFIG is not consent to deploy to it.
const usage = 'usage: npm run demo [-- --use-kubeconfig]   (or DEMO_USE_KUBECONFIG=1; see demo/README.md)';
const args = process.argv.slice(2);
for (const a of args) {
  if (a !== '--use-kubeconfig') {
    process.stderr.write(`${a === '--help' || a === '-h' ? '' : `unknown argument ${JSON.stringify(a)}\n`}${usage}\n`);
    process.exit(a === '--help' || a === '-h' ? 0 : 2);
  }
}
const useKubeconfig = args.includes('--use-kubeconfig') || /^(1|true|yes)$/i.test(process.env.DEMO_USE_KUBECONFIG ?? '');
const exportedKubeconfig = process.env.KUBECONFIG;
// Without the flag no child of this run may see the exported KUBECONFIG either.
if (!useKubeconfig) delete process.env.KUBECONFIG;
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const st = styles(color);
const width = Math.min(process.stdout.columns || 120, 160);

// ---------------------------------------------------------------------------------------------
// Everything this run starts carries DEMO_RUN_ID in its environment and keeps its files under one
// temporary folder (TMPDIR points there for every child), so cleanup can find and end exactly
// the processes this run started, by PID, and remove every file with one rm.
const runId = process.env.DEMO_RUN_ID || randomUUID();
process.env.DEMO_RUN_ID = runId;
const tempRoot = mkdtempSync(path.join(tmpdir(), 'secure-delivery-demo-'));
process.env.TMPDIR = tempRoot;
process.env.KUBECACHEDIR = path.join(tempRoot, 'kube-cache');
const workspace = path.join(tempRoot, 'workspace');
mkdirSync(workspace);

/** Values that must never reach the terminal. */
const secrets = new Set();
let leaked = false;
function redact(text) {
  let out = text;
  for (const s of secrets) {
    if (s && out.includes(s)) {
      leaked = true;
      out = out.split(s).join('***');
    }
  }
  return out;
}
const say = (text = '') => process.stdout.write(`${redact(text)}\n`);
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

let stepNo = 0;
function header(title, note = '') {
  stepNo++;
  const head = `━━ ${stepNo}. ${title} `;
  const tail = note ? ` ${note}` : '';
  const fill = Math.max(3, Math.min(width, 100) - head.length - tail.length);
  say('');
  say(st.bold(head + '━'.repeat(fill)) + (tail ? st.dim(tail) : ''));
}
const kv = (pairs) => {
  const w = Math.max(...pairs.map(([k]) => k.length));
  for (const [k, v] of pairs) say(`   ${st.dim(k.padEnd(w))}  ${v}`);
};
const ok = (text) => say(`   ${st.green('✔')} ${text}`);
const skip = (text) => say(`   ${st.yellow('⊘')} ${text}`);
const bad = (text) => say(`   ${st.red('✘')} ${text}`);

class DemoError extends Error {}
const problems = [];
function fail(message) {
  problems.push(message);
  throw new DemoError(message);
}

// ---------------------------------------------------------------------------------------------
// Tools. PATH without the test fakes: the demo shows the real product or says what it skipped.
const cleanPath = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((d) => d && path.resolve(d) !== fakesDir && !path.resolve(d).startsWith(`${path.join(repoRoot, 'test')}${path.sep}`))
  .join(path.delimiter);

function onPath(name) {
  for (const dir of cleanPath.split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** A CLI run with an argument array (no shell); resolves with its output, never throws. */
function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: { ...process.env, PATH: cleanPath, ...(options.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: `${stderr}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

// ---------------------------------------------------------------------------------------------
// Cleanup: registry, simulator, processes of this run, images built, namespace made, temp files.
const live = { registry: undefined, cluster: undefined, builtRefs: new Set(), createdNamespace: undefined, kubeconfig: undefined, createdObjects: [] };

function ancestors() {
  const pids = new Set([process.pid]);
  let pid = process.pid;
  for (let i = 0; i < 64 && pid > 1; i++) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      pids.add(pid);
    } catch {
      break;
    }
  }
  return pids;
}

/** PIDs of live processes whose environment carries this run's DEMO_RUN_ID (not us or our parents). */
function processesOfRun(id) {
  const mine = ancestors();
  const marker = `DEMO_RUN_ID=${id}`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || mine.has(Number(entry))) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function endProcessesOfRun() {
  let pids = processesOfRun(runId);
  if (pids.length === 0) return [];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  for (let i = 0; i < 30 && pids.length > 0; i++) {
    await sleep(100);
    pids = pids.filter((pid) => processesOfRun(runId).includes(pid));
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return pids;
}

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    const notes = [];
    await live.registry?.stop().catch((e) => notes.push(`registry: ${e.message}`));
    await live.cluster?.stop().catch((e) => notes.push(`simulator: ${e.message}`));
    if (live.createdNamespace && live.kubeconfig) {
      const r = await run('kubectl', ['delete', 'namespace', live.createdNamespace, '--wait=false'], { env: { KUBECONFIG: live.kubeconfig } });
      notes.push(r.code === 0 ? `deleted namespace ${live.createdNamespace} (the demo created it)` : `could not delete namespace ${live.createdNamespace}: ${r.stderr.trim()}`);
    } else if (live.createdObjects.length > 0 && live.kubeconfig && !live.cluster) {
      // A real cluster's namespace the demo did not create: remove only what the demo created in it.
      for (const { namespace, name } of live.createdObjects) {
        const r = await run('kubectl', ['-n', namespace, 'delete', name, '--ignore-not-found'], { env: { KUBECONFIG: live.kubeconfig } });
        notes.push(r.code === 0 ? `deleted ${name} in ${namespace} (the demo created it)` : `could not delete ${name} in ${namespace}: ${r.stderr.trim()}`);
      }
    }
    // Images the builds left in buildah's local storage (by the tags they were given).
    let removed = 0;
    for (const ref of live.builtRefs) {
      const r = await run('buildah', ['rmi', ref], { env: buildahEnv });
      if (r.code === 0) removed++;
    }
    const stragglers = await endProcessesOfRun();
    if (stragglers.length > 0) notes.push(`ended ${stragglers.length} leftover process(es) of this run: ${stragglers.join(', ')}`);
    rmSync(tempRoot, { recursive: true, force: true });
    return { notes, removed };
  })();
  return cleaning;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    say(`\n${st.yellow(`${signal}: stopping and cleaning up…`)}`);
    cleanup()
      .then(({ notes }) => say(['cleaned up: processes of this run ended, images and temporary files removed', ...notes].join('\n')))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ---------------------------------------------------------------------------------------------
// Running an action and showing what a person would read.
const actionNode = existsSync(node24) ? node24 : process.execPath;

async function action(name, inputs, env = {}) {
  const workDir = mkdtempSync(path.join(tempRoot, `run-${name}-`));
  const r = await runAction(name, {
    inputs,
    fakes: false,
    node: actionNode,
    cwd: workspace,
    workDir,
    timeoutMs: 300000,
    env: {
      PATH: cleanPath,
      TMPDIR: tempRoot,
      DEMO_RUN_ID: runId,
      KUBECACHEDIR: process.env.KUBECACHEDIR,
      GITHUB_REPOSITORY: 'secure-delivery/suite',
      GITHUB_RUN_ID: 'demo',
      // The rest of what a runner sets for every job (build-sign's provenance reads it), made up.
      GITHUB_WORKFLOW_REF: 'secure-delivery/suite/.github/workflows/demo.yml@refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY_ID: '1',
      GITHUB_REPOSITORY_OWNER_ID: '1',
      RUNNER_ENVIRONMENT: 'self-hosted',
      ...env,
    },
  });
  if (interrupted) await new Promise(() => {});
  return r;
}

function showSummary(r) {
  const text = renderMarkdown(r.summary, { color, width, indent: '   ' });
  if (text.trim()) {
    say('');
    say(text);
    say('');
  }
}

/** On an unexpected failure: the errors and the last lines of the log, never the whole log. */
function showFailure(r) {
  for (const e of r.errors) bad(e.split('\n')[0]);
  const tail = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('::add-mask::') && !l.startsWith('::debug::') && !l.startsWith('::error'))
    .slice(-12);
  if (tail.length) {
    say(st.dim('   last lines of the log:'));
    for (const l of tail) say(st.dim(`     ${l.replace(/^::(endgroup|group)::/, '')}`));
  }
}

// ---------------------------------------------------------------------------------------------
function fakeCommit(label) {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  const base = head.status === 0 ? head.stdout.trim() : 'secure-delivery-demo';
  return createHash('sha1').update(`${base}:${label}`).digest('hex');
}

function sourceDateEpoch() {
  const r = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: repoRoot, encoding: 'utf8' });
  return r.status === 0 && /^\d+$/.test(r.stdout.trim()) ? r.stdout.trim() : '1700000000';
}

async function kubectl(args, input) {
  return run('kubectl', args, { env: { KUBECONFIG: live.kubeconfig }, input });
}

async function deploymentState(namespace) {
  const r = await kubectl(['-n', namespace, 'get', 'deployment', 'demo-app', '-o', 'json']);
  if (r.code !== 0) fail(`kubectl get deployment/demo-app: ${r.stderr.trim()}`);
  const d = JSON.parse(r.stdout);
  return {
    image: d.spec.template.spec.containers.find((c) => c.name === 'app')?.image,
    ready: d.status?.readyReplicas ?? 0,
    updated: d.status?.updatedReplicas ?? 0,
    replicas: d.spec.replicas,
    revision: d.metadata.annotations?.['deployment.kubernetes.io/revision'],
  };
}

/** Opens one value of a SealedSecret as the controller would (sealed-secrets' hybrid format). */
function unseal(privateKeyPem, ciphertextB64, label) {
  const data = Buffer.from(ciphertextB64, 'base64');
  const rsaLen = data.readUInt16BE(0);
  const sessionKey = privateDecrypt({ key: createPrivateKey(privateKeyPem), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(label) }, data.subarray(2, 2 + rsaLen));
  const rest = data.subarray(2 + rsaLen);
  const decipher = createDecipheriv('aes-256-gcm', sessionKey, Buffer.alloc(12));
  decipher.setAuthTag(rest.subarray(rest.length - 16));
  return Buffer.concat([decipher.update(rest.subarray(0, rest.length - 16)), decipher.final()]).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const realCluster = useKubeconfig;
  const namespace = realCluster ? process.env.DEMO_NAMESPACE || 'secure-delivery-demo' : 'demo';
  const externalRegistry = process.env.DEMO_REGISTRY?.replace(/\/+$/, '');
  say(st.bold('Secure delivery suite: the whole pipeline on this machine'));
  say(st.dim(`build-sign → scan → seal-secrets → preflight → deploy → broken deploy → rollback, each through its bundle (on Node ${actionNode === node24 ? '24, as the runner runs them' : process.versions.node})`));

  // 1. Tools
  header('Tools');
  const missing = ['buildah', 'kubectl', 'openssl', ...(externalRegistry ? [] : ['docker-registry'])].filter((t) => !onPath(t));
  if (missing.length) fail(`missing ${missing.join(', ')}: run bash scripts/setup.sh first`);
  kv([['builder', `buildah (daemonless; ${buildahEnv.STORAGE_DRIVER} storage, ${buildahEnv.BUILDAH_ISOLATION} isolation)`], ['kubectl', onPath('kubectl')]]);
  const cosign = onPath('cosign');
  const trivy = onPath('trivy');
  if (cosign) ok(`cosign found (${cosign}): images will be signed with a key pair made for this run`);
  else skip('skipped: cosign not installed (offline machine): images are pushed unsigned (sign: false)');
  if (trivy) ok(`trivy found (${trivy}): v1.1.0 will be scanned`);
  else skip('skipped: trivy not installed (offline machine): no vulnerability scan');

  // 2. Registry and cluster
  header('Registry and cluster');
  let imageRepo;
  const registryInputs = {};
  const where = [];
  if (externalRegistry) {
    imageRepo = `${externalRegistry}/demo/app`;
    if (process.env.DEMO_REGISTRY_USERNAME) {
      registryInputs['registry-username'] = process.env.DEMO_REGISTRY_USERNAME;
      registryInputs['registry-password'] = process.env.DEMO_REGISTRY_PASSWORD ?? '';
      secrets.add(process.env.DEMO_REGISTRY_PASSWORD);
    }
    where.push(['registry', `${externalRegistry} (DEMO_REGISTRY)`]);
  } else {
    live.registry = await startRegistry();
    imageRepo = `${live.registry.host}/demo/app`;
    where.push(['registry', `docker-registry on ${live.registry.url} (started for this run, storage in ${live.registry.dir})`]);
  }
  if (realCluster) {
    live.kubeconfig = process.env.KUBECONFIG || path.join(process.env.HOME ?? '', '.kube', 'config');
    if (!existsSync(live.kubeconfig.split(path.delimiter)[0])) fail(`--use-kubeconfig: no kubeconfig at ${live.kubeconfig} (set KUBECONFIG)`);
    const ctx = await kubectl(['config', 'current-context']);
    const reach = await kubectl(['version', '--request-timeout=10s', '-o', 'json']);
    if (reach.code !== 0) fail(`--use-kubeconfig: the cluster of context ${ctx.stdout.trim() || '?'} in ${live.kubeconfig} does not answer: ${reach.stderr.trim().split('\n').at(-1)}`);
    kv([...where, ['cluster', `KUBECONFIG ${live.kubeconfig} (context ${ctx.stdout.trim() || '?'}; --use-kubeconfig)`], ['namespace', namespace]]);
    if (!externalRegistry) say(st.yellow(`   note: the cluster's nodes must be able to pull from ${live.registry.host} (plain HTTP); else set DEMO_REGISTRY to a registry they can reach`));
  } else {
    live.cluster = await startCluster({ timeScale: 1 });
    live.kubeconfig = live.cluster.kubeconfig;
    kv([...where, ['cluster', `simulated API server on ${live.cluster.url}, driven by the real kubectl`], ['namespace', namespace]]);
    if (exportedKubeconfig) say(st.yellow(`   note: KUBECONFIG=${exportedKubeconfig} is set and left alone; npm run demo -- --use-kubeconfig deploys to that cluster instead`));
  }

  // Signing keys, when cosign is here.
  const signInputs = { sign: 'false' };
  let publicKey;
  if (cosign) {
    const keyDir = mkdtempSync(path.join(tempRoot, 'cosign-'));
    const password = randomBytes(18).toString('hex');
    secrets.add(password);
    const r = await run(cosign, ['generate-key-pair'], { cwd: keyDir, env: { COSIGN_PASSWORD: password } });
    if (r.code !== 0) fail(`cosign generate-key-pair failed: ${r.stderr.trim().split('\n').at(-1)}`);
    const key = readFileSync(path.join(keyDir, 'cosign.key'), 'utf8');
    secrets.add(key);
    publicKey = readFileSync(path.join(keyDir, 'cosign.pub'), 'utf8');
    Object.assign(signInputs, { sign: 'true', 'cosign-key': key, 'cosign-password': password });
  }

  // 3-4. Builds
  const base = process.env.DEMO_BASE || (realCluster ? 'docker.io/library/busybox:1.36.1@sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662' : 'scratch');
  const epoch = sourceDateEpoch();
  const builds = {};
  for (const version of ['v1.0.0', 'v1.1.0']) {
    header(`build-sign ${version}`, `buildah, examples/app, BASE=${base === 'scratch' ? 'scratch' : base.split('@')[0]}`);
    const commit = fakeCommit(version);
    for (const tag of [`sha-${commit.slice(0, 12)}`, version]) live.builtRefs.add(`${imageRepo}:${tag}`);
    const r = await action(
      'build-sign',
      { image: imageRepo, context: path.join(repoRoot, 'examples', 'app'), builder: 'buildah', 'build-args': `BASE=${base}\nAPP_VERSION=${version}`, ...registryInputs, ...signInputs },
      { ...buildahEnv, SOURCE_DATE_EPOCH: epoch, GITHUB_SHA: commit, GITHUB_REF: `refs/tags/${version}`, GITHUB_REF_NAME: version, GITHUB_REF_TYPE: 'tag' },
    );
    for (const t of (r.outputs.tags ?? '').split('\n').filter(Boolean)) live.builtRefs.add(t);
    kv([
      ['commit', `${commit} (made up for the demo)`],
      ['image-ref', r.outputs['image-ref'] ?? '—'],
      ['signed', r.outputs.signed ?? '—'],
    ]);
    showSummary(r);
    if (r.exitCode !== 0 || !r.outputs['image-ref']) {
      showFailure(r);
      fail(`build-sign ${version} failed (exit ${r.exitCode})`);
    }
    if (cosign && r.outputs.signed !== 'true') fail(`build-sign ${version} did not sign the image`);
    ok(`pushed and read back by digest in ${sec(r.durationMs)}`);
    builds[version] = r.outputs['image-ref'];
  }
  const v1 = builds['v1.0.0'];
  const v2 = builds['v1.1.0'];
  if (v1 === v2) fail('v1.0.0 and v1.1.0 have the same digest');

  // 5. Scan
  header('scan v1.1.0', 'trivy');
  if (trivy) {
    const r = await action('scan', { 'image-ref': v2, 'cache-db': 'false', ...registryInputs });
    kv([
      ['passed', r.outputs.passed ?? '—'],
      ['critical/high', `${r.outputs.critical ?? '—'}/${r.outputs.high ?? '—'}`],
    ]);
    showSummary(r);
    if (r.exitCode !== 0) {
      showFailure(r);
      fail(`scan failed (exit ${r.exitCode})`);
    }
    ok(`scanned in ${sec(r.durationMs)}`);
  } else {
    skip('skipped: trivy not installed (offline machine); in CI the action installs the pinned, SHA-256-checked release');
  }

  // 6. Seal
  header('seal-secrets', 'a sample secret, with a certificate made here');
  const certDir = mkdtempSync(path.join(tempRoot, 'sealing-key-'));
  const keyFile = path.join(certDir, 'key.pem');
  const certFile = path.join(workspace, 'sealing-cert.pem');
  const gen = await run('openssl', ['req', '-x509', '-newkey', 'rsa:4096', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '365', '-subj', '/CN=sealed-secret/']);
  if (gen.code !== 0) fail(`openssl could not make the sealing certificate: ${gen.stderr.trim().split('\n').at(-1)}`);
  const dbPassword = randomBytes(24).toString('base64url');
  secrets.add(dbPassword);
  const seal = await action('seal-secrets', {
    name: 'demo-app-secrets',
    namespace,
    secrets: `DB_PASSWORD=${dbPassword}\nDB_USER=demo`,
    cert: 'sealing-cert.pem',
    'output-file': 'demo-app-secrets.sealedsecret.yaml',
  });
  kv([
    ['file', seal.outputs.file ?? '—'],
    ['keys', (seal.outputs.keys ?? '—').split('\n').join(', ')],
  ]);
  showSummary(seal);
  if (seal.exitCode !== 0) {
    showFailure(seal);
    fail(`seal-secrets failed (exit ${seal.exitCode})`);
  }
  const shown = seal.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const text of [shown, seal.stderr, seal.summary, JSON.stringify(seal.outputs), readFileSync(seal.outputs.file ?? certFile, 'utf8')]) {
    if (text.includes(dbPassword)) fail('the secret value appeared in the action output or its file');
  }
  const sealed = parseYaml(readFileSync(seal.outputs.file, 'utf8'));
  const opened = unseal(readFileSync(keyFile, 'utf8'), sealed.spec.encryptedData.DB_PASSWORD, `${namespace}/demo-app-secrets`);
  if (opened !== dbPassword) fail('the sealed DB_PASSWORD does not open to the value given');
  ok('opened DB_PASSWORD with the private key as the controller would: it matches (value never printed)');

  // 7. What production runs before the demo's deploys
  header('Production runs v1.0.0', `kubectl apply, ${namespace}/demo-app, 3 replicas`);
  if (realCluster) {
    const exists = await kubectl(['get', 'namespace', namespace, '-o', 'name']);
    if (exists.code !== 0 && !process.env.DEMO_KEEP_NAMESPACE) live.createdNamespace = namespace;
  }
  const docs = parseAllDocuments(readFileSync(path.join(repoRoot, 'examples', 'app', 'k8s', 'deployment.yaml'), 'utf8')).map((d) => d.toJSON());
  for (const doc of docs) {
    if (doc.kind === 'Namespace') doc.metadata.name = namespace;
    if (doc.kind === 'Deployment') {
      doc.metadata.namespace = namespace;
      doc.spec.replicas = 3;
      doc.spec.template.spec.containers.find((c) => c.name === 'app').image = v1;
    }
  }
  const manifest = path.join(tempRoot, 'demo-app.yaml');
  writeFileSync(manifest, docs.map((d) => toYaml(d)).join('---\n'));
  const apply = await kubectl(['apply', '-f', manifest]);
  if (apply.code !== 0) fail(`kubectl apply: ${apply.stderr.trim()}`);
  for (const l of apply.stdout.trim().split('\n')) say(`   ${st.dim(l)}`);
  const status = await kubectl(['-n', namespace, 'rollout', 'status', 'deployment/demo-app', '--timeout=180s']);
  if (status.code !== 0) fail(`demo-app on v1.0.0 did not become ready: ${status.stderr.trim() || status.stdout.trim()}`);
  const before = await deploymentState(namespace);
  ok(`deployment/demo-app: ${before.ready}/${before.replicas} ready on v1.0.0 (revision ${before.revision})`);

  // 8. preflight, live, as the pipeline runs it before deploy: a finding, its fix, and the check passing
  header('preflight', `live: ${namespace}/demo-app with v1.1.0, as the pipeline runs it before deploy`);
  const preflightInputs = { namespace, deployments: 'demo-app', 'image-ref': v2, 'fail-on': 'error' };
  const first = await action('preflight', preflightInputs, { KUBECONFIG: live.kubeconfig });
  const firstReport = first.outputs['report-file'] && existsSync(first.outputs['report-file']) ? JSON.parse(readFileSync(first.outputs['report-file'], 'utf8')) : undefined;
  const errorsFound = (firstReport?.objects ?? []).flatMap((o) => o.findings.filter((f) => f.status === 'fail' && f.severity === 'error'));
  if (first.exitCode === 0 || errorsFound.length === 0) {
    showFailure(first);
    fail(`preflight on the demo app: exit ${first.exitCode}, ${errorsFound.length} error(s) (expected it to stop the deploy on the missing PodDisruptionBudget and NetworkPolicy)`);
  }
  kv([
    ['exit code', `${first.exitCode} (fail-on: error stops the pipeline before deploy)`],
    ['findings', `${first.outputs.errors} error(s), ${first.outputs.warnings} warning(s)`],
  ]);
  for (const f of errorsFound) bad(`${st.bold(f.check)}  ${f.message}`);
  const pdbFinding = errorsFound.find((f) => f.check === 'pdb') ?? errorsFound[0];
  say('');
  say(`   ${st.dim(`the fix preflight gives for ${pdbFinding.check}:`)}`);
  for (const l of (pdbFinding.fix ?? '(none given)').split('\n')) say(`     ${st.cyan(l)}`);
  const fixes = errorsFound.filter((f) => f.fix && /^apiVersion:/m.test(f.fix));
  const applyFix = await kubectl(['apply', '-f', '-'], fixes.map((f) => f.fix).join('\n---\n'));
  if (applyFix.code !== 0) fail(`kubectl apply of preflight's fixes: ${applyFix.stderr.trim()}`);
  say('');
  for (const l of applyFix.stdout.trim().split('\n')) {
    say(`   ${st.dim(`kubectl apply: ${l}`)}`);
    // Only what this apply created is the demo's to delete (an object it merely changed is not).
    const created = /^(\S+) created$/.exec(l.trim());
    if (created) live.createdObjects.push({ namespace, name: created[1] });
  }
  const second = await action('preflight', preflightInputs, { KUBECONFIG: live.kubeconfig });
  if (second.exitCode !== 0 || second.outputs.errors !== '0') {
    showFailure(second);
    fail(`preflight after applying its fixes: exit ${second.exitCode}, ${second.outputs.errors ?? '?'} error(s) (expected 0)`);
  }
  ok(`after the fixes: 0 errors, ${second.outputs.warnings} warning(s) left to the team (the summary lists each with its fix); the deploy may go on`);
  // A check whose error is fixed may still warn of the next step (network-policy: a default-deny).
  const secondReport = JSON.parse(readFileSync(second.outputs['report-file'], 'utf8'));
  const fixedChecks = new Set(errorsFound.map((f) => f.check));
  for (const f of secondReport.objects.flatMap((o) => o.findings)) {
    if (fixedChecks.has(f.check) && f.status === 'fail') skip(`${st.bold(f.check)} now only warns: ${f.message}`);
  }

  const deployInputs = { namespace, deployment: 'demo-app', timeout: '3m' };
  if (publicKey) Object.assign(deployInputs, { 'verify-signature': 'true', 'cosign-public-key': publicKey });
  const deployEnv = { KUBECONFIG: live.kubeconfig, GITHUB_SHA: fakeCommit('v1.1.0') };

  // 9. Deploy v1.1.0
  header('deploy v1.1.0');
  const good = await action('deploy', { ...deployInputs, 'image-ref': v2, ...registryInputs }, deployEnv);
  kv([
    ['result', good.outputs.result ?? '—'],
    ['revision', `${good.outputs['previous-revision'] ?? '—'} → ${good.outputs.revision ?? '—'}`],
  ]);
  showSummary(good);
  if (good.exitCode !== 0 || good.outputs.result !== 'deployed') {
    showFailure(good);
    fail(`deploy of v1.1.0: exit ${good.exitCode}, result ${good.outputs.result ?? 'none'} (expected deployed)`);
  }
  const afterGood = await deploymentState(namespace);
  if (afterGood.image !== v2 || afterGood.ready !== afterGood.replicas) fail(`after deploying v1.1.0 the deployment runs ${afterGood.image} with ${afterGood.ready}/${afterGood.replicas} ready`);
  ok(`deployed in ${sec(good.durationMs)}: ${afterGood.ready}/${afterGood.replicas} ready on v1.1.0`);

  // 10. Deploy a broken image
  const broken = `${imageRepo}@sha256:${createHash('sha256').update(`broken image of ${imageRepo}`).digest('hex')}`;
  header('deploy a broken image', 'a digest the registry does not have');
  say(`   ${st.dim('image-ref')}  ${broken}`);
  if (!realCluster) await live.cluster.behave({ [broken]: { behavior: 'ImagePullBackOff' } });
  const brokenInputs = { ...deployInputs, 'image-ref': broken, 'verify-signature': 'false' };
  delete brokenInputs['cosign-public-key'];
  const r = await action('deploy', brokenInputs, deployEnv);
  kv([
    ['exit code', `${r.exitCode} (a failed rollout fails the step)`],
    ['result', r.outputs.result ?? '—'],
    ['revision', `${r.outputs['previous-revision'] ?? '—'} → ${r.outputs.revision ?? '—'}`],
  ]);
  showSummary(r);
  if (r.exitCode === 0 || r.outputs.result !== 'rolled-back') {
    showFailure(r);
    fail(`deploy of the broken image: exit ${r.exitCode}, result ${r.outputs.result ?? 'none'} (expected a non-zero exit and rolled-back)`);
  }
  const afterRollback = await deploymentState(namespace);
  if (afterRollback.image !== v2) fail(`after the rollback the deployment runs ${afterRollback.image}, not v1.1.0 (${v2})`);
  if (afterRollback.ready !== afterRollback.replicas) fail(`after the rollback only ${afterRollback.ready}/${afterRollback.replicas} replicas are ready`);
  ok(`expected: the broken rollout failed fast and was rolled back in ${sec(r.durationMs)}`);
  ok(`deployment/demo-app is back on v1.1.0 (revision ${afterRollback.revision}), ${afterRollback.ready}/${afterRollback.replicas} ready`);

  if (leaked) fail('a secret value reached the output (it was replaced by ***)');
}

// ---------------------------------------------------------------------------------------------
let code = 0;
try {
  await main();
} catch (err) {
  code = 1;
  if (!(err instanceof DemoError)) problems.push(err instanceof Error ? (err.stack ?? err.message) : String(err));
} finally {
  if (!interrupted) {
    header('Cleanup');
    const { notes, removed } = await cleanup();
    const what = [live.registry && 'registry stopped', live.cluster && 'simulator stopped', `${removed} image tag(s) removed from buildah storage`, 'temporary files removed'].filter(Boolean);
    ok(what.join(', '));
    for (const n of notes) say(`   ${n}`);
  }
}
if (interrupted) await new Promise(() => {});
say('');
if (code === 0) {
  say(st.green(st.bold(`✔ Demo complete in ${sec(Date.now() - started)}: built and pushed by digest, sealed, fixed what preflight found, deployed v1.1.0, and a broken deploy rolled back to it automatically.`)));
} else {
  say(st.red(st.bold(`✘ Demo failed after ${sec(Date.now() - started)}:`)));
  for (const p of problems) say(st.red(`  - ${p}`));
}
process.exit(code);
