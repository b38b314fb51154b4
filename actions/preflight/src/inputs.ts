import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { formatReference, parseReference } from '../../../src/lib/image-ref.js';
import { maskSecrets, optionalInput, parseChoice, parseList, parseNamespace, parseResourceName, requiredInput } from '../../../src/lib/inputs.js';
import type { Item } from './model.js';
import type { Waiver } from './waivers.js';

/** action.yml's default for waivers-file: when this exact file is absent there are no waivers. */
export const DEFAULT_WAIVERS_FILE = '.preflight-waivers.yaml';
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Inputs {
  workspace: string;
  /** The manifests input's entries, and the objects read from them (undefined without manifests). */
  manifests?: { entries: string[]; files: string[]; items: Item[] };
  namespace?: string;
  deployments: string[];
  kubeconfig?: string;
  context?: string;
  imageRef?: string;
  failOn: FailOn;
  waiversFile?: string;
  waivers: Waiver[];
  sarifFile: string;
  reportFile: string;
}

function outputFile(name: string, workspace: string): string {
  const value = requiredInput(name, 'a file path relative to the workspace');
  const full = path.resolve(workspace, value);
  if (existsSync(full) && statSync(full).isDirectory()) throw new ConfigurationError(name, `'${value}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(full))) throw new ConfigurationError(name, `the folder of '${value}' (${path.dirname(full)}) does not exist. Expected a file path in an existing folder`);
  return full;
}

async function readWaivers(value: string, workspace: string): Promise<{ file?: string; waivers: Waiver[] }> {
  const full = path.resolve(workspace, value);
  if (!existsSync(full)) {
    if (value === DEFAULT_WAIVERS_FILE) return { waivers: [] };
    throw new ConfigurationError('waivers-file', `'${value}' does not exist (${full}). Expected a YAML file of waivers; leave waivers-file at its default (${DEFAULT_WAIVERS_FILE}, used when present) for none`);
  }
  if (!statSync(full).isFile()) throw new ConfigurationError('waivers-file', `'${value}' is not a file`);
  const { parseWaivers, WaiverFileError } = await import('./waivers.js');
  try {
    return { file: full, waivers: parseWaivers(readFileSync(full, 'utf8'), value) };
  } catch (err) {
    if (err instanceof WaiverFileError) throw new ConfigurationError('waivers-file', `${err.message}`);
    throw err;
  }
}

/** Reads and checks every input, manifests and waivers included, before anything is written. */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const kubeconfig = optionalInput('kubeconfig');
  maskSecrets(kubeconfig);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();

  const failOn = parseChoice('fail-on', requiredInput('fail-on', FAIL_ON.join(', ')), FAIL_ON);
  const waiversValue = requiredInput('waivers-file', `a YAML file of waivers (default ${DEFAULT_WAIVERS_FILE}, used when present)`);
  const sarifFile = outputFile('sarif-file', workspace);
  const reportFile = outputFile('report-file', workspace);
  if (sarifFile === reportFile) throw new ConfigurationError('report-file', `it is the same file as sarif-file (${sarifFile}). Expected another path`);

  const manifestEntries = parseList(optionalInput('manifests') ?? '').filter((e) => !e.startsWith('#'));
  const namespaceValue = optionalInput('namespace');
  const namespace = namespaceValue === undefined ? undefined : parseNamespace('namespace', namespaceValue);
  const deployments = parseList(optionalInput('deployments') ?? '').map((d) => parseResourceName('deployments', d));
  if (new Set(deployments).size !== deployments.length) throw new ConfigurationError('deployments', 'a Deployment is named twice');
  if (deployments.length > 0 && namespace === undefined) throw new ConfigurationError('namespace', 'deployments are read from the cluster in a namespace, and none is given. Expected the namespace of the Deployments');
  if (manifestEntries.length === 0 && deployments.length === 0) {
    throw new ConfigurationError('manifests', namespace === undefined
      ? 'no target: give manifests (files, directories or globs of YAML/JSON), or namespace and deployments to check what runs in the cluster'
      : `namespace '${namespace}' is given but no deployments to check there. Expected deployments (one name a line), or manifests`);
  }
  const context = optionalInput('context');
  if (context !== undefined && !/^\S+$/.test(context)) throw new ConfigurationError('context', `'${context}' is not a kubeconfig context name`);
  const imageRefValue = optionalInput('image-ref');
  let imageRef: string | undefined;
  if (imageRefValue !== undefined) {
    const ref = parseReference(imageRefValue);
    if (typeof ref === 'string' || (ref.digest === undefined && ref.tag === undefined)) {
      throw new ConfigurationError('image-ref', `'${imageRefValue}' is not an image reference${typeof ref === 'string' ? `: ${ref}` : ' with a tag or digest'}. Expected registry/path/name@sha256:<64 hex> (the image about to be deployed)`);
    }
    imageRef = formatReference(ref);
  }
  for (const [name, file] of [['sarif-file', sarifFile], ['report-file', reportFile]] as const) {
    if (file === path.resolve(workspace, waiversValue)) throw new ConfigurationError(name, `it is the waivers file (${file}); writing there would overwrite the waivers. Expected another path`);
  }
  // Files last, once every plain value is known to be right.
  const { file: waiversFile, waivers } = await readWaivers(waiversValue, workspace);
  let manifests: Inputs['manifests'];
  if (manifestEntries.length > 0) {
    const { loadManifests, resolveManifestFiles } = await import('./manifests.js');
    const files = await resolveManifestFiles(manifestEntries, workspace);
    for (const out of [sarifFile, reportFile]) {
      if (files.includes(out)) throw new ConfigurationError(out === sarifFile ? 'sarif-file' : 'report-file', `it is one of the manifests (${out}). Expected another path`);
    }
    manifests = { entries: manifestEntries, files, items: loadManifests(files, workspace, namespace) };
  }
  return { workspace, manifests, namespace, deployments, kubeconfig, context, imageRef, failOn, waiversFile, waivers, sarifFile, reportFile };
}
