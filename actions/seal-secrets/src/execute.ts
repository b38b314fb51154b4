import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { ExecError, execTool } from '../../../src/lib/exec.js';
import { fetchWithRetry } from '../../../src/lib/retry.js';
import { checkKubeconfig, kubectl, writeKubeconfig, type KubeTarget } from '../../../src/lib/kubectl.js';
import { writeSummary } from '../../../src/lib/summary.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { CertificateError, certProxyPath, expiresSoon, parseSealingCert, servicePortName, type SealingCert } from './certificate.js';
import { applyArgv, applyDetail, applyReport, getArgv } from './cluster.js';
import { encryptionLabel, sealValues } from './hybrid.js';
import type { Inputs } from './inputs.js';
import { KubesealError, kubesealPlan, kubesealStderr } from './kubeseal.js';
import { parseSealedSecretFile, renderSealedSecret, SealedSecretFileError, type ExistingSealedSecret } from './manifest.js';
import { sealSummary, type Outcome } from './summary.js';
import { writeFileAtomic, writeTarget } from './atomic-file.js';
import { withFileLock } from './file-lock.js';

const CERT_MAX_BYTES = 1024 * 1024;
const KUBESEAL_TIMEOUT_MS = 120000;

/** `cert` as a URL: https (or loopback http), bounded size, transient failures retried. */
async function fetchCertUrl(url: URL): Promise<string> {
  // A redirect is not followed (it could lead anywhere, even to plain http).
  const res = await fetchWithRetry(url, { redirect: 'manual', headers: { accept: 'application/x-pem-file, */*' } }, { attempts: 3, backoffMs: 500, timeoutMs: 30000, what: `cannot fetch the certificate from ${url.href}` });
  if (res.status >= 300 && res.status < 400) {
    throw new ConfigurationError('cert', `${url.href} answered HTTP ${res.status} (a redirect${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}); redirects are not followed. Expected the certificate's own URL`);
  }
  if (!res.ok) throw new ConfigurationError('cert', `cannot fetch ${url.href}: HTTP ${res.status} ${res.statusText}`);
  const body = await res.text();
  if (body.length > CERT_MAX_BYTES) throw new ConfigurationError('cert', `${url.href} answered ${body.length} bytes; a certificate is a few kB`);
  return body;
}

/** No `cert`: what kubeseal --fetch-cert does, the controller's /v1/cert.pem through the API server's service proxy. */
async function fetchCertFromController(inputs: Inputs, target: KubeTarget): Promise<string> {
  const ns = inputs.controllerNamespace;
  const svc = await kubectl(target, ['get', '--raw', `/api/v1/namespaces/${ns}/services/${inputs.controllerName}`], { allowFailure: true, timeoutMs: 60000 });
  if (svc.exitCode !== 0) {
    throw new Error(
      `cannot get the sealed-secrets controller service ${ns}/${inputs.controllerName}: ${svc.stderr.trim() || svc.stdout.trim()}. Set controller-name and controller-namespace to the controller's service, or give the certificate with the cert input`,
    );
  }
  const proxyPath = certProxyPath(ns, inputs.controllerName, servicePortName(svc.stdout));
  core.info(`Fetching the certificate: kubectl get --raw ${proxyPath}`);
  return (await kubectl(target, ['get', '--raw', proxyPath], { timeoutMs: 60000 })).stdout;
}

