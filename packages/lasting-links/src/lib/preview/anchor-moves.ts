/**
 * Which addresses of the base site a pull request moves, and where they land now: every page
 * the base had and every heading anchor on it that the pull request's build no longer has, each
 * followed through the pull request's redirect map by the same follower the build and the
 * browser tests use. A reviewer sees each move with the map entries that carry it, and any
 * address that would now break.
 */
import type { SitePath } from '../site-path.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { RedirectEntry } from '../redirects/redirect-map.ts';
import { follow, landsOnContent, type RedirectPlan } from '../redirects/follow.ts';
import type { RedirectTarget, SiteLocation } from '../redirects/locations.ts';

/** An address of the base site that is not where it was. */
export interface AnchorMove {
  from: SiteLocation;
  /** Where a reader lands now, or undefined when the address breaks. */
  to: RedirectTarget | undefined;
  /** The map entries applied on the way, in order (with their lines in the map). */
  entries: RedirectEntry[];
}

/** The id every page's title carries (the layout's, not the author's); never a moved anchor. */
const TITLE_ID = '_top';

/** Every base address (page or heading anchor) that moved or broke in `after`, in base order. */
export function anchorMoves(
  before: AnchorIndex,
  after: AnchorIndex,
  plan: RedirectPlan,
): AnchorMove[] {
  const moves: AnchorMove[] = [];
  const visit = (path: SitePath, fragment: string | null) => {
    const from = { path, fragment };
    const result = follow(plan, after, from, 'static');
    moves.push({
      from,
      to: result.kind === 'landed' && landsOnContent(result, after) ? result.target : undefined,
      entries: result.hops.map((hop) => hop.entry),
    });
  };
  for (const [path, page] of [...before].sort(([a], [b]) => a.localeCompare(b))) {
    const now = after.get(path);
    if (now === undefined) visit(path, null);
    for (const heading of page.headings) {
      if (heading.id === TITLE_ID || now?.ids.has(heading.id)) continue;
      visit(path, heading.id);
    }
  }
  return moves;
}

/** A move as a reviewer reads it: a moved page with the anchors that went with it, or one anchor. */
export interface MoveRow {
  move: AnchorMove;
  /** For a moved page, the moves of its anchors. */
  anchors: AnchorMove[];
}

/**
 * The moves in rows: one per moved page, holding its anchors (a renamed page moves every anchor
 * it had, and they are one change), and one per anchor moved on a page that stayed.
 */
export function moveRows(moves: readonly AnchorMove[]): MoveRow[] {
  const pages = new Map<SitePath, MoveRow>();
  const rows: MoveRow[] = [];
  for (const move of moves) {
    if (move.from.fragment !== null) continue;
    const row = { move, anchors: [] };
    pages.set(move.from.path, row);
    rows.push(row);
  }
  for (const move of moves) {
    if (move.from.fragment === null) continue;
    const page = pages.get(move.from.path);
    if (page !== undefined) page.anchors.push(move);
    else rows.push({ move, anchors: [] });
  }
  return rows.sort((a, b) => a.move.from.path.localeCompare(b.move.from.path));
}
