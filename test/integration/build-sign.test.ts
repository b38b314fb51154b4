import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildahEnv, makeContext } from '../harness/context.mjs';
import { findLeaks } from '../harness/leak-check.mjs';
import { startRegistry } from '../harness/registry.mjs';
import { runAction } from '../harness/run-action.mjs';

type Registry = Awaited<ReturnType<typeof startRegistry>>;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const DEFAULT_TAG = `sha-${SHA.slice(0, 12)}`;
const CANARY_PASSWORD = 'canary-Pw-7f3a9c1e-registry';
const CANARY_COSIGN_PASSWORD = 'canary-Pw-cosign-55d0e2';
// A cosign key file as `cosign generate-key-pair` writes it (the fake never decrypts it).
const CANARY_KEY = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\ncanaryKEYmaterial0b1e6a77c9d2f44e8a\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----`;

// What a GitHub runner sets beside the harness's GITHUB_* variables (provenance reads them).
const RUNNER_ENV = {
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY_ID: '123456789',
  GITHUB_REPOSITORY_OWNER_ID: '987654',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

let plain: Registry;
let authed: Registry;

beforeAll(async () => {
  [plain, authed] = await Promise.all([startRegistry(), startRegistry({ username: 'ci', password: CANARY_PASSWORD })]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), authed?.stop()]);
});

async function registryDigest(reg: Registry, repo: string, tag: string, auth?: string): Promise<string | null> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
      ...(auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}),
    },
  });
  return res.status === 200 ? res.headers.get('docker-content-digest') : null;
}

async function catalog(reg: Registry): Promise<string[]> {
  const res = await fetch(`${reg.url}/v2/_catalog`);
  return ((await res.json()) as { repositories: string[] }).repositories;
}

function run(inputs: Record<string, string>, env: Record<string, string | undefined> = {}, cwd?: string) {
  return runAction('build-sign', { inputs: { builder: 'buildah', sign: 'false', ...inputs }, env: { ...buildahEnv, ...RUNNER_ENV, GITHUB_SHA: SHA, ...env }, cwd });
}

function cosignCalls(log: string): Array<{ command: string; argv: string[]; envNames: string[]; mode?: string }> {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

describe('build-sign with buildah against a real registry', () => {
  test('pushes, and every tag serves the digest it outputs', async () => {
    const ctx = makeContext('first');
    const image = `${plain.host}/demo/app`;
    const r = await run({ image, tags: 'v1.2.3' }, {}, ctx);
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    const digest = r.outputs.digest;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.outputs['image-ref']).toBe(`${image}@${digest}`);
    expect(r.outputs.tags?.split('\n')).toEqual([`${image}:${DEFAULT_TAG}`, `${image}:v1.2.3`]);
    expect(r.outputs.signed).toBe('false');
    for (const tag of [DEFAULT_TAG, 'v1.2.3']) expect(await registryDigest(plain, 'demo/app', tag)).toBe(digest);
    expect(r.summary).toContain(digest);
    expect(r.summary).toContain(`${image}:v1.2.3`);
  });

  test('podman builds and pushes the same way (its --iidfile holds bare hex)', async () => {
    const image = `${plain.host}/demo/podman`;
    const r = await run({ image, builder: 'podman', tags: 'v1.0.0' }, {}, makeContext('podman'));
    expect(r.errors).toEqual([]);
    expect(r.outputs['image-ref']).toBe(`${image}@${r.outputs.digest}`);
    for (const tag of [DEFAULT_TAG, 'v1.0.0']) expect(await registryDigest(plain, 'demo/podman', tag)).toBe(r.outputs.digest);
  });

  test('a changed context under an existing tag fails before any push; the tag keeps its digest', async () => {
    const image = `${plain.host}/demo/immutable`;
    const first = await run({ image, tags: 'v2.0.0' }, {}, makeContext('one'));
    expect(first.exitCode).toBe(0);
    const before = await registryDigest(plain, 'demo/immutable', 'v2.0.0');
    // Same tags, different content: the default sha- tag also exists already.
    const second = await run({ image, tags: 'v2.0.0' }, {}, makeContext('two'));
    expect(second.exitCode).not.toBe(0);
    expect(second.errors.join('\n')).toMatch(/tags are immutable.*Nothing was pushed/s);
    expect(await registryDigest(plain, 'demo/immutable', 'v2.0.0')).toBe(before);
    expect(await registryDigest(plain, 'demo/immutable', DEFAULT_TAG)).toBe(before);
    expect(second.outputs.digest).toBeUndefined();
    // Nothing was pushed, so no tag is reported as pushed.
    expect(second.outputs.tags).toBeUndefined();
    expect(second.summary).toContain('build-sign failed');
  });

  test('a reproducible re-run (SOURCE_DATE_EPOCH) finds its tags holding the same image and succeeds', async () => {
    const image = `${plain.host}/demo/rerun`;
    const ctx = makeContext('same');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const first = await run({ image }, env, ctx);
    expect(first.exitCode).toBe(0);
    const again = await run({ image }, env, ctx);
    expect(again.errors).toEqual([]);
    expect(again.exitCode).toBe(0);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.stdout).toContain('already holds this image');
  });

  test('the same image already under a tag in another manifest: new tags point at that manifest, no fresh push', async () => {
    // The image as another builder (or format) wrote it: the same config and layers, other manifest bytes.
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const ctx = makeContext('same');
    const source = await run({ image: `${plain.host}/demo/fmt-source` }, env, ctx);
    expect(source.exitCode).toBe(0);
    const res = await fetch(`${plain.url}/v2/demo/fmt-source/manifests/${DEFAULT_TAG}`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' } });
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0] as string;
    const manifest = (await res.json()) as { config: { digest: string }; layers: Array<{ digest: string }> };
    for (const blob of [manifest.config, ...manifest.layers]) {
      const mount = await fetch(`${plain.url}/v2/demo/fmt/blobs/uploads/?mount=${blob.digest}&from=demo/fmt-source`, { method: 'POST' });
      expect(mount.status).toBe(201);
    }
    const other = Buffer.from(JSON.stringify(manifest, null, 3));
    const put = await fetch(`${plain.url}/v2/demo/fmt/manifests/${DEFAULT_TAG}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body: other });
    expect(put.status).toBe(201);
    const existing = put.headers.get('docker-content-digest');
    expect(existing).not.toBe(source.outputs.digest);

    const r = await run({ image: `${plain.host}/demo/fmt`, tags: 'v4.0.0' }, env, ctx);
    expect(r.errors).toEqual([]);
    expect(r.outputs.digest).toBe(existing);
    expect(await registryDigest(plain, 'demo/fmt', 'v4.0.0')).toBe(existing);
    expect(r.stdout).toContain(`Tag ${DEFAULT_TAG} already holds this image`);
  });

  test('existing tags holding this image in two different manifests: refused before anything is pushed', async () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const ctx = makeContext('same');
    const first = await run({ image: `${plain.host}/demo/fmt2`, tags: 'v5.0.0' }, env, ctx);
    expect(first.exitCode).toBe(0);
    const res = await fetch(`${plain.url}/v2/demo/fmt2/manifests/${DEFAULT_TAG}`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' } });
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0] as string;
    const reformatted = Buffer.from(JSON.stringify(await res.json(), null, 3));
    expect((await fetch(`${plain.url}/v2/demo/fmt2/manifests/v5.0.0`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body: reformatted })).status).toBe(201);
    const r = await run({ image: `${plain.host}/demo/fmt2`, tags: 'v5.0.0\nv5.0.1' }, env, ctx);
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/hold this image in different manifests.*Nothing was pushed/);
    expect(await registryDigest(plain, 'demo/fmt2', 'v5.0.1')).toBeNull();
  });

  test('a mutable tag is refused and the registry receives nothing', async () => {
    const image = `${plain.host}/demo/mutable`;
    for (const tags of ['latest', 'main', 'v1', 'v1.2', 'stable', 'nightly']) {
      const r = await run({ image, tags }, {}, makeContext());
      expect(r.exitCode).not.toBe(0);
      expect(r.errors.join('\n')).toContain("input 'tags'");
      expect(r.errors.join('\n')).toContain(`'${tags}'`);
    }
    expect(await catalog(plain)).not.toContain('demo/mutable');
    const allowed = await run({ image, tags: 'latest', 'allow-mutable-tags': 'true' }, {}, makeContext());
    expect(allowed.exitCode).toBe(0);
    expect(await registryDigest(plain, 'demo/mutable', 'latest')).toBe(allowed.outputs.digest);
  });

  test.each([
    ['uppercase path', '127.0.0.1:5000/Demo/App'],
    ['spaces', '127.0.0.1:5000/demo app'],
    ['semicolon', '127.0.0.1:5000/demo;touch /tmp/pwned'],
    ['command substitution', '127.0.0.1:5000/$(touch /tmp/pwned)'],
    ['a tag included', '127.0.0.1:5000/demo/app:v1.0.0'],
    ['a digest included', `127.0.0.1:5000/demo/app@sha256:${'a'.repeat(64)}`],
    ['no registry', 'demo/app'],
    ['a capitalised first component (not a host)', 'Demo/app'],
    ['empty', ''],
  ])('image with %s fails naming image, and nothing runs', async (_what, image) => {
    // Recording stand-ins for every program the action could start: none may run.
    const trap = mkdtempSync(path.join(tmpdir(), 'trap-'));
    const record = path.join(trap, 'ran');
    for (const prog of ['buildah', 'podman', 'docker', 'cosign', 'sh', 'bash']) {
      writeFileSync(path.join(trap, prog), `#!/bin/sh\necho ${prog} >> ${record}\n`);
      chmodSync(path.join(trap, prog), 0o755);
    }
    const r = await runAction('build-sign', {
      inputs: { image, builder: 'auto', sign: 'true' },
      env: { PATH: `${trap}:/usr/bin:/bin`, GITHUB_SHA: SHA },
      fakes: false,
      cwd: makeContext(),
    });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^build-sign failed: input 'image': /);
    expect(existsSync(record)).toBe(false);
    expect(existsSync('/tmp/pwned')).toBe(false);
  });

  test('keyless signing without an OIDC token fails naming id-token: write, before anything is pushed', async () => {
    const image = `${plain.host}/demo/keyless-missing`;
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'cosign-')), 'calls.jsonl');
    const r = await run({ image, sign: 'true' }, { FAKE_COSIGN_LOG: log, ACTIONS_ID_TOKEN_REQUEST_URL: undefined }, makeContext());
    expect(r.exitCode).not.toBe(0);
    expect(r.errors.join('\n')).toContain('permissions: id-token: write');
    expect(await catalog(plain)).not.toContain('demo/keyless-missing');
    expect(cosignCalls(log)).toEqual([]);
  });

  test('keyless signing signs image@digest once with --yes and the annotations', async () => {
    const image = `${plain.host}/demo/keyless`;
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'cosign-')), 'calls.jsonl');
    const r = await run(
      { image, sign: 'true', tags: 'v3.0.0' },
      { FAKE_COSIGN_LOG: log, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' },
      makeContext('keyless'),
    );
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.signed).toBe('true');
    const calls = cosignCalls(log);
    expect(calls.map((c) => c.command)).toEqual(['sign', 'attest']);
    const call = calls[0]!;
    expect(call.mode).toBe('keyless');
    expect(call.argv).toContain('--yes');
    expect(call.argv.at(-1)).toBe(r.outputs['image-ref']);
    expect(call.argv).toEqual(expect.arrayContaining(['-a', 'repo=acme/shop', '-a', `commit=${SHA}`, '-a', 'run=https://github.com/acme/shop/actions/runs/4242']));
    expect(call.argv.some((a) => /:v3\.0\.0$|:sha-/.test(a))).toBe(false);
    expect(r.summary).toContain('keyless');
  });

  test('key-based signing with a password-protected registry: key and passwords only through the environment', async () => {
    const image = `${authed.host}/team/signed`;
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'cosign-')), 'calls.jsonl');
    const ctx = makeContext('signed');
    const r = await run(
      { image, sign: 'true', 'registry-username': 'ci', 'registry-password': CANARY_PASSWORD, 'cosign-key': CANARY_KEY, 'cosign-password': CANARY_COSIGN_PASSWORD },
      { FAKE_COSIGN_LOG: log },
      ctx,
    );
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(await registryDigest(authed, 'team/signed', DEFAULT_TAG, `ci:${CANARY_PASSWORD}`)).toBe(r.outputs.digest);
    const calls = cosignCalls(log);
    expect(calls.map((c) => c.command)).toEqual(['sign', 'attest']);
    const call = calls[0]!;
    expect(call.mode).toBe('key');
    // The attestation is made with the same key, through the same variables.
    expect(calls[1]!.argv).toEqual(expect.arrayContaining(['--key', 'env://COSIGN_PRIVATE_KEY', '--type', 'slsaprovenance1']));
    expect(calls[1]!.envNames).toEqual(expect.arrayContaining(['COSIGN_PASSWORD', 'COSIGN_PRIVATE_KEY']));
    expect(calls[1]!.argv.join(' ')).not.toContain(CANARY_COSIGN_PASSWORD);
    expect(call.argv.at(-1)).toBe(`${image}@${r.outputs.digest}`);
    expect(call.argv).toEqual(expect.arrayContaining(['--key', 'env://COSIGN_PRIVATE_KEY']));
    expect(call.envNames).toEqual(expect.arrayContaining(['COSIGN_PASSWORD', 'COSIGN_PRIVATE_KEY']));
    const argvText = call.argv.join(' ');
    for (const secret of [CANARY_PASSWORD, CANARY_COSIGN_PASSWORD, 'canaryKEYmaterial']) expect(argvText).not.toContain(secret);
    // r.workDir holds RUNNER_TEMP: the provenance file and whatever else the step left there.
    expect(findLeaks(r, [CANARY_PASSWORD, CANARY_COSIGN_PASSWORD, 'canaryKEYmaterial0b1e6a77c9d2f44e8a'], [ctx, path.dirname(log), r.workDir])).toEqual([]);
  });

  test('wrong registry credentials fail clearly and leak nothing', async () => {
    const image = `${authed.host}/team/denied`;
    const ctx = makeContext();
    const r = await run({ image, 'registry-username': 'ci', 'registry-password': 'canary-wrong-9d8c7b6a' }, {}, ctx);
    expect(r.exitCode).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/refused|401|unauthorized/i);
    expect(findLeaks(r, ['canary-wrong-9d8c7b6a'], [ctx])).toEqual([]);
  });

  test('push: false builds only; sign without push is a configuration error', async () => {
    const image = `${plain.host}/demo/local-only`;
    const r = await run({ image, push: 'false' }, {}, makeContext());
    expect(r.exitCode).toBe(0);
    expect(r.outputs.signed).toBe('false');
    expect(r.outputs.tags).toBe(`${image}:${DEFAULT_TAG}`);
    expect(r.outputs['provenance-file']).toBeUndefined();
    expect(r.summary).toContain('not written (push: false: no digest to describe)');
    expect(await catalog(plain)).not.toContain('demo/local-only');
    const bad = await run({ image, push: 'false', sign: 'true' }, {}, makeContext());
    expect(bad.exitCode).toBe(1);
    expect(bad.errors[0]).toContain("input 'sign'");
  });
});

