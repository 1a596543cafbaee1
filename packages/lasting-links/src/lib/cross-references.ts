/**
 * Cross-references written with empty text, `[](/guide/page/#section)`, show their target's
 * title: the heading's text for `/page/#id`, the page's h1 for `/page/`. Link text then never
 * goes stale when a heading is reworded, and a raw anchor is never shown to readers.
 */
import { escapeHtml } from './html/escape.ts';
import type { EmptyLink } from './html/scan-page.ts';
import type { Insertion } from './html/splice.ts';
import { decodeUrlPath, withoutBase, type Base, type SitePath } from './site-path.ts';
import type { AnchorIndex } from './site/anchor-index.ts';
import { decodeFragment } from './html/page-collectors.ts';
import { follow, landsOnContent, type RedirectPlan } from './redirects/follow.ts';
import type { SiteLocation } from './redirects/locations.ts';

/** Where a link written on `pagePath` points on this site, or undefined when it leaves the site. */
export function linkTarget(href: string, pagePath: SitePath, base: Base): SiteLocation | undefined {
  let url: URL;
  try {
    url = new URL(href, `https://site.invalid${base}${pagePath.slice(1)}`);
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://site.invalid') return undefined;
  // Site paths are kept decoded: `/h%C3%B6here/` and `/höhere/` are one page.
  const path = withoutBase(decodeUrlPath(url.pathname), base);
  if (path === undefined) return undefined;
  return { path, fragment: url.hash === '' ? null : decodeFragment(url.hash.slice(1)) };
}

/** The title of a site location: the heading's text for `/page/#id`, the page's h1 for `/page/`. */
function titleAt(location: SiteLocation, index: AnchorIndex): string | undefined {
  const page = index.get(location.path);
  const id = location.fragment;
  return page?.headings.find((heading) => (id ? heading.id === id : heading.level === 1))?.text;
}

/**
 * The title a link from `pagePath` to `href` should show, or undefined when its target does not
 * exist. An old address that the redirects send elsewhere shows the title of where it lands (the
 * link checker then asks for the link to be updated).
 */
export function crossReferenceTitle(
  href: string,
  pagePath: SitePath,
  base: Base,
  index: AnchorIndex,
  plan?: RedirectPlan,
): string | undefined {
  const location = linkTarget(href, pagePath, base);
  if (location === undefined) return undefined;
  const direct = titleAt(location, index);
  if (direct !== undefined || plan === undefined) return direct;
  const visit = follow(plan, index, location, 'static');
  if (visit.kind !== 'landed' || visit.target.kind !== 'site' || !landsOnContent(visit, index))
    return undefined;
  return titleAt(visit.target, index);
}

/**
 * A title as it reads inside a sentence: "apply the operating system limits", not "apply the
 * Operating system limits". Titles are in sentence case, so only their first letter can be a
 * capital that a sentence does not want; it stays when the title starts with a proper noun
 * (from the terms file) or with a word that is more than its first capital (`NGINX`, `PostgreSQL`).
 */
export function titleInSentence(title: string, properNouns: readonly string[]): string {
  const first = /^\S+/.exec(title)?.[0] ?? '';
  if (
    first.length < 2 ||
    first.slice(1) !== first.slice(1).toLowerCase() ||
    first[0] === first[0]!.toLowerCase()
  )
    return title;
  const startsWithName = properNouns.some(
    (noun) => title === noun || title.startsWith(`${noun} `) || title.startsWith(`${noun},`),
  );
  return startsWithName ? title : first[0]!.toLowerCase() + title.slice(1);
}

/** Whether text before a link ends a sentence (or is nothing), so the link starts one. */
export function startsSentence(textBefore: string): boolean {
  const trimmed = textBefore.trimEnd();
  return trimmed === '' || /[.!?:]$/.test(trimmed);
}

/**
 * The insertions that fill a page's empty links, and the links whose target has no title. A
 * title inside a sentence reads as the render writes it there (see titleInSentence).
 */
export function fillEmptyLinks(
  emptyLinks: readonly EmptyLink[],
  titleFor: (href: string) => string | undefined,
  properNouns: readonly string[],
): { insertions: Insertion[]; unresolved: EmptyLink[] } {
  const insertions: Insertion[] = [];
  const unresolved: EmptyLink[] = [];
  for (const link of emptyLinks) {
    const title = titleFor(link.href);
    if (title === undefined) unresolved.push(link);
    else {
      const text = startsSentence(link.textBefore) ? title : titleInSentence(title, properNouns);
      insertions.push({ at: link.insertAt, text: escapeHtml(text) });
    }
  }
  return { insertions, unresolved };
}
