/**
 * The changes of one preview page, as the page loads them when a reviewer asks to see them in
 * place (`/_changes/pages/<hash>.json`, named in the page's `<meta name="preview-changes">`),
 * and the plan for marking one block's text. Shared by the build, which writes the file, and the
 * browser, which reads it: nothing here touches the DOM or Node.
 *
 * Blocks are named by their index among the page's blocks (`block-rules.ts`) and the hash of their
 * text, so a block the page no longer has where the build saw it is never marked wrongly.
 */

/** The `<meta name>` of a changed preview page whose content is the URL of its changes. */
export const CHANGES_META_NAME = 'preview-changes';

/**
 * A changed block's diff over its text as the page shows it: `[0, n]` n characters both versions
 * have, `[1, n]` n characters added, `[-1, text]` text removed at that point. For code, the text
 * is followed by one line break that the parts cover too.
 */
export type MarkPart = [0 | 1, number] | [-1, string];

/** One change to show on the page. */
export type PageMark =
  /** A block whose text changed: its new text is marked with `<ins>` and `<del>`. */
  | { mark: 'changed'; at: number; hash: string; parts: MarkPart[] }
  /** A new block: all its text is marked added. */
  | { mark: 'added'; at: number; hash: string }
  /** A block the base had here, shown struck through after block `after` (-1: before the first). */
  | { mark: 'removed'; after: number; tag: string; text: string }
  /**
   * A section (its heading at `at`) that was elsewhere in the base: on another page, or at
   * another anchor of this one. `from` is the old address (a site path), `fromTitle` how it read.
   */
  | {
      mark: 'moved';
      at: number;
      hash: string;
      from: string;
      fromTitle: string;
      /** Whether it was on this page (under another anchor) rather than on another page. */
      samePage: boolean;
      /** The old address on the published site, when the site's origin is known. */
      published: string | null;
      textChanged: boolean;
    }
  /** A section the base had here, now on another page (`to`, a URL in the preview). */
  | { mark: 'moved-away'; after: number; heading: string; to: string; toTitle: string };

/** What a changed page loads. */
export interface PageChanges {
  /** What the page is compared with, as a reader reads it: `main at 1a2b3c4`. */
  base: string;
  /** The page's entry on the What-changed page (a URL in the preview). */
  report: string;
  /** The page as published before this pull request, when the site's origin is known. */
  published: string | null;
  /** A moved page's old site path. */
  movedFrom: string | null;
  /** The changes in page order, grouped: marks with no unchanged block between them are one. */
  hunks: PageMark[][];
}

/** Where a block's marks go, in offsets of its text. */
export interface MarkPlan {
  /** Ranges of the text to wrap in `<ins>`, in order. */
  added: Array<{ start: number; end: number }>;
  /** Removed text to insert before the character at `at` (`at` = length: at the end). */
  removed: Array<{ at: number; text: string }>;
}

/**
 * Where a changed block's parts put their marks, given its text's length (for code, plus the
 * final line break the parts cover). Undefined when the parts do not cover exactly that text:
 * the block is not the one the build compared, and is left unmarked.
 */
export function planMarks(parts: readonly MarkPart[], length: number): MarkPlan | undefined {
  const plan: MarkPlan = { added: [], removed: [] };
  let at = 0;
  for (const [kind, value] of parts) {
    if (kind === -1) {
      if (typeof value !== 'string') return undefined;
      plan.removed.push({ at, text: value });
      continue;
    }
    if (typeof value !== 'number' || value < 0) return undefined;
    if (kind === 1 && value > 0) plan.added.push({ start: at, end: at + value });
    at += value;
  }
  return at === length ? plan : undefined;
}
