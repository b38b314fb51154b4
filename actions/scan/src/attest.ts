import { oidcTokenProblem } from '../../../src/lib/run-url.js';
import { isLoopbackRegistry } from '../../../src/lib/image-ref.js';

/**
 * `cosign attest --type vuln`: the predicate is the cosign vulnerability
 * record (cosign's CosignVulnPredicate, what `trivy --format cosign-vuln`
 * writes) with Trivy's JSON report as `scanner.result`. cosign decodes a vuln
 * predicate into that struct, so a bare report would be attested empty.
 */
export interface VulnPredicateInput {
  report: unknown;
  trivyVersion: string;
  startedOn: Date;
  finishedOn: Date;
  runUrl?: string;
}

export function vulnPredicate(p: VulnPredicateInput): Record<string, unknown> {
  const version = p.trivyVersion.replace(/^v/, '');
  return {
    invocation: { parameters: null, uri: p.runUrl ?? '', event_id: '', 'builder.id': '' },
    scanner: { uri: `pkg:github/aquasecurity/trivy@${version}`, version, db: { uri: '', version: '' }, result: p.report },
    metadata: { scanStartedOn: p.startedOn.toISOString(), scanFinishedOn: p.finishedOn.toISOString() },
  };
}

export function attestArgv(imageAtDigest: string, registry: string, predicateFile: string): string[] {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to attest ${imageAtDigest}: only image@sha256 digests are attested`);
  const argv = ['attest', '--yes', '--type', 'vuln', '--predicate', predicateFile];
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(imageAtDigest);
  return argv;
}

/** Keyless attestation needs the job's OIDC token. */
export function oidcProblem(env: NodeJS.ProcessEnv): string | undefined {
  return oidcTokenProblem(env, 'attest: true signs the attestation keylessly and', 'or set attest: false');
}
