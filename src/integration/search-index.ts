import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index into `<distDir>/pagefind/`. Only elements marked
 * `data-pagefind-body` (the docs pages' articles) are indexed, so redirect stubs, the 404 page
 * and navigation never show up in results. Headings with ids become sub-results.
 */
export async function writeSearchIndex(distDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${distDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
