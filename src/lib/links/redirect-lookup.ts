/**
 * Follows the redirect map the way a reader's browser would: an anchor entry
 * (`/old/#sec`) wins over its page's entry (`/old/`), a page entry keeps the fragment unless
 * its target names one, and chains are followed to the end.
 */
import type { RedirectEntry } from './redirect-map.ts';

/** Where an old URL ends up after every redirect applies. */
export interface RedirectOutcome {
  /** A site path, or an absolute `https://` URL on an allow-listed host. */
  path: string;
  fragment: string | null;
  /** The entries applied, in order; the first is the one the old URL matched. */
  via: RedirectEntry[];
  /** True when the chain came back to a URL it had already visited. */
  cycle: boolean;
}

/** Looks up an old URL (site path plus decoded fragment); null when the map does not mention it. */
export type RedirectLookup = (path: string, fragment: string | null) => RedirectOutcome | null;

/** Splits `/a/b/#sec` into its path and fragment (null when there is no `#`). */
export function splitFragment(url: string): { path: string; fragment: string | null } {
  const hash = url.indexOf('#');
  return hash < 0 ? { path: url, fragment: null } : { path: url.slice(0, hash), fragment: url.slice(hash + 1) };
}

/** `/a/index.html` and `/a/` are the same page to every static host. */
function pageKey(path: string): string {
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Builds the lookup for a parsed map. Later duplicates of a `from` are ignored; the redirect engine reports them. */
export function redirectLookup(entries: readonly RedirectEntry[]): RedirectLookup {
  const byFrom = new Map<string, RedirectEntry>();
  for (const entry of entries) {
    const { path, fragment } = splitFragment(entry.from);
    const key = fragment === null ? pageKey(path) : `${pageKey(path)}#${fragment}`;
    if (!byFrom.has(key)) byFrom.set(key, entry);
  }
  const step = (path: string, fragment: string | null): RedirectEntry | undefined =>
    (fragment !== null && fragment !== '' ? byFrom.get(`${pageKey(path)}#${fragment}`) : undefined) ?? byFrom.get(pageKey(path));

  return (path, fragment) => {
    const via: RedirectEntry[] = [];
    const seen = new Set<string>();
    let current = { path, fragment };
    for (;;) {
      const key = `${pageKey(current.path)}#${current.fragment ?? ''}`;
      if (seen.has(key)) return { ...current, via, cycle: true };
      seen.add(key);
      const entry = step(current.path, current.fragment);
      if (entry === undefined) break;
      via.push(entry);
      const target = splitFragment(entry.to);
      const matchedAnchor = splitFragment(entry.from).fragment !== null;
      // An anchor entry names its landing place exactly; a page entry carries the old fragment along.
      const nextFragment = target.fragment ?? (matchedAnchor ? null : current.fragment);
      current = { path: target.path, fragment: nextFragment };
      if (/^https?:\/\//i.test(current.path)) break;
    }
    return via.length === 0 ? null : { ...current, via, cycle: false };
  };
}
