/**
 * Following a Sphinx map's chains to where a reader would end: through the map's own keys and
 * the existing redirect map, carrying the reader's fragment as a browser carries it through a 301.
 */
import type { SitePath } from '../site-path.ts';
import { displayLocation, locationKey, parseTarget, type RedirectTarget } from './locations.ts';
import type { OldAddress, SphinxTarget } from './sphinx-addresses.ts';

/** A way on from an address: a key of the Sphinx map, or an entry of the existing map. */
export interface Link {
  target: Parsed;
  /** Whether the link is the page's default (it carries the reader's fragment). */
  pageLevel: boolean;
  describe: string;
}

export type Parsed = { ok: true; value: SphinxTarget } | { ok: false; reason: string };

/** Lookup key of an address: the same as the map's own (`/a.html#x`). */
export function keyOf(path: SitePath, fragment: string | null): string {
  return locationKey({ path, fragment });
}

/** An existing map target as the importer follows it: a site path is its own page and address. */
export function existingTarget(to: RedirectTarget): SphinxTarget {
  if (to.kind === 'external') return { kind: 'external', url: to.url };
  return {
    kind: 'site',
    at: { page: to.path, address: to.path, fragment: to.fragment, publishedHtml: false },
  };
}

/** An old `.html` address of a page that still exists, and the key that showed it was published. */
export interface Alias {
  address: SitePath;
  page: SitePath;
  line: number;
}

export type End =
  | { kind: 'landed'; target: SphinxTarget; hops: number; aliases: Array<Omit<Alias, 'line'>> }
  | { kind: 'missing'; at: OldAddress }
  | { kind: 'cycle'; trail: string[] }
  | { kind: 'broken'; via: string; reason: string };

/**
 * Follows a target through the maps as a reader would be sent: a key for the exact anchor
 * first (the old site's id is gone), then the live page, then the page's own key, which
 * carries the reader's fragment when it names none.
 */
export function follow(
  start: SphinxTarget,
  links: ReadonlyMap<string, Link>,
  pages: ReadonlySet<SitePath>,
): End {
  const seen = new Set<string>();
  const trail: string[] = [];
  const aliases: Array<Omit<Alias, 'line'>> = [];
  let current = start;
  for (let hops = 1; ; hops += 1) {
    if (current.kind === 'external') return { kind: 'landed', target: current, hops, aliases };
    const at = current.at;
    const exact =
      at.fragment === null
        ? undefined
        : (links.get(keyOf(at.address, at.fragment)) ?? links.get(keyOf(at.page, at.fragment)));
    if (exact === undefined && pages.has(at.page)) {
      if (at.publishedHtml && at.address !== at.page)
        aliases.push({ address: at.address, page: at.page });
      return { kind: 'landed', target: current, hops, aliases };
    }
    const link = exact ?? links.get(keyOf(at.address, null));
    if (link === undefined) return { kind: 'missing', at };
    const id = exact === undefined ? keyOf(at.address, null) : keyOf(at.address, at.fragment);
    trail.push(
      displayLocation({ path: at.address, fragment: exact === undefined ? null : at.fragment }),
    );
    if (seen.has(id)) return { kind: 'cycle', trail };
    seen.add(id);
    if (!link.target.ok) return { kind: 'broken', via: link.describe, reason: link.target.reason };
    const next = link.target.value;
    // A page's own redirect keeps the reader's fragment unless it names one (as a 301 does).
    current =
      exact === undefined && next.kind === 'site' && next.at.fragment === null
        ? { kind: 'site', at: { ...next.at, fragment: at.fragment } }
        : next;
  }
}

/** The final target as the map writes it, checked against the hosts the site allows. */
export function siteTarget(
  target: SphinxTarget,
  allowedHosts: readonly string[],
): { ok: true; value: RedirectTarget } | { ok: false; reason: string } {
  if (target.kind === 'site')
    return {
      ok: true,
      value: { kind: 'site', path: target.at.page, fragment: target.at.fragment },
    };
  const parsed = parseTarget(target.url, allowedHosts);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
}
