/**
 * Where the vulnerability DB lives and how it is cached between runs: one
 * cache entry per day (the DB is rebuilt every few hours upstream), restored
 * by prefix so yesterday's DB is still a head start, and saved as soon as the
 * DB is fresh, before the scan, so a failing gate does not throw it away.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface DbCacheKey {
  key: string;
  restoreKeys: string[];
}

/** `trivy-db-<os>-<arch>-<yyyy-mm-dd>` (UTC), restored by the `trivy-db-<os>-<arch>-` prefix. */
export function dbCacheKey(now: Date, os: string, arch: string): DbCacheKey {
  const clean = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const prefix = `trivy-db-${clean(os)}-${clean(arch)}-`;
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}

/** Trivy keeps the vulnerability DB in `<cache-dir>/db` (pkg/db/db.go Dir). */
export function dbDir(cacheDir: string): string {
  return path.join(cacheDir, 'db');
}

export function dbFiles(cacheDir: string): { db: string; metadata: string } {
  return { db: path.join(dbDir(cacheDir), 'trivy.db'), metadata: path.join(dbDir(cacheDir), 'metadata.json') };
}

/** The DB's build time (metadata.json UpdatedAt), which names a trivy-db snapshot; undefined when unreadable. */
export function dbVersion(cacheDir: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(dbFiles(cacheDir).metadata, 'utf8')) as { UpdatedAt?: unknown };
    return typeof meta.UpdatedAt === 'string' ? meta.UpdatedAt : undefined;
  } catch {
    return undefined;
  }
}

export type RestoreResult = { status: 'unavailable'; reason: string } | { status: 'miss' } | { status: 'hit'; key: string; exact: boolean };

/** Restores the DB folder; never throws (no cache service, or an error from it, is a warning by the caller). */
export async function restoreDb(cacheDir: string, key: DbCacheKey): Promise<RestoreResult> {
  try {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return { status: 'unavailable', reason: "the runner's cache service is not available (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)" };
    const hit = await cache.restoreCache([dbDir(cacheDir)], key.key, key.restoreKeys);
    if (hit === undefined) return { status: 'miss' };
    return { status: 'hit', key: hit, exact: hit === key.key };
  } catch (err) {
    return { status: 'unavailable', reason: `restoring the cache failed: ${(err as Error).message}` };
  }
}

export type SaveResult = { status: 'saved' } | { status: 'exists' } | { status: 'failed'; reason: string };

export async function saveDb(cacheDir: string, key: DbCacheKey): Promise<SaveResult> {
  try {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return { status: 'failed', reason: "the runner's cache service is not available" };
    await cache.saveCache([dbDir(cacheDir)], key.key);
    return { status: 'saved' };
  } catch (err) {
    const e = err as Error;
    // Another job of the same day saved it first: that is the outcome we wanted.
    if (e.name === 'ReserveCacheError' || /already exists/i.test(e.message)) return { status: 'exists' };
    return { status: 'failed', reason: e.message };
  }
}
