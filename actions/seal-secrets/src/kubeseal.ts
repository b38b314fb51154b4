import type { Format, SealedSecretSpec } from './manifest.js';

/**
 * engine: kubeseal. The plaintext Secret goes to kubeseal on stdin (never a
 * file, never argv); the certificate (public) is given as a file with --cert,
 * so both engines seal with the same, already validated, certificate.
 */
export interface KubesealPlan {
  argv: string[];
  /** The v1 Secret JSON written to stdin. Secret. */
  stdin: string;
}

/** The same SealedSecret fields as the native engine, with plaintext instead of ciphertext. */
export function kubesealPlan(
  p: Omit<SealedSecretSpec, 'encryptedData'> & {
    secrets: ReadonlyArray<readonly [string, string]>;
    format: Format;
    certFile: string;
  },
): KubesealPlan {
  const metadata: Record<string, unknown> = { name: p.name, namespace: p.namespace };
  if (p.labels.length > 0) metadata.labels = Object.fromEntries(p.labels);
  if (p.annotations.length > 0) metadata.annotations = Object.fromEntries(p.annotations);
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: p.type,
    // data (base64) rather than stringData: any byte sequence survives.
    data: Object.fromEntries(p.secrets.map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')])),
  };
  return {
    argv: ['--format', p.format, '--cert', p.certFile, '--scope', p.scope],
    stdin: JSON.stringify(secret),
  };
}

/** kubeseal failed: a one-line message, and the lines of its stderr worth showing (filtered, secrets masked). */
export class KubesealError extends Error {
  constructor(
    readonly headline: string,
    readonly lines: string[],
  ) {
    super(lines.length > 0 ? `${headline}:\n${lines.join('\n')}` : headline);
    this.name = 'KubesealError';
  }
}

const MAX_LINES = 10;
const MAX_LINE = 400;
/** klog's header (I/W lines are chatter; E/F lines are errors), e.g. `W1205 08:00:00.000001    4242 file.go:70] ...`. */
const KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]]+\] ?/;
const ERRORISH = /^(error|fatal|panic)\b|\b(error|failed|cannot|can't|invalid|unable|refused|denied|not found|no such)\b/i;

/**
 * What of kubeseal's stderr reaches the log and the summary: its error lines,
 * not klog info or warnings, nor the flag usage text pflag prints after an error;
 * at most 10 lines, each secret value (as given, and in base64 as kubeseal got it) masked.
 */
export function kubesealStderr(stderr: string, secrets: readonly string[]): string[] {
  const masks = new Set<string>();
  for (const v of secrets) {
    for (const part of [v, ...v.split(/\r?\n/)]) {
      if (part.trim().length < 4) continue;
      const b64 = Buffer.from(part, 'utf8').toString('base64');
      masks.add(part);
      masks.add(b64);
      masks.add(b64.replace(/=+$/, ''));
    }
  }
  const ordered = [...masks].sort((a, b) => b.length - a.length);
  const mask = (line: string): string => ordered.reduce((l, m) => l.split(m).join('***'), line);
  // eslint-disable-next-line no-control-regex
  const all = stderr.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/).map((l) => l.trimEnd());
  const usage = all.findIndex((l) => /^Usage( of [^:]+)?:$/.test(l.trim()));
  const lines = (usage >= 0 ? all.slice(0, usage) : all).filter((l) => l.trim() !== '' && !/^\s+-{1,2}[a-zA-Z]/.test(l));
  const klog = (l: string): string | undefined => KLOG.exec(l)?.[1];
  const useful = lines.filter((l) => klog(l) === 'E' || klog(l) === 'F' || (klog(l) === undefined && ERRORISH.test(l)));
  const kept = useful.length > 0 ? useful : lines.filter((l) => klog(l) === undefined).slice(-3);
  return kept.slice(-MAX_LINES).map((l) => {
    const masked = mask(l.replace(KLOG, ''));
    return masked.length > MAX_LINE ? `${masked.slice(0, MAX_LINE)}…` : masked;
  });
}
