/**
 * Following the redirect plan's chains as a static host would, once per location: every route
 * gets its final target; chains become one warning each (at the entry that starts the longest
 * walk), cycles and targets that do not end on content one error each. Planning stays linear in
 * the map's size, however long the chains (plan-redirects.ts makes the plan this follows).
 */
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem, ProblemCode } from '../problems/problem.ts';
import type { RedirectEntry } from './redirect-map.ts';
import {
  displayLocation,
  displayTarget,
  locationKey,
  type RedirectTarget,
  type SiteLocation,
} from './locations.ts';
import {
  emptyPlan,
  landsOnContent,
  pageTableOf,
  staticStep,
  type RedirectPlan,
  type Route,
  type Visit,
} from './follow.ts';

/** How planning reports a problem of one entry of the map. */
export type PlanReport = (
  severity: Problem['severity'],
  code: ProblemCode,
  entry: RedirectEntry,
  message: string,
  fix: string,
  target?: string,
) => void;

/** Where following a location through the raw plan (as a static host) ends. */
type Resolved =
  | { kind: 'landed'; target: RedirectTarget; hops: number }
  | { kind: 'not-found'; location: SiteLocation; hops: number }
  /** In a cycle, or led into one; `cycle` is a location of the cycle, which names it. */
  | { kind: 'loop'; cycle: SiteLocation; inCycle: boolean };

/**
 * Resolves locations through the raw plan, each location once: a long chain is walked once in
 * all, not once per entry on it, so planning stays linear in the map's size.
 */
function resolver(raw: RedirectPlan, index: AnchorIndex): (start: SiteLocation) => Resolved {
  const memo = new Map<string, Resolved>();
  return (start) => {
    const stack: string[] = [];
    const onStack = new Map<string, number>();
    let here: RedirectTarget = { kind: 'site', ...start };
    let end: Resolved;
    for (;;) {
      if (here.kind === 'external') {
        end = { kind: 'landed', target: here, hops: 0 };
        break;
      }
      const location: SiteLocation = { path: here.path, fragment: here.fragment };
      const key = locationKey(location);
      const known = memo.get(key);
      if (known !== undefined) {
        end = known;
        break;
      }
      const at = onStack.get(key);
      if (at !== undefined) {
        for (const member of stack.splice(at))
          memo.set(member, { kind: 'loop', cycle: location, inCycle: true });
        end = { kind: 'loop', cycle: location, inCycle: false };
        break;
      }
      const step = staticStep(raw, index, location);
      if (step === undefined) {
        end = index.has(location.path)
          ? { kind: 'landed', target: here, hops: 0 }
          : { kind: 'not-found', location, hops: 0 };
        memo.set(key, end);
        break;
      }
      onStack.set(key, stack.length);
      stack.push(key);
      here = step.next;
    }
    for (let at = stack.length - 1; at >= 0; at -= 1) {
      if (end.kind !== 'loop') end = { ...end, hops: end.hops + 1 };
      else end = { ...end, inCycle: false };
      memo.set(stack[at]!, end);
    }
    return memo.get(locationKey(start)) ?? end;
  };
}

/** At most this many steps of a chain or cycle are spelled out; the rest is counted. */
const SHOWN_STEPS = 5;
/** At most this many line numbers are listed in a message. */
const SHOWN_LINES = 10;

const count = (n: number) => n.toLocaleString('en-US');

/** `a -> b -> c -> … -> y -> z`: the first three and the last two of a long list. */
function steps(locations: readonly string[], total: number): string {
  if (total <= SHOWN_STEPS) return locations.join(' -> ');
  return [...locations.slice(0, 3), '…', ...locations.slice(-2)].join(' -> ');
}

