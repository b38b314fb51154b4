/**
 * What `apply: true` changed, from the SealedSecret before (`kubectl get`, or
 * nothing) and after (`kubectl apply --server-side -o json`). Ciphertexts are
 * fresh on every seal, so a sealed key always reads as re-sealed.
 */
export interface ApplyReport {
  action: 'created' | 'updated' | 'unchanged';
  added: string[];
  resealed: string[];
  removed: string[];
  kept: string[];
  resourceVersion?: string;
}

interface ObjectLike {
  metadata?: { resourceVersion?: string };
  spec?: { encryptedData?: Record<string, string> };
}

const parse = (text: string): ObjectLike | undefined => (text.trim() === '' ? undefined : (JSON.parse(text) as ObjectLike));

export function applyReport(beforeJson: string, afterJson: string): ApplyReport {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const old = before?.spec?.encryptedData ?? {};
  const now = after?.spec?.encryptedData ?? {};
  const report: ApplyReport = { action: 'created', added: [], resealed: [], removed: [], kept: [], resourceVersion: after?.metadata?.resourceVersion };
  for (const [k, v] of Object.entries(now).sort()) {
    if (!(k in old)) report.added.push(k);
    else if (old[k] !== v) report.resealed.push(k);
    else report.kept.push(k);
  }
  for (const k of Object.keys(old).sort()) if (!(k in now)) report.removed.push(k);
  if (before) {
    const changed = report.added.length + report.resealed.length + report.removed.length > 0 || before.metadata?.resourceVersion !== after?.metadata?.resourceVersion;
    report.action = changed ? 'updated' : 'unchanged';
  }
  return report;
}

export function applyArgv(namespace: string): string[] {
  return ['apply', '--server-side', '--field-manager=seal-secrets', '--namespace', namespace, '-o', 'json', '-f', '-'];
}

export function getArgv(name: string, namespace: string): string[] {
  return ['get', `sealedsecrets.bitnami.com/${name}`, '--namespace', namespace, '-o', 'json', '--ignore-not-found'];
}

/** What changed, in words: `added a; re-sealed b; removed c; unchanged d` (empty parts left out). */
export function applyDetail(a: ApplyReport): string {
  const part = (word: string, keys: string[]): string => (keys.length ? `${word} ${keys.join(', ')}` : '');
  return [part('added', a.added), part('re-sealed', a.resealed), part('removed', a.removed), part('unchanged', a.kept)].filter(Boolean).join('; ');
}
