import { describe, expect, test } from '@jest/globals';
import { parseTrustPolicy, type TrustInputs } from '../../src/lib/trust/policy.js';
import { verifyAttestationArgv } from '../../src/lib/trust/cosign-attestation.js';

const ok: TrustInputs = {
  'require-attestations': 'provenance\nvuln',
  'source-repository': 'acme/shop',
  'max-scan-age': '24h',
  'vuln-severity': 'critical, HIGH',
  'certificate-identity-regexp': '^https://github\\.com/acme/',
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
};

describe('parseTrustPolicy', () => {
  test('reads lists, severities and the keyless identity', () => {
    const p = parseTrustPolicy(ok, 'https://github.example.com/');
    expect(p).toMatchObject({ require: ['provenance', 'vuln'], sourceRepository: 'acme/shop', serverUrl: 'https://github.example.com', maxScanAgeMs: 86400000, maxScanAge: '24h', vulnSeverity: ['CRITICAL', 'HIGH'] });
    expect(p.signer).toEqual({ kind: 'keyless', identity: undefined, identityRegexp: '^https://github\\.com/acme/', issuer: 'https://token.actions.githubusercontent.com' });
  });

  test.each<[TrustInputs, RegExp]>([
    [{ 'require-attestations': 'slsa' }, /^input 'require-attestations': 'slsa' is not an attestation this suite verifies\. Expected any of provenance, sbom, vuln/],
    [{ 'source-repository': '' }, /^input 'source-repository': provenance is required, so the repository it must name is needed/],
    [{ 'source-repository': 'https://github.com/acme/shop' }, /^input 'source-repository': 'https:\/\/github.com\/acme\/shop' is not a repository\. Expected owner\/repo/],
    [{ 'source-ref-regexp': '^refs/(heads/main' }, /^input 'source-ref-regexp': '\^refs\/\(heads\/main' is not a valid regular expression/],
    [{ 'source-ref-regexp': '^(refs)/\\1' }, /^input 'source-ref-regexp': .* uses a backreference/],
    [{ 'source-ref-regexp': 'v[0-9]{{2}}' }, /^input 'source-ref-regexp': .* contains \{\{ or \}\}/],
    [{ 'max-scan-age': '' }, /^input 'max-scan-age': a value is required/],
    [{ 'max-scan-age': '0s' }, /^input 'max-scan-age': '0s' must be longer than zero/],
    [{ 'vuln-severity': 'HIGH,SEVERE' }, /^input 'vuln-severity': 'SEVERE' is not a Trivy severity/],
    [{ 'vuln-severity': ' , ' }, /^input 'vuln-severity': a value is required/],
    [{ 'certificate-identity': 'x', 'certificate-identity-regexp': 'y' }, /^input 'certificate-identity-regexp': give certificate-identity or certificate-identity-regexp, not both/],
    [{ 'certificate-oidc-issuer': '' }, /^input 'certificate-oidc-issuer': keyless verification needs the issuer/],
    [{ 'certificate-oidc-issuer': 'token.actions.githubusercontent.com' }, /^input 'certificate-oidc-issuer': .* is not an https URL/],
    [{ 'cosign-public-key': 'not a key', 'certificate-identity-regexp': '', 'certificate-oidc-issuer': '' }, /^input 'cosign-public-key': expected a PEM public key/],
    [{ 'certificate-identity-regexp': '', 'certificate-oidc-issuer': '' }, /^input 'certificate-identity': require-attestations asks for provenance, vuln, so who signed them must be given/],
  ])('refuses %j', (bad, message) => {
    expect(() => parseTrustPolicy({ ...ok, ...bad }, 'https://github.com')).toThrow(message);
  });

  test('nothing required needs no signer', () => {
    expect(parseTrustPolicy({ ...ok, 'require-attestations': '', 'certificate-identity-regexp': '', 'certificate-oidc-issuer': '' }, 'https://github.com').signer).toBeUndefined();
  });
});

describe('verify-attestation argv', () => {
  const image = `ghcr.io/acme/shop@sha256:${'b'.repeat(64)}`;
  test.each([
    ['provenance', 'slsaprovenance1'],
    ['sbom', 'cyclonedx'],
    ['vuln', 'vuln'],
  ] as const)('%s is --type %s, with the identity flags, image by digest last', (kind, type) => {
    expect(verifyAttestationArgv(kind, image, { kind: 'keyless', identityRegexp: '^x', issuer: 'https://i' })).toEqual(['verify-attestation', '--type', type, '--certificate-identity-regexp', '^x', '--certificate-oidc-issuer', 'https://i', image]);
  });
  test('a tag is refused', () => {
    expect(() => verifyAttestationArgv('vuln', 'ghcr.io/acme/shop:v1', { kind: 'key', publicKey: 'k' })).toThrow(/image@sha256 digests only/);
  });
});
