/**
 * The base of a preview, kept by commit: a pull request's pushes share their merge base until
 * the base branch moves, so the base's index (its pages' ids, headings and section text, not its
 * whole site) is built once and read back from here, and a push builds only the pull request.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex, PageAnchors } from '../site/anchor-index.ts';
import type { SiteContent } from './compare-sites.ts';
import type { Block } from './page-blocks.ts';

/** Where the cache lives, under the project (as tools' caches do; CI can keep the folder). */
const BASE_INDEX_CACHE = 'node_modules/.cache/lasting-links/preview-bases';

/** How many bases are kept. */
const KEPT = 20;

/** Bump when the index's shape changes: an old file is then a miss, never a wrong base. */
const FORMAT = 2;

interface CachedIndex {
  format: number;
  sha: string;
  base: string;
  pages: Array<Omit<PageAnchors, 'ids'> & { ids: string[] }>;
  content: Array<[SitePath, readonly Block[]]>;
}

/** What a base build gives the comparison. */
export interface BaseIndex {
  index: AnchorIndex;
  content: SiteContent;
}

function fileOf(projectRoot: string, sha: string, base: string): string {
  return join(projectRoot, BASE_INDEX_CACHE, `${sha}-${base.replace(/\W+/g, '_')}.json`);
}

/** The index of commit `sha` built under `base`, if it was built before. */
export function readCachedBaseIndex(
  projectRoot: string,
  sha: string,
  base: string,
): BaseIndex | undefined {
  try {
    const cached = JSON.parse(readFileSync(fileOf(projectRoot, sha, base), 'utf8')) as CachedIndex;
    if (cached.format !== FORMAT || cached.sha !== sha || cached.base !== base) return undefined;
    return {
      index: new Map(cached.pages.map((page) => [page.path, { ...page, ids: new Set(page.ids) }])),
      content: new Map(cached.content),
    };
  } catch {
    return undefined; // No cache, or one this version cannot read: build the base.
  }
}

/** Keeps the index of `sha` under `base`; written whole or not at all. */
export function writeCachedBaseIndex(
  projectRoot: string,
  sha: string,
  base: string,
  { index, content }: BaseIndex,
): void {
  const file = fileOf(projectRoot, sha, base);
  const cached: CachedIndex = {
    format: FORMAT,
    sha,
    base,
    pages: [...index.values()].map((page) => ({ ...page, ids: [...page.ids] })),
    content: [...content],
  };
  const dir = join(projectRoot, BASE_INDEX_CACHE);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(cached));
  renameSync(`${file}.${process.pid}.tmp`, file);
  // The bases of the last few pull requests are enough; older ones would only pile up.
  const kept = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of kept.slice(KEPT)) rmSync(join(dir, old.name), { force: true });
}
