/**
 * The Trivy command lines, built from plain values (no shell, no secrets:
 * registry credentials go through TRIVY_USERNAME / TRIVY_PASSWORD).
 *
 * The DB is fetched on its own first (`--download-db-only`, one mirror at a
 * time), so a rate-limited mirror is reported by name and the fresh DB can be
 * cached before the scan; the scan then runs with `--skip-db-update`.
 */
import { SEVERITIES } from '../../../src/lib/vuln/trivy-report.js';

export interface ScanArgs {
  imageRef: string;
  reportFile: string;
  cacheDir: string;
  /** An empty ignore file and an empty config: Trivy must not filter the report behind the gate's back. */
  emptyIgnoreFile: string;
  emptyConfigFile: string;
  /** Mirrors of the Java DB, in order (Trivy fetches it itself when the image holds JAR files). */
  javaDbRepositories: readonly string[];
}

export function dbDownloadArgv(repository: string, cacheDir: string): string[] {
  return ['image', '--download-db-only', '--db-repository', repository, '--cache-dir', cacheDir, '--no-progress'];
}

export function scanArgv(a: ScanArgs): string[] {
  return [
    'image',
    '--config', a.emptyConfigFile,
    '--scanners', 'vuln',
    '--format', 'json',
    '--output', a.reportFile,
    // Every severity, nothing unfixed dropped: ignoring is the gate's job, so ignored findings are counted.
    '--severity', SEVERITIES.slice().reverse().join(','),
    '--ignorefile', a.emptyIgnoreFile,
    '--cache-dir', a.cacheDir,
    '--skip-db-update',
    '--java-db-repository', a.javaDbRepositories.join(','),
    '--no-progress',
    a.imageRef,
  ];
}

export interface SbomArgs {
  imageRef: string;
  sbomFile: string;
  cacheDir: string;
  emptyConfigFile: string;
  javaDbRepositories: readonly string[];
}

/**
 * Trivy's CycloneDX SBOM of the image. `--format cyclonedx` without
 * `--scanners` lists the packages only (pkg/flag/options.go enableSBOM: the
 * vulnerability scan is off unless asked for): the findings are in the report.
 * The image's layers were analysed by the scan and come from the same cache.
 */
export function sbomArgv(a: SbomArgs): string[] {
  return [
    'image',
    '--config', a.emptyConfigFile,
    '--format', 'cyclonedx',
    '--output', a.sbomFile,
    '--cache-dir', a.cacheDir,
    '--skip-db-update',
    '--java-db-repository', a.javaDbRepositories.join(','),
    '--no-progress',
    a.imageRef,
  ];
}

/**
 * The only TRIVY_* variables Trivy gets from the job: how to reach the image
 * and the registry, and how much to log. Every other one (TRIVY_IGNORE_UNFIXED,
 * TRIVY_SKIP_FILES, TRIVY_VULN_SEVERITY_SOURCE, TRIVY_OFFLINE_SCAN, TRIVY_VEX,
 * TRIVY_SERVER, ...) could drop or reshape findings behind the gate's back, and
 * new ones appear with every release, so the rule is an allowlist.
 */
export const KEPT_TRIVY_ENV: readonly string[] = [
  'TRIVY_USERNAME',
  'TRIVY_PASSWORD',
  'TRIVY_REGISTRY_TOKEN',
  'TRIVY_INSECURE',
  'TRIVY_NON_SSL',
  'TRIVY_PLATFORM',
  'TRIVY_IMAGE_SRC',
  'TRIVY_DOCKER_HOST',
  'TRIVY_PODMAN_HOST',
  'TRIVY_TIMEOUT',
  'TRIVY_DEBUG',
  'TRIVY_QUIET',
  'TRIVY_JAVA_DB_REPOSITORY',
];

/** Environment overrides for a Trivy child: every inherited TRIVY_* variable outside the allowlist removed. */
export function trivyEnv(inherited: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(inherited).filter((k) => k.toUpperCase().startsWith('TRIVY_') && !KEPT_TRIVY_ENV.includes(k)).map((k) => [k, undefined]));
}

/** A DB mirror said it is rate-limiting us (the distribution spec's TOOMANYREQUESTS, or a bare 429). */
export function isRateLimited(stderr: string): boolean {
  return /TOOMANYREQUESTS|429 Too Many Requests|too many requests/i.test(stderr);
}

/** Trivy's own words for a failure: its FATAL/ERROR log lines, else the last lines it printed. */
export function trivyMessage(stderr: string, stdout = ''): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  const fatal = lines.filter((l) => /\b(FATAL|ERROR)\b/.test(l) || /^\s*\*\s/.test(l) || /^Error:/.test(l));
  const chosen = fatal.length > 0 ? fatal : lines.length > 0 ? lines : stdout.split('\n').filter((l) => l.trim() !== '');
  return chosen.slice(-10).join('\n') || '(Trivy printed nothing)';
}

/** Releases known to be malicious: never run, whatever the PATH holds (the 2026-03-19 compromise). */
export const COMPROMISED_TRIVY_VERSIONS = ['0.69.4'];

export function isCompromised(version: string): boolean {
  return COMPROMISED_TRIVY_VERSIONS.includes(version.replace(/^v/, ''));
}
