import * as core from '@actions/core';
import { openSync, readFileSync, statSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';

/** How long a run waits for another one to finish with the same file. */
const WAIT_MS = 60000;
const POLL_MS = 100;
/** A lock older than this is left over from a run that died (a seal takes seconds). */
const STALE_MS = 10 * 60000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Holder {
  pid: number;
  host: string;
}

function holderOf(lock: string): Holder | undefined {
  try {
    const [pid, host] = readFileSync(lock, 'utf8').split('\n');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return undefined;
  }
}

/** A lock left by a process that is gone (same machine), or older than any run. */
function isStale(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_MS) return true;
  } catch {
    return false; // released meanwhile
  }
  const holder = holderOf(lock);
  if (!holder || !Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `fn` holding `<file>.lock` (created exclusively, holding our pid and host):
 * two merge-into runs on one file take turns, so neither overwrites the other's keys.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T> | T): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  let fd: number | undefined;
  let said = false;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (isStale(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          /* another run removed it first */
        }
        continue;
      }
      if (Date.now() > deadline) {
        const h = holderOf(lock);
        throw new Error(`${file} is locked by another run (${lock}${h ? `, pid ${h.pid} on ${h.host}` : ''}) for over ${WAIT_MS / 1000}s; nothing was written. Run the jobs that change this file one after another (a concurrency group), or remove the lock if no run is active`);
      }
      if (!said) {
        said = true;
        const h = holderOf(lock);
        core.info(`Waiting for ${lock}${h ? ` (pid ${h.pid} on ${h.host})` : ''}: another run is changing ${file}`);
      }
      await sleep(POLL_MS);
    }
  }
  try {
    writeSync(fd, `${process.pid}\n${hostname()}\n`);
    closeSync(fd);
    return await fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      /* gone already */
    }
  }
}
