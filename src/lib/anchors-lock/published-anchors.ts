/**
 * What a built page publishes, for the lock: its URL and its section anchors, the h2 to h6
 * headings that offer a "link to this section" self-link, read from the final HTML. Layout
 * headings ("On this page") offer none and are not content anchors. Redirect stubs and the 404
 * page publish nothing, and the empty elements that keep old ids alive are not new anchors.
 */
import type { BuiltPage } from '../site/built-site.ts';
import type { LockedPage } from './lock-file.ts';

/** The lock entry a built page would add, or undefined for stubs and the 404 page. */
export function publishedPage(page: BuiltPage, source: string): LockedPage | undefined {
  if (page.path === '/404.html' || page.isStub) return undefined;
  const linked = new Set(page.selfLinkedIds);
  const title = page.headings.find((heading) => heading.level === 1)?.text;
  return {
    url: page.path,
    source,
    ...(title === undefined ? {} : { title }),
    anchors: page.headings
      .filter((heading) => heading.level >= 2 && linked.has(heading.id))
      .map((heading) => ({ id: heading.id, heading: heading.text })),
  };
}
