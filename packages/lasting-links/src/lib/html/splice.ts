/** Edits a page by inserting text at offsets, copying every other byte unchanged. */

/** Text to insert before the character at `at`. */
export interface Insertion {
  at: number;
  text: string;
}

/**
 * `html` with every insertion applied. Insertions at the same offset keep their given order;
 * offsets refer to the original text, so they are applied from the end.
 */
export function applyInsertions(html: string, insertions: readonly Insertion[]): string {
  if (insertions.length === 0) return html;
  const ordered = insertions
    .map((insertion, order) => ({ ...insertion, order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let copied = 0;
  for (const insertion of ordered) {
    out += html.slice(copied, insertion.at) + insertion.text;
    copied = insertion.at;
  }
  return out + html.slice(copied);
}
