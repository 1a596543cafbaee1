/**
 * The external-link cache: URLs found working recently are not asked again until their entry
 * expires. Only successes are kept, so a link that was broken is checked again on the next
 * run and turns green as soon as it is fixed. Pure: `cache-file.ts` reads and writes it.
 */

/** One remembered success. */
export interface CacheEntry {
  status: number;
  /** Epoch milliseconds. */
  checkedAt: number;
}

/** The cache file's content. */
export interface VerdictCache {
  version: 1;
  entries: Record<string, CacheEntry>;
}

/** An empty cache. */
export function emptyCache(): VerdictCache {
  return { version: 1, entries: {} };
}

/** Reads cache JSON; anything unreadable or from another version counts as empty, never as an error. */
export function parseCache(text: string | undefined): VerdictCache {
  if (text === undefined) return emptyCache();
  try {
    // A file from disk: every field is checked before it is trusted.
    const data = JSON.parse(text) as { version?: unknown; entries?: unknown } | null;
    if (data?.version !== 1 || typeof data.entries !== 'object' || data.entries === null)
      return emptyCache();
    const entries = Object.create(null) as Record<string, CacheEntry>;
    for (const [url, entry] of Object.entries(data.entries as Record<string, unknown>)) {
      const candidate = entry as Partial<CacheEntry> | null;
      if (typeof candidate?.status === 'number' && typeof candidate.checkedAt === 'number')
        entries[url] = { status: candidate.status, checkedAt: candidate.checkedAt };
    }
    return { version: 1, entries };
  } catch {
    return emptyCache();
  }
}

/** The cached success for `url` if it is younger than `ttlMs`. */
export function freshEntry(
  cache: VerdictCache,
  url: string,
  now: number,
  ttlMs: number,
): CacheEntry | undefined {
  const entry = Object.hasOwn(cache.entries, url) ? cache.entries[url] : undefined;
  return entry !== undefined && now - entry.checkedAt < ttlMs && entry.checkedAt <= now
    ? entry
    : undefined;
}

/** A copy of `cache` without expired entries, so the file does not grow forever. */
export function pruneCache(cache: VerdictCache, now: number, ttlMs: number): VerdictCache {
  const entries: Record<string, CacheEntry> = {};
  for (const [url, entry] of Object.entries(cache.entries))
    if (now - entry.checkedAt < ttlMs) entries[url] = entry;
  return { version: 1, entries };
}
