// docs/summaries.md shows a screenshot of each kind of job summary (scripts/summary-screenshots.mjs
// makes them from the integration tests' runs): each kind has its picture, each picture is a real
// rendering of a job summary's width, and no picture is left over from a kind that is gone.
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kinds } from '../../scripts/summary-screenshots.mjs';
import { repoRoot } from '../harness/run-action.mjs';

const docs = path.join(repoRoot, 'docs');
const gallery = readFileSync(path.join(docs, 'summaries.md'), 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('docs/summaries.md', () => {
  const list: { png: string; title: string; action: string; file: string }[] = kinds;

  test('covers every action that writes a summary, each deploy outcome and a failure of scan and seal', () => {
    const actions = readdirSync(path.join(repoRoot, 'actions'));
    expect(new Set(list.map((k) => k.action))).toEqual(new Set(actions));
    for (const png of ['deploy-deployed', 'deploy-refused', 'deploy-rolled-back', 'deploy-rollback-failed', 'scan-failed', 'seal-failed']) {
      expect(list.map((k) => k.png)).toContain(png);
    }
  });

  test.each(list.map((k) => [k.png, k.title]))('%s: shown under its title, a real screenshot', (png, title) => {
    expect(gallery).toContain(`## ${title}\n`);
    expect(gallery).toContain(`![${title}](summaries/${png}.png)`);
    const { width, height } = pngSize(path.join(docs, 'summaries', `${png}.png`));
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(60);
  });

  test('no picture is left over', () => {
    expect(readdirSync(path.join(docs, 'summaries')).sort()).toEqual(list.map((k) => `${k.png}.png`).sort());
  });
});
