import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { execTool } from '../../../src/lib/exec.js';
import { formatReference, isLoopbackRegistry, registryOf, registryPath, type ImageReference } from '../../../src/lib/image-ref.js';
import type { AuthConfig } from '../../../src/lib/registry-auth.js';
import { RegistryClient } from '../../../src/lib/registry.js';
import { resolveTool } from '../../../src/lib/tools.js';
import { signerFlags } from '../../../src/lib/trust/cosign-attestation.js';
import { verifyWithCosign } from '../../../src/lib/trust/cosign-runner.js';
import type { AttestationKind } from '../../../src/lib/trust/policy.js';
import { shortenDigests } from '../../../src/lib/trust/summary.js';
import type { AttestationRow } from '../../../src/lib/trust/verify.js';
import type { Cancellation } from './cancellation.js';
import type { Inputs, Verification } from './inputs.js';
import { DeployFailure, type CheckRow } from './run-state.js';

/**
 * The verify phase: everything checked about the image before any cluster read or write.
 * Each check has a budget of its own (the rollout's `timeout` starts later, at the cluster) and
 * adds a row to the summary; a failed check refuses the deploy with nothing changed.
 * A new check (attestations, say) is one more `Check` in `checksFor`.
 */

/** How long one check may take (a cosign verify that hangs on a registry, say). */
export const CHECK_BUDGET_MS = 5 * 60 * 1000;

export interface VerifyContext {
  inputs: Inputs;
  image: ImageReference;
  /** repo@sha256:... */
  imageRef: string;
  auth?: AuthConfig;
  work: string;
}

export interface Check {
  name: string;
  /** Resolves with the detail of a pass; throws with why it failed. */
  run(ctx: VerifyContext, budgetMs: number): Promise<string>;
}

/** `cosign verify` argv for image@digest: keyless identity and issuer, or a public key file. */
export function verifyArgv(imageAtDigest: string, registry: string, verification: Verification, publicKeyFile?: string): string[] {
  const argv = ['verify', ...signerFlags(verification, publicKeyFile)];
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(imageAtDigest);
  return argv;
}

/** How many signatures cosign verified (its stdout is a JSON array of simple-signing payloads). */
export function countVerified(stdout: string, digest: string): number {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('['));
  if (!line) return 0;
  const payloads = JSON.parse(line) as Array<{ critical?: { image?: { 'docker-manifest-digest'?: string } } }>;
  return payloads.filter((p) => p.critical?.image?.['docker-manifest-digest'] === digest).length;
}

export const signatureCheck: Check = {
  name: 'Signature',
  async run({ inputs, image, imageRef, auth, work }, budgetMs) {
    const verification = inputs.verify as Verification;
    const cosign = await resolveTool('cosign', inputs.cosignVersion);
    let keyFile: string | undefined;
    if (verification.kind === 'key' && verification.publicKey.includes('-----BEGIN')) {
      keyFile = path.join(work, 'cosign.pub');
      writeFileSync(keyFile, verification.publicKey, { mode: 0o600 });
    }
    const argv = verifyArgv(imageRef, registryOf(image), verification, keyFile);
    const r = await execTool(cosign.path, argv, { env: auth?.env ?? {}, allowFailure: true, timeoutMs: budgetMs });
    if (r.exitCode !== 0) {
      throw new Error(`the signature of ${imageRef} did not verify. cosign said: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ')}`);
    }
    const count = countVerified(r.stdout, image.digest as string);
    const who = verification.kind === 'key' ? 'the given public key' : `${verification.identity ?? verification.identityRegexp} (${verification.issuer})`;
    return `verified: ${count} signature(s) by ${who}`;
  },
};

/**
 * One required attestation (DESIGN, "Trust policy"): `cosign verify-attestation --type` with the
 * signer's flags, then every check on every statement (src/lib/trust). Its row names what was
 * found, who signed, and the checks passed or the one that failed.
 */
