import { ConfigurationError } from '../../../src/lib/errors.js';
import { parseKeyValueLines } from '../../../src/lib/inputs.js';

/**
 * The `secrets`, `type`, `labels` and `annotations` inputs: what goes in the
 * Secret that gets sealed. Error messages name keys, never values.
 */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const SECRET_KEY_FORM = "a Secret key: letters, digits, '-', '_' and '.' (not '.', and not starting with '..'), at most 253 characters";

/** The API server's IsConfigMapKey: the pattern, at most 253 characters, and no `.`, `..` or `..` prefix (hasChDirPrefix). */
function checkSecretKey(input: string, key: string, where: string): void {
  if (!SECRET_KEY.test(key) || key === '.' || key.startsWith('..') || key.length > 253) {
    // An over-long "key" is likely a value's line (a long token ending in '='): not quoted.
    throw new ConfigurationError(input, `${where}${key.length > 253 ? `a key of ${key.length} characters (not shown)` : `key '${key}'`} is not valid. Expected ${SECRET_KEY_FORM}`);
  }
}

/**
 * Multiline `KEY=VALUE` (the value is everything after the first `=`, kept as
 * given, possibly empty; duplicate keys are an error) or a JSON object of
 * strings (for values that span lines, such as a PEM key).
 */
export function parseSecretData(input: string, raw: string): Array<[string, string]> {
  let pairs: Array<[string, string]>;
  // A '[' cannot start a KEY=VALUE line either: JSON, reported as not an object.
  if (/^[{[]/.test(raw.trimStart())) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      // JSON.parse quotes the text around the mistake: keep only the position, never the text.
      const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
      throw new ConfigurationError(input, `starts with '${raw.trimStart()[0]}' but is not valid JSON${at ? ` (error at character ${at[1]})` : ''}. Expected a JSON object of strings, or KEY=VALUE lines`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigurationError(input, 'is JSON but not an object. Expected a JSON object of strings, or KEY=VALUE lines');
    }
    pairs = [];
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      checkSecretKey(input, key, '');
      if (typeof value !== 'string') throw new ConfigurationError(input, `the value of key '${key}' is a ${value === null ? 'null' : typeof value}, not a string. Expected a JSON object of strings`);
      pairs.push([key, value]);
    }
    // JSON.parse keeps the last of two equal keys; a duplicate is a mistake to report.
    // Compared as JSON.parse reads them: "\u0061" and "a" are the same key.
    const keys = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((m) => {
      try {
        return JSON.parse(`"${m[1]}"`) as string;
      } catch {
        return m[1];
      }
    });
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup !== undefined && pairs.some(([k]) => k === dup)) throw new ConfigurationError(input, `key '${dup}' is given twice`);
  } else {
    pairs = parseKeyValueLines(input, raw, { key: { pattern: SECRET_KEY, form: SECRET_KEY_FORM }, secret: true });
    for (const [key] of pairs) checkSecretKey(input, key, '');
  }
  if (pairs.length === 0) throw new ConfigurationError(input, 'no secret given. Expected at least one KEY=VALUE line or a JSON object of strings');
  return pairs;
}

/** Keys each built-in type needs (what the API server's Secret validation requires). */
const TYPE_RULES: Record<string, { all?: string[]; any?: string[]; json?: string; nonEmpty?: string }> = {
  Opaque: {},
  'kubernetes.io/service-account-token': {},
  'kubernetes.io/dockercfg': { all: ['.dockercfg'], json: '.dockercfg' },
  'kubernetes.io/dockerconfigjson': { all: ['.dockerconfigjson'], json: '.dockerconfigjson' },
  'kubernetes.io/basic-auth': { any: ['username', 'password'] },
  // The API server refuses an ssh-auth Secret whose ssh-privatekey is empty.
  'kubernetes.io/ssh-auth': { all: ['ssh-privatekey'], nonEmpty: 'ssh-privatekey' },
  'kubernetes.io/tls': { all: ['tls.crt', 'tls.key'] },
  'bootstrap.kubernetes.io/token': { all: ['token-id', 'token-secret'] },
};
export const BUILTIN_TYPES = Object.keys(TYPE_RULES);
/** A custom type: a domain-prefixed name such as example.com/api-key. */
const CUSTOM_TYPE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function parseSecretType(input: string, value: string): string {
  if (TYPE_RULES[value] || (CUSTOM_TYPE.test(value) && value.length <= 253)) return value;
  throw new ConfigurationError(input, `'${value}' is not a Secret type. Expected one of ${BUILTIN_TYPES.join(', ')}, or a custom type such as example.com/api-key`);
}

