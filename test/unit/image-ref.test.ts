import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { canonicalRepository, formatReference, isLoopbackRegistry, parseImageName, parseImageRef, parseReference, registryPath } from '../../src/lib/image-ref.js';

const D = `sha256:${'f'.repeat(64)}`;

// Cases from distribution/reference's reference_test.go (TestReferenceParse) and its grammar.
describe('parseReference follows the distribution reference grammar', () => {
  test.each([
    ['test_com', { path: 'test_com' }],
    ['test.com:tag', { path: 'test.com', tag: 'tag' }],
    ['test.com:5000', { path: 'test.com', tag: '5000' }],
    ['test.com/repo:tag', { domain: 'test.com', path: 'repo', tag: 'tag' }],
    ['test:5000/repo', { domain: 'test:5000', path: 'repo' }],
    ['test:5000/repo:tag', { domain: 'test:5000', path: 'repo', tag: 'tag' }],
    [`test:5000/repo@${D}`, { domain: 'test:5000', path: 'repo', digest: D }],
    [`test:5000/repo:tag@${D}`, { domain: 'test:5000', path: 'repo', tag: 'tag', digest: D }],
    ['lowercase:Uppercase', { path: 'lowercase', tag: 'Uppercase' }],
    ['sub-dom1.foo.com/bar/baz/quux', { domain: 'sub-dom1.foo.com', path: 'bar/baz/quux' }],
    ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', { domain: 'sub-dom1.foo.com', path: 'bar/baz/quux', tag: 'some-long-tag' }],
    ['b.gcr.io/test.example.com/my-app:test.example.com', { domain: 'b.gcr.io', path: 'test.example.com/my-app', tag: 'test.example.com' }],
    ['xn--n3h.com/myimage:xn--n3h.com', { domain: 'xn--n3h.com', path: 'myimage', tag: 'xn--n3h.com' }],
    ['foo_bar.com:8080', { path: 'foo_bar.com', tag: '8080' }],
    ['foo/foo_bar.com:8080', { path: 'foo/foo_bar.com', tag: '8080' }],
    ['192.168.1.1:5000/repo', { domain: '192.168.1.1:5000', path: 'repo' }],
    ['[2001:db8::1]:5000/repo', { domain: '[2001:db8::1]:5000', path: 'repo' }],
    ['localhost/repo', { domain: 'localhost', path: 'repo' }],
    ['registry.io/a__b/c--d/e.f', { domain: 'registry.io', path: 'a__b/c--d/e.f' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual({ domain: undefined, tag: undefined, digest: undefined, ...expected });
  });

  test.each([
    ['', /empty/],
    [':justtag', /path component ''/],
    [`@${D}`, /path component ''/],
    ['repo@sha256:ffffffffffffffffffffffffffffffffff', /not a sha256 digest/],
    ['validname@invaliddigest:ecc5f8dd', /not a sha256 digest/],
    ['Uppercase:tag', /lowercase/],
    ['test:5000/Uppercase/lowercase:tag', /lowercase/],
    [`${'a/'.repeat(128)}a:tag`, /longer than 255/],
    ['aa/asdf$$^/aa', /lowercase/],
    ['repo:-tag', /not a valid tag/],
    ['repo:' + 'a'.repeat(129), /not a valid tag/],
    ['a b/c', /white space/],
    ['-bad.com/repo', /registry host/],
    ['repo/a..b', /lowercase/],
    ['repo/a_-b', /lowercase/],
  ])('rejects %s', (input, why) => {
    const r = parseReference(input);
    expect(typeof r).toBe('string');
    expect(r).toMatch(why);
  });

  test('round-trips every reference built from the grammar', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,6}(?:(?:[._]|__|-{1,2})[a-z0-9]{1,6}){0,2}$/);
    const domain = fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('.io', '.example.com', ':5000', '.local:443'));
    const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
    const digest = fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`);
    fc.assert(
      fc.property(domain, fc.array(component, { minLength: 1, maxLength: 4 }), fc.option(tag, { nil: undefined }), fc.option(digest, { nil: undefined }), ([host, suffix], parts, t, d) => {
        const ref = { domain: `${host}${suffix}`, path: parts.join('/'), tag: t, digest: d };
        expect(parseReference(formatReference(ref))).toEqual(ref);
      }),
    );
  });

  test('never accepts shell metacharacters or white space anywhere', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(';', '$', '`', '|', '&', ' ', '\n', '(', ')', '<', '>', '"', "'", '\\', '*'), fc.string(), (a, meta, b) => {
        expect(typeof parseReference(`registry.io/${a}${meta}${b}`)).toBe('string');
      }),
    );
  });
});

describe('input-level parsers name the input', () => {
  test('parseImageName wants registry/path without tag or digest', () => {
    expect(parseImageName('image', '127.0.0.1:5000/demo/app')).toEqual({ domain: '127.0.0.1:5000', path: 'demo/app', tag: undefined, digest: undefined });
    expect(() => parseImageName('image', 'ghcr.io/acme/app:v1.0.0')).toThrow(/input 'image': 'ghcr.io\/acme\/app:v1.0.0' .*tag or digest/);
    expect(() => parseImageName('image', 'acme/app')).toThrow(/input 'image'.*no registry host/);
    expect(() => parseImageName('image', 'Demo/app')).toThrow(/input 'image': 'Demo\/app' .*'Demo' is neither a registry host .*nor a lowercase path component/);
    expect(parseImageName('image', 'localhost/app').domain).toBe('localhost');
    expect(parseImageName('image', 'GHCR.IO/acme/app').domain).toBe('GHCR.IO');
  });
  test('parseImageRef wants a digest unless tags are allowed', () => {
    expect(parseImageRef('image-ref', `ghcr.io/a/b@${D}`, false).digest).toBe(D);
    expect(() => parseImageRef('image-ref', 'ghcr.io/a/b:v1', false)).toThrow(/input 'image-ref'.*allow-tag: true/);
    expect(parseImageRef('image-ref', 'ghcr.io/a/b:v1', true).tag).toBe('v1');
    expect(() => parseImageRef('image-ref', 'ghcr.io/a/b', true)).toThrow(/neither a tag nor a digest/);
  });
  test('the registry API path of a Docker Hub official image is under library/', () => {
    const short = parseReference('nginx:1.25');
    const full = parseReference('ghcr.io/acme/app:v1');
    if (typeof short === 'string' || typeof full === 'string') throw new Error('parse failed');
    expect(registryPath(short)).toBe('library/nginx');
    expect(registryPath(full)).toBe('acme/app');
  });
  test('canonical repositories compare Docker Hub short names equal', () => {
    const a = parseReference('nginx:1.25');
    const b = parseReference(`docker.io/library/nginx@${D}`);
    if (typeof a === 'string' || typeof b === 'string') throw new Error('parse failed');
    expect(canonicalRepository(a)).toBe(canonicalRepository(b));
  });
  test.each([
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['localhost:5000', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['127.0.0.1.nip.io', false],
    ['10.0.0.1:5000', false],
  ])('isLoopbackRegistry(%s) = %s', (host, expected) => {
    expect(isLoopbackRegistry(host)).toBe(expected);
  });
});
