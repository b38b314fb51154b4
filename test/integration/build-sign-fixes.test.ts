// Issue 10: each case below failed before its fix (checked by reverting it).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildahEnv, makeContext } from '../harness/context.mjs';
import { readRendered } from '../harness/gfm.mjs';
import { startRegistry } from '../harness/registry.mjs';
import { fakesDir, repoRoot, runAction } from '../harness/run-action.mjs';

type Registry = Awaited<ReturnType<typeof startRegistry>>;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const DEFAULT_TAG = `sha-${SHA.slice(0, 12)}`;
const RUNNER_ENV = {
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY_ID: '123456789',
  GITHUB_REPOSITORY_OWNER_ID: '987654',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
const ACCEPT = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json';
const PASSWORD = 'canary-Pw-fixes-31c9a0';

let reg: Registry;
let authed: Registry;
beforeAll(async () => {
  [reg, authed] = await Promise.all([startRegistry(), startRegistry({ username: 'ci', password: PASSWORD })]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), authed?.stop()]);
});

function run(inputs: Record<string, string>, env: Record<string, string | undefined> = {}, cwd?: string) {
  return runAction('build-sign', { inputs: { builder: 'buildah', sign: 'false', ...inputs }, env: { ...buildahEnv, ...RUNNER_ENV, GITHUB_SHA: SHA, ...env }, cwd });
}

interface ManifestJson {
  mediaType?: string;
  config?: { digest: string };
  manifests: Array<{ digest: string; platform: { os: string; architecture: string }; annotations?: Record<string, string> }>;
}

async function manifest(repo: string, ref: string): Promise<{ digest: string | null; json: ManifestJson } | null> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${ref}`, { headers: { Accept: ACCEPT } });
  if (res.status !== 200) return null;
  return { digest: res.headers.get('docker-content-digest'), json: (await res.json()) as ManifestJson };
}

/** The image config digest(s) a tag holds, attestation manifests left out. */
async function configsOf(repo: string, ref: string): Promise<string[]> {
  const m = await manifest(repo, ref);
  if (!m) return [];
  if (m.json.config) return [m.json.config.digest];
  const out: string[] = [];
  for (const child of m.json.manifests) {
    if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    out.push(...(await configsOf(repo, child.digest)));
  }
  return out.sort();
}

/** A stand-in `buildah` first on PATH that runs `hook` (sh) before a push, then the real buildah. */
function buildahWithHook(hook: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'buildah-hook-'));
  writeFileSync(path.join(dir, 'buildah'), `#!/bin/sh\nif [ "$1" = "push" ]; then\n${hook}\nfi\nexec /usr/bin/buildah "$@"\n`);
  chmodSync(path.join(dir, 'buildah'), 0o755);
  return `${dir}:${fakesDir}:${process.env.PATH}`;
}

