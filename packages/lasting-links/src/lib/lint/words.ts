/**
 * Word-level helpers for the capitalisation rules: where proper nouns are, which words are
 * ordinary capitalised words, and whether a position starts a sentence.
 */

/** Letters and digits, for whole-word boundaries that work beyond ASCII. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;

/** Escapes `text` for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression for `words` as whole words, each written exactly (or ignoring case). */
export function wholeWords(words: string[], ignoreCase: boolean): RegExp | undefined {
  if (words.length === 0) return undefined;
  // Longest first, so that "Amazon S3" wins over "Amazon"; a space may be a line break, and an
  // apostrophe may be typographic.
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) =>
      escapeRegExp(word)
        .replace(/ +/g, String.raw`\s+`)
        .replace(/['’]/g, "['’]"),
    );
  return new RegExp(
    `(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`,
    ignoreCase ? 'giu' : 'gu',
  );
}

/** `[start, end)` ranges of `text` that `pattern` (a global regular expression) matches. */
export function rangesOf(text: string, pattern: RegExp | undefined): [number, number][] {
  if (pattern === undefined) return [];
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Capitalised ordinary-looking words: one capital then lower-case letters (`Verify`, `Server`).
 * Acronyms (`HA`), names with inner capitals (`DataSource`, `MinIO`) and parts of paths, file
 * names, setting keys or versions (`config.Json`, `v5`) are not ordinary words and never match.
 */
const CAPITALISED =
  /(?<![\p{L}\p{N}_./@\\#$=%&+~'’`])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}\p{N}_@/\\]|\.[\p{L}\p{N}])/gu;

/**
 * Days and months: proper nouns in any English text, so they need no entry in the terms file.
 * Not May, which is far more often a verb ("it May fail" is a defect).
 */
const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December'.split(
    ' ',
  ),
);

/** Every capitalised ordinary word in `text`, with its index. */
export function capitalisedWords(text: string): { word: string; index: number }[] {
  return [...text.matchAll(CAPITALISED)]
    .filter((m) => !CALENDAR.has(m[0]))
    .map((m) => ({ word: m[0], index: m.index }));
}

/** Characters that may stand between a sentence's end and its first word. */
const OPENERS = new Set([' ', '\t', '\n', '"', '“', '‘', "'", '(', '[']);

/**
 * Whether the word at `index` begins a sentence (or a clause after a colon): nothing but
 * spaces, quotes and brackets since the block's start or since `.`, `!`, `?`, `:` or `…`.
 * A parenthesis that holds whole sentences, `(Values as of 2026. …)`, starts one too.
 */
export function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && OPENERS.has(text[i] ?? '')) i--;
  if (i < 0 || '.!?:…'.includes(text[i] ?? '')) return true;
  const open = text.lastIndexOf('(', index);
  if (open === -1 || text.slice(open + 1, index).trim() !== '') return false;
  const close = text.indexOf(')', index);
  return close !== -1 && '.!?'.includes(text.slice(index, close).trimEnd().slice(-1));
}

/** `[start, end)` ranges inside double quotes ("…" or “…”): quoted strings are literal text. */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/"[^"\n]*"|“[^”]*”/g))
    ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Whether `index` lies in one of `ranges`. */
export function inRanges(index: number, ranges: [number, number][]): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}
