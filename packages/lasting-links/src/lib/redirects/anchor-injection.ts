/**
 * What the legacy-anchor machinery adds to a live page, placed at offsets the page scan found:
 * the page's script goes into `<head>` right after `<meta charset>` (so the charset stays within
 * the first bytes and the script still runs before first paint), and each old id that moved
 * within the page becomes an empty element just before the element that now carries the new
 * id, so the old anchor works with JavaScript off.
 */
import { escapeHtml } from '../html/escape.ts';
import { LEGACY_ANCHOR_ATTRIBUTE } from '../html/markers.ts';
import type { EditPoints } from '../html/scan-page.ts';
import type { Insertion } from '../html/splice.ts';

/** What to add to one page. */
export interface AnchorInjection {
  /** A complete `<script>` element, or undefined for none. */
  headScript?: string;
  /** Old id to the id of the element it should stand before. */
  legacyIds?: ReadonlyMap<string, string>;
}

/** The insertions for `injection`, and the old ids whose new element is not on the page. */
export function anchorInsertions(
  points: EditPoints,
  injection: AnchorInjection,
): { insertions: Insertion[]; missingTargets: string[] } {
  const insertions: Insertion[] = [];
  const missingTargets: string[] = [];
  if (injection.headScript !== undefined)
    insertions.push({ at: points.headInsertAt, text: injection.headScript });
  const byNewId = new Map<string, string[]>();
  for (const [oldId, newId] of injection.legacyIds ?? [])
    byNewId.set(newId, [...(byNewId.get(newId) ?? []), oldId]);
  for (const [newId, oldIds] of byNewId) {
    const at = points.idOffsets.get(newId);
    if (at === undefined) {
      missingTargets.push(...oldIds);
      continue;
    }
    const spans = oldIds
      .map((oldId) => `<span id="${escapeHtml(oldId)}" ${LEGACY_ANCHOR_ATTRIBUTE}></span>`)
      .join('');
    insertions.push({ at, text: spans });
  }
  return { insertions, missingTargets };
}
