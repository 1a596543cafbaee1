/** Escaping for the two places this site writes text into HTML by hand. */

/** Text made safe for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON made safe inside an inline `<script>` (code or `type="application/json"`): `<` can never
 * close the element or open a comment, and the two line separators JavaScript once rejected
 * are escaped. Use it for every value a page embeds as script data.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
