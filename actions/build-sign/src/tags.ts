import valid from 'semver/functions/valid.js';

/**
 * Which tags may be pushed: immutable-looking names only, unless the workflow
 * allows mutable ones. Immutable-looking: full semver (`v1.2.3`, `1.2.3-rc.1`),
 * `sha-<7 to 40 hex>`, and tags that carry (a prefix of) the commit SHA.
 */
export function isImmutableTag(tag: string, commitSha: string | undefined): boolean {
  if (valid(tag.replace(/^v/, ''), { loose: false }) !== null && /^v?[0-9]/.test(tag)) return true;
  if (/^sha-[0-9a-f]{7,40}$/.test(tag)) return true;
  if (commitSha && /^[0-9a-f]{40}$/.test(commitSha)) {
    for (const run of tag.toLowerCase().match(/[0-9a-f]{7,40}/g) ?? []) {
      if (commitSha.startsWith(run)) return true;
    }
  }
  return false;
}

/** `sha-<12 hex>` always; `vX.Y.Z` too when the run is for a semver tag ref. */
export function defaultTags(commitSha: string | undefined, ref: string | undefined): string[] {
  const tags: string[] = [];
  if (commitSha && /^[0-9a-f]{40}$/.test(commitSha)) tags.push(`sha-${commitSha.slice(0, 12)}`);
  const m = /^refs\/tags\/(v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$/.exec(ref ?? '');
  if (m?.[1] && valid(m[1].slice(1)) !== null) tags.push(m[1]);
  return tags;
}
