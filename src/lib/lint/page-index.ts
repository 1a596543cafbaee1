/**
 * What each content page offers as a link target: its title and its heading ids, computed the
 * way the build computes them (GitHub's slugger over each heading's text, in page order), so
 * that the lint can tell whether an empty-text cross-reference will get a title.
 */
import { relative, resolve } from 'node:path';
import Slugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { frontMatterTexts } from './front-matter.ts';
import { parseMdx } from './parser.ts';
import type { LintSource } from './types.ts';

/** A page's link targets. */
export interface PageTargets {
  /** The front matter title: the text an empty link to the page itself gets. */
  title: string | undefined;
  /** Heading ids in page order, each with its heading's text. */
  headings: { id: string; text: string }[];
}

/** Content pages by site path (`/a/b/`). */
export type PageIndex = Map<string, PageTargets>;

/**
 * The site path a content file is served at (`content/docs/a/b.mdx` and
 * `content/docs/a/b/index.mdx` are both `/a/b/`), or `undefined` outside the content directory.
 */
function sitePathOf(file: string, contentDir: string): string | undefined {
  const dir = contentDir.replace(/\/+$/, '') + '/';
  const normal = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!normal.startsWith(dir) || !/\.mdx?$/.test(normal)) return undefined;
  const slug = normal
    .slice(dir.length)
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)index$/, '');
  return slug === '' ? '/' : `/${slug}/`;
}

/** A parsed page's title and headings. */
export function pageTargets(tree: Root): PageTargets {
  const slugger = new Slugger();
  const headings: PageTargets['headings'] = [];
  visit(tree, 'heading', (heading) => {
    const text = toString(heading);
    headings.push({ id: slugger.slug(text), text });
  });
  return { title: frontMatterTexts(tree).title?.text, headings };
}

/**
 * Indexes the given content pages. A page that does not parse is left out: its own lint run
 * reports the syntax error, and links to it are reported as unknown until it is fixed.
 */
export function buildPageIndex(sources: LintSource[], contentDir: string): PageIndex {
  const index: PageIndex = new Map();
  for (const source of sources) {
    const path = sitePathOf(source.path, contentDir);
    if (path === undefined) continue;
    let tree: Root;
    try {
      tree = parseMdx(source.contents);
    } catch {
      continue;
    }
    index.set(path, pageTargets(tree));
  }
  return index;
}

/** The site path of the file being linted (`file.path` may be absolute, as in editors). */
export function fileSitePath(
  file: { path?: string; cwd: string },
  contentDir: string,
): string | undefined {
  if (file.path === undefined) return undefined;
  return sitePathOf(relative(file.cwd, resolve(file.cwd, file.path)), contentDir);
}
