/**
 * What rendering knows about the whole site: the pages' sources as an anchor index, the terms
 * file's names, and in dev the redirect map planned against the sources. Shared by the
 * cross-reference plugin and dev's marks on the pages written in `.astro`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import type { AnchorIndex } from '../lib/site/anchor-index.ts';
import { listSourceFiles } from '../lib/site/source-files.ts';
import { readSources, sourceIndex } from '../lib/sources/read-sources.ts';
import type { PageSource } from '../lib/sources/page-source.ts';
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { planRedirects } from '../lib/redirects/plan-redirects.ts';
import type { RedirectPlan } from '../lib/redirects/follow.ts';
import { properNounsOf } from '../lib/lint/terms.ts';
import { readTextIfReadable } from '../lib/files.ts';

/** What rendering, and dev's marks, need to know about the whole site. */
export interface SiteContext {
  index: AnchorIndex;
  /**
   * The redirect map's plan, in dev only, where the render is the only step: it follows old
   * addresses to warn about them and to title links to them. A build plans the map once, against
   * the HTML, after rendering (post-build.ts), and titles the links to old addresses there.
   */
  plan: RedirectPlan | undefined;
  properNouns: readonly string[];
}

/**
 * Loads the site's sources, terms and (in dev, `watch`) map, again only when a source file
 * changed. A build gives the outlines of its one pass over the sources; dev reads them itself,
 * as they are edited.
 */
export function siteContextLoader(
  settings: SiteSettings,
  watch: boolean,
  outlines: readonly PageSource[] | undefined,
): () => SiteContext {
  let cached: { signature: string; context: SiteContext; checkedAt: number } | undefined;
  const signature = () =>
    [
      ...listSourceFiles(settings.projectRoot, settings.contentDir),
      settings.redirectsFile,
      ...(settings.termsFile === undefined ? [] : [settings.termsFile]),
    ]
      .map((file) => {
        try {
          return `${file}:${statSync(join(settings.projectRoot, file)).mtimeMs}`;
        } catch {
          return file;
        }
      })
      .join('\n');
  return () => {
    if (cached !== undefined && (!watch || Date.now() - cached.checkedAt < 300))
      return cached.context;
    const now = signature();
    if (cached !== undefined && cached.signature === now) {
      cached.checkedAt = Date.now();
      return cached.context;
    }
    const index = sourceIndex(
      outlines ?? readSources(settings.projectRoot, settings.contentDir, settings.syntax),
    );
    const plan = watch ? devPlan(settings, index) : undefined;
    const properNouns = properNounsOf(settings.projectRoot, settings.termsFile);
    cached = { signature: now, context: { index, plan, properNouns }, checkedAt: Date.now() };
    return cached.context;
  };
}

/** The redirect map planned against the sources, as dev sees them. */
function devPlan(settings: SiteSettings, index: AnchorIndex): RedirectPlan {
  const mapText = readTextIfReadable(join(settings.projectRoot, settings.redirectsFile)) ?? '';
  const entries = parseRedirectMap(mapText, settings.redirectsFile, settings.redirectHosts).entries;
  return planRedirects(entries, index, settings.redirectsFile).plan;
}
