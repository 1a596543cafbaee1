/**
 * Which MDX file a page is built from, so that every message points at what an author edits
 * rather than at generated HTML: `content/docs/a/b.mdx` and `content/docs/a/b/index.mdx` are
 * both served at `/a/b/`, and `content/docs/index.mdx` at `/`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SitePath } from '../site-path.ts';

/** Whether a file is a page source: Markdown or MDX, as Astro's docs collections load them. */
export function isPageSource(file: string): boolean {
  return file.endsWith('.mdx') || file.endsWith('.md');
}

/** The site path a page source (relative to the project root) is served at, or undefined for other files. */
export function sitePathOfSource(file: string, contentDir: string): SitePath | undefined {
  const dir = contentDir.replace(/\/+$/, '') + '/';
  if (!file.startsWith(dir) || !isPageSource(file)) return undefined;
  const extension = file.endsWith('.mdx') ? '.mdx' : '.md';
  const slug = file.slice(dir.length, -extension.length).replace(/(^|\/)index$/, '');
  return (slug === '' ? '/' : `/${slug}/`) as SitePath;
}

/** Site path to source file for every page source in `files`; the first of two spellings wins. */
export function sourceFileMap(files: readonly string[], contentDir: string): Map<SitePath, string> {
  const map = new Map<SitePath, string>();
  for (const file of [...files].sort()) {
    const path = sitePathOfSource(file, contentDir);
    if (path !== undefined && !map.has(path)) map.set(path, file);
  }
  return map;
}

/** Every page source under `contentDir`, relative to `projectRoot` and `/`-separated. */
export function listSourceFiles(projectRoot: string, contentDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(projectRoot, contentDir), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .map((name) => `${contentDir.replace(/\/+$/, '')}/${name.split('\\').join('/')}`)
    .filter(isPageSource)
    .sort();
}
