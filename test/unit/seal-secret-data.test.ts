import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../src/lib/errors.js';
import { checkTypeAnnotations, checkTypeKeys, parseAnnotations, parseLabels, parseSecretData, parseSecretType } from '../../actions/seal-secrets/src/secret-data.js';

const err = (fn: () => unknown): ConfigurationError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
};

describe('secrets input', () => {
  it('accepts a dot anywhere but a leading ..', () => {
    expect(parseSecretData('secrets', '.a=1\na..b=2\na.=3')).toEqual([['.a', '1'], ['a..b', '2'], ['a.', '3']]);
  });

  it.each([
    ['values keep further =, spaces and may be empty', 'password=a=b==c\nempty=\nspaced= x y \n\nDOT.key_1-x=1', [['password', 'a=b==c'], ['empty', ''], ['spaced', ' x y '], ['DOT.key_1-x', '1']]],
    ['CRLF lines', 'a=1\r\nb=2\r\n', [['a', '1'], ['b', '2']]],
    ['a JSON object of strings (multi-line values)', '{"tls.key": "-----BEGIN\\nX\\n", "a": ""}', [['tls.key', '-----BEGIN\nX\n'], ['a', '']]],
  ])('%s', (_name, raw, want) => {
    expect(parseSecretData('secrets', raw)).toEqual(want);
  });

  it.each([
    ['a line without =', 'good=1\nCANARY-no-equals-VALUE', /line 2 is not KEY=VALUE/],
    ['a duplicate key', 'a=1\nb=2\na=3', /key 'a' is given twice/],
    ['invalid key characters', 'my key=1', /line 1: the text before = is not a valid key \(not shown\)/],
    ['a slash in the key', 'a/b=1', /line 1: the text before = is not a valid key/],
    ['the key ..', '..=1', /key '..' is not valid/],
    // IsConfigMapKey's hasChDirPrefix: the API server refuses a data key starting with '..'.
    ['a key starting with ..', '..data=1', /key '..data' is not valid.*not starting with '..'/],
    ['a JSON key starting with ..', '{"..a": "CANARY"}', /key '..a' is not valid/],
    ['an over-long key (a long token line ending in =)', `${'CANARY'.repeat(50)}=`, /a key of 300 characters \(not shown\) is not valid/],
    ['an empty key', '=value', /line 1: the text before = is not a valid key/],
    ['a multi-line value whose next line has an =', 'DB_URL=\npostgres://admin:CANARY-pw@db.internal/app?sslmode=require', /line 2: the text before = is not a valid key \(not shown\).*JSON form/],
    ['JSON that does not parse', '{"a": "CANARY-in-json', /not valid JSON/],
    ['a JSON array', '[1]', /is JSON but not an object/],
    ['a JSON duplicate key written with an escape', '{"a": "CANARY-1", "\\u0061": "CANARY-2"}', /key 'a' is given twice/],
    ['a JSON non-string', '{"a": 1}', /value of key 'a' is a number/],
    ['a JSON duplicate key', '{"a": "1", "a": "2"}', /key 'a' is given twice/],
    ['a JSON invalid key', '{"a b": "1"}', /key 'a b' is not valid/],
    ['nothing', '\n\n', /no secret given/],
    ['an empty JSON object', '{}', /no secret given/],
  ])('refuses %s, naming the input and never the value', (_name, raw, message) => {
    const e = err(() => parseSecretData('secrets', raw));
    expect(e.input).toBe('secrets');
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('CANARY');
  });
});

