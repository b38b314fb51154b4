import * as core from '@actions/core';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from './errors.js';
import { ExecError, execTool, type ExecOptions, type ExecResult } from './exec.js';
import { sleep } from './retry.js';

/**
 * kubectl through the one exec wrapper: connection flags in one place, a
 * kubeconfig given as content written to a private 0600 file and removed after,
 * and transient API errors retried however kubectl words them.
 */
export interface KubeTarget {
  kubectl: string;
  /** Path of the kubeconfig to use (else kubectl's own KUBECONFIG / ~/.kube/config). */
  kubeconfig?: string;
  context?: string;
}

export function connectionArgs(target: KubeTarget): string[] {
  const args: string[] = [];
  if (target.kubeconfig) args.push('--kubeconfig', target.kubeconfig);
  if (target.context) args.push('--context', target.context);
  return args;
}

/**
 * Messages that mean "try again": server-side 5xx/429 and dropped connections.
 * kubectl does not always add "Error from server (Reason):": `set image` prints
 * `error: failed to patch image update to pod template: <the Status message>`,
 * so the API server's own wordings are matched too:
 * - 429 from the max-in-flight / priority-and-fairness filters: "Too many
 *   requests, please try again later."; client-go's generic 429: "the server has
 *   received too many requests and has asked us to try again later";
 * - 504 from the timeout filter: "Timeout: request did not complete within
 *   <duration>", and "request did not complete within requested timeout"
 *   (webhooks, finisher); "Internal error occurred: ..." is the 500 InternalError.
 */
const TRANSIENT = [
  /\(InternalError\)/,
  /\(ServiceUnavailable\)/,
  /\(ServerTimeout\)/,
  /\(Timeout\)/,
  /\(TooManyRequests\)/,
  /too many requests/i,
  /request did not complete within/i,
  /Internal error occurred/i,
  /etcdserver: (leader changed|request timed out|too many requests)/,
  /the server is currently unable to handle the request/,
  /the server was unable to return a response in the time allotted/,
  /an error on the server .* has prevented the request from succeeding/,
  /http2: server sent GOAWAY/,
  /Client\.Timeout exceeded while awaiting headers/,
  /connection refused/,
  /The connection to the server \S+ was refused/,
  /connection reset by peer/,
  /i\/o timeout/,
  /TLS handshake timeout/,
  /http2: client connection lost/,
  /unexpected EOF/,
  /net\/http: request canceled/,
  // A connection closed before the answer arrived: Go's io.EOF, printed bare at the end of the
  // message ("Patch \"https://…\": EOF"). The write may or may not have landed: read before deciding.
  /: EOF\s*$/m,
  /use of closed network connection/,
  /broken pipe/,
  /http2: stream closed/,
  /context deadline exceeded/,
  // kubectl killed by our own per-call timeout: no answer came in time.
  /no answer from the API server within/,
  /Internal Server Error/i,
  /Service Unavailable/i,
  /Bad Gateway/i,
  /Gateway Timeout/i,
];

export function isTransientKubectlError(stderr: string): boolean {
  return TRANSIENT.some((re) => re.test(stderr));
}

export interface KubectlOptions extends Omit<ExecOptions, 'allowFailure'> {
  /**
   * kubectl's own --request-timeout: a stalled request ends as a transient error
   * instead of hanging; the process is also killed a little after it.
   */
  requestTimeoutMs?: number;
  /** Attempts for transient errors (default 4); 1 for writes that must not repeat blindly. */
  attempts?: number;
  backoffMs?: number;
  /** Return non-zero exits that are not transient instead of throwing. */
  allowFailure?: boolean;
}

/** One kubectl run; killed by our timeout it is an unanswered request (transient), not a crash. */
async function runOnce(file: string, args: string[], options: ExecOptions): Promise<ExecResult> {
  try {
    return await execTool(file, args, { ...options, allowFailure: true });
  } catch (err) {
    if (err instanceof ExecError && /timed out after/.test(err.message)) {
      return { exitCode: 124, stdout: err.result.stdout, stderr: `${err.result.stderr.trimEnd()}\nkubectl: no answer from the API server within ${Math.round((options.timeoutMs ?? 0) / 1000)}s (killed)`.trimStart() };
    }
    throw err;
  }
}

