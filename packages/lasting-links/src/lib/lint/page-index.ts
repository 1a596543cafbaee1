/**
 * What each content page offers as a link target: its title and its heading ids, exactly as
 * the build gives them, so that the lint can tell whether an empty-text cross-reference will
 * get a title.
 */
import { relative, resolve } from 'node:path';
import { parsePageSource, type PageSource, type SourceSyntax } from '../sources/page-source.ts';
import type { SitePath } from '../site-path.ts';
import type { LintSource, PageIndex, PageTargets } from './types.ts';
import { sitePathOfSource } from '../site/source-files.ts';

/** The site path of a linted file, which may be written `./content/docs/a.mdx` or with `\\`. */
function sitePathOfLinted(file: string, contentDir: string): SitePath | undefined {
  return sitePathOfSource(file.replace(/\\/g, '/').replace(/^\.\//, ''), contentDir);
}

/**
 * A page's title and headings, read by the same reader the build and `moves` use
 * (`lib/sources/page-source.ts`: Sätteri, `{#id}` attributes, the build's fallback ids), so
 * the lint's idea of an id never differs from the built page's. `undefined` when the page
 * does not parse: its own lint run reports the syntax error.
 */
export function pageTargets(
  file: string,
  contents: string,
  syntax?: SourceSyntax,
): PageTargets | undefined {
  try {
    return targetsOf(parsePageSource(file, '/' as SitePath, contents, syntax));
  } catch {
    return undefined;
  }
}

/** A parsed page's title and headings as link targets. */
function targetsOf(page: PageSource): PageTargets {
  return {
    title: page.title === '' ? undefined : page.title,
    headings: page.sections.map((section) => ({ id: section.id, text: section.heading })),
  };
}

/**
 * Indexes the given content pages. A page that does not parse is left out, and links to it
 * are reported as unknown until it is fixed.
 */
export function buildPageIndex(
  sources: LintSource[],
  contentDir: string,
  syntax?: SourceSyntax,
): PageIndex {
  const index: PageIndex = new Map();
  for (const source of sources) {
    const path = sitePathOfLinted(source.path, contentDir);
    const targets =
      path === undefined
        ? undefined
        : source.outline !== undefined
          ? targetsOf(source.outline)
          : pageTargets(source.path, source.contents, syntax);
    if (path !== undefined && targets !== undefined) index.set(path, targets);
  }
  return index;
}

/** The site path of the file being linted (`file.path` may be absolute, as in editors). */
export function fileSitePath(
  file: { path?: string; cwd: string },
  contentDir: string,
): string | undefined {
  if (file.path === undefined) return undefined;
  return sitePathOfLinted(relative(file.cwd, resolve(file.cwd, file.path)), contentDir);
}
