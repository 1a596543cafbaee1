import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { scanPage } from '../lib/html/scan-page.ts';
import type { AnchorIndex, SitePath } from '../lib/types.ts';

/** One HTML file of the build output. */
export interface BuiltPage { path: SitePath; file: string; html: string }

/** Output folders that are not pages of the site. */
const NOT_PAGES = new Set(['pagefind', '_astro']);

/** `a/b/index.html` is served at `/a/b/`; any other file at its own path (`/404.html`). */
export function sitePathOfFile(relativeFile: string): SitePath {
  const path = '/' + relativeFile.split(sep).join('/');
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Reads every HTML page of the output once. */
export async function readBuiltPages(distDir: string): Promise<BuiltPage[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !NOT_PAGES.has(relative(distDir, file).split(sep)[0]!))
    .sort();
  return Promise.all(files.map(async (file) => ({ path: sitePathOfFile(relative(distDir, file)), file, html: await readFile(file, 'utf8') })));
}

/** Ids and headings of every page, from the final HTML: what a browser can actually scroll to. */
export function anchorIndexOf(pages: BuiltPage[]): AnchorIndex {
  const index: AnchorIndex = new Map();
  for (const page of pages) {
    const { ids, headings } = scanPage(page.html, { sectionText: true });
    index.set(page.path, { path: page.path, ids: new Set(ids), headings });
  }
  return index;
}
