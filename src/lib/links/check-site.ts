/**
 * The link check of a built site: every link of every page and of the non-page outputs
 * (`_redirects`, sitemaps), judged by `check-links.ts`, optionally the external URLs over the
 * network, and every problem traced back to the MDX line where the link was written. Used by
 * the build and by `npm run check`, which pass the same settings, the same scan and the same
 * redirect plan.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Base, SitePath } from '../site-path.ts';
import { readOptionalText } from '../files.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { BuiltSite } from '../site/built-site.ts';
import type { RedirectPlan } from '../redirects/follow.ts';
import { compareProblems, type Problem } from '../problems/problem.ts';
import { checkLinks, type ExternalUse, type LinkSource } from './check-links.ts';
import type { ExternalCheckOptions } from './external/check-external.ts';
import { redirectsFileTargets, sitemapLocations } from './non-page-links.ts';
import { attachSources, type PageSource } from './source-map.ts';

/** What the check needs besides the site itself. */
export interface CheckSiteOptions {
  base: Base;
  /** The site's origin; absolute links to it count as internal (canonical links, sitemaps). */
  siteOrigin: string;
  /** The site's content pages and the redirect plan made against them. */
  index: AnchorIndex;
  plan: RedirectPlan;
  /** The redirect map's path, for messages. */
  mapFile: string;
  /** Where sources live, and which MDX file each page was built from. */
  projectRoot: string;
  sourceFiles: ReadonlyMap<SitePath, string>;
  /** Also check external URLs over the network (off unless given). */
  external?: ExternalCheckOptions;
}

/** What the check found; `external` lists the outside URLs for an optional network check. */
export interface CheckSiteResult {
  problems: Problem[];
  external: ExternalUse[];
  pages: number;
  links: number;
  /** Bytes of HTML checked. */
  bytes: number;
}

/** Checks every internal link, fragment, redirect stub, `_redirects` line and sitemap entry of `site`. */
export async function checkSite(
  site: BuiltSite,
  options: CheckSiteOptions,
): Promise<CheckSiteResult> {
  const sources: LinkSource[] = [];
  let links = 0;
  let bytes = 0;
  for (const page of site.pages.values()) {
    sources.push({ file: page.file, path: page.path, links: page.links });
    links += page.links.length;
    bytes += page.bytes;
  }
  for (const file of site.files) {
    const isRedirects = file === '_redirects';
    if (!isRedirects && !/^sitemap[^/]*\.xml$/.test(file)) continue;
    const text = await readFile(join(site.dir, file), 'utf8');
    const fileLinks = isRedirects ? redirectsFileTargets(text) : sitemapLocations(text);
    sources.push({ file, path: '/' as SitePath, links: fileLinks });
    links += fileLinks.length;
  }

  const context = {
    files: site.files,
    pages: site.pages,
    index: options.index,
    plan: options.plan,
    base: options.base,
    siteOrigin: options.siteOrigin,
    mapFile: options.mapFile,
  };
  const { problems, external } = checkLinks(sources, context);
  if (options.external !== undefined) {
    // Loaded only when asked for: most runs never touch the network.
    const { checkExternalUses } = await import('./external/check-external.ts');
    problems.push(...(await checkExternalUses(external, options.external)));
  }
  const pageSources = await readPageSources(problems, site, options);
  const located = attachSources(problems, (file) => pageSources.get(file), options.base).sort(
    compareProblems,
  );
  return { problems: located, external, pages: site.pages.size, links, bytes };
}

/** The MDX source and content range of every page that has a problem, by output file. */
async function readPageSources(
  problems: readonly Problem[],
  site: BuiltSite,
  options: CheckSiteOptions,
): Promise<Map<string, PageSource>> {
  const byFile = new Map([...site.pages.values()].map((page) => [page.file, page]));
  const result = new Map<string, PageSource>();
  for (const outputFile of new Set(problems.map((problem) => problem.output?.file))) {
    const page = outputFile === undefined ? undefined : byFile.get(outputFile);
    const sourceFile = page === undefined ? undefined : options.sourceFiles.get(page.path);
    if (page === undefined || sourceFile === undefined) continue;
    const text = await readOptionalText(join(options.projectRoot, sourceFile));
    if (text !== undefined)
      result.set(page.file, { file: sourceFile, text, range: page.contentRange });
  }
  return result;
}
