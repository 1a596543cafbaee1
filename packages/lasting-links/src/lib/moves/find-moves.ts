/**
 * Compares what was published with the site as it is now and finds every page and section
 * that was renamed, moved to another page, split, merged or deleted, by what it says. The
 * result is what `lasting-links moves` proposes: the page and section moves with their confidence and
 * reason, the ids to pin where a rename took over another section's old id, and the questions
 * it could not decide.
 */
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex, PageAnchors } from '../site/anchor-index.ts';
import { landingEverywhere, type RedirectPlan } from '../redirects/follow.ts';
import type { SiteLocation } from '../redirects/locations.ts';
import { containment, type Fingerprint, type Shingles } from './fingerprint.ts';
import { findNewHome, type HomeCandidate, type HomeChoice } from './find-new-home.ts';
import { headingSimilarity, normalizeHeading } from './headings.ts';
import { MIN_SHINGLES } from './identity.ts';
import type { CurrentCandidates } from './candidates.ts';
import type { PublishedPage, PublishedSection } from './published.ts';

/** A page that moved. */
export interface PageMove {
  from: SitePath;
  to: SitePath;
  confidence: number;
  reason: string;
}

/** A section that moved: its old address and its new one (a heading, or a page's top). */
export interface SectionMove {
  from: SiteLocation;
  heading: string;
  to: SiteLocation;
  confidence: number;
  reason: string;
}

/**
 * A heading renamed to words whose id another section published: the renamed heading gets an
 * explicit id (`## Heading {#new-id}`) so the old id can keep leading to the old text.
 */
export interface IdPin {
  path: SitePath;
  heading: string;
  /** The id the heading would get from its words: published before for other text. */
  takenId: string;
  newId: string;
  reason: string;
}

/** What could not be decided, with the best candidates. */
export interface MoveQuestion {
  from: SiteLocation;
  heading: string;
  reason: string;
  choices: Array<{ to: SiteLocation; confidence: number; reason: string }>;
}

/** Everything found. */
export interface FoundMoves {
  pages: PageMove[];
  sections: SectionMove[];
  pins: IdPin[];
  questions: MoveQuestion[];
}

/** The current site: its content pages, and the candidates for new homes. */
export interface CurrentSite {
  index: AnchorIndex;
  candidates: CurrentCandidates;
}

const CLEAR = 0.5;
const PART = 0.25;

/**
 * Pins first: where a heading's new words produce an id that another section published, the
 * renamed heading is given its own published id back (or a fresh one), and the current site is
 * changed to match, so the old id becomes free to redirect. Returns the pins and the adjusted site.
 */
export function findIdPins(
  published: readonly PublishedPage[],
  site: CurrentSite,
): { pins: IdPin[]; site: CurrentSite } {
  const pins: IdPin[] = [];
  let current = site;
  for (const page of published) {
    const live = current.index.get(page.path);
    if (live === undefined) continue;
    for (const section of page.sections) {
      const identity = section.identity;
      if (identity === undefined || identity.text.size < MIN_SHINGLES) continue;
      const here = current.candidates.sections.find(
        (candidate) => candidate.path === page.path && candidate.id === section.id,
      );
      if (here === undefined) continue;
      // Text that went into the section's own subsections (a table split into one block per
      // row) did not leave: a link to the heading still lands just above it.
      const stays = containment(identity.text, here.whole);
      if (stays >= PART) continue;
      const elsewhere = findNewHome(
        { path: page.path, id: section.id, heading: section.heading, identity },
        current.candidates.sections.filter((candidate) => candidate !== here),
        undefined,
      );
      if (elsewhere.kind !== 'found' || elsewhere.confidence < CLEAR || elsewhere.home.id === null)
        continue;
      const newId = pinnedId(page, here, live);
      pins.push({
        path: page.path,
        heading: here.heading,
        takenId: section.id,
        newId,
        reason: `"${here.heading}" would take the id #${section.id}, published for "${section.heading}", whose text is now in "${elsewhere.home.heading}"`,
      });
      current = renameId(current, page.path, section.id, newId);
    }
  }
  return { pins, site: current };
}

/** The id a heading that took another's id gets: its own published id when free, else a numbered one. */
function pinnedId(page: PublishedPage, taker: HomeCandidate, live: PageAnchors): string {
  let best: { id: string; share: number } | undefined;
  for (const section of page.sections) {
    if (section.identity === undefined || live.ids.has(section.id)) continue;
    const share = containment(
      section.identity.text,
      section.identity.scope === 'own' ? taker.own : taker.whole,
    );
    if (share >= CLEAR && (best === undefined || share > best.share))
      best = { id: section.id, share };
  }
  if (best !== undefined) return best.id;
  const used = new Set([...live.ids, ...page.sections.map((section) => section.id)]);
  let n = 2;
  while (used.has(`${taker.id}-${n}`)) n += 1;
  return `${taker.id}-${n}`;
}

