/**
 * `link-text`: every link shows words that say where it goes.
 *
 * - A link with empty text, `[](/path/#id)`, is a cross-reference: the build fills in the
 *   target heading's title (or the page title for `/path/`). So the target must be a heading
 *   or page of this site; anything else would render as an empty, invisible link.
 * - An empty link to another site has no title to borrow: that is always an error.
 * - Link text that is a raw anchor (`configure-the-database`) is what readers of the 2025
 *   rewrite saw instead of a title.
 */
import type { Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import { editDistance } from '../../did-you-mean.ts';
import { fileSitePath, pageTargets, type PageIndex, type PageTargets } from '../page-index.ts';

interface LinkTextOptions {
  pages: PageIndex;
  contentDir: string;
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
    visit(tree, 'link', (link: Link) => {
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
      const page = samePage
        ? (ownTargets ??= pageTargets(file.path, String(file.value)))
        : options.pages.get(target.pathname);
      const problem = missingTitle(page, target.pathname, id, options.pages);
      if (problem !== undefined)
        file.message(
          `[](${link.url}) has no text, so it shows its target's title, but ${problem}; or write the link text`,
          link,
        );
    });
  },
);

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
