/**
 * The marks this site puts in its HTML for its own tools to find again: written in one place
 * each (the heading plugin, the redirect outputs) and read back by the page scan.
 */

/** Class of the "link to this section" self-link after each content heading. */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

/** Attribute on `<html>` of a redirect stub: a moved page's placeholder, not content. */
export const REDIRECT_STUB_ATTRIBUTE = 'data-redirect-stub';

/** Attribute of the empty element that keeps an old id alive before its new heading. */
export const LEGACY_ANCHOR_ATTRIBUTE = 'data-legacy-anchor';

/** Attribute of the `<script>` that maps a live page's old fragments. */
export const ANCHOR_SCRIPT_ATTRIBUTE = 'data-anchor-redirects';
