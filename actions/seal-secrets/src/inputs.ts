import * as core from '@actions/core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { booleanInput, maskSecrets, optionalInput, parseChoice, parseNamespace, parseResourceName, rawInput, requiredInput } from '../../../src/lib/inputs.js';
import { CertificateError, classifyCertInput, parseSealingCert, type CertSource, type SealingCert } from './certificate.js';
import { SCOPES, type Scope } from './scopes.js';
import { parseSealedSecretFile, SealedSecretFileError, type ExistingSealedSecret, type Format } from './manifest.js';
import { checkTypeAnnotations, checkTypeKeys, parseAnnotations, parseLabels, parseSecretData, parseSecretType } from './secret-data.js';

export const FORMATS = ['yaml', 'json'] as const;
export const ENGINES = ['native', 'kubeseal'] as const;
export type Engine = (typeof ENGINES)[number];

export interface Inputs {
  name: string;
  namespace: string;
  scope: Scope;
  /** KEY -> VALUE, in the order given. Secret: never logged. */
  secrets: Array<[string, string]>;
  type: string;
  labels: Array<[string, string]>;
  annotations: Array<[string, string]>;
  cert: CertSource;
  /** Parsed already when the cert came as PEM text or a file. */
  parsedCert?: SealingCert;
  controllerName: string;
  controllerNamespace: string;
  /** Absolute path of the file to write. */
  outputFile: string;
  /** The file as read here (text), to see whether another run changed it before the write. */
  mergeInto?: { path: string; text: string; existing: ExistingSealedSecret };
  format: Format;
  /** The merge-into file is in the other format: it keeps its own. */
  formatFromMergeFile: boolean;
  engine: Engine;
  apply: boolean;
  kubeconfig?: string;
  context?: string;
}

const CONTEXT = /^[^\s]+$/;

function certError(input: string, where: string, err: unknown): never {
  if (err instanceof CertificateError) throw new ConfigurationError(input, `${where} ${err.message}`);
  throw err;
}

/**
 * Reads and checks every input; masks every secret value before anything else is logged.
 * Async only to load the YAML parser when merge-into needs it; it has no side effects.
 */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  // `secrets` is read untrimmed: a value's trailing spaces are part of it.
  const secretsRaw = core.getInput('secrets', { trimWhitespace: false });
  const kubeconfig = optionalInput('kubeconfig');
  maskSecrets(secretsRaw, kubeconfig);
  if (secretsRaw.trim() === '') throw new ConfigurationError('secrets', 'a value is required. Expected KEY=VALUE lines or a JSON object of strings');
  const secrets = parseSecretData('secrets', secretsRaw);
  maskSecrets(...secrets.map(([, v]) => v));

  const name = parseResourceName('name', requiredInput('name', 'the SealedSecret (and Secret) name, a DNS-1123 subdomain'));
  const namespace = parseNamespace('namespace', requiredInput('namespace', 'the namespace the Secret will live in'));
  const scope = parseChoice('scope', requiredInput('scope', SCOPES.join(' | ')), SCOPES);
  const type = parseSecretType('type', requiredInput('type', 'a Secret type such as Opaque or kubernetes.io/tls'));
  const labels = parseLabels('labels', rawInput('labels'));
  const annotations = parseAnnotations('annotations', rawInput('annotations'));
  const format = parseChoice('format', requiredInput('format', FORMATS.join(' | ')), FORMATS);
  const engine = parseChoice('engine', requiredInput('engine', ENGINES.join(' | ')), ENGINES);
  const apply = booleanInput('apply');
  const controllerName = parseResourceName('controller-name', requiredInput('controller-name', 'the sealed-secrets controller service name'));
  const controllerNamespace = parseNamespace('controller-namespace', requiredInput('controller-namespace', 'the namespace of the sealed-secrets controller'));
  const context = optionalInput('context');
  if (context !== undefined && !CONTEXT.test(context)) throw new ConfigurationError('context', `'${context}' is not a kubeconfig context name (no spaces)`);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();

  const certInput = optionalInput('cert');
  let cert: CertSource = { kind: 'cluster' };
  let parsedCert: SealingCert | undefined;
  if (certInput !== undefined) {
    const c = classifyCertInput(certInput);
    if ('error' in c) throw new ConfigurationError('cert', c.error);
    cert = c;
    if (c.kind === 'pem') {
      try {
        parsedCert = parseSealingCert(c.text);
      } catch (err) {
        certError('cert', 'the PEM text', err);
      }
    } else if (c.kind === 'file') {
      const file = path.resolve(workspace, c.path);
      if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigurationError('cert', `'${c.path}' is neither PEM text, an https URL, nor an existing file (${file}). Expected the controller's certificate`);
      cert = { kind: 'file', path: file };
      try {
        parsedCert = parseSealingCert(readFileSync(file, 'utf8'));
      } catch (err) {
        certError('cert', `the file ${c.path}`, err);
      }
    }
  }

  let mergeInto: Inputs['mergeInto'];
  const mergeRaw = optionalInput('merge-into');
  if (mergeRaw !== undefined) {
    const file = path.resolve(workspace, mergeRaw);
    if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigurationError('merge-into', `'${mergeRaw}' does not exist (${file}). Expected an existing SealedSecret file`);
    let existing: ExistingSealedSecret;
    const text = readFileSync(file, 'utf8');
    try {
      existing = await parseSealedSecretFile(text);
    } catch (err) {
      if (err instanceof SealedSecretFileError) throw new ConfigurationError('merge-into', `'${mergeRaw}' ${err.message}`);
      throw err;
    }
    const differ: string[] = [];
    if (existing.name !== name) differ.push(`name '${existing.name}' (input name: '${name}')`);
    if (existing.namespace !== namespace) differ.push(`namespace '${existing.namespace}' (input namespace: '${namespace}')`);
    if (existing.scope !== scope) differ.push(`scope ${existing.scope} (input scope: ${scope})`);
    if (existing.type !== type) differ.push(`type ${existing.type} (input type: ${type})`);
    if (differ.length > 0) {
      throw new ConfigurationError('merge-into', `'${mergeRaw}' is another secret: it has ${differ.join(', ')}. Its ciphertexts only open for its own name/namespace/scope; merge into the matching file, or give matching inputs`);
    }
    mergeInto = { path: file, text, existing };
  }
  const keys = [...new Set([...(mergeInto ? mergeInto.existing.encryptedData.keys() : []), ...secrets.map(([k]) => k)])];
  checkTypeKeys('secrets', type, keys, secrets);
  checkTypeAnnotations('annotations', type, new Map([...(mergeInto ? mergeInto.existing.annotations : []), ...annotations]));

  const outputRaw = optionalInput('output-file');
  const outputFile = outputRaw !== undefined ? path.resolve(workspace, outputRaw) : (mergeInto?.path ?? path.resolve(workspace, `${name}.sealedsecret.${format}`));
  if (existsSync(outputFile) && statSync(outputFile).isDirectory()) throw new ConfigurationError('output-file', `'${outputRaw ?? outputFile}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(outputFile))) throw new ConfigurationError('output-file', `the folder of '${outputRaw ?? outputFile}' does not exist (${path.dirname(outputFile)})`);

  return { name, namespace, scope, secrets, type, labels, annotations, cert, parsedCert, controllerName, controllerNamespace, outputFile, mergeInto, format: mergeInto?.existing.format ?? format, formatFromMergeFile: mergeInto !== undefined && mergeInto.existing.format !== format, engine, apply, kubeconfig, context };
}
