/**
 * The anchor index: every content page of a site and the ids and headings a reader can land
 * on. The redirect engine, the anchors lock and `moves` work against it, whether it was read
 * from the built HTML (the truth the build proves) or derived from the MDX sources.
 */
import type { SitePath } from '../site-path.ts';
import type { HeadingInfo } from '../html/scan-page.ts';

export type { HeadingInfo } from '../html/scan-page.ts';

/** Every id a page exposes, and its headings (a subset of the ids, in document order). */
export interface PageAnchors {
  path: SitePath;
  ids: ReadonlySet<string>;
  headings: readonly HeadingInfo[];
}

/** A site's content pages, keyed by site path. */
export type AnchorIndex = ReadonlyMap<SitePath, PageAnchors>;

/** The page's h1 text, which is its title. */
export function pageTitle(page: PageAnchors): string | undefined {
  return page.headings.find((heading) => heading.level === 1)?.text;
}
