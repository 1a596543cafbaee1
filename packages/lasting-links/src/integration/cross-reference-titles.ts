/**
 * Build glue for empty-text cross-references: each page's empty links get their target's title
 * (see `lib/cross-references.ts`); a link whose target does not exist becomes a problem at the
 * line of the page's MDX source where it was written. The render fills the links whose target is
 * a page source; these are the rest: links written in `.astro` pages, and links to an old address,
 * whose title is that of where the build's one redirect plan lands them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import { decodeUrlPath, withBase, withoutBase, type SitePath } from '../lib/site-path.ts';
import { displayUrl } from '../lib/links/classify-url.ts';
import { decodeFragment } from '../lib/html/page-collectors.ts';
import type { Insertion } from '../lib/html/splice.ts';
import type { AnchorIndex } from '../lib/site/anchor-index.ts';
import type { RedirectPlan } from '../lib/redirects/follow.ts';
import type { BuiltSite } from '../lib/site/built-site.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { crossReferenceTitle, fillEmptyLinks } from '../lib/cross-references.ts';
import { findWrittenUrl } from '../lib/links/source-map.ts';
import { properNounsOf } from '../lib/lint/terms.ts';

/** The title insertions per page, and a problem for each cross-reference with nothing to show. */
export async function crossReferenceInsertions(
  site: BuiltSite,
  { index, plan }: { index: AnchorIndex; plan: RedirectPlan },
  settings: SiteSettings,
  sourceFiles: ReadonlyMap<SitePath, string>,
): Promise<{ edits: Map<SitePath, Insertion[]>; problems: Problem[] }> {
  const edits = new Map<SitePath, Insertion[]>();
  const problems: Problem[] = [];
  const properNouns = properNounsOf(settings.projectRoot, settings.termsFile);
  for (const page of site.pages.values()) {
    const emptyLinks = page.editPoints?.emptyLinks ?? [];
    if (emptyLinks.length === 0) continue;
    const { insertions, unresolved } = fillEmptyLinks(
      emptyLinks,
      (href) => crossReferenceTitle(href, page.path, settings.base, index, plan),
      properNouns,
    );
    if (insertions.length > 0) edits.set(page.path, insertions);
    const sourceFile = sourceFiles.get(page.path);
    const sourceText =
      unresolved.length > 0 && sourceFile !== undefined
        ? await readFile(join(settings.projectRoot, sourceFile), 'utf8')
        : undefined;
    for (const link of unresolved) {
      const written = withoutBase(link.href, settings.base) ?? link.href;
      const resolved = new URL(
        link.href,
        `https://site.invalid${withBase(page.path, settings.base)}`,
      );
      const targetPath = withoutBase(decodeUrlPath(resolved.pathname), settings.base);
      const at = sourceText === undefined ? undefined : findWrittenUrl(sourceText, written)[0];
      problems.push({
        severity: 'error',
        code: 'cross-reference',
        message: `the cross-reference [](${written}) has no text and its target does not exist, so there is no title to show`,
        fix: 'point it at an existing page or heading, or write the link text',
        ...(sourceFile === undefined ? {} : { at: { file: sourceFile, ...(at ?? {}) } }),
        page: page.path,
        url: link.href,
        ...(targetPath === undefined
          ? {}
          : {
              target: displayUrl(
                targetPath,
                resolved.hash === '' ? null : decodeFragment(resolved.hash.slice(1)),
              ),
            }),
        output: { file: page.file, line: link.line, column: link.column },
      });
    }
  }
  return { edits, problems };
}
