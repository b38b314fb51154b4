import * as core from '@actions/core';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool, type ExecOptions, type ExecResult } from './exec.js';
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

/** Messages that mean "try again": server-side 5xx/429 and dropped connections. */
const TRANSIENT = [
  /\(InternalError\)/,
  /\(ServiceUnavailable\)/,
  /\(ServerTimeout\)/,
  /\(Timeout\)/,
  /\(TooManyRequests\)/,
  /etcdserver: (leader changed|request timed out|too many requests)/,
  /the server is currently unable to handle the request/,
  /the server was unable to return a response in the time allotted/,
  /an error on the server .* has prevented the request from succeeding/,
  /connection refused/,
  /connection reset by peer/,
  /i\/o timeout/,
  /TLS handshake timeout/,
  /http2: client connection lost/,
  /unexpected EOF/,
  /net\/http: request canceled/,
  /Internal Server Error/i,
  /Service Unavailable/i,
  /Bad Gateway/i,
  /Gateway Timeout/i,
];

export function isTransientKubectlError(stderr: string): boolean {
  return TRANSIENT.some((re) => re.test(stderr));
}


export interface KubectlOptions extends Omit<ExecOptions, 'allowFailure'> {
  /** Attempts for transient errors (default 4); 1 for writes that must not repeat blindly. */
  attempts?: number;
  backoffMs?: number;
  /** Return non-zero exits that are not transient instead of throwing. */
  allowFailure?: boolean;
}

export async function kubectl(target: KubeTarget, args: string[], options: KubectlOptions = {}): Promise<ExecResult> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const full = [...connectionArgs(target), ...args];
  let last: ExecResult | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await execTool(target.kubectl, full, { ...options, allowFailure: true });
    if (last.exitCode === 0) return last;
    if (!isTransientKubectlError(last.stderr) || attempt === attempts) break;
    const delay = backoff * 2 ** (attempt - 1);
    core.info(`kubectl ${args[0] ?? ''}: transient API error (${last.stderr.trim().split('\n').pop()}); retrying in ${delay} ms`);
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
