/**
 * Where a reader ends up: the one follower of redirects, used by the engine (to flatten chains
 * while planning), the anchors lock, the link checker and the browser tests alike.
 *
 * It walks the plan the way hosts and browsers behave. A host that applies server rules answers
 * a page move with a 301, and the browser keeps the fragment unless the new location names one.
 * A stub maps the fragment through its own table, else goes to its default keeping the
 * fragment. A live page's script maps only fragments that are not ids on the page.
 */
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { RedirectEntry } from './redirect-map.ts';
import { carryFragment, locationKey, type RedirectTarget, type SiteLocation } from './locations.ts';

/** Where one source goes, and the map entry that says so (for messages that cite its line). */
export interface Route {
  target: RedirectTarget;
  entry: RedirectEntry;
}

/** A removed page: what its stub does with each known fragment, and with any other. */
export interface StubPlan {
  path: SitePath;
  /** Where the page itself went; unknown fragments are carried there. */
  fallback: Route;
  /** Fragment (decoded) to its route. */
  table: Map<string, Route>;
}

/** What the outputs are written from, and what the follower walks. */
export interface RedirectPlan {
  stubs: Map<SitePath, StubPlan>;
  /** Live page to its old-fragment table. */
  pageTables: Map<SitePath, Map<string, Route>>;
  /** Live page to the old ids that move within it: old id to the id it now points at. */
  legacyIds: Map<SitePath, Map<string, string>>;
  /** Removed pages a server may answer with a 301 (sorted by `from`). */
  serverRedirects: Array<{ from: SitePath; route: Route }>;
}

/** The fragment table of the live page at `path`, made when it has none yet. */
export function pageTableOf(plan: RedirectPlan, path: SitePath): Map<string, Route> {
  let table = plan.pageTables.get(path);
  if (table === undefined) plan.pageTables.set(path, (table = new Map<string, Route>()));
  return table;
}

/** An empty plan: no redirects at all. */
export function emptyPlan(): RedirectPlan {
  return { stubs: new Map(), pageTables: new Map(), legacyIds: new Map(), serverRedirects: [] };
}

/** `static`: a plain file host (stubs only). `server`: a host that also applies the 301 rules. */
export type HostMode = 'static' | 'server';

/** One redirect applied on the way: where the reader was, and the entry that moved them on. */
interface Hop {
  from: SiteLocation;
  entry: RedirectEntry;
}

/** The end of a visit. */
export type Visit =
  /** Nothing redirects any more: a live page (its fragment may still be missing) or an external URL. */
  | { kind: 'landed'; target: RedirectTarget; hops: Hop[] }
  /** No page and no redirect at `path`: a 404. */
  | { kind: 'not-found'; location: SiteLocation; hops: Hop[] }
  /** The redirects come back to `repeated`, a place already visited. */
  | { kind: 'loop'; repeated: SiteLocation; hops: Hop[] };

/** Follows a visit to `location` until nothing redirects any more. */
export function follow(
  plan: RedirectPlan,
  index: AnchorIndex,
  location: SiteLocation,
  mode: HostMode,
): Visit {
  const serverMoves = mode === 'server' ? serverMoveLookup(plan) : undefined;
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let current: RedirectTarget = { kind: 'site', ...location };
  for (;;) {
    if (current.kind === 'external') return { kind: 'landed', target: current, hops };
    const here: SiteLocation = { path: current.path, fragment: current.fragment };
    const key = locationKey(here);
    if (seen.has(key)) return { kind: 'loop', repeated: here, hops };
    seen.add(key);
    const route = nextRoute(plan, index, here, serverMoves);
    if (route === undefined) {
      return index.has(here.path)
        ? { kind: 'landed', target: current, hops }
        : { kind: 'not-found', location: here, hops };
    }
    hops.push({ from: here, entry: route.route.entry });
    current = route.carries ? carryFragment(route.route.target, here.fragment) : route.route.target;
  }
}

/**
 * One redirect from `here` as a static host follows it: the entry that applies and where it
 * leads (with the reader's fragment carried where the redirect carries it), or undefined when
 * nothing redirects at `here`.
 */
export function staticStep(
  plan: RedirectPlan,
  index: AnchorIndex,
  here: SiteLocation,
): { entry: RedirectEntry; next: RedirectTarget } | undefined {
  const route = nextRoute(plan, index, here, undefined);
  if (route === undefined) return undefined;
  return {
    entry: route.route.entry,
    next: route.carries ? carryFragment(route.route.target, here.fragment) : route.route.target,
  };
}

/** The redirect that applies at `here`, if any, and whether it carries the reader's fragment. */
function nextRoute(
  plan: RedirectPlan,
  index: AnchorIndex,
  here: SiteLocation,
  serverMoves: ReadonlyMap<SitePath, Route> | undefined,
): { route: Route; carries: boolean } | undefined {
  const moved = serverMoves?.get(here.path);
  if (moved !== undefined) return { route: moved, carries: true };
  const stub = plan.stubs.get(here.path);
  if (stub !== undefined) {
    const exact = here.fragment === null ? undefined : stub.table.get(here.fragment);
    return exact !== undefined
      ? { route: exact, carries: false }
      : { route: stub.fallback, carries: true };
  }
  const page = index.get(here.path);
  if (page === undefined || here.fragment === null || page.ids.has(here.fragment)) return undefined;
  const mapped = plan.pageTables.get(here.path)?.get(here.fragment);
  return mapped === undefined ? undefined : { route: mapped, carries: false };
}

const serverMoveCache = new WeakMap<RedirectPlan, Map<SitePath, Route>>();

function serverMoveLookup(plan: RedirectPlan): Map<SitePath, Route> {
  let lookup = serverMoveCache.get(plan);
  if (lookup === undefined) {
    lookup = new Map(plan.serverRedirects.map((move) => [move.from, move.route]));
    serverMoveCache.set(plan, lookup);
  }
  return lookup;
}

/** Whether a visit ends on real content: an external URL, or a built page with the fragment's id. */
export function landsOnContent(visit: Visit, index: AnchorIndex): boolean {
  if (visit.kind !== 'landed') return false;
  const target = visit.target;
  if (target.kind === 'external') return true;
  const page = index.get(target.path);
  return page !== undefined && (target.fragment === null || page.ids.has(target.fragment));
}

/** Where a visit ends on real content in every host mode, or undefined when it does not. */
export function landingEverywhere(
  plan: RedirectPlan,
  index: AnchorIndex,
  location: SiteLocation,
): RedirectTarget | undefined {
  let target: RedirectTarget | undefined;
  for (const mode of ['static', 'server'] as const) {
    const visit = follow(plan, index, location, mode);
    if (!landsOnContent(visit, index) || visit.kind !== 'landed') return undefined;
    target ??= visit.target;
  }
  return target;
}
