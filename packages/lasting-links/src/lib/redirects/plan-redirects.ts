/**
 * Turns the redirect map into the plan every output is written from, proving each entry
 * against the site on the way: one stub per removed page (its own fragment table and default),
 * one fragment table per live page (only that page's entries, never the site-wide map), the old
 * ids to keep alive without JavaScript, and the page moves a server may answer with a 301.
 *
 * Chains are flattened (a to b to c becomes a to c, with a warning; see redirect-chains.ts) by
 * following each target through the plan itself, with the same follower the lock, the checker
 * and the browser tests use. Cycles, missing targets and sources that are still live are errors; the site's ids are
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
import type { Problem } from '../problems/problem.ts';
import type { RedirectEntry } from './redirect-map.ts';
import { displayLocation, displayTarget, locationKey, sameTarget } from './locations.ts';
import { emptyPlan, pageTableOf, type RedirectPlan, type Route, type StubPlan } from './follow.ts';
import { flattenPlan, type PlanReport } from './redirect-chains.ts';

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
  const report: PlanReport = (severity, code, entry, message, fix, target) => {
    problems.push({
      severity,
      code,
      message,
      fix,
      at: { file: mapFile, line: entry.line },
      ...(target === undefined ? {} : { target }),
    });
  };

  const valid = validEntries(entries, index, report, options.reserved ?? RESERVED_NAMES);
  const raw = rawPlan(valid, index, report);
  const plan = flattenPlan(raw, index, report);
  mergeServerTables(plan, index, report);
  return { plan, problems };
}

/** Entries that can fire: not duplicated, not from a live page or anchor, not orphaned anchors of a removed page. */
function validEntries(
  entries: readonly RedirectEntry[],
  index: AnchorIndex,
  report: PlanReport,
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
  report: PlanReport,
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
      pageTableOf(plan, entry.from.path).set(fragment, { target: entry.to, entry });
  }
  return plan;
}

/**
 * Chooses the removed pages a server answers with a 301, and merges their fragment tables into
 * the live page they land on, as a 301 delivers the fragment there. Then derives the old ids
 * each live page keeps alive without JavaScript.
 */
function mergeServerTables(plan: RedirectPlan, index: AnchorIndex, report: PlanReport): void {
  const addRow = (path: SitePath, fragment: string, route: Route) => {
    const table = pageTableOf(plan, path);
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
