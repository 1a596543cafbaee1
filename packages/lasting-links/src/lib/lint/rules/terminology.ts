/**
 * `terminology`: the words the terms file forbids (master → primary, Nginx → NGINX,
 * Postgres → PostgreSQL), in prose, headings, link text, component titles and labels, and the
 * page's title and description.
 *
 * Code spans are never read, so a setting's real name in backticks is always fine. Where the
 * old word must appear in prose (a label in another product's interface, say), the terms file
 * allows it for one section, with a reason.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import Slugger from 'github-slugger';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { frontMatterTexts } from '../front-matter.ts';
import { shownAttributes } from '../jsx-attributes.ts';
import { fileSitePath } from '../page-index.ts';
import { anyWithin, offsetAt, proseBlocks, Within } from '../prose.ts';
import { reportAt } from '../report.ts';
import type { TermEntry, Terms } from '../terms.ts';
import { wholeWords } from '../words.ts';

interface TerminologyOptions {
  terms: Terms;
  termsFile: string;
  contentDir: string;
}

const terminology = lintRule<Root, TerminologyOptions>(
  { origin: 'docs-lint:terminology' },
  (tree, file, options) => {
    const page = fileSitePath(file, options.contentDir);
    const sectionAt = sectionFinder(tree);
    const entries = options.terms.terminology.map((entry) => ({
      entry,
      pattern: wholeWords(entry.forbidden, true),
    }));

    const check = (
      text: string,
      offsetOf: (index: number) => number,
      isCode: (index: number, end: number) => boolean,
    ) => {
      for (const { entry, pattern } of entries) {
        if (pattern === undefined) continue;
        for (const m of text.matchAll(pattern)) {
          if (m[0] === entry.preferred || isCode(m.index, m.index + m[0].length)) continue;
          const start = offsetOf(m.index);
          if (allowed(entry, page, sectionAt(start))) continue;
          const why = entry.reason === undefined ? '' : ` (${entry.reason})`;
          reportAt(
            file,
            `write "${entry.preferred}", not "${m[0]}"${why}; a setting's real name goes in a code span, and a section that must use the word can be allowed in ${options.termsFile}`,
            start,
            offsetOf(m.index + m[0].length),
          );
        }
      }
    };

    const { title, description } = frontMatterTexts(tree);
    for (const field of [title, description, ...shownAttributes(tree, String(file))]) {
      if (field !== undefined)
        check(
          field.text,
          (index) => field.offset + index,
          () => false,
        );
    }
    for (const prose of proseBlocks(tree, String(file))) {
      check(
        prose.text,
        (index) => offsetAt(prose, index),
        (start, end) => anyWithin(prose, start, end, Within.code),
      );
    }
  },
);

/** Whether the terms file allows the word on this page, in this section. */
function allowed(entry: TermEntry, page: string | undefined, section: string): boolean {
  return entry.allow.some(
    (allowance) =>
      allowance.section === section && (allowance.page === undefined || allowance.page === page),
  );
}

/**
 * Maps a source offset to the id of the section it is in (the last heading before it), with
 * ids computed as the build computes them; `''` before the first heading.
 */
function sectionFinder(tree: Root): (offset: number) => string {
  const slugger = new Slugger();
  const starts: { offset: number; id: string }[] = [];
  eachOfType(tree, 'heading', (heading) => {
    const id = slugger.slug(toString(heading));
    if (heading.position?.start.offset !== undefined)
      starts.push({ offset: heading.position.start.offset, id });
  });
  return (offset) => starts.findLast((start) => start.offset <= offset)?.id ?? '';
}

export default terminology;
