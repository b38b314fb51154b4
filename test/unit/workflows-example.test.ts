/**
 * The sample app e2e.yml ships: its Dockerfile builds offline with buildah
 * (BASE=scratch, no pull), the build-args e2e uses shape the image, and the
 * Kubernetes manifest is what e2e.yml and the deploy action expect.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const app = path.join(root, 'examples/app');
const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');

function onPath(bin: string): boolean {
  return (process.env['PATH'] ?? '').split(path.delimiter).some((d) => d !== '' && existsSync(path.join(d, bin)));
}

type Dict = Record<string, unknown>;
const d = (v: unknown): Dict => (v ?? {}) as Dict;

describe('examples/app builds offline with buildah', () => {
  const haveBuildah = onPath('buildah');
  let store = '';
  const buildah = (...args: string[]): string =>
    execFileSync('buildah', ['--root', path.join(store, 'root'), '--runroot', path.join(store, 'run'), '--storage-driver', 'vfs', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BUILDAH_ISOLATION: 'chroot' },
    });

  beforeAll(() => {
    store = mkdtempSync(path.join(tmpdir(), 'demo-app-build-'));
  });
  afterAll(() => {
    if (store === '') return;
    try {
      buildah('rm', '--all');
    } catch {
      // nothing mounted
    }
    rmSync(store, { recursive: true, force: true });
  });

  (haveBuildah ? test : test.skip)('default BASE=scratch; APP_VERSION and APP_MODE reach the config; non-root; files in /www', () => {
    buildah('build', '--isolation', 'chroot', '--pull=never', '--build-arg', 'APP_VERSION=v9', '--build-arg', 'APP_MODE=crash', '-t', 'localhost/demo-app:test', app);
    const inspected = JSON.parse(buildah('inspect', '--type', 'image', 'localhost/demo-app:test')) as { OCIv1: { config: Dict } };
    const config = inspected.OCIv1.config;
    expect(config['Env']).toEqual(expect.arrayContaining(['APP_VERSION=v9', 'APP_MODE=crash']));
    expect(config['User']).toBe('65534:65534');
    expect(config['Cmd']).toEqual(['/bin/sh', '/start.sh']);
    expect(Object.keys(d(config['ExposedPorts']))).toEqual(['8080/tcp']);

    const container = buildah('from', '--pull-never', 'localhost/demo-app:test').trim();
    const mount = buildah('mount', container).trim();
    expect(readFileSync(path.join(mount, 'www/index.html'), 'utf8')).toContain('demo-app');
    expect(readFileSync(path.join(mount, 'www/healthz'), 'utf8').trim()).toBe('ok');
    expect(readFileSync(path.join(mount, 'start.sh'), 'utf8')).toContain('exec httpd -f -v -p 8080 -h /www');
  });
});

describe('examples/app/k8s/deployment.yaml', () => {
  const docs = parseAllDocuments(read('examples/app/k8s/deployment.yaml')).map((doc) => d(doc.toJS()));
  const ns = docs.find((x) => x['kind'] === 'Namespace');
  const dep = docs.find((x) => x['kind'] === 'Deployment');
  const spec = d(dep?.['spec']);
  const pod = d(d(spec['template'])['spec']);
  const containers = (pod['containers'] ?? []) as Dict[];

  test('namespace demo, Deployment demo-app, container app with a readiness probe', () => {
    expect(d(ns?.['metadata'])['name']).toBe('demo');
    expect(d(dep?.['metadata'])).toMatchObject({ name: 'demo-app', namespace: 'demo' });
    expect(containers.map((c) => c['name'])).toEqual(['app']);
    expect(d(d(containers[0]?.['readinessProbe'])['httpGet'])).toMatchObject({ path: '/healthz', port: 'http' });
  });

  test('a failed rollout keeps the running pods and leaves revisions to roll back to', () => {
    expect(d(d(spec['strategy'])['rollingUpdate'])['maxUnavailable']).toBe(0);
    expect(spec['revisionHistoryLimit']).toBeGreaterThanOrEqual(3);
  });

  test('restricted pod security: non-root, no escalation, read-only root, no capabilities', () => {
    expect(d(d(ns?.['metadata'])['labels'])['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(d(pod['securityContext'])).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(d(containers[0]?.['securityContext'])).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod['automountServiceAccountToken']).toBe(false);
  });

  test('the image placeholder is the one line e2e.yml rewrites', () => {
    expect(containers[0]?.['image']).toBe('demo-app');
    expect(read('examples/app/k8s/deployment.yaml').match(/^\s*image: demo-app$/gm)).toHaveLength(1);
    expect(read('.github/workflows/e2e.yml')).toContain('sed "s#image: demo-app\\$#image: ${V1}#" examples/app/k8s/deployment.yaml');
  });
});

describe('one pinned base image everywhere', () => {
  test('e2e.yml, the example caller and the app README pin the same busybox digest', () => {
    const pin = /docker\.io\/library\/busybox:1\.36\.1@sha256:[0-9a-f]{64}/;
    const found = ['.github/workflows/e2e.yml', 'examples/workflows/deliver.yml', 'examples/app/README.md'].map((f) => pin.exec(read(f))?.[0]);
    expect(found[0]).toBeDefined();
    expect(new Set(found).size).toBe(1);
  });
});
