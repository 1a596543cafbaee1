/**
 * `mid-sentence-capital`: an ordinary word capitalised in the middle of a sentence
 * ("…configuration, Verify the servers", as in the 2025 rewrite). Usually the remains of an
 * edit that joined two sentences.
 *
 * A capitalised word is accepted at the start of a block or sentence, after a colon, as part
 * of a proper noun from the terms file, at the start of link text (a linked page's title), inside
 * bold or italic text (interface labels such as
 * **System Console > Environment**), inside inline components (<kbd>Ctrl</kbd>) and inside
 * quotes (literal strings). Headings have their
 * own rule, `heading-case`; a forbidden variant (`Nginx`) is left to `terminology`, whose
 * message has the right fix.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { needlessCapitals } from '../casing.ts';
import { anyWithin, offsetAt, proseBlocks, Within, type Prose } from '../prose.ts';
import { reportAt } from '../report.ts';
import type { Terms } from '../terms.ts';
import { inRanges, quotedRanges } from '../words.ts';

interface MidSentenceCapitalOptions {
  terms: Terms;
  termsFile: string;
}

/** Bold and italic interface labels, code, and inline components such as <kbd>Ctrl</kbd>. */
const LABELS = Within.strong | Within.emphasis | Within.code | Within.element;

const midSentenceCapital = lintRule<Root, MidSentenceCapitalOptions>(
  { origin: 'docs-lint:mid-sentence-capital' },
  (tree, file, options) => {
    for (const prose of proseBlocks(tree, String(file))) {
      if (prose.block.type === 'heading') continue;
      const quoted = quotedRanges(prose.text);
      const ignore = (index: number) =>
        anyWithin(prose, index, index + 1, LABELS) ||
        inRanges(index, quoted) ||
        startsLinkText(prose, index);
      for (const { word, index } of needlessCapitals(prose.text, options.terms, ignore)) {
        reportAt(
          file,
          `"${word}" is capitalised mid-sentence: write "${word.toLowerCase()}", or start a new sentence (if it is a name, add it to properNouns in ${options.termsFile})`,
          offsetAt(prose, index),
          offsetAt(prose, index + word.length),
        );
      }
    }
  },
);

/**
 * Whether the word at `index` is the first of a link's text. Link text is often the title of
 * the page it points to ("see [Upgrade Mattermost Server](…)"), and a title starts with a capital.
 */
function startsLinkText(prose: Prose, index: number): boolean {
  if (!anyWithin(prose, index, index + 1, Within.link)) return false;
  let i = index - 1;
  while (i >= 0 && anyWithin(prose, i, i + 1, Within.link) && /\s/.test(prose.text[i] ?? '')) i--;
  return i < 0 || !anyWithin(prose, i, i + 1, Within.link);
}

export default midSentenceCapital;
