/**
 * Guesses where a vanished anchor went, so the failure message can offer the exact redirect
 * to add. In order of confidence: a heading with the same text, a heading with the same id
 * on another page, the most similar heading (text or id, by edit distance), then the section
 * whose text mentions the most of the lost heading's words (a topic folded into another
 * section). Ties prefer the page the old URL now lands on, where renames usually happen.
 */
import { distance } from 'fastest-levenshtein';
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex, PageAnchors } from '../site/anchor-index.ts';

/** A proposed new home for a lost anchor. */
export interface Suggestion {
  path: SitePath;
  id: string;
  heading: string;
  /** Why this one: shown to the reader. */
  reason: string;
}

/** What is known about the lost anchor. */
export interface LostAnchor {
  id: string;
  heading: string;
}

/** Lower-case words only: "Proxy server configuration" and "Proxy Server Configuration!" compare equal. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 1 for equal strings, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

const MIN_SIMILARITY = 0.45;

/** The most likely new home of `lost`, or undefined when nothing is similar enough to propose. */
export function suggestNewHome(
  lost: LostAnchor,
  index: AnchorIndex,
  preferPath?: SitePath,
): Suggestion | undefined {
  const wanted = normalizeText(lost.heading);
  const candidates = [...index.values()].sort((a, b) =>
    a.path === preferPath ? -1 : b.path === preferPath ? 1 : 0,
  );
  if (wanted !== '') {
    for (const page of candidates) {
      const heading = page.headings.find((item) => normalizeText(item.text) === wanted);
      if (heading !== undefined)
        return {
          path: page.path,
          id: heading.id,
          heading: heading.text,
          reason: `same heading text "${heading.text}"`,
        };
    }
  }
  for (const page of candidates) {
    const heading = page.headings.find((item) => item.id === lost.id);
    if (heading !== undefined)
      return {
        path: page.path,
        id: heading.id,
        heading: heading.text,
        reason: `same id under the heading "${heading.text}"`,
      };
  }
  let best: (Suggestion & { score: number }) | undefined;
  for (const page of candidates) {
    for (const heading of page.headings) {
      if (heading.level < 2) continue;
      const byText = wanted === '' ? 0 : similarity(wanted, normalizeText(heading.text));
      const byId = similarity(lost.id, heading.id);
      const score = Math.max(byText, byId) + (page.path === preferPath ? 0.05 : 0);
      if (best === undefined || score > best.score) {
        best = {
          path: page.path,
          id: heading.id,
          heading: heading.text,
          score,
          reason: `most similar heading "${heading.text}" (${Math.round(Math.max(byText, byId) * 100)}% alike)`,
        };
      }
    }
  }
  if (best !== undefined && best.score >= MIN_SIMILARITY) {
    const { score: _score, ...suggestion } = best;
    return suggestion;
  }
  return sectionMentioning(lost, candidates, preferPath);
}

/** Words too common to say anything about a topic. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'is',
  'are',
  'how',
  'what',
  'does',
  'do',
]);

/** Share of a section's words needed before it is proposed as the new home of a topic. */
const MIN_WORDS_FOUND = 0.75;

/** The section whose text holds the largest share of the lost heading's words, when that share is high enough. */
function sectionMentioning(
  lost: LostAnchor,
  candidates: PageAnchors[],
  preferPath: SitePath | undefined,
): Suggestion | undefined {
  const words = [...new Set(normalizeText(lost.heading).split(' '))].filter(
    (word) => word !== '' && !STOP_WORDS.has(word),
  );
  if (words.length === 0) return undefined;
  let best: (Suggestion & { score: number }) | undefined;
  for (const page of candidates) {
    for (const heading of page.headings) {
      if (heading.level < 2 || !heading.section) continue;
      const text = ` ${normalizeText(heading.section)} `;
      const found = words.filter((word) => text.includes(` ${word} `)).length / words.length;
      const score = found + (page.path === preferPath ? 0.01 : 0);
      if (best === undefined || score > best.score) {
        best = {
          path: page.path,
          id: heading.id,
          heading: heading.text,
          score,
          reason: `the section "${heading.text}" covers "${lost.heading}"`,
        };
      }
    }
  }
  if (best === undefined || best.score < MIN_WORDS_FOUND) return undefined;
  const { score: _score, ...suggestion } = best;
  return suggestion;
}
