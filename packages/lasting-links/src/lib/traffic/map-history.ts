/**
 * What the redirect map already knows about old addresses, beyond the entries themselves:
 *
 * - The anchors of a page it moved: a page whose `#anchors` have entries but which has none of
 *   its own lands where most of its anchors went (as `import-sphinx` infers a page's default).
 * - Former names: every `from` is a name a current page once had. An old address whose words
 *   are close to a former name, in the same old folder, probably went the same way: the old
 *   `/install/install-debian-mysql.html` goes where `/install/install-debian-postgresql.html` went.
 */
import type { AnchorIndex } from '../site/anchor-index.ts';
import { landingEverywhere, type RedirectPlan } from '../redirects/follow.ts';
import { displayTarget, sameTarget, type RedirectTarget } from '../redirects/locations.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';
import { mostCommonPage } from '../redirects/sphinx-defaults.ts';
import type { SitePath } from '../site-path.ts';
import { nameOf, nameSimilarity, oldPathName, type Name } from './rank-by-words.ts';

/** Where the map's entries for the anchors of `path` lead, and how many of them agree. */
export function anchorsLanding(
  path: SitePath,
  entries: readonly RedirectEntry[],
  plan: RedirectPlan,
  index: AnchorIndex,
): { to: RedirectTarget; agree: number; of: number } | undefined {
  // Each entry's own target, followed: a map with anchors but no page entry is one the build
  // refuses, and its planned redirects leave those entries out.
  const targets = entries
    .filter((entry) => entry.from.path === path && entry.from.fragment !== null)
    .flatMap((entry) => {
      const landing =
        entry.to.kind === 'external' ? entry.to : landingEverywhere(plan, index, entry.to);
      return landing === undefined ? [] : [landing];
    });
  if (targets.length === 0) return undefined;
  const to = mostCommonPage(targets);
  const agree = targets.filter((target) => sameTarget(mostCommonPage([target]), to)).length;
  return { to, agree, of: targets.length };
}

/** A former name of a current page, from the map. */
export interface FormerName {
  from: string;
  name: Name;
  folders: string;
  to: RedirectTarget;
}

/** The former names of the map's page entries (no fragment), with where each lands now. */
export function formerNames(
  entries: readonly RedirectEntry[],
  plan: RedirectPlan,
  index: AnchorIndex,
): FormerName[] {
  return entries.flatMap((entry) => {
    if (entry.from.fragment !== null) return [];
    const to = landingEverywhere(plan, index, entry.from);
    const { name, folders } = oldPathName(entry.from.path);
    if (to === undefined || name === '') return [];
    return [{ from: entry.from.path, name: nameOf(name), folders: folders.join(' '), to }];
  });
}

/** A former name is only a hint: even the same words in the same folder are not the page's own title. */
const AS_STRONG_AS = 0.9;

/** The `limit` best targets by former names, one per target, best first. */
export function rankByFormerNames(
  oldPath: string,
  names: readonly FormerName[],
  limit = 3,
): Array<{ to: RedirectTarget; score: number; reason: string }> {
  const { name, folders } = oldPathName(oldPath);
  if (name === '') return [];
  const named = nameOf(name);
  const folderText = folders.join(' ');
  const scored = names
    .map((former) => {
      const alike = nameSimilarity(named, former.name);
      // Another folder of the old site is another part of the docs: half the weight.
      const score = alike * AS_STRONG_AS * (former.folders === folderText ? 1 : 0.5);
      return { former, score };
    })
    .sort((a, b) => b.score - a.score);
  const best: Array<{ to: RedirectTarget; score: number; reason: string }> = [];
  for (const { former, score } of scored) {
    if (best.some((item) => sameTarget(item.to, former.to))) continue;
    best.push({
      to: former.to,
      score,
      reason: `its words "${name}" against ${former.from}, which the map sends to ${displayTarget(former.to)}`,
    });
    if (best.length === limit) break;
  }
  return best;
}
