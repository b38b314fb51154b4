import { code, keyValueTable, markdownTable } from '../../../src/lib/summary.js';
import type { SealingCert } from './certificate.js';
import { applyDetail, type ApplyReport } from './cluster.js';
import type { Inputs } from './inputs.js';

export interface Outcome {
  inputs?: Inputs;
  cert?: SealingCert;
  certOrigin?: string;
  certWarning?: string;
  engine?: string;
  /** Keys sealed this run, and whether each was new to the file. */
  sealed: Array<{ key: string; state: 'sealed' | 'added' | 'replaced' }>;
  /** Keys kept as they were (merge-into). */
  kept: string[];
  file?: string;
  apply?: ApplyReport;
  error?: string;
  /** A tool's stderr, filtered and masked (kubeseal): shown as it came, in a code block. */
  toolOutput?: string[];
}

const LABEL_TEXT: Record<string, (i: Inputs) => string> = {
  strict: (i) => `strict: opens only as ${i.namespace}/${i.name}`,
  'namespace-wide': (i) => `namespace-wide: any name in ${i.namespace}`,
  'cluster-wide': () => 'cluster-wide: any name in any namespace',
};

/** Text shown as it is on GitHub: Markdown and HTML characters escaped (a `<placeholder>` would be eaten as a tag). */
export function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}

/** A fenced code block whose fence no line of the content can close. */
export function fenced(lines: readonly string[], info = ''): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${lines.join('\n')}\n${fence}`;
}

/** The first line of a message as a paragraph; any further lines (a tool's output) in a code block. */
function messageSections(message: string): string[] {
  const [first = '', ...rest] = message.replace(/\r\n/g, '\n').split('\n');
  const more = rest.filter((l, i) => l.trim() !== '' || i < rest.length - 1);
  return more.length > 0 ? [plain(first.replace(/:$/, '')), fenced(more, 'text')] : [plain(first)];
}

/** A word for a POSIX shell command line: quoted when it holds anything but safe characters. */
const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The command that fetches the controller's current certificate, as kubeseal has it. */
const fetchCertCommand = (i: Inputs): string => `kubeseal --fetch-cert --controller-name ${i.controllerName} --controller-namespace ${i.controllerNamespace} > <cert file>`;

/** The job summary: names keys, scope, certificate and file; never a value. */
export function sealSummary(o: Outcome): string[] {
  const i = o.inputs;
  const title = i ? `${i.namespace}/${i.name}` : 'SealedSecret';
  const sections: string[] = [];
  if (o.error !== undefined) {
    sections.push('### ❌ seal-secrets failed', ...messageSections(o.error));
    if (o.toolOutput && o.toolOutput.length > 0) sections.push('kubeseal said (filtered, secret values masked):', fenced(o.toolOutput, 'text'));
  } else {
    const merged = o.sealed.some((s) => s.state !== 'sealed');
    sections.push(`### ✅ ${merged ? 'Merged' : 'Sealed'} ${o.sealed.length} key${o.sealed.length === 1 ? '' : 's'} into ${code(title)}`);
  }
  if (!i) return sections;
  const rows: string[][] = [
    ['SealedSecret', code(title)],
    ['Scope', plain(LABEL_TEXT[i.scope]?.(i) ?? i.scope)],
    ['Type', code(i.type)],
    ['Engine', o.engine ?? i.engine],
    ['Certificate', o.cert ? `SHA-256 ${code(o.cert.fingerprint)}<br>RSA-${o.cert.keyBits}, expires ${o.cert.notAfter.toISOString().slice(0, 10)}${o.certOrigin ? `, from ${plain(o.certOrigin)}` : ''}` : '—'],
    ['File', o.file ? code(o.file) : 'not written'],
  ];
  if (o.apply) {
    const a = o.apply;
    const detail = applyDetail(a);
    rows.push(['Applied', `${a.action} (server-side apply)${detail ? `: ${plain(detail)}` : ''}`]);
  } else if (i.apply) {
    rows.push(['Applied', 'no']);
  }
  sections.push(keyValueTable(rows));
  if (o.certWarning) sections.push(`> [!WARNING]\n> ${plain(o.certWarning)}`);
  if (o.sealed.length > 0 || o.kept.length > 0) {
    const keyRows = [...o.sealed.map((s) => [code(s.key), s.state]), ...o.kept.map((k) => [code(k), 'kept (ciphertext unchanged)'])];
    sections.push(markdownTable(['Key', 'State'], keyRows));
  }
  // What to do next, as commands to copy.
  if (o.error !== undefined) {
    if (o.toolOutput !== undefined) {
      sections.push(`Nothing was written. If the certificate is the problem, fetch the controller's current one and give it as ${code('cert')} (or seal with ${code('engine: native')}):`, fenced([fetchCertCommand(i)], 'sh'));
    }
  } else if (o.file && o.apply) {
    sections.push('The controller unseals it into a Secret of the same name. To check:', fenced([`kubectl get sealedsecret ${i.name} --namespace ${i.namespace}`, `kubectl get secret ${i.name} --namespace ${i.namespace}`], 'sh'));
  } else if (o.file) {
    sections.push('Commit the file; once it is applied, the controller unseals it into a Secret of the same name:', fenced([`kubectl apply -f ${shellWord(o.file)}`, `kubectl get secret ${i.name} --namespace ${i.namespace}`], 'sh'));
  }
  if (o.certWarning) sections.push('Fetch the current certificate before it expires:', fenced([fetchCertCommand(i)], 'sh'));
  return sections;
}
