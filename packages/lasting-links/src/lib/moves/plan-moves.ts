/**
 * From what was found to what the map must say: each page and section move becomes an entry
 * of the redirect map, or retargets the entry that already has its `from`; entries whose
 * source is live again are dropped; and every entry is pointed straight at where readers end
 * up, so no chain is left in the file. The plan of the resulting map, against the site as it is
 * now, is what link rewriting and the lock check use.
 */
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem } from '../problems/problem.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';
import { planRedirects } from '../redirects/plan-redirects.ts';
import type { RedirectPlan, Route } from '../redirects/follow.ts';
import {
  displayLocation,
  displayTarget,
  locationKey,
  sameTarget,
  type RedirectTarget,
  type SiteLocation,
} from '../redirects/locations.ts';
import {
  findIdPins,
  findPageMoves,
  findSectionMoves,
  judgeDeferred,
  type CurrentSite,
  type FoundMoves,
  type MoveQuestion,
  type SectionMove,
} from './find-moves.ts';
import type { PublishedPage } from './published.ts';
import type { OldHomeOf } from './source-edits.ts';

/** A change to the redirect map. */
export type MapEdit =
  | { kind: 'add'; from: SiteLocation; to: RedirectTarget; note: string }
  | { kind: 'retarget'; entry: RedirectEntry; to: RedirectTarget; why: string }
  | { kind: 'remove'; entry: RedirectEntry; why: string };

/** Everything `moves` would do, before it touches a file. */
export interface MovesPlan {
  found: FoundMoves;
  edits: MapEdit[];
  /** The map after the edits, planned against the site with its pinned ids. */
  plan: RedirectPlan;
  site: CurrentSite;
  /** Problems the new map still has (the same the build would report). */
  problems: Problem[];
  /** Answers given for addresses that raised no question. */
  unusedAnswers: string[];
}

/** One entry of the map being edited. */
interface Draft {
  from: SiteLocation;
  to: RedirectTarget;
  note?: string;
  /** The entry in the file, when it was there already. */
  origin?: RedirectEntry;
  why?: string;
}

/** Finds the moves and works out the map that sends every published address to its new home. */
export function planMoves(input: {
  published: readonly PublishedPage[];
  site: CurrentSite;
  entries: readonly RedirectEntry[];
  mapFile: string;
  /** The writer's answers to questions (`--choose OLD=NEW`), by the old address's key. */
  answers?: ReadonlyMap<string, SiteLocation>;
}): MovesPlan {
  const { pins, site } = findIdPins(input.published, input.site);
  const drafts: Draft[] = input.entries.map((entry) => ({
    from: entry.from,
    to: entry.to,
    origin: entry,
  }));
  const planOf = () => planRedirects(toEntries(drafts), site.index, input.mapFile);

  const answers = input.answers ?? new Map<string, SiteLocation>();
  const answered = new Set<string>();
  /** The questions the writer answered, as moves; the others stay questions. */
  const settle = (questions: readonly MoveQuestion[]) => {
    const moves: SectionMove[] = [];
    const open: MoveQuestion[] = [];
    for (const question of questions) {
      const to = answers.get(locationKey(question.from));
      if (to === undefined) {
        open.push(question);
        continue;
      }
      answered.add(locationKey(question.from));
      moves.push({
        from: question.from,
        heading: question.heading,
        to,
        confidence: 1,
        reason: 'chosen by the writer (in the terminal, or with --choose)',
      });
    }
    return { moves, open };
  };

  const pages = findPageMoves(input.published, site, planOf().plan);
  const pageAnswers = settle(pages.questions);
  const pageMoves = [
    ...pages.moves,
    ...pageAnswers.moves.map((move) => ({
      from: move.from.path,
      to: move.to.path,
      confidence: move.confidence,
      reason: move.reason,
    })),
  ];
  for (const move of pageMoves)
    apply(
      drafts,
      { path: move.from, fragment: null },
      { kind: 'site', path: move.to, fragment: null },
      `moved: ${move.reason}`,
    );
  const sections = findSectionMoves(input.published, site, planOf().plan, pageMoves);
  const sectionAnswers = settle(sections.questions);
  for (const move of [...sections.moves, ...sectionAnswers.moves])
    apply(drafts, move.from, { kind: 'site', ...move.to }, noteOf(move));
  const later = judgeDeferred(sections.deferred, site, planOf().plan);
  const laterAnswers = settle(later.questions);
  for (const move of [...later.moves, ...laterAnswers.moves])
    apply(drafts, move.from, { kind: 'site', ...move.to }, noteOf(move));

  dropLiveSources(drafts, site.index);
  const planned = flatten(drafts, site.index, input.mapFile);
  return {
    found: {
      pages: pageMoves,
      sections: [...sections.moves, ...sectionAnswers.moves, ...later.moves, ...laterAnswers.moves],
      pins,
      questions: withoutFollowers(
        [...pageAnswers.open, ...sectionAnswers.open, ...laterAnswers.open],
        input.entries,
      ),
    },
    unusedAnswers: [...answers.keys()].filter((key) => !answered.has(key)),
    edits: editsOf(input.entries, drafts),
    plan: planned.plan,
    site,
    problems: planned.problems,
  };
}

