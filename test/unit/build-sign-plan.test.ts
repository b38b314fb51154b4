import { describe, expect, test } from '@jest/globals';
import { buildArgv, dockerPushArgv, parseBuildxMetadata, parseDigestFile, pushArgv } from '../../actions/build-sign/src/builder.js';
import type { Inputs } from '../../actions/build-sign/src/inputs.js';
import { keylessProblem, signPlan } from '../../actions/build-sign/src/sign.js';
import { defaultTags, isImmutableTag } from '../../actions/build-sign/src/tags.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const D = `sha256:${'a'.repeat(64)}`;

describe('tags', () => {
  test.each(['v1.2.3', '1.2.3', '1.2.3-rc.1', 'v10.0.0-beta.2', 'sha-0123456', `sha-${SHA}`, 'build-0123456789ab', `release-${SHA.slice(0, 8)}`])('%s is immutable', (t) => {
    expect(isImmutableTag(t, SHA)).toBe(true);
  });
  test.each(['latest', 'main', 'develop', 'v1', 'v1.2', '1', 'stable', 'edge', 'nightly', 'sha-xyz', 'sha-012345', 'feature-deadbeefcafe'])('%s is mutable', (t) => {
    expect(isImmutableTag(t, SHA)).toBe(false);
  });
  test('defaults: sha-<12 hex>, plus the version on a semver tag ref', () => {
    expect(defaultTags(SHA, 'refs/heads/main')).toEqual(['sha-0123456789ab']);
    expect(defaultTags(SHA, 'refs/tags/v2.3.4')).toEqual(['sha-0123456789ab', 'v2.3.4']);
    expect(defaultTags(SHA, 'refs/tags/v2.3')).toEqual(['sha-0123456789ab']);
    expect(defaultTags(undefined, undefined)).toEqual([]);
  });
});

const inputs = {
  image: { domain: '127.0.0.1:5000', path: 'demo/app' },
  context: '/ctx',
  file: '/ctx/Dockerfile',
  buildArgs: [['A', 'x=y']],
  target: 'runtime',
  platforms: [],
  labels: [['team', 'web']],
  tags: ['sha-0123456789ab', 'v1.0.0'],
  allowMutableTags: false,
  builder: 'buildah',
  push: true,
  sign: true,
  cosignVersion: 'v3.0.6',
} as unknown as Inputs;

