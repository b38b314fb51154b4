import { isLoopbackRegistry } from '../../../src/lib/image-ref.js';
import type { Verification } from './inputs.js';

/** `cosign verify` argv for image@digest: keyless identity and issuer, or a public key file. */
export function verifyArgv(imageAtDigest: string, registry: string, verification: Verification, publicKeyFile?: string): string[] {
  const argv = ['verify'];
  if (verification.kind === 'key') {
    argv.push('--key', publicKeyFile ?? verification.publicKey);
  } else {
    if (verification.identity) argv.push('--certificate-identity', verification.identity);
    if (verification.identityRegexp) argv.push('--certificate-identity-regexp', verification.identityRegexp);
    argv.push('--certificate-oidc-issuer', verification.issuer);
  }
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
