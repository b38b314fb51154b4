import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { formatReference, parseImageRef, parseReference, registryOf, type ImageReference } from '../../../src/lib/image-ref.js';
import { booleanInput, maskSecrets, optionalInput, parseList, requiredInput } from '../../../src/lib/inputs.js';
import type { IgnoreRules } from '../../../src/lib/vuln/ignore-file.js';
import { isCompromised } from './trivy-argv.js';
import { SEVERITIES, type Severity } from '../../../src/lib/vuln/trivy-report.js';

/** action.yml's default for ignore-file: when this exact file is absent there is simply no ignore file. */
export const DEFAULT_IGNORE_FILE = '.trivyignore.yaml';

export interface Inputs {
  imageRef: string;
  image: ImageReference;
  registry: string;
  severity: Severity[];
  ignoreUnfixed: boolean;
  /** Parsed ignore rules; undefined when the default file is absent. */
  ignore?: IgnoreRules;
  failOnFindings: boolean;
  trivyVersion: string;
  cacheDb: boolean;
  dbRepositories: string[];
  /** Absolute paths (resolved against the workspace), also the outputs. */
  /** Java DB mirrors, in order. */
  javaDbRepositories: string[];
  reportFile: string;
  sarifFile: string;
  /** Write Trivy's CycloneDX SBOM of the image to sbomFile (and attest it with attest). */
  sbom: boolean;
  sbomFile: string;
  attest: boolean;
  credentials?: { username: string; password: string };
  allowTag: boolean;
}

export function parseSeverities(value: string): Severity[] {
  const form = `a comma-separated list of ${SEVERITIES.join(', ')}, e.g. CRITICAL,HIGH`;
  if (value.trim() === '') throw new ConfigurationError('severity', `a value is required. Expected ${form}`);
  const items = value.split(/[,\n]/).map((s) => s.trim());
  const out: Severity[] = [];
  for (const item of items) {
    if (item === '') throw new ConfigurationError('severity', `'${value}' has an empty item. Expected ${form}`);
    const upper = item.toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(upper)) throw new ConfigurationError('severity', `'${item}' is not a severity. Expected ${form}`);
    if (!out.includes(upper as Severity)) out.push(upper as Severity);
  }
  return out;
}

function outputFile(name: string, workspace: string): string {
  const value = requiredInput(name, 'a file path relative to the workspace');
  const full = path.resolve(workspace, value);
  if (existsSync(full) && statSync(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(full))) throw new ConfigurationError(name, `the folder of '${value}' (${path.dirname(full)}) does not exist`);
  return full;
}

/** A list of OCI repositories (mirrors of one of Trivy's databases), tried in order. */
function repositories(name: string, what: string, example: string): string[] {
  const list = parseList(requiredInput(name, `one or more OCI repositories of ${what}, e.g. ${example}`));
  for (const repo of list) {
    const ref = parseReference(repo);
    if (typeof ref === 'string' || ref.digest !== undefined) {
      throw new ConfigurationError(name, `'${repo}' is not an OCI repository${typeof ref === 'string' ? `: ${ref}` : ' (no digest: Trivy follows a tag)'}. Expected registry/path[:tag], e.g. ${example}`);
    }
  }
  if (list.length === 0) throw new ConfigurationError(name, 'no repository given. Expected one or more OCI repositories, comma or newline separated');
  return list;
}

/**
 * Reads the ignore file now: a mistake in it is a configuration error, found
 * before anything runs. The YAML parser is loaded only when there is a file.
 */
export async function readIgnoreFile(value: string, workspace: string): Promise<IgnoreRules | undefined> {
  const full = path.resolve(workspace, value);
  if (!existsSync(full)) {
    if (value === DEFAULT_IGNORE_FILE) return undefined;
    throw new ConfigurationError('ignore-file', `'${value}' does not exist (${full}). Expected a .trivyignore.yaml or .trivyignore file; leave ignore-file at its default (${DEFAULT_IGNORE_FILE}, used when present) for none`);
  }
  if (!statSync(full).isFile()) throw new ConfigurationError('ignore-file', `'${value}' is not a file`);
  const { IgnoreFileError, parseIgnoreFile } = await import('../../../src/lib/vuln/ignore-file.js');
  try {
    return parseIgnoreFile(readFileSync(full, 'utf8'), value);
  } catch (err) {
    if (err instanceof IgnoreFileError) throw new ConfigurationError('ignore-file', `${err.message}`);
    throw err;
  }
}

