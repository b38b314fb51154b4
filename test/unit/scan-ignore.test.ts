import { describe, expect, test } from '@jest/globals';
import { globToRegExp } from '../../src/lib/vuln/glob.js';
import { IgnoreFileError, parseExpiry, parseIgnoreFile, parsePlainIgnore, parseYamlIgnore } from '../../src/lib/vuln/ignore-file.js';
import { parsePurl, purlMatches, type Purl } from '../../src/lib/vuln/purl.js';
import { evaluate } from '../../src/lib/vuln/policy.js';
import { parseTrivyReport } from '../../src/lib/vuln/trivy-report.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { upstreamFixtures } from '../harness/run-action.mjs';

describe('.trivyignore.yaml', () => {
  test('every field of Trivy\'s format', () => {
    const rules = parseYamlIgnore(
      [
        '# accepted risks',
        'vulnerabilities:',
        '  - id: CVE-2022-40897',
        '    paths:',
        '      - "usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA"',
        '    statement: Accept the risk',
        '  - id: CVE-2023-2650',
        '  - id: CVE-2023-3446',
        '    purls:',
        '      - "pkg:deb/debian/libssl1.1"',
        '    expired_at: 2023-09-01',
        '  - id: GHSA-xxxx',
        '    expired_at: 2030-01-02T10:00:00Z',
        'misconfigurations:',
        '  - id: AVD-DS-0001',
        'secrets:',
        'licenses:',
      ].join('\n'),
      '.trivyignore.yaml',
    );
    expect(rules.entries.map((e) => [e.id, e.line, e.paths, e.purls, e.statement, e.expiredAt?.toISOString()])).toEqual([
      ['CVE-2022-40897', 3, ['usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA'], [], 'Accept the risk', undefined],
      ['CVE-2023-2650', 7, [], [], undefined, undefined],
      ['CVE-2023-3446', 8, [], ['pkg:deb/debian/libssl1.1'], undefined, '2023-09-01T00:00:00.000Z'],
      ['GHSA-xxxx', 12, [], [], undefined, '2030-01-02T10:00:00.000Z'],
    ]);
  });

  test('an empty file or an empty list ignores nothing', () => {
    expect(parseYamlIgnore('', 'f.yaml').entries).toEqual([]);
    expect(parseYamlIgnore('vulnerabilities:\n', 'f.yaml').entries).toEqual([]);
    expect(parseYamlIgnore('vulnerabilities: []\n', 'f.yaml').entries).toEqual([]);
  });

  test.each([
    ['vulnerabilities:\n  - id: CVE-1\n    expires_at: 2024-01-01\n', 3, /unknown field 'expires_at'/],
    ['vulnerabilites:\n  - id: CVE-1\n', 1, /unknown key 'vulnerabilites'/],
    ['vulnerabilities:\n  - id: CVE-1\n  - statement: no id\n', 3, /has no id/],
    ['vulnerabilities:\n  - id: CVE-1\n    expired_at: 2024-02-30\n', 3, /expired_at of CVE-1 .* not a date/],
    ['vulnerabilities:\n  - id: CVE-1\n    expired_at: next week\n', 3, /not a date/],
    ['vulnerabilities:\n  - id: CVE-1\n    paths: "a/b"\n', 3, /paths of CVE-1 must be a list/],
    ['vulnerabilities:\n  - id: CVE-1\n    paths:\n      - "a/[b"\n', 4, /not a valid path pattern/],
    ['vulnerabilities:\n  - id: CVE-1\n    purls:\n      - "deb/debian/x"\n', 4, /not a package URL/],
    ['vulnerabilities:\n  - id: CVE-1\n  - id: [oops\n', 4, /not valid YAML/],
    ['vulnerabilities:\n  id: CVE-1\n', 2, /must be a list/],
    ['- id: CVE-1\n', 1, /expected a mapping/],
    ['vulnerabilities:\n  - id: CVE-1\n    id: CVE-2\n', 3, /not valid YAML/],
  ])('malformed %j fails naming the file and line %d', (text, line, message) => {
    let error: unknown;
    try {
      parseYamlIgnore(text, 'sec/.trivyignore.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IgnoreFileError);
    expect((error as IgnoreFileError).message).toMatch(new RegExp(`^sec/\\.trivyignore\\.yaml line ${line}: `));
    expect((error as IgnoreFileError).message).toMatch(message);
  });
});

describe('plain .trivyignore', () => {
  test('IDs, comments, blank lines and exp: dates', () => {
    const rules = parsePlainIgnore('# comment\nCVE-2018-14618\n\n  CVE-2019-1543 exp:2023-01-01\nGHSA-aaaa-bbbb-cccc\n', '.trivyignore');
    expect(rules.entries.map((e) => [e.id, e.line, e.expiredAtText])).toEqual([
      ['CVE-2018-14618', 2, undefined],
      ['CVE-2019-1543', 4, '2023-01-01'],
      ['GHSA-aaaa-bbbb-cccc', 5, undefined],
    ]);
  });

  test('a trailing # reason is accepted, as Trivy accepts it, and kept as the statement', () => {
    const rules = parsePlainIgnore('CVE-2019-1543 # not reachable: no TLS server\nCVE-2019-1549 exp:2030-01-31 # patched upstream, waiting for the base image\nCVE-3 #tight\n', '.trivyignore');
    expect(rules.entries.map((e) => [e.id, e.expiredAtText, e.statement])).toEqual([
      ['CVE-2019-1543', undefined, 'not reachable: no TLS server'],
      ['CVE-2019-1549', '2030-01-31', 'patched upstream, waiting for the base image'],
      ['CVE-3', undefined, 'tight'],
    ]);
  });

  test.each([
    ['CVE-1 exp:2023-13-01\n', 1, /'2023-13-01' is not a date/],
    ['CVE-1 exp:2023-3-1\n', 1, /'2023-3-1' is not a date/],
    ['CVE-1\nCVE-2 expires:2023-01-01\n', 2, /unexpected 'expires:2023-01-01'/],
    ['CVE-1 # reviewed exp:2020-01-01\n', 1, /'exp:2020-01-01' is inside the comment, and Trivy would still apply it/],
    ['CVE-1 exp:2030-01-01 exp:2020-01-01\n', 1, /more than one exp: date/],
  ])('malformed %j names the line', (text, line, message) => {
    expect(() => parsePlainIgnore(text, '.trivyignore')).toThrow(new RegExp(`^\\.trivyignore line ${line}: .*`));
    expect(() => parsePlainIgnore(text, '.trivyignore')).toThrow(message);
  });

  test('the format follows the extension, as in Trivy', () => {
    expect(parseIgnoreFile('CVE-1\n', 'ignore.txt').entries[0]?.id).toBe('CVE-1');
    expect(parseIgnoreFile('vulnerabilities:\n  - id: CVE-1\n', 'x.yml').entries[0]?.id).toBe('CVE-1');
  });
});

describe('expiry dates', () => {
  test('forms Go\'s yaml.v3 decodes into time.Time', () => {
    expect(parseExpiry('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseExpiry('2024-3-1')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseExpiry('2024-03-01T12:30:00+02:00')?.toISOString()).toBe('2024-03-01T10:30:00.000Z');
    expect(parseExpiry('2024-03-01 12:30:00')?.toISOString()).toBe('2024-03-01T12:30:00.000Z');
    expect(parseExpiry('2024-02-30')).toBeUndefined();
    expect(parseExpiry('tomorrow')).toBeUndefined();
  });
});

describe('path patterns (doublestar)', () => {
  test.each([
    ['**/*.jar', 'app/lib/a.jar', true],
    ['**/*.jar', 'a.jar', true],
    ['app/*.jar', 'app/lib/a.jar', false],
    ['app/**', 'app/lib/a.jar', true],
    ['app/**/a.jar', 'app/a.jar', true],
    ['usr/lib/?.so', 'usr/lib/a.so', true],
    ['usr/lib/?.so', 'usr/lib/ab.so', false],
    ['{app,srv}/x', 'srv/x', true],
    ['[ab]/x', 'c/x', false],
    ['[!ab]/x', 'c/x', true],
    ['a.b', 'aXb', false],
    ['Gemfile.lock', 'Gemfile.lock', true],
  ])('%s ~ %s = %s', (pattern, p, expected) => {
    expect(globToRegExp(pattern)?.test(p)).toBe(expected);
  });

  test.each(['a/[b', 'a/{b', 'a\\', 'a}'])('%s is malformed', (pattern) => {
    expect(globToRegExp(pattern)).toBeUndefined();
  });
});

describe('package URLs', () => {
  const p = (s: string): Purl => {
    const r = parsePurl(s);
    if (typeof r === 'string') throw new Error(r);
    return r;
  };
  test('parts', () => {
    expect(p('pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2')).toMatchObject({ type: 'apk', namespace: 'alpine', name: 'libcrypto1.1', version: '1.1.1c-r0' });
    expect(p('pkg:maven/org.springframework/spring-beans@5.3.15')).toMatchObject({ namespace: 'org.springframework', name: 'spring-beans' });
    expect(p('pkg:npm/%40babel/core@7.0.0')).toMatchObject({ namespace: '@babel', name: 'core' });
    expect(parsePurl('deb/debian/x')).toMatch(/pkg:/);
  });
  test('normalised as packageurl-go does: type, and per type namespace and name (pypi: lower case, _ is -)', () => {
    expect(p('PKG:PyPI/SetupTools@0.9.8')).toMatchObject({ type: 'pypi', name: 'setuptools', version: '0.9.8' });
    expect(p('pkg:pypi/Typing_Extensions')).toMatchObject({ name: 'typing-extensions' });
    expect(p('pkg:deb/Debian/LibSSL1.1')).toMatchObject({ namespace: 'debian', name: 'libssl1.1' });
    expect(p('pkg:golang/GitHub.com/Sirupsen/Logrus')).toMatchObject({ namespace: 'github.com/sirupsen', name: 'logrus' });
    expect(p('pkg:rpm/RedHat/Bash')).toMatchObject({ namespace: 'redhat', name: 'Bash' }); // rpm: namespace only
    expect(p('pkg:maven/Org.Apache/Commons-IO')).toMatchObject({ namespace: 'Org.Apache', name: 'Commons-IO' }); // maven: case kept
    expect(p('pkg:npm/%40Babel/Core')).toMatchObject({ namespace: '@Babel', name: 'Core' });
    expect(purlMatches(p('pkg:pypi/SetupTools'), p('pkg:pypi/setuptools@0.9.8'))).toBe(true);
    expect(purlMatches(p('pkg:maven/org.apache/Commons-IO'), p('pkg:maven/org.apache/commons-io@2.6'))).toBe(false);
  });

  test('an ignore entry for pkg:pypi/SetupTools suppresses ubi-7\'s setuptools finding (PURL pkg:pypi/setuptools@0.9.8)', () => {
    const findings = parseTrivyReport(readFileSync(path.join(upstreamFixtures, 'trivy', 'ubi-7-comprehensive.json.golden'), 'utf8'), 'ubi-7').findings;
    const ignore = parseYamlIgnore('vulnerabilities:\n  - id: CVE-2022-40897\n    purls: ["pkg:pypi/SetupTools"]\n', '.trivyignore.yaml');
    const ev = evaluate(findings, { failing: new Set(['CRITICAL', 'HIGH'] as const), ignoreUnfixed: false, ignore, now: new Date('2026-01-01T00:00:00Z') });
    expect(ev.entries[0]?.matched).toBe(1);
    expect(ev.remaining.HIGH).toBe(0);
  });

  test('Trivy\'s match rules', () => {
    const target = p('pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2');
    expect(purlMatches(p('pkg:apk/alpine/libcrypto1.1'), target)).toBe(true);
    expect(purlMatches(p('pkg:apk/alpine/libcrypto1.1@1.1.1c-r0'), target)).toBe(true);
    expect(purlMatches(p('pkg:apk/alpine/libcrypto1.1@1.1.1d-r0'), target)).toBe(false);
    expect(purlMatches(p('pkg:apk/alpine/libcrypto1.1?arch=x86_64'), target)).toBe(true);
    expect(purlMatches(p('pkg:apk/alpine/libcrypto1.1?arch=aarch64'), target)).toBe(false);
    expect(purlMatches(p('pkg:apk/alpine/libssl1.1'), target)).toBe(false);
  });
});
