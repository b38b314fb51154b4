import * as core from '@actions/core';
import { ConfigurationError } from './errors.js';
import { rememberSecret } from './summary.js';

/**
 * Strict readers shared by every action. They never fall back to a default of
 * their own: defaults live in action.yml and the runner applies them, so an
 * empty value for an input that needs one is a mistake we report.
 */

/** Raw value as the runner passes it (`INPUT_<NAME>`), trimmed. */
export function rawInput(name: string): string {
  return core.getInput(name, { trimWhitespace: true });
}

/** An input that must have a value (required, or defaulted in action.yml). */
export function requiredInput(name: string, form: string): string {
  const value = rawInput(name);
  if (value === '') throw new ConfigurationError(name, `a value is required. Expected ${form}`);
  return value;
}

/** An input that may be left empty: undefined then. */
export function optionalInput(name: string): string | undefined {
  const value = rawInput(name);
  return value === '' ? undefined : value;
}

/** `true`/`false` as YAML 1.2 writes them (`yes`, `1`, `on` are rejected). */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ConfigurationError(name, `'${value}' is not a boolean. Expected true or false`);
}

export function booleanInput(name: string): boolean {
  return parseBoolean(name, requiredInput(name, 'true or false'));
}

export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(name, `'${value}' is not one of ${choices.join(', ')}`);
}

const DURATION = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/;

/** `90s`, `5m`, `1h30m` to milliseconds; zero and other units are rejected. */
export function parseDuration(name: string, value: string): number {
  const m = DURATION.exec(value);
  if (value === '' || !m) {
    throw new ConfigurationError(name, `'${value}' is not a duration. Expected hours, minutes and seconds like 90s, 5m or 1h30m`);
  }
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
  if (ms <= 0) throw new ConfigurationError(name, `'${value}' must be longer than zero. Expected hours, minutes and seconds like 90s, 5m or 1h30m`);
  return ms;
}

/** Lines, or comma-separated items; blanks dropped, each trimmed. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface KeyValueOptions {
  /** Pattern a key must match, and how to describe it. */
  key?: { pattern: RegExp; form: string };
  /** Values are secret: never echo them in an error. */
  secret?: boolean;
}

/**
 * Multiline `KEY=VALUE`: the value is everything after the first `=` (it may hold
 * more `=`, and may be empty); blank lines are skipped; duplicate keys are an error.
 */
export function parseKeyValueLines(name: string, value: string, options: KeyValueOptions = {}): Array<[string, string]> {
  const keyRule = options.key ?? { pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/, form: 'letters, digits, _, . and -, not starting with a digit' };
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  value.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') return;
    const eq = line.indexOf('=');
    const where = `line ${index + 1}`;
    if (eq < 0) {
      const shown = options.secret ? '' : ` ('${line.trim()}')`;
      throw new ConfigurationError(name, `${where}${shown} is not KEY=VALUE`);
    }
    const key = line.slice(0, eq).trim();
    if (!keyRule.pattern.test(key)) {
      // In a secret input the text before '=' may be part of a value (a multi-line value's
      // next line, say postgres://user:pw@host/db?ssl=on): never quote it there.
      const shown = options.secret ? 'the text before = is not a valid key (not shown)' : `key '${key}' is not valid`;
      throw new ConfigurationError(name, `${where}: ${shown}. Expected ${keyRule.form}${options.secret ? '; a value with line breaks goes in the JSON form' : ''}`);
    }
    if (seen.has(key)) throw new ConfigurationError(name, `${where}: key '${key}' is given twice`);
    seen.add(key);
    pairs.push([key, line.slice(eq + 1)]);
  });
  return pairs;
}

const DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** A namespace: DNS-1123 label (63 characters at most). */
export function parseNamespace(name: string, value: string): string {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a Kubernetes namespace. Expected a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`);
  }
  return value;
}

/** An object name (Deployment, Secret...): DNS-1123 subdomain (253 characters at most). */
export function parseResourceName(name: string, value: string): string {
  if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a Kubernetes name. Expected a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters`);
  }
  return value;
}

/** A container name: DNS-1123 label. */
export function parseContainerName(name: string, value: string): string {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    throw new ConfigurationError(name, `'${value}' is not a container name. Expected a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters`);
  }
  return value;
}

/**
 * The strings to mask for one secret value: the value itself and, for a
 * multi-line value (a PEM key, a kubeconfig), each line as the runner prints
 * lines: bare tokens (PEM base64 lines) and the values of `key: value` lines,
 * when they are long enough to be secret rather than YAML structure.
 */
const CREDENTIAL_FIELD = /(token|password|passwd|secret|key|key-data|auth|credential|cookie|signature)$/i;

export function secretParts(value: string): string[] {
  const parts = new Set([value]);
  if (/[\r\n]/.test(value)) {
    for (const raw of value.split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length >= 8 && !/[\s:]/.test(line) && !/^-+(BEGIN|END) /.test(line)) parts.add(line);
      // Only the values of credential fields: a kubeconfig's cluster, context, user and
      // namespace names and its server URL must stay readable in the log and the summary.
      const kv = /^-?\s*["']?([\w.-]+)["']?:\s+["']?([^"'\s]{8,})["']?,?$/.exec(line);
      if (kv?.[2] && CREDENTIAL_FIELD.test(kv[1] as string)) parts.add(kv[2]);
    }
  }
  return [...parts];
}

/** Masks every secret before anything else is logged; empty values are skipped. */
export function maskSecrets(...values: Array<string | undefined>): void {
  for (const v of values) {
    if (v === undefined || v === '') continue;
    for (const part of secretParts(v)) {
      core.setSecret(part);
      rememberSecret(part);
    }
  }
}

/** A value quoted in an error on one line: control characters shown escaped, never acted on as workflow commands. */
export function oneLine(value: string): string {
  return value.replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
