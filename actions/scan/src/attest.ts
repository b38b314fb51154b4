import { oidcTokenProblem } from '../../../src/lib/run-url.js';
import { isLoopbackRegistry } from '../../../src/lib/image-ref.js';

/**
 * `cosign attest`: the vuln predicate (src/lib/vuln/vuln-predicate.ts, type
 * https://cosign.sigstore.dev/attestation/vuln/v1) and, with `sbom`, Trivy's
 * CycloneDX SBOM (type https://cyclonedx.org/bom). Always image@digest.
 */
export type AttestationType = 'vuln' | 'cyclonedx';

export const PREDICATE_TYPES: Record<AttestationType, string> = {
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
};

export function attestArgv(imageAtDigest: string, registry: string, predicateFile: string, type: AttestationType = 'vuln'): string[] {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to attest ${imageAtDigest}: only image@sha256 digests are attested`);
  const argv = ['attest', '--yes', '--type', type, '--predicate', predicateFile];
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(imageAtDigest);
  return argv;
}

/** The workflow file that ran the scan, as a URL (the predicate's builder.id). */
export function builderId(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_WORKFLOW_REF) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_WORKFLOW_REF}`;
}

/** Keyless attestation needs the job's OIDC token. */
export function oidcProblem(env: NodeJS.ProcessEnv): string | undefined {
  return oidcTokenProblem(env, 'attest: true signs the attestation keylessly and', 'or set attest: false');
}
