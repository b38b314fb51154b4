import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildxDriver, parseBuildxMetadata } from '../../actions/build-sign/src/builder.js';
import { sameImage } from '../../actions/build-sign/src/immutable-tags.js';
import { fenced } from '../../actions/build-sign/src/summary.js';
import { readRendered } from '../harness/gfm.mjs';
import { repoRoot } from '../harness/run-action.mjs';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'build-sign');
const INDEX = `sha256:${'1'.repeat(64)}`;

describe('buildx --metadata-file', () => {
  test('a single image manifest (the buildx docs example): config digest and manifest digest', () => {
    const meta = parseBuildxMetadata(readFileSync(path.join(fixtures, 'buildx-metadata-manifest.json'), 'utf8'));
    expect(meta).toEqual({
      digest: 'sha256:19ffeab6f8bc9293ac2c3fdf94ebe28396254c993aea0b5a542cfb02e0883fa3',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      configDigest: 'sha256:2937f66a9722f7f4a2df583de2f8cb97fc9196059a410e7f00072fc918930e66',
      isIndex: false,
    });
  });
  test('an index (multi-platform, or buildx default provenance): no config digest, and that is not an error', () => {
    const text = JSON.stringify({
      'buildx.build.ref': 'b/b0/x',
      'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest: INDEX, size: 1245 },
      'containerimage.digest': INDEX,
      'image.name': 'ghcr.io/acme/shop',
    });
    expect(parseBuildxMetadata(text)).toEqual({ digest: INDEX, mediaType: 'application/vnd.oci.image.index.v1+json', configDigest: undefined, isIndex: true });
  });
  test('a descriptor left base64-encoded (as BuildKit returns it) is read too', () => {
    const desc = Buffer.from(JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', digest: INDEX, size: 10 })).toString('base64');
    expect(parseBuildxMetadata(JSON.stringify({ 'containerimage.descriptor': desc, 'containerimage.digest': INDEX })).isIndex).toBe(true);
  });
  test('no digest, a bad digest, or a disagreeing descriptor is an error', () => {
    expect(() => parseBuildxMetadata('{}')).toThrow(/did not report the image digest/);
    expect(() => parseBuildxMetadata(JSON.stringify({ 'containerimage.digest': 'sha256:zz' }))).toThrow(/image digest/);
    expect(() => parseBuildxMetadata(JSON.stringify({ 'containerimage.digest': INDEX, 'containerimage.descriptor': { digest: `sha256:${'2'.repeat(64)}` } }))).toThrow(/disagrees/);
    expect(() => parseBuildxMetadata('not json')).toThrow(/not JSON/);
  });
  test('the driver of the current builder', () => {
    expect(parseBuildxDriver('Name:          builder\nDriver:        docker-container\n')).toBe('docker-container');
    expect(parseBuildxDriver('Name:   default\nDriver: docker\n')).toBe('docker');
    expect(parseBuildxDriver('nothing')).toBeUndefined();
  });
});

describe('summary text blocks', () => {
  test('an error quoting Markdown stays text: no heading, list or early end of the block', () => {
    const error = "input 'x': ```\n# Injected\n- item\n<img src=x>";
    const md = `### ❌ build-sign failed\n\n${fenced(error)}\n\nafter`;
    const r = readRendered(md);
    expect(r.codeBlocks.map((c: string) => c.trimEnd())).toEqual([error]);
    expect(r.blocks.filter((b: { kind: string }) => b.kind !== 'code').map((b: { text: string }) => b.text)).toEqual(['❌ build-sign failed', 'after']);
  });
});

describe('the same image', () => {
  const A = `sha256:${'a'.repeat(64)}`;
  const B = `sha256:${'b'.repeat(64)}`;
  test('the same configs in any order, each as many times', () => {
    expect(sameImage([A, B], [B, A])).toBe(true);
    expect(sameImage([A], [A])).toBe(true);
    expect(sameImage([A], [A, A])).toBe(false); // an index listing this image twice is not this image
    expect(sameImage([A, B], [A])).toBe(false); // one platform of a multi-platform index
    expect(sameImage([], [A])).toBe(false);
  });
});
