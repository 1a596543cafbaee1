/** Reads and writes the external-link cache file; the only file access of the external checker. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseCache, type VerdictCache } from './verdict-cache.ts';

/** The cache stored at `path`; empty when the file does not exist or cannot be read as a cache. */
export async function loadCache(path: string): Promise<VerdictCache> {
  try {
    return parseCache(await readFile(path, 'utf8'));
  } catch {
    return parseCache(undefined);
  }
}

/** Writes the cache, creating its folder. */
export async function saveCache(path: string, cache: VerdictCache): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(cache, null, 1) + '\n');
}
