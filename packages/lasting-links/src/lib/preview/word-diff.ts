/**
 * A word-level diff of two texts that reads well: `diff` (jsdiff) finds the changes, and long
 * unchanged stretches between them are shortened to a few words of context on either side, so a
 * one-word fix in a long section shows as one line rather than the whole section.
 */
import { diffWords } from 'diff';

/** One piece of a diff: text both have, text removed, text added, or an elided unchanged run. */
export type DiffPart =
  { kind: 'same' | 'removed' | 'added'; text: string } | { kind: 'elided'; words: number };

/** Unchanged words kept on each side of a change. */
const CONTEXT_WORDS = 12;

/** The diff of `before` and `after`, word by word, with long unchanged runs elided. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  return parts.flatMap((part, index) =>
    part.kind === 'same' ? elide(part.text, index > 0, index < parts.length - 1) : [part],
  );
}

/** Whether a diff found any change. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind === 'added' || part.kind === 'removed');
}

/**
 * An unchanged run with only the context next to changes: the words after a change before it
 * (`keepStart`) and the words before a change after it (`keepEnd`).
 */
function elide(text: string, keepStart: boolean, keepEnd: boolean): DiffPart[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const head = keepStart ? CONTEXT_WORDS : 0;
  const tail = keepEnd ? CONTEXT_WORDS : 0;
  if (words.length <= head + tail + 3) return [{ kind: 'same', text }];
  const parts: DiffPart[] = [];
  if (head > 0) parts.push({ kind: 'same', text: words.slice(0, head).join('') });
  parts.push({ kind: 'elided', words: words.length - head - tail });
  if (tail > 0) parts.push({ kind: 'same', text: words.slice(words.length - tail).join('') });
  return parts;
}