export async function kubectl(target: KubeTarget, args: string[], options: KubectlOptions = {}): Promise<ExecResult> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const request = options.requestTimeoutMs === undefined ? [] : [`--request-timeout=${Math.max(1, Math.ceil(options.requestTimeoutMs / 1000))}s`];
  const full = [...connectionArgs(target), ...request, ...args];
  const killAfter = options.timeoutMs ?? (options.requestTimeoutMs === undefined ? undefined : options.requestTimeoutMs + 5000);
  let last: ExecResult | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await runOnce(target.kubectl, full, { ...options, timeoutMs: killAfter });
    if (last.exitCode === 0) return last;
    if (!isTransientKubectlError(last.stderr) || attempt === attempts) break;
    const delay = backoff * 2 ** (attempt - 1);
    core.info(`kubectl ${(args[0] === '--namespace' ? args[2] : args[0]) ?? ''}: transient API error (${last.stderr.trim().split('\n').pop()}); retrying in ${delay} ms`);
    await sleep(delay);
  }
  const result = last as ExecResult;
  if (options.allowFailure) return result;
  throw new Error(`kubectl ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
}

/** Writes kubeconfig content to a private 0600 file; call remove() when done. */
export function writeKubeconfig(content: string): { path: string; remove(): void } {
  const dir = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'kubeconfig-'));
  const file = path.join(dir, 'config');
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { path: file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

interface KubeconfigView {
  clusters?: Array<{ name: string }> | null;
  contexts?: Array<{ name: string }> | null;
  'current-context'?: string;
}

/**
 * Checks, before any request, that kubectl has a cluster to talk to and that
 * `context` names one of its contexts: `kubectl config view` reads the
 * kubeconfig locally (no request is sent). Mistakes are ConfigurationErrors
 * naming the input; the content of a kubeconfig is never echoed (kubectl's
 * YAML errors can quote it), only the line number kubectl reports.
 * In a pod (KUBERNETES_SERVICE_HOST and a mounted service-account token) kubectl's
 * in-cluster configuration is used when no kubeconfig is found.
 */
export async function checkKubeconfig(target: KubeTarget, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const where = target.kubeconfig ? 'the kubeconfig input' : env.KUBECONFIG ? `the kubeconfig KUBECONFIG points to (${env.KUBECONFIG})` : 'the kubeconfig ~/.kube/config';
  const args = ['config', 'view', '--output', 'json'];
  if (target.kubeconfig) args.unshift('--kubeconfig', target.kubeconfig);
  const r = await execTool(target.kubectl, args, { allowFailure: true, timeoutMs: 60000 });
  if (r.exitCode !== 0) {
    const line = /\bline (\d+)/.exec(r.stderr)?.[1];
    throw new ConfigurationError(
      'kubeconfig',
      `${where} is not a kubeconfig kubectl can load (${line ? `YAML error at line ${line}` : 'not YAML of the kubeconfig form'}; the content is not shown). Expected a kubeconfig file's content: apiVersion: v1, kind: Config, clusters, users, contexts and current-context`,
    );
  }
  let view: KubeconfigView;
  try {
    view = JSON.parse(r.stdout) as KubeconfigView;
  } catch {
    throw new Error(`kubectl config view printed something that is not JSON (${r.stdout.length} bytes)`);
  }
  const contexts = (view.contexts ?? []).map((c) => c.name);
  const clusters = view.clusters ?? [];
  if (contexts.length === 0 && clusters.length === 0) {
    // In a pod: kubectl's in-cluster configuration, when the pod has a service account token.
    if (!target.context && env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && existsSync(SERVICE_ACCOUNT_TOKEN)) return;
    if (target.kubeconfig) throw new ConfigurationError('kubeconfig', 'the content given has no clusters and no contexts. Expected a kubeconfig file\'s content: apiVersion: v1, kind: Config, clusters, users, contexts and current-context');
    throw new ConfigurationError(
      'kubeconfig',
      `no kubeconfig to use: the input is empty, ${env.KUBECONFIG ? `KUBECONFIG (${env.KUBECONFIG}) names no file with a cluster in it` : 'KUBECONFIG is not set'} and ~/.kube/config has none either. Give the kubeconfig input (its content, e.g. from a secret) or set KUBECONFIG to a kubeconfig file`,
    );
  }
  if (target.context) {
    if (!contexts.includes(target.context)) {
      throw new ConfigurationError('context', `'${target.context}' is not a context of ${where}. Expected one of: ${contexts.slice(0, 10).join(', ') || 'none (it defines no contexts)'}`);
    }
    return;
  }
  const current = view['current-context'] ?? '';
  if (current === '') throw new ConfigurationError('context', `${where} sets no current-context. Expected the context to use, one of: ${contexts.slice(0, 10).join(', ') || 'none'}`);
  if (!contexts.includes(current)) throw new ConfigurationError('kubeconfig', `the current-context of ${where} names a context it does not define. Expected a context, or set the context input to one of: ${contexts.slice(0, 10).join(', ') || 'none'}`);
}
