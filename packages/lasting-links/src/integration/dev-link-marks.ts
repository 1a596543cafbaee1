/**
 * Astro middleware, added by the integration for `astro dev` only (a build never runs it): once a
 * page is rendered, every link on it that leads nowhere, or to an old address, gets the mark the
 * Markdown render gives the links of MDX pages (dev-marks.ts), with the file and line of the
 * `.astro` page, layout or settings file that writes it. Links the render already marked are
 * left as they are.
 *
 * A path with no page source may be a page of an `.astro` route (the home page, a page of
 * another integration): the dev server itself is asked for it, as a reader's browser would ask,
 * and its answer is kept for a few seconds, so a link every page carries costs one render.
 */
import { join } from 'node:path';
import type { MiddlewareHandler } from 'astro';
import settings from 'virtual:lasting-links/dev-settings';
import { decodeUrlPath, withBase, withoutBase, type SitePath } from '../lib/site-path.ts';
import { scanPage, type LinkRef } from '../lib/html/scan-page.ts';
import { applyInsertions, type Insertion } from '../lib/html/splice.ts';
import { linkTarget } from '../lib/cross-references.ts';
import { isTopOfPage } from '../lib/links/check-links.ts';
import { readTextIfReadable } from '../lib/files.ts';
import type { SiteLocation } from '../lib/redirects/locations.ts';
import { readLayoutSources } from '../lib/site/layout-sources.ts';
import { listSourceFiles, sourceFileMap } from '../lib/site/source-files.ts';
import { findWriter, type LayoutSource } from '../lib/links/site-wide-links.ts';
import { siteContextLoader, type SiteContext } from './site-context.ts';
import { brokenTarget, devMarkerHtml, DEV_MARKER_ATTRIBUTE } from './dev-marks.ts';

/** How long the dev server's answer for a path is trusted. */
const PROBE_LIFETIME_MS = 5000;
/** How long to wait for it: a page that takes longer is not judged. */
const PROBE_TIMEOUT_MS = 10_000;

const loadContext = siteContextLoader(settings, true, undefined);
/** The answer for each path the dev server was asked for (see idsServedAt). */
const probes = new Map<string, { at: number; ids: ReadonlySet<string> | null | undefined }>();

/**
 * The paths being asked for now: their pages go through unmarked, so that asking never asks
 * again. (A header cannot mark the request: a static page's render has no request headers.)
 */
const asking = new Set<string>();

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const page = withoutBase(decodeUrlPath(context.url.pathname), settings.base);
  if (page === undefined || asking.has(page)) return response;
  // Pages only: a redirect, an empty answer or a file goes through as it is.
  if (response.status !== 200 && response.status !== 404) return response;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  const marked = await markLinks(html, page, context.url.origin);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(marked, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
};

/** The page with a mark after each broken link that has none yet. */
async function markLinks(html: string, page: SitePath, origin: string): Promise<string> {
  const context = loadContext();
  const scan = scanPage(html);
  const ownIds = new Set(scan.ids);
  const offsetOf = offsetFinder(html);
  const insertions: Insertion[] = [];
  let sources: readonly LayoutSource[] | undefined;
  for (const link of scan.links) {
    if (link.tag !== 'a') continue;
    const close = html.indexOf('</a>', offsetOf(link));
    if (close < 0 || isMarked(html, close + 4)) continue;
    const problem = await problemOf(link.url, page, ownIds, context, origin);
    if (problem === undefined) continue;
    sources ??= writersOf(page);
    const writer = findWriter(link.url, settings.base, sources);
    const where =
      writer === undefined
        ? 'written by the layout or an integration'
        : `${writer.file}:${writer.line}:${writer.column}`;
    insertions.push({ at: close + 4, text: devMarkerHtml(`${where}: ${problem}`) });
  }
  return insertions.length === 0 ? html : applyInsertions(html, insertions);
}

/**
 * The files that may write a link of `page`: its own source first (a link the render left to the
 * page, such as a relative one or a component's `href`), then the layouts and settings.
 */
function writersOf(page: SitePath): LayoutSource[] {
  const file = sourceFileMap(
    listSourceFiles(settings.projectRoot, settings.contentDir),
    settings.contentDir,
  ).get(page);
  const own = file === undefined ? undefined : readTextIfReadable(join(settings.projectRoot, file));
  return [
    ...(file === undefined || own === undefined ? [] : [{ file, text: own }]),
    ...readLayoutSources(settings.projectRoot, settings.srcDir, settings.contentDir),
  ];
}

/** What is wrong with a link of `page`, or undefined when it lands. */
async function problemOf(
  url: string,
  page: SitePath,
  ownIds: ReadonlySet<string>,
  context: SiteContext,
  origin: string,
): Promise<string | undefined> {
  const location = linkTarget(url, page, settings.base);
  if (location === undefined || !location.path.endsWith('/')) return undefined;
  // A link within the page is judged by the page as rendered: the layout's ids are there too.
  if (location.path === page) return fragmentProblem(url, location, ownIds);
  const broken = brokenTarget(url, page, settings.base, context);
  if (broken?.missingPage === undefined) return broken?.problem;
  // No page source at that path: a page an `.astro` route may render.
  const ids = await idsServedAt(location.path, origin);
  if (ids === undefined) return undefined;
  if (ids === null) return broken.problem;
  return fragmentProblem(url, location, ids);
}

/** What is wrong with the fragment of a link to a page with `ids`, if anything. */
function fragmentProblem(
  url: string,
  location: SiteLocation,
  ids: ReadonlySet<string>,
): string | undefined {
  const fragment = location.fragment ?? '';
  if (isTopOfPage(fragment) || ids.has(fragment)) return undefined;
  return `${url}: ${location.path} has no section #${fragment}`;
}

/**
 * The ids of the page the dev server renders at `path`: null when it has nothing there (404);
 * undefined when that cannot be judged (it redirects, it is not a page, it did not answer, or it
 * is being asked already), and the link is then not marked. Redirects are not followed: a page
 * that redirects back to one being marked would be asked for again and again.
 */
async function idsServedAt(
  path: SitePath,
  origin: string,
): Promise<ReadonlySet<string> | null | undefined> {
  const known = probes.get(path);
  if (known !== undefined && Date.now() - known.at < PROBE_LIFETIME_MS) return known.ids;
  if (asking.has(path)) return undefined;
  let ids: ReadonlySet<string> | null | undefined;
  asking.add(path);
  try {
    const answer = await fetch(new URL(withBase(path, settings.base), origin), {
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    if (answer.status === 404) ids = null;
    else if (
      answer.status === 200 &&
      (answer.headers.get('content-type') ?? '').includes('text/html')
    )
      ids = new Set(scanPage(await answer.text()).ids);
    else ids = undefined;
  } catch {
    // The server did not answer in time: the link is not judged.
    ids = undefined;
  } finally {
    asking.delete(path);
  }
  probes.set(path, { at: Date.now(), ids });
  return ids;
}

/** Whether a dev mark already follows offset `at` (the render marked the link). */
function isMarked(html: string, at: number): boolean {
  DEV_MARK_AHEAD.lastIndex = at;
  return DEV_MARK_AHEAD.test(html);
}

/** A dev mark, maybe after white space, at the search's position (sticky). */
const DEV_MARK_AHEAD = new RegExp(`\\s*<mark ${DEV_MARKER_ATTRIBUTE}[\\s=>]`, 'y');

/** Turns a link's 1-based line and column into an offset in `text`. */
function offsetFinder(text: string): (link: LinkRef) => number {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (link) => (starts[link.line - 1] ?? 0) + link.column - 1;
}
