import { ConfigurationError } from '../../../src/lib/errors.js';
import { parseImageRef, type ImageReference } from '../../../src/lib/image-ref.js';
import {
  booleanInput,
  maskSecrets,
  oneLine,
  optionalInput,
  parseChoice,
  parseContainerName,
  parseDuration,
  parseList,
  parseNamespace,
  parseResourceName,
  requiredInput,
} from '../../../src/lib/inputs.js';
import { readTrustPolicy, type Signer, type TrustPolicy } from '../../../src/lib/trust/policy.js';

export const MODES = ['deploy', 'rollback'] as const;
export type Mode = (typeof MODES)[number];

/** Who must have signed the image: the trust policy's signer (src/lib/trust/policy.ts). */
export type Verification = Signer;

export interface Inputs {
  mode: Mode;
  namespace: string;
  deployments: string[];
  /** Containers to update; undefined: those whose image repository equals image-ref's. */
  containers?: string[];
  /** deploy mode only. */
  image?: ImageReference;
  imageRaw?: string;
  allowTag: boolean;
  kubeconfig?: string;
  context?: string;
  timeoutMs: number;
  rollbackOnFailure: boolean;
  failFast: boolean;
  verify?: Verification;
  /** Attestations required before any change (empty: none), and who must have signed them. */
  trust: TrustPolicy;
  cosignVersion: string;
  healthCheckUrl?: string;
  githubToken?: string;
  environment?: string;
  environmentUrl?: string;
  /** to-revision as one plain number (one deployment). */
  toRevision?: number;
  /** to-revision as `deployment=revision` lines. */
  toRevisions?: Record<string, number>;
  allowOlderCommit: boolean;
  registry?: { username: string; password: string };
}

/**
 * to-revision: one plain number (one deployment), or one `deployment=revision` line per
 * deployment (a deployment without a line goes back to the revision before its current one).
 */
export function parseToRevision(raw: string, deployments: string[]): { toRevision?: number; toRevisions?: Record<string, number> } {
  const expected = 'Expected a revision number as shown by kubectl rollout history (one deployment), or one deployment=revision line per deployment';
  if (/^[1-9][0-9]{0,9}$/.test(raw)) {
    if (deployments.length > 1) throw new ConfigurationError('to-revision', `'${raw}' is one revision for ${deployments.length} deployments, whose revisions are numbered apart. ${expected}, e.g. ${deployments[0]}=${raw}`);
    return { toRevision: Number(raw) };
  }
  const toRevisions: Record<string, number> = {};
  for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')) {
    const m = /^([a-z0-9][a-z0-9.-]*)=([1-9][0-9]{0,9})$/.exec(line);
    if (!m) throw new ConfigurationError('to-revision', `'${oneLine(line)}' is not a revision. ${expected}`);
    const [, name, revision] = m as unknown as [string, string, string];
    if (!deployments.includes(name)) throw new ConfigurationError('to-revision', `'${name}' is not one of the deployments given (${deployments.join(', ')}). ${expected}`);
    if (toRevisions[name] !== undefined) throw new ConfigurationError('to-revision', `deployment ${name} is given twice`);
    toRevisions[name] = Number(revision);
  }
  if (Object.keys(toRevisions).length === 0) throw new ConfigurationError('to-revision', `'${oneLine(raw)}' is not a revision. ${expected}`);
  return { toRevisions };
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(name, `'${value}' is not a URL. Expected http(s)://host/path`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(name, `'${value}' is not an http(s) URL`);
  return value;
}

