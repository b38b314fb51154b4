import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { certProxyPath, classifyCertInput, expiresSoon, parseSealingCert, servicePortName } from '../../actions/seal-secrets/src/certificate.js';

const fixtures = fileURLToPath(new URL('../fixtures/seal', import.meta.url));
const upstreamCert = readFileSync(path.join(fixtures, 'kubeseal_test-testCert.pem'), 'utf8');

// kubeseal_test.go line 78: the modulus TestParseKey checks.
const TEST_MODULUS =
  '777304254876434297689544225447769213262492599515515837291621795936355252933930193245809942636192119684040605554803489669141565417296821660595336672178414512660751886699171738066307588619202437848899334837760648051656982184646490661921128886671800776058692981991859399404705935722225294811424879738586269551402668122524371718537515440568440102201259925611463161144897905846190044735554045001999198442528435295995584980713050916813579912296878368079243909549993116827192901474611239264189340401059113919551426849847211275352102674049634252149163111599977742365280992561904350781270344655927564475032580504276518647106167707150111291732645399166011800154961975117045723373023335778593638216165426988399138193230056486079421256484837299169853958601000282124667227789126483641999102102039577368681983584245367307077546423870452524154641890843463963116237003367269116435430641427113406369059991147359641266708862913786891945896441771663010146473536372286482453315017377528517965715554550898957321536181165129538808789201530141159181590893764287807749414277289452691723903046140558704697831351834538780165261072894792900501671534138992265545905216973214953125367388406669893889742303072755608685449114438926280862339744991872488262084141163';

describe('sealing certificate', () => {
  it('reads kubeseal test cert: RSA-4096 with the modulus upstream checks, SHA-256 fingerprint', () => {
    const c = parseSealingCert(upstreamCert, new Date('2020-01-01T00:00:00Z'));
    expect(c.keyBits).toBe(4096);
    const jwk = c.publicKey.export({ format: 'jwk' });
    expect(BigInt(`0x${Buffer.from(jwk.n as string, 'base64url').toString('hex')}`).toString()).toBe(TEST_MODULUS);
    expect(c.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(c.notAfter.toISOString().slice(0, 10)).toBe('2027-06-18');
  });

  it('refuses an RSA key under 1024 bits (Go crypto/rsa refuses it; OpenSSL would fail later, raw), takes 1024', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-rsa-'));
    const make = (bits: number): string => {
      const out = path.join(dir, `c${bits}.pem`);
      execFileSync('openssl', ['req', '-x509', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', path.join(dir, `k${bits}.pem`), '-out', out, '-days', '30', '-subj', '/CN=sealed-secret'], { stdio: 'ignore' });
      return readFileSync(out, 'utf8');
    };
    expect(() => parseSealingCert(make(512))).toThrow(/RSA-512 key .*refuse keys under 1024 bits/);
    expect(parseSealingCert(make(1024)).keyBits).toBe(1024);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an expired certificate, warns inside 30 days', () => {
    expect(() => parseSealingCert(upstreamCert, new Date('2027-07-01T00:00:00Z'))).toThrow(/expired on 2027-06-18/);
    const c = parseSealingCert(upstreamCert, new Date('2027-06-01T00:00:00Z'));
    expect(expiresSoon(c, new Date('2027-06-01T00:00:00Z'))).toBe(17);
    expect(expiresSoon(c, new Date('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('refuses what is not an RSA certificate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-cert-'));
    execFileSync('python3', [path.join(fixtures, 'make-cert.py'), path.join(dir, 'k.pem'), path.join(dir, 'c.pem'), '-1', '100', 'ec']);
    expect(() => parseSealingCert(readFileSync(path.join(dir, 'c.pem'), 'utf8'))).toThrow(/ec public key; sealed-secrets needs an RSA key/);
    expect(() => parseSealingCert(readFileSync(path.join(fixtures, 'bakito-key.pem'), 'utf8'))).toThrow(/PEM PRIVATE KEY, not a CERTIFICATE/);
    expect(() => parseSealingCert('hello')).toThrow(/no PEM certificate/);
    expect(() => parseSealingCert('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(/not a valid X.509 certificate/);
  });

  it('classifies the cert input', () => {
    expect(classifyCertInput(upstreamCert)).toMatchObject({ kind: 'pem' });
    expect(classifyCertInput('certs/prod.pem')).toEqual({ kind: 'file', path: 'certs/prod.pem' });
    expect(classifyCertInput('https://example.com/v1/cert.pem')).toMatchObject({ kind: 'url' });
    expect(classifyCertInput('http://127.0.0.1:8080/v1/cert.pem')).toMatchObject({ kind: 'url' });
    expect(classifyCertInput('http://localhost/v1/cert.pem')).toMatchObject({ kind: 'url' });
    expect(classifyCertInput('http://[::1]:8080/cert.pem')).toMatchObject({ kind: 'url' });
    expect(classifyCertInput('http://example.com/v1/cert.pem')).toMatchObject({ error: expect.stringMatching(/plain http to a non-loopback host/) });
    expect(classifyCertInput('file:///etc/passwd')).toMatchObject({ error: expect.stringMatching(/uses file:\/\//) });
  });

  it('builds the service proxy path kubeseal --fetch-cert uses', () => {
    expect(servicePortName(JSON.stringify({ spec: { ports: [{ name: 'http', port: 8080 }] } }))).toBe('http');
    expect(servicePortName(JSON.stringify({ spec: { ports: [{ port: 8080 }] } }))).toBe('');
    expect(() => servicePortName(JSON.stringify({ spec: {} }))).toThrow(/no ports/);
    expect(certProxyPath('kube-system', 'sealed-secrets-controller', 'http')).toBe('/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem');
  });
});
