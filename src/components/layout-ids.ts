/**
 * The ids the layout gives its own elements. Heading ids are slugs of the heading's text, and
 * a slug is always lower case (github-slugger lower-cases before it strips punctuation; it
 * keeps `_`, so `_content` alone would not do: a heading "_content" takes that id). Every
 * layout id starts with `_` and a capital letter, which no heading can produce, so a heading
 * never takes a layout id and a table-of-contents link never lands on the layout. The page
 * title keeps `_top`, the fragment browsers treat as "the top of the page".
 *
 * Client scripts that make ids (tabs) follow the same rule with literals, to stay inline.
 */
export const layoutIds = {
  /** `<main>`: the skip link's target. */
  content: '_Content',
  sidebar: '_Sidebar',
  /** The "On this page" heading of the wide-screen table of contents. */
  tocTitle: '_TocTitle',
  /** The header's search widget; its dialog and field add `Dialog` and `Input`. */
  search: '_Search',
  /** The second search widget, on the 404 page. */
  notFoundSearch: '_NotFoundSearch',
  announcement: '_Announcement',
} as const;

/** True for an id that belongs to the layout, never to a heading. */
export const LAYOUT_ID = /^_[A-Z]/;
