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

/** `cosign sign --yes` of image@digest, never a tag; key and password through the environment. */
export function signPlan(imageAtDigest: string, registry: string, key: CosignKey | undefined, password: string | undefined, env: NodeJS.ProcessEnv): SignPlan {
  if (!/@sha256:[a-f0-9]{64}$/.test(imageAtDigest)) throw new Error(`refusing to sign ${imageAtDigest}: only image@sha256 digests are signed`);
  const argv = ['sign', '--yes'];
  const childEnv: Record<string, string> = {};
  if (key?.kind === 'pem') {
    argv.push('--key', `env://${KEY_ENV}`);
    childEnv[KEY_ENV] = key.pem;
    childEnv.COSIGN_PASSWORD = password ?? '';
  } else if (key?.kind === 'uri') {
    argv.push('--key', key.uri);
    if (key.uri.startsWith('env://')) childEnv.COSIGN_PASSWORD = password ?? '';
  }
  if (isLoopbackRegistry(registry)) argv.push('--allow-http-registry');
  argv.push(...signAnnotations(env), imageAtDigest);
  return { argv, env: childEnv, mode: key ? 'key' : 'keyless' };
}
