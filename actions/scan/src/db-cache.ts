/**
 * Where Trivy's databases live and how they are cached between runs: one
 * cache entry per database per day (the vulnerability DB is rebuilt every few
 * hours upstream), restored by prefix so yesterday's copy is still a head
 * start, and saved as soon as it is fresh, so a failing gate does not throw
 * it away. The vulnerability DB is `<cache-dir>/db`; the Java DB (trivy-java-db,
 * which Trivy fetches while it analyses JAR files) is `<cache-dir>/java-db`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type DbKind = 'db' | 'java-db';

export interface DbCacheKey {
  key: string;
  restoreKeys: string[];
}

/** `trivy-db-<os>-<arch>-<yyyy-mm-dd>` (UTC; `trivy-java-db-...` for the Java DB), restored by the prefix before the date. */
export function dbCacheKey(now: Date, os: string, arch: string, kind: DbKind = 'db'): DbCacheKey {
  const clean = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const prefix = `trivy-${kind}-${clean(os)}-${clean(arch)}-`;
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] };
}

/** Trivy keeps the vulnerability DB in `<cache-dir>/db` (pkg/db/db.go Dir) and the Java DB in `<cache-dir>/java-db` (pkg/javadb). */
export function dbDir(cacheDir: string, kind: DbKind = 'db'): string {
  return path.join(cacheDir, kind);
}

export function dbFiles(cacheDir: string, kind: DbKind = 'db'): { db: string; metadata: string } {
  return { db: path.join(dbDir(cacheDir, kind), kind === 'db' ? 'trivy.db' : 'trivy-java.db'), metadata: path.join(dbDir(cacheDir, kind), 'metadata.json') };
}

/** A DB's metadata.json as text (undefined when absent): a change means Trivy downloaded it. */
export function dbMetadataText(cacheDir: string, kind: DbKind = 'db'): string | undefined {
  try {
    return readFileSync(dbFiles(cacheDir, kind).metadata, 'utf8');
  } catch {
    return undefined;
  }
}

/** The DB's build time (metadata.json UpdatedAt), which names a trivy-db snapshot; undefined when unreadable. */
export function dbVersion(cacheDir: string): string | undefined {
  try {
    const meta = JSON.parse(dbMetadataText(cacheDir) ?? '') as { UpdatedAt?: unknown };
    return typeof meta.UpdatedAt === 'string' ? meta.UpdatedAt : undefined;
  } catch {
    return undefined;
  }
}

export type RestoreResult = { status: 'unavailable'; reason: string } | { status: 'miss' } | { status: 'hit'; key: string; exact: boolean };

/** Restores the DB folder; never throws (no cache service, or an error from it, is a warning by the caller). */
export async function restoreDb(cacheDir: string, key: DbCacheKey, kind: DbKind = 'db'): Promise<RestoreResult> {
  try {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return { status: 'unavailable', reason: "the runner's cache service is not available (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)" };
    const hit = await cache.restoreCache([dbDir(cacheDir, kind)], key.key, key.restoreKeys);
    if (hit === undefined) return { status: 'miss' };
    return { status: 'hit', key: hit, exact: hit === key.key };
  } catch (err) {
    return { status: 'unavailable', reason: `restoring the cache failed: ${(err as Error).message}` };
  }
}

/**
 * `declined`: @actions/cache returns -1 instead of throwing when the service
 * does not store the entry (another job reserved the key, writes are not
 * permitted, the service failed); it has logged why.
 */
export type SaveResult = { status: 'saved' } | { status: 'exists' } | { status: 'declined' } | { status: 'failed'; reason: string };

export async function saveDb(cacheDir: string, key: DbCacheKey, kind: DbKind = 'db'): Promise<SaveResult> {
  try {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return { status: 'failed', reason: "the runner's cache service is not available" };
    const id = await cache.saveCache([dbDir(cacheDir, kind)], key.key);
    return id === -1 ? { status: 'declined' } : { status: 'saved' };
  } catch (err) {
    const e = err as Error;
    // Another job of the same day saved it first: that is the outcome we wanted.
    if (e.name === 'ReserveCacheError' || /already exists/i.test(e.message)) return { status: 'exists' };
    return { status: 'failed', reason: e.message };
  }
}
