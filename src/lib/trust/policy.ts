import { ConfigurationError } from '../errors.js';
import { oneLine, optionalInput, parseDuration, parseList, requiredInput } from '../inputs.js';
import { SEVERITIES, type Severity } from '../vuln/trivy-report.js';

/**
 * The trust policy (DESIGN, "Trust policy"): which attestations an image must
 * carry and what they must say. Read once here, for deploy (verified before
 * anything changes) and for admission-policy (the same rules for the cluster).
 */
export const ATTESTATION_KINDS = ['provenance', 'sbom', 'vuln'] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

/** The predicate type each kind must carry, exactly (a type without https:// never matches). */
export const PREDICATE_TYPES: Record<AttestationKind, string> = {
  provenance: 'https://slsa.dev/provenance/v1',
  sbom: 'https://cyclonedx.org/bom',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
};

/** `cosign verify-attestation --type` names (cosign options/predicate.go PredicateTypeMap). */
export const COSIGN_TYPES: Record<AttestationKind, string> = {
  provenance: 'slsaprovenance1',
  sbom: 'cyclonedx',
  vuln: 'vuln',
};

/** GitHub's attest-build-provenance build type (actions/toolkit packages/attest/src/provenance.ts). */
export const GITHUB_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

export type Signer = { kind: 'keyless'; identity?: string; identityRegexp?: string; issuer: string } | { kind: 'key'; publicKey: string };

export interface TrustPolicy {
  require: AttestationKind[];
  /** `owner/repo` the provenance must name. */
  sourceRepository: string;
  /** `https://github.com` (GITHUB_SERVER_URL): with sourceRepository, the repository URL provenance records. */
  serverUrl: string;
  sourceRefRegexp?: string;
  maxScanAgeMs: number;
  /** As written (`24h`), for summaries and the admission policy. */
  maxScanAge: string;
  vulnSeverity: Severity[];
  /** Who must have signed the attestations; undefined only when nothing is required. */
  signer?: Signer;
}

/** Raw input values by input name, as the runner passes them (trimmed; '' when not given). */
export type TrustInputs = Partial<Record<(typeof TRUST_INPUTS)[number], string>>;

export const TRUST_INPUTS = [
  'require-attestations',
  'source-repository',
  'source-ref-regexp',
  'max-scan-age',
  'vuln-severity',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'cosign-public-key',
] as const;

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * A regular expression both engines run the same way: JavaScript here, Go's
 * RE2 in Kyverno's regex_match and cosign. RE2 has no lookaround and no
 * backreferences, so a pattern using them would mean one thing in CI and
 * fail to compile in the cluster.
 */
export function parsePortableRegexp(input: string, value: string): string {
  if (/\(\?<?[=!]/.test(value)) throw new ConfigurationError(input, `'${value}' uses a lookaround, which Go's RE2 (Kyverno, cosign) cannot run. Expected a regular expression without (?=, (?!, (?<= or (?<!`);
  if (/(^|[^\\])\\[1-9]/.test(value) || /\\k</.test(value)) throw new ConfigurationError(input, `'${value}' uses a backreference, which Go's RE2 (Kyverno, cosign) cannot run. Expected a regular expression without \\1 or \\k<name>`);
  if (value.includes('{{') || value.includes('}}')) throw new ConfigurationError(input, `'${value}' contains {{ or }}, which Kyverno reads as a variable. Expected a regular expression without them (write {2} quantifiers apart)`);
  try {
    new RegExp(value);
  } catch (err) {
    throw new ConfigurationError(input, `'${value}' is not a valid regular expression (${(err as Error).message}). Expected e.g. ^refs/(heads/main|tags/v[0-9]+\\.[0-9]+\\.[0-9]+)$`);
  }
  return value;
}

/** Who must have signed: a public key or KMS URI, or a keyless identity with its issuer; undefined when none is given. */
export function parseSigner(values: TrustInputs): Signer | undefined {
  const identity = values['certificate-identity'] || undefined;
  const identityRegexp = values['certificate-identity-regexp'] || undefined;
  const issuer = values['certificate-oidc-issuer'] || undefined;
  const publicKey = values['cosign-public-key'] || undefined;
  if (identity !== undefined && /[\p{Cc}\s]/u.test(identity)) throw new ConfigurationError('certificate-identity', `'${oneLine(identity)}' holds whitespace or a line break. Expected one identity, such as https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.0.0`);
  if (identityRegexp !== undefined && /\p{Cc}/u.test(identityRegexp)) throw new ConfigurationError('certificate-identity-regexp', `'${oneLine(identityRegexp)}' holds a line break or another control character. Expected one regular expression on one line`);
  if (issuer !== undefined && /[\p{Cc}\s]/u.test(issuer)) throw new ConfigurationError('certificate-oidc-issuer', `'${oneLine(issuer)}' holds whitespace or a line break. Expected one https URL, such as https://token.actions.githubusercontent.com`);
  if (publicKey !== undefined) {
    if (identity || identityRegexp || issuer) throw new ConfigurationError('cosign-public-key', 'give either cosign-public-key or certificate-identity(-regexp) with certificate-oidc-issuer, not both');
    if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKey) && !/^(awskms|gcpkms|azurekms|hashivault|k8s):\/\//.test(publicKey)) {
      throw new ConfigurationError('cosign-public-key', 'expected a PEM public key (cosign.pub contents) or a KMS URI');
    }
    return { kind: 'key', publicKey };
  }
  if (!identity && !identityRegexp && !issuer) return undefined;
  if (!identity && !identityRegexp) throw new ConfigurationError('certificate-identity', 'keyless verification needs certificate-identity or certificate-identity-regexp, e.g. https://github.com/acme/shop/.github/workflows/deliver.yml@refs/heads/main');
  if (identity && identityRegexp) throw new ConfigurationError('certificate-identity-regexp', 'give certificate-identity or certificate-identity-regexp, not both');
  if (!issuer) throw new ConfigurationError('certificate-oidc-issuer', 'keyless verification needs the issuer, e.g. https://token.actions.githubusercontent.com');
  if (!/^https:\/\/[^\s/]+/.test(issuer)) throw new ConfigurationError('certificate-oidc-issuer', `'${issuer}' is not an https URL. Expected e.g. https://token.actions.githubusercontent.com`);
  if (identityRegexp) parsePortableRegexp('certificate-identity-regexp', identityRegexp);
  return { kind: 'keyless', identity, identityRegexp, issuer };
}

