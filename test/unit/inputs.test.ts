import { afterEach, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ConfigurationError } from '../../src/lib/errors.js';
import { booleanInput, parseBoolean, parseChoice, parseDuration, parseKeyValueLines, parseList, parseNamespace, parseResourceName, requiredInput, secretParts } from '../../src/lib/inputs.js';

afterEach(() => {
  delete process.env.INPUT_TIMEOUT;
  delete process.env['INPUT_ALLOW-TAG'];
});

describe('booleans', () => {
  test.each(['true', 'True', 'TRUE'])('%s is true', (v) => expect(parseBoolean('x', v)).toBe(true));
  test.each(['false', 'False', 'FALSE'])('%s is false', (v) => expect(parseBoolean('x', v)).toBe(false));
  test.each(['yes', 'no', '1', '0', 'on', '', 'truee'])('%s is refused naming the input', (v) => {
    expect(() => parseBoolean('allow-tag', v)).toThrow(/input 'allow-tag'.*Expected true or false/);
  });
  test('an empty value given for a defaulted input is an error, not the default', () => {
    process.env['INPUT_ALLOW-TAG'] = '';
    expect(() => booleanInput('allow-tag')).toThrow(/input 'allow-tag': a value is required/);
  });
});

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1h', 3_600_000],
    ['2m30s', 150_000],
  ])('%s', (v, ms) => expect(parseDuration('timeout', v)).toBe(ms));
  test.each(['', '5', '5 m', '1.5m', '-5m', '0s', '5min', 'm', '1s1h'])('%s is refused', (v) => {
    expect(() => parseDuration('timeout', v)).toThrow(ConfigurationError);
    expect(() => parseDuration('timeout', v)).toThrow(/input 'timeout'.*90s, 5m or 1h30m/);
  });
  test('requiredInput reads the runner variable', () => {
    process.env.INPUT_TIMEOUT = ' 5m ';
    expect(parseDuration('timeout', requiredInput('timeout', 'a duration'))).toBe(300_000);
  });
  test('any h/m/s combination parses to its sum', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(99), fc.nat(99), (h, m, s) => {
        fc.pre(h + m + s > 0);
        expect(parseDuration('t', `${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
      }),
    );
  });
});

describe('KEY=VALUE lines', () => {
  test('the value keeps further = and may be empty; blank lines skipped; CRLF tolerated', () => {
    expect(parseKeyValueLines('build-args', 'A=1\r\n\nB=x=y==\nEMPTY=\n')).toEqual([
      ['A', '1'],
      ['B', 'x=y=='],
      ['EMPTY', ''],
    ]);
  });
  test('a line without = names the line; secret values are not echoed', () => {
    expect(() => parseKeyValueLines('labels', 'A=1\noops')).toThrow(/input 'labels': line 2 \('oops'\) is not KEY=VALUE/);
    expect(() => parseKeyValueLines('secrets', 'topsecretvalue', { secret: true })).toThrow(/^input 'secrets': line 1 is not KEY=VALUE$/);
  });
  test('duplicate and invalid keys are errors', () => {
    expect(() => parseKeyValueLines('x', 'A=1\nA=2')).toThrow(/line 2: key 'A' is given twice/);
    expect(() => parseKeyValueLines('x', '1A=1')).toThrow(/key '1A' is not valid/);
  });
  test('round-trips any pairs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/), fc.stringMatching(/^[^\n\r]*$/)), { selector: ([k]) => k, maxLength: 10 }), (pairs) => {
        const text = pairs.map(([k, v]) => `${k}=${v}`).join('\n');
        expect(parseKeyValueLines('x', text)).toEqual(pairs.filter(([k, v]) => `${k}=${v}`.trim() !== ''));
      }),
    );
  });
});

describe('Kubernetes names and choices', () => {
  test.each(['prod', 'team-a', 'a', 'a1'])('namespace %s ok', (v) => expect(parseNamespace('namespace', v)).toBe(v));
  test.each(['Prod', '-a', 'a-', 'a.b', 'a_b', 'a'.repeat(64), ''])('namespace %s refused', (v) => {
    expect(() => parseNamespace('namespace', v)).toThrow(/input 'namespace'.*DNS-1123 label/);
  });
  test.each(['web', 'web.v2', 'a-b.c-d'])('name %s ok', (v) => expect(parseResourceName('deployment', v)).toBe(v));
  test.each(['Web', 'web_1', 'web/x', 'web;rm', ''])('name %s refused', (v) => {
    expect(() => parseResourceName('deployment', v)).toThrow(/input 'deployment'.*DNS-1123 subdomain/);
  });
  test('choices list what is accepted', () => {
    expect(() => parseChoice('mode', 'redeploy', ['deploy', 'rollback'])).toThrow("input 'mode': 'redeploy' is not one of deploy, rollback");
  });
  test('lists split on lines and commas', () => {
    expect(parseList(' a, b\n\nc ,')).toEqual(['a', 'b', 'c']);
  });
});

describe('secret masking', () => {
  test('a PEM key is masked whole and line by line, without masking its armour', () => {
    const pem = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\neyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6\nMDEyMzQ1Njc4OWFi\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----';
    expect(secretParts(pem)).toEqual([pem, 'eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6', 'MDEyMzQ1Njc4OWFi']);
  });
  test('a kubeconfig: tokens and key data masked, YAML structure left readable', () => {
    const kc = 'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: canary-token-0123456789\n    client-key-data: LS0tLS1CRUdJTiBSU0E=\n';
    const parts = secretParts(kc);
    expect(parts).toEqual(expect.arrayContaining(['canary-token-0123456789', 'LS0tLS1CRUdJTiBSU0E=']));
    for (const structure of ['apiVersion: v1', 'v1', 'Config', 'users:', 'ci']) expect(parts).not.toContain(structure);
  });
  test('a kubeconfig: server, cluster, context and namespace names stay readable', () => {
    const kc = [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    server: https://k8s.example.internal:6443',
      '  name: production-cluster',
      'contexts:',
      '- context:',
      '    cluster: production-cluster',
      '    namespace: production',
      '    user: deployer-account',
      '  name: production-context',
      'current-context: production-context',
      'users:',
      '- name: deployer-account',
      '  user:',
      '    token: canary-token-0123456789',
    ].join('\n');
    const parts = secretParts(kc);
    expect(parts).toContain('canary-token-0123456789');
    for (const readable of ['https://k8s.example.internal:6443', 'production-cluster', 'production', 'deployer-account', 'production-context', 'clusters:', 'contexts:']) expect(parts).not.toContain(readable);
  });
  test('a JSON credential (docker config) masks its auth and password fields', () => {
    const json = '{\n  "auths": {\n    "ghcr.io": {\n      "auth": "Y2k6Y2FuYXJ5LXB3LTEyMzQ=",\n      "password": "canary-pw-1234"\n    }\n  }\n}';
    expect(secretParts(json)).toEqual(expect.arrayContaining(['Y2k6Y2FuYXJ5LXB3LTEyMzQ=', 'canary-pw-1234']));
  });
  test('a one-line secret is masked as it is', () => {
    expect(secretParts('hunter2')).toEqual(['hunter2']);
  });
});