describe('type', () => {
  it('accepts built-in and custom types', () => {
    for (const t of ['Opaque', 'kubernetes.io/tls', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/basic-auth', 'example.com/api-key']) expect(parseSecretType('type', t)).toBe(t);
  });
  it.each(['opaque', 'tls', 'kubernetes.io/', 'Opaque '])('refuses %p', (t) => {
    expect(err(() => parseSecretType('type', t)).input).toBe('type');
  });
  it('checks the keys a typed Secret needs', () => {
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/tls', ['tls.crt'], [])).toThrow(/needs the key 'tls.key'/);
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/tls', ['tls.crt', 'tls.key'], [])).not.toThrow();
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/basic-auth', ['token'], [])).toThrow(/at least one of 'username', 'password'/);
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/dockerconfigjson', ['.dockerconfigjson'], [['.dockerconfigjson', 'CANARY not json']])).toThrow(/not a JSON object/);
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/dockerconfigjson', ['.dockerconfigjson'], [['.dockerconfigjson', '{"auths":{}}']])).not.toThrow();
    expect(() => checkTypeKeys('secrets', 'Opaque', [], [])).not.toThrow();
    // The API server refuses an ssh-auth Secret with an empty ssh-privatekey: it would never unseal.
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/ssh-auth', ['ssh-privatekey'], [['ssh-privatekey', '']])).toThrow(/'ssh-privatekey' is empty/);
    expect(() => checkTypeKeys('secrets', 'kubernetes.io/ssh-auth', ['ssh-privatekey'], [['ssh-privatekey', 'k']])).not.toThrow();
    const e = err(() => checkTypeKeys('secrets', 'kubernetes.io/dockerconfigjson', ['.dockerconfigjson'], [['.dockerconfigjson', 'CANARY']]));
    expect(e.message).not.toContain('CANARY');
  });
});

describe('annotations a type needs', () => {
  it('a service-account-token Secret names its ServiceAccount (ValidateSecret), other types need none', () => {
    const e = err(() => checkTypeAnnotations('annotations', 'kubernetes.io/service-account-token', new Map([['example.com/a', 'b']])));
    expect(e.input).toBe('annotations');
    expect(e.message).toMatch(/needs the annotation kubernetes.io\/service-account.name=<service account name>/);
    expect(() => checkTypeAnnotations('annotations', 'kubernetes.io/service-account-token', new Map([['kubernetes.io/service-account.name', '']]))).toThrow(/needs the annotation/);
    expect(() => checkTypeAnnotations('annotations', 'kubernetes.io/service-account-token', new Map([['kubernetes.io/service-account.name', 'build-bot']]))).not.toThrow();
    expect(() => checkTypeAnnotations('annotations', 'Opaque', new Map())).not.toThrow();
  });
});

describe('labels and annotations', () => {
  it('accepts qualified keys', () => {
    expect(parseLabels('labels', 'app.kubernetes.io/name=web\ntier=')).toEqual([['app.kubernetes.io/name', 'web'], ['tier', '']]);
    expect(parseAnnotations('annotations', 'example.com/note=any text: here')).toEqual([['example.com/note', 'any text: here']]);
  });
  it('refuses bad keys, bad label values and the scope annotations', () => {
    expect(err(() => parseLabels('labels', 'bad key=1')).input).toBe('labels');
    expect(err(() => parseLabels('labels', 'a=not valid')).message).toMatch(/value 'not valid'/);
    expect(err(() => parseAnnotations('annotations', 'sealedsecrets.bitnami.com/cluster-wide=true')).message).toMatch(/from the scope input/);
    expect(err(() => parseAnnotations('annotations', 'kubectl.kubernetes.io/last-applied-configuration={}')).input).toBe('annotations');
  });
});

describe('secrets input, property', () => {
  it('KEY=VALUE lines give back every key and value as written', async () => {
    const fc = (await import('fast-check')).default;
    const key = fc.stringMatching(/^[-._a-zA-Z0-9]{1,20}$/).filter((k) => k !== '.' && !k.startsWith('..'));
    const value = fc.string({ maxLength: 40 }).filter((v) => !/[\r\n]/.test(v));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 8, selector: ([k]) => k }), (pairs) => {
        expect(parseSecretData('secrets', pairs.map(([k, v]) => `${k}=${v}`).join('\n'))).toEqual(pairs);
        expect(parseSecretData('secrets', JSON.stringify(Object.fromEntries(pairs)))).toEqual(Object.entries(Object.fromEntries(pairs)));
      }),
    );
  });
});
