/**
 * `link-text`: every link shows words that say where it goes.
 *
 * - A link with empty text, `[](/path/#id)`, is a cross-reference: the build fills in the
 *   target heading's title (or the page title for `/path/`). So the target must be a heading
 *   or page of this site; anything else would render as an empty, invisible link.
 * - An empty link to another site has no title to borrow: that is always an error.
 * - Link text that is a raw anchor (`configure-the-database`) is what readers of the 2025
 *   rewrite saw instead of a title.
 * - A filled-in title must read as a noun in its sentence. A heading that asks a question
 *   ("What does Mattermost recommend…?"), gives an order ("Back up your data") or starts with a
 *   preposition ("With configuration files on each node") does not: "as in back up your data",
 *   "see what does Mattermost recommend…?.". Such a link may stand alone (a list item, a table
 *   cell); a question or an order may also close a sentence after "see" (a question with
 *   nothing after it). Anywhere else, write the link text.
 */
import type { Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { editDistance } from '../../did-you-mean.ts';
import { fileSitePath, pageTargets } from '../page-index.ts';
import type { PageIndex, PageTargets } from '../types.ts';
import type { SourceSyntax } from '../../sources/page-source.ts';

interface LinkTextOptions {
  pages: PageIndex;
  contentDir: string;
  syntax?: SourceSyntax | undefined;
}

/** A scheme (`https:`, `mailto:`) or a protocol-relative `//host`: not a page of this site. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/**
 * Link text that is the target's anchor, or its hyphenated last path segment
 * (`#configure-the-database`, `configure-the-database`), rather than words chosen for readers.
 * A one-word segment (`[mmctl](…/mmctl/)`) may well be the right words.
 */
function isRawAnchor(text: string, url: string): boolean {
  if (/^#\S+$/.test(text)) return true;
  const [path = '', fragment = ''] = url.split('#');
  const segment = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return (
    /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(text) &&
    (text === fragment || (text.includes('-') && text === segment.replace(/\.html?$/, '')))
  );
}

const linkText = lintRule<Root, LinkTextOptions>(
  { origin: 'docs-lint:link-text' },
  (tree, file, options) => {
    const here = fileSitePath(file, options.contentDir);
    let ownTargets: PageTargets | undefined;
    eachOfType(tree, 'link', (link, index, parent) => {
      const empty = link.children.every(
        (child) => child.type === 'text' && child.value.trim() === '',
      );
      if (!empty) {
        const text = toString(link).trim();
        if (isRawAnchor(text, link.url)) {
          file.message(
            `link text "${text}" is a raw anchor: write words, or leave the text empty, [](${link.url}), to show the target's title`,
            link,
          );
        }
        return;
      }
      if (EXTERNAL.test(link.url)) {
        file.message(
          `empty link to ${link.url} renders as nothing: write words that say where it goes, [like this](${link.url})`,
          link,
        );
        return;
      }
      const target = new URL(link.url, `https://site.invalid${here ?? '/'}`);
      const id = decodeURIComponent(target.hash.slice(1));
      const samePage = link.url.startsWith('#');
      // A page of the site is in the index already; only another file is read for its own targets.
      const page = samePage
        ? ((here === undefined ? undefined : options.pages.get(here)) ??
          (ownTargets ??= pageTargets(file.path, String(file.value), options.syntax)))
        : options.pages.get(target.pathname);
      const problem = missingTitle(page, target.pathname, id, options.pages);
      if (problem !== undefined) {
        file.message(
          `[](${link.url}) has no text, so it shows its target's title, but ${problem}; or write the link text`,
          link,
        );
        return;
      }
      const title =
        id === '' ? page?.title : page?.headings.find((heading) => heading.id === id)?.text;
      const kind = title === undefined ? undefined : notANoun(title);
      if (kind === undefined || parent === undefined || index === undefined) return;
      const { before, after } = surroundings(parent, index);
      if (readsWell(kind, before, after)) return;
      const ending =
        kind === 'preposition'
          ? ''
          : `end the sentence with "see [](${link.url})"${kind === 'question' ? ' and no full stop' : ''}, or `;
      file.message(
        `[](${link.url}) shows its target's title, "${title}", which ${KIND_MESSAGES[kind]} and does not read as a noun inside a sentence: ${ending}write the link text, [words that fit the sentence](${link.url})`,
        link,
      );
    });
  },
);

/** What keeps a title from reading as a noun phrase. */
type NotANoun = 'question' | 'verb' | 'preposition';

const KIND_MESSAGES: Record<NotANoun, string> = {
  question: 'is a question',
  verb: 'starts with a verb',
  preposition: 'starts with a preposition',
};

/** Verbs that start an imperative heading whatever follows (`Configure the database`, `Tune PostgreSQL`). */
const VERBS = new Set(
  `add adjust allow apply avoid build capture check choose clean collect configure connect copy
  create define delete deploy disable download drain edit enable encrypt ensure fence find fix
  follow get give grant install keep learn make manage migrate monitor mount move open prepare
  promote protect read rebuild reduce reload remove rename replace restart restore revoke rotate
  run secure select send start stop take troubleshoot tune turn understand uninstall unmount use
  verify wait write`.split(/\s+/),
);

/**
 * Words that are nouns as often as verbs (`Upgrade notes`, `Change log`): a verb only when an
 * object or a particle follows (`Back up your data`, `Size the database`, `Point Mattermost at…`).
 */
const NOUN_OR_VERB = new Set(
  `access archive back backup balance cache change control drill export host import limit list
  load log map order plan point proxy record release report return roll scale schedule set share
  sign size split stage store switch test track update upgrade`.split(/\s+/),
);

/** What follows a verb, never a noun: a determiner, a pronoun or a particle. */
const OBJECT_STARTS = new Set(
  `a all an another any back down each every existing in it its more multiple new off on one
  other our out over several some that the their them these this those up your`.split(/\s+/),
);

const PREPOSITIONS = new Set(
  `about after against at before behind between by during for from in into on through to under
  via with within without`.split(/\s+/),
);

/** Why a title does not read as a noun phrase, or `undefined` when it does. */
function notANoun(title: string): NotANoun | undefined {
  if (title.trimEnd().endsWith('?')) return 'question';
  const [first = '', second = ''] = title.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (PREPOSITIONS.has(word)) return 'preposition';
  if (VERBS.has(word)) return 'verb';
  if (
    NOUN_OR_VERB.has(word) &&
    (OBJECT_STARTS.has(second.toLowerCase()) || /^\p{Lu}/u.test(second))
  )
    return 'verb';
  return undefined;
}

/** The text of a link's siblings before and after it; a piece that is not text counts as a word. */
function surroundings(parent: Parents, index: number): { before: string; after: string } {
  const textOf = (node: Parents['children'][number]): string =>
    'value' in node && typeof node.value === 'string' && node.type === 'text' ? node.value : ' x ';
  return {
    before: parent.children.slice(0, index).map(textOf).join(''),
    after: parent.children
      .slice(index + 1)
      .map(textOf)
      .join(''),
  };
}

/**
 * Whether a title that is not a noun phrase still reads well where the link stands: alone in
 * its block, or, for an order or a question, closing a sentence after "see" ("see back up your
 * data."). A question must have nothing after it, or its question mark meets a full stop
 * ("…recovery?."); "see with configuration files on each node" never reads well.
 */
function readsWell(kind: NotANoun, before: string, after: string): boolean {
  const rest = after.trim();
  if (before.trim() === '' && /^[.;:]?$/.test(rest)) return kind !== 'question' || rest === '';
  if (kind === 'preposition' || !/\bsee(?:\s+also)?\s*$/i.test(before)) return false;
  return kind === 'question' ? /^\)?$/.test(rest) : /^(?:$|[.;)])/.test(rest);
}

/** Why the target gives no title, or `undefined` when it does. */
function missingTitle(
  page: PageTargets | undefined,
  path: string,
  id: string,
  pages: PageIndex,
): string | undefined {
  if (page === undefined) {
    const closest = closestOf(path, [...pages.keys()]);
    return `no page is served at ${path}: point it at an existing page${closest ? ` (did you mean ${closest}?)` : ''}`;
  }
  if (id === '')
    return page.title === undefined
      ? `the page ${path} has no title: give it one in its front matter`
      : undefined;
  if (page.headings.some((heading) => heading.id === id)) return undefined;
  const closest = closestOf(
    id,
    page.headings.map((heading) => heading.id),
  );
  return `${path} has no heading #${id}: point it at an existing heading${closest ? ` (did you mean #${closest}?)` : ''}`;
}

/** The candidate nearest to `wanted`, if it is near enough to be the intended one. */
function closestOf(wanted: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, wanted.length / 3)
    ? best.candidate
    : undefined;
}

export default linkText;
