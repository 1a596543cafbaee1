/**
 * Turns resolved redirects into what each output needs: one stub per removed page (its own
 * fragment table and default), one fragment table per live page (only that page's entries,
 * never the site-wide map), the old ids to keep alive without JavaScript, and the page moves a
 * server may answer with a 301.
 *
 * A 301 keeps the reader's fragment, so `/old.html#x` answered by a server lands on `/new/#x`:
 * the fragment tables of removed pages that 301 to a live page are merged into that page's
 * table. When two sources want the same fragment on one page to go to different places, only
 * a server redirect creates the clash; it is reported with the reason and the fix.
 */
import type { AnchorIndex, SitePath } from '../types.ts';
import type { Problem } from './problems.ts';
import type { RedirectEntry } from './redirect-map.ts';
import type { ResolvedEntry } from './resolve-redirects.ts';
import { displayLocation, displayTarget, sameTarget, type RedirectTarget } from './locations.ts';

/** A removed page: what its stub does with each known fragment, and with any other. */
export interface StubPlan {
  path: SitePath;
  defaultTarget: RedirectTarget;
  /** Fragment (decoded) to final target. */
  table: Map<string, RedirectTarget>;
  line: number;
}

/** Everything the outputs are written from. All targets are final (chains flattened). */
export interface RedirectPlan {
  stubs: Map<SitePath, StubPlan>;
  /** Live page to its legacy-anchor table: fragment to final target. */
  pageTables: Map<SitePath, Map<string, RedirectTarget>>;
  /** Live page to the old ids that move within it: old id to the id it now points at. */
  legacyIds: Map<SitePath, Map<string, string>>;
  /** Removed pages a server may answer with a 301 (sorted by `from`). */
  serverRedirects: Array<{ from: SitePath; to: RedirectTarget }>;
}

/** The file a stub is written to, relative to the output dir: `/a.html` to `a.html`, `/a/` to `a/index.html`. */
export function stubFile(path: SitePath): string {
  return path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
}

/**
 * Builds the plan from resolved entries. Every entry in `resolved` is already valid on its own;
 * the problems returned here come from entries meeting each other (file collisions, clashes a
 * 301 would create).
 */
export function planRedirects(resolved: readonly ResolvedEntry[], index: AnchorIndex, file: string): { plan: RedirectPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const stubs = new Map<SitePath, StubPlan>();
  const pageRows = new Map<SitePath, Map<string, { target: RedirectTarget; origin: RedirectEntry }>>();
  const legacyIds = new Map<SitePath, Map<string, string>>();
  const stubFiles = new Map<string, RedirectEntry>();
  const entryOf = new Map(resolved.map((item) => [`${item.entry.from.path}#${item.entry.from.fragment ?? ''}`, item.entry]));

  for (const { entry, final } of resolved) {
    if (entry.from.fragment !== null || index.has(entry.from.path)) continue;
    const fileName = stubFile(entry.from.path);
    const clash = stubFiles.get(fileName);
    if (clash !== undefined) {
      problems.push({ severity: 'error', file, line: entry.line, message: `"from: ${entry.from.path}" and "from: ${clash.from.path}" (line ${clash.line}) would both be written to ${fileName}`, fix: 'keep one of the two spellings' });
      continue;
    }
    stubFiles.set(fileName, entry);
    stubs.set(entry.from.path, { path: entry.from.path, defaultTarget: final, table: new Map(), line: entry.line });
  }
  for (const { entry, final } of resolved) {
    const fragment = entry.from.fragment;
    if (fragment === null) continue;
    const stub = stubs.get(entry.from.path);
    if (stub !== undefined) stub.table.set(fragment, final);
    else if (index.has(entry.from.path)) addRow(entry.from.path, fragment, final, entry);
  }

  const serverRedirects: RedirectPlan['serverRedirects'] = [];
  for (const stub of [...stubs.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const lands = stub.defaultTarget;
    const keepsFragments = lands.kind === 'site' && lands.fragment === null;
    // A 301 cannot consult a fragment table: when the stub's table matters and the target page
    // cannot take it over, the stub alone answers (a server serves it like any file).
    if (stub.table.size > 0 && !keepsFragments) continue;
    serverRedirects.push({ from: stub.path, to: lands });
    if (lands.kind !== 'site') continue;
    const landing = index.get(lands.path);
    for (const [fragment, target] of stub.table) {
      if (target.kind === 'site' && target.path === lands.path && target.fragment === fragment) continue;
      const origin = entryOf.get(`${stub.path}#${fragment}`)!;
      if (landing?.ids.has(fragment)) {
        problems.push({
          severity: 'error', file, line: origin.line,
          message: `ambiguous under a server redirect: ${stub.path} 301s to ${lands.path}, so ${displayLocation(origin.from)} arrives at ${lands.path}#${fragment}, a live section there, instead of ${displayTarget(target)}`,
          fix: `point "${displayLocation(origin.from)}" at ${lands.path}#${fragment} if that section is right, or send ${stub.path} (line ${stub.line}) to a page without an id "${fragment}"`,
        });
        continue;
      }
      addRow(lands.path, fragment, target, origin);
    }
  }

  const pageTables = new Map<SitePath, Map<string, RedirectTarget>>();
  for (const [path, rows] of pageRows) {
    const table = new Map<string, RedirectTarget>();
    for (const [fragment, row] of rows) {
      table.set(fragment, row.target);
      if (row.target.kind === 'site' && row.target.path === path && row.target.fragment !== null) {
        if (!legacyIds.has(path)) legacyIds.set(path, new Map());
        legacyIds.get(path)!.set(fragment, row.target.fragment);
      }
    }
    pageTables.set(path, table);
  }
  return { plan: { stubs, pageTables, legacyIds, serverRedirects }, problems };

  function addRow(path: SitePath, fragment: string, target: RedirectTarget, origin: RedirectEntry): void {
    if (!pageRows.has(path)) pageRows.set(path, new Map());
    const rows = pageRows.get(path)!;
    const existing = rows.get(fragment);
    if (existing === undefined) {
      rows.set(fragment, { target, origin });
    } else if (!sameTarget(existing.target, target)) {
      problems.push({
        severity: 'error', file, line: origin.line,
        message: `ambiguous under a server redirect: ${displayLocation(origin.from)} goes to ${displayTarget(target)} but ${displayLocation(existing.origin.from)} (line ${existing.origin.line}) goes to ${displayTarget(existing.target)}, and a 301 delivers both to ${path}#${fragment}, where one table cannot tell them apart`,
        fix: `send both to the same place, or give ${origin.from.path} and ${existing.origin.from.path} different default pages so their fragments no longer meet on ${path}`,
      });
    }
  }
}

/** The size of the largest per-page table (live pages and stubs), for reporting. */
export function largestTable(plan: RedirectPlan): { path: SitePath | undefined; size: number } {
  let largest: { path: SitePath | undefined; size: number } = { path: undefined, size: 0 };
  for (const [path, table] of plan.pageTables) if (table.size > largest.size) largest = { path, size: table.size };
  for (const [path, stub] of plan.stubs) if (stub.table.size > largest.size) largest = { path, size: stub.table.size };
  return largest;
}
