import type { KeyObject, X509Certificate } from 'node:crypto';

// node:crypto costs several ms to load; input validation fetches it only when a
// certificate is actually given, so a run that stops at an earlier input error starts fast.
const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');

/**
 * The controller's sealing certificate: an RSA public key in an X.509
 * certificate (kubeseal's ParseKey: the first certificate of the PEM, RSA only,
 * refused once expired). Pure: the caller decides where the PEM came from.
 */
export interface SealingCert {
  publicKey: KeyObject;
  /** SHA-256 of the DER certificate, colon-separated hex (as openssl x509 -fingerprint -sha256 prints it). */
  fingerprint: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  keyBits: number;
  /** The certificate alone, re-encoded (what kubeseal --cert gets). */
  pem: string;
}

export const EXPIRY_WARNING_DAYS = 30;
/**
 * The smallest RSA key kubeseal and the controller can use: both are Go programs
 * (sealed-secrets' go.mod: go 1.26), and Go's crypto/rsa refuses keys under 1024
 * bits since Go 1.24. OpenSSL would fail later, and only under 784 bits
 * (RSA-OAEP-SHA256 of a 32-byte session key needs 2*32+2+32 bytes).
 */
export const MIN_RSA_BITS = 1024;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;

export class CertificateError extends Error {}

export function parseSealingCert(text: string, now = new Date()): SealingCert {
  const block = PEM_CERT.exec(text);
  if (!block) {
    const other = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
    throw new CertificateError(other ? `holds a PEM ${other[1]}, not a CERTIFICATE. Expected the controller's certificate (kubeseal --fetch-cert)` : 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  }
  let cert: X509Certificate;
  try {
    cert = new (crypto().X509Certificate)(block[0]);
  } catch (err) {
    throw new CertificateError(`holds a CERTIFICATE block that is not a valid X.509 certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  const publicKey = cert.publicKey;
  if (publicKey.asymmetricKeyType !== 'rsa') {
    throw new CertificateError(`certificate has a ${publicKey.asymmetricKeyType ?? 'unknown'} public key; sealed-secrets needs an RSA key`);
  }
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new CertificateError(`certificate has an RSA-${bits} key (fingerprint ${cert.fingerprint256}); kubeseal and the controller (Go crypto/rsa) refuse keys under ${MIN_RSA_BITS} bits. Expected the controller's certificate (RSA-4096 by default)`);
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now.getTime() > notAfter.getTime()) {
    throw new CertificateError(`certificate expired on ${notAfter.toISOString()} (fingerprint ${cert.fingerprint256}); fetch the controller's current certificate (kubeseal --fetch-cert)`);
  }
  return {
    publicKey,
    fingerprint: cert.fingerprint256,
    subject: (cert.subject ?? '').replace(/\n/g, ', ') || '(empty)',
    notBefore,
    notAfter,
    keyBits: bits,
    pem: `${block[0]}\n`,
  };
}

/** Days left before the certificate expires, when it is within the warning window. */
export function expiresSoon(cert: SealingCert, now = new Date()): number | undefined {
  const days = (cert.notAfter.getTime() - now.getTime()) / 86400000;
  return days <= EXPIRY_WARNING_DAYS ? Math.max(0, Math.floor(days)) : undefined;
}

export type CertSource = { kind: 'pem'; text: string } | { kind: 'file'; path: string } | { kind: 'url'; url: URL } | { kind: 'cluster' };

const LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/i;

/**
 * The `cert` input: PEM text, an https URL (http only to a loopback address,
 * for a port-forwarded controller), or a file path. Other URL schemes are refused.
 */
export function classifyCertInput(value: string): CertSource | { error: string } {
  if (value.includes('-----BEGIN')) return { kind: 'pem', text: value };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  if (scheme) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { error: `'${value}' is not a valid URL` };
    }
    if (url.protocol === 'https:') return { kind: 'url', url };
    if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return { kind: 'url', url };
    if (url.protocol === 'http:') return { error: `'${value}' is plain http to a non-loopback host: the certificate could be swapped in transit. Expected an https URL (http only for localhost/127.0.0.0/8/[::1])` };
    return { error: `'${value}' uses ${url.protocol.replace(':', '')}://; expected PEM text, a file path or an https URL` };
  }
  return { kind: 'file', path: value };
}

/** The API path kubeseal --fetch-cert reads: the controller's /v1/cert.pem through the service proxy. */
export function certProxyPath(namespace: string, service: string, portName: string): string {
  return `/api/v1/namespaces/${namespace}/services/http:${service}:${portName}/proxy/v1/cert.pem`;
}

/** The first port name of the controller Service (kubeseal's getServicePortName). */
export function servicePortName(serviceJson: string): string {
  const svc = JSON.parse(serviceJson) as { spec?: { ports?: Array<{ name?: string }> } };
  const port = svc.spec?.ports?.[0];
  if (!port) throw new Error('the sealed-secrets controller service has no ports');
  return port.name ?? '';
}
