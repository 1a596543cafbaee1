/**
 * Every published address that no longer lands on content, as problems that read the same in
 * the build, `lasting-links check` and `lasting-links moves`: one per page or section that lost its address,
 * naming where its text went and the fix. Old addresses that only broke because their redirect
 * leads to a lost one are folded into that one's problem, so a rename reads as one problem.
 */
import type { SitePath } from '../site-path.ts';
import type { Problem } from '../problems/problem.ts';
import { follow, landingEverywhere, type RedirectPlan } from '../redirects/follow.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';
import {
  carryFragment,
  displayLocation,
  locationKey,
  type SiteLocation,
} from '../redirects/locations.ts';
import {
  findPageMoves,
  findSectionMoves,
  judgeDeferred,
  type CurrentSite,
  type MoveQuestion,
} from './find-moves.ts';
import type { PublishedPage } from './published.ts';

/** Files named in messages, and where each page's source is. */
export interface LostAnchorContext {
  lockFile: string;
  mapFile: string;
  sourceFileOf: (path: SitePath) => string | undefined;
}

/** The command that fixes lost addresses. */
export const MOVES_COMMAND = 'npx lasting-links moves --write';

/**
 * The problems for every published address of `published` that does not land on content in every
 * host mode. `entries` is the map as written, so that an old address whose entry points at a lost
 * one is recognised as part of the same move even though the plan left that entry out.
 */
export function lostAnchorProblems(
  published: readonly PublishedPage[],
  site: CurrentSite,
  plan: RedirectPlan,
  entries: readonly RedirectEntry[],
  context: LostAnchorContext,
): Problem[] {
  const lost: SiteLocation[] = [];
  const headings = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const page of published) {
    const source = context.sourceFileOf(page.path) ?? (page.source || context.lockFile);
    for (const location of [
      { path: page.path, fragment: null },
      ...page.sections.map((section) => ({ path: page.path, fragment: section.id })),
    ]) {
      if (landingEverywhere(plan, site.index, location) !== undefined) continue;
      lost.push(location);
      sources.set(locationKey(location), source);
    }
    for (const section of page.sections)
      headings.set(locationKey({ path: page.path, fragment: section.id }), section.heading);
  }
  if (lost.length === 0) return [];

  const pages = findPageMoves(published, site, plan);
  const sections = findSectionMoves(published, site, plan, pages.moves);
  const deferred = judgeDeferred(sections.deferred, site, plan);
  const verdicts = new Map<string, { says: string; to?: string }>();
  for (const move of pages.moves)
    verdicts.set(move.from, {
      says: `it most likely moved to ${move.to}: ${move.reason}`,
      to: move.to,
    });
  for (const move of [...sections.moves, ...deferred.moves]) {
    verdicts.set(locationKey(move.from), {
      says: `most likely new home: ${displayLocation(move.to)}, ${move.reason}`,
      to: displayLocation(move.to),
    });
  }
  for (const question of [...pages.questions, ...sections.questions, ...deferred.questions])
    verdicts.set(locationKey(question.from), { says: questionText(question) });

  // Where each lost address ends up: another lost address (its redirect, as written or as
  // planned, leads there) or nowhere.
  const lostKeys = new Set(lost.map(locationKey));
  const written = writtenNext(entries, site);
  const rootOf = (location: SiteLocation): string => {
    const key = locationKey(location);
    for (
      let step = written(location), hops = 0;
      step !== undefined && hops < 20;
      step = written(step), hops += 1
    ) {
      if (locationKey(step) !== key && lostKeys.has(locationKey(step))) return locationKey(step);
    }
    // A section of a moved page that kept its id there needs nothing but the page's redirect.
    if (
      location.fragment !== null &&
      lostKeys.has(location.path) &&
      !verdicts.has(key) &&
      verdicts.has(location.path)
    )
      return location.path;
    const visit = follow(plan, site.index, location, 'static');
    const end =
      visit.kind === 'landed' && visit.target.kind === 'site'
        ? locationKey(visit.target)
        : visit.kind === 'not-found'
          ? locationKey(visit.location)
          : undefined;
    return end !== undefined && end !== key && lostKeys.has(end) ? end : key;
  };
  const followers = new Map<string, string[]>();
  for (const location of lost) {
    const root = rootOf(location);
    if (root !== locationKey(location))
      followers.set(root, [...(followers.get(root) ?? []), displayLocation(location)]);
  }

  const problems: Problem[] = [];
  for (const location of lost) {
    const key = locationKey(location);
    if (rootOf(location) !== key) continue;
    const heading = headings.get(key);
    const verdict = verdicts.get(key);
    const also = followers.get(key) ?? [];
    const yaml = `- from: ${key}\n  to: ${verdict?.to ?? '/where/it/went/'}`;
    problems.push({
      severity: 'error',
      code: 'lost-anchor',
      target: key,
      ...(verdict?.to === undefined ? {} : { suggestion: verdict.to }),
      at: { file: sources.get(key)! },
      message:
        `${key}${heading === undefined ? '' : ` ("${heading}")`} was published and no longer resolves` +
        `${verdict === undefined ? '' : `; ${verdict.says}`}` +
        `${also.length === 0 ? '' : `; ${also.length} other published address${also.length === 1 ? '' : 'es'} depend${also.length === 1 ? 's' : ''} on it (${also.slice(0, 3).join(', ')}${also.length > 3 ? ', …' : ''})`}`,
      fix:
        verdict?.to === undefined
          ? `run \`${MOVES_COMMAND}\` and choose among its candidates (in a terminal, or with --choose ${key}=NEW), or add the right one to ${context.mapFile}:\n${yaml}`
          : `run \`${MOVES_COMMAND}\` (it adds the redirect, rewrites links to it and refreshes the lock), or add to ${context.mapFile}:\n${yaml}`,
    });
  }
  return problems;
}

/** The next place an entry as written sends a reader: its exact entry, else its removed page's entry. */
function writtenNext(
  entries: readonly RedirectEntry[],
  site: CurrentSite,
): (location: SiteLocation) => SiteLocation | undefined {
  const byFrom = new Map(entries.map((entry) => [locationKey(entry.from), entry]));
  return (location) => {
    const exact = byFrom.get(locationKey(location));
    const page = exact ?? (site.index.has(location.path) ? undefined : byFrom.get(location.path));
    if (page === undefined || page.to.kind !== 'site') return undefined;
    const next = exact === undefined ? carryFragment(page.to, location.fragment) : page.to;
    return next.kind === 'site' ? { path: next.path, fragment: next.fragment } : undefined;
  };
}

function questionText(question: MoveQuestion): string {
  const choices = question.choices.map((choice) => displayLocation(choice.to)).join(', ');
  return `${question.reason}; candidates: ${choices === '' ? 'none' : choices}`;
}
