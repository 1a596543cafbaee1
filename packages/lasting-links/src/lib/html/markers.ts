/**
 * The marks the integration puts in the HTML for its own tools to find again (written in one
 * place each, read back by the page scan), and the marks of themes it reads.
 */

/** Class of the "link to this section" self-link a theme can put after each content heading. */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

/**
 * Self-link classes the page scan knows: its own, and Starlight's (`sl-anchor-link`, whose
 * hidden label "Section titled …" is neither the heading's title nor its section's prose).
 */
export const SELF_LINK_CLASSES: readonly string[] = [HEADING_ANCHOR_CLASS, 'sl-anchor-link'];

/** Attribute on `<html>` of a redirect stub: a moved page's placeholder, not content. */
export const REDIRECT_STUB_ATTRIBUTE = 'data-redirect-stub';

/** Attribute of the empty element that keeps an old id alive before its new heading. */
export const LEGACY_ANCHOR_ATTRIBUTE = 'data-legacy-anchor';

/** Attribute of the `<script>` that maps a live page's old fragments. */
export const ANCHOR_SCRIPT_ATTRIBUTE = 'data-anchor-redirects';