describe('builder argv', () => {
  test('buildah build: one -t per tag, args and labels as single arguments', () => {
    const argv = buildArgv('buildah', inputs, { iidfile: '/w/iid', metadataFile: '/w/m.json', authfile: '/w/auth.json' }, [['org.opencontainers.image.revision', SHA]], '1700000000');
    expect(argv).toEqual([
      'build', '--iidfile', '/w/iid', '--authfile', '/w/auth.json', '--timestamp', '1700000000',
      '-f', '/ctx/Dockerfile', '--target', 'runtime', '--build-arg', 'A=x=y',
      '--label', `org.opencontainers.image.revision=${SHA}`, '--label', 'team=web',
      '-t', '127.0.0.1:5000/demo/app:sha-0123456789ab', '-t', '127.0.0.1:5000/demo/app:v1.0.0', '/ctx',
    ]);
  });
  test('docker buildx build reports through --metadata-file and does not push on the first pass', () => {
    const argv = buildArgv('docker', inputs, { iidfile: '/w/iid', metadataFile: '/w/m.json' }, []);
    expect(argv.slice(0, 6)).toEqual(['buildx', 'build', '--metadata-file', '/w/m.json', '--output', 'type=image,push=false']);
  });
  test('docker pushes by digest only: the repository as name=, no -t, so no tag is written by buildx', () => {
    const argv = dockerPushArgv(inputs, '/w/m.json', [], '1700000000');
    expect(argv.slice(0, 6)).toEqual(['buildx', 'build', '--metadata-file', '/w/m.json', '--output', 'type=image,name=127.0.0.1:5000/demo/app,push-by-digest=true,push=true,rewrite-timestamp=true']);
    expect(argv).not.toContain('-t');
  });
  test('buildah/podman push the image ID, never a name:tag', () => {
    const argv = pushArgv(inputs, D, '127.0.0.1:5000/demo/app:v1.0.0', '/w/d');
    expect(argv.slice(-2)).toEqual(['a'.repeat(64), 'docker://127.0.0.1:5000/demo/app:v1.0.0']);
    expect(() => pushArgv(inputs, '127.0.0.1:5000/demo/app:v1.0.0', '127.0.0.1:5000/demo/app:v1.0.0', '/w/d')).toThrow(/only an image ID/);
  });
  test('push to a loopback registry allows plain HTTP; elsewhere TLS stays on', () => {
    expect(pushArgv(inputs, D, '127.0.0.1:5000/demo/app:v1.0.0', '/w/d')).toContain('--tls-verify=false');
    expect(pushArgv({ ...inputs, image: { domain: 'ghcr.io', path: 'a/b' } } as Inputs, D, 'ghcr.io/a/b:v1.0.0', '/w/d')).not.toContain('--tls-verify=false');
  });
  test('builder reports', () => {
    expect(parseDigestFile(`${D}\n`)).toBe(D);
    expect(parseDigestFile('a'.repeat(64))).toBe(D);
    expect(() => parseDigestFile('garbage')).toThrow(/sha256 digest/);
    expect(parseBuildxMetadata(JSON.stringify({ 'containerimage.config.digest': D, 'containerimage.digest': D }))).toMatchObject({ configDigest: D, digest: D, isIndex: false });
  });
});

describe('cosign sign plan', () => {
  const env = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: SHA, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7' };
  test('a PEM key goes through env://, its password through COSIGN_PASSWORD', () => {
    const plan = signPlan(`ghcr.io/a/b@${D}`, 'ghcr.io', { kind: 'pem', pem: 'PEM-SECRET' }, 'PW-SECRET', env);
    expect(plan.argv).toEqual(['sign', '--yes', '--key', 'env://COSIGN_PRIVATE_KEY', '-a', 'repo=acme/shop', '-a', `commit=${SHA}`, '-a', 'run=https://github.com/acme/shop/actions/runs/7', `ghcr.io/a/b@${D}`]);
    expect(plan.env).toEqual({ COSIGN_PRIVATE_KEY: 'PEM-SECRET', COSIGN_PASSWORD: 'PW-SECRET' });
    expect(plan.argv.join(' ')).not.toMatch(/SECRET/);
  });
  test('an empty password is still set, so cosign never prompts', () => {
    expect(signPlan(`ghcr.io/a/b@${D}`, 'ghcr.io', { kind: 'pem', pem: 'k' }, undefined, env).env.COSIGN_PASSWORD).toBe('');
  });
  test('KMS URIs pass as they are; keyless has no key', () => {
    expect(signPlan(`ghcr.io/a/b@${D}`, 'ghcr.io', { kind: 'uri', uri: 'awskms:///alias/x' }, undefined, env).argv).toContain('awskms:///alias/x');
    const keyless = signPlan(`127.0.0.1:5000/a/b@${D}`, '127.0.0.1:5000', undefined, undefined, env);
    expect(keyless.mode).toBe('keyless');
    expect(keyless.argv).not.toContain('--key');
    expect(keyless.argv).toContain('--allow-http-registry');
  });
  test('a tag is never signed', () => {
    expect(() => signPlan('ghcr.io/a/b:v1', 'ghcr.io', undefined, undefined, env)).toThrow(/only image@sha256 digests/);
  });
  test('keyless needs the OIDC request variables', () => {
    expect(keylessProblem({})).toContain('permissions: id-token: write');
    expect(keylessProblem({})).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set');
    expect(keylessProblem({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u' })).toMatch(/but ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set/);
    expect(keylessProblem({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' })).toBeUndefined();
  });
});
