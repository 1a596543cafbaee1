/**
 * Ids a page uses twice. A browser scrolls to the first element with an id, so when a raw HTML
 * `id` repeats a heading's id (or two headings are given the same `{#id}`), every link to the
 * later one, its table-of-contents entry included, lands in the wrong place while the checker
 * still finds "an element with that id". Each repeat is an error, traced to where the id is
 * written in the page's source.
 */
import type { Problem } from '../problems/problem.ts';
import type { SitePath } from '../site-path.ts';
import type { DuplicateId } from '../html/page-collectors.ts';
import type { TextPosition } from './source-map.ts';

/** What is needed of a built page. */
interface PageWithIds {
  path: SitePath;
  file: string;
  duplicateIds: readonly DuplicateId[];
}

/** One error per repeated id of every page, at the repeat's place in the output. */
export function duplicateIdProblems(pages: Iterable<PageWithIds>): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages)
    for (const duplicate of page.duplicateIds)
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        message: `the id "${duplicate.id}" is used more than once on this page, so links to #${duplicate.id} land on its first use`,
        fix: `Give one of them another id: after a heading's text write {#another-id}; on an element, change its id attribute.`,
        output: { file: page.file, line: duplicate.line, column: duplicate.column },
        page: page.path,
        target: `${page.path}#${duplicate.id}`,
      });
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every place `id` is written in an MDX source: an `id` attribute in JSX or HTML (quoted or as
 * a string expression) and a heading's `{#id}`. A heading whose id comes from its words has no
 * written form; its page's file is named without a line.
 */
export function findWrittenId(text: string, id: string): TextPosition[] {
  const quoted = escapeRegExp(id);
  const pattern = new RegExp(
    `\\bid=(?:"${quoted}"|'${quoted}'|\\{\\s*["'\`]${quoted}["'\`]\\s*\\})|\\{#${quoted}\\}`,
    'g',
  );
  const positions: TextPosition[] = [];
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    positions.push({ line, column: match.index - before.lastIndexOf('\n') });
  }
  return positions;
}
