import { isLoopbackRegistry } from '../../../src/lib/image-ref.js';
import { oidcTokenProblem, runUrl } from '../../../src/lib/run-url.js';
import type { CosignKey } from './inputs.js';

/** The key PEM travels in this variable, named by `--key env://...`: never in argv or on disk. */
export const KEY_ENV = 'COSIGN_PRIVATE_KEY';

export interface SignPlan {
  argv: string[];
  env: Record<string, string>;
  mode: 'keyless' | 'key';
}

/** Annotations signed with the image: where it came from. */
export function signAnnotations(env: NodeJS.ProcessEnv): string[] {
  const a: string[] = [];
  if (env.GITHUB_REPOSITORY) a.push('-a', `repo=${env.GITHUB_REPOSITORY}`);
  if (env.GITHUB_SHA) a.push('-a', `commit=${env.GITHUB_SHA}`);
  const run = runUrl(env);
  if (run) a.push('-a', `run=${run}`);
  return a;
}

/** Keyless signing needs the job's OIDC token; say how to get it before anything is built. */
export function keylessProblem(env: NodeJS.ProcessEnv): string | undefined {
  return oidcTokenProblem(env, 'keyless signing', 'or give cosign-key for key-based signing');
}

/** `--key` and the environment that carries the key and its password (never argv). */
function keyFlags(key: CosignKey | undefined, password: string | undefined): { argv: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  if (key?.kind === 'pem') {
    env[KEY_ENV] = key.pem;
    env.COSIGN_PASSWORD = password ?? '';
    return { argv: ['--key', `env://${KEY_ENV}`], env };
  }
  if (key?.kind === 'uri') {
    if (key.uri.startsWith('env://')) env.COSIGN_PASSWORD = password ?? '';
    return { argv: ['--key', key.uri], env };
  }
  return { argv: [], env };
}

function requireDigest(imageAtDigest: string, what: string): void {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to ${what} ${imageAtDigest}: only image@sha256 digests are ${what === 'sign' ? 'signed' : 'attested'}`);
}

/** `cosign sign --yes` of image@digest, never a tag; key and password through the environment. */
export function signPlan(imageAtDigest: string, registry: string, key: CosignKey | undefined, password: string | undefined, env: NodeJS.ProcessEnv): SignPlan {
  requireDigest(imageAtDigest, 'sign');
  const k = keyFlags(key, password);
  const argv = ['sign', '--yes', ...k.argv];
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(...signAnnotations(env), imageAtDigest);
  return { argv, env: k.env, mode: key ? 'key' : 'keyless' };
}

/**
 * `cosign attest --yes --type slsaprovenance1 --predicate <file>` of image@digest:
 * cosign wraps the predicate in an in-toto statement whose subject is that digest
 * (predicate type https://slsa.dev/provenance/v1, cmd/cosign/cli/options/predicate.go).
 */
export function attestPlan(imageAtDigest: string, registry: string, key: CosignKey | undefined, password: string | undefined, predicateFile: string): SignPlan {
  requireDigest(imageAtDigest, 'attest');
  const k = keyFlags(key, password);
  const argv = ['attest', '--yes', ...k.argv, '--type', 'slsaprovenance1', '--predicate', predicateFile];
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(imageAtDigest);
  return { argv, env: k.env, mode: key ? 'key' : 'keyless' };
}
