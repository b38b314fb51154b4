import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_LINKS = 40;

/**
 * The file a write to `file` should change: a symlink (a chain of them, even one
 * pointing at a file not yet made) is followed, so the link stays a link and its target gets the content.
 */
export function writeTarget(file: string): string {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let isLink = false;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current; // not there yet
    }
    if (!isLink) return current;
    current = path.resolve(path.dirname(current), readlinkSync(current));
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

/**
 * Writes through a temp file beside the target and a rename: a failure leaves the
 * old file as it was. A symlink is written through, not replaced by a file.
 */
export function writeFileAtomic(file: string, content: string): void {
  const target = writeTarget(file);
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    /* a new file */
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { mode, flag: 'wx' });
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw err;
  }
}
