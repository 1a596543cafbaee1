import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeSearchIndex } from '../../src/integration/search-index.ts';

function siteWith(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  for (const [file, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(
      join(dir, file),
      `<!doctype html><html lang="en"><head><title>${file}</title></head><body>${body}</body></html>`,
    );
  }
  return dir;
}

/** How many pages the written index holds, as Pagefind records it. */
function indexedPages(dir: string): number {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Indexes a site of `pages`: what the build reports, and what Pagefind recorded. */
async function indexSite(
  pages: Record<string, string>,
): Promise<{ reported: number; indexed: number }> {
  const dir = siteWith(pages);
  try {
    const reported = (await writeSearchIndex(dir)).indexed;
    return { reported, indexed: indexedPages(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('only pages with a marked body are indexed: not the 404 page, not redirect stubs', async () => {
  const result = await indexSite({
    'a/index.html': '<nav>Menu</nav><article data-pagefind-body><h2 id="x">Failover</h2></article>',
    'b/index.html': '<article data-pagefind-body><p>Upgrade the cluster</p></article>',
    '404.html': '<p>Not found</p>',
    'old/index.html':
      '<meta http-equiv="refresh" content="0; url=/a/"><a href="/a/">Moved to a</a>',
  });
  assert.deepEqual(result, { reported: 2, indexed: 2 });
});

test('a site with no page marked gets an empty index, not every page whole', async () => {
  const result = await indexSite({
    'a/index.html': '<article><p>Failover</p></article>',
    '404.html': '<p>Not found</p>',
  });
  assert.deepEqual(result, { reported: 0, indexed: 0 });
});
