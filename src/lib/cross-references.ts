/**
 * Cross-references written with empty text, `[](/guide/page/#section)`, show their target's
 * title: the heading's text for `/page/#id`, the page's h1 for `/page/`. Link text then never
 * goes stale when a heading is reworded, and a raw anchor is never shown to readers.
 */
import { escapeHtml } from './html/escape.ts';
import type { EmptyLink } from './html/scan-page.ts';
import type { Insertion } from './html/splice.ts';
import { withoutBase, type Base, type SitePath } from './site-path.ts';
import type { AnchorIndex } from './site/anchor-index.ts';
import { decodeFragment } from './html/page-collectors.ts';

/** The title a link from `pagePath` to `href` should show, or undefined when its target does not exist. */
export function crossReferenceTitle(
  href: string,
  pagePath: SitePath,
  base: Base,
  index: AnchorIndex,
): string | undefined {
  let url: URL;
  try {
    url = new URL(href, `https://site.invalid${base}${pagePath.slice(1)}`);
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://site.invalid') return undefined;
  const path = withoutBase(url.pathname, base);
  const page = path === undefined ? undefined : index.get(path);
  const id = decodeFragment(url.hash.slice(1));
  return page?.headings.find((heading) => (id ? heading.id === id : heading.level === 1))?.text;
}

/** The insertions that fill a page's empty links, and the links whose target has no title. */
export function fillEmptyLinks(
  emptyLinks: readonly EmptyLink[],
  titleFor: (href: string) => string | undefined,
): { insertions: Insertion[]; unresolved: EmptyLink[] } {
  const insertions: Insertion[] = [];
  const unresolved: EmptyLink[] = [];
  for (const link of emptyLinks) {
    const title = titleFor(link.href);
    if (title === undefined) unresolved.push(link);
    else insertions.push({ at: link.insertAt, text: escapeHtml(title) });
  }
  return { insertions, unresolved };
}
