// Starts a real OCI registry (Debian's `docker-registry`, distribution 2.8) on a free
// loopback port, plain or behind htpasswd basic auth, and stops it again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ username?: string, password?: string }} [options] with both set, htpasswd (bcrypt) auth
 * @returns {Promise<{ host: string, url: string, dir: string, stop: () => Promise<void> }>}
 */
export async function startRegistry(options = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-'));
  const port = await freePort();
  let auth = '';
  if (options.username && options.password) {
    // htpasswd reads the password from stdin (-i): it never appears in a process list.
    const r = spawnSync('htpasswd', ['-niB', options.username], { input: `${options.password}\n` });
    if (r.status !== 0) throw new Error(`htpasswd failed: ${r.stderr}`);
    writeFileSync(path.join(dir, 'htpasswd'), r.stdout);
    auth = `auth:\n  htpasswd:\n    realm: test-registry\n    path: ${path.join(dir, 'htpasswd')}\n`;
  }
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: test-only-secret\n${auth}`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL');
      throw new Error(`docker-registry did not start: ${stderr}`);
    }
    await sleep(50);
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(3000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Pushes a minimal OCI image (one config blob, no layers) under `tag` with the
 * distribution API itself, and returns its manifest digest.
 */
export async function pushTestImage(registry, repository, tag, label = tag) {
  const { createHash } = await import('node:crypto');
  const sha = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { label } }, rootfs: { type: 'layers', diff_ids: [] } }));
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location'), registry.url);
  location.searchParams.set('digest', sha(config));
  const put = await fetch(location, { method: 'PUT', body: config, headers: { 'content-type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob put: HTTP ${put.status}`);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: [] }));
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, { method: 'PUT', body: manifest, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' } });
  if (res.status !== 201) throw new Error(`manifest put: HTTP ${res.status} ${await res.text()}`);
  return sha(manifest);
}
