import { siteConfig } from '../config.ts';
import { anchorIndexOf, readBuiltPages } from './built-site.ts';
import { fillCrossReferences } from './fill-cross-references.ts';
import { sourceFileResolver } from './source-files.ts';
import { applyRedirects } from './redirects.ts';
import { checkSite } from '../lib/links/check-site.ts';
import { formatProblem } from '../lib/links/format.ts';
import { writeSearchIndex } from './search-index.ts';

interface Logger { info(message: string): void; warn(message: string): void }

/**
 * What happens between "Astro wrote the HTML" and "the site may be published", in order:
 * 1. index every page's ids and headings from the final HTML (the only truth about anchors);
 * 2. fill empty-text cross-references with their target's title;
 * 3. resolve the redirect map, write stubs, per-page anchor tables, `_redirects` and nginx
 *    rules, and check the published-anchors lock;
 * 4. check every internal link and fragment, naming the MDX source line;
 * 5. build the search index.
 * Any problem fails the build with every message at once, so one build shows all there is to fix.
 */
export async function postBuild(options: { projectRoot: string; distDir: string; base: string; site: string | undefined; logger: Logger }): Promise<void> {
  const { projectRoot, distDir, base, site, logger } = options;
  const sourceFileOf = sourceFileResolver(projectRoot, siteConfig.contentDir);

  const pages = await readBuiltPages(distDir);
  const index = anchorIndexOf(pages);
  logger.info(`indexed ${index.size} pages, ${[...index.values()].reduce((n, p) => n + p.ids.size, 0)} ids`);

  const crossReferenceProblems = await fillCrossReferences(pages, index, base, sourceFileOf, projectRoot);
  if (crossReferenceProblems.length) fail('cross-references', crossReferenceProblems);

  await applyRedirects({ projectRoot, distDir, base, site, index, sourceFileOf, logger });

  const links = await checkSite({ distDir, base, projectRoot });
  for (const warning of links.warnings) logger.warn(formatProblem(warning, distDir));
  if (links.errors.length) fail('links', links.errors.map((problem) => formatProblem(problem, distDir)));
  logger.info('every internal link and fragment resolves');

  const searchable = await writeSearchIndex(distDir);
  logger.info(`search index: ${searchable} pages`);
}

function fail(what: string, problems: string[]): never {
  throw new Error(`The site has ${problems.length} problem(s) with ${what}:\n- ${problems.join('\n- ')}`);
}
