/** Attribute values that hold URLs in a form of their own: `srcset` and a meta refresh. */

/**
 * The URLs of a `srcset` value. Follows the HTML candidate-string rules closely enough for
 * real pages: a URL runs to the next whitespace, a trailing comma ends the candidate, and
 * descriptors (`2x`, `640w`) are skipped up to the next comma.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] as string)) i += 1;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] as string)) i += 1;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let parentheses = 0;
      while (i < srcset.length) {
        const char = srcset[i];
        if (char === '(') parentheses += 1;
        else if (char === ')') parentheses = Math.max(0, parentheses - 1);
        else if (char === ',' && parentheses === 0) break;
        i += 1;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** The URL of a meta refresh `content` (`0; url=/x/`, `0;URL='/x/'`, `5, /x/`), or null if none. */
export function metaRefreshUrl(content: string): string | null {
  const match = /^\s*[\d.]+\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  let url = match?.[1]?.trim() ?? '';
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end < 0 ? url.slice(1) : url.slice(1, end);
  }
  return url === '' ? null : url;
}
