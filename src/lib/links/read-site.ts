/**
 * Reads a built site from disk for the link checker: lists every output file and scans each
 * HTML page once. The only module of the checker that touches the output directory.
 */
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanPage } from '../html/scan-page.ts';
import type { LinkRef } from '../html/scan-page.ts';

/** One scanned HTML output file. */
export interface ScannedFile {
  /** Relative to the output directory, `/`-separated. */
  file: string;
  ids: string[];
  links: LinkRef[];
  /** Size in bytes, for throughput figures. */
  bytes: number;
}

/** Every file under the output directory, relative and `/`-separated, sorted. */
export async function listOutputFiles(distDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new Error(`Cannot read the built site in "${distDir}": ${(error as Error).message}. Build it first (npm run build) or pass --dist DIR.`);
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = join(entry.parentPath, entry.name).slice(distDir.replace(/\/+$/, '').length + 1);
    files.push(relative.split('\\').join('/'));
  }
  return files.sort();
}

/** Below this many pages a worker's start-up costs more than it saves. */
const FILES_PER_WORKER = 400;

/**
 * Reads and scans `files` (HTML, relative to `distDir`), in worker threads when the site is
 * large enough to gain from more than one core. Results keep the order of `files`.
 */
export async function scanOutputPages(distDir: string, files: readonly string[]): Promise<ScannedFile[]> {
  const workers = Math.min(availableParallelism(), Math.floor(files.length / FILES_PER_WORKER));
  if (workers < 2) return scanFiles(distDir, files);
  // Interleaved shares balance big and small sections of the site.
  const shares = Array.from({ length: workers }, (_, worker) => files.filter((_, index) => index % workers === worker));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<ScannedFile[]>((resolve, reject) => {
          const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: { distDir, files: share } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`link-check worker stopped with code ${code}`)));
        }),
    ),
  ).catch(() => null);
  // A bundler may have moved this module away from its worker file: scan in this thread instead.
  if (results === null) return scanFiles(distDir, files);
  return files.map((_, index) => results[index % workers]![Math.floor(index / workers)]!);
}

/** Reads and scans `files` in this thread, a few reads in flight so disk and parser overlap. */
export async function scanFiles(distDir: string, files: readonly string[], parallelReads = 16): Promise<ScannedFile[]> {
  const results: ScannedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index]!;
      const bytes = await readFile(join(distDir, file));
      const { ids, links } = scanPage(bytes.toString('utf8'));
      results[index] = { file, ids, links, bytes: bytes.length };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, files.length) }, worker));
  return results;
}

/** Reads a text file, or undefined when it does not exist. */
export async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
