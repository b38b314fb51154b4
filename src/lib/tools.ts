import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, createReadStream, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import path from 'node:path';
import manifestJson from './tools.json' with { type: 'json' };
import { execTool } from './exec.js';

/**
 * Where the suite's CLIs come from (DESIGN rule 4): an executable of that name
 * already on PATH is used as it is, and its version logged; otherwise the
 * release pinned in tools.json is downloaded into the runner's tool cache and
 * checked against its pinned SHA-256 before it is unpacked or run.
 */
export type ToolName = 'cosign' | 'trivy' | 'kubeseal' | 'kubectl';

export interface ToolPlatform {
  url: string;
  sha256: string;
  archive: 'binary' | 'tar.gz';
  bin: string;
}
export interface ToolPin {
  version: string;
  platforms: Record<string, ToolPlatform>;
}
export type ToolManifest = Record<string, ToolPin>;

export const pinnedTools = manifestJson as unknown as ToolManifest;

export interface ResolvedTool {
  path: string;
  version: string;
  source: 'path' | 'cache' | 'download';
}

const VERSION_ARGS: Record<ToolName, string[]> = {
  cosign: ['version'],
  trivy: ['--version'],
  kubeseal: ['--version'],
  kubectl: ['version', '--client'],
};

export function findOnPath(name: string, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The first version-looking word a tool prints about itself. */
export function parseVersionOutput(text: string): string {
  const m = /v?[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?/.exec(text);
  return m ? m[0] : 'unknown';
}

export function platformKey(): string {
  const cpu = arch() === 'arm64' ? 'arm64' : arch() === 'x64' ? 'x64' : arch();
  return `${platform()}-${cpu}`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * @param wanted the version the workflow asks for when it must be downloaded
 *   (it must be one pinned in the manifest: a version without a pinned checksum is refused)
 */
export async function resolveTool(name: ToolName, wanted?: string, manifest: ToolManifest = pinnedTools): Promise<ResolvedTool> {
  const onPath = findOnPath(name);
  if (onPath) {
    const out = await execTool(onPath, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 30000 });
    const version = parseVersionOutput(`${out.stdout}\n${out.stderr}`);
    core.info(`Using ${name} ${version} from PATH (${onPath})`);
    if (wanted && version !== 'unknown' && version.replace(/^v/, '') !== wanted.replace(/^v/, '')) {
      core.warning(`${name} on PATH is ${version}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version, source: 'path' };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
  if (version.replace(/^v/, '') !== pin.version.replace(/^v/, '')) {
    throw new Error(`${name} ${version} is not on PATH and only ${pin.version} is pinned with a checksum; install ${name} ${version} before this step or use ${pin.version}`);
  }
  const key = platformKey();
  const release = pin.platforms[key];
  if (!release) throw new Error(`${name} ${pin.version} has no pinned release for ${key}; install ${name} before this step`);
  const tc = await import('@actions/tool-cache');
  const cached = tc.find(name, pin.version.replace(/^v/, ''), key);
  if (cached) {
    const bin = path.join(cached, release.bin);
    core.info(`Using ${name} ${pin.version} from the tool cache (${bin})`);
    return { path: bin, version: pin.version, source: 'cache' };
  }
  core.info(`Downloading ${name} ${pin.version} from ${release.url}`);
  const download = await tc.downloadTool(release.url);
  const actual = await sha256File(download);
  if (actual !== release.sha256) {
    throw new Error(`checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${actual}. The download was discarded and not run`);
  }
  let dir: string;
  if (release.archive === 'tar.gz') {
    const extracted = await tc.extractTar(download);
    dir = await tc.cacheDir(extracted, name, pin.version.replace(/^v/, ''), key);
  } else {
    dir = await tc.cacheFile(download, release.bin, name, pin.version.replace(/^v/, ''), key);
  }
  const bin = path.join(dir, release.bin);
  chmodSync(bin, 0o755);
  core.info(`Installed ${name} ${pin.version} (sha256 ${actual} verified) at ${bin}`);
  return { path: bin, version: pin.version, source: 'download' };
}
