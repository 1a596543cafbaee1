/** Small sites written as MDX, for the `moves` tests: parsed exactly as `npm run moves` parses pages. */
import type { SitePath } from '../../../src/lib/site-path.ts';
import {
  parsePageSource,
  type PageSource,
  type SourceSyntax,
} from '../../../src/lib/sources/page-source.ts';
import { sourceIndex } from '../../../src/lib/sources/read-sources.ts';
import { currentCandidates } from '../../../src/lib/moves/candidates.ts';
import type { CurrentSite } from '../../../src/lib/moves/find-moves.ts';
import {
  mergePublished,
  publishedFromLock,
  publishedFromOutlines,
  type PublishedPage,
} from '../../../src/lib/moves/published.ts';
import { refreshLock } from '../../../src/lib/moves/refresh-lock.ts';
import { planMoves, type MovesPlan } from '../../../src/lib/moves/plan-moves.ts';
import { parseRedirectMap } from '../../../src/lib/redirects/redirect-map.ts';

/** Pages by site path, as MDX. */
export type MdxSite = Record<string, string>;

/** A page of MDX with a title and the given body. */
export const mdx = (title: string, body: string) =>
  `---\ntitle: ${title}\ndescription: d\n---\n${body}\n`;

/** Parses every page as `content/docs/<path>.mdx`, written with `syntax` (the defaults when absent). */
export function pagesOf(site: MdxSite, syntax?: SourceSyntax): PageSource[] {
  return Object.entries(site).map(([path, text]) => {
    const slug = path.replace(/^\/|\/$/g, '');
    return parsePageSource(
      `content/docs/${slug === '' ? 'index' : slug}.mdx`,
      path as SitePath,
      text,
      syntax,
    );
  });
}

/** The current site as `moves` sees it. */
export function currentSite(site: MdxSite): CurrentSite {
  const pages = pagesOf(site);
  return { index: sourceIndex(pages), candidates: currentCandidates(pages) };
}

/**
 * What was published, as `moves` reads it: from the lock made of `before` (fingerprints only),
 * or from both the lock and `before`'s sources (exact text).
 */
export function publishedOf(
  before: MdxSite,
  record: 'lock' | 'lock-and-sources',
  syntax?: SourceSyntax,
): PublishedPage[] {
  const pages = pagesOf(before, syntax);
  const lock = refreshLock({ pages: [] }, pages).lock;
  return record === 'lock'
    ? publishedFromLock(lock)
    : mergePublished(publishedFromLock(lock), publishedFromOutlines(pages));
}

/** Runs the whole analysis from `before` to `after`, with an optional map already in place. */
export function movesBetween(
  before: MdxSite,
  after: MdxSite,
  record: 'lock' | 'lock-and-sources' = 'lock-and-sources',
  map = '',
): MovesPlan {
  const entries = parseRedirectMap(map, 'redirects.yaml', []).entries;
  return planMoves({
    published: publishedOf(before, record),
    site: currentSite(after),
    entries,
    mapFile: 'redirects.yaml',
  });
}

/** Repeats a sentence-like text so that a section has enough words to be recognised. */
export function prose(topic: string, words = 60): string {
  const vocabulary = topic.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(`${vocabulary[i % vocabulary.length]}${i % 7}`);
  return out.join(' ') + '.';
}
