// Issue 12: build-sign's SLSA provenance v1, as the runner runs the bundle.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildahEnv, makeContext } from '../harness/context.mjs';
import { startRegistry } from '../harness/registry.mjs';
import { repoRoot, runAction } from '../harness/run-action.mjs';

const Ajv = AjvModule.default;
const addFormats = ajvFormats.default;
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'build-sign', 'slsa-provenance-v1.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

type Registry = Awaited<ReturnType<typeof startRegistry>>;
const SHA = '89abcdef0123456789abcdef0123456789abcdef';
// A GitHub-hosted runner's variables for a tag push (the harness sets the rest: server, repository, run).
const RUNNER_ENV = {
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/tags/v2.4.0',
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/tags/v2.4.0',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY_ID: '123456789',
  GITHUB_REPOSITORY_OWNER_ID: '987654',
  GITHUB_RUN_ATTEMPT: '3',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
const KEYLESS = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' };

let reg: Registry;
beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
});

function run(inputs: Record<string, string>, env: Record<string, string | undefined> = {}) {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'cosign-')), 'calls.jsonl');
  const result = runAction('build-sign', { inputs: { builder: 'buildah', ...inputs }, env: { ...buildahEnv, ...RUNNER_ENV, SOURCE_DATE_EPOCH: '1700000000', FAKE_COSIGN_LOG: log, ...env }, cwd: makeContext('provenance') });
  const calls = (): Array<{ command: string; argv: string[] }> => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
  return { result, calls };
}

describe('build-sign provenance', () => {
  test('signing on (the default): SLSA v1 with the GitHub context is written to RUNNER_TEMP and attached to image@digest', async () => {
    const { result, calls } = run({ image: `${reg.host}/demo/prov` }, KEYLESS);
    const r = await result;
    expect(r.errors).toEqual([]);
    const file = r.outputs['provenance-file'] as string;
    expect(path.dirname(file)).toBe(path.join(r.workDir, 'runner_temp'));
    const predicate = JSON.parse(readFileSync(file, 'utf8'));
    expect(validate(predicate)).toBe(true);
    expect(predicate.buildDefinition.buildType).toBe('https://actions.github.io/buildtypes/workflow/v1');
    expect(predicate.buildDefinition.externalParameters.workflow).toEqual({ ref: 'refs/tags/v2.4.0', repository: 'https://github.com/acme/shop', path: '.github/workflows/release.yml' });
    expect(predicate.buildDefinition.internalParameters.github).toEqual({ event_name: 'push', repository_id: '123456789', repository_owner_id: '987654', runner_environment: 'github-hosted' });
    expect(predicate.buildDefinition.resolvedDependencies).toEqual([{ uri: 'git+https://github.com/acme/shop@refs/tags/v2.4.0', digest: { gitCommit: SHA } }]);
    expect(predicate.runDetails.builder.id).toBe('https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v2.4.0');
    expect(predicate.runDetails.metadata.invocationId).toBe('https://github.com/acme/shop/actions/runs/4242/attempts/3');
    const attest = calls().find((c) => c.command === 'attest');
    expect(attest?.argv).toEqual(['attest', '--yes', '--type', 'slsaprovenance1', '--predicate', file, '--allow-http-registry', r.outputs['image-ref']]);
    expect(r.summary).toContain('SLSA v1 attached with cosign attest');
  });

  test('sign: false: the file is written (for another tool to attach), nothing is attested', async () => {
    const { result, calls } = run({ image: `${reg.host}/demo/prov-unsigned`, sign: 'false' });
    const r = await result;
    expect(r.errors).toEqual([]);
    expect(validate(JSON.parse(readFileSync(r.outputs['provenance-file'] as string, 'utf8')))).toBe(true);
    expect(calls()).toEqual([]);
    expect(r.summary).toContain('not attached (sign: false)');
  });

  test('provenance: false: no file, no attestation, the image is still signed', async () => {
    const { result, calls } = run({ image: `${reg.host}/demo/prov-off`, provenance: 'false' }, KEYLESS);
    const r = await result;
    expect(r.errors).toEqual([]);
    expect(r.outputs['provenance-file']).toBeUndefined();
    expect(calls().map((c) => c.command)).toEqual(['sign']);
  });

  test('without the runner variables provenance needs, the step fails before building, naming them', async () => {
    const { result } = run({ image: `${reg.host}/demo/prov-noenv` }, { ...KEYLESS, GITHUB_WORKFLOW_REF: undefined, RUNNER_ENVIRONMENT: undefined });
    const r = await result;
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/GITHUB_WORKFLOW_REF, RUNNER_ENVIRONMENT are not set.*provenance: false/);
    expect(r.stdout).not.toContain('[command] buildah build');
  });

  test('provenance: yes is refused like any other boolean', async () => {
    const { result } = run({ image: `${reg.host}/demo/prov-bad`, provenance: 'yes' });
    const r = await result;
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]).toContain("input 'provenance': 'yes' is not a boolean");
  });
});