function noteOf(move: SectionMove): string {
  return `${move.heading}: ${move.reason}`;
}

function toEntries(drafts: readonly Draft[]): RedirectEntry[] {
  return drafts.map((draft, index) => ({
    from: draft.from,
    to: draft.to,
    line: draft.origin?.line ?? 0,
    index: draft.origin?.index ?? -1 - index,
    ...(draft.note === undefined ? {} : { note: draft.note }),
  }));
}

/** Adds an entry, or retargets the one that already has this `from` (never a duplicate). */
function apply(drafts: Draft[], from: SiteLocation, to: RedirectTarget, note: string): void {
  const existing = drafts.find((draft) => locationKey(draft.from) === locationKey(from));
  if (existing === undefined) {
    drafts.push({ from, to, note });
  } else if (!sameTarget(existing.to, to)) {
    existing.to = to;
    existing.why = note;
  }
}

/** An entry whose source is a live page or anchor again can never fire: it goes. */
function dropLiveSources(drafts: Draft[], index: AnchorIndex): void {
  for (let at = drafts.length - 1; at >= 0; at -= 1) {
    const { from } = drafts[at]!;
    const page = index.get(from.path);
    if (page !== undefined && (from.fragment === null || page.ids.has(from.fragment)))
      drafts.splice(at, 1);
  }
}

/** Points every entry at its final target, so the file holds no chain; returns the final plan. */
function flatten(
  drafts: Draft[],
  index: AnchorIndex,
  mapFile: string,
): { plan: RedirectPlan; problems: Problem[] } {
  let planned = planRedirects(toEntries(drafts), index, mapFile);
  const finals = new Map<number, RedirectTarget>();
  const record = (route: Route) => finals.set(route.entry.index, route.target);
  for (const stub of planned.plan.stubs.values())
    [stub.fallback, ...stub.table.values()].forEach(record);
  for (const table of planned.plan.pageTables.values()) [...table.values()].forEach(record);
  let changed = false;
  for (const [position, draft] of drafts.entries()) {
    const final = finals.get(draft.origin?.index ?? -1 - position);
    if (final === undefined || sameTarget(final, draft.to)) continue;
    draft.why ??= `chain flattened: ${displayTarget(draft.to)} now leads to ${displayTarget(final)}`;
    draft.to = final;
    changed = true;
  }
  if (changed) planned = planRedirects(toEntries(drafts), index, mapFile);
  return planned;
}

/** The edits that turn the file's entries into `drafts`. */
function editsOf(entries: readonly RedirectEntry[], drafts: readonly Draft[]): MapEdit[] {
  const edits: MapEdit[] = [];
  const kept = new Set(
    drafts.flatMap((draft) => (draft.origin === undefined ? [] : [draft.origin])),
  );
  for (const entry of entries) {
    if (!kept.has(entry))
      edits.push({
        kind: 'remove',
        entry,
        why: `${displayLocation(entry.from)} is live again, so the entry could never fire`,
      });
  }
  for (const draft of drafts) {
    if (draft.origin === undefined)
      edits.push({ kind: 'add', from: draft.from, to: draft.to, note: draft.note ?? '' });
    else if (!sameTarget(draft.origin.to, draft.to))
      edits.push({ kind: 'retarget', entry: draft.origin, to: draft.to, why: draft.why ?? '' });
  }
  return edits;
}

/**
 * The questions left once those whose address the map already sends to another question's
 * address are set aside: the answer to that one decides where they lead (the entries are pointed
 * straight at it), so asking about them too would be asking the same thing twice.
 */
function withoutFollowers(
  questions: readonly MoveQuestion[],
  entries: readonly RedirectEntry[],
): MoveQuestion[] {
  const asked = new Set(questions.map((question) => locationKey(question.from)));
  const next = new Map(
    entries.flatMap((entry) =>
      entry.to.kind === 'site'
        ? [
            [
              locationKey(entry.from),
              locationKey({ path: entry.to.path, fragment: entry.to.fragment }),
            ],
          ]
        : [],
    ),
  );
  const follows = (key: string): boolean => {
    const seen = new Set([key]);
    for (let step = next.get(key); step !== undefined; step = next.get(step)) {
      if (seen.has(step)) return false;
      if (asked.has(step)) return true;
      seen.add(step);
    }
    return false;
  };
  return questions.filter((question) => !follows(locationKey(question.from)));
}

/**
 * Where a same-page `#id` link on `page` pointed before its text moved there: the published page
 * that had `#id` and whose text moved to `page`, else the only published page with that id.
 */
export function oldHomeResolver(published: readonly PublishedPage[], found: FoundMoves): OldHomeOf {
  return (page, fragment) => {
    const had = published.filter(
      (item) => item.path !== page && item.sections.some((section) => section.id === fragment),
    );
    const movedHere = had.filter(
      (item) =>
        found.pages.some((move) => move.from === item.path && move.to === page) ||
        found.sections.some((move) => move.from.path === item.path && move.to.path === page),
    );
    if (movedHere.length === 1) return movedHere[0]!.path;
    return had.length === 1 ? had[0]!.path : undefined;
  };
}