function renameId(site: CurrentSite, path: SitePath, from: string, to: string): CurrentSite {
  const index = new Map(site.index);
  const page = index.get(path)!;
  const ids = new Set(page.ids);
  ids.delete(from);
  ids.add(to);
  index.set(path, {
    ...page,
    ids,
    headings: page.headings.map((heading) =>
      heading.id === from ? { ...heading, id: to } : heading,
    ),
  });
  const sections = site.candidates.sections.map((candidate) =>
    candidate.path === path && candidate.id === from ? { ...candidate, id: to } : candidate,
  );
  return { index, candidates: { sections, pageTops: site.candidates.pageTops } };
}

/**
 * Every published page that no longer lands anywhere, and where it went: the page holding the
 * largest share of its text, else the one with most of its headings, else a question.
 */
export function findPageMoves(
  published: readonly PublishedPage[],
  site: CurrentSite,
  plan: RedirectPlan,
): { moves: PageMove[]; questions: MoveQuestion[] } {
  const moves: PageMove[] = [];
  const questions: MoveQuestion[] = [];
  for (const page of published) {
    if (landingEverywhere(plan, site.index, { path: page.path, fragment: null }) !== undefined)
      continue;
    const ranked = rankPages(page, site);
    const [best, second] = ranked;
    const decided =
      best !== undefined &&
      (best.share >= CLEAR ||
        (best.share >= PART && (second === undefined || best.share - second.share >= 0.15)) ||
        best.byHeadings);
    if (decided) {
      moves.push({ from: page.path, to: best.path, confidence: best.share, reason: best.reason });
    } else {
      questions.push({
        from: { path: page.path, fragment: null },
        heading: page.title ?? page.path,
        reason:
          best === undefined
            ? 'no page holds its text or headings'
            : `at most ${Math.round(best.share * 100)}% of its text is on any one page`,
        choices: ranked.slice(0, 3).map((entry) => ({
          to: { path: entry.path, fragment: null },
          confidence: entry.share,
          reason: entry.reason,
        })),
      });
    }
  }
  return { moves, questions };
}

interface RankedPage {
  path: SitePath;
  share: number;
  reason: string;
  /** Decided by shared headings, because the old text was not recorded. */
  byHeadings: boolean;
}

function rankPages(page: PublishedPage, site: CurrentSite): RankedPage[] {
  const texts: Array<Shingles | Fingerprint> = [
    ...(page.intro !== undefined && page.intro.size > 0 ? [page.intro] : []),
    ...page.sections.flatMap((section) =>
      section.identity === undefined ? [] : [section.identity.text],
    ),
  ];
  const weight = texts.reduce((sum, text) => sum + text.size, 0);
  if (weight > 0) {
    return [...site.candidates.pageTops.values()]
      .map((top) => {
        const share =
          texts.reduce((sum, text) => sum + containment(text, top.whole) * text.size, 0) / weight;
        return {
          path: top.path,
          share,
          reason: `${Math.round(share * 100)}% of its text is on ${top.path} ("${top.heading}")`,
          byHeadings: false,
        };
      })
      .sort(
        (a, b) =>
          b.share - a.share ||
          headingSimilarity(page.title ?? '', titleOf(site, b.path)) -
            headingSimilarity(page.title ?? '', titleOf(site, a.path)),
      );
  }
  const wanted = new Set(
    page.sections.map((section) => normalizeHeading(section.heading)).filter(Boolean),
  );
  return [...site.index.values()]
    .map((candidate) => {
      const hits = candidate.headings.filter((heading) =>
        wanted.has(normalizeHeading(heading.text)),
      ).length;
      const alike = headingSimilarity(page.title ?? page.path, titleOf(site, candidate.path));
      return {
        path: candidate.path,
        share: wanted.size === 0 ? 0 : hits / wanted.size,
        reason:
          hits > 0
            ? `${hits} of its ${wanted.size} headings are on ${candidate.path}`
            : `title ${Math.round(alike * 100)}% alike`,
        byHeadings: wanted.size > 0 && hits / wanted.size >= CLEAR,
        alike,
      };
    })
    .sort((a, b) => b.share - a.share || b.alike - a.alike);
}