/**
 * Pure: validates the trust-policy inputs. `serverUrl` is the runner's
 * GITHUB_SERVER_URL. Defaults come from action.yml, so an empty
 * max-scan-age or vuln-severity is a mistake, not a default.
 */
export function parseTrustPolicy(values: TrustInputs, serverUrl: string): TrustPolicy {
  const require: AttestationKind[] = [];
  for (const item of parseList(values['require-attestations'] ?? '')) {
    if (!(ATTESTATION_KINDS as readonly string[]).includes(item)) {
      throw new ConfigurationError('require-attestations', `'${item}' is not an attestation this suite verifies. Expected any of ${ATTESTATION_KINDS.join(', ')} (comma or newline separated), or empty for none`);
    }
    if (!require.includes(item as AttestationKind)) require.push(item as AttestationKind);
  }
  const sourceRepository = values['source-repository'] ?? '';
  if (sourceRepository === '' && require.includes('provenance')) throw new ConfigurationError('source-repository', 'provenance is required, so the repository it must name is needed. Expected owner/repo');
  if (sourceRepository !== '' && !REPOSITORY.test(sourceRepository)) throw new ConfigurationError('source-repository', `'${sourceRepository}' is not a repository. Expected owner/repo, e.g. acme/shop`);
  const refRaw = values['source-ref-regexp'] || undefined;
  const sourceRefRegexp = refRaw === undefined ? undefined : parsePortableRegexp('source-ref-regexp', refRaw);
  const maxScanAge = values['max-scan-age'] ?? '';
  if (maxScanAge === '') throw new ConfigurationError('max-scan-age', 'a value is required. Expected a duration such as 24h or 90m');
  const maxScanAgeMs = parseDuration('max-scan-age', maxScanAge);
  const sevRaw = values['vuln-severity'] ?? '';
  const vulnSeverity: Severity[] = [];
  for (const s of parseList(sevRaw)) {
    const upper = s.toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(upper)) throw new ConfigurationError('vuln-severity', `'${s}' is not a Trivy severity. Expected any of ${SEVERITIES.join(', ')}`);
    if (!vulnSeverity.includes(upper as Severity)) vulnSeverity.push(upper as Severity);
  }
  if (vulnSeverity.length === 0) throw new ConfigurationError('vuln-severity', 'a value is required. Expected the failing severities, e.g. CRITICAL,HIGH');
  const signer = parseSigner(values);
  if (require.length > 0 && signer === undefined) {
    throw new ConfigurationError('certificate-identity', `require-attestations asks for ${require.join(', ')}, so who signed them must be given: certificate-identity or certificate-identity-regexp with certificate-oidc-issuer (keyless), or cosign-public-key`);
  }
  return { require, sourceRepository, serverUrl: serverUrl.replace(/\/+$/, ''), sourceRefRegexp, maxScanAgeMs, maxScanAge, vulnSeverity, signer };
}

/** Reads the trust-policy inputs of the running action (INPUT_*); no side effects. */
export function readTrustPolicy(env: NodeJS.ProcessEnv = process.env): TrustPolicy {
  const values: TrustInputs = {};
  for (const name of TRUST_INPUTS) values[name] = optionalInput(name) ?? '';
  values['max-scan-age'] = requiredInput('max-scan-age', 'a duration such as 24h or 90m');
  values['vuln-severity'] = requiredInput('vuln-severity', 'the failing severities, e.g. CRITICAL,HIGH');
  return parseTrustPolicy(values, env.GITHUB_SERVER_URL || 'https://github.com');
}

/** The repository URL provenance records (`${GITHUB_SERVER_URL}/${owner/repo}`). */
export function sourceRepositoryUrl(policy: TrustPolicy): string {
  return `${policy.serverUrl}/${policy.sourceRepository}`;
}
