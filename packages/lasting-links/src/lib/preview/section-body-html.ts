/**
 * The text of one changed section on the What-changed page, block by block: prose as a word
 * diff, code as a line diff with the unchanged lines around a change kept and longer unchanged
 * runs folded, added or removed text shown in full up to a few blocks and folded after them.
 * Nothing is ever cut: what is not shown at once is one click away.
 */
import { escapeHtml } from '../html/escape.ts';
import type { TextPart } from './block-diff.ts';
import type { BlockChange, SectionChange } from './compare-sites.ts';
import type { Block } from './page-blocks.ts';

/** Blocks of added or removed text shown before the rest folds. */
const SHOWN_BLOCKS = 2;
/** Characters of added or removed text shown before the rest folds. */
const SHOWN_CHARACTERS = 600;
/** Unchanged lines of code kept on each side of a change; longer unchanged runs fold. */
const CONTEXT_LINES = 3;

/** `1 block`, `3 blocks`. */
export function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export function sectionBody(section: SectionChange): string {
  if (section.kind === 'moved-away') return '';
  if (section.kind === 'added' || section.kind === 'removed')
    return wholeBlocks(
      section.blocks.map((change) => change.block),
      section.kind,
    );
  if (!section.textChanged) return '';
  return changedBlocks(section.blocks);
}

/** Blocks all added or all removed: the first shown, the rest folded. */
function wholeBlocks(blocks: readonly Block[], kind: 'added' | 'removed'): string {
  if (blocks.length === 0) return '';
  const rendered = blocks.map((block) => blockHtml(block, kind));
  let shown = 0;
  let characters = 0;
  while (
    shown < blocks.length &&
    shown < SHOWN_BLOCKS &&
    (shown === 0 || characters + blocks[shown]!.text.length <= SHOWN_CHARACTERS)
  ) {
    characters += blocks[shown]!.text.length;
    shown += 1;
  }
  const rest = blocks.slice(shown);
  return (
    rendered.slice(0, shown).join('\n') +
    (rest.length === 0
      ? ''
      : `\n<details class="fold"><summary>${count(rest.length, 'more block')} (${count(words(rest), 'word')})</summary>\n${rendered.slice(shown).join('\n')}</details>`)
  );
}

function words(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + (block.text.match(/\S+/g)?.length ?? 0), 0);
}

/** A compared section's blocks: changes shown, runs of unchanged blocks folded. */
function changedBlocks(changes: readonly BlockChange[]): string {
  const out: string[] = [];
  let same: Block[] = [];
  const flush = () => {
    if (same.length === 0) return;
    out.push(
      `<details class="fold"><summary>${count(same.length, 'unchanged block')}</summary>\n${same.map((block) => blockHtml(block, 'same')).join('\n')}</details>`,
    );
    same = [];
  };
  for (const change of changes) {
    if (change.op === 'same') {
      same.push(change.block);
      continue;
    }
    flush();
    if (change.op === 'changed') out.push(changedBlockHtml(change.block, change.parts));
    else out.push(blockHtml(change.block, change.op));
  }
  flush();
  return out.join('\n');
}

/** A block shown whole, as unchanged, added or removed text. */
function blockHtml(block: Block, kind: 'same' | 'added' | 'removed'): string {
  if (block.kind === 'code') {
    return codeHtml(
      block.text.split('\n').map((line) => ({ kind, text: line })),
      kind,
    );
  }
  const text = escapeHtml(block.text);
  const marked =
    kind === 'same' ? text : kind === 'added' ? `<ins>${text}</ins>` : `<del>${text}</del>`;
  const html = block.kind === 'heading' ? `<strong>${marked}</strong>` : marked;
  if (kind !== 'same' && block.text.length > 2 * SHOWN_CHARACTERS) {
    // A long block folds after its first words, which stay whole.
    const cut = block.text.slice(0, SHOWN_CHARACTERS).replace(/\s+\S*$/, '');
    return `<details class="fold diff-block"><summary>${escapeHtml(cut)} … (${count(block.text.match(/\S+/g)?.length ?? 0, 'word')}, ${kind})</summary><p class="diff">${html}</p></details>`;
  }
  return `<p class="diff${kind === 'same' ? '' : ` diff-${kind}`}">${html}</p>`;
}

/** A changed block: prose word by word, code line by line. */
function changedBlockHtml(block: Block, parts: readonly TextPart[]): string {
  if (block.kind === 'code') return codeHtml(linesOf(parts), 'changed');
  const html = diffHtml(parts);
  return `<p class="diff">${block.kind === 'heading' ? `<strong>${html}</strong>` : html}</p>`;
}

/** A word diff as inline HTML: `<del>` and `<ins>`. */
export function diffHtml(parts: readonly TextPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      return part.kind === 'same'
        ? text
        : part.kind === 'added'
          ? `<ins>${text}</ins>`
          : `<del>${text}</del>`;
    })
    .join('');
}

/** A line diff's parts as lines (each part of a line diff is whole lines, each ending in `\n`). */
function linesOf(parts: readonly TextPart[]): TextPart[] {
  return parts.flatMap((part) =>
    part.text
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ kind: part.kind, text })),
  );
}

/**
 * Lines of code as a diff: removed lines in `<del>`, added in `<ins>`, each a line of its own
 * with a sign before it; runs of unchanged lines longer than the context fold.
 */
function codeHtml(
  lines: readonly TextPart[],
  kind: 'same' | 'added' | 'removed' | 'changed',
): string {
  const line = (part: TextPart) => {
    const text = escapeHtml(part.text);
    return part.kind === 'same'
      ? `<span class="line"> ${text}</span>`
      : part.kind === 'added'
        ? `<ins class="line">+${text}</ins>`
        : `<del class="line">-${text}</del>`;
  };
  // Each line is a block of its own (see the page's styles), so nothing joins them.
  // A box that scrolls is one a keyboard can reach.
  const pre = (group: readonly TextPart[]) =>
    `<pre tabindex="0"><code>${group.map(line).join('')}</code></pre>`;
  const out: string[] = [];
  let run: TextPart[] = [];
  let segment: TextPart[] = [];
  const flush = (last: boolean) => {
    const first = out.length === 0 && segment.length === 0;
    const keepBefore = first ? 0 : CONTEXT_LINES;
    const keepAfter = last ? 0 : CONTEXT_LINES;
    if (kind !== 'changed' || run.length <= keepBefore + keepAfter + 2) {
      segment.push(...run);
    } else {
      segment.push(...run.slice(0, keepBefore));
      if (segment.length > 0) out.push(pre(segment));
      const folded = run.slice(keepBefore, run.length - keepAfter);
      out.push(
        `<details class="fold"><summary>${count(folded.length, 'unchanged line')}</summary>${pre(folded)}</details>`,
      );
      segment = run.slice(run.length - keepAfter);
    }
    run = [];
  };
  for (const part of lines) {
    if (part.kind === 'same') {
      run.push(part);
      continue;
    }
    flush(false);
    segment.push(part);
  }
  flush(true);
  if (segment.length > 0) out.push(pre(segment));
  const label =
    kind === 'changed' ? 'code, changed lines' : kind === 'same' ? 'code' : `code, ${kind}`;
  return `<div class="code-diff" role="group" aria-label="${label}">${out.join('\n')}</div>`;
}
