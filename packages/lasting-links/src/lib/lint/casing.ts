/**
 * Sentence case, as the headings, titles and list labels use it: a capital for the first word
 * and for proper nouns, lower case for everything else. Proper nouns come from the terms file;
 * acronyms and names with inner capitals (`HA`, `MinIO`) are never ordinary words.
 */
import type { Terms } from './terms.ts';
import { capitalisedWords, inRanges, rangesOf, startsSentence, wholeWords } from './words.ts';

const patterns = new WeakMap<
  Terms,
  { properNouns: RegExp | undefined; forbidden: RegExp | undefined }
>();

/** Whole-word patterns for the proper nouns (exact case) and forbidden variants (any case), built once per terms. */
function patternsOf(terms: Terms): {
  properNouns: RegExp | undefined;
  forbidden: RegExp | undefined;
} {
  let found = patterns.get(terms);
  if (found === undefined) {
    found = {
      properNouns: wholeWords(terms.properNouns, false),
      forbidden: wholeWords(
        terms.terminology.flatMap((entry) => entry.forbidden),
        true,
      ),
    };
    patterns.set(terms, found);
  }
  return found;
}

/** A word and its index in the text it was found in. */
export interface FoundWord {
  word: string;
  index: number;
}

/**
 * Capitalised ordinary words that do not start the text or a clause (after `:`, `.`, `?`) and
 * are not part of a proper noun: the words that make `text` title case rather than sentence case.
 * A forbidden variant (`Nginx`) is left out too: the terminology rule reports it with its fix.
 * `ignore(index)` leaves out words the caller knows are not prose (code, quotes).
 */
export function needlessCapitals(
  text: string,
  terms: Terms,
  ignore: (index: number) => boolean = () => false,
): FoundWord[] {
  const { properNouns, forbidden } = patternsOf(terms);
  const skip = [...rangesOf(text, properNouns), ...rangesOf(text, forbidden)];
  return capitalisedWords(text).filter(
    ({ index }) => !startsSentence(text, index) && !inRanges(index, skip) && !ignore(index),
  );
}

/**
 * The first word, when the text starts with a lower-case letter and the word is neither a
 * proper noun written so (`mmctl`) nor a literal name (`config.json`, `max_connections`,
 * `dataSource`). Text that starts with code, a digit or a quote has no first word to judge.
 */
export function lowerCaseStart(text: string, terms: Terms): FoundWord | undefined {
  const first = /^\s*(\p{Ll}[\p{L}\p{N}'’-]*)/u.exec(text);
  if (first === null || first[1] === undefined) return undefined;
  const index = first[0].length - first[1].length;
  const token = /^\S*/u.exec(text.slice(index))?.[0] ?? '';
  if (/[./_@:]\p{L}|\p{Ll}\p{Lu}/u.test(token)) return undefined;
  if (inRanges(index, rangesOf(text, patternsOf(terms).properNouns))) return undefined;
  return { word: first[1], index };
}

/** `text` with the words at `found` lower-cased: the sentence-case spelling to suggest. */
export function withLowerCase(text: string, found: FoundWord[]): string {
  let out = text;
  for (const { word, index } of found)
    out = out.slice(0, index) + word.toLowerCase() + out.slice(index + word.length);
  return out;
}