describe('input errors', () => {
  test('the job summary says which input to fix and that nothing changed', async () => {
    const r = await runAction('build-sign', { inputs: { image: 'Not/Valid', builder: 'buildah' }, env: { GITHUB_SHA: SHA } });
    expect(r.exitCode).toBe(1);
    expect(r.summary).toContain('build-sign did not start: input `image`');
    expect(r.summary).toContain('Nothing was changed');
    expect(r.outputs.signed).toBe('false');
  });
});

describe('builder docker (buildx), through a fake docker CLI that builds with buildah', () => {
  test('auto picks docker when an engine answers; credentials through a private DOCKER_CONFIG, the runner\'s own untouched', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'home-'));
    const log = path.join(home, 'docker-calls.jsonl');
    // The runner already has a login for another registry and for this one (e.g. from docker/login-action).
    const own = JSON.stringify({ auths: { 'other.example.com': { auth: 'b3RoZXI6dG9rZW4=' }, [authed.host]: { auth: 'cHJldmlvdXM6bG9naW4=' } } });
    mkdirSync(path.join(home, '.docker', 'buildx'), { recursive: true });
    writeFileSync(path.join(home, '.docker', 'config.json'), own);
    const image = `${authed.host}/team/buildx`;
    const ctx = makeContext('buildx');
    const r = await run({ image, builder: 'auto', tags: 'v4.0.0', 'registry-username': 'ci', 'registry-password': CANARY_PASSWORD }, { HOME: home, FAKE_DOCKER_LOG: log }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.summary).toContain('| Builder | docker |');
    for (const tag of [DEFAULT_TAG, 'v4.0.0']) expect(await registryDigest(authed, 'team/buildx', tag, `ci:${CANARY_PASSWORD}`)).toBe(r.outputs.digest);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { argv: string[] }).argv);
    const builds = calls.filter((a) => a[0] === 'buildx' && a[1] === 'build');
    // One build, pushed by digest only: the tags are written by build-sign after checking them.
    expect(builds.map((a) => a[a.indexOf('--output') + 1])).toEqual([`type=image,name=${image},push-by-digest=true,push=true`]);
    expect(builds[0]).not.toContain('-t');
    expect(calls.some((a) => a[0] === 'login' || a[0] === 'logout')).toBe(false);
    expect(JSON.stringify(calls)).not.toContain(CANARY_PASSWORD);
    // The runner's own Docker config is exactly as it was: no credential added, none removed.
    expect(readFileSync(path.join(home, '.docker', 'config.json'), 'utf8')).toBe(own);
    expect(findLeaks(r, [CANARY_PASSWORD], [ctx])).toEqual([]);
  });
});
