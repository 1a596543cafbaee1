/**
 * Reads every page's source: from the working tree, or as it was at a git revision (one `git`
 * process for all files, whatever the size of the site).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitePath } from '../site-path.ts';
import type { PageAnchors } from '../site/anchor-index.ts';
import { isPageSource, listSourceFiles, sitePathOfSource } from '../site/source-files.ts';
import { parsePageSource, type PageSource, type SourceSyntax } from './page-source.ts';

/** Every page source in the working tree, parsed. */
export function readSources(
  projectRoot: string,
  contentDir: string,
  syntax?: SourceSyntax,
): PageSource[] {
  return listSourceFiles(projectRoot, contentDir).map((file) =>
    parsePageSource(
      file,
      sitePathOfSource(file, contentDir)!,
      readFileSync(join(projectRoot, file), 'utf8'),
      syntax,
    ),
  );
}

/** The page sources at `revision`, or why they cannot be read (not a git checkout, unknown revision). */
export function readSourcesAt(
  projectRoot: string,
  contentDir: string,
  revision: string,
  syntax?: SourceSyntax,
): { pages: PageSource[] } | { unavailable: string } {
  const git = (args: string[], input?: string) =>
    spawnSync('git', ['-C', projectRoot, ...args], { input, maxBuffer: 1 << 30 });
  const commit = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (commit.error !== undefined || commit.status !== 0) {
    return {
      unavailable:
        commit.error !== undefined
          ? `git is not available (${commit.error.message})`
          : `"${revision}" is not a commit of this repository`,
    };
  }
  const listed = git(['ls-tree', '-r', '-z', '--name-only', revision, '--', contentDir]);
  if (listed.status !== 0) return { unavailable: listed.stderr.toString().trim() };
  const files = listed.stdout.toString().split('\0').filter(isPageSource).sort();
  if (files.length === 0) return { pages: [] };
  const batch = git(['cat-file', '--batch'], files.map((file) => `${revision}:${file}\n`).join(''));
  if (batch.status !== 0) return { unavailable: batch.stderr.toString().trim() };
  const pages: PageSource[] = [];
  let at = 0;
  const output = batch.stdout;
  for (const file of files) {
    const headerEnd = output.indexOf(10, at);
    const size = Number(output.subarray(at, headerEnd).toString().split(' ')[2]);
    const text = output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8');
    at = headerEnd + 1 + size + 1;
    try {
      pages.push(parsePageSource(file, sitePathOfSource(file, contentDir)!, text, syntax));
    } catch {
      // A page that did not parse then was never published in that form.
    }
  }
  return { pages };
}

/** The id the layout gives every page's title. */
const PAGE_TITLE_ID = '_top';

/** The sources as an anchor index: what the built pages will hold (content ids and headings). */
export function sourceIndex(pages: readonly PageSource[]): Map<SitePath, PageAnchors> {
  const index = new Map<SitePath, PageAnchors>();
  for (const page of pages) {
    index.set(page.path, {
      path: page.path,
      ids: new Set([PAGE_TITLE_ID, ...page.ids]),
      headings: [
        { id: PAGE_TITLE_ID, level: 1, text: page.title },
        ...page.sections.map((section) => ({
          id: section.id,
          level: section.level,
          text: section.heading,
          section: section.text,
        })),
      ],
    });
  }
  return index;
}