/** Reads and checks every input; masks the secret one before anything else is logged. */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const password = optionalInput('registry-password');
  maskSecrets(password);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();

  const allowTag = booleanInput('allow-tag');
  const imageRef = requiredInput('image-ref', 'registry/path/name@sha256:<64 hex>');
  const image = parseImageRef('image-ref', imageRef, allowTag);
  const severity = parseSeverities(requiredInput('severity', `a comma-separated list of ${SEVERITIES.join(', ')}, e.g. CRITICAL,HIGH`));
  const ignoreUnfixed = booleanInput('ignore-unfixed');
  const ignoreFile = requiredInput('ignore-file', `a .trivyignore.yaml or .trivyignore path (default ${DEFAULT_IGNORE_FILE}, used when present)`);
  const failOnFindings = booleanInput('fail-on-findings');
  const trivyVersion = requiredInput('trivy-version', 'a Trivy release such as v0.69.3');
  if (!/^v?[0-9]+\.[0-9]+\.[0-9]+$/.test(trivyVersion)) throw new ConfigurationError('trivy-version', `'${trivyVersion}' is not a Trivy release. Expected vX.Y.Z, e.g. v0.69.3`);
  if (isCompromised(trivyVersion)) throw new ConfigurationError('trivy-version', `'${trivyVersion}' is a known malicious Trivy release (2026-03-19 compromise) and is never run. Expected v0.69.3`);
  const cacheDb = booleanInput('cache-db');
  const dbRepositories = repositories('db-repository', 'the Trivy DB', 'ghcr.io/aquasecurity/trivy-db:2');
  const javaDbRepositories = repositories('java-db-repository', 'the Trivy Java DB', 'ghcr.io/aquasecurity/trivy-java-db:1');
  const reportFile = outputFile('report-file', workspace);
  const sarifFile = outputFile('sarif-file', workspace);
  const sbom = booleanInput('sbom');
  const sbomFile = outputFile('sbom-file', workspace);
  const written: Array<[string, string]> = [['report-file', reportFile], ['sarif-file', sarifFile]];
  if (sbom) written.push(['sbom-file', sbomFile]);
  for (const [i, [name, file]] of written.entries()) {
    const clash = written.slice(0, i).find(([, other]) => other === file);
    if (clash) throw new ConfigurationError(name, `it is the same file as ${clash[0]} (${file}). Expected another path`);
    // Writing a report over the ignore file would lose the policy (and feed JSON to the next run as its ignore file).
    if (file === path.resolve(workspace, ignoreFile)) throw new ConfigurationError(name, `it is the ignore file (${file}); writing there would overwrite the ignore policy. Expected another path`);
  }
  const attest = booleanInput('attest');
  if (attest && image.digest === undefined) {
    throw new ConfigurationError('attest', `attestations are attached to a digest, and image-ref '${imageRef}' has none. Expected image-ref pinned by digest, or attest: false`);
  }
  const username = optionalInput('registry-username');
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigurationError(username === undefined ? 'registry-username' : 'registry-password', 'registry-username and registry-password go together: give both or neither');
  }
  // Last: the one check that reads a file, once every plain value is known to be right.
  const ignore = await readIgnoreFile(ignoreFile, workspace);
  return {
    imageRef: formatReference(image),
    image,
    registry: registryOf(image),
    severity,
    ignoreUnfixed,
    ignore,
    failOnFindings,
    trivyVersion,
    cacheDb,
    dbRepositories,
    javaDbRepositories,
    reportFile,
    sarifFile,
    sbom,
    sbomFile,
    attest,
    credentials: username !== undefined && password !== undefined ? { username, password } : undefined,
    allowTag,
  };
}

