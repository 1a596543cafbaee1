/**
 * Proves the lock: every URL and anchor ever published must still land on real content, on a
 * plain static host and on one that answers page moves with 301s. For each one that does not,
 * the problem names the `URL#anchor`, the file that defined it, its most likely new home and
 * the exact YAML entry to add to the redirect map.
 */
import { distance } from 'fastest-levenshtein';
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem } from '../problems/problem.ts';
import { landingEverywhere, type RedirectPlan } from '../redirects/follow.ts';
import type { SiteLocation } from '../redirects/locations.ts';
import type { AnchorsLock, LockedPage } from './lock-file.ts';
import { normalizeText, suggestNewHome } from './suggest-home.ts';

/** Files named in messages, and how to find a live page's source. */
export interface LockContext {
  lockFile: string;
  mapFile: string;
  sourceFileOf: (path: SitePath) => string | undefined;
}

/** The page a visit ends on in every host mode (undefined when it does not land, '' when it leaves the site). */
function landing(
  plan: RedirectPlan,
  index: AnchorIndex,
  location: SiteLocation,
): SitePath | '' | undefined {
  const target = landingEverywhere(plan, index, location);
  return target === undefined ? undefined : target.kind === 'site' ? target.path : '';
}

/** Every locked URL or anchor that no longer resolves, one problem per locked page. */
export function compareLock(
  lock: AnchorsLock,
  index: AnchorIndex,
  plan: RedirectPlan,
  context: LockContext,
): Problem[] {
  const problems: Problem[] = [];
  for (const page of lock.pages) {
    const pageLanding = landing(plan, index, { path: page.url, fragment: null });
    const source = context.sourceFileOf(page.url) ?? (page.source || context.lockFile);
    const lost = page.anchors.filter(
      (anchor) => landing(plan, index, { path: page.url, fragment: anchor.id }) === undefined,
    );
    if (pageLanding !== undefined && lost.length === 0) continue;

    const yaml: string[] = [];
    const lines: string[] = [];
    const newPage = pageLanding || likelyNewPage(page, index);
    if (pageLanding === undefined) {
      lines.push(
        `${page.url} no longer resolves (published by ${source})${newPage === undefined ? '' : `; most likely new home: ${newPage}`}`,
      );
      yaml.push(`- from: ${page.url}`, `  to: ${newPage ?? '/where/it/went/'}`);
    }
    for (const anchor of lost) {
      const suggestion = suggestNewHome(anchor, index, newPage);
      const heading = anchor.heading === '' ? '' : ` (heading "${anchor.heading}")`;
      lines.push(
        `${page.url}#${anchor.id}${heading}, defined in ${source}, no longer resolves; ` +
          (suggestion === undefined
            ? 'no similar heading found: choose its new home by hand'
            : `most likely new home: ${suggestion.path}#${suggestion.id}, ${suggestion.reason}`),
      );
      // Anchors that a page default already carries to the right place need no entry.
      yaml.push(
        `- from: ${page.url}#${anchor.id}`,
        `  to: ${suggestion === undefined ? '/where/it/went/#new-anchor' : `${suggestion.path}#${suggestion.id}`}`,
      );
    }
    problems.push({
      severity: 'error',
      code: 'lost-anchor',
      at: { file: context.lockFile },
      message: `published link${lines.length > 1 ? 's' : ''} broken:\n  - ${lines.join('\n  - ')}`,
      fix: `add to ${context.mapFile}:\n${yaml.join('\n')}`,
    });
  }
  return problems;
}

/**
 * Where a vanished page most likely went: the live page holding most of its locked headings,
 * else the page whose title or path is closest to it.
 */
function likelyNewPage(page: LockedPage, index: AnchorIndex): SitePath | undefined {
  const wanted = new Set(
    page.anchors.map((anchor) => normalizeText(anchor.heading)).filter(Boolean),
  );
  let best: { path: SitePath; hits: number } | undefined;
  for (const candidate of index.values()) {
    const hits = candidate.headings.filter((heading) =>
      wanted.has(normalizeText(heading.text)),
    ).length;
    if (hits > 0 && (best === undefined || hits > best.hits)) best = { path: candidate.path, hits };
  }
  if (best !== undefined) return best.path;
  const name = normalizeText(page.title ?? page.url.replace(/\.html?$/, ''));
  let closest: { path: SitePath; cost: number } | undefined;
  for (const candidate of index.values()) {
    const label = normalizeText(
      candidate.headings.find((heading) => heading.level === 1)?.text ?? candidate.path,
    );
    const cost = Math.min(distance(name, label), distance(name, normalizeText(candidate.path)));
    if (closest === undefined || cost < closest.cost) closest = { path: candidate.path, cost };
  }
  return closest?.path;
}
