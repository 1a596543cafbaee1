/**
 * Where each path that answered 404 should land, tried in the order of how much is known:
 *
 * 1. The redirect map already sends it somewhere: not a proposal (the host has not deployed the
 *    map, or serves it elsewhere; that is a deployment question, not a map edit).
 * 2. Its Sphinx-era name: `/a/b/c.html` was the page now at `/a/b/c/` (as `import-sphinx`
 *    reads old addresses), live or redirected by the map.
 * 3. The anchors lock published it: `moves` finds where its text went, as for any moved page.
 * 4. Its words against the current pages' titles and section headings, and against the map's
 *    former names; and where the map sends its anchors, when it has entries for them.
 *
 * Proposals at or above `CONFIDENT` with a clear lead are written by `--write`; anything else is
 * a question with the three best candidates, written only when answered (`--choose OLD=NEW`).
 */
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { RedirectPlan } from '../redirects/follow.ts';
import { landingEverywhere } from '../redirects/follow.ts';
import {
  displayTarget,
  parseSiteLocation,
  type RedirectTarget,
  type SiteLocation,
} from '../redirects/locations.ts';
import { readSphinxKey } from '../redirects/sphinx-addresses.ts';
import type { CurrentSite } from '../moves/find-moves.ts';
import { findPageMoves } from '../moves/find-moves.ts';
import type { PublishedPage } from '../moves/published.ts';
import type { SitePath } from '../site-path.ts';
import { rankByWords } from './rank-by-words.ts';
import { anchorsLanding, rankByFormerNames, type FormerName } from './map-history.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';

/** A proposal is written without asking at this confidence or above (stated in the README). */
export const CONFIDENT = 0.75;
/** …and only when the next candidate is this far behind; closer, the writer decides. */
const LEAD = 0.1;

/** A candidate home. */
export interface Candidate {
  to: RedirectTarget;
  confidence: number;
  reason: string;
}

/** What is proposed for one 404 path. */
export type Proposal =
  /** The map already covers it. */
  | { kind: 'covered'; from: SiteLocation; to: RedirectTarget }
  /** Confident: written by `--write`. */
  | {
      kind: 'proposed';
      from: SiteLocation;
      to: RedirectTarget;
      confidence: number;
      reason: string;
      candidates: Candidate[];
    }
  /** Not confident: a question for the writer. */
  | {
      kind: 'question';
      from: SiteLocation;
      confidence: number;
      reason: string;
      candidates: Candidate[];
    }
  /** No address the map can hold (a path that is neither a page nor an `.html` file once read). */
  | { kind: 'unusable'; reason: string };

/** What a proposal is made against. */
export interface ProposalContext {
  site: CurrentSite;
  /** The redirect map as planned against the site. */
  plan: RedirectPlan;
  /** Every page the anchors lock (and the sources at the compared revision) published. */
  published: readonly PublishedPage[];
  /** The map's entries, and the former names of pages they hold (`formerNames`). */
  entries: readonly RedirectEntry[];
  formerNames: readonly FormerName[];
}

/**
 * The map address a logged path stands for: the path itself when the map can hold it (`/a/b/`,
 * `/a/b.html`), else the page it names (`/a/b` is served as `/a/b/`).
 */
export function mapAddress(loggedPath: string): SiteLocation | string {
  const spelled =
    loggedPath.endsWith('/') || /\.html?$/i.test(loggedPath) ? loggedPath : `${loggedPath}/`;
  const parsed = parseSiteLocation(spelled);
  return parsed.ok ? parsed.value : parsed.reason;
}

