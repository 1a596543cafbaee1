import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fillEmptyLinks } from '../lib/cross-references.ts';
import { withoutBase } from '../lib/base-path.ts';
import { findWrittenUrl } from '../lib/links/source-map.ts';
import type { AnchorIndex, SitePath } from '../lib/types.ts';
import type { BuiltPage } from './built-site.ts';

/**
 * Gives every empty-text cross-reference its target's title: the heading's text for
 * `/page/#id`, the page's h1 for `/page/`. A cross-reference to a target that does not exist is
 * returned as a problem naming the MDX file.
 */
export async function fillCrossReferences(
  pages: BuiltPage[],
  index: AnchorIndex,
  base: string,
  sourceFileOf: (path: SitePath) => string | undefined,
  projectRoot: string,
): Promise<string[]> {
  const titleFor = (from: SitePath) => (href: string) => {
    const url = new URL(href, `https://site.invalid${base}${from.slice(1)}`);
    if (url.origin !== 'https://site.invalid') return undefined;
    const path = withoutBase(url.pathname, base);
    const page = path === undefined ? undefined : index.get(path);
    const id = decodeURIComponent(url.hash.slice(1));
    return page?.headings.find((h) => (id ? h.id === id : h.level === 1))?.text;
  };
  /** `file:line:column` of the link in the page's MDX source, or as near to it as is known. */
  const whereWritten = async (path: SitePath, href: string): Promise<string> => {
    const file = sourceFileOf(path);
    if (!file) return path;
    const written = withoutBase(href, base) ?? href;
    const at = findWrittenUrl(await readFile(join(projectRoot, file), 'utf8'), written)[0];
    return at ? `${file}:${at.line}:${at.column}` : file;
  };
  const problems: string[] = [];
  for (const page of pages) {
    const { html, unresolved } = fillEmptyLinks(page.html, titleFor(page.path));
    for (const link of unresolved) {
      problems.push(
        `${await whereWritten(page.path, link.href)}: the cross-reference [](${link.href}) has no text and its target does not exist, so its title cannot be filled in. Point it at an existing page or heading, or give the link text.`,
      );
    }
    if (html !== page.html) {
      page.html = html;
      await writeFile(page.file, html);
    }
  }
  return problems;
}
