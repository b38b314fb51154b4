import { GITHUB_BUILD_TYPE, PREDICATE_TYPES, sourceRepositoryUrl, type AttestationKind, type TrustPolicy } from './policy.js';
import type { Statement } from './cosign-attestation.js';
import { vulnGateCheck } from './vuln-check.js';

/**
 * The checks DESIGN asks of each statement, in order; the first that fails is
 * the one reported. Pure: `now` is given, so scan age and ignore expiry are
 * judged at one instant.
 */
export interface Check {
  name: string;
  /** undefined: passed; otherwise what is wrong, said so a person can act on it. */
  problem?: string;
}

export interface StatementResult {
  passed: string[];
  failed?: { check: string; problem: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : v === undefined ? 'nothing' : JSON.stringify(v));

export function subjectDigests(statement: Statement): string[] {
  if (!Array.isArray(statement.subject)) return [];
  return statement.subject.map((s) => at(s, 'digest', 'sha256')).filter((d): d is string => typeof d === 'string');
}

function predicateTypeCheck(kind: AttestationKind, statement: Statement): Check {
  const want = PREDICATE_TYPES[kind];
  const got = statement.predicateType;
  if (got === want) return { name: 'predicate type' };
  const hint = typeof got === 'string' && `https://${got}` === want ? ` (the same URI without https://, as Kyverno's sample policy writes it: it never matches what cosign attests)` : '';
  return { name: 'predicate type', problem: `predicate type is ${show(got)}, expected exactly ${want}${hint}` };
}

function subjectCheck(statement: Statement, digestHex: string): Check {
  const digests = subjectDigests(statement);
  if (digests.includes(digestHex)) return { name: 'subject digest' };
  return { name: 'subject digest', problem: digests.length === 0 ? 'the statement names no sha256 subject' : `the statement is for sha256:${digests.map((d) => d.slice(0, 12)).join(', sha256:')}, not this image (sha256:${digestHex.slice(0, 12)})` };
}

function provenanceChecks(statement: Statement, policy: TrustPolicy): Check[] {
  const def = at(statement.predicate, 'buildDefinition');
  const buildType = at(def, 'buildType');
  const repo = at(def, 'externalParameters', 'workflow', 'repository');
  const ref = at(def, 'externalParameters', 'workflow', 'ref');
  const wantRepo = sourceRepositoryUrl(policy);
  const checks: Check[] = [];
  checks.push(buildType === GITHUB_BUILD_TYPE ? { name: 'build type' } : { name: 'build type', problem: `build type is ${show(buildType)}, expected ${GITHUB_BUILD_TYPE} (GitHub's attest-build-provenance layout)` });
  checks.push(repo === wantRepo ? { name: 'source repository' } : { name: 'source repository', problem: `built from ${show(repo)}, expected ${wantRepo} (source-repository)` });
  if (typeof ref !== 'string' || ref === '') checks.push({ name: 'source ref', problem: 'the provenance records no workflow ref' });
  else if (policy.sourceRefRegexp !== undefined && !new RegExp(policy.sourceRefRegexp).test(ref)) checks.push({ name: 'source ref', problem: `built from ref '${ref}', which source-ref-regexp ${policy.sourceRefRegexp} refuses` });
  else checks.push({ name: 'source ref' });
  const deps = at(def, 'resolvedDependencies');
  const commit = Array.isArray(deps)
    ? deps.find((d) => typeof at(d, 'uri') === 'string' && (at(d, 'uri') as string).startsWith(`git+${wantRepo}@`) && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(String(at(d, 'digest', 'gitCommit'))))
    : undefined;
  checks.push(commit ? { name: 'commit' } : { name: 'commit', problem: `no resolved dependency git+${wantRepo}@… with a gitCommit: the commit built is not recorded` });
  return checks;
}

/** Trivy's CycloneDX names the image by repo digest: RepoDigest property, or the pkg:oci purl. */
function sbomChecks(statement: Statement, digestHex: string): Check[] {
  const predicate = statement.predicate;
  if (at(predicate, 'bomFormat') !== 'CycloneDX') return [{ name: 'SBOM digest', problem: `the predicate is not a CycloneDX BOM (bomFormat ${show(at(predicate, 'bomFormat'))})` }];
  const component = at(predicate, 'metadata', 'component');
  const props = at(component, 'properties');
  const repoDigests = Array.isArray(props) ? props.filter((p) => at(p, 'name') === 'aquasecurity:trivy:RepoDigest').map((p) => String(at(p, 'value'))) : [];
  const purl = [at(component, 'purl'), at(component, 'bom-ref')].filter((v): v is string => typeof v === 'string');
  const describes = repoDigests.some((d) => d.endsWith(`@sha256:${digestHex}`)) || purl.some((p) => p.includes(`@sha256%3A${digestHex}`) || p.includes(`@sha256:${digestHex}`));
  if (describes) return [{ name: 'SBOM digest' }];
  const named = [...repoDigests, ...purl].join(', ');
  return [{ name: 'SBOM digest', problem: `the SBOM describes ${named || 'no image digest'}, not sha256:${digestHex.slice(0, 12)}` }];
}

function scanAgeCheck(statement: Statement, policy: TrustPolicy, now: Date): Check {
  const started = at(statement.predicate, 'metadata', 'scanStartedOn');
  const when = typeof started === 'string' ? new Date(started) : undefined;
  if (!when || Number.isNaN(when.getTime())) return { name: 'scan age', problem: `the scan records no start time (metadata.scanStartedOn is ${show(started)})` };
  const age = now.getTime() - when.getTime();
  if (age > policy.maxScanAgeMs) return { name: 'scan age', problem: `the scan ran ${formatAge(age)} ago (${started}), longer ago than max-scan-age ${policy.maxScanAge}: scan the image again` };
  return { name: 'scan age' };
}

export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const h = Math.floor(minutes / 60);
  const d = Math.floor(h / 24);
  if (d >= 2) return `${d}d ${h % 24}h`;
  if (h >= 1) return `${h}h ${minutes % 60}m`;
  return `${minutes}m`;
}

/** Every check for one statement of `kind`; stops at the first failure. */
export function checkStatement(kind: AttestationKind, statement: Statement, digestHex: string, policy: TrustPolicy, now: Date): StatementResult {
  const steps: Array<() => Check[]> = [() => [predicateTypeCheck(kind, statement)], () => [subjectCheck(statement, digestHex)]];
  if (kind === 'provenance') steps.push(() => provenanceChecks(statement, policy));
  if (kind === 'sbom') steps.push(() => sbomChecks(statement, digestHex));
  if (kind === 'vuln') steps.push(() => [scanAgeCheck(statement, policy, now)], () => [vulnGateCheck(statement, policy, now)]);
  const passed: string[] = [];
  for (const step of steps) {
    for (const check of step()) {
      if (check.problem !== undefined) return { passed, failed: { check: check.name, problem: check.problem } };
      passed.push(check.name);
    }
  }
  return { passed };
}
