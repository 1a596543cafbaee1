/**
 * Proves the lock: every URL and anchor ever published must still land on real content, on a
 * plain static host and on one that answers page moves with 301s. Each one that does not is a
 * problem naming it, where its text went (judged by what its section said, from the lock's
 * fingerprints) and the fix; see `lib/moves/lost-anchors.ts`.
 */
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem } from '../problems/problem.ts';
import type { RedirectPlan } from '../redirects/follow.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';
import {
  currentCandidates,
  type CurrentCandidates,
  type PageOutline,
} from '../moves/candidates.ts';
import type { CurrentSite } from '../moves/find-moves.ts';
import { lostAnchorProblems, type LostAnchorContext } from '../moves/lost-anchors.ts';
import { publishedFromLock } from '../moves/published.ts';
import type { AnchorsLock } from './lock-file.ts';

/** Every locked URL or anchor that no longer resolves against the site in `index`. */
export function compareLock(
  lock: AnchorsLock,
  index: AnchorIndex,
  redirects: { plan: RedirectPlan; entries: readonly RedirectEntry[] },
  context: LostAnchorContext,
): Problem[] {
  // Where lost text went is only asked when something is lost; fingerprinting every section of
  // the site up front cost a second per 1,000 pages on every build, nearly always for nothing.
  let candidates: CurrentCandidates | undefined;
  const site: CurrentSite = {
    index,
    get candidates() {
      candidates ??= currentCandidates(outlinesOf(index));
      return candidates;
    },
  };
  return lostAnchorProblems(
    publishedFromLock(lock),
    site,
    redirects.plan,
    redirects.entries,
    context,
  );
}

/** A built page's outline: its title (h1), the prose under it, and its other headings with their prose. */
function outlinesOf(index: AnchorIndex): PageOutline[] {
  return [...index.values()].map((page) => {
    const title = page.headings.find((heading) => heading.level === 1);
    return {
      path: page.path,
      title: title?.text ?? '',
      intro: title?.section ?? '',
      sections: page.headings
        .filter((heading) => heading.level >= 2)
        .map((heading) => ({
          id: heading.id,
          heading: heading.text,
          level: heading.level,
          text: heading.section ?? '',
        })),
    };
  });
}
