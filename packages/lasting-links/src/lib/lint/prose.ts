/**
 * The prose of one block (a paragraph, heading or table cell) as a single string that regular
 * expressions can run over, with the source offset of every character kept beside it.
 *
 * Text comes from the page's source rather than from the parsed values, so that every match
 * maps back to an exact line and column, and so that a stray `*` or `_` is still visible.
 * Code spans and other pieces that are not prose (JSX expressions, images, inline HTML) stand
 * as one `OBJECT` character each: a rule sees that something is there, never what it says,
 * so setting names in code (`SqlSettings.DataSourceReplicas`) are never read as words.
 */
import type { Parents, PhrasingContent, Root } from 'mdast';
import { eachNode } from './tree-nodes.ts';

/** Stands for a code span or any other inline piece that is not prose. */
export const OBJECT = '\uFFFC';

/** What a character of prose sits in; combined as bits. */
export const Within = { strong: 1, emphasis: 2, link: 4, code: 8, element: 16 } as const;

/** One block's prose. */
export interface Prose {
  /** The block that holds the prose. */
  block: Parents;
  text: string;
  /** Source offset of each character of `text`. */
  offsets: number[];
  /** `Within` bits of each character of `text`. */
  within: number[];
}

/** Block types whose children are phrasing content, i.e. the places prose lives. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The prose blocks already read from a tree, with the source they were read from: several
 * rules read every page's prose, and reading it was a third of the lint's time.
 */
const read = new WeakMap<Root, { source: string; blocks: readonly Prose[] }>();

/** Every prose block of a page, in source order. Read once per tree; treat it as read-only. */
export function proseBlocks(tree: Root, source: string): readonly Prose[] {
  const known = read.get(tree);
  if (known !== undefined && known.source === source) return known.blocks;
  const blocks: Prose[] = [];
  eachNode(tree, (node) => {
    if (PROSE_BLOCKS.has(node.type) && 'children' in node) blocks.push(proseOf(node, source));
  });
  read.set(tree, { source, blocks });
  return blocks;
}

/** The prose of one block. */
export function proseOf(block: Parents, source: string): Prose {
  const prose: Prose = { block, text: '', offsets: [], within: [] };
  for (const child of block.children) addInline(prose, child as PhrasingContent, source, 0);
  return prose;
}

function addInline(prose: Prose, node: PhrasingContent, source: string, within: number): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  switch (node.type) {
    case 'text': {
      // One run of characters at a time: a character at a time was most of reading prose.
      const stop = Math.min(end, source.length);
      prose.text += source.slice(start, stop);
      for (let offset = start; offset < stop; offset++) {
        prose.offsets.push(offset);
        prose.within.push(within);
      }
      return;
    }
    case 'break':
      push(prose, '\n', start, within);
      return;
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'link':
    case 'linkReference':
    case 'mdxJsxTextElement': {
      const flag =
        node.type === 'strong'
          ? Within.strong
          : node.type === 'emphasis'
            ? Within.emphasis
            : node.type === 'mdxJsxTextElement'
              ? Within.element
              : node.type.startsWith('link')
                ? Within.link
                : 0;
      for (const child of node.children) addInline(prose, child, source, within | flag);
      return;
    }
    default:
      // inlineCode, image, html, mdxTextExpression, footnote references: present, but not prose.
      push(prose, OBJECT, start, within | Within.code);
  }
}

function push(prose: Prose, char: string, offset: number, within: number): void {
  prose.text += char;
  prose.offsets.push(offset);
  prose.within.push(within);
}

/** The source offset of `prose.text[index]`; the end of the block's last character past the end. */
export function offsetAt(prose: Prose, index: number): number {
  const offset = prose.offsets[index];
  if (offset !== undefined) return offset;
  const last = prose.offsets[prose.offsets.length - 1];
  return last === undefined ? (prose.block.position?.start.offset ?? 0) : last + 1;
}

/** Whether any character of `text[start, end)` has one of the `mask` bits. */
export function anyWithin(prose: Prose, start: number, end: number, mask: number): boolean {
  for (let i = start; i < end; i++) if (((prose.within[i] ?? 0) & mask) !== 0) return true;
  return false;
}
