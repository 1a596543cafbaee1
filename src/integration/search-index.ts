import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index into `<dir>/pagefind/` from the output folder, once every page has
 * its final HTML on disk. Only elements marked `data-pagefind-body` (the docs pages' articles)
 * are indexed, so redirect stubs, the 404 page and navigation never show up in results.
 * Headings with ids become sub-results. Returns how many pages the index holds, of how many.
 *
 * Pagefind reads the folder itself rather than being handed the pages one by one: it reads
 * and parses files on all cores, while `addHTMLFile` sends pages one message at a time. At
 * 1,000 pages that was 1.4 s against 6 s, for the same fragments.
 */
export async function writeSearchIndex(dir: string): Promise<{ indexed: number; pages: number }> {
  const { marked, pages } = await markedPages(dir);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // With no page marked, Pagefind would index every page whole (stubs and the 404 page too).
    if (marked > 0) {
      const added = await index.addDirectory({ path: dir });
      if (added.errors.length)
        throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { indexed: marked, pages };
  } finally {
    await pagefind.close();
  }
}

/** How many HTML pages the output holds, and how many mark a body for Pagefind. */
async function markedPages(dir: string): Promise<{ marked: number; pages: number }> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html'));
  let marked = 0;
  for (const file of files)
    if ((await readFile(join(dir, file), 'utf8')).includes('data-pagefind-body')) marked += 1;
  return { marked, pages: files.length };
}
