import { GITHUB_BUILD_TYPE, PREDICATE_TYPES, sourceRepositoryUrl, type AttestationKind, type Signer, type TrustPolicy } from './policy.js';

/**
 * The trust policy as the cluster enforces it: a sigstore policy-controller
 * ClusterImagePolicy (policy.sigstore.dev/v1beta1, Rego on each statement) and
 * a Kyverno ClusterPolicy (kyverno.io/v1, verifyImages with JMESPath
 * attestation conditions). Pure: objects in, objects out. Predicate types are
 * always the full URIs: Kyverno's sample vuln policy writes
 * `cosign.sigstore.dev/attestation/vuln/v1`, which never matches what cosign
 * attests (https://cosign.sigstore.dev/attestation/vuln/v1).
 */
export type AdmissionMode = 'enforce' | 'warn';

export interface AdmissionOptions {
  name: string;
  images: string[];
  mode: AdmissionMode;
}

type Json = Record<string, unknown>;

const MANAGED = { 'app.kubernetes.io/managed-by': 'secure-delivery-admission-policy' };
const COMMIT_RE = '^[0-9a-f]{40}([0-9a-f]{24})?$';

/** Go's time.Duration.String() of a whole number of seconds (what Kyverno's time_since returns). */
export function goDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

/** A JMESPath JSON literal (`...`). */
function literal(value: unknown): string {
  return `\`${JSON.stringify(value).replace(/`/g, '\\`')}\``;
}

export interface KyvernoCondition {
  key: string;
  operator: string;
  value: unknown;
  message: string;
}

/**
 * The conditions of one attestation, evaluated by Kyverno on the statement's
 * predicate (its fields are the top level of the context:
 * pkg/engine/internal/utils.go EvaluateConditions).
 */
export function kyvernoConditions(kind: AttestationKind, policy: TrustPolicy): KyvernoCondition[] {
  if (kind === 'provenance') {
    const repo = sourceRepositoryUrl(policy);
    const conditions: KyvernoCondition[] = [
      { key: '{{ buildDefinition.buildType }}', operator: 'Equals', value: GITHUB_BUILD_TYPE, message: `the provenance's build type is not ${GITHUB_BUILD_TYPE}` },
      { key: '{{ buildDefinition.externalParameters.workflow.repository }}', operator: 'Equals', value: repo, message: `the image was not built from ${repo}` },
      policy.sourceRefRegexp !== undefined
        ? { key: `{{ regex_match(${literal(policy.sourceRefRegexp)}, to_string(buildDefinition.externalParameters.workflow.ref)) }}`, operator: 'Equals', value: true, message: `the image was built from a ref that ${policy.sourceRefRegexp} refuses` }
        : { key: "{{ length(buildDefinition.externalParameters.workflow.ref || '') }}", operator: 'GreaterThan', value: 0, message: 'the provenance records no workflow ref' },
      {
        key: `{{ length(buildDefinition.resolvedDependencies[?starts_with(to_string(uri), ${literal(`git+${repo}@`)}) && regex_match(${literal(COMMIT_RE)}, to_string(digest.gitCommit))] || \`[]\`) }}`,
        operator: 'GreaterThan',
        value: 0,
        message: `the provenance records no commit of ${repo}`,
      },
    ];
    return conditions;
  }
  if (kind === 'sbom') return [{ key: '{{ bomFormat }}', operator: 'Equals', value: 'CycloneDX', message: 'the SBOM is not CycloneDX' }];
  // vuln: the scan's age, then the gate on the recorded report. The recorded gate
  // parameters sit beside the report, and a JMESPath filter sees only the current
  // element, so they are substituted first as literals (Kyverno resolves inner {{ }} first).
  const active = 'invocation.parameters.ignores[?!paths && !purls && (!expired_at || time_after(expired_at, time_now_utc()))].id';
  const unfixed = "(!FixedVersion || (Status && Status != 'fixed'))";
  const gate = [
    'scanner.result.Results[].Vulnerabilities[]',
    `[?contains(${literal(policy.vulnSeverity)}, Severity)]`,
    `[?!contains(\`{{ to_string(${active} || \`[]\`) }}\`, VulnerabilityID)]`,
    `[?!(\`{{ to_string(invocation.parameters."ignore-unfixed" == \`true\`) }}\` && ${unfixed})]`,
  ].join(' | ');
  return [
    { key: "{{ time_since('', metadata.scanStartedOn, '') }}", operator: 'LessThanOrEquals', value: goDuration(policy.maxScanAgeMs), message: `the vulnerability scan is older than ${policy.maxScanAge}: scan the image again` },
    { key: `{{ length(${gate}) }}`, operator: 'Equals', value: 0, message: `the vulnerability scan has findings of ${policy.vulnSeverity.join('/')} that are neither fixed-pending under ignore-unfixed nor ignored by an unexpired entry` },
  ];
}

function kyvernoAttestor(signer: Signer): Json {
  if (signer.kind === 'key') {
    return signer.publicKey.includes('-----BEGIN') ? { keys: { publicKeys: signer.publicKey } } : { keys: { kms: signer.publicKey } };
  }
  return { keyless: { ...(signer.identity ? { subject: signer.identity } : { subjectRegExp: signer.identityRegexp }), issuer: signer.issuer, rekor: { url: 'https://rekor.sigstore.dev' } } };
}

