import { describe, expect, test } from '@jest/globals';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildProvenancePredicate, GITHUB_WORKFLOW_BUILD_TYPE, provenanceProblem, type ProvenancePredicate as P, type ResourceDescriptor } from '../../actions/build-sign/src/provenance.js';
import { attestPlan } from '../../actions/build-sign/src/sign.js';
import { repoRoot } from '../harness/run-action.mjs';

// CommonJS packages: under NodeNext the default import is module.exports, which carries `.default`.
const Ajv = AjvModule.default;
const addFormats = ajvFormats.default;
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'build-sign');
const schema = JSON.parse(readFileSync(path.join(fixtures, 'slsa-provenance-v1.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(schema);
const validatePredicate = ajv.getSchema(schema.$id)!;
const validateStatement = ajv.getSchema(`${schema.$id}#/definitions/Statement`)!;

const SHA = '0123456789abcdef0123456789abcdef01234567';
// What a GitHub-hosted runner sets for a push to main (names from the runner's documented variables).
const env = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: SHA,
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY_ID: '123456789',
  GITHUB_REPOSITORY_OWNER_ID: '987654',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

describe('the SLSA v1 schema (written from the spec) is a real check', () => {
  test("it accepts GitHub's own example statement for the workflow build type", () => {
    const example = JSON.parse(readFileSync(path.join(fixtures, 'actions-buildtypes-workflow-v1-example.json'), 'utf8')) as { predicate: unknown };
    expect(validateStatement(example)).toBe(true);
    expect(validatePredicate(example.predicate)).toBe(true);
  });
  test.each([
    ['no buildDefinition', (p: P) => Reflect.deleteProperty(p, 'buildDefinition')],
    ['no buildType', (p: P) => Reflect.deleteProperty(p.buildDefinition, 'buildType')],
    ['buildType not a URI', (p: P) => (p.buildDefinition.buildType = 'workflow v1')],
    ['no externalParameters', (p: P) => Reflect.deleteProperty(p.buildDefinition, 'externalParameters')],
    ['no builder id', (p: P) => Reflect.deleteProperty(p.runDetails.builder, 'id')],
    ['a dependency with nothing to identify it', (p: P) => (p.buildDefinition.resolvedDependencies = [{ name: 'x' }] as unknown as ResourceDescriptor[])],
    ['a commit digest that is not hex', (p: P) => ((p.buildDefinition.resolvedDependencies[0] as ResourceDescriptor).digest.gitCommit = 'main')],
    ['startedOn not a timestamp', (p: P) => ((p.runDetails.metadata as Record<string, string>).startedOn = 'yesterday')],
  ])('it rejects a predicate with %s', (_what, breakIt) => {
    const p = JSON.parse(JSON.stringify(buildProvenancePredicate(env))) as P;
    breakIt(p);
    expect(validatePredicate(p)).toBe(false);
  });
});

describe('build-sign provenance', () => {
  test("field for field the layout of actions/toolkit's buildSLSAProvenancePredicate, from the runner's variables", () => {
    expect(buildProvenancePredicate(env)).toEqual({
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/shop', path: '.github/workflows/release.yml' } },
        internalParameters: { github: { event_name: 'push', repository_id: '123456789', repository_owner_id: '987654', runner_environment: 'github-hosted' } },
        resolvedDependencies: [{ uri: 'git+https://github.com/acme/shop@refs/heads/main', digest: { gitCommit: SHA } }],
      },
      runDetails: {
        builder: { id: 'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main' },
        metadata: { invocationId: 'https://github.com/acme/shop/actions/runs/4242/attempts/2' },
      },
    });
    expect(GITHUB_WORKFLOW_BUILD_TYPE).toBe('https://actions.github.io/buildtypes/workflow/v1');
  });

  test('it validates against the SLSA v1 schema, alone and as the statement cosign makes for image@digest', () => {
    const predicate = buildProvenancePredicate(env);
    expect(validatePredicate(predicate)).toBe(true);
    const statement = { _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'ghcr.io/acme/shop', digest: { sha256: 'a'.repeat(64) } }], predicateType: 'https://slsa.dev/provenance/v1', predicate };
    expect(validateStatement(statement)).toBe(true);
  });

  test('a tag ref holding @ splits on the first @ only, as the toolkit does', () => {
    const p = buildProvenancePredicate({ ...env, GITHUB_REF: 'refs/tags/@scope/pkg@1.2.3', GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/tags/@scope/pkg@1.2.3' });
    expect(p.buildDefinition.externalParameters.workflow).toEqual({ ref: 'refs/tags/@scope/pkg@1.2.3', repository: 'https://github.com/acme/shop', path: '.github/workflows/release.yml' });
  });

  test('GitHub Enterprise Server: the server URL is the instance', () => {
    const p = buildProvenancePredicate({ ...env, GITHUB_SERVER_URL: 'https://ghe.example.com' });
    expect(p.buildDefinition.resolvedDependencies[0]?.uri).toBe('git+https://ghe.example.com/acme/shop@refs/heads/main');
    expect(p.runDetails.metadata.invocationId).toBe('https://ghe.example.com/acme/shop/actions/runs/4242/attempts/2');
  });

  test('missing runner variables are named; a bad commit or workflow ref is refused', () => {
    expect(provenanceProblem(env)).toBeUndefined();
    const { GITHUB_WORKFLOW_REF: _w, RUNNER_ENVIRONMENT: _r, ...partial } = env;
    expect(provenanceProblem(partial)).toMatch(/GITHUB_WORKFLOW_REF, RUNNER_ENVIRONMENT are not set.*provenance: false/);
    expect(provenanceProblem({ ...env, GITHUB_SHA: 'main' })).toMatch(/not a 40-hex commit/);
    expect(provenanceProblem({ ...env, GITHUB_WORKFLOW_REF: 'other/repo/.github/workflows/x.yml@refs/heads/main' })).toMatch(/GITHUB_WORKFLOW_REF/);
    expect(() => buildProvenancePredicate(partial)).toThrow(/GITHUB_WORKFLOW_REF/);
  });

  test('cosign attest: --type slsaprovenance1, the predicate file, image@digest only; the key through the environment', () => {
    const d = `sha256:${'b'.repeat(64)}`;
    const plan = attestPlan(`ghcr.io/acme/shop@${d}`, 'ghcr.io', { kind: 'pem', pem: 'PEM-SECRET' }, 'PW-SECRET', '/tmp/p.json');
    expect(plan.argv).toEqual(['attest', '--yes', '--key', 'env://COSIGN_PRIVATE_KEY', '--type', 'slsaprovenance1', '--predicate', '/tmp/p.json', `ghcr.io/acme/shop@${d}`]);
    expect(plan.env).toEqual({ COSIGN_PRIVATE_KEY: 'PEM-SECRET', COSIGN_PASSWORD: 'PW-SECRET' });
    expect(() => attestPlan('ghcr.io/acme/shop:v1', 'ghcr.io', undefined, undefined, '/tmp/p.json')).toThrow(/only image@sha256 digests are attested/);
  });
});
