import { isLoopbackRegistry } from '../image-ref.js';
import { COSIGN_TYPES, type AttestationKind, type Signer } from './policy.js';

/**
 * `cosign verify-attestation` (cosign v3, cmd/cosign/cli/verify/verify_attestation.go):
 * argv, and its output. cosign verifies every attestation of the image against
 * the identity flags, keeps those whose statement has the predicate type that
 * `--type` maps to, and prints each kept one's DSSE envelope as one JSON line on
 * stdout (`PrintVerification(ctx, checked, "text")`): with the v3 bundle format
 * `json.Marshal` of the protobuf envelope (`{"payload","payloadType","signatures":[{"sig"}]}`),
 * with the older format the envelope stored in the layer
 * (`{"payloadType","payload","signatures":[{"keyid","sig"}]}`). When none has
 * the type it fails: `none of the attestations matched the predicate type: <uri>, found: <types>`.
 */
/**
 * The flags that pin who must have signed, the same for `cosign verify` and
 * `cosign verify-attestation`: a public key (a file written from PEM text, or a
 * KMS URI as given), or the keyless certificate's identity and OIDC issuer.
 */
export function signerFlags(signer: Signer, publicKeyFile?: string): string[] {
  if (signer.kind === 'key') return ['--key', publicKeyFile ?? signer.publicKey];
  const flags: string[] = [];
  if (signer.identity) flags.push('--certificate-identity', signer.identity);
  if (signer.identityRegexp) flags.push('--certificate-identity-regexp', signer.identityRegexp);
  flags.push('--certificate-oidc-issuer', signer.issuer);
  return flags;
}

export function verifyAttestationArgv(kind: AttestationKind, imageAtDigest: string, signer: Signer, publicKeyFile?: string): string[] {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to verify ${imageAtDigest}: attestations are verified for image@sha256 digests only`);
  const argv = ['verify-attestation', '--type', COSIGN_TYPES[kind], ...signerFlags(signer, publicKeyFile)];
  const domain = imageAtDigest.slice(0, imageAtDigest.indexOf('/'));
  if (isLoopbackRegistry(domain)) argv.push('--allow-http-registry');
  argv.push(imageAtDigest);
  return argv;
}

export interface Statement {
  _type?: unknown;
  predicateType?: unknown;
  subject?: unknown;
  predicate?: unknown;
  [key: string]: unknown;
}

export interface Envelope {
  payloadType: string;
  statement: Statement;
}

export class AttestationOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttestationOutputError';
  }
}

const IN_TOTO = 'application/vnd.in-toto+json';

/** The envelopes cosign printed, statements decoded; anything else on stdout is an error. */
export function parseVerifyAttestationOutput(stdout: string): Envelope[] {
  const envelopes: Envelope[] = [];
  stdout.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(line);
    } catch {
      throw new AttestationOutputError(`cosign verify-attestation printed line ${index + 1} that is not JSON (${line.length} characters)`);
    }
    if (typeof envelope !== 'object' || envelope === null || typeof (envelope as { payload?: unknown }).payload !== 'string') {
      throw new AttestationOutputError(`cosign verify-attestation printed line ${index + 1} that is not a DSSE envelope (no payload)`);
    }
    const { payload, payloadType } = envelope as { payload: string; payloadType?: unknown };
    if (payloadType !== IN_TOTO) throw new AttestationOutputError(`line ${index + 1}: the envelope's payloadType is ${JSON.stringify(payloadType)}, not ${IN_TOTO}`);
    let statement: unknown;
    try {
      statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    } catch {
      throw new AttestationOutputError(`line ${index + 1}: the envelope's payload is not a base64 JSON in-toto statement`);
    }
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) throw new AttestationOutputError(`line ${index + 1}: the in-toto statement is not a JSON object`);
    envelopes.push({ payloadType: IN_TOTO, statement: statement as Statement });
  });
  return envelopes;
}

/** `Certificate subject: …` / `Certificate issuer URL: …` cosign logs (stderr) for a keyless signature. */
export function signersFromStderr(stderr: string): string[] {
  const out: string[] = [];
  const lines = stderr.split('\n');
  lines.forEach((line, i) => {
    const m = /^Certificate subject: (.+)$/.exec(line.trim());
    if (!m?.[1]) return;
    const issuer = /^Certificate issuer URL: (.+)$/.exec((lines[i + 1] ?? '').trim())?.[1];
    const who = issuer ? `${m[1]} (${issuer})` : m[1];
    if (!out.includes(who)) out.push(who);
  });
  return out;
}

/** The predicate types cosign says it found when none matched `--type`. */
export function foundTypesFromError(stderr: string): string[] | undefined {
  const m = /none of the attestations matched the predicate type: \S+, found: (.*)$/m.exec(stderr);
  if (!m) return undefined;
  return (m[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
