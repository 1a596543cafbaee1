/**
 * Shared shapes passed between the pure functions in `src/lib`.
 *
 * A *site path* is a URL path without the deployment base: it always starts with `/`.
 * Pages are directory-style and end with `/` (`/administration-guide/scale/high-availability/`);
 * legacy sources may be files (`/deployment/cluster.html`). The base (`/`, `/pr-123/`) is added
 * only when writing output, never stored.
 */
export type SitePath = string;

/** One heading of a built page, as found in the final HTML. */
export interface HeadingInfo {
  id: string;
  /** 1 to 6. */
  level: number;
  /** The heading's visible text, whitespace collapsed, without the "link to this section" label. */
  text: string;
  /**
   * The text of the section the heading opens (up to the next heading), when it was asked for:
   * the build uses it to suggest where a vanished anchor's topic went.
   */
  section?: string;
}

/** Every id a built page exposes, and its headings (a subset of the ids, in document order). */
export interface PageAnchors {
  path: SitePath;
  ids: Set<string>;
  headings: HeadingInfo[];
}

/** The built site's pages, keyed by site path. */
export type AnchorIndex = Map<SitePath, PageAnchors>;