/** `line 3`, `lines 1, 3 and 5`, `lines 1, 3, … and 4,990 more`. */
function lineList(lines: readonly number[]): string {
  const sorted = [...lines].sort((a, b) => a - b);
  if (sorted.length === 1) return `line ${sorted[0]}`;
  if (sorted.length <= SHOWN_LINES)
    return `lines ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
  return `lines ${sorted.slice(0, SHOWN_LINES).join(', ')} and ${count(sorted.length - SHOWN_LINES)} more`;
}

/**
 * The first steps and the last two of a walk of `length` redirects from `start` (a walk is
 * taken once per reported chain or cycle, so reporting stays linear too).
 */
function walk(
  raw: RedirectPlan,
  index: AnchorIndex,
  start: RedirectTarget,
  length: number,
): string[] {
  const shown: string[] = [displayTarget(start)];
  const tail: string[] = [];
  let here = start;
  for (let n = 0; n < length && here.kind === 'site'; n += 1) {
    const step = staticStep(raw, index, { path: here.path, fragment: here.fragment });
    if (step === undefined) break;
    here = step.next;
    if (shown.length < 3) shown.push(displayTarget(here));
    else tail.push(displayTarget(here));
    if (tail.length > 2) tail.shift();
  }
  return [...shown, ...tail];
}

/**
 * Every route with its final target: each target is followed through the raw plan as a plain
 * static host would; a chain is a warning, anything that does not end on content an error
 * (and the route is left out). A chain, and a cycle, is reported once, however many entries are
 * on it: at the entry that starts its longest walk, with its length and its ends.
 */
export function flattenPlan(
  raw: RedirectPlan,
  index: AnchorIndex,
  report: PlanReport,
): RedirectPlan {
  const plan = emptyPlan();
  const resolve = resolver(raw, index);
  /** Chained routes by where they land; routes in or into a cycle by the cycle. */
  const chains = new Map<string, Array<{ route: Route; hops: number; target: RedirectTarget }>>();
  const cycles = new Map<string, { cycle: SiteLocation; routes: Route[] }>();
  const final = (route: Route): Route | undefined => {
    if (route.target.kind === 'external') return route;
    const resolved = resolve({ path: route.target.path, fragment: route.target.fragment });
    const from = displayLocation(route.entry.from);
    if (resolved.kind === 'loop') {
      const key = locationKey(resolved.cycle);
      let group = cycles.get(key);
      if (group === undefined) cycles.set(key, (group = { cycle: resolved.cycle, routes: [] }));
      group.routes.push(route);
      return undefined;
    }
    const visit: Visit =
      resolved.kind === 'landed'
        ? { kind: 'landed', target: resolved.target, hops: [] }
        : { kind: 'not-found', location: resolved.location, hops: [] };
    if (!landsOnContent(visit, index) || visit.kind !== 'landed') {
      const { message, fix } = brokenTarget(visit, index, from);
      const missing =
        visit.kind === 'not-found' ? displayLocation(visit.location) : displayTarget(visit.target);
      report('error', 'redirect-target', route.entry, message, fix, missing);
      return undefined;
    }
    if (resolved.hops > 0) {
      const key = displayTarget(visit.target);
      let group = chains.get(key);
      if (group === undefined) chains.set(key, (group = []));
      group.push({ route, hops: resolved.hops, target: visit.target });
    }
    return { target: visit.target, entry: route.entry };
  };
  for (const stub of raw.stubs.values()) {
    const fallback = final(stub.fallback);
    if (fallback === undefined) continue;
    const table = new Map<string, Route>();
    for (const [fragment, route] of stub.table) {
      const resolved = final(route);
      if (resolved !== undefined) table.set(fragment, resolved);
    }
    plan.stubs.set(stub.path, { path: stub.path, fallback, table });
  }
  for (const [path, rows] of raw.pageTables) {
    for (const [fragment, route] of rows) {
      const resolved = final(route);
      if (resolved !== undefined) pageTableOf(plan, path).set(fragment, resolved);
    }
  }
  reportChains(raw, index, chains, report);
  reportCycles(raw, index, cycles, report);
  return plan;
}

/** One warning per landing target reached through chains. */
function reportChains(
  raw: RedirectPlan,
  index: AnchorIndex,
  chains: ReadonlyMap<string, Array<{ route: Route; hops: number; target: RedirectTarget }>>,
  report: PlanReport,
): void {
  for (const [landing, group] of chains) {
    const longest = group.reduce((best, item) =>
      item.hops > best.hops ||
      (item.hops === best.hops && item.route.entry.line < best.route.entry.line)
        ? item
        : best,
    );
    const entries = longest.hops + 1;
    const locations = [
      displayLocation(longest.route.entry.from),
      ...walk(raw, index, longest.route.target, longest.hops),
    ];
    if (locations.at(-1) !== landing) locations.push(landing);
    const others =
      group.length > 1
        ? `; ${count(group.length)} entries in all reach it only through other redirects`
        : '';
    report(
      'warning',
      'redirect-chain',
      longest.route.entry,
      `redirect chain ${steps(locations, entries + 1)} (${count(entries)} entries)${others}; every output sends readers straight to ${landing}`,
      `write "to: ${landing}" on ${lineList(group.map((item) => item.route.entry.line))}`,
    );
  }
}

/** One error per cycle, with the entries that lead into it. */
function reportCycles(
  raw: RedirectPlan,
  index: AnchorIndex,
  cycles: ReadonlyMap<string, { cycle: SiteLocation; routes: Route[] }>,
  report: PlanReport,
): void {
  for (const { cycle, routes } of cycles.values()) {
    // The cycle's length, walked once from a location on it.
    const cycleKeys = new Set<string>();
    let here: RedirectTarget = { kind: 'site', ...cycle };
    while (here.kind === 'site') {
      const key = locationKey({ path: here.path, fragment: here.fragment });
      if (cycleKeys.has(key)) break;
      cycleKeys.add(key);
      const step = staticStep(raw, index, { path: here.path, fragment: here.fragment });
      if (step === undefined) break;
      here = step.next;
    }
    const inside = routes.filter((route) => cycleKeys.has(locationKey(route.entry.from)));
    const leading = routes.filter((route) => !cycleKeys.has(locationKey(route.entry.from)));
    const first = [...(inside.length > 0 ? inside : routes)].sort(
      (a, b) => a.entry.line - b.entry.line,
    )[0]!;
    const start: RedirectTarget = cycleKeys.has(locationKey(first.entry.from))
      ? { kind: 'site', ...first.entry.from }
      : { kind: 'site', ...cycle };
    const locations = walk(raw, index, start, cycleKeys.size);
    const size = cycleKeys.size;
    const into =
      leading.length > 0
        ? `; ${count(leading.length)} more ${leading.length === 1 ? 'entry leads' : 'entries lead'} into it (${lineList(leading.map((route) => route.entry.line))})`
        : '';
    report(
      'error',
      'redirect-cycle',
      first.entry,
      `redirect cycle of ${count(size)} ${size === 1 ? 'entry' : 'entries'}: ${steps(locations, size + 1)} (${lineList(inside.map((route) => route.entry.line))})${into}`,
      'point one of these entries at a live page so the loop ends',
    );
  }
}

/** What is wrong with a target that does not end on content, and how to fix it. */
function brokenTarget(
  visit: Visit,
  index: AnchorIndex,
  from: string,
): { message: string; fix: string } {
  if (visit.kind === 'loop') {
    const visited = visit.hops.map((hop) => displayLocation(hop.from));
    const cycle = visited.slice(Math.max(0, visited.indexOf(displayLocation(visit.repeated))));
    // Told from the entry's own source when it is part of the loop.
    const start = Math.max(0, cycle.indexOf(from));
    const trail = [...cycle.slice(start), ...cycle.slice(0, start), cycle[start]!];
    return {
      message: `redirect cycle: ${trail.join(' -> ')}${cycle.includes(from) ? '' : ` (reached from "${from}")`}`,
      fix: 'point one of these entries at a live page so the loop ends',
    };
  }
  if (visit.kind === 'not-found') {
    const where = displayLocation(visit.location);
    return {
      message: `to: ${where} does not exist: no page is built at ${visit.location.path} and no redirect leaves it`,
      fix: `point at a built page (a content/docs/**/*.mdx file is served at its path ending in "/"), or add an entry "from: ${visit.location.path}"`,
    };
  }
  const target = visit.target as Extract<RedirectTarget, { kind: 'site' }>;
  // The page's sections, never the layout's ids (search, sidebar, …).
  const ids = (index.get(target.path)?.headings ?? [])
    .filter((heading) => heading.level >= 2)
    .map((heading) => heading.id);
  const where = displayTarget(target);
  return {
    message: `to: ${where} does not exist: ${target.path} has no element with id "${target.fragment}"`,
    fix: `use one of the anchors of ${target.path} (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', ...' : ''}), or add a redirect from ${where}`,
  };
}
