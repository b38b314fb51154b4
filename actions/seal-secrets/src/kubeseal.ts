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
