/**
 * Splices the legacy-anchor machinery into a built page without reformatting it: the page's
 * script goes into `<head>` right after `<meta charset>` (so the charset stays within the
 * first bytes and the script still runs before first paint), and each old id that moved
 * within the page becomes an empty element just before the element that now carries the
 * new id, so the old anchor works with JavaScript off.
 *
 * htmlparser2 finds the positions; the page's own bytes are copied around them unchanged.
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from './stub-page.ts';

/** What to add to one page. */
export interface AnchorInjection {
  /** A complete `<script>` element, or undefined for none. */
  headScript?: string;
  /** Old id to the id of the element it should stand before. */
  legacyIds?: ReadonlyMap<string, string>;
}

/** The page with the injection applied, and the old ids whose new element was not found. */
export interface InjectionResult {
  html: string;
  missingTargets: string[];
}

/** The attribute that marks an element as a kept-alive old anchor (tools reading ids skip them). */
export const LEGACY_ANCHOR_ATTRIBUTE = 'data-legacy-anchor';

/** Applies `injection` to `html`. A page without `<head>` gets the script before its first element. */
export function injectAnchors(html: string, injection: AnchorInjection): InjectionResult {
  const inserts: Array<{ at: number; text: string }> = [];
  const wanted = new Map<string, string[]>();
  for (const [oldId, newId] of injection.legacyIds ?? []) wanted.set(newId, [...(wanted.get(newId) ?? []), oldId]);
  let headEnd = -1;
  let charsetEnd = -1;
  let inHead = false;
  let firstTag = -1;

  const parser: Parser = new Parser({
    onopentag(name, attributes) {
      if (firstTag < 0 && name !== 'html') firstTag = parser.startIndex;
      if (name === 'head' && headEnd < 0) {
        headEnd = parser.endIndex + 1;
        inHead = true;
      } else if (inHead && name === 'meta' && attributes.charset !== undefined && charsetEnd < 0) {
        charsetEnd = parser.endIndex + 1;
      }
      const id = attributes.id;
      const oldIds = id === undefined ? undefined : wanted.get(id);
      if (oldIds !== undefined && id !== undefined) {
        const spans = oldIds.map((oldId) => `<span id="${escapeHtml(oldId)}" ${LEGACY_ANCHOR_ATTRIBUTE}></span>`).join('');
        inserts.push({ at: parser.startIndex, text: spans });
        wanted.delete(id);
      }
    },
    onclosetag(name) {
      if (name === 'head') inHead = false;
    },
  });
  parser.end(html);

  if (injection.headScript !== undefined) {
    const at = charsetEnd >= 0 ? charsetEnd : headEnd >= 0 ? headEnd : Math.max(firstTag, 0);
    inserts.push({ at, text: injection.headScript });
  }
  let result = html;
  for (const insert of inserts.sort((a, b) => b.at - a.at)) {
    result = result.slice(0, insert.at) + insert.text + result.slice(insert.at);
  }
  return { html: result, missingTargets: [...wanted.values()].flat() };
}
