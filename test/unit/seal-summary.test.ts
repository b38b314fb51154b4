/**
 * seal-secrets' job summaries read as GitHub renders them (test/harness/gfm.mjs):
 * commands in fenced code blocks, `<placeholders>` kept, separate lines kept apart.
 */
import { describe, expect, it } from '@jest/globals';
import { readRendered } from '../harness/gfm.mjs';
import { kubesealStderr } from '../../actions/seal-secrets/src/kubeseal.js';
import { fenced, plain, sealSummary, type Outcome } from '../../actions/seal-secrets/src/summary.js';
import type { Inputs } from '../../actions/seal-secrets/src/inputs.js';
import type { SealingCert } from '../../actions/seal-secrets/src/certificate.js';

interface Rendered {
  blocks: Array<{ kind: string; text: string }>;
  codeBlocks: string[];
  eatenTags: string[];
  text: string;
}
const render = (sections: string[]): Rendered => readRendered(`${sections.join('\n\n')}\n`) as Rendered;
const heading = (r: Rendered): string | undefined => r.blocks.find((b) => b.kind === 'h3')?.text;
const prose = (r: Rendered): string[] => r.blocks.filter((b) => b.kind !== 'code').map((b) => b.text);

const inputs = {
  name: 'web',
  namespace: 'shop',
  scope: 'strict',
  secrets: [['password', 'CANARY-summary-pw']],
  type: 'Opaque',
  labels: [],
  annotations: [],
  cert: { kind: 'cluster' },
  controllerName: 'sealed-secrets-controller',
  controllerNamespace: 'kube-system',
  outputFile: '/ws/web.sealedsecret.yaml',
  format: 'yaml',
  formatFromMergeFile: false,
  engine: 'native',
  apply: false,
} as unknown as Inputs;
const cert = { fingerprint: 'AB:CD', keyBits: 4096, notAfter: new Date('2027-01-01T00:00:00Z'), notBefore: new Date('2026-01-01T00:00:00Z'), subject: 'CN=sealed-secret', pem: '', publicKey: undefined } as unknown as SealingCert;

/** What every summary must keep when rendered. */
function checkCommon(r: Rendered): void {
  expect(r.eatenTags.filter((t) => !/^<br>$/i.test(t))).toEqual([]);
  // A command never sits in running text, where GitHub would reflow it.
  for (const p of prose(r)) expect(p).not.toMatch(/\b(kubectl|kubeseal) (apply|get|--fetch-cert)\b/);
  expect(r.text).not.toContain('CANARY');
}