export function attestationCheck(kind: AttestationKind): Check {
  return {
    name: `Attestation: ${kind}`,
    async run({ inputs, imageRef, auth, work }, budgetMs) {
      const cosign = await resolveTool('cosign', inputs.cosignVersion);
      const verdict = await verifyWithCosign({ ...inputs.trust, require: [kind] }, imageRef, { cosign: cosign.path, workDir: work, env: auth?.env ?? {}, timeoutMs: budgetMs });
      const row = verdict.rows[0] as AttestationRow;
      const found = `${row.found} found, signed by ${shortenDigests(row.signer)}`;
      // None found: the problem already names the signer asked for and what cosign did find.
      const context = row.found > 0 ? ` (${found})` : '';
      // "found" is the check that a statement of this type exists: its problem says so itself.
      const check = row.failed?.check ?? 'verification';
      if (!row.ok) throw new Error(`${check === 'found' ? '' : `${check} failed: `}${shortenDigests(row.failed?.problem ?? '')}${context}`);
      return `${found}; checks passed: ${row.passed.join(', ')}`;
    },
  };
}

/** The checks the inputs ask for, in order: the signature, then each required attestation. */
export function checksFor(inputs: Inputs): Check[] {
  return [...(inputs.verify ? [signatureCheck] : []), ...inputs.trust.require.map(attestationCheck)];
}

/** The image the cluster gets: always repo@sha256, a tag resolved through the registry first. */
export async function resolveImage(image: ImageReference, inputs: Inputs): Promise<ImageReference> {
  if (image.digest) return { domain: image.domain, path: image.path, digest: image.digest };
  const client = new RegistryClient({ credentials: inputs.registry });
  const head = await client.headManifest(registryOf(image), registryPath(image), image.tag as string);
  if (!head) throw new DeployFailure(`${formatReference(image)} is not in the registry, so it cannot be resolved to a digest. Nothing was changed`);
  core.info(`Resolved ${formatReference(image)} to ${head.digest}`);
  return { domain: image.domain, path: image.path, digest: head.digest };
}

/**
 * Runs every check before the cluster is touched, each within its own budget. Rows go to
 * `rows` as they finish, so the summary shows them also when one refuses the deploy. A failed
 * check does not stop the others: the summary has a row for each (DESIGN, "Trust policy"), and
 * one run names every problem. Only a cancellation cuts the phase short.
 */
export async function verifyPhase(ctx: VerifyContext, rows: CheckRow[], cancel: Cancellation, checks = checksFor(ctx.inputs), budgetMs = CHECK_BUDGET_MS): Promise<void> {
  if (checks.length === 0) {
    rows.push({ check: 'Signature', result: 'skipped', detail: 'not verified (verify-signature: false)' });
    return;
  }
  const failures: string[] = [];
  for (const check of checks) {
    let detail: string;
    try {
      detail = await core.group(`Verify: ${check.name}`, () => check.run(ctx, budgetMs));
    } catch (err) {
      const why = cancel.reason ?? (err as Error).message;
      rows.push({ check: check.name, result: 'failed', detail: why });
      if (cancel.reason) throw new DeployFailure(`${cancel.reason} during verification (${check.name}). Nothing was changed`);
      failures.push(`${check.name}: ${why.replace(/\.? ?Nothing was changed\.?$/i, '')}`);
      continue;
    }
    rows.push({ check: check.name, result: 'passed', detail });
    core.info(`${check.name}: ${detail}`);
    if (cancel.reason) throw new DeployFailure(`${cancel.reason} during verification. Nothing was changed`);
  }
  if (failures.length > 0) {
    const lead = `Refused: ${failures.length} of ${checks.length} verification check(s) failed, so nothing was changed.`;
    throw new DeployFailure([lead, ...failures.map((f) => `${f}${/[.)]$/.test(f) ? '' : '.'}`)]);
  }
}