/** A path as the workflow author wrote it: relative to the workspace when inside it. */
function workspaceRelative(file: string): string {
  const relative = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function loadCert(inputs: Inputs, target: KubeTarget | undefined, outcome: Outcome): Promise<SealingCert> {
  if (inputs.parsedCert) {
    outcome.certOrigin = inputs.cert.kind === 'file' ? workspaceRelative(inputs.cert.path) : 'the cert input';
    return inputs.parsedCert;
  }
  let text: string;
  if (inputs.cert.kind === 'url') {
    outcome.certOrigin = inputs.cert.url.href;
    text = await fetchCertUrl(inputs.cert.url);
  } else {
    outcome.certOrigin = `controller ${inputs.controllerNamespace}/${inputs.controllerName}`;
    text = await fetchCertFromController(inputs, target as KubeTarget);
  }
  try {
    return parseSealingCert(text);
  } catch (err) {
    if (!(err instanceof CertificateError)) throw err;
    if (inputs.cert.kind === 'url') throw new ConfigurationError('cert', `${inputs.cert.url.href} ${err.message}`);
    throw new Error(`the certificate from the controller ${inputs.controllerNamespace}/${inputs.controllerName} ${err.message}`);
  }
}

async function sealWithKubeseal(inputs: Inputs, cert: SealingCert, work: string): Promise<{ data: Map<string, string>; output: string }> {
  const tool = await resolveTool('kubeseal');
  const certFile = path.join(work, 'cert.pem');
  writeFileSync(certFile, cert.pem, { mode: 0o600 });
  const plan = kubesealPlan({ ...inputs, certFile });
  const values = inputs.secrets.map(([, v]) => v);
  let result;
  try {
    result = await execTool(tool.path, plan.argv, { input: plan.stdin, timeoutMs: KUBESEAL_TIMEOUT_MS, allowFailure: true });
  } catch (err) {
    // A timeout: its error carries stderr as it came; show it filtered like any other failure.
    if (err instanceof ExecError) throw new KubesealError(`kubeseal did not finish within ${KUBESEAL_TIMEOUT_MS / 1000}s`, kubesealStderr(err.result.stderr, values));
    throw err;
  }
  if (result.exitCode !== 0) throw new KubesealError(`kubeseal exited with code ${result.exitCode}`, kubesealStderr(result.stderr, values));
  let sealed;
  try {
    sealed = await parseSealedSecretFile(result.stdout);
  } catch (err) {
    if (err instanceof SealedSecretFileError) throw new Error(`kubeseal's output ${err.message}`);
    throw err;
  }
  if (sealed.name !== inputs.name || sealed.namespace !== inputs.namespace || sealed.scope !== inputs.scope) {
    throw new Error(`kubeseal sealed ${sealed.namespace}/${sealed.name} (${sealed.scope}), not ${inputs.namespace}/${inputs.name} (${inputs.scope})`);
  }
  const want = inputs.secrets.map(([k]) => k).sort();
  const got = [...sealed.encryptedData.keys()].sort();
  if (want.join('\n') !== got.join('\n')) throw new Error(`kubeseal sealed the keys ${got.join(', ')}, not ${want.join(', ')}`);
  return { data: sealed.encryptedData, output: result.stdout };
}

/** The merge-into file changed after the inputs were read (another run wrote it): read again, still the same secret. */
async function reread(inputs: Inputs, text: string): Promise<ExistingSealedSecret> {
  core.info(`merge-into: ${inputs.mergeInto?.path} changed since the inputs were read (another run?); merging into its current content`);
  let existing: ExistingSealedSecret;
  try {
    existing = await parseSealedSecretFile(text);
  } catch (err) {
    if (err instanceof SealedSecretFileError) throw new Error(`merge-into: ${inputs.mergeInto?.path} changed while sealing and now ${err.message}; nothing written`);
    throw err;
  }
  if (existing.name !== inputs.name || existing.namespace !== inputs.namespace || existing.scope !== inputs.scope || existing.type !== inputs.type || existing.format !== inputs.format) {
    throw new Error(`merge-into: ${inputs.mergeInto?.path} changed while sealing and is now ${existing.namespace}/${existing.name} (${existing.scope}, ${existing.type}, ${existing.format}); nothing written`);
  }
  return existing;
}

/** Seals, writes and (with apply) applies, for inputs getInputs() has checked. */
export async function execute(inputs: Inputs): Promise<void> {
  const outcome: Outcome = { inputs, sealed: [], kept: [] };
  let kubeconfig: { path: string; remove(): void } | undefined;
  let work: string | undefined;
  let caught: unknown;
  try {
    outcome.engine = inputs.engine;
    const keys = inputs.secrets.map(([k]) => k);
    core.info(`Sealing ${keys.length} key(s) for ${inputs.namespace}/${inputs.name} (scope ${inputs.scope}, type ${inputs.type}, engine ${inputs.engine}): ${keys.join(', ')}`);
    if (inputs.formatFromMergeFile) core.info(`merge-into: the file is ${inputs.format}, so it stays ${inputs.format} (format input ignored)`);

    let target: KubeTarget | undefined;
    if (inputs.apply || inputs.cert.kind === 'cluster') {
      if (inputs.kubeconfig) kubeconfig = writeKubeconfig(inputs.kubeconfig);
      const tool = await resolveTool('kubectl');
      target = { kubectl: tool.path, kubeconfig: kubeconfig?.path, context: inputs.context };
      // Before anything is sealed or written: a cluster to talk to, and the context named.
      await checkKubeconfig(target);
    }
    const cert = await core.group('Sealing certificate', async () => {
      const c = await loadCert(inputs, target, outcome);
      core.info(`Certificate from ${outcome.certOrigin}: RSA-${c.keyBits}, subject ${c.subject}, valid ${c.notBefore.toISOString()} to ${c.notAfter.toISOString()}`);
      core.info(`SHA-256 fingerprint ${c.fingerprint}`);
      return c;
    });
    outcome.cert = cert;
    const days = expiresSoon(cert);
    if (days !== undefined) {
      outcome.certWarning = `The sealing certificate ${cert.fingerprint} expires in ${days} day(s), on ${cert.notAfter.toISOString()}. The controller renews its key every 30 days by default: fetch the current certificate.`;
      core.warning(outcome.certWarning);
    }

    let data: Map<string, string>;
    let kubesealOutput: string | undefined;
    if (inputs.engine === 'native') {
      data = sealValues(cert.publicKey, inputs.secrets, encryptionLabel(inputs.namespace, inputs.name, inputs.scope));
    } else {
      work = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'seal-secrets-'));
      const sealed = await core.group('Seal with kubeseal', () => sealWithKubeseal(inputs, cert, work as string));
      data = sealed.data;
      kubesealOutput = sealed.output;
    }

    let content: string;
    if (inputs.mergeInto) {
      const m = inputs.mergeInto;
      // Read, merge and write holding a lock: a second run on the same file merges into
      // what the first one wrote instead of overwriting its keys.
      content = await withFileLock(writeTarget(m.path), async () => {
        const now = readFileSync(m.path, 'utf8');
        const existing = now === m.text ? m.existing : await reread(inputs, now);
        const before = existing.encryptedData;
        const merged = existing.merge({ encryptedData: data, labels: inputs.labels, annotations: inputs.annotations });
        outcome.sealed = keys.map((key) => ({ key, state: before.has(key) ? 'replaced' : 'added' }));
        outcome.kept = [...before.keys()].filter((k) => !data.has(k));
        writeFileAtomic(inputs.outputFile, merged);
        return merged;
      });
    } else {
      content = kubesealOutput ?? await renderSealedSecret({ ...inputs, encryptedData: data }, inputs.format);
      outcome.sealed = keys.map((key) => ({ key, state: 'sealed' }));
      writeFileAtomic(inputs.outputFile, content);
    }
    outcome.file = workspaceRelative(inputs.outputFile);
    core.info(`Wrote ${inputs.outputFile}${inputs.mergeInto ? ` (${outcome.sealed.length} key(s) sealed, ${outcome.kept.length} kept as they were)` : ''}`);
    core.setOutput('file', inputs.outputFile);
    core.setOutput('keys', [...keys].sort().join('\n'));
    core.setOutput('manifest', content);

    if (inputs.apply && target) {
      const t = target;
      outcome.apply = await core.group(`Apply SealedSecret ${inputs.namespace}/${inputs.name} (server-side)`, async () => {
        const before = await kubectl(t, getArgv(inputs.name, inputs.namespace), { timeoutMs: 60000 });
        const after = await kubectl(t, applyArgv(inputs.namespace), { input: content, timeoutMs: 120000 });
        const report = applyReport(before.stdout, after.stdout);
        const detail = applyDetail(report);
        core.info(`sealedsecret.bitnami.com/${inputs.name} ${report.action}${detail ? `; ${detail}` : ''}`);
        return report;
      });
    }
  } catch (err) {
    caught = err;
    outcome.error = err instanceof KubesealError ? err.headline : err instanceof Error ? err.message : String(err);
    if (err instanceof KubesealError) outcome.toolOutput = err.lines;
    throw err;
  } finally {
    kubeconfig?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
    // An input mistake found here gets the one summary runAction writes for it.
    if (!(caught instanceof ConfigurationError)) await writeSummary(sealSummary(outcome));
  }
}
