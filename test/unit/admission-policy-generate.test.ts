import { beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { clusterImagePolicy, goDuration, kyvernoConditions, kyvernoPolicy, regoPolicy } from '../../src/lib/trust/admission.js';
import { parseTrustPolicy, type TrustInputs } from '../../src/lib/trust/policy.js';
import { repoRoot } from '../harness/run-action.mjs';

type Json = Record<string, unknown>;
type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: boolean | Schema; 'x-kubernetes-preserve-unknown-fields'?: boolean };

const crdDir = path.join(repoRoot, 'test', 'fixtures', 'trust', 'crds');
function crdSchema(file: string, version: string): Schema {
  const crd = parse(readFileSync(path.join(crdDir, file), 'utf8')) as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: Schema } }> } };
  const v = crd.spec.versions.find((x) => x.name === version);
  if (!v) throw new Error(`${file} has no version ${version}`);
  return v.schema.openAPIV3Schema;
}

/**
 * The API server prunes fields a structural schema does not declare, silently: a misspelt
 * field would vanish from the stored policy. List every such field.
 */
function unknownFields(value: unknown, schema: Schema | undefined, where = ''): string[] {
  if (!schema || schema['x-kubernetes-preserve-unknown-fields']) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, schema.items, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (where === '' && ['apiVersion', 'kind', 'metadata'].includes(k)) continue;
    const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!sub && schema.additionalProperties !== true) out.push(`${where}.${k}`);
    else out.push(...unknownFields(v, sub, `${where}.${k}`));
  }
  return out;
}

const IDENTITY = 'https://github.com/acme/platform/.github/workflows/secure-delivery.yml@refs/tags/v1.4.0';
const base: TrustInputs = {
  'require-attestations': 'provenance,sbom,vuln',
  'source-repository': 'acme/shop',
  'source-ref-regexp': "^refs/(heads/main|tags/v[0-9]+)$",
  'max-scan-age': '24h',
  'vuln-severity': 'CRITICAL,HIGH',
  'certificate-identity': IDENTITY,
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
};
const options = { name: 'secure-delivery-trust', images: ['ghcr.io/acme/*'], mode: 'enforce' as const };
const variants: Array<[string, TrustInputs, 'enforce' | 'warn']> = [
  ['keyless, every attestation, enforce', base, 'enforce'],
  ['identity regexp, warn', { ...base, 'certificate-identity': '', 'certificate-identity-regexp': '^https://github\\.com/acme/' }, 'warn'],
  ['public key, signature only', { 'require-attestations': '', 'max-scan-age': '24h', 'vuln-severity': 'HIGH', 'cosign-public-key': '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n' }, 'enforce'],
  ['KMS key, vuln only', { 'require-attestations': 'vuln', 'max-scan-age': '90m', 'vuln-severity': 'CRITICAL', 'cosign-public-key': 'awskms:///arn:aws:kms:eu-west-1:123456789012:key/abc' }, 'warn'],
];

let cip: ValidateFunction;
let kyv: ValidateFunction;
let cipSchema: Schema;
let kyvSchema: Schema;
beforeAll(() => {
  // OpenAPI v3 schemas as the API server reads them: x-kubernetes-* and formats are not JSON Schema keywords.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  cipSchema = crdSchema('policy-controller-300-clusterimagepolicy.yaml', 'v1beta1');
  kyvSchema = crdSchema('kyverno-clusterpolicies-v1.yaml', 'v1');
  cip = ajv.compile(cipSchema);
  kyv = ajv.compile(kyvSchema);
});

