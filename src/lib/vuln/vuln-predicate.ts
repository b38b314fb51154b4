import { IgnoreFileError, parseExpiry, parseYamlIgnore, type IgnoreEntry, type IgnoreRules } from './ignore-file.js';
import { evaluate, type Evaluation } from './policy.js';
import { parseTrivyReport, ReportError, SEVERITIES, type Severity } from './trivy-report.js';

/**
 * The vulnerability attestation (`cosign attest --type vuln`, predicate type
 * https://cosign.sigstore.dev/attestation/vuln/v1) in cosign's
 * CosignVulnPredicate layout, the one `trivy --format cosign-vuln` writes:
 * Trivy's JSON report in `scanner.result`, the scan times in `metadata`, and
 * the gate's own parameters in `invocation.parameters`, so that a verifier
 * can run the same gate again later (deploy, admission) and reach the same
 * verdict, or a stricter one once ignore entries have expired.
 */
export const VULN_PREDICATE_TYPE = 'https://cosign.sigstore.dev/attestation/vuln/v1';

/** An ignore entry as recorded, in `.trivyignore.yaml` field names. */
export interface RecordedIgnore {
  id: string;
  paths?: string[];
  purls?: string[];
  /** RFC 3339, UTC. */
  expired_at?: string;
  statement?: string;
}

export interface VulnGateParameters {
  severity: Severity[];
  'ignore-unfixed': boolean;
  ignores: RecordedIgnore[];
}

export interface VulnPredicate {
  invocation: { parameters: VulnGateParameters; uri: string; event_id: string; 'builder.id': string };
  scanner: { uri: string; version: string; db: { uri: string; version: string }; result: unknown };
  metadata: { scanStartedOn: string; scanFinishedOn: string };
}

export interface VulnPredicateInput {
  /** Trivy's JSON report, as parsed from the file Trivy wrote. */
  report: unknown;
  trivyVersion: string;
  startedOn: Date;
  finishedOn: Date;
  /** The gate's failing severities. */
  severity: readonly Severity[];
  ignoreUnfixed: boolean;
  ignore?: IgnoreRules | readonly IgnoreEntry[];
  /** The workflow run URL. */
  runUrl?: string;
  eventId?: string;
  builderId?: string;
  db?: { uri?: string; version?: string };
}

export function recordIgnore(entry: IgnoreEntry): RecordedIgnore {
  return {
    id: entry.id,
    ...(entry.paths.length > 0 ? { paths: [...entry.paths] } : {}),
    ...(entry.purls.length > 0 ? { purls: [...entry.purls] } : {}),
    ...(entry.expiredAt ? { expired_at: entry.expiredAt.toISOString() } : {}),
    ...(entry.statement !== undefined ? { statement: entry.statement } : {}),
  };
}

