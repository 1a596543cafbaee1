import type { TestInfo } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuiltSite } from '../../../packages/lasting-links/src/lib/site/read-site.ts';
import type { BuiltPage } from '../../../packages/lasting-links/src/lib/site/built-site.ts';
import { sitePathOfFile } from '../../../packages/lasting-links/src/lib/site/output-paths.ts';
import { parseBase, type Base } from '../../../packages/lasting-links/src/lib/site-path.ts';

/** The base the current project's site was built with: `/` or `/pr-123/`. */
export function projectBase(testInfo: TestInfo): Base {
  return parseBase(String(testInfo.project.metadata['base'] ?? '/'));
}

/** The output directory the current project serves: `dist` or `dist-pr`. */
export function projectDistDir(testInfo: TestInfo): string {
  return String(testInfo.project.metadata['distDir'] ?? 'dist');
}

/** The absolute URL of a site path (`/a/b/#c`) under the project's base URL. */
export function sitePathToUrl(baseURL: string, sitePath: string): string {
  return new URL(sitePath.replace(/^\//, ''), baseURL).href;
}

/** Every HTML page of the project's build, with its HTML, read once per worker. */
const cache = new Map<string, Promise<BuiltPage[]>>();
export function builtPages(testInfo: TestInfo): Promise<Array<BuiltPage & { html: string }>> {
  const dir = projectDistDir(testInfo);
  if (!cache.has(dir))
    cache.set(
      dir,
      readBuiltSite(dir, { keepHtml: true }).then((site) => [...site.pages.values()]),
    );
  return cache.get(dir)! as Promise<Array<BuiltPage & { html: string }>>;
}

/**
 * Site paths of the content pages in a build (not the 404 page, not redirect stubs), read
 * synchronously because Playwright declares one test per page before any test runs.
 */
export function contentPagePaths(distDir = 'dist'): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .filter(
      (file) =>
        !/<meta name="robots" content="noindex"/.test(readFileSync(join(distDir, file), 'utf8')),
    )
    .map((file) => sitePathOfFile(file))
    .sort();
}