describe('the exported policies against the upstream CRD schemas', () => {
  test.each(variants)('%s: ClusterImagePolicy v1beta1 and ClusterPolicy v1 validate, no field pruned', (_n, inputs, mode) => {
    const policy = parseTrustPolicy(inputs, 'https://github.com');
    const c = clusterImagePolicy(policy, { ...options, mode });
    const k = kyvernoPolicy(policy, { ...options, mode });
    expect([cip(c), cip.errors]).toEqual([true, null]);
    expect([kyv(k), kyv.errors]).toEqual([true, null]);
    expect(unknownFields(c, cipSchema)).toEqual([]);
    expect(unknownFields(k, kyvSchema)).toEqual([]);
  });

  test('the checks can fail: a misspelt field and a wrong type are caught', () => {
    const policy = parseTrustPolicy(base, 'https://github.com');
    const c = clusterImagePolicy(policy, options) as { spec: Json };
    c.spec.imagse = c.spec.images;
    expect(unknownFields(c, cipSchema)).toEqual(['.spec.imagse']);
    const k = kyvernoPolicy(policy, options) as { spec: { rules: Array<{ verifyImages: Json[] }> } };
    (k.spec.rules[0]?.verifyImages[0] as Json).failureAction = 'Block';
    expect(kyv(k)).toBe(false);
  });
});

describe('what the policies say', () => {
  const policy = parseTrustPolicy(base, 'https://github.com');

  test('predicate types are the full URIs, never the https-less form of Kyverno sample policies', () => {
    const k = kyvernoPolicy(policy, options) as { spec: { rules: Array<{ verifyImages: Array<{ attestations: Array<{ type: string; predicateType?: string }> }> }> } };
    const types = k.spec.rules[0]?.verifyImages[0]?.attestations.map((a) => a.type);
    expect(types).toEqual(['https://slsa.dev/provenance/v1', 'https://cyclonedx.org/bom', 'https://cosign.sigstore.dev/attestation/vuln/v1']);
    const c = clusterImagePolicy(policy, options) as { spec: { authorities: Array<{ attestations?: Array<{ predicateType: string }> }> } };
    expect(c.spec.authorities[1]?.attestations?.map((a) => a.predicateType)).toEqual(types);
    const all = JSON.stringify([k, c]);
    expect(all).not.toMatch(/(?<!https:\/\/)cosign\.sigstore\.dev\/attestation/);
    expect(all).not.toMatch(/(?<!https:\/\/)slsa\.dev\/provenance/);
  });

  test('enforce and warn map to each engine', () => {
    const warn = { ...options, mode: 'warn' as const };
    expect((clusterImagePolicy(policy, warn).spec as Json).mode).toBe('warn');
    expect(JSON.stringify(kyvernoPolicy(policy, warn))).toContain('"failureAction":"Audit"');
    expect(JSON.stringify(kyvernoPolicy(policy, options))).toContain('"failureAction":"Enforce"');
  });

  test('the scan age as Go prints a duration, which Kyverno compares with time_since', () => {
    expect(goDuration(24 * 3600 * 1000)).toBe('24h0m0s');
    expect(goDuration(90 * 60 * 1000)).toBe('1h30m0s');
    expect(goDuration(45 * 1000)).toBe('45s');
    expect(kyvernoConditions('vuln', policy)[0]).toMatchObject({ key: "{{ time_since('', metadata.scanStartedOn, '') }}", operator: 'LessThanOrEquals', value: '24h0m0s' });
  });

  test('the Rego for policy-controller pins the repository, the ref, the scan age and the gate', () => {
    const prov = regoPolicy('provenance', policy);
    expect(prov).toContain('def.externalParameters.workflow.repository == "https://github.com/acme/shop"');
    expect(prov).toContain('regex.match("^refs/(heads/main|tags/v[0-9]+)$", def.externalParameters.workflow.ref)');
    const vuln = regoPolicy('vuln', policy);
    expect(vuln).toContain('failing_severities := {"CRITICAL", "HIGH"}');
    expect(vuln).toContain(`max_scan_age_ns := ${24 * 3600 * 1e9}`);
    expect(regoPolicy('sbom', policy)).toContain('endswith(p.value, concat("", ["@sha256:", s.digest.sha256]))');
  });
});
