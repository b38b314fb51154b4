import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { execTool } from '../../../src/lib/exec.js';
import type { ResolvedTool } from '../../../src/lib/tools.js';
import { dbCacheKey, dbFiles, dbMetadataText, restoreDb, saveDb, type DbCacheKey, type DbKind, type SaveResult } from './db-cache.js';
import type { Inputs } from './inputs.js';
import { dbDownloadArgv, isRateLimited, trivyEnv, trivyMessage } from './trivy-argv.js';

const DB_TIMEOUT_MS = 15 * 60 * 1000;
const LABEL: Record<DbKind, string> = { db: 'DB', 'java-db': 'Java DB' };

/** Logs what became of a save, and never claims a save the cache service declined. */
function reportSave(saved: SaveResult, key: DbCacheKey, kind: DbKind, notes: string[]): void {
  const label = LABEL[kind];
  switch (saved.status) {
    case 'saved':
      core.info(`${label} cached as ${key.key}`);
      notes.push(`${label} cache: saved as ${key.key}`);
      break;
    case 'exists':
      core.info(`${label} cache ${key.key} already saved by another job`);
      break;
    case 'declined':
      core.info(`${label} not cached: the cache service did not store ${key.key} (its message above says why)`);
      notes.push(`${label} cache: not saved (the cache service declined ${key.key}; see the log)`);
      break;
    case 'failed':
      core.warning(`cache-db: could not save the ${label} (${saved.reason})`);
      notes.push(`${label} cache: not saved (${saved.reason})`);
      break;
  }
}

/**
 * Restores (cache-db), downloads from the mirrors in order when not fresh, saves at once.
 * @returns the mirror the DB came from; undefined when it came from the cache
 */
export async function prepareDb(trivy: ResolvedTool, inputs: Inputs, cacheDir: string, notes: string[]): Promise<string | undefined> {
  const files = dbFiles(cacheDir);
  const key = dbCacheKey(new Date(), process.platform, process.arch);
  let cacheUsable = false;
  if (inputs.cacheDb) {
    const restored = await restoreDb(cacheDir, key);
    if (restored.status === 'unavailable') {
      core.warning(`cache-db: ${restored.reason}; the DB is downloaded and not cached`);
      notes.push('DB cache: not available on this runner');
    } else {
      cacheUsable = true;
      if (restored.status === 'hit' && restored.exact && existsSync(files.db)) {
        core.info(`Vulnerability DB restored from today's cache (${restored.key})`);
        notes.push(`DB: restored from cache ${restored.key}`);
        return undefined;
      }
      if (restored.status === 'hit') {
        core.info(`Restored an older DB (${restored.key}); refreshing it`);
        notes.push(`DB cache: restored ${restored.key}, refreshed`);
      } else core.info(`No cached DB for ${key.key}; downloading`);
    }
  }
  const failures: string[] = [];
  let source: string | undefined;
  for (const [i, repo] of inputs.dbRepositories.entries()) {
    const r = await execTool(trivy.path, dbDownloadArgv(repo, cacheDir), { env: trivyEnv(process.env), allowFailure: true, timeoutMs: DB_TIMEOUT_MS });
    if (r.exitCode === 0 && existsSync(files.db)) {
      source = repo;
      break;
    }
    const why = isRateLimited(`${r.stderr}\n${r.stdout}`) ? 'rate limited (TOOMANYREQUESTS)' : trivyMessage(r.stderr, r.stdout);
    const next = i + 1 < inputs.dbRepositories.length ? `; trying ${inputs.dbRepositories[i + 1]}` : '';
    core.warning(`Trivy DB from ${repo}: ${why}${next}`);
    failures.push(`${repo}: ${why}`);
    notes.push(`DB mirror ${repo}: ${why.split('\n')[0]}`);
  }
  if (!source) {
    if (existsSync(files.db)) {
      core.warning(`Every DB mirror failed; scanning with the older cached DB. ${failures.join('; ')}`);
      notes.push('DB: older cached copy used (every mirror failed)');
      return undefined;
    }
    throw new Error(`the vulnerability DB could not be downloaded from any mirror in db-repository:\n${failures.join('\n')}\nAdd another mirror to db-repository, or retry later`);
  }
  core.info(`Vulnerability DB ready from ${source}`);
  notes.push(`DB: downloaded from ${source}`);
  // Saved now, before the scan: a failing gate must not cost tomorrow's runs the DB.
  if (cacheUsable) reportSave(await saveDb(cacheDir, key), key, 'db', notes);
  return source;
}

/**
 * The Java DB is fetched by Trivy itself, from the java-db-repository mirrors,
 * only when the image holds JAR files. It is restored before the scan, and
 * saved after it when Trivy downloaded a new one (its metadata.json changed).
 */
export class JavaDbCache {
  private readonly key = dbCacheKey(new Date(), process.platform, process.arch, 'java-db');
  private before: string | undefined;
  private usable = false;

  constructor(
    private readonly cacheDir: string,
    private readonly enabled: boolean,
  ) {}

  async restore(notes: string[]): Promise<void> {
    if (!this.enabled) return;
    const restored = await restoreDb(this.cacheDir, this.key, 'java-db');
    this.usable = restored.status !== 'unavailable';
    if (restored.status === 'hit') {
      core.info(`Java DB restored from cache (${restored.key})`);
      notes.push(`Java DB: restored from cache ${restored.key}`);
    }
    this.before = dbMetadataText(this.cacheDir, 'java-db');
  }

  async saveIfDownloaded(notes: string[]): Promise<void> {
    if (!this.enabled || !this.usable) return;
    const after = dbMetadataText(this.cacheDir, 'java-db');
    if (after === undefined || after === this.before || !existsSync(dbFiles(this.cacheDir, 'java-db').db)) return;
    notes.push('Java DB: downloaded by Trivy (the image holds JAR files)');
    reportSave(await saveDb(this.cacheDir, this.key, 'java-db'), this.key, 'java-db', notes);
  }
}
