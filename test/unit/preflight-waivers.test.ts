import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../actions/preflight/src/model.js';
import { applyWaivers, parseWaivers, WaiverFileError } from '../../actions/preflight/src/waivers.js';

const finding = (check: Finding['check'], object: string): Finding => ({ check, severity: 'error', status: 'fail', object, message: 'm', fix: 'f' });
const now = new Date('2026-06-15T12:00:00Z');

describe('waivers file', () => {
  test('parses entries; a bare date expires at the end of that day (UTC)', () => {
    const [w] = parseWaivers('waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    reason: " one zone "\n    expires: 2026-06-15\n', 'w.yaml');
    expect(w).toMatchObject({ check: 'pdb', object: 'Deployment/shop/api', reason: 'one zone', expires: '2026-06-15', line: 2 });
    expect(w?.expiresAt.toISOString()).toBe('2026-06-15T23:59:59.999Z');
  });

  test('a top-level list and an empty file are accepted', () => {
    expect(parseWaivers('- {check: hpa, object: "*/*/*", reason: r, expires: "2026-01-01T00:00:00Z"}\n', 'w')).toHaveLength(1);
    expect(parseWaivers('', 'w')).toEqual([]);
    expect(parseWaivers('waivers: []\n', 'w')).toEqual([]);
  });

  test.each([
    ['waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    expires: 2026-01-01\n', /line 2 \(waiver 1\): 'reason' is required/],
    ['waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    reason: r\n', /'expires' is required/],
    ['waivers:\n  - check: pdb\n    object: Deployment/shop/api\n    reason: ""\n    expires: 2026-01-01\n', /'reason' is required/],
    ['waivers:\n  - check: no-such-check\n    object: a/b/c\n    reason: r\n    expires: 2026-01-01\n', /'no-such-check' is not a preflight check\. Expected one of secret-in-manifest,/],
    ['waivers:\n  - check: pdb\n    object: api\n    reason: r\n    expires: 2026-01-01\n', /object 'api' is not Kind\/namespace\/name/],
    ['waivers:\n  - check: pdb\n    object: a/b/c\n    reason: r\n    expires: 2026-02-30\n', /expires '2026-02-30' is not a date/],
    ['waivers:\n  - check: pdb\n    object: a/b/c\n    reason: r\n    expires: soon\n', /expires 'soon' is not a date/],
    ['waivers:\n  - check: pdb\n    object: a/b/c\n    reason: r\n    expires: 2026-01-01\n    owner: me\n', /unknown field 'owner'/],
    ['ignores:\n  - x\n', /unknown top-level key 'ignores'/],
    ['waivers: [\n', /line \d+ is not valid YAML/],
  ])('malformed: %j', (text, message) => {
    expect(() => parseWaivers(text, 'w.yaml')).toThrow(WaiverFileError);
    expect(() => parseWaivers(text, 'w.yaml')).toThrow(message);
  });

  test('an unexpired waiver waives matching findings (globs on each part); an expired one waives nothing but counts what it would match', () => {
    const findings = [finding('pdb', 'Deployment/shop/api'), finding('pdb', 'Deployment/shop/web'), finding('hpa', 'Deployment/shop/api'), finding('pdb', 'Deployment/shop-2/api')];
    const waivers = parseWaivers(
      [
        'waivers:',
        '  - {check: pdb, object: "Deployment/shop/*", reason: one zone, expires: 2026-12-31}',
        '  - {check: hpa, object: "Deployment/shop/api", reason: later, expires: 2026-06-14}',
        '  - {check: hpa, object: "Deployment/other/*", reason: unused, expires: 2026-12-31}',
      ].join('\n'),
      'w.yaml',
    );
    const uses = applyWaivers(findings, waivers, now);
    expect(findings.map((f) => f.waivedBy?.reason)).toEqual(['one zone', 'one zone', undefined, undefined]);
    expect(uses.map((u) => [u.expired, u.matched])).toEqual([[false, 2], [true, 1], [false, 0]]);
  });
});
