/**
 * Reads a built site from disk for the link checker: lists every output file and scans each
 * HTML page once. The only module of the checker that touches the output directory.
 */
import { readFileSync } from 'node:fs';
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
          worker.once('message', (packed: PackedScan) => resolve(unpackScan(packed)));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`link-check worker stopped with code ${code}`)));
        }),
    ),
  ).catch(() => null);
  // A bundler may have moved this module away from its worker file: scan in this thread instead.
  if (results === null) return scanFiles(distDir, files);
  return files.map((_, index) => results[index % workers]![Math.floor(index / workers)]!);
}

/**
 * Reads and scans `files` in this thread. Reads are synchronous on purpose: each file is parsed
 * as soon as it is read, and in a worker there is nothing else to do meanwhile.
 */
export function scanFiles(distDir: string, files: readonly string[]): ScannedFile[] {
  return files.map((file) => {
    const bytes = readFileSync(join(distDir, file));
    const { ids, links } = scanPage(bytes.toString('utf8'));
    return { file, ids, links, bytes: bytes.length };
  });
}

/**
 * Scan results in a form that crosses threads cheaply: every string once in a table, every
 * number in typed arrays. Copying hundreds of thousands of small link objects between threads
 * cost more than parsing them.
 */
export interface PackedScan {
  strings: string[];
  /** Per page: file, bytes, first id, id count, first link, link count. */
  pages: Int32Array;
  ids: Int32Array;
  /** Per link: url, tag, attribute, line, column. */
  links: Int32Array;
}

/** Packs scan results; see PackedScan. */
export function packScan(scanned: readonly ScannedFile[]): PackedScan {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string) => {
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = strings.push(text) - 1));
    return at;
  };
  const idCount = scanned.reduce((sum, page) => sum + page.ids.length, 0);
  const linkCount = scanned.reduce((sum, page) => sum + page.links.length, 0);
  const pages = new Int32Array(scanned.length * 6);
  const ids = new Int32Array(idCount);
  const links = new Int32Array(linkCount * 5);
  let idAt = 0;
  let linkAt = 0;
  scanned.forEach((page, p) => {
    pages.set([intern(page.file), page.bytes, idAt, page.ids.length, linkAt, page.links.length], p * 6);
    for (const id of page.ids) ids[idAt++] = intern(id);
    for (const link of page.links) {
      const at = linkAt * 5;
      links[at] = intern(link.url);
      links[at + 1] = intern(link.tag);
      links[at + 2] = intern(link.attribute);
      links[at + 3] = link.line;
      links[at + 4] = link.column;
      linkAt += 1;
    }
  });
  return { strings, pages, ids, links };
}

/** The inverse of packScan. */
export function unpackScan(packed: PackedScan): ScannedFile[] {
  const { strings, pages, ids, links } = packed;
  const result: ScannedFile[] = [];
  for (let p = 0; p < pages.length; p += 6) {
    const [file, bytes, idStart, idCount, linkStart, linkCount] = pages.subarray(p, p + 6) as unknown as number[];
    const pageIds: string[] = new Array(idCount);
    for (let i = 0; i < idCount!; i += 1) pageIds[i] = strings[ids[idStart! + i]!]!;
    const pageLinks: LinkRef[] = new Array(linkCount);
    for (let l = 0; l < linkCount!; l += 1) {
      const at = (linkStart! + l) * 5;
      pageLinks[l] = { url: strings[links[at]!]!, tag: strings[links[at + 1]!]!, attribute: strings[links[at + 2]!]!, line: links[at + 3]!, column: links[at + 4]! };
    }
    result.push({ file: strings[file!]!, ids: pageIds, links: pageLinks, bytes: bytes! });
  }
  return result;
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
