/**
 * A link every page carries (a layout's, the header's, the footer's, a site-wide notice's) is one
 * problem, not one per page: a broken one in the layout of a 1,000-page site would otherwise be
 * 1,000 errors pointing into the output. Each such problem is reported once, at the line of the
 * project's own file that writes the link when it can be found there (`src/config.ts:42`), with
 * the number of pages that carry it.
 */
import type { Base } from '../site-path.ts';
import type { Problem } from '../problems/problem.ts';
import { findWrittenUrl, writtenForms } from './source-map.ts';

/** A file of the project that is not a page source: a layout, a component, a config file. */
export interface LayoutSource {
  /** Relative to the project root, `/`-separated. */
  file: string;
  text: string;
}

/** Problems the same link causes on more pages than this are one problem. */
const PAGES_FOR_ONE_PROBLEM = 2;

/**
 * `problems` with every link problem that repeats on several pages, and was not traced to a
 * page's own source, folded into one; one on a single page is placed at the project file that
 * writes its URL, when one does. `layoutSources` is read only when there is one to place.
 */
export function foldSiteWideLinks(
  problems: readonly Problem[],
  base: Base,
  layoutSources: () => readonly LayoutSource[],
): Problem[] {
  const groups = new Map<string, Problem[]>();
  const kept: Problem[] = [];
  for (const problem of problems) {
    if (problem.at !== undefined || problem.url === undefined || problem.page === undefined) {
      kept.push(problem);
      continue;
    }
    const key = `${problem.code}\0${problem.url}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [problem]);
    else group.push(problem);
  }
  let sources: readonly LayoutSource[] | undefined;
  for (const group of groups.values()) {
    const pages = new Set(group.map((problem) => problem.page));
    const first = group[0]!;
    sources ??= layoutSources();
    const writer = findWriter(first.url!, base, sources);
    if (pages.size < PAGES_FOR_ONE_PROBLEM) {
      // A page written in `.astro` (the home page, the 404 page) has no MDX source: its link is
      // reported at the line of the `.astro` file (or settings file) that writes it.
      kept.push(
        ...group.map((problem) => (writer === undefined ? problem : { ...problem, at: writer })),
      );
      continue;
    }
    kept.push({
      ...first,
      message: `${first.message} (a link on ${pages.size} pages${writer === undefined ? ', written by the layout or an integration rather than a page' : ''})`,
      ...(writer === undefined ? {} : { at: writer }),
      // The first page it shows on, for reference; the fix is made once, where it is written.
      page: first.page,
    });
  }
  return kept;
}

/** Where a project file writes `url` (without the base, as sources write links), if one does. */
export function findWriter(
  url: string,
  base: Base,
  sources: readonly LayoutSource[],
): { file: string; line: number; column: number } | undefined {
  for (const form of writtenForms(url, base))
    for (const source of sources) {
      const found = findWrittenUrl(source.text, form)[0];
      if (found !== undefined) return { file: source.file, ...found };
    }
  return undefined;
}
