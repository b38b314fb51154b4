import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
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
/** Releases never to run (tools.json `refused`), e.g. trivy v0.69.4, the 2026-03-19 credential stealer. */
export interface RefusedReleases {
  versions: string[];
  /** The Go main module, whose version the binary's build info records: read without running it. */
  module: string;
  reason: string;
}

export interface ToolPin {
  version: string;
  platforms: Record<string, ToolPlatform>;
  refused?: RefusedReleases;
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
const bare = (v: string): string => v.replace(/^v/, '');

export function isRefused(version: string, refused: RefusedReleases | undefined): boolean {
  return refused !== undefined && refused.versions.some((v) => bare(v) === bare(version));
}

/**
 * The versions of `module` a Go binary's build info names (the main module's
 * `mod<TAB><module><TAB>vX.Y.Z` line, and `-X <module>/...ver=X.Y.Z` in the recorded
 * -ldflags), read from the file without running it.
 */
export async function embeddedGoVersions(file: string, module: string): Promise<string[]> {
  const quoted = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const patterns = [new RegExp(`(?:^|\n)mod\t${quoted}\t(v[0-9]+\\.[0-9]+\\.[0-9]+[^\t\n]*)`, 'g'), new RegExp(`-X[= ]${quoted}/[\\w/.-]+\\.ver=v?([0-9]+\\.[0-9]+\\.[0-9]+)`, 'g')];
  const found = new Set<string>();
  let carry = '';
  // latin1 keeps one char per byte, so a match split across chunks is found in the overlap.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as Buffer).toString('latin1');
    for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) found.add(m[1]);
    carry = text.slice(-512);
  }
  return [...found];
}

/**
 * The environment a version probe runs in: PATH to start, an empty HOME and
 * TMPDIR, and none of the job's variables (tokens, ACTIONS_*, credentials).
 * A binary on PATH is not trusted until its version is known.
 */
export function probeEnv(inherited: NodeJS.ProcessEnv, home: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = Object.fromEntries(Object.keys(inherited).map((k) => [k, undefined]));
  env.PATH = inherited.PATH;
  env.HOME = home;
  env.TMPDIR = home;
  return env;
}

async function probeVersion(file: string, name: ToolName): Promise<string> {
  const home = mkdtempSync(path.join(tmpdir(), `${name}-probe-`));
  try {
    const out = await execTool(file, VERSION_ARGS[name], { allowFailure: true, timeoutMs: 30000, env: probeEnv(process.env, home), cwd: home });
    return parseVersionOutput(`${out.stdout}\n${out.stderr}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export async function resolveTool(name: ToolName, wanted?: string, manifest: ToolManifest = pinnedTools): Promise<ResolvedTool> {
  const onPath = findOnPath(name);
  const refused = manifest[name]?.refused;
  if (onPath) {
    if (refused) {
      const embedded = (await embeddedGoVersions(onPath, refused.module)).filter((v) => isRefused(v, refused));
      if (embedded.length > 0) throw new Error(`${name} at ${onPath} is ${embedded[0]} by its build info: ${refused.reason}. It was not run. Remove it from PATH or install ${manifest[name]?.version ?? 'another release'}`);
    }
    const version = await probeVersion(onPath, name);
    if (isRefused(version, refused)) throw new Error(`${name} ${version} at ${onPath}: ${refused?.reason}. Its version was read without the job's environment; it is not run with it. Remove it from PATH or install ${manifest[name]?.version ?? 'another release'}`);
    core.info(`Using ${name} ${version} from PATH (${onPath})`);
    if (wanted && version !== 'unknown' && version.replace(/^v/, '') !== wanted.replace(/^v/, '')) {
      core.warning(`${name} on PATH is ${version}, not the requested ${wanted}; the runner's copy is used as it is.`);
    }
    return { path: onPath, version, source: 'path' };
  }
  const pin = manifest[name];
  if (!pin) throw new Error(`${name} is not on PATH and no release of it is pinned`);
  const version = wanted ?? pin.version;
  if (isRefused(version, refused)) throw new Error(`${name} ${version}: ${refused?.reason}. Install ${pin.version}`);
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
