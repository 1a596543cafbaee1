/** Listing and hashing the files of a folder: a build to publish, or a preview already published. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import type { BuildFile } from '../lib/preview/publish-plan.ts';

/** Every regular file under `dir`, relative and `/`-separated, sorted; empty when `dir` is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Files read at once: enough to keep the disk busy, few enough to bound memory on a large site. */
const READ_CONCURRENCY = 32;

/** Every file of a build with the SHA-256 of its content. */
export async function hashFiles(dir: string): Promise<BuildFile[]> {
  const files = await listFiles(dir);
  return pLimit(READ_CONCURRENCY).map(files, async (file) => ({
    file,
    sha256: createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex'),
  }));
}