function titleOf(site: CurrentSite, path: SitePath): string {
  return site.candidates.pageTops.get(path)?.heading ?? path;
}

/**
 * Every published section that no longer lands on content, and where its text went. `pageMoves`
 * says where lost pages went, so a section of a moved page that kept its id on the new page
 * needs nothing of its own (the page's redirect carries the fragment). Sections whose text was
 * never recorded are left for `deferred`, to be judged once the other moves are in the map.
 */
export function findSectionMoves(
  published: readonly PublishedPage[],
  site: CurrentSite,
  plan: RedirectPlan,
  pageMoves: readonly PageMove[],
): {
  moves: SectionMove[];
  questions: MoveQuestion[];
  deferred: Array<{ page: PublishedPage; section: PublishedSection }>;
} {
  const moves: SectionMove[] = [];
  const questions: MoveQuestion[] = [];
  const deferred: Array<{ page: PublishedPage; section: PublishedSection }> = [];
  const movedTo = new Map(pageMoves.map((move) => [move.from, move.to]));
  for (const page of published) {
    for (const section of page.sections) {
      const from = { path: page.path, fragment: section.id };
      if (landingEverywhere(plan, site.index, from) !== undefined) continue;
      if (section.identity === undefined) {
        deferred.push({ page, section });
        continue;
      }
      const landing = movedTo.get(page.path) ?? pageLanding(plan, site, page.path);
      const pageItself = landing === undefined ? undefined : site.candidates.pageTops.get(landing);
      const decision = findNewHome(
        {
          path: page.path,
          id: section.id,
          heading: section.heading,
          identity: section.identity,
          position: positionOf(page, section),
        },
        site.candidates.sections,
        pageItself,
      );
      if (decision.kind === 'found') {
        const to = { path: decision.home.path, fragment: decision.home.id };
        // The page's own redirect already carries the fragment to the same id there.
        if (
          movedTo.has(page.path) &&
          to.path === movedTo.get(page.path) &&
          to.fragment === section.id
        )
          continue;
        moves.push({
          from,
          heading: section.heading,
          to,
          confidence: decision.confidence,
          reason: decision.reason,
        });
      } else {
        questions.push(questionOf(from, section.heading, decision.reason, decision.choices));
      }
    }
  }
  return { moves, questions, deferred };
}

/** Sections without recorded text: their heading, once the other moves are in the map. */
export function judgeDeferred(
  deferred: ReadonlyArray<{ page: PublishedPage; section: PublishedSection }>,
  site: CurrentSite,
  plan: RedirectPlan,
): { moves: SectionMove[]; questions: MoveQuestion[] } {
  const moves: SectionMove[] = [];
  const questions: MoveQuestion[] = [];
  for (const { page, section } of deferred) {
    const from = { path: page.path, fragment: section.id };
    if (landingEverywhere(plan, site.index, from) !== undefined) continue;
    const landing = pageLanding(plan, site, page.path);
    const pageItself = landing === undefined ? undefined : site.candidates.pageTops.get(landing);
    const decision = findNewHome(
      {
        path: page.path,
        id: section.id,
        heading: section.heading,
        identity: undefined,
        position: positionOf(page, section),
      },
      site.candidates.sections,
      pageItself,
    );
    if (decision.kind === 'found') {
      moves.push({
        from,
        heading: section.heading,
        to: { path: decision.home.path, fragment: decision.home.id },
        confidence: decision.confidence,
        reason: decision.reason,
      });
    } else {
      questions.push(questionOf(from, section.heading, decision.reason, decision.choices));
    }
  }
  return { moves, questions };
}

/** Where `section` stood on its published page, from 0 (first) to 1 (last). */
function positionOf(page: PublishedPage, section: PublishedSection): number {
  const at = page.sections.indexOf(section);
  return page.sections.length <= 1 ? 0 : at / (page.sections.length - 1);
}

function pageLanding(plan: RedirectPlan, site: CurrentSite, path: SitePath): SitePath | undefined {
  const target = landingEverywhere(plan, site.index, { path, fragment: null });
  return target?.kind === 'site' ? target.path : undefined;
}

function questionOf(
  from: SiteLocation,
  heading: string,
  reason: string,
  choices: readonly HomeChoice[],
): MoveQuestion {
  return {
    from,
    heading,
    reason,
    choices: choices.map((choice) => ({
      to: { path: choice.home.path, fragment: choice.home.id },
      confidence: choice.confidence,
      reason: choice.reason,
    })),
  };
}
