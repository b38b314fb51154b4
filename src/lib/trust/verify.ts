import { AttestationOutputError, foundTypesFromError, parseVerifyAttestationOutput, signersFromStderr, verifyAttestationArgv } from './cosign-attestation.js';
import { PREDICATE_TYPES, type AttestationKind, type Signer, type TrustPolicy } from './policy.js';
import { checkStatement } from './statement-checks.js';

/**
 * The one entry point of trust verification (deploy's verify phase): for each
 * required attestation, `cosign verify-attestation` with the identity flags,
 * then every check on every statement cosign returns. cosign is injected, so
 * the decision is tested without it; nothing here writes anything.
 */
export interface CosignResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}
export type RunCosign = (argv: string[]) => Promise<CosignResult>;

export interface AttestationRow {
  kind: AttestationKind;
  predicateType: string;
  /** Statements cosign verified for this type. */
  found: number;
  /** Who signed: the certificate subjects cosign reported, else the identity it checked. */
  signer: string;
  /** Checks every statement passed, in order. */
  passed: string[];
  failed?: { check: string; problem: string };
  ok: boolean;
}

export interface TrustVerdict {
  ok: boolean;
  image: string;
  rows: AttestationRow[];
}

export interface VerifyOptions {
  now?: Date;
  /** A file holding signer.publicKey when it is PEM (cosign takes a path). */
  publicKeyFile?: string;
}

export function describeSigner(signer: Signer): string {
  if (signer.kind === 'key') return signer.publicKey.includes('-----BEGIN') ? 'the given public key' : signer.publicKey;
  return `${signer.identity ?? `~${signer.identityRegexp ?? ''}`} (${signer.issuer})`;
}

function lastLines(text: string, n = 3): string {
  return text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join(' / ');
}

async function verifyKind(kind: AttestationKind, policy: TrustPolicy, image: string, digestHex: string, runCosign: RunCosign, options: Required<Pick<VerifyOptions, 'now'>> & VerifyOptions): Promise<AttestationRow> {
  const signer = policy.signer as Signer;
  const row: AttestationRow = { kind, predicateType: PREDICATE_TYPES[kind], found: 0, signer: describeSigner(signer), passed: [], ok: false };
  const r = await runCosign(verifyAttestationArgv(kind, image, signer, options.publicKeyFile));
  if (r.exitCode !== 0) {
    const found = foundTypesFromError(r.stderr);
    if (found !== undefined) {
      const trap = found.filter((t) => `https://${t}` === PREDICATE_TYPES[kind]);
      const hint = trap.length > 0 ? ` (${trap.join(', ')} lacks https://: it never matches)` : '';
      row.failed = { check: 'found', problem: `no ${kind} attestation with predicate type ${PREDICATE_TYPES[kind]} signed by ${row.signer}; cosign found ${found.join(', ') || 'none'}${hint}` };
    } else if (/no matching attestations|no attestations|not found|MANIFEST_UNKNOWN/i.test(r.stderr)) {
      row.failed = { check: 'found', problem: `no ${kind} attestation signed by ${row.signer}: ${lastLines(r.stderr)}` };
    } else {
      row.failed = { check: 'signature', problem: `cosign verify-attestation failed (exit ${r.exitCode}): ${lastLines(r.stderr || r.stdout)}` };
    }
    return row;
  }
  let envelopes;
  try {
    envelopes = parseVerifyAttestationOutput(r.stdout);
  } catch (err) {
    if (!(err instanceof AttestationOutputError)) throw err;
    row.failed = { check: 'found', problem: err.message };
    return row;
  }
  row.found = envelopes.length;
  const signers = signersFromStderr(r.stderr);
  if (signers.length > 0) row.signer = signers.join(', ');
  if (envelopes.length === 0) {
    row.failed = { check: 'found', problem: `cosign verified no ${kind} attestation (empty output)` };
    return row;
  }
  row.passed.push('signature');
  // Every statement must pass, as Kyverno requires of each statement of the type.
  let common: string[] | undefined;
  for (const [i, envelope] of envelopes.entries()) {
    const result = checkStatement(kind, envelope.statement, digestHex, policy, options.now);
    if (result.failed) {
      row.passed.push(...result.passed.filter((c) => !row.passed.includes(c)));
      const which = envelopes.length > 1 ? `statement ${i + 1} of ${envelopes.length}: ` : '';
      row.failed = { check: result.failed.check, problem: `${which}${result.failed.problem}` };
      return row;
    }
    common = result.passed;
  }
  row.passed.push(...(common ?? []));
  row.ok = true;
  return row;
}

export async function verifyTrustPolicy(policy: TrustPolicy, imageAtDigest: string, runCosign: RunCosign, options: VerifyOptions = {}): Promise<TrustVerdict> {
  const m = /@sha256:([a-f0-9]{64})$/.exec(imageAtDigest);
  if (!m?.[1]) throw new Error(`refusing to verify ${imageAtDigest}: attestations are verified for image@sha256 digests only`);
  if (policy.require.length > 0 && !policy.signer) throw new Error('attestations are required but no signer identity or key is given');
  const now = options.now ?? new Date();
  const rows: AttestationRow[] = [];
  for (const kind of policy.require) rows.push(await verifyKind(kind, policy, imageAtDigest, m[1], runCosign, { ...options, now }));
  return { ok: rows.every((r) => r.ok), image: imageAtDigest, rows };
}