function buildahBuild(ctx: string, name: string): string {
  const iid = path.join(mkdtempSync(path.join(tmpdir(), 'iid-')), 'iid');
  const r = spawnSync('buildah', ['build', '--iidfile', iid, '-t', name, ctx], { env: { ...process.env, ...buildahEnv }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(iid, 'utf8').trim();
}

describe('1. two runs of one commit on one host', () => {
  test("the image pushed is this run's build, even when another build took its name:tag meanwhile", async () => {
    const image = `${reg.host}/demo/concurrent`;
    // The other run's build, finished between this run's build and its push: same names, other content.
    const decoy = buildahBuild(makeContext('the other run'), `${image}:decoy`);
    const PATH = buildahWithHook(`/usr/bin/buildah tag ${decoy} ${image}:${DEFAULT_TAG} ${image}:v7.0.0 >/dev/null`);
    const r = await run({ image, tags: 'v7.0.0' }, { PATH }, makeContext('this run'));
    expect(r.errors).toEqual([]);
    const built = /Built image config (sha256:[a-f0-9]{64})/.exec(r.stdout)?.[1];
    expect(built).toBeDefined();
    expect(built).not.toBe(decoy);
    for (const tag of [DEFAULT_TAG, 'v7.0.0']) expect(await configsOf('demo/concurrent', tag)).toEqual([built]);
  });
});

describe('4. the existing-tag check and the push', () => {
  test('a tag another run writes after the check is re-checked before it is written, and not overwritten', async () => {
    const image = `${reg.host}/demo/race`;
    // While this run pushes its first tag, another run pushes a different image under the second.
    const racer = path.join(mkdtempSync(path.join(tmpdir(), 'racer-')), 'racer.mjs');
    writeFileSync(racer, `import { pushTestImage } from ${JSON.stringify(path.join(repoRoot, 'test', 'harness', 'registry.mjs'))};\nawait pushTestImage({ url: ${JSON.stringify(reg.url)} }, 'demo/race', 'v8.0.0', 'the other run');\n`);
    const PATH = buildahWithHook(`${process.execPath} ${racer}`);
    const r = await run({ image, tags: 'v8.0.0' }, { PATH }, makeContext('race'));
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/tag v8\.0\.0 appeared in the registry during this run.*not overwritten/);
    const other = await manifest('demo/race', 'v8.0.0');
    expect(other?.json.config).toBeDefined();
    expect(JSON.stringify(await configsOf('demo/race', 'v8.0.0'))).not.toContain(/Built image config (sha256:[a-f0-9]{64})/.exec(r.stdout)?.[1]);
    // What was tagged is said, with its digest.
    expect(r.outputs.digest).toBe((await manifest('demo/race', DEFAULT_TAG))?.digest);
  });

  test('a wrong registry password fails before anything is built', async () => {
    const r = await run({ image: `${authed.host}/team/early`, 'registry-username': 'ci', 'registry-password': 'canary-wrong-77aa' }, {}, makeContext());
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/refused the given credentials/);
    expect(r.stdout).not.toContain('[command] buildah build');
  });

  test('builder auto, two platforms and no Docker engine: an input error naming platforms, nothing built', async () => {
    // buildah and podman in /usr/bin, no docker anywhere on PATH.
    const r = await runAction('build-sign', {
      inputs: { image: `${reg.host}/demo/multi`, builder: 'auto', platforms: 'linux/amd64,linux/arm64', sign: 'false' },
      env: { ...buildahEnv, ...RUNNER_ENV, GITHUB_SHA: SHA, PATH: '/usr/bin:/bin' },
      fakes: false,
      cwd: makeContext(),
    });
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toMatch(/^build-sign failed: input 'platforms': 2 platforms \(linux\/amd64, linux\/arm64\) need docker buildx/);
    expect(r.stdout).not.toContain('[command] buildah build');
    expect(r.summary).toContain('did not start: input `platforms`');
  });

  test.each([
    ['context', { context: 'nope\n# Injected heading\n- injected item' }],
    ['cosign-version', { 'cosign-version': 'v9\n# Injected heading\n- injected item' }],
    ['builder', { builder: 'x\n# Injected heading\n- injected item' }],
  ])('a line break in %s does not inject Markdown into the summary', async (input, inputs) => {
    const r = await run({ image: `${reg.host}/demo/md`, ...inputs }, {}, makeContext());
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toContain(`input '${input}'`);
    const page = readRendered(r.summary);
    expect(page.blocks.filter((b: { kind: string }) => b.kind === 'h1' || b.kind === 'li')).toEqual([]);
    expect(r.summary).toContain('\\n# Injected heading\\n- injected item');
  });
});

