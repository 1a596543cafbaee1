/**
 * `list-labels`: when most items of a list start with a bold label (`**Label:** text`), every
 * item does, with the same casing and the same punctuation. The 2025 rewrite had one item
 * without the bold label its siblings had, and with different casing.
 */
import type { ListItem, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { lowerCaseStart, needlessCapitals } from '../casing.ts';
import type { Terms } from '../terms.ts';

interface ListLabelsOptions {
  terms: Terms;
}

/** How a label is cased: `either` for one-word labels, which fit sentence and title case alike. */
type Casing = 'sentence' | 'title' | 'lower' | 'either';

interface Label {
  text: string;
  /** `**Label:**`, `**Label**:`, `**Label** —`, … with `Label` standing for the words. */
  form: string;
  casing: Casing;
}

const listLabels = lintRule<Root, ListLabelsOptions>(
  { origin: 'docs-lint:list-labels' },
  (tree, file, options) => {
    eachOfType(tree, 'list', (list) => {
      const labels = list.children.map((item) => labelOf(item, options.terms));
      const labelled = labels.filter((label): label is Label => label !== undefined);
      if (list.children.length < 2 || labelled.length * 2 <= list.children.length) return;

      const form = majority(labelled.map((label) => label.form));
      const definite = labelled
        .map((label) => label.casing)
        .filter((casing) => casing !== 'either');
      const casing = definite.length > 0 ? majority(definite) : 'either';
      list.children.forEach((item, i) => {
        const label = labels[i];
        if (label === undefined) {
          file.message(
            `this item has no bold label, unlike ${labelled.length} of the ${list.children.length} items in its list: start it with one, written ${form} like theirs`,
            item,
          );
          return;
        }
        if (label.form !== form) {
          file.message(
            `label "${label.text}" is written ${label.form.replace('Label', label.text)}, but its siblings use ${form}: write ${form.replace('Label', label.text)}`,
            item,
          );
        }
        if (casing !== 'either' && label.casing !== 'either' && label.casing !== casing) {
          file.message(
            `label "${label.text}" is in ${label.casing} case, but its siblings are in ${casing} case: write it in ${casing} case like them`,
            item,
          );
        }
      });
    });
  },
);

/** The bold label that opens a list item, if any. */
function labelOf(item: ListItem, terms: Terms): Label | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const [first, next] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const raw = toString(first).trim();
  const text = raw.replace(/[:.]$/, '');
  return { text, form: formOf(raw, next), casing: casingOf(text, terms) };
}

/** Where the punctuation after a label goes, with the words replaced by `Label`. */
function formOf(raw: string, next: PhrasingContent | undefined): string {
  if (raw.endsWith(':')) return '**Label:**';
  if (raw.endsWith('.')) return '**Label.**';
  const after = next?.type === 'text' ? next.value : '';
  if (after.startsWith(':')) return '**Label**:';
  if (after.startsWith('.')) return '**Label**.';
  const dash = /^\s*([—–-])\s/.exec(after);
  if (dash) return `**Label** ${dash[1]}`;
  return '**Label**';
}

function casingOf(text: string, terms: Terms): Casing {
  if (lowerCaseStart(text, terms) !== undefined) return 'lower';
  if (needlessCapitals(text, terms).length > 0) return 'title';
  return /\s\p{Ll}/u.test(text) ? 'sentence' : 'either';
}

/** The most frequent value; the earliest wins a tie. */
function majority<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] as T;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

export default listLabels;
