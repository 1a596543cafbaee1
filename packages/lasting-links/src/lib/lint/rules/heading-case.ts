/**
 * `heading-case`: headings and page titles in sentence case. The 2025 rewrite mixed "High
 * availability" and "High Availability"; one rule for all headings keeps the table of
 * contents, the sidebar and search results consistent.
 *
 * Titles and labels of components (`<Aside title="…">`, `<TabItem label="…">`) count as
 * headings. Proper nouns and product names keep their capitals (the terms file lists them),
 * and a word after a colon may start a new clause. Code spans are never judged.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { lowerCaseStart, needlessCapitals, withLowerCase } from '../casing.ts';
import { frontMatterTexts } from '../front-matter.ts';
import { shownAttributes } from '../jsx-attributes.ts';
import { OBJECT, offsetAt, proseOf, Within } from '../prose.ts';
import { reportAt } from '../report.ts';
import type { Terms } from '../terms.ts';

interface HeadingCaseOptions {
  terms: Terms;
  termsFile: string;
}

const headingCase = lintRule<Root, HeadingCaseOptions>(
  { origin: 'docs-lint:heading-case' },
  (tree, file, options) => {
    const source = String(file);
    const check = (
      what: string,
      text: string,
      offsetOf: (index: number) => number,
      isCode: (index: number) => boolean,
    ) => {
      const capitals = needlessCapitals(text, options.terms, isCode);
      const lower = lowerCaseStart(text, options.terms);
      const first = lower ?? capitals[0];
      if (first === undefined) return;
      const shown = text.replaceAll(OBJECT, '`…`').trim();
      let fixed = withLowerCase(text, capitals);
      if (lower !== undefined)
        fixed =
          fixed.slice(0, lower.index) +
          lower.word.charAt(0).toUpperCase() +
          fixed.slice(lower.index + 1);
      reportAt(
        file,
        `${what} "${shown}" is not in sentence case: write "${fixed.replaceAll(OBJECT, '`…`').trim()}" (if a word is a name, add it to properNouns in ${options.termsFile})`,
        offsetOf(first.index),
      );
    };

    const title = frontMatterTexts(tree).title;
    if (title !== undefined)
      check(
        'title',
        title.text,
        (index) => title.offset + index,
        () => false,
      );
    for (const shown of shownAttributes(tree, source))
      check(
        'title',
        shown.text,
        (index) => shown.offset + index,
        () => false,
      );

    eachOfType(tree, 'heading', (heading) => {
      const prose = proseOf(heading, source);
      check(
        'heading',
        prose.text,
        (index) => offsetAt(prose, index),
        (index) => ((prose.within[index] ?? 0) & Within.code) !== 0,
      );
    });
  },
);

export default headingCase;
