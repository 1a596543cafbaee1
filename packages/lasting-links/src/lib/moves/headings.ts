/** How alike two headings read: a tie-breaker, or one hint among others when a section's text is gone. */
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

/** The share of `old`'s words that `now` still has: "Plugins" in "Extend the cluster with plugins" is 1. */
export function headingWordShare(old: string, now: string): number {
  const before = new Set(words(old));
  if (before.size === 0) return 0;
  const after = new Set(words(now));
  let kept = 0;
  for (const word of before) if (after.has(word)) kept += 1;
  return kept / before.size;
}
