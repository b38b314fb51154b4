import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { booleanInput, maskSecrets, optionalInput, parseChoice, parseResourceName, requiredInput } from '../../../src/lib/inputs.js';
import type { AdmissionMode } from '../../../src/lib/trust/admission.js';
import { readTrustPolicy, type TrustPolicy } from '../../../src/lib/trust/policy.js';

export interface Inputs {
  images: string[];
  mode: AdmissionMode;
  name: string;
  policy: TrustPolicy;
  /** Absolute path of the file to write. */
  outputFile: string;
  apply: boolean;
  kubeconfig?: string;
  context?: string;
}

/** An image glob: a registry path with *, ** and ? where any part may vary; no tag or digest needed. */
const IMAGE_GLOB = /^[a-z0-9*?]([a-z0-9._:/@*?-]*[a-z0-9*?])?$/;

export function parseImages(value: string): string[] {
  const images = value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (images.length === 0) throw new ConfigurationError('images', 'a value is required. Expected image globs, one per line, e.g. ghcr.io/acme/*');
  for (const image of images) {
    if (!IMAGE_GLOB.test(image) || image.includes('//')) throw new ConfigurationError('images', `'${image}' is not an image glob. Expected lowercase registry/path with * or ? where it may vary, e.g. ghcr.io/acme/*`);
  }
  return images;
}

/** Every input checked before anything is written or applied; no side effects. */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const kubeconfig = optionalInput('kubeconfig');
  maskSecrets(kubeconfig);
  const images = parseImages(requiredInput('images', 'image globs, one per line, e.g. ghcr.io/acme/*'));
  const mode = parseChoice('mode', requiredInput('mode', 'enforce or warn'), ['enforce', 'warn'] as const);
  const name = parseResourceName('name', requiredInput('name', 'a DNS-1123 name such as secure-delivery-trust'));
  const policy = readTrustPolicy(env);
  if (!policy.signer) {
    throw new ConfigurationError('certificate-identity', 'an admission policy needs the signer: certificate-identity or certificate-identity-regexp with certificate-oidc-issuer (keyless), or cosign-public-key');
  }
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const outputRaw = requiredInput('output-file', 'a file path such as admission-policy.yaml');
  const outputFile = path.resolve(workspace, outputRaw);
  if (existsSync(outputFile) && statSync(outputFile).isDirectory()) throw new ConfigurationError('output-file', `'${outputRaw}' is a directory. Expected a file path`);
  if (!existsSync(path.dirname(outputFile))) throw new ConfigurationError('output-file', `the folder of '${outputRaw}' does not exist (${path.dirname(outputFile)})`);
  const apply = booleanInput('apply');
  const context = optionalInput('context');
  if (context !== undefined && !/^[^\s]+$/.test(context)) throw new ConfigurationError('context', `'${context}' is not a kubeconfig context name (no spaces)`);
  if (!apply && (kubeconfig !== undefined || context !== undefined)) throw new ConfigurationError(kubeconfig !== undefined ? 'kubeconfig' : 'context', 'only apply: true talks to a cluster. Expected it empty, or apply: true');
  return { images, mode, name, policy, outputFile, apply, kubeconfig, context };
}
