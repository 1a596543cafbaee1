/**
 * A stable id for a heading whose words give none. GitHub's slugger keeps only letters,
 * digits, `-` and `_`, so a heading of emoji or punctuation alone ("🚀") gets `id=""`, and its
 * table-of-contents entry links to `#`, the top of the page. Such a heading is given an id made
 * of its characters' code points instead (`section-1f680`), which stays the same for as long
 * as the heading does; the build warns, since a worded heading or `{#id}` reads better in a URL.
 * The render plugin and the source reader (`page-source.ts`) both use this, so the ids they
 * see agree.
 */
import { slug as slugOf } from 'github-slugger';
import type { Problem } from '../problems/problem.ts';

/** What the slugger makes of such a heading: nothing, dashes, and the `-1` it adds to repeats. */
const UNUSABLE_ID = /^[-_]*(?:-(\d+))?$/;

/** Variation selectors and joiners draw nothing of their own. */
const INVISIBLE = /^(?:\s|\u200d|[\ufe00-\ufe0f])$/u;

/** Whether the slugger's `id` for a heading carries no word at all. */
export function isUnusableHeadingId(id: string): boolean {
  return UNUSABLE_ID.test(id);
}

/**
 * The id to use for a heading the slugger gave `id`: `id` itself when it is usable, else
 * `section-` and the heading text's code points in hex (at most eight), keeping the
 * slugger's `-N` for a repeated heading so repeats stay distinct.
 */
export function usableHeadingId(id: string, text: string): string {
  const match = UNUSABLE_ID.exec(id);
  if (match === null) return id;
  const points = [...text]
    .filter((character) => !INVISIBLE.test(character))
    .slice(0, 8)
    .map((character) => character.codePointAt(0)!.toString(16));
  const stem = points.length > 0 ? `section-${points.join('-')}` : 'section';
  return match[1] === undefined ? stem : `${stem}-${match[1]}`;
}

/** A heading of a built page, as much as the warning needs. */
interface BuiltHeading {
  id: string;
  text: string;
}

/**
 * A warning for every heading of a page that was given a code-point id, at its line in the
 * page's source when the source is at hand.
 */
export function fallbackIdWarnings(
  headings: readonly BuiltHeading[],
  source: { file: string; text: string } | undefined,
): Problem[] {
  const lines = source?.text.split('\n') ?? [];
  return headings
    .filter((heading) => hasCodePointId(heading))
    .map((heading) => {
      const line = lines.findIndex((text) => /^#{1,6}\s/.test(text) && text.includes(heading.text));
      return {
        severity: 'warning',
        code: 'heading-id',
        message: `the heading "${heading.text}" has no words to make an id from, so it was given the id "${heading.id}"`,
        fix: `Add words to the heading, or give it a readable id: ${'## ' + heading.text} {#a-readable-id}`,
        ...(source === undefined
          ? {}
          : { at: { file: source.file, ...(line >= 0 ? { line: line + 1 } : {}) } }),
        target: `#${heading.id}`,
      } satisfies Problem;
    });
}

/** Whether the heading carries the code-point id made from its text (`-N` of a repeat included). */
function hasCodePointId(heading: BuiltHeading): boolean {
  const stem = usableHeadingId('', heading.text);
  return (
    heading.id.startsWith(stem) &&
    /^(?:-\d+)?$/.test(heading.id.slice(stem.length)) &&
    isUnusableHeadingId(slugOf(heading.text))
  );
}
