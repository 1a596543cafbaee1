/**
 * Where a reader ends up, computed from the plan the way a browser and a server behave: a
 * server answers page moves with a 301 (the browser keeps the fragment unless the new
 * location names one), a stub maps the fragment through its table or goes to its default
 * keeping the fragment, and a live page's script maps only the fragments in its own table.
 * The anchors lock and the browser tests both trust this one model.
 */
import type { AnchorIndex } from '../types.ts';
import type { RedirectPlan } from './anchor-tables.ts';
import { carryFragment, type RedirectTarget, type SiteLocation } from './locations.ts';

/** `static`: a plain file host (stubs only). `server`: a host that also applies the 301 rules. */
export type HostMode = 'static' | 'server';

/** The end of a visit: a target (a live page, maybe with a fragment, or an external URL), or a 404. */
export type Landing = { kind: 'landed'; target: RedirectTarget; hops: number } | { kind: 'not-found'; path: string; hops: number };

const MAX_HOPS = 10;

/** Follows a visit to `location` until nothing redirects any more. */
export function followInBrowser(plan: RedirectPlan, index: AnchorIndex, location: SiteLocation, mode: HostMode): Landing {
  const serverMoves = mode === 'server' ? new Map(plan.serverRedirects.map((move) => [move.from, move.to])) : new Map<string, RedirectTarget>();
  let current: RedirectTarget = { kind: 'site', ...location };
  for (let hops = 0; hops <= MAX_HOPS; hops += 1) {
    if (current.kind === 'external') return { kind: 'landed', target: current, hops };
    const path: string = current.path;
    const fragment: string | null = current.fragment;
    const moved = serverMoves.get(path);
    const stub = plan.stubs.get(path);
    if (moved !== undefined) {
      current = carryFragment(moved, fragment);
    } else if (stub !== undefined) {
      current = (fragment === null ? undefined : stub.table.get(fragment)) ?? carryFragment(stub.defaultTarget, fragment);
    } else {
      const page = index.get(path);
      if (page === undefined) return { kind: 'not-found', path, hops };
      const mapped: RedirectTarget | undefined = fragment === null || page.ids.has(fragment) ? undefined : plan.pageTables.get(path)?.get(fragment);
      if (mapped === undefined) return { kind: 'landed', target: current, hops };
      current = mapped;
    }
  }
  throw new Error(`redirects loop for ${location.path}#${location.fragment ?? ''}; the map should have been rejected`);
}

/** Whether a landing is a real place: a built page, and the fragment (if any) an id on it. */
export function landsOnContent(landing: Landing, index: AnchorIndex): boolean {
  if (landing.kind === 'not-found') return false;
  const target = landing.target;
  if (target.kind === 'external') return true;
  const page = index.get(target.path);
  return page !== undefined && (target.fragment === null || page.ids.has(target.fragment));
}
