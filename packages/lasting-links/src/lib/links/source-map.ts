/**
 * Maps a link found in the output back to where an author wrote it: the page's MDX file, line
 * and column. The output keeps no source map of its own, so the link is found by its text: an
 * href is written in MDX exactly as it is emitted, minus the base the renderer prefixes
 * (`[text](/a/b/#c)` becomes `href="/pr-123/a/b/#c"`), and an empty-text cross-reference
 * `[](/a/#b)` keeps its href while its text is filled in at build time.
 */
import type { Base } from '../site-path.ts';
import type { LineColumn } from '../html/line-locator.ts';
import type { Position, Problem } from '../problems/problem.ts';

/** A 1-based line and column. */
export type TextPosition = LineColumn;

/**
 * The spellings an author may have used for an emitted URL: without the base (what Markdown
 * links are written as), as emitted, and percent-decoded.
 */
export function writtenForms(url: string, base: Base): string[] {
  const forms = new Set<string>();
  if (base !== '/' && url.startsWith(base)) forms.add('/' + url.slice(base.length));
  forms.add(url);
  for (const form of [...forms]) {
    try {
      forms.add(decodeURI(form));
    } catch {
      // Not valid percent-encoding: the author wrote it as is.
    }
  }
  return [...forms].filter((form) => form !== '');
}

/** Characters that can stand right before a URL in MDX: `](`, `="`, `='`, `={"`, `<`, `[id]: `. */
const BEFORE = new Set(['(', '"', "'", '`', '<', ' ', '\t', '\n', '{']);
/** And right after it: `)`, closing quotes, `>`, a title after a space, line end. */
const AFTER = new Set([')', '"', "'", '`', '>', ' ', '\t', '\n', '\r', '}']);

/** Every place `url` is written in `text` as a whole URL (not as part of a longer one), in order. */
export function findWrittenUrl(text: string, url: string): TextPosition[] {
  const positions: TextPosition[] = [];
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (let at = text.indexOf(url); at !== -1; at = text.indexOf(url, at + 1)) {
    const before = at === 0 ? '\n' : text[at - 1]!;
    const after = at + url.length >= text.length ? '\n' : text[at + url.length]!;
    if (!BEFORE.has(before) || !AFTER.has(after)) continue;
    for (
      let newline = text.indexOf('\n', counted);
      newline !== -1 && newline < at;
      newline = text.indexOf('\n', newline + 1)
    ) {
      line += 1;
      lineStart = newline + 1;
    }
    counted = at;
    positions.push({ line, column: at - lineStart + 1 });
  }
  return positions;
}

/** Where the page's own content sits in the output, so layout links (sidebar, footer) are told apart. */
export interface ContentRange {
  start: TextPosition;
  end: TextPosition;
}

/** Whether `position` lies inside `range` (the whole page when there is no range). */
function inContent(position: TextPosition, range: ContentRange | undefined): boolean {
  if (range === undefined) return true;
  const after = (a: TextPosition, b: TextPosition) =>
    a.line > b.line || (a.line === b.line && a.column >= b.column);
  return after(position, range.start) && after(range.end, position);
}

/**
 * Assigns source positions to the output occurrences of one URL on one page: the n-th
 * occurrence inside the content gets the n-th place the URL is written in the source.
 * Occurrences outside the content, or more than the source holds, come from the layout and
 * get none.
 */
export function assignSources(
  occurrences: readonly TextPosition[],
  written: readonly TextPosition[],
  sourceFile: string,
  range: ContentRange | undefined,
): (Position | undefined)[] {
  let next = 0;
  return occurrences.map((occurrence) => {
    if (!inContent(occurrence, range)) return undefined;
    const position = written[next];
    next += 1;
    return position === undefined ? undefined : { file: sourceFile, ...position };
  });
}

/** The source of one output page: its file (relative to the project root), text and content range. */
export interface PageSource {
  file: string;
  text: string;
  range: ContentRange | undefined;
}

/**
 * Fills in `at` on problems whose link can be found in the page's source. Problems of the
 * same URL on the same output file are matched to the source in order.
 */
export function attachSources(
  problems: readonly Problem[],
  sourceOf: (outputFile: string) => PageSource | undefined,
  base: Base,
): Problem[] {
  const groups = new Map<string, number[]>();
  problems.forEach((problem, index) => {
    if (problem.output === undefined || problem.url === undefined) return;
    const key = `${problem.output.file}\n${problem.url}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  const result = [...problems];
  for (const indexes of groups.values()) {
    const first = problems[indexes[0]!]!;
    const source = sourceOf(first.output!.file);
    if (source === undefined) continue;
    let written: TextPosition[] = [];
    for (const form of writtenForms(first.url!, base)) {
      written = findWrittenUrl(source.text, form);
      if (written.length > 0) break;
    }
    const outputOf = (index: number) => problems[index]!.output!;
    const ordered = [...indexes].sort(
      (a, b) => outputOf(a).line - outputOf(b).line || outputOf(a).column - outputOf(b).column,
    );
    const positions = assignSources(ordered.map(outputOf), written, source.file, source.range);
    ordered.forEach((index, n) => {
      const position = positions[n];
      if (position !== undefined) result[index] = { ...problems[index]!, at: position };
    });
  }
  return result;
}
