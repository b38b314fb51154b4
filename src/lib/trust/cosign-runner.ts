import * as core from '@actions/core';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execTool } from '../exec.js';
import { sleep } from '../retry.js';
import type { TrustPolicy } from './policy.js';
import { verifyTrustPolicy, type CosignResult, type RunCosign, type TrustVerdict } from './verify.js';

/**
 * The real cosign behind verifyTrustPolicy, for deploy's verify phase: a PEM
 * key goes to a private file (cosign takes a path), registry credentials only
 * through `env` (DOCKER_CONFIG), and a transient registry fault is retried.
 */
const TRANSIENT = [/\b(500|502|503|504|429)\b[^\n]*(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Too Many Requests)/i, /TOOMANYREQUESTS/, /connection reset by peer/, /i\/o timeout/, /TLS handshake timeout/, /unexpected EOF/, /connection refused/];

export function isTransientCosignError(stderr: string): boolean {
  return TRANSIENT.some((re) => re.test(stderr));
}

export interface CosignRunnerOptions {
  /** Path of the cosign executable (resolveTool('cosign')). */
  cosign: string;
  /** A private folder the caller removes (the key file goes there). */
  workDir: string;
  /** DOCKER_CONFIG and the like; never a secret in argv. */
  env?: Record<string, string | undefined>;
  now?: Date;
  attempts?: number;
  backoffMs?: number;
  /** Per cosign call (default 5 minutes). */
  timeoutMs?: number;
}

export function cosignRunner(o: CosignRunnerOptions): RunCosign {
  const attempts = o.attempts ?? 3;
  return async (argv) => {
    let last: CosignResult = { exitCode: 1, stdout: '', stderr: '' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      last = await execTool(o.cosign, argv, { env: o.env ?? {}, allowFailure: true, timeoutMs: o.timeoutMs ?? 5 * 60 * 1000 });
      if (last.exitCode === 0 || !isTransientCosignError(last.stderr) || attempt === attempts) return last;
      const delay = (o.backoffMs ?? 2000) * 2 ** (attempt - 1);
      core.info(`cosign ${argv[0] ?? ''}: transient registry error (${last.stderr.trim().split('\n').pop() ?? ''}); retrying in ${delay} ms`);
      await sleep(delay);
    }
    return last;
  };
}

/** verifyTrustPolicy with the real cosign; the key file (if any) is removed before returning. */
export async function verifyWithCosign(policy: TrustPolicy, imageAtDigest: string, o: CosignRunnerOptions): Promise<TrustVerdict> {
  let publicKeyFile: string | undefined;
  if (policy.signer?.kind === 'key' && policy.signer.publicKey.includes('-----BEGIN')) {
    publicKeyFile = path.join(o.workDir, 'attestation-signer.pub');
    writeFileSync(publicKeyFile, policy.signer.publicKey, { mode: 0o600 });
  }
  try {
    return await verifyTrustPolicy(policy, imageAtDigest, cosignRunner(o), { now: o.now, publicKeyFile });
  } finally {
    if (publicKeyFile) rmSync(publicKeyFile, { force: true });
  }
}
