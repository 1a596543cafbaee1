/**
 * Turns the redirect map into the plan every output is written from, proving each entry
 * against the site on the way: one stub per removed page (its own fragment table and default),
 * one fragment table per live page (only that page's entries, never the site-wide map), the old
 * ids to keep alive without JavaScript, and the page moves a server may answer with a 301.
 *
 * Chains are flattened (a to b to c becomes a to c, with a warning) by following each target
 * through the plan itself, with the same follower the lock, the checker and the browser tests
 * use. Cycles, missing targets and sources that are still live are errors; the site's ids are
 * the only truth about what exists.
 *
 * A 301 keeps the reader's fragment, so `/old.html#x` answered by a server lands on `/new/#x`:
 * the fragment tables of removed pages that 301 to a live page are merged into that page's
 * table. When two sources want the same fragment on one page to go to different places, only
 * a server redirect creates the clash; it is reported with the reason and the fix.
 */
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import { RESERVED_NAMES } from '../site/reserved-names.ts';
import { fileOfSitePath, sitePathOfFile } from '../site/output-paths.ts';
import type { Problem, ProblemCode } from '../problems/problem.ts';
import type { RedirectEntry } from './redirect-map.ts';
import {
  displayLocation,
  displayTarget,
  locationKey,
  sameTarget,
  type RedirectTarget,
  type SiteLocation,
} from './locations.ts';
import {
  emptyPlan,
  staticStep,
  landsOnContent,
  type RedirectPlan,
  type Route,
  type StubPlan,
  type Visit,
} from './follow.ts';

/** What else the plan must respect. */
export interface PlanOptions {
  /** Top-level names of the output that hold the site's files (assets, search index, …). */
  reserved?: ReadonlySet<string>;
}

/** The plan, and every problem found while making it. Entries with errors are left out of the plan. */
export interface PlannedRedirects {
  plan: RedirectPlan;
  problems: Problem[];
}

/** Plans `entries` (from `mapFile`) against the site's content pages. */
export function planRedirects(
  entries: readonly RedirectEntry[],
  index: AnchorIndex,
  mapFile: string,
  options: PlanOptions = {},
): PlannedRedirects {
  const problems: Problem[] = [];
  const report = (
    severity: Problem['severity'],
    code: ProblemCode,
    entry: RedirectEntry,
    message: string,
    fix: string,
    target?: string,
  ) =>
    problems.push({
      severity,
      code,
      message,
      fix,
      at: { file: mapFile, line: entry.line },
      ...(target === undefined ? {} : { target }),
    });

  const valid = validEntries(entries, index, report, options.reserved ?? RESERVED_NAMES);
  const raw = rawPlan(valid, index, report);
  const plan = flattenPlan(raw, index, report);
  mergeServerTables(plan, index, report);
  return { plan, problems };
}

type Report = (
  severity: Problem['severity'],
  code: ProblemCode,
  entry: RedirectEntry,
  message: string,
  fix: string,
  target?: string,
) => void;

/** Entries that can fire: not duplicated, not from a live page or anchor, not orphaned anchors of a removed page. */
function validEntries(
  entries: readonly RedirectEntry[],
  index: AnchorIndex,
  report: Report,
  reserved: ReadonlySet<string>,
): RedirectEntry[] {
  const first = new Map<string, RedirectEntry>();
  for (const entry of entries)
    if (!first.has(locationKey(entry.from))) first.set(locationKey(entry.from), entry);
  const valid: RedirectEntry[] = [];
  for (const entry of entries) {
    const from = displayLocation(entry.from);
    const original = first.get(locationKey(entry.from))!;
    const page = index.get(entry.from.path);
    const top = entry.from.path.split('/')[1] ?? '';
    if (reserved.has(top) && page === undefined) {
      report(
        'error',
        'redirect-reserved',
        entry,
        `"from: ${from}" is under /${top}, where the site's own files are served; a redirect there would replace them`,
        'delete the entry: old addresses of pages never lived there',
      );
      continue;
    }
    if (original !== entry) {
      report(
        'error',
        'redirect-duplicate',
        entry,
        `duplicate "from: ${from}" (first written on line ${original.line})`,
        'keep one entry per "from"; delete or merge the other',
      );
    } else if (page !== undefined && entry.from.fragment === null) {
      report(
        'error',
        'redirect-live-source',
        entry,
        `"from: ${from}" is a live page, so this redirect can never fire`,
        `delete the entry, or remove or move the page that is built at ${from}`,
      );
    } else if (
      page !== undefined &&
      entry.from.fragment !== null &&
      page.ids.has(entry.from.fragment)
    ) {
      report(
        'error',
        'redirect-live-source',
        entry,
        `"from: ${from}" is a live anchor (the page still has id "${entry.from.fragment}"), so this redirect can never fire`,
        'delete the entry, or rename the heading so the old id is gone',
      );
    } else if (page === undefined && entry.from.fragment !== null && !first.has(entry.from.path)) {
      report(
        'error',
        'redirect-no-default',
        entry,
        `${entry.from.path} is not a built page and has no default redirect, so readers of its other anchors would get a 404`,
        `add the page's default target:\n- from: ${entry.from.path}\n  to: /where/the/page/went/`,
      );
    } else {
      valid.push(entry);
    }
  }
  return valid;
}

