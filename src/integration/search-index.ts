import * as pagefind from 'pagefind';
import type { BuiltSite } from '../lib/site/built-site.ts';

/**
 * Builds the Pagefind index into `<dir>/pagefind/` from the pages the build already holds in
 * memory (Pagefind would otherwise read the whole output again). Only elements marked
 * `data-pagefind-body` (the docs pages' articles) are indexed, so redirect stubs, the 404 page
 * and navigation never show up in results. Headings with ids become sub-results.
 */
export async function writeSearchIndex(site: BuiltSite): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let pages = 0;
    for (const page of site.pages.values()) {
      if (page.isStub || page.html === undefined || !page.html.includes('data-pagefind-body'))
        continue;
      const added = await index.addHTMLFile({ sourcePath: page.file, content: page.html });
      if (added.errors.length)
        throw new Error(`Pagefind could not index ${page.file}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath: `${site.dir}/pagefind` });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
