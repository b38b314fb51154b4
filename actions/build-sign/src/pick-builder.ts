import * as core from '@actions/core';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { execTool } from '../../../src/lib/exec.js';
import { findOnPath } from '../../../src/lib/tools.js';
import { parseBuildxDriver, type ConcreteBuilder } from './builder.js';
import type { Inputs } from './inputs.js';

async function output(file: string, args: string[]): Promise<string | undefined> {
  try {
    const r = await execTool(file, args, { allowFailure: true, timeoutMs: 20000 });
    return r.exitCode === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `auto`: docker buildx when a Docker engine answers and its builder can push by
 * digest (any driver but `docker`: GitHub's default builder needs
 * docker/setup-buildx-action), else buildah, else podman. Several platforms need
 * buildx: without it that is a mistake in the inputs, said before anything is built.
 */
export async function pickBuilder(inputs: Pick<Inputs, 'builder' | 'platforms' | 'push'>): Promise<ConcreteBuilder> {
  const wanted = inputs.builder;
  const dockerDriver = async (): Promise<string | undefined> => {
    if (!findOnPath('docker') || (await output('docker', ['buildx', 'version'])) === undefined || (await output('docker', ['info', '--format', '{{.ServerVersion}}'])) === undefined) return undefined;
    return parseBuildxDriver((await output('docker', ['buildx', 'inspect'])) ?? '') ?? 'unknown';
  };
  if (wanted === 'docker') {
    if (!findOnPath('docker')) throw new Error("builder docker was asked for but 'docker' is not on PATH");
    const driver = await dockerDriver();
    if (inputs.push && driver === 'docker') {
      throw new Error("builder docker: the current buildx builder uses the 'docker' driver, which cannot push by digest (build-sign tags the image only after checking each tag). Add docker/setup-buildx-action before this step (docker-container driver), or set builder: buildah");
    }
    return 'docker';
  }
  if (wanted !== 'auto') {
    if (!findOnPath(wanted)) throw new Error(`builder ${wanted} was asked for but '${wanted}' is not on PATH`);
    return wanted;
  }
  const driver = await dockerDriver();
  if (driver !== undefined && (driver !== 'docker' || !inputs.push)) return 'docker';
  const fallback = findOnPath('buildah') ? 'buildah' : findOnPath('podman') ? 'podman' : undefined;
  if (inputs.platforms.length > 1) {
    throw new ConfigurationError(
      'platforms',
      `${inputs.platforms.length} platforms (${inputs.platforms.join(', ')}) need docker buildx with a multi-platform builder, and builder: auto found ${driver === 'docker' ? "only buildx's 'docker' driver (add docker/setup-buildx-action)" : 'no Docker engine'}${fallback ? `; ${fallback} builds one platform per run` : ''}. Expected one platform, or a runner with Docker and docker/setup-buildx-action`,
    );
  }
  if (fallback) {
    if (driver === 'docker') core.info(`The buildx builder uses the 'docker' driver, which cannot push by digest: building with ${fallback}`);
    return fallback;
  }
  throw new Error('no image builder found: install docker with buildx, buildah or podman, or set the builder input');
}