/** The proposal for one path that answered 404 (`loggedPath` as the log wrote it). */
export function proposeHome(loggedPath: string, context: ProposalContext): Proposal {
  const from = mapAddress(loggedPath);
  if (typeof from === 'string') return { kind: 'unusable', reason: from };
  const { site, plan } = context;
  const lands = (path: SitePath) => landingEverywhere(plan, site.index, { path, fragment: null });

  const covered = lands(from.path);
  if (covered !== undefined) return { kind: 'covered', from, to: covered };

  // 2. The Sphinx-era name of the page.
  const sphinx = readSphinxKey(from.path);
  const page = sphinx.ok ? sphinx.value.page : undefined;
  if (page !== undefined && page !== from.path) {
    const landing = lands(page);
    if (landing !== undefined) {
      const live = site.index.has(page) && displayTarget(landing) === page;
      const reason = live
        ? `the Sphinx-era address of ${page}`
        : `the Sphinx-era address of ${page}, which the map sends to ${displayTarget(landing)}`;
      const confidence = live ? 1 : 0.95;
      return {
        kind: 'proposed',
        from,
        to: landing,
        confidence,
        reason,
        candidates: [{ to: landing, confidence, reason }],
      };
    }
  }

  // 3. A page the lock published: its text says where it went.
  const locked = context.published.find((item) => item.path === from.path || item.path === page);
  if (locked !== undefined) {
    const found = findPageMoves([locked], site, plan);
    const move = found.moves[0];
    if (move !== undefined) {
      const to: RedirectTarget = { kind: 'site', path: move.to, fragment: null };
      const reason = `the anchors lock published ${locked.path}: ${move.reason}`;
      return {
        kind: 'proposed',
        from,
        to,
        confidence: Math.max(move.confidence, CONFIDENT),
        reason,
        candidates: [{ to, confidence: move.confidence, reason }],
      };
    }
    const question = found.questions[0];
    if (question !== undefined && question.choices.length > 0) {
      return {
        kind: 'question',
        from,
        confidence: question.choices[0]!.confidence,
        reason: `the anchors lock published ${locked.path}, but ${question.reason}`,
        candidates: question.choices.map((choice) => ({
          to: { kind: 'site', ...choice.to },
          confidence: choice.confidence,
          reason: choice.reason,
        })),
      };
    }
  }

  // 4. Its words, its former names' words, where the map sends its anchors: the best per page.
  const found: Candidate[] = [
    ...rankByWords(from.path, site.candidates).map((match) => ({
      to: { kind: 'site' as const, ...match.to },
      confidence: match.score,
      reason: match.reason,
    })),
    ...rankByFormerNames(from.path, context.formerNames).map((match) => ({
      to: match.to,
      confidence: match.score,
      reason: match.reason,
    })),
  ];
  for (const path of new Set([from.path, page ?? from.path])) {
    const anchors = anchorsLanding(path, context.entries, plan, site.index);
    if (anchors !== undefined)
      found.push({
        to: anchors.to,
        confidence: 0.95 * (anchors.agree / anchors.of),
        reason: `the map sends ${anchors.agree} of the ${anchors.of} anchors of ${path} there`,
      });
  }
  const candidates = bestPerPage(found).slice(0, 3);
  const [best, second] = candidates;
  if (best === undefined)
    return {
      kind: 'question',
      from,
      confidence: 0,
      reason: 'its path has no words to match',
      candidates,
    };
  const clear = second === undefined || best.confidence - second.confidence >= LEAD;
  if (best.confidence >= CONFIDENT && clear)
    return {
      kind: 'proposed',
      from,
      to: best.to,
      confidence: best.confidence,
      reason: best.reason,
      candidates,
    };
  return {
    kind: 'question',
    from,
    confidence: best.confidence,
    reason: clear
      ? `its words match at most ${Math.round(best.confidence * 100)}%, under the ${Math.round(CONFIDENT * 100)}% a proposal needs`
      : `its words match ${candidates.length > 1 ? `"${displayTarget(best.to)}" and "${displayTarget(second.to)}"` : 'several places'} about equally`,
    candidates,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The best candidate of each page, best first, confidences rounded as they are shown. */
function bestPerPage(found: readonly Candidate[]): Candidate[] {
  const pageOf = (target: RedirectTarget) =>
    target.kind === 'site' ? target.path : target.url.split('#')[0]!;
  const best = new Map<string, Candidate>();
  for (const candidate of found) {
    const seen = best.get(pageOf(candidate.to));
    if (seen === undefined || candidate.confidence > seen.confidence)
      best.set(pageOf(candidate.to), candidate);
  }
  return [...best.values()]
    .sort((a, b) => b.confidence - a.confidence)
    .map((candidate) => ({ ...candidate, confidence: round(candidate.confidence) }));
}

/** Whether an answer `--choose OLD=NEW` may be written: NEW must land on content now. */
export function landsNow(target: RedirectTarget, index: AnchorIndex): boolean {
  if (target.kind === 'external') return true;
  const page = index.get(target.path);
  return page !== undefined && (target.fragment === null || page.ids.has(target.fragment));
}
