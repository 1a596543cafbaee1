/**
 * What `astro dev` shows beside a link that leads nowhere (or to an old address): a visible note
 * with the problem and where the link is written, so that a broken link never passes for one
 * that works while a writer looks at the page. Links of MDX pages are marked as they render
 * (cross-reference-plugin.ts); links written in `.astro` pages, layouts and settings, once the
 * page is rendered (dev-link-marks.ts). Builds never carry the mark: they report and fail.
 */
import type { Base, SitePath } from '../lib/site-path.ts';
import { escapeHtml } from '../lib/html/escape.ts';
import { emptyPlan, follow, landsOnContent } from '../lib/redirects/follow.ts';
import { displayLocation } from '../lib/redirects/locations.ts';
import { linkTarget } from '../lib/cross-references.ts';
import { isTopOfPage } from '../lib/links/check-links.ts';
import type { SiteContext } from './site-context.ts';

/** The attribute that marks a problem shown on a page in `astro dev` (never in a build). */
export const DEV_MARKER_ATTRIBUTE = 'data-lasting-links-problem';

const MARKER_STYLE =
  'background:#fde68a;color:#7c2d12;border:1px solid #b45309;border-radius:3px;padding:0 0.3em;margin-left:0.3em;font:0.8em/1.4 ui-monospace,monospace;white-space:normal';

/** The note as an mdast node, for the Markdown render. */
export function devMarker(problem: string) {
  return {
    type: 'lastingLinksProblem',
    data: {
      hName: 'mark',
      hProperties: { [DEV_MARKER_ATTRIBUTE]: '', role: 'note', style: MARKER_STYLE },
    },
    children: [{ type: 'text', value: `⚠ ${problem}` }],
  };
}

/** The note as HTML, for a rendered page. */
export function devMarkerHtml(problem: string): string {
  return `<mark ${DEV_MARKER_ATTRIBUTE} role="note" style="${MARKER_STYLE}">⚠ ${escapeHtml(problem)}</mark>`;
}

/** What is wrong with a link, and the path it names when no page source is there. */
export interface BrokenTarget {
  problem: string;
  /** Set when the path has no page source: a page of an `.astro` route may still be there. */
  missingPage?: SitePath;
}

/**
 * Why an internal link's target does not exist among the page sources, or undefined when it
 * does (or is not internal). Files (images, downloads) are not pages: the build judges them.
 */
export function brokenTarget(
  url: string,
  page: SitePath,
  base: Base,
  context: SiteContext,
): BrokenTarget | undefined {
  const location = linkTarget(url, page, base);
  if (location === undefined || !location.path.endsWith('/')) return undefined;
  const visit = follow(context.plan ?? emptyPlan(), context.index, location, 'static');
  if (landsOnContent(visit, context.index)) {
    return visit.hops.length === 0 || visit.kind !== 'landed'
      ? undefined
      : {
          problem: `${url} is an old address; link to ${displayLocation(visit.target.kind === 'site' ? visit.target : location)} instead (npx lasting-links moves --write rewrites it)`,
        };
  }
  const target = context.index.get(location.path);
  if (target === undefined)
    return { problem: `${url}: no page at ${location.path}`, missingPage: location.path };
  if (isTopOfPage(location.fragment ?? '')) return undefined;
  return { problem: `${url}: ${location.path} has no section #${location.fragment}` };
}
