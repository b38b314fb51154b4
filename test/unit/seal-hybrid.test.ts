import { describe, expect, it } from '@jest/globals';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { encryptionLabel, hybridDecrypt, hybridEncrypt, sealValues } from '../../actions/seal-secrets/src/hybrid.js';

const fixtures = fileURLToPath(new URL('../fixtures/seal', import.meta.url));

function ksealKey() {
  const secret = parse(readFileSync(path.join(fixtures, 'kseal-example-key.yaml'), 'utf8')) as { data: Record<string, string> };
  return createPrivateKey(Buffer.from(secret.data['tls.key'] as string, 'base64'));
}

describe('sealed-secrets hybrid format', () => {
  it('opens the kubeseal-made kseal vectors (strict label namespace/name), as upstream documents', () => {
    const key = ksealKey();
    const label = encryptionLabel('my-namespace', 'my-secret', 'strict');
    const expected: Record<string, string[]> = {
      'kseal-dev-values.yaml': ['my-password-for-dev-db', 'my-dev-api-secret', 'This is a secret message'],
      'kseal-prd-values.yaml': ['my-password-for-prd-db', 'my-prd-api-secret', 'This is a secret message !!!'],
    };
    for (const [file, plaintexts] of Object.entries(expected)) {
      const values = parse(readFileSync(path.join(fixtures, file), 'utf8')) as { secrets: Array<{ value: string }>; secretMessage: string };
      const ciphertexts = [...values.secrets.map((s) => s.value), values.secretMessage];
      expect(ciphertexts.map((c) => hybridDecrypt(key, Buffer.from(c, 'base64'), label).toString('utf8'))).toEqual(plaintexts);
      // The prefix is the RSA-4096 ciphertext length, 512, big-endian.
      expect(Buffer.from(ciphertexts[0] as string, 'base64').subarray(0, 2)).toEqual(Buffer.from([0x02, 0x00]));
    }
  });

  it('refuses the kseal vector under another scope label', () => {
    const key = ksealKey();
    const c = Buffer.from((parse(readFileSync(path.join(fixtures, 'kseal-dev-values.yaml'), 'utf8')) as { secretMessage: string }).secretMessage, 'base64');
    for (const label of [encryptionLabel('my-namespace', 'other', 'strict'), encryptionLabel('my-namespace', 'my-secret', 'namespace-wide'), encryptionLabel('my-namespace', 'my-secret', 'cluster-wide')]) {
      expect(() => hybridDecrypt(key, c, label)).toThrow();
    }
  });

  it('labels: strict ns/name with a slash, namespace-wide ns, cluster-wide empty', () => {
    expect(encryptionLabel('shop', 'db', 'strict').toString()).toBe('shop/db');
    expect(encryptionLabel('shop', 'db', 'namespace-wide').toString()).toBe('shop');
    expect(encryptionLabel('shop', 'db', 'cluster-wide').length).toBe(0);
  });

  it('layout: uint16be(len) || RSA-2048 ciphertext || AES-GCM ciphertext || 16-byte tag; fresh session key each time', () => {
    const pub = new X509Certificate(readFileSync(path.join(fixtures, 'bakito-cert.pem'))).publicKey;
    const priv = createPrivateKey(readFileSync(path.join(fixtures, 'bakito-key.pem')));
    const label = encryptionLabel('ns', 'name', 'strict');
    const plain = Buffer.from('hunter2=with=equals');
    const a = hybridEncrypt(pub, plain, label);
    const b = hybridEncrypt(pub, plain, label);
    expect(a.readUInt16BE(0)).toBe(256);
    expect(a.length).toBe(2 + 256 + plain.length + 16);
    expect(a.toString('base64')).toMatch(/^AQ[A-D]/); // 0x01 0x00, then the RSA block
    expect(a.equals(b)).toBe(false);
    expect(hybridDecrypt(priv, a, label)).toEqual(plain);
    expect(hybridDecrypt(priv, b, label)).toEqual(plain);
  });

  it('seals empty and binary-looking values, each separately', () => {
    const priv = createPrivateKey(readFileSync(path.join(fixtures, 'bakito-key.pem')));
    const pub = createPublicKey(priv);
    const label = encryptionLabel('ns', 'n', 'namespace-wide');
    const sealed = sealValues(pub, [['empty', ''], ['utf8', 'päss wörd ✓\n']], label);
    expect([...sealed.keys()]).toEqual(['empty', 'utf8']);
    expect(hybridDecrypt(priv, Buffer.from(sealed.get('empty') as string, 'base64'), label).toString()).toBe('');
    expect(hybridDecrypt(priv, Buffer.from(sealed.get('utf8') as string, 'base64'), label).toString()).toBe('päss wörd ✓\n');
  });

  it('reports a truncated ciphertext', () => {
    const priv = createPrivateKey(readFileSync(path.join(fixtures, 'bakito-key.pem')));
    expect(() => hybridDecrypt(priv, Buffer.from([0x01]), Buffer.alloc(0))).toThrow('too short');
    expect(() => hybridDecrypt(priv, Buffer.from([0x01, 0x00, 0x01]), Buffer.alloc(0))).toThrow('too short');
  });
});
