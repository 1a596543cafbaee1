/**
 * Keeps strings taken out of a page's HTML without keeping the page. The parser hands out
 * attribute values and ids as slices of the page's text, and V8 keeps a slice's whole parent
 * string alive: a site's scan that holds a few links of every page held every page's HTML
 * (100 MB on a 5,000-page site). The table stores each distinct string once, as a copy of
 * its own, so a site's hundreds of thousands of links share tens of thousands of strings.
 */
export function stringTable(): (text: string) => string {
  const table = new Map<string, string>();
  return (text) => {
    let kept = table.get(text);
    if (kept === undefined) {
      // V8 flattens the concatenation into a new string before slicing it, so the result
      // refers to that copy only. Shorter strings are always copied (no slices below 13).
      kept = text.length < 13 ? text : ` ${text}`.slice(1);
      table.set(kept, kept);
    }
    return kept;
  };
}
