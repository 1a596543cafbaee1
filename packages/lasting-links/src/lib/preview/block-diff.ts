/**
 * The difference between two lists of blocks (a section before and after a pull request), block
 * by block: `diff` (jsdiff) aligns the lists on blocks whose text is the same, and within each run
 * of blocks that differ, a removed block and an added one are paired as one changed block when
 * they are mostly the same text. A changed block carries its own diff: prose word by word, code
 * line by line (a changed line of code is one removed and one added line, never a rewrapped
 * paragraph).
 */
import { diffArrays, diffLines, diffWords } from 'diff';
import type { BlockKind } from './block-rules.ts';
import type { Block } from './page-blocks.ts';

/** A piece of a block's diff: text both versions have, text removed, text added. */
export interface TextPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** One step of a block diff; `before` and `after` are indexes in the two lists. */
export type BlockStep =
  | { op: 'same'; before: number; after: number }
  | { op: 'changed'; before: number; after: number; parts: TextPart[] }
  | { op: 'added'; after: number }
  | { op: 'removed'; before: number };

/**
 * How alike two blocks must be (0 to 1, see `similarity`, over their words) to be shown as one
 * changed block: half their words for prose; a third for code and headings, whose words are few
 * or long (one changed line of a two-line command is still that command).
 */
const PAIRING_SIMILARITY: Record<BlockKind, number> = { text: 0.5, code: 0.3, heading: 0.3 };

/**
 * The diff of two texts of one kind of block: words for prose, lines for code. For code, both
 * texts are taken with a line break at the end, so that every line ends with one and a line
 * added at the end is not a changed last line: the parts cover the text and one more `\n`.
 */
export function textDiff(before: string, after: string, kind: BlockKind): TextPart[] {
  const changes =
    kind === 'code' ? diffLines(`${before}\n`, `${after}\n`) : diffWords(before, after);
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** Whether a diff found any change. */
export function partsChange(parts: readonly TextPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}

/** How much of two texts a diff keeps (0: nothing in common, 1: the same). */
function similarity(parts: readonly TextPart[]): number {
  let same = 0;
  let total = 0;
  for (const part of parts) {
    const length = part.text.trim().length;
    if (part.kind === 'same') {
      same += length;
      total += 2 * length;
    } else total += length;
  }
  return total === 0 ? 1 : (2 * same) / total;
}

/** The steps from `before` to `after`, in the order of `after` with removed blocks where they were. */
export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockStep[] {
  const changes = diffArrays([...before], [...after], {
    comparator: (a, b) => a.kind === b.kind && a.text === b.text,
  });
  const steps: BlockStep[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (let c = 0; c < changes.length; c += 1) {
    const change = changes[c]!;
    if (!change.added && !change.removed) {
      for (let n = 0; n < change.count; n += 1)
        steps.push({ op: 'same', before: oldAt++, after: newAt++ });
      continue;
    }
    // A run of removed and added blocks, in either order.
    let removed = 0;
    let added = 0;
    while (c < changes.length && (changes[c]!.added || changes[c]!.removed)) {
      if (changes[c]!.added) added += changes[c]!.count;
      else removed += changes[c]!.count;
      c += 1;
    }
    c -= 1;
    steps.push(...pairRun(before, after, oldAt, removed, newAt, added));
    oldAt += removed;
    newAt += added;
  }
  return steps;
}

/**
 * A run of `removed` blocks from `before` (from `oldStart`) replaced by `added` from `after`
 * (from `newStart`): each removed block is paired, in order, with the first added block after
 * the last pairing that is of its kind and alike enough; the others stay removed or added.
 */
function pairRun(
  before: readonly Block[],
  after: readonly Block[],
  oldStart: number,
  removed: number,
  newStart: number,
  added: number,
): BlockStep[] {
  const steps: BlockStep[] = [];
  let nextNew = newStart;
  let nextOld = oldStart;
  for (let old = oldStart; old < oldStart + removed; old += 1) {
    const was = before[old]!;
    for (let now = nextNew; now < newStart + added; now += 1) {
      const is = after[now]!;
      if (is.kind !== was.kind) continue;
      const words = textDiff(was.text, is.text, 'text');
      if (similarity(words) < PAIRING_SIMILARITY[was.kind]) continue;
      const parts = was.kind === 'code' ? textDiff(was.text, is.text, 'code') : words;
      for (; nextOld < old; nextOld += 1) steps.push({ op: 'removed', before: nextOld });
      for (; nextNew < now; nextNew += 1) steps.push({ op: 'added', after: nextNew });
      steps.push({ op: 'changed', before: old, after: now, parts });
      nextOld = old + 1;
      nextNew = now + 1;
      break;
    }
  }
  for (; nextOld < oldStart + removed; nextOld += 1) steps.push({ op: 'removed', before: nextOld });
  for (; nextNew < newStart + added; nextNew += 1) steps.push({ op: 'added', after: nextNew });
  return steps;
}
