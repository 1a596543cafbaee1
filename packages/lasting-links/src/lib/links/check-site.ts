/**
 * The link check of a built site: every link of every page and of the non-page outputs
 * (`_redirects`, sitemaps), judged by `check-links.ts`, optionally the external URLs over the
 * network, and every problem traced back to the MDX line where the link was written. Used by
 * the build and by `lasting-links check`, which pass the same settings, the same scan and the same
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
import { duplicateIdProblems, findWrittenId } from './duplicate-ids.ts';
import { foldSiteWideLinks, type LayoutSource } from './site-wide-links.ts';

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
  /** URLs not to check; client-side routes (`#/route`, `#!/route`) by default. */
  ignore?: readonly RegExp[];
  /** The project's layouts and settings, where a link every page carries is written. */
  layoutSources?: () => readonly LayoutSource[];
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

/** The page hosts serve for a missing address. */
const NOT_FOUND_PAGE = '/404.html' as SitePath;

/**
 * A not-found page is answered with status 404 wherever it is shown, so its canonical link names
 * no page a reader or a crawler ever reaches (Starlight's names `/404/`): it is not checked.
 */
function notCanonical(page: { canonical: string | null }) {
  return (link: { tag: string; url: string }) =>
    !(link.tag === 'link' && link.url === page.canonical);
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
    sources.push({
      file: page.file,
      path: page.path,
      links: page.path === NOT_FOUND_PAGE ? page.links.filter(notCanonical(page)) : page.links,
      baseHref: page.baseHref,
    });
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
    ...(options.ignore === undefined ? {} : { ignore: options.ignore }),
  };
  const { problems, external } = checkLinks(sources, context);
  problems.push(...duplicateIdProblems(site.pages.values()));
  for (const file of site.symlinks ?? [])
    problems.push({
      severity: 'error',
      code: 'symlink',
      message: `${file} is a symbolic link; the checker does not follow it, and a host that does would serve a file that was never checked, possibly from outside the site`,
      fix: 'Copy the file into the output instead of linking to it, or remove the link.',
      output: { file, line: 1, column: 1 },
    });
  if (options.external !== undefined) {
    // Loaded only when asked for: most runs never touch the network.
    const { checkExternalUses } = await import('./external/check-external.ts');
    problems.push(...(await checkExternalUses(external, options.external)));
  }
  const pageSources = await readPageSources(problems, site, options);
  const located = foldSiteWideLinks(
    attachSources(problems, (file) => pageSources.get(file), options.base).map((problem) =>
      locateDuplicateId(problem, pageSources),
    ),
    options.base,
    options.layoutSources ?? (() => []),
  ).sort(compareProblems);
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

/** A repeated id's place in the page's source: where the id is written last, else the file alone. */
function locateDuplicateId(
  problem: Problem,
  pageSources: ReadonlyMap<string, PageSource>,
): Problem {
  if (problem.code !== 'duplicate-id' || problem.output === undefined) return problem;
  const source = pageSources.get(problem.output.file);
  if (source === undefined) return problem;
  const id = problem.target?.slice(problem.target.indexOf('#') + 1) ?? '';
  const written = findWrittenId(source.text, id).at(-1);
  return { ...problem, at: { file: source.file, ...written } };
}
