/**
 * A build's content pages as blocks (`page-blocks.ts`), for the What-changed comparison: from
 * the pages' HTML when the build kept it in memory (the preview's own build), else read once
 * more from the output folder (a base build, whose scan keeps no HTML).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitePath } from '../site-path.ts';
import type { BuiltSite } from '../site/built-site.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { SiteContent } from './compare-sites.ts';
import { pageBlocks, type Block } from './page-blocks.ts';

/** The blocks of every page of `index` (the site's content pages). */
export function siteContent(site: BuiltSite, index: AnchorIndex): SiteContent {
  const content = new Map<SitePath, Block[]>();
  for (const path of index.keys()) {
    const page = site.pages.get(path);
    if (page === undefined) continue;
    content.set(path, pageBlocks(page.html ?? readFileSync(join(site.dir, page.file), 'utf8')));
  }
  return content;
}
