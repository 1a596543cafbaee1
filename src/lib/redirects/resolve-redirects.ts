/**
 * Resolves every redirect to its final destination against the built site: chains are
 * flattened (a to b to c becomes a to c, with a warning), cycles and missing targets are
 * errors, and so is a `from` that can never fire because the page or anchor is still live.
 * The built HTML's ids are the only truth about what exists.
 */
import type { AnchorIndex, SitePath } from '../types.ts';
import type { Problem } from './problems.ts';
import type { RedirectEntry } from './redirect-map.ts';
import { carryFragment, displayLocation, displayTarget, locationKey, type RedirectTarget, type SiteLocation } from './locations.ts';

/** An entry with the place a reader finally lands, after following every chain. */
export interface ResolvedEntry {
  entry: RedirectEntry;
  final: RedirectTarget;
}

/** Entries that resolved, and every problem found on the way. */
export interface Resolution {
  resolved: ResolvedEntry[];
  problems: Problem[];
}

/** Entries keyed by their `from`, with the page-level entry of each path found quickly. */
export interface EntryLookup {
  byFrom: Map<string, RedirectEntry>;
  pageEntry(path: SitePath): RedirectEntry | undefined;
}

/** Indexes entries by `from`; the first of two duplicates wins (the second is reported elsewhere). */
export function entryLookup(entries: readonly RedirectEntry[]): EntryLookup {
  const byFrom = new Map<string, RedirectEntry>();
  for (const entry of entries) {
    const key = locationKey(entry.from);
    if (!byFrom.has(key)) byFrom.set(key, entry);
  }
  return { byFrom, pageEntry: (path) => byFrom.get(path) };
}

type Step = { ok: true; final: RedirectTarget; hops: RedirectEntry[] } | { ok: false; message: string; fix: string };

/**
 * Follows `location` through the map as a reader would: a live page with a live anchor (or no
 * anchor) is the end; otherwise an exact entry applies, else the removed page's default entry
 * with the fragment carried along. `seen` holds the keys already visited, to catch cycles.
 */
export function followMap(location: SiteLocation, index: AnchorIndex, lookup: EntryLookup, seen: string[]): Step {
  const hops: RedirectEntry[] = [];
  let current: RedirectTarget = { kind: 'site', ...location };
  const trail = [...seen];
  for (;;) {
    if (current.kind === 'external') return { ok: true, final: current, hops };
    const here: SiteLocation = { path: current.path, fragment: current.fragment };
    const page = index.get(here.path);
    if (page !== undefined && (here.fragment === null || page.ids.has(here.fragment))) {
      return { ok: true, final: current, hops };
    }
    const key = locationKey(here);
    if (trail.includes(key)) {
      const cycle = [...trail.slice(trail.indexOf(key)), key].join(' -> ');
      return { ok: false, message: `redirect cycle: ${cycle}`, fix: 'point one of these entries at a live page so the loop ends' };
    }
    trail.push(key);
    const exact = lookup.byFrom.get(key);
    const viaPage = exact ?? (page === undefined ? lookup.pageEntry(here.path) : undefined);
    if (viaPage === undefined) {
      if (page !== undefined) {
        return {
          ok: false,
          message: `${displayLocation(here)} does not exist: ${here.path} has no element with id "${here.fragment}"`,
          fix: `use one of the anchors of ${here.path} (${[...page.ids].slice(0, 8).join(', ')}${page.ids.size > 8 ? ', ...' : ''}), or add a redirect from ${displayLocation(here)}`,
        };
      }
      return {
        ok: false,
        message: `${displayLocation(here)} does not exist: no page is built at ${here.path} and no redirect leaves it`,
        fix: `point at a built page (a content/docs/**/*.mdx file is served at its path ending in "/"), or add an entry "from: ${here.path}"`,
      };
    }
    hops.push(viaPage);
    current = exact !== undefined ? viaPage.to : carryFragment(viaPage.to, here.fragment);
  }
}

/**
 * Validates and resolves the whole map against the built pages. `file` names the map in
 * messages. Entries with errors are left out of `resolved`; the build fails on any error.
 */
export function resolveRedirects(entries: readonly RedirectEntry[], index: AnchorIndex, file: string): Resolution {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], entry: RedirectEntry, message: string, fix: string) =>
    problems.push({ severity, file, line: entry.line, message, fix });
  const lookup = entryLookup(entries);
  const resolved: ResolvedEntry[] = [];

  for (const entry of entries) {
    const from = displayLocation(entry.from);
    const first = lookup.byFrom.get(locationKey(entry.from));
    if (first !== entry) {
      report('error', entry, `duplicate "from: ${from}" (first written on line ${first?.line})`, 'keep one entry per "from"; delete or merge the other');
      continue;
    }
    const page = index.get(entry.from.path);
    if (page !== undefined && entry.from.fragment === null) {
      report('error', entry, `"from: ${from}" is a live page, so this redirect can never fire`, `delete the entry, or remove or move the page that is built at ${from}`);
      continue;
    }
    if (page !== undefined && entry.from.fragment !== null && page.ids.has(entry.from.fragment)) {
      report('error', entry, `"from: ${from}" is a live anchor (the page still has id "${entry.from.fragment}"), so this redirect can never fire`, 'delete the entry, or rename the heading so the old id is gone');
      continue;
    }
    if (page === undefined && entry.from.fragment !== null && lookup.pageEntry(entry.from.path) === undefined) {
      report('error', entry, `${entry.from.path} is not a built page and has no default redirect, so readers of its other anchors would get a 404`, `add the page's default target:\n- from: ${entry.from.path}\n  to: /where/the/page/went/`);
      continue;
    }
    const outcome = entry.to.kind === 'external'
      ? ({ ok: true, final: entry.to, hops: [] } as Step)
      : followMap(entry.to, index, lookup, [locationKey(entry.from)]);
    if (!outcome.ok) {
      report('error', entry, `to: ${outcome.message}`, outcome.fix);
      continue;
    }
    if (outcome.hops.length > 0) {
      const chain = [from, displayTarget(entry.to), ...outcome.hops.map((hop) => displayTarget(hop.to))];
      if (chain.at(-1) !== displayTarget(outcome.final)) chain.push(displayTarget(outcome.final));
      report('warning', entry, `redirect chain ${chain.join(' -> ')} (via line ${outcome.hops.map((hop) => hop.line).join(', ')}); every output sends readers straight to ${displayTarget(outcome.final)}`, `write "to: ${displayTarget(outcome.final)}" on line ${entry.line}`);
    }
    resolved.push({ entry, final: outcome.final });
  }
  return { resolved, problems };
}