export function kyvernoPolicy(policy: TrustPolicy, options: AdmissionOptions): Json {
  const signer = policy.signer as Signer;
  const attestors = [{ entries: [kyvernoAttestor(signer)] }];
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: options.name,
      labels: MANAGED,
      annotations: {
        'policies.kyverno.io/title': 'Secure delivery trust policy',
        'policies.kyverno.io/description': `Images ${options.images.join(', ')} must be signed by ${describe(signer)}${policy.require.length > 0 ? ` and carry verified ${policy.require.join(', ')} attestations` : ''}.`,
      },
    },
    spec: {
      background: false,
      webhookTimeoutSeconds: 30,
      rules: [
        {
          name: 'verify-trust-policy',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [
            {
              imageReferences: options.images,
              failureAction: options.mode === 'enforce' ? 'Enforce' : 'Audit',
              mutateDigest: true,
              verifyDigest: true,
              required: true,
              attestors,
              attestations: policy.require.map((kind) => ({ type: PREDICATE_TYPES[kind], attestors, conditions: [{ all: kyvernoConditions(kind, policy) }] })),
            },
          ],
        },
      ],
    },
  };
}

function describe(signer: Signer): string {
  if (signer.kind === 'key') return 'the given key';
  return `${signer.identity ?? `an identity matching ${signer.identityRegexp ?? ''}`} (${signer.issuer})`;
}

const q = (s: string): string => JSON.stringify(s);

/** Rego for policy-controller (package sigstore, isCompliant), on the whole statement. */
export function regoPolicy(kind: AttestationKind, policy: TrustPolicy): string {
  const head = ['package sigstore', '', 'import rego.v1', '', 'default isCompliant := false', ''];
  const type = `  input.predicateType == ${q(PREDICATE_TYPES[kind])}`;
  if (kind === 'provenance') {
    const repo = sourceRepositoryUrl(policy);
    return [
      ...head,
      'isCompliant if {',
      type,
      `  def := input.predicate.buildDefinition`,
      `  def.buildType == ${q(GITHUB_BUILD_TYPE)}`,
      `  def.externalParameters.workflow.repository == ${q(repo)}`,
      policy.sourceRefRegexp !== undefined ? `  regex.match(${q(policy.sourceRefRegexp)}, def.externalParameters.workflow.ref)` : `  def.externalParameters.workflow.ref != ""`,
      '  some dep in def.resolvedDependencies',
      `  startswith(dep.uri, ${q(`git+${repo}@`)})`,
      `  regex.match(${q(COMMIT_RE)}, dep.digest.gitCommit)`,
      '}',
      '',
    ].join('\n');
  }
  if (kind === 'sbom') {
    return [
      ...head,
      'isCompliant if {',
      type,
      '  input.predicate.bomFormat == "CycloneDX"',
      '  some s in input.subject',
      '  some p in input.predicate.metadata.component.properties',
      '  p.name == "aquasecurity:trivy:RepoDigest"',
      '  endswith(p.value, concat("", ["@sha256:", s.digest.sha256]))',
      '}',
      '',
    ].join('\n');
  }
  return [
    ...head,
    `failing_severities := {${policy.vulnSeverity.map(q).join(', ')}}`,
    `max_scan_age_ns := ${policy.maxScanAgeMs * 1_000_000}`,
    'params := input.predicate.invocation.parameters',
    '',
    'isCompliant if {',
    type,
    '  time.now_ns() - time.parse_rfc3339_ns(input.predicate.metadata.scanStartedOn) <= max_scan_age_ns',
    '  count(failing) == 0',
    '}',
    '',
    'failing contains v if {',
    '  some result in input.predicate.scanner.result.Results',
    '  some v in result.Vulnerabilities',
    '  failing_severities[v.Severity]',
    '  not unfixed_ignored(v)',
    '  not ignored(v)',
    '}',
    '',
    'unfixed(v) if not v.FixedVersion',
    '',
    'unfixed(v) if {',
    '  v.Status',
    '  v.Status != "fixed"',
    '}',
    '',
    'unfixed_ignored(v) if {',
    '  params["ignore-unfixed"] == true',
    '  unfixed(v)',
    '}',
    '',
    '# Entries scoped by path or purl are not honoured here (the cluster is stricter); an',
    '# entry that has expired suppresses nothing.',
    'active(e) if not e.expired_at',
    '',
    'active(e) if time.parse_rfc3339_ns(e.expired_at) > time.now_ns()',
    '',
    'ignored(v) if {',
    '  some e in params.ignores',
    '  e.id == v.VulnerabilityID',
    '  not e.paths',
    '  not e.purls',
    '  active(e)',
    '}',
    '',
  ].join('\n');
}

function cipAuthority(name: string, signer: Signer): Json {
  if (signer.kind === 'key') return { name, key: signer.publicKey.includes('-----BEGIN') ? { data: signer.publicKey } : { kms: signer.publicKey } };
  const identity = signer.identity ? { issuer: signer.issuer, subject: signer.identity } : { issuer: signer.issuer, subjectRegExp: signer.identityRegexp };
  return { name, keyless: { identities: [identity] } };
}

export function clusterImagePolicy(policy: TrustPolicy, options: AdmissionOptions): Json {
  const signer = policy.signer as Signer;
  const authorities: Json[] = [cipAuthority('signature', signer)];
  if (policy.require.length > 0) {
    authorities.push({
      ...cipAuthority('attestations', signer),
      attestations: policy.require.map((kind) => ({ name: kind, predicateType: PREDICATE_TYPES[kind], policy: { type: 'rego', data: regoPolicy(kind, policy) } })),
    });
  }
  return {
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
    metadata: { name: options.name, labels: MANAGED },
    spec: { mode: options.mode, images: options.images.map((glob) => ({ glob })), authorities },
  };
}