describe('2. docker buildx writing an image index', () => {
  const docker = (inputs: Record<string, string>, env: Record<string, string | undefined> = {}, cwd = makeContext('buildx')) => run({ builder: 'docker', ...inputs }, { SOURCE_DATE_EPOCH: '1700000000', ...env }, cwd);

  test("one platform with buildx's default provenance: the index is pushed, tagged and reported", async () => {
    const r = await docker({ image: `${reg.host}/demo/idx1`, tags: 'v1.0.0' });
    expect(r.errors).toEqual([]);
    const m = await manifest('demo/idx1', DEFAULT_TAG);
    expect(m?.json.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(m?.json.manifests.map((c) => c.annotations?.['vnd.docker.reference.type'] ?? c.platform.architecture)).toEqual(['amd64', 'attestation-manifest']);
    expect(r.outputs.digest).toBe(m?.digest);
    expect((await manifest('demo/idx1', 'v1.0.0'))?.digest).toBe(m?.digest);
    // The summary's table shows the image config shortened; the full image@digest is in its code block.
    const config = (await configsOf('demo/idx1', DEFAULT_TAG))[0] as string;
    expect(r.summary).toContain(`\`${config.slice(0, 19)}…\``);
    expect(readRendered(r.summary).codeBlocks.map((c: string) => c.trim())).toContain(`${reg.host}/demo/idx1@${m?.digest}`);
  });

  test('two platforms: one index, both images, reported by its digest', async () => {
    const r = await docker({ image: `${reg.host}/demo/idx2`, platforms: 'linux/amd64,linux/arm64' });
    expect(r.errors).toEqual([]);
    const m = await manifest('demo/idx2', DEFAULT_TAG);
    expect(r.outputs.digest).toBe(m?.digest);
    expect(m?.json.manifests.filter((c) => c.platform.os === 'linux').map((c) => c.platform.architecture)).toEqual(['amd64', 'arm64']);
    expect(await configsOf('demo/idx2', DEFAULT_TAG)).toHaveLength(2);
  });

  test('a re-run: a fresh provenance makes another index, but the images are the same, so the tag keeps its digest', async () => {
    const ctx = makeContext('buildx-rerun');
    const first = await docker({ image: `${reg.host}/demo/idx3` }, {}, ctx);
    expect(first.errors).toEqual([]);
    const again = await docker({ image: `${reg.host}/demo/idx3` }, {}, ctx);
    expect(again.errors).toEqual([]);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.stdout).toContain('already holds this image');
    expect(again.stdout).toMatch(/This run's push sha256:[a-f0-9]{64} stays untagged/);
  });

  test('without attestations buildx writes one manifest: its config digest is checked against the registry', async () => {
    const r = await docker({ image: `${reg.host}/demo/plain` }, { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' });
    expect(r.errors).toEqual([]);
    const m = await manifest('demo/plain', DEFAULT_TAG);
    expect(m?.json.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(r.outputs.digest).toBe(m?.digest);
  });

  test("buildx's docker driver cannot push by digest: builder docker says so before building; auto uses buildah", async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'docker-log-')), 'calls.jsonl');
    const refused = await docker({ image: `${reg.host}/demo/driver` }, { FAKE_BUILDX_DRIVER: 'docker', FAKE_DOCKER_LOG: log });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors.join('\n')).toMatch(/'docker' driver, which cannot push by digest.*docker\/setup-buildx-action/);
    expect(readFileSync(log, 'utf8')).not.toContain('"build"');
    const auto = await docker({ image: `${reg.host}/demo/driver`, builder: 'auto' }, { FAKE_BUILDX_DRIVER: 'docker' });
    expect(auto.errors).toEqual([]);
    expect(auto.summary).toContain('| Builder | buildah |');
  });
});

describe('3. a re-run after a push and a cosign failure', () => {
  test('the re-run of the commit builds the same image (the commit time as SOURCE_DATE_EPOCH) and signs it', async () => {
    // A checkout: the workspace is a git repository at the commit being built.
    const ctx = makeContext('rerun-after-cosign');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: ctx, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z' } });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'c');
    const sha = git('rev-parse', 'HEAD').stdout.trim();
    const image = `${reg.host}/demo/rerun-sign`;
    const logDir = mkdtempSync(path.join(tmpdir(), 'cosign-'));
    const env = { GITHUB_SHA: sha, SOURCE_DATE_EPOCH: undefined, FAKE_COSIGN_LOG: path.join(logDir, 'calls.jsonl'), ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' };
    const first = await run({ image, sign: 'true' }, { ...env, FAKE_COSIGN_FAIL: 'rekor unavailable' }, ctx);
    expect(first.exitCode).toBe(1);
    expect(first.outputs.signed).toBe('false');
    expect(first.outputs.digest).toMatch(/^sha256:/);
    expect(first.summary).toContain('Re-run this job');
    const again = await run({ image, sign: 'true' }, env, ctx);
    expect(again.errors).toEqual([]);
    expect(again.outputs.signed).toBe('true');
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.stdout).toContain(`SOURCE_DATE_EPOCH=${Math.floor(Date.parse('2026-01-02T03:04:05Z') / 1000)} (the commit time of ${sha.slice(0, 12)})`);
    const calls = readFileSync(env.FAKE_COSIGN_LOG, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { command: string; argv: string[] });
    expect(calls.filter((c) => c.command === 'sign').map((c) => c.argv.at(-1))).toEqual([`${image}@${first.outputs.digest}`]);
    expect(existsSync(env.FAKE_COSIGN_LOG)).toBe(true);
  });
});
