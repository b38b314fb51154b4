import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { basicAuthValue, type Credentials } from './registry.js';

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

interface DockerConfigFile {
  auths?: Record<string, unknown>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * @param inherit for the docker CLI: start from the runner's own Docker config
 *   (other registries' logins, buildx builders and CLI plugins stay usable)
 *   without ever writing to it, so a pre-existing login is neither replaced
 *   nor logged out.
 */
export function writeAuthConfig(registry: string, credentials: Credentials, inherit = false): AuthConfig {
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = mkdtempSync(path.join(base, 'registry-auth-'));
  const file = path.join(dir, 'config.json');
  const auth = basicAuthValue(credentials);
  let config: DockerConfigFile = {};
  if (inherit) {
    const own = process.env.DOCKER_CONFIG || path.join(homedir(), '.docker');
    try {
      config = JSON.parse(readFileSync(path.join(own, 'config.json'), 'utf8')) as DockerConfigFile;
    } catch {
      config = {};
    }
    // A credential store would be asked instead of the file for this registry.
    delete config.credsStore;
    if (config.credHelpers) delete config.credHelpers[registry];
    for (const sub of ['buildx', 'cli-plugins', 'contexts']) {
      if (existsSync(path.join(own, sub))) symlinkSync(path.join(own, sub), path.join(dir, sub));
    }
  }
  config.auths = { ...(config.auths ?? {}), [registry]: { auth } };
  writeFileSync(file, `${JSON.stringify(config)}\n`, { mode: 0o600 });
  return {
    dir,
    file,
    env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: file },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
