/**
 * Where things live in the build output: which URL an output file is served at, and which file
 * a page or stub is written to. Directory-style pages: `/a/b/` is `a/b/index.html`.
 */
import type { SitePath } from '../site-path.ts';

/** Output folders that hold assets and search data, not pages of the site. */
const ASSET_DIRECTORIES: ReadonlySet<string> = new Set(['pagefind', '_astro']);

/** The site path an output file (relative, `/`- or `\`-separated) is served at: `a/b/index.html` is `/a/b/`. */
export function sitePathOfFile(file: string): SitePath {
  const path = '/' + file.split('\\').join('/');
  return (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path) as SitePath;
}

/** The output file for a page or stub at `path`: `/a.html` is `a.html`, `/a/` is `a/index.html`. */
export function fileOfSitePath(path: SitePath): string {
  return path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
}

/** Whether an output file (relative, `/`-separated) is a page of the site: HTML, outside the asset folders. */
export function isPageFile(file: string): boolean {
  return /\.html?$/.test(file) && !ASSET_DIRECTORIES.has(file.split('/')[0] ?? '');
}
