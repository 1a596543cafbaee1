/**
 * Map entries nobody used while the logs were written: candidates to retire, for a person to
 * decide. The tool never removes one: a link in a printed manual may come back after years.
 * Entries with a `#fragment` are left out (a fragment never reaches the server, so the logs
 * cannot tell), and so are addresses in the anchors lock, which the site promises forever.
 */
import type { RedirectEntry } from '../redirects/redirect-map.ts';

/** The ways a reader's request may spell an entry's `from`, as logs record them. */
export function requestSpellings(entry: RedirectEntry): string[] {
  const decoded = entry.from.path;
  const encoded = encodeURI(decoded);
  return encoded === decoded ? [decoded] : [decoded, encoded];
}

/** The entries of `entries` that no request in `used` reached. */
export function unusedEntries(
  entries: readonly RedirectEntry[],
  used: ReadonlyMap<string, number>,
  locked: ReadonlySet<string>,
): RedirectEntry[] {
  return entries.filter(
    (entry) =>
      entry.from.fragment === null &&
      !locked.has(entry.from.path) &&
      requestSpellings(entry).every((spelling) => (used.get(spelling) ?? 0) === 0),
  );
}
