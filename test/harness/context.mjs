// Small build contexts for image builds that need no network (FROM scratch).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function makeContext(content = 'hello', extra = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ctx-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nARG GREETING=hi\nCOPY hello.txt /hello.txt\nLABEL greeting=${GREETING}\n');
  writeFileSync(path.join(dir, 'hello.txt'), `${content}\n`);
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** buildah as it runs here: daemonless, vfs storage, chroot isolation. */
export const buildahEnv = { STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' };
