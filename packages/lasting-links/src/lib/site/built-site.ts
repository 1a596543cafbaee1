/**
 * The built site as one structure, read and scanned once per build (see `read-site.ts`) and
 * handed to every step after it: the redirect engine, the cross-references, the lock, the link
 * checker and the search index. Nothing after the read parses a page again.
 */
import type { SitePath } from '../site-path.ts';
import type { PageScan } from '../html/scan-page.ts';
import type { AnchorIndex, PageAnchors } from './anchor-index.ts';

/** One HTML page of the output, scanned; it is also the page's entry in the anchor index. */
export interface BuiltPage extends Omit<PageScan, 'ids'> {
  /** The site path the page is served at. */
  path: SitePath;
  /** Every id a browser can scroll to. */
  ids: ReadonlySet<string>;
  /** Output file, relative to the output directory, `/`-separated. */
  file: string;
  /** Size in bytes. */
  bytes: number;
  /** The page's HTML, when the reader was asked to keep it (the build edits pages). */
  html?: string;
}

/** Every output file and every scanned page. */
export interface BuiltSite {
  /** The output directory as given. */
  dir: string;
  /** Every output file, relative and `/`-separated, sorted. */
  files: ReadonlySet<string>;
  /** Every HTML page (redirect stubs and the 404 page included), by the site path it is served at. */
  pages: ReadonlyMap<SitePath, BuiltPage>;
  /** Symbolic links in the output, relative and `/`-separated: never read, always reported. */
  symlinks?: readonly string[];
}

/** The content pages of a built site: everything but redirect stubs and other meta-refresh pages. */
export function anchorIndexOf(site: BuiltSite): AnchorIndex {
  const index = new Map<SitePath, PageAnchors>();
  for (const page of site.pages.values())
    if (!page.isStub && page.refresh === null) index.set(page.path, page);
  return index;
}

/** Total ids of a site's pages, for the build log. */
export function idCount(index: AnchorIndex): number {
  let ids = 0;
  for (const page of index.values()) ids += page.ids.size;
  return ids;
}
