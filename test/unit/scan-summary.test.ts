import { describe, expect, test } from '@jest/globals';
import { buildScanSummary, fenced, shortDigests } from '../../actions/scan/src/summary.js';
import { readRendered } from '../harness/gfm.mjs';

describe('summary pieces', () => {
  test('a fenced block holds any text, backtick runs included', () => {
    const text = 'Error: ```yaml\nbad```` and `x`';
    expect(readRendered(fenced(text, 'text')).codeBlocks).toEqual([`${text}\n`]);
  });

  test('64-hex digests are shortened, other hex is left alone', () => {
    const d = 'a1'.repeat(32);
    expect(shortDigests(`ghcr.io/a/b@sha256:${d} (alpine 3.19)`)).toBe('ghcr.io/a/b@sha256:a1a1a1a1a1a1… (alpine 3.19)');
    expect(shortDigests(`layer ${d}`)).toBe('layer a1a1a1a1a1a1…');
    expect(shortDigests('commit 0123456789abcdef0123456789abcdef01234567')).toBe('commit 0123456789abcdef0123456789abcdef01234567');
  });

  test('an error that did not let the scan complete keeps its lines and its <angle brackets>', () => {
    const md = buildScanSummary({ imageRef: 'r@sha256:1', dbNotes: [], error: 'trivy exited with code 1:\n\t* remote error: <nil>\n\t* docker error: not found' }).join('\n\n');
    const page = readRendered(md);
    expect(page.eatenTags).toEqual([]);
    expect(page.codeBlocks).toEqual(['trivy exited with code 1:\n\t* remote error: <nil>\n\t* docker error: not found\n']);
  });
});
