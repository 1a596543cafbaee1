import * as pagefind from 'pagefind';
import type { BuiltSite } from '../../packages/lasting-links/src/lib/site/built-site.ts';

/**
 * Builds the Pagefind index into `<dir>/pagefind/` from the output folder, once every page has
 * its final HTML on disk. Only elements marked `data-pagefind-body` (the docs pages' articles)
 * are indexed, so redirect stubs, the 404 page and navigation never show up in results.
 * Headings with ids become sub-results.
 *
 * Pagefind reads the folder itself rather than being handed the pages the build holds in
 * memory: it reads and parses files on all cores, while `addHTMLFile` sends pages one message
 * at a time. At 1,000 pages that was 1.4 s against 6 s, for the same fragments.
 */
export async function writeSearchIndex(site: BuiltSite): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const pages = searchablePages(site);
    // With no page marked, Pagefind would index every page whole (stubs and the 404 page too).
    if (pages > 0) {
      const added = await index.addDirectory({ path: site.dir });
      if (added.errors.length)
        throw new Error(`Pagefind could not index ${site.dir}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: `${site.dir}/pagefind` });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** The pages Pagefind keeps: those with a `data-pagefind-body` (redirect stubs have none). */
function searchablePages(site: BuiltSite): number {
  let pages = 0;
  for (const page of site.pages.values())
    if (!page.isStub && page.html?.includes('data-pagefind-body')) pages += 1;
  return pages;
}