export function buildVulnPredicate(input: VulnPredicateInput): VulnPredicate {
  const version = input.trivyVersion.replace(/^v/, '');
  const entries: readonly IgnoreEntry[] = input.ignore === undefined ? [] : Array.isArray(input.ignore) ? input.ignore : (input.ignore as IgnoreRules).entries;
  return {
    invocation: {
      parameters: { severity: [...input.severity], 'ignore-unfixed': input.ignoreUnfixed, ignores: entries.map(recordIgnore) },
      uri: input.runUrl ?? '',
      event_id: input.eventId ?? '',
      'builder.id': input.builderId ?? '',
    },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy@${version}`,
      version,
      db: { uri: input.db?.uri ?? '', version: input.db?.version ?? '' },
      result: input.report,
    },
    metadata: { scanStartedOn: input.startedOn.toISOString(), scanFinishedOn: input.finishedOn.toISOString() },
  };
}

export interface VulnVerdict {
  passed: boolean;
  /** Why the predicate could not be evaluated (then `passed` is false). */
  problem?: string;
  evaluation?: Evaluation;
  /** Entries in force when the scan ran that have expired by `now`: they suppress nothing now. */
  expiredSinceScan: IgnoreEntry[];
  /** When the scan started (metadata.scanStartedOn): the age of the scan counts from here. */
  scannedAt?: Date;
}

export interface EvaluateOptions {
  now: Date;
  /** Failing severities to apply instead of the recorded ones (e.g. deploy's vuln-severity). */
  failing?: readonly Severity[];
}

/** Tolerated clock difference between the scanning runner and the verifier. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class PredicateError extends Error {}

function field(parent: Json, name: string, where: string): Json {
  const value = parent[name];
  if (!isObject(value)) throw new PredicateError(`${where}${name} is ${describe(value)}, expected an object`);
  return value;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function timestamp(metadata: Json, name: string): Date {
  const value = metadata[name];
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9]{2}:[0-9]{2})$/i.test(value)) {
    throw new PredicateError(`metadata.${name} is ${describe(value)}, expected an RFC 3339 time`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new PredicateError(`metadata.${name} is ${describe(value)}, not a valid time`);
  return date;
}

function severities(value: unknown): Severity[] {
  const form = `a non-empty list of ${SEVERITIES.join(', ')}`;
  if (!Array.isArray(value) || value.length === 0) throw new PredicateError(`invocation.parameters.severity is ${describe(value)}, expected ${form}`);
  return value.map((s, i) => {
    if (typeof s !== 'string' || !(SEVERITIES as readonly string[]).includes(s)) throw new PredicateError(`invocation.parameters.severity[${i}] is ${describe(s)}, expected one of ${SEVERITIES.join(', ')}`);
    return s as Severity;
  });
}

/**
 * The recorded entries go back through the ignore-file parser, so a recorded
 * entry means exactly what the same entry in a .trivyignore.yaml means. Each
 * entry is written on a line of its own: line n+2 is entry n.
 */
function ignoreRules(value: unknown): IgnoreRules {
  const file = 'invocation.parameters.ignores';
  if (!Array.isArray(value)) throw new PredicateError(`${file} is ${describe(value)}, expected a list (empty when nothing was ignored)`);
  for (const [i, entry] of value.entries()) {
    if (!isObject(entry)) throw new PredicateError(`${file}[${i}] is ${describe(entry)}, expected an object with an id`);
    const expiry = entry.expired_at;
    if (expiry !== undefined && (typeof expiry !== 'string' || parseExpiry(expiry) === undefined)) {
      throw new PredicateError(`${file}[${i}].expired_at is ${describe(expiry)}, expected an RFC 3339 time`);
    }
  }
  const text = `{"vulnerabilities": [\n${value.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  try {
    return parseYamlIgnore(text, file);
  } catch (err) {
    if (err instanceof IgnoreFileError) throw new PredicateError(`${file}[${Math.max(0, err.line - 2)}]: ${err.detail}`);
    throw err;
  }
}

/**
 * Runs the scan's gate again on the recorded report with the recorded
 * parameters, at `now`: an entry that has expired since the scan suppresses
 * nothing. Never throws: a predicate that cannot be read fails, with the reason.
 */
export function evaluateVulnPredicate(predicate: unknown, options: EvaluateOptions): VulnVerdict {
  let scannedAt: Date | undefined;
  try {
    if (!isObject(predicate)) throw new PredicateError(`the predicate is ${describe(predicate)}, expected an object (cosign's vuln predicate)`);
    const invocation = field(predicate, 'invocation', '');
    const parameters = invocation.parameters;
    if (!isObject(parameters)) {
      throw new PredicateError(`invocation.parameters is ${describe(parameters)}: the attestation does not record the gate's parameters (severity, ignore-unfixed, ignores), so its verdict cannot be re-evaluated`);
    }
    const recorded = severities(parameters.severity);
    const ignoreUnfixed = parameters['ignore-unfixed'];
    if (typeof ignoreUnfixed !== 'boolean') throw new PredicateError(`invocation.parameters.ignore-unfixed is ${describe(ignoreUnfixed)}, expected true or false`);
    const ignore = ignoreRules(parameters.ignores);
    const scanner = field(predicate, 'scanner', '');
    if (!('result' in scanner) || !isObject(scanner.result)) throw new PredicateError(`scanner.result is ${describe(scanner.result)}, expected Trivy's JSON report`);
    const metadata = field(predicate, 'metadata', '');
    const started = timestamp(metadata, 'scanStartedOn');
    const finished = timestamp(metadata, 'scanFinishedOn');
    if (finished.getTime() < started.getTime()) throw new PredicateError(`metadata.scanFinishedOn (${finished.toISOString()}) is before scanStartedOn (${started.toISOString()})`);
    if (started.getTime() > options.now.getTime() + CLOCK_SKEW_MS) throw new PredicateError(`metadata.scanStartedOn (${started.toISOString()}) is in the future (now ${options.now.toISOString()})`);
    scannedAt = started;
    let report: ReturnType<typeof parseTrivyReport>;
    try {
      report = parseTrivyReport(JSON.stringify(scanner.result), 'scanner.result');
    } catch (err) {
      if (err instanceof ReportError) throw new PredicateError(err.message);
      throw err;
    }
    const failing = options.failing && options.failing.length > 0 ? [...options.failing] : recorded;
    const evaluation = evaluate(report.findings, { failing: new Set(failing), ignoreUnfixed, ignore, now: options.now });
    const atScan = started.getTime();
    const expiredSinceScan = evaluation.entries.filter((u) => u.expired && u.entry.expiredAt !== undefined && u.entry.expiredAt.getTime() >= atScan).map((u) => u.entry);
    return { passed: evaluation.passed, evaluation, expiredSinceScan, scannedAt };
  } catch (err) {
    if (!(err instanceof PredicateError)) throw err;
    return { passed: false, problem: `malformed vuln predicate: ${err.message}`, expiredSinceScan: [], ...(scannedAt ? { scannedAt } : {}) };
  }
}
