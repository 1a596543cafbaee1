/**
 * The link check of a built site: reads the output and the sources, calls the pure checker in
 * `src/lib/links`, and returns problems with the MDX file and line where each link was written.
 * Used by `scripts/check-links.ts` (`npm run check`) and callable from the build.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { siteConfig } from '../../config.ts';
import { normalizeBase } from '../base-path.ts';
import { checkInternalLinks, type ExternalUse, type LinkSource } from './check-internal.ts';
import type { ExternalCheckOptions } from './external/check-external.ts';
import { compareProblems, type Problem } from './problem.ts';
import { redirectsFileTargets, sitemapLocations } from './other-outputs.ts';
import { parseRedirectMap } from './redirect-map.ts';
import { redirectLookup } from './redirect-lookup.ts';
import { listOutputFiles, readOptionalText, scanOutputPages } from './read-site.ts';
import { classifyUrl, displayUrl, outputFileToSitePath } from './site-paths.ts';
import { attachSources, contentRange, sourceCandidates, type PageSource } from './source-map.ts';

/** What to check and how it is deployed. */
export interface CheckSiteOptions {
  /** The built site (`dist`). */
  distDir: string;
  /** The deployment base the site was built with (`/`, `/pr-123/`). */
  base: string;
  /** Where `content/` lives, to map problems back to MDX files. */
  projectRoot: string;
  /** The site's origin; absolute links to it count as internal. Default: env `SITE_URL` or https://docs.example.com. */
  siteUrl?: string;
  /** Also check external URLs over the network (off unless given). */
  external?: ExternalCheckOptions;
}

/** What `checkSite` found; `external` lists the outside URLs for an optional network check. */
export interface CheckSiteResult {
  errors: Problem[];
  warnings: Problem[];
  external: ExternalUse[];
  pages: number;
  links: number;
  /** Bytes of HTML read. */
  bytes: number;
}

/** Checks every internal link, fragment, redirect stub, `_redirects` line and sitemap entry of a built site. */
export async function checkSite(options: CheckSiteOptions): Promise<CheckSiteResult> {
  const base = normalizeBase(options.base);
  const siteOrigin = options.siteUrl ?? process.env.SITE_URL ?? 'https://docs.example.com';
  const files = await listOutputFiles(options.distDir);
  const htmlFiles = files.filter((file) => file.endsWith('.html'));
  const scanned = await scanOutputPages(options.distDir, htmlFiles);

  const ids = new Map<string, Set<string>>();
  const stubs = new Map<string, string>();
  const sources: LinkSource[] = [];
  let links = 0;
  let bytes = 0;
  for (const page of scanned) {
    const path = outputFileToSitePath(page.file);
    ids.set(page.file, new Set(page.ids));
    const refresh = page.links.find((link) => link.tag === 'meta');
    if (refresh !== undefined) stubs.set(page.file, stubTarget(refresh.url, path, base, siteOrigin));
    sources.push({ file: page.file, path, links: page.links });
    links += page.links.length;
    bytes += page.bytes;
  }
  for (const file of files) {
    const isRedirects = file === '_redirects';
    if (!isRedirects && !/^sitemap[^/]*\.xml$/.test(file)) continue;
    const text = await readFile(join(options.distDir, file), 'utf8');
    const fileLinks = isRedirects ? redirectsFileTargets(text) : sitemapLocations(text);
    sources.push({ file, path: '/', links: fileLinks });
    links += fileLinks.length;
  }

  const redirectsFile = siteConfig.redirectsFile;
  const redirectsText = await readOptionalText(join(options.projectRoot, redirectsFile));
  const redirects = redirectLookup(redirectsText === undefined ? [] : parseRedirectMap(redirectsText, redirectsFile));

  const { problems, external } = checkInternalLinks({ files: new Set(files), ids, stubs, sources }, { base, siteOrigin, redirects, redirectsFile });
  if (options.external !== undefined) {
    // Loaded only when asked for: most runs never touch the network.
    const { checkExternalUses } = await import('./external/check-external.ts');
    problems.push(...(await checkExternalUses(external, options.external)));
  }
  const pageSources = await readPageSources(problems, options, siteConfig.contentDir);
  const located = attachSources(problems, (file) => pageSources.get(file), base).sort(compareProblems);
  return {
    errors: located.filter((problem) => problem.severity === 'error'),
    warnings: located.filter((problem) => problem.severity === 'warning'),
    external,
    pages: htmlFiles.length,
    links,
    bytes,
  };
}

/** Where a stub's meta refresh sends readers, as a site path (or absolute URL when it leaves the site). */
function stubTarget(url: string, path: string, base: string, siteOrigin: string): string {
  const target = classifyUrl(url, path, base, siteOrigin);
  if (target.kind === 'internal') return displayUrl(target.path, target.fragment);
  return target.kind === 'external' ? target.url : url;
}

/** Reads the MDX source and output content range of every page that has a problem. */
async function readPageSources(problems: readonly Problem[], options: CheckSiteOptions, contentDir: string): Promise<Map<string, PageSource>> {
  const result = new Map<string, PageSource>();
  const outputFiles = new Set(problems.map((problem) => problem.output.file).filter((file) => file.endsWith('.html')));
  for (const outputFile of outputFiles) {
    for (const candidate of sourceCandidates(outputFileToSitePath(outputFile), contentDir)) {
      const text = await readOptionalText(join(options.projectRoot, candidate));
      if (text === undefined) continue;
      const html = await readFile(join(options.distDir, outputFile), 'utf8');
      result.set(outputFile, { file: candidate, text, range: contentRange(html) });
      break;
    }
  }
  return result;
}
