import { createCipheriv, createDecipheriv, constants, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The sealed-secrets hybrid format, byte for byte (bitnami-labs/sealed-secrets
 * pkg/crypto/crypto.go): a fresh 32-byte session key per value, RSA-OAEP with
 * SHA-256 (and MGF1-SHA-256) over the session key with the scope's label as the
 * OAEP label, then AES-256-GCM with an all-zero 12-byte nonce (the key is used
 * once) and no additional data:
 *
 *   uint16be(len(rsaCiphertext)) || rsaCiphertext || aesGcmCiphertext || tag
 */
import type { Scope } from './scopes.js';
export { SCOPES, type Scope } from './scopes.js';

const SESSION_KEY_BYTES = 32;
const GCM_NONCE = Buffer.alloc(12);
const GCM_TAG_BYTES = 16;

/** EncryptionLabel(namespace, name, scope) (sealedsecret_expansion.go): `ns/name`, `ns`, or empty. */
export function encryptionLabel(namespace: string, name: string, scope: Scope): Buffer {
  switch (scope) {
    case 'cluster-wide':
      return Buffer.alloc(0);
    case 'namespace-wide':
      return Buffer.from(namespace, 'utf8');
    default:
      return Buffer.from(`${namespace}/${name}`, 'utf8');
  }
}

export function hybridEncrypt(publicKey: KeyObject, plaintext: Buffer, label: Buffer): Buffer {
  const sessionKey = randomBytes(SESSION_KEY_BYTES);
  try {
    const rsa = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: label }, sessionKey);
    if (rsa.length > 0xffff) throw new Error(`RSA ciphertext of ${rsa.length} bytes does not fit the 2-byte length prefix`);
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(rsa.length, 0);
    const cipher = createCipheriv('aes-256-gcm', sessionKey, GCM_NONCE);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([prefix, rsa, body, cipher.getAuthTag()]);
  } finally {
    sessionKey.fill(0);
  }
}

/**
 * The inverse (singleDecrypt in crypto.go). The action never holds a private
 * key; this exists so tests can check the format against upstream's own vectors.
 */
export function hybridDecrypt(privateKey: KeyObject, ciphertext: Buffer, label: Buffer): Buffer {
  if (ciphertext.length < 2) throw new Error('ciphertext too short');
  const rsaLen = ciphertext.readUInt16BE(0);
  if (ciphertext.length < rsaLen + 2 + GCM_TAG_BYTES) throw new Error('ciphertext too short');
  const sessionKey = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: label },
    ciphertext.subarray(2, 2 + rsaLen),
  );
  const rest = ciphertext.subarray(2 + rsaLen);
  const decipher = createDecipheriv('aes-256-gcm', sessionKey, GCM_NONCE);
  decipher.setAuthTag(rest.subarray(rest.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(rest.subarray(0, rest.length - GCM_TAG_BYTES)), decipher.final()]);
}

/** Seals each value separately, as NewSealedSecret does; standard padded base64. */
export function sealValues(publicKey: KeyObject, values: ReadonlyArray<readonly [string, string]>, label: Buffer): Map<string, string> {
  const sealed = new Map<string, string>();
  for (const [key, value] of values) sealed.set(key, hybridEncrypt(publicKey, Buffer.from(value, 'utf8'), label).toString('base64'));
  return sealed;
}