/** Reads and checks every input; secrets are masked before anything else is logged. */
export function getInputs(): Inputs {
  const kubeconfig = optionalInput('kubeconfig');
  const githubToken = optionalInput('github-token');
  const registryPassword = optionalInput('registry-password');
  maskSecrets(kubeconfig, githubToken, registryPassword);

  const mode = parseChoice('mode', requiredInput('mode', MODES.join(' | ')), MODES);
  const namespace = parseNamespace('namespace', requiredInput('namespace', 'the Kubernetes namespace of the deployments'));
  const allowDefault = booleanInput('allow-default-namespace');
  if (namespace === 'default' && !allowDefault) {
    throw new ConfigurationError('namespace', "'default' is refused: production workloads belong in their own namespace. Expected another namespace, or set allow-default-namespace: true");
  }
  const deploymentsRaw = requiredInput('deployment', 'one or more Deployment names, one per line');
  const deployments = parseList(deploymentsRaw).map((d) => parseResourceName('deployment', d));
  if (new Set(deployments).size !== deployments.length) throw new ConfigurationError('deployment', 'a deployment is listed twice');
  const containerRaw = optionalInput('container');
  const containers = containerRaw === undefined ? undefined : parseList(containerRaw).map((c) => parseContainerName('container', c));
  const allowTag = booleanInput('allow-tag');
  const imageRaw = optionalInput('image-ref');
  let image: ImageReference | undefined;
  if (mode === 'deploy') {
    if (imageRaw === undefined) throw new ConfigurationError('image-ref', 'a value is required in deploy mode. Expected registry/path/name@sha256:<64 hex>');
    image = parseImageRef('image-ref', imageRaw, allowTag);
  } else if (imageRaw !== undefined) {
    throw new ConfigurationError('image-ref', 'mode: rollback returns to an earlier revision and takes no image-ref. Expected it empty, or mode: deploy');
  }
  const context = optionalInput('context');
  if (context !== undefined && !/^[^\s]+$/.test(context)) throw new ConfigurationError('context', `'${context}' is not a kubeconfig context name`);
  const timeoutMs = parseDuration('timeout', requiredInput('timeout', 'a duration such as 5m'));
  const rollbackOnFailure = booleanInput('rollback-on-failure');
  const failFast = booleanInput('fail-fast');

  // One reading of who signed and what must be attested, shared with admission-policy.
  const trust = readTrustPolicy();
  if (mode === 'rollback' && trust.require.length > 0) throw new ConfigurationError('require-attestations', 'mode: rollback deploys no new image, so there is nothing to verify. Expected it empty');
  let verify: Verification | undefined;
  if (booleanInput('verify-signature')) {
    if (mode === 'rollback') throw new ConfigurationError('verify-signature', 'mode: rollback deploys no new image, so there is nothing to verify. Expected false');
    if (!trust.signer) throw new ConfigurationError('certificate-identity', 'verify-signature: true needs certificate-identity or certificate-identity-regexp (keyless), or cosign-public-key');
    verify = trust.signer;
  }
  const cosignVersion = requiredInput('cosign-version', 'a cosign v3 release such as v3.0.6');
  if (!/^v?3\.[0-9]+\.[0-9]+$/.test(cosignVersion)) throw new ConfigurationError('cosign-version', `'${oneLine(cosignVersion)}' is not a cosign v3 release. Expected v3.X.Y, such as v3.0.6`);
  const healthRaw = optionalInput('health-check-url');
  const healthCheckUrl = healthRaw === undefined ? undefined : httpUrl('health-check-url', healthRaw);
  const environment = optionalInput('environment');
  if (environment !== undefined && !/^[^\p{Cc}]{1,255}$/u.test(environment)) throw new ConfigurationError('environment', `'${oneLine(environment)}' is not a GitHub environment name: it holds a line break or another control character. Expected one line, such as production`);
  const envUrlRaw = optionalInput('environment-url');
  const environmentUrl = envUrlRaw === undefined ? undefined : httpUrl('environment-url', envUrlRaw);
  const toRevisionRaw = optionalInput('to-revision');
  let toRevision: number | undefined;
  let toRevisions: Record<string, number> | undefined;
  if (toRevisionRaw !== undefined) {
    if (mode !== 'rollback') throw new ConfigurationError('to-revision', 'only mode: rollback takes to-revision (deploy mode picks its rollback target itself)');
    ({ toRevision, toRevisions } = parseToRevision(toRevisionRaw, deployments));
  }
  const allowOlderCommit = booleanInput('allow-older-commit');
  const registryUser = optionalInput('registry-username');
  if ((registryUser === undefined) !== (registryPassword === undefined)) {
    throw new ConfigurationError(registryUser === undefined ? 'registry-username' : 'registry-password', 'registry-username and registry-password go together');
  }
  return {
    mode,
    namespace,
    deployments,
    containers,
    image,
    imageRaw,
    allowTag,
    kubeconfig,
    context,
    timeoutMs,
    rollbackOnFailure,
    failFast,
    verify,
    trust,
    cosignVersion,
    healthCheckUrl,
    githubToken,
    environment,
    environmentUrl,
    toRevision,
    toRevisions,
    allowOlderCommit,
    registry: registryUser !== undefined && registryPassword !== undefined ? { username: registryUser, password: registryPassword } : undefined,
  };
}
