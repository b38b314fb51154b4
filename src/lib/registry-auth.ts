import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Credentials } from './registry.js';

/**
 * Registry credentials for child tools, in a Docker-format config.json that
 * docker/cosign (DOCKER_CONFIG) and buildah/podman/skopeo (--authfile,
 * REGISTRY_AUTH_FILE) all read. It lives in a private 0700 temp folder only for
 * the step and is removed at the end: the password never reaches argv or logs.
 */
export interface AuthConfig {
  dir: string;
  file: string;
  /** Environment for tools that read it. */
  env: Record<string, string>;
  remove(): void;
}

export function writeAuthConfig(registry: string, credentials: Credentials): AuthConfig {
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = mkdtempSync(path.join(base, 'registry-auth-'));
  const file = path.join(dir, 'config.json');
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  writeFileSync(file, `${JSON.stringify({ auths: { [registry]: { auth } } })}\n`, { mode: 0o600 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
