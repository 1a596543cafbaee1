/**
 * Reads a built site from disk into one `BuiltSite`: lists every output file, then reads and
 * scans each HTML page exactly once. The only module that reads pages of the output.
 */
import { readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanPage, type PageScan, type ScanOptions } from '../html/scan-page.ts';
import { stringTable } from '../html/string-table.ts';
import type { SitePath } from '../site-path.ts';
import type { BuiltPage, BuiltSite } from './built-site.ts';
import { isPageFile, sitePathOfFile } from './output-paths.ts';
import { packPages, unpackPages, type PackedPages } from './packed-pages.ts';
import { runnableFile } from '../runnable.ts';

/** What to keep of each page beyond ids, headings, links and marks. */
export interface ReadSiteOptions extends ScanOptions {
  /**
   * Keep a page's HTML in memory, for steps that edit pages: every page (`true`), or only those
   * the build edits: pages with an empty-text link to fill (with `editPoints`) and `paths`.
   */
  keepHtml?: boolean | { paths: readonly string[] };
  /**
   * Scan in worker threads on a large site (the default). `false` scans in this thread: one
   * heap instead of three, for the least memory, at the cost of the second core's wall time.
   */
  threads?: boolean;
}

/** Every file under the output directory, relative and `/`-separated, sorted. */
export async function listOutputFiles(dir: string): Promise<string[]> {
  return (await readOutputTree(dir)).files;
}

/**
 * The output's regular files, and its symbolic links apart: a link is never read as a page
 * (it may point outside the output), and is reported instead, since a host that follows it
 * would serve something that was never checked.
 */
async function readOutputTree(dir: string): Promise<{ files: string[]; symlinks: string[] }> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new Error(
      `Cannot read the built site in "${dir}": ${(error as Error).message}. Build it first (astro build) or pass --dist DIR.`,
      { cause: error },
    );
  }
  const root = dir.replace(/[\\/]+$/, '');
  const relative = (entry: Dirent) =>
    join(entry.parentPath, entry.name)
      .slice(root.length + 1)
      .split('\\')
      .join('/');
  const files: string[] = [];
  const symlinks: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) files.push(relative(entry));
    else if (entry.isSymbolicLink()) symlinks.push(relative(entry));
  }
  return { files: files.sort(), symlinks: symlinks.sort() };
}

/** Reads and scans every page of the site in `dir` once. */
export async function readBuiltSite(
  dir: string,
  options: ReadSiteOptions = {},
): Promise<BuiltSite> {
  const { files, symlinks } = await readOutputTree(dir);
  const pageFiles = files.filter(isPageFile);
  const scanned = await scanFiles(dir, pageFiles, options);
  const pages = new Map<SitePath, BuiltPage>();
  for (const page of scanned) pages.set(page.path, page);
  return { dir, files: new Set(files), pages, symlinks };
}

/**
 * Reads and scans one page file (relative to `dir`). The strings kept go through `keep` (one
 * table for a whole read; see string-table.ts), so a page's HTML is not kept alive by them.
 */
export function readPage(
  dir: string,
  file: string,
  options: ReadSiteOptions = {},
  keep: (text: string) => string = stringTable(),
): BuiltPage {
  const bytes = readFileSync(join(dir, file));
  const html = bytes.toString('utf8');
  const { ids, ...scan } = keepStrings(scanPage(html, options), keep);
  const path = sitePathOfFile(file);
  const keepHtml =
    options.keepHtml === true ||
    (typeof options.keepHtml === 'object' &&
      ((scan.editPoints?.emptyLinks.length ?? 0) > 0 || options.keepHtml.paths.includes(path)));
  return {
    ...scan,
    path,
    file,
    bytes: bytes.length,
    ids: new Set(ids),
    ...(keepHtml ? { html } : {}),
  };
}

/**
 * The scan with every string it holds for later passed through `keep`. The scan is this read's
 * own, so its records are updated in place: a large site has hundreds of thousands of links,
 * and copying each record again cost more than the table itself.
 */
function keepStrings(scan: PageScan, keep: (text: string) => string): PageScan {
  for (const link of scan.links) {
    link.url = keep(link.url);
    link.tag = keep(link.tag);
  }
  for (const heading of scan.headings) {
    heading.id = keep(heading.id);
    heading.text = keep(heading.text);
  }
  for (const duplicate of scan.duplicateIds) duplicate.id = keep(duplicate.id);
  return {
    ...scan,
    ids: scan.ids.map(keep),
    legacyIds: scan.legacyIds.map(keep),
    selfLinkedIds: scan.selfLinkedIds.map(keep),
    refresh: scan.refresh === null ? null : keep(scan.refresh),
    baseHref: scan.baseHref === null ? null : keep(scan.baseHref),
  };
}

/** Below this many pages a worker's start-up costs more than it saves. */
const FILES_PER_WORKER = 400;

/**
 * Scans `files`, in worker threads when the site is large enough to gain from more than one
 * core and nothing but the scan results must come back. Results keep the order of `files`.
 */
async function scanFiles(
  dir: string,
  files: readonly string[],
  options: ReadSiteOptions,
): Promise<BuiltPage[]> {
  const workers = Math.min(availableParallelism(), Math.floor(files.length / FILES_PER_WORKER));
  // Pages come back from a worker as data: every page's HTML would be a second copy in transit.
  const lean = options.keepHtml !== true;
  if (workers < 2 || !lean || options.threads === false) {
    const keep = stringTable();
    return files.map((file) => readPage(dir, file, options, keep));
  }
  // Interleaved shares balance big and small sections of the site.
  const shares = Array.from({ length: workers }, (_, worker) =>
    files.filter((_, index) => index % workers === worker),
  );
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<BuiltPage[]>((resolve, reject) => {
          const worker = new Worker(runnableFile(new URL('./scan-worker.ts', import.meta.url)), {
            workerData: { dir, files: share, options },
          });
          worker.once('message', (packed: PackedPages) => resolve(unpackPages(packed)));
          worker.once('error', reject);
          worker.once(
            'exit',
            (code) => code !== 0 && reject(new Error(`page-scan worker stopped with code ${code}`)),
          );
        }),
    ),
  ).catch(() => null);
  // A bundler may have moved this module away from its worker file: scan in this thread instead.
  if (results === null) {
    const keep = stringTable();
    return files.map((file) => readPage(dir, file, options, keep));
  }
  return files.map((_, index) => results[index % workers]![Math.floor(index / workers)]!);
}

/** The worker's side: scans its share and packs the results for the trip back. */
export function scanShare(
  dir: string,
  files: readonly string[],
  options: ReadSiteOptions,
): PackedPages {
  const keep = stringTable();
  return packPages(files.map((file) => readPage(dir, file, options, keep)));
}