/** Stubs and page tables with targets as written, before chains are followed. */
function rawPlan(
  entries: readonly RedirectEntry[],
  index: AnchorIndex,
  report: Report,
): RedirectPlan {
  const plan = emptyPlan();
  const stubFiles = new Map<string, RedirectEntry>();
  for (const entry of entries) {
    if (entry.from.fragment !== null || index.has(entry.from.path)) continue;
    const file = fileOfSitePath(entry.from.path);
    const servedAs = sitePathOfFile(file);
    if (index.has(servedAs)) {
      report(
        'error',
        'redirect-clash',
        entry,
        `"from: ${entry.from.path}" is served from ${file}, the file of the live page ${servedAs}; a stub there would replace that page`,
        `delete the entry: ${entry.from.path} already shows ${servedAs}`,
      );
      continue;
    }
    const clash = stubFiles.get(file);
    if (clash !== undefined) {
      report(
        'error',
        'redirect-clash',
        entry,
        `"from: ${entry.from.path}" and "from: ${clash.from.path}" (line ${clash.line}) would both be written to ${file}`,
        'keep one of the two spellings',
      );
      continue;
    }
    stubFiles.set(file, entry);
    plan.stubs.set(entry.from.path, {
      path: entry.from.path,
      fallback: { target: entry.to, entry },
      table: new Map(),
    });
  }
  for (const entry of entries) {
    const fragment = entry.from.fragment;
    if (fragment === null) continue;
    const stub = plan.stubs.get(entry.from.path);
    if (stub !== undefined) stub.table.set(fragment, { target: entry.to, entry });
    else if (index.has(entry.from.path))
      tableOf(plan, entry.from.path).set(fragment, { target: entry.to, entry });
  }
  return plan;
}

function tableOf(plan: RedirectPlan, path: SitePath): Map<string, Route> {
  let table = plan.pageTables.get(path);
  if (table === undefined) plan.pageTables.set(path, (table = new Map<string, Route>()));
  return table;
}

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
function flattenPlan(raw: RedirectPlan, index: AnchorIndex, report: Report): RedirectPlan {
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
      if (resolved !== undefined) tableOf(plan, path).set(fragment, resolved);
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
  report: Report,
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
  report: Report,
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

/**
 * Chooses the removed pages a server answers with a 301, and merges their fragment tables into
 * the live page they land on, as a 301 delivers the fragment there. Then derives the old ids
 * each live page keeps alive without JavaScript.
 */
function mergeServerTables(plan: RedirectPlan, index: AnchorIndex, report: Report): void {
  const addRow = (path: SitePath, fragment: string, route: Route) => {
    const table = tableOf(plan, path);
    const existing = table.get(fragment);
    if (existing === undefined) {
      table.set(fragment, route);
    } else if (!sameTarget(existing.target, route.target)) {
      report(
        'error',
        'redirect-clash',
        route.entry,
        `ambiguous under a server redirect: ${displayLocation(route.entry.from)} goes to ${displayTarget(route.target)} but ${displayLocation(existing.entry.from)} (line ${existing.entry.line}) goes to ${displayTarget(existing.target)}, and a 301 delivers both to ${path}#${fragment}, where one table cannot tell them apart`,
        `send both to the same place, or give ${route.entry.from.path} and ${existing.entry.from.path} different default pages so their fragments no longer meet on ${path}`,
      );
    }
  };
  const stubs: StubPlan[] = [...plan.stubs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const stub of stubs) {
    const lands = stub.fallback.target;
    const keepsFragments = lands.kind === 'site' && lands.fragment === null;
    // A 301 cannot consult a fragment table: when the stub's table matters and the target page
    // cannot take it over, the stub alone answers (a server serves it like any file).
    if (stub.table.size > 0 && !keepsFragments) continue;
    plan.serverRedirects.push({ from: stub.path, route: stub.fallback });
    if (lands.kind !== 'site') continue;
    const landing = index.get(lands.path);
    for (const [fragment, route] of stub.table) {
      const target = route.target;
      if (target.kind === 'site' && target.path === lands.path && target.fragment === fragment)
        continue;
      if (landing?.ids.has(fragment)) {
        const source = displayLocation(route.entry.from);
        report(
          'error',
          'redirect-clash',
          route.entry,
          `ambiguous under a server redirect: ${stub.path} 301s to ${lands.path}, so ${source} arrives at ${lands.path}#${fragment}, a live section there, instead of ${displayTarget(target)}`,
          `point "${source}" at ${lands.path}#${fragment} if that section is right, or send ${stub.path} (line ${stub.fallback.entry.line}) to a page without an id "${fragment}"`,
        );
        continue;
      }
      addRow(lands.path, fragment, route);
    }
  }
  for (const [path, table] of plan.pageTables) {
    for (const [fragment, route] of table) {
      const target = route.target;
      if (target.kind !== 'site' || target.path !== path || target.fragment === null) continue;
      let renames = plan.legacyIds.get(path);
      if (renames === undefined) plan.legacyIds.set(path, (renames = new Map<string, string>()));
      renames.set(fragment, target.fragment);
    }
  }
}

/** The size of the largest per-page table (live pages and stubs), for reporting. */
export function largestTable(plan: RedirectPlan): { path: SitePath | undefined; size: number } {
  let largest: { path: SitePath | undefined; size: number } = { path: undefined, size: 0 };
  for (const [path, table] of plan.pageTables)
    if (table.size > largest.size) largest = { path, size: table.size };
  for (const [path, stub] of plan.stubs)
    if (stub.table.size > largest.size) largest = { path, size: stub.table.size };
  return largest;
}
