/** How alike two headings read: a tie-breaker only, never the reason a section is chosen over its text. */
import { distance } from 'fastest-levenshtein';
import { words } from './fingerprint.ts';

/** Lower-case words only: "Proxy server configuration" and "Proxy Server Configuration!" compare equal. */
export function normalizeHeading(text: string): string {
  return words(text).join(' ');
}

/** 1 for the same words, 0 for nothing in common. */
export function headingSimilarity(a: string, b: string): number {
  return normalizedSimilarity(normalizeHeading(a), normalizeHeading(b));
}

/** `headingSimilarity` of two texts already normalized, for callers comparing one text with many. */
export function normalizedSimilarity(left: string, right: string): number {
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 0 : 1 - distance(left, right) / longest;
}