/**
 * Checks that a typed Secret has the keys its type requires. `keys` is every key
 * the Secret will hold (with merge-into, the kept ones too); `values` the ones given now.
 */
export function checkTypeKeys(input: string, type: string, keys: readonly string[], values: ReadonlyArray<readonly [string, string]>): void {
  const rule = TYPE_RULES[type];
  if (!rule) return;
  const missing = (rule.all ?? []).filter((k) => !keys.includes(k));
  if (missing.length > 0) throw new ConfigurationError(input, `a ${type} Secret needs the key${missing.length > 1 ? 's' : ''} ${missing.map((k) => `'${k}'`).join(' and ')}; given: ${keys.join(', ')}`);
  if (rule.any && !rule.any.some((k) => keys.includes(k))) throw new ConfigurationError(input, `a ${type} Secret needs at least one of ${rule.any.map((k) => `'${k}'`).join(', ')}; given: ${keys.join(', ')}`);
  if (rule.nonEmpty && values.some(([k, v]) => k === rule.nonEmpty && v === '')) throw new ConfigurationError(input, `the value of '${rule.nonEmpty}' is empty; a ${type} Secret needs one`);
  if (rule.json) {
    const given = values.find(([k]) => k === rule.json);
    if (given) {
      let ok = false;
      try {
        const v: unknown = JSON.parse(given[1]);
        ok = v !== null && typeof v === 'object' && !Array.isArray(v);
      } catch {
        ok = false;
      }
      if (!ok) throw new ConfigurationError(input, `the value of '${rule.json}' (not shown) is not a JSON object, as a ${type} Secret needs`);
    }
  }
}

/** Annotations a built-in type needs (ValidateSecret): a service-account-token Secret names its ServiceAccount. */
const TYPE_ANNOTATIONS: Record<string, string> = { 'kubernetes.io/service-account-token': 'kubernetes.io/service-account.name' };

/**
 * Checks that a typed Secret carries the annotations its type requires. `annotations`
 * are every annotation the Secret will hold (with merge-into, the file's too).
 */
export function checkTypeAnnotations(input: string, type: string, annotations: ReadonlyMap<string, string>): void {
  const needed = TYPE_ANNOTATIONS[type];
  if (needed && !annotations.get(needed)) {
    throw new ConfigurationError(input, `a ${type} Secret needs the annotation ${needed}=<service account name> (the API server refuses it otherwise); given: ${[...annotations.keys()].join(', ') || 'none'}`);
  }
}

const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const SCOPE_ANNOTATIONS = ['sealedsecrets.bitnami.com/namespace-wide', 'sealedsecrets.bitnami.com/cluster-wide'];
const NEVER_COPIED = ['kubectl.kubernetes.io/last-applied-configuration', 'kubecfg.ksonnet.io/last-applied-configuration'];

function checkQualifiedKey(input: string, key: string): void {
  const [prefix, name] = key.includes('/') ? [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)] : ['', key];
  if (!QUALIFIED_NAME.test(key) || name.length > 63 || prefix.length > 253) {
    throw new ConfigurationError(input, `key '${key}' is not valid. Expected [prefix/]name: a DNS subdomain prefix and a name of at most 63 letters, digits, '-', '_' and '.'`);
  }
}

/** `labels` for the unsealed Secret: KEY=VALUE lines, Kubernetes label syntax. */
export function parseLabels(input: string, raw: string): Array<[string, string]> {
  const pairs = parseKeyValueLines(input, raw, { key: { pattern: /^\S+$/, form: 'a label key' } });
  for (const [key, value] of pairs) {
    checkQualifiedKey(input, key);
    if (value.length > 63 || !LABEL_VALUE.test(value)) throw new ConfigurationError(input, `the value '${value}' of label '${key}' is not valid. Expected at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit`);
  }
  return pairs;
}

/** `annotations` for the unsealed Secret; the scope annotations come from `scope`, not here. */
export function parseAnnotations(input: string, raw: string): Array<[string, string]> {
  const pairs = parseKeyValueLines(input, raw, { key: { pattern: /^\S+$/, form: 'an annotation key' } });
  for (const [key] of pairs) {
    checkQualifiedKey(input, key);
    if (SCOPE_ANNOTATIONS.includes(key)) throw new ConfigurationError(input, `'${key}' is set from the scope input; remove it from annotations`);
    if (NEVER_COPIED.includes(key)) throw new ConfigurationError(input, `'${key}' would carry a copy of the object; it is never put in a SealedSecret`);
  }
  return pairs;
}