describe('seal-secrets summaries as GitHub renders them', () => {
  it('sealed: commands to apply and check in a code block, the certificate cell on two lines', () => {
    const r = render(sealSummary({ inputs, cert, certOrigin: 'controller kube-system/sealed-secrets-controller', engine: 'native', sealed: [{ key: 'password', state: 'sealed' }], kept: [], file: 'web.sealedsecret.yaml' }));
    checkCommon(r);
    expect(heading(r)).toBe('✅ Sealed 1 key into shop/web');
    expect(r.codeBlocks).toContainEqual('kubectl apply -f web.sealedsecret.yaml\nkubectl get secret web --namespace shop\n');
    expect(r.blocks.find((b) => b.kind === 'tr' && b.text.startsWith('Certificate'))?.text).toBe('Certificate SHA-256 AB:CD\nRSA-4096, expires 2027-01-01, from controller kube-system/sealed-secrets-controller');
  });

  it('merged: states per key, and the heading says merged', () => {
    const r = render(sealSummary({ inputs, cert, sealed: [{ key: 'a', state: 'added' }, { key: 'b', state: 'replaced' }], kept: ['c'], file: 'web.sealedsecret.yaml' }));
    checkCommon(r);
    expect(heading(r)).toBe('✅ Merged 2 keys into shop/web');
    expect(r.blocks.filter((b) => b.kind === 'tr').map((b) => b.text)).toEqual(expect.arrayContaining(['a added', 'b replaced', 'c kept (ciphertext unchanged)']));
  });

  it('applied, with a certificate about to expire: the fetch-cert command keeps its <cert file> placeholder', () => {
    const o: Outcome = {
      inputs: { ...inputs, apply: true },
      cert,
      sealed: [{ key: 'password', state: 'sealed' }],
      kept: [],
      file: 'web.sealedsecret.yaml',
      apply: { action: 'updated', added: ['password'], resealed: [], removed: ['old'], kept: [] },
      certWarning: 'The sealing certificate AB:CD expires in 3 day(s), on 2027-01-01T00:00:00.000Z. Renew <soon>.',
    };
    const r = render(sealSummary(o));
    checkCommon(r);
    expect(r.codeBlocks).toContainEqual('kubectl get sealedsecret web --namespace shop\nkubectl get secret web --namespace shop\n');
    expect(r.codeBlocks).toContainEqual('kubeseal --fetch-cert --controller-name sealed-secrets-controller --controller-namespace kube-system > <cert file>\n');
    expect(r.blocks.find((b) => b.kind === 'tr' && b.text.startsWith('Applied'))?.text).toBe('Applied updated (server-side apply): added password; removed old');
    expect(r.blocks.find((b) => b.kind === 'blockquote')?.text).toContain('Renew <soon>.');
  });

  it('kubeseal failure: the headline a paragraph of its own, kubeseal\'s lines in a code block, one per line', () => {
    const lines = ['cannot seal key "password": value "***" (data ***) is not valid', 'error: second <line>'];
    const r = render(sealSummary({ inputs: { ...inputs, engine: 'kubeseal' }, cert, sealed: [], kept: [], error: 'kubeseal exited with code 1', toolOutput: lines }));
    checkCommon(r);
    expect(heading(r)).toBe('❌ seal-secrets failed');
    expect(prose(r)).toContain('kubeseal exited with code 1');
    expect(r.codeBlocks).toContainEqual(`${lines.join('\n')}\n`);
    expect(r.codeBlocks.some((c) => c.includes('> <cert file>'))).toBe(true);
  });

  it('any other failure with a multi-line message: first line as text, the rest kept line by line', () => {
    const r = render(sealSummary({ inputs, sealed: [], kept: [], error: 'cannot get the sealed-secrets controller service kube-system/x: Error from server (NotFound):\nservices "x" not found\nsecond line' }));
    checkCommon(r);
    expect(prose(r)).toContain('cannot get the sealed-secrets controller service kube-system/x: Error from server (NotFound)');
    expect(r.codeBlocks).toContainEqual('services "x" not found\nsecond line\n');
  });

  it('plain() and fenced() keep text as written', () => {
    expect(render([plain('a <b> *c* _d_ [e](f) | `g` #h &amp;')]).blocks[0]?.text).toBe('a <b> *c* _d_ [e](f) | `g` #h &amp;');
    expect(render([fenced(['```', 'x'])]).codeBlocks).toEqual(['```\nx\n']);
  });
});

describe("kubeseal's stderr, filtered", () => {
  const noisy = [
    'I1205 08:00:00.000000    4242 loader.go:395] Config loaded from file:  /home/runner/.kube/config',
    'W1205 08:00:00.000001    4242 warnings.go:70] metadata.finalizers: prefer a domain-qualified finalizer name',
    `error: cannot seal key "password": value "CANARY-pw-value" (data ${Buffer.from('CANARY-pw-value').toString('base64')}) is not valid`,
    'E1205 08:00:00.000002    4242 run.go:1] failed to write: broken pipe',
    'Usage of kubeseal:',
    '      --allow-empty-data              Allow empty data in the secret object',
    '      --cert string                   Certificate / public key file/URL to use for encryption.',
    '',
  ].join('\n');

  it('keeps the error lines (klog E lines without their header), drops chatter and usage, masks values and their base64', () => {
    expect(kubesealStderr(noisy, ['CANARY-pw-value', 'x'])).toEqual(['error: cannot seal key "password": value "***" (data ***) is not valid', 'failed to write: broken pipe']);
  });

  it('with no error line, the last lines that are not chatter; at most 10 lines of at most 400 characters', () => {
    expect(kubesealStderr('I1205 08:00:00.000000    1 a.go:1] hi\nsomething odd happened\n', [])).toEqual(['something odd happened']);
    const many = Array.from({ length: 30 }, (_, i) => `error: ${i} ${'x'.repeat(500)}`).join('\n');
    const kept = kubesealStderr(many, []);
    expect(kept).toHaveLength(10);
    expect(kept[0]).toMatch(/^error: 20 x+…$/);
    expect(kept[0]?.length).toBe(401);
  });

  it('masks each line of a multi-line value', () => {
    expect(kubesealStderr('error: bad key line CANARY-line-two here', ['first line\nCANARY-line-two\n'])).toEqual(['error: bad key line *** here']);
  });
});
