/**
 * What a built page publishes, for the lock: its URL and its section anchors, the h2 to h6
 * headings that offer a "link to this section" self-link (`a.heading-anchor`), read from the
 * final HTML. Layout headings ("On this page") offer none and are not content anchors.
 * Redirect stubs publish nothing, and the empty elements that keep old ids alive are not new
 * anchors.
 */
import { Parser } from 'htmlparser2';
import { scanPage } from '../html/scan-page.ts';
import type { SitePath } from '../types.ts';
import type { LockedPage } from './lock-file.ts';

/** Matches the empty element `injectAnchors` writes for an old id. */
const LEGACY_ANCHOR = /<span id="[^"]*" data-legacy-anchor><\/span>/g;

/** Whether `html` is a redirect stub rather than a page of content. */
export function isRedirectStub(html: string): boolean {
  return /<html[^>]*\sdata-redirect-stub[\s>]/.test(html);
}

/** The lock entry a built page would add, or undefined for stubs and the 404 page. */
export function publishedPage(path: SitePath, html: string, source: string): LockedPage | undefined {
  if (path === '/404.html' || isRedirectStub(html)) return undefined;
  const { headings } = scanPage(html.replace(LEGACY_ANCHOR, ''));
  const linked = selfLinkedIds(html);
  const title = headings.find((heading) => heading.level === 1)?.text;
  return {
    url: path,
    source,
    ...(title === undefined ? {} : { title }),
    anchors: headings.filter((heading) => heading.level >= 2 && linked.has(heading.id)).map((heading) => ({ id: heading.id, heading: heading.text })),
  };
}

/** The ids that `a.heading-anchor` self-links point at (decoded). */
function selfLinkedIds(html: string): Set<string> {
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      const href = attributes.href;
      if (name !== 'a' || href === undefined || !href.startsWith('#')) return;
      if (!(attributes.class ?? '').split(/\s+/).includes('heading-anchor')) return;
      try {
        ids.add(decodeURIComponent(href.slice(1)));
      } catch {
        ids.add(href.slice(1));
      }
    },
  });
  parser.end(html);
  return ids;
}
