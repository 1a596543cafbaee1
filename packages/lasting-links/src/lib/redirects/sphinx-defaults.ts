/**
 * The default entry of a removed page whose anchors a Sphinx map moved: which page most of its
 * anchors went to, and where the default goes in the map (just before the page's first anchor).
 */
import type { SitePath } from '../site-path.ts';
import { sameTarget, type RedirectTarget } from './locations.ts';
import type { ImportedEntry } from './imported-entry.ts';

export function groupByPage(entries: readonly ImportedEntry[]): Map<SitePath, ImportedEntry[]> {
  const groups = new Map<SitePath, ImportedEntry[]>();
  for (const entry of entries)
    groups.set(entry.from.path, [...(groups.get(entry.from.path) ?? []), entry]);
  return groups;
}

/** The page (without fragment) most targets are on; the first of equals, in map order. */
export function mostCommonPage(targets: readonly RedirectTarget[]): RedirectTarget {
  const pageOf = (target: RedirectTarget): RedirectTarget =>
    target.kind === 'site'
      ? { ...target, fragment: null }
      : { kind: 'external', url: target.url.split('#')[0]! };
  const counts: Array<{ page: RedirectTarget; count: number }> = [];
  for (const target of targets) {
    const page = pageOf(target);
    const row = counts.find((candidate) => sameTarget(candidate.page, page));
    if (row === undefined) counts.push({ page, count: 1 });
    else row.count += 1;
  }
  return counts.reduce((best, row) => (row.count > best.count ? row : best)).page;
}

/** Each page's default goes just before its first anchor entry; defaults of other pages go last. */
export function placeDefaults(
  entries: readonly ImportedEntry[],
  defaults: ReadonlyMap<SitePath, ImportedEntry>,
): ImportedEntry[] {
  const out: ImportedEntry[] = [];
  const placed = new Set<SitePath>();
  for (const entry of entries) {
    const before = defaults.get(entry.from.path);
    if (before !== undefined && !placed.has(entry.from.path)) {
      out.push(before);
      placed.add(entry.from.path);
    }
    out.push(entry);
  }
  for (const [path, entry] of defaults) if (!placed.has(path)) out.push(entry);
  return out;
}
