/**
 * Marks a preview page's changes in place (page-changes.ts loads and shows them): added and
 * removed text as `<ins>` and `<del>` inside the changed blocks, notes for moved sections, each
 * element tagged with its hunk so that the toolbar can move from change to change and hiding
 * can put the page back.
 *
 * The build named each block by its index among the page's blocks and the hash of its text
 * (`lasting-links/theme`'s block rules, which the build used too); a block that does not match
 * is left unmarked rather than marked wrongly.
 */
import {
  CHANGES_UI_ATTRIBUTE,
  blockKindOf,
  blockText,
  contentRootOf,
  isInlineElement,
  isSkippedElement,
  planMarks,
  textHash,
  type BlockKind,
  type PageChanges,
  type PageMark,
} from 'lasting-links/theme';

/** One block of the page as the build saw it, with the DOM nodes its text comes from. */
interface DomBlock {
  element: Element;
  kind: BlockKind;
  /** Text nodes and `<br>` elements, in order; `pieces` holds their text. */
  nodes: Array<Text | Element>;
  pieces: string[];
  text: string;
  piece: number[];
  offset: number[];
}

/** The attribute naming what changed in a block, and the hunk it belongs to. */
export const CHANGE = 'data-preview-change';
export const HUNK = 'data-preview-hunk';

/** The element whose blocks the build compared (see `contentRootOf`). */
export function contentRoot(): Element {
  const article = document.querySelector('article');
  const main = document.querySelector('main');
  const root = contentRootOf(article?.querySelector('h1') != null, main !== null);
  return root === 'article' ? article! : root === 'main' ? main! : document.body;
}

/** The page's blocks, in document order, as `pageBlocks` lists them in the build. */
function collectBlocks(root: Element): DomBlock[] {
  const blocks: DomBlock[] = [];
  const stack: Array<[Node, DomBlock | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, owner] = stack.pop()!;
    if (node instanceof Text) {
      owner?.nodes.push(node);
      owner?.pieces.push(node.data);
      continue;
    }
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    if (isSkippedElement(tag, (name) => node.getAttribute(name))) continue;
    if (tag === 'br') {
      owner?.nodes.push(node);
      owner?.pieces.push('\n');
      continue;
    }
    let block = owner;
    if (!isInlineElement(tag)) {
      block = {
        element: node,
        kind: blockKindOf(tag),
        nodes: [],
        pieces: [],
        text: '',
        piece: [],
        offset: [],
      };
      blocks.push(block);
    }
    for (let child = node.lastChild; child !== null; child = child.previousSibling)
      stack.push([child, block]);
  }
  return blocks.filter((block) => {
    Object.assign(block, blockText(block.pieces, block.kind));
    return block.text !== '';
  });
}

/** The block the build meant: at its index if its text matches, else the one block that does. */
function findBlock(blocks: readonly DomBlock[], at: number, hash: string): DomBlock | undefined {
  const here = blocks[at];
  if (here !== undefined && textHash(here.text) === hash) return here;
  const same = blocks.filter((block) => textHash(block.text) === hash);
  return same.length === 1 ? same[0] : undefined;
}

/** Elements whose children are blocks of prose, where a note or a removed block can go. */
const FLOW_PARENTS = new Set([
  'article',
  'main',
  'section',
  'aside',
  'li',
  'blockquote',
  'details',
  'dd',
  'td',
  'th',
  'body',
]);

/** The element after which (or before which) something placed next to `element` goes. */
function placeNear(element: Element, root: Element): Element {
  let at = element;
  while (at.parentElement !== null && at.parentElement !== root) {
    const parent = at.parentElement;
    const flow =
      FLOW_PARENTS.has(parent.localName) ||
      (parent.localName === 'div' && !parent.classList.contains('heading-wrapper'));
    if (flow) break;
    at = parent;
  }
  return at;
}

function uiElement(tag: string, change: string, hunk: number): HTMLElement {
  const element = document.createElement(tag);
  element.setAttribute(CHANGES_UI_ATTRIBUTE, '');
  element.setAttribute(CHANGE, change);
  element.setAttribute(HUNK, String(hunk));
  return element;
}

/** Puts `element` after block `after` (before the first block when -1). */
function placeAfter(
  element: Element,
  blocks: readonly DomBlock[],
  after: number,
  root: Element,
): void {
  const anchor = blocks[Math.max(after, 0)];
  if (anchor === undefined) {
    root.append(element);
    return;
  }
  const sameKind = anchor.element.localName === element.localName && element.localName !== 'div';
  const near = sameKind ? anchor.element : placeNear(anchor.element, root);
  if (after < 0) near.before(element);
  else near.after(element);
}

/** Wraps characters `start` to `end` of a block's text in `<ins>`, node by node. */
function wrapAdded(block: DomBlock, start: number, end: number): void {
  const last = Math.min(end, block.text.length) - 1;
  if (last < start) return;
  // Per node, from the first to one past the last raw offset the range covers.
  const spans = new Map<number, [number, number]>();
  for (let at = start; at <= last; at += 1) {
    const piece = block.piece[at]!;
    const span = spans.get(piece);
    if (span === undefined) spans.set(piece, [block.offset[at]!, block.offset[at]! + 1]);
    else span[1] = block.offset[at]! + 1;
  }
  for (const [piece, [from, to]] of [...spans].reverse()) {
    const node = block.nodes[piece];
    if (!(node instanceof Text)) continue;
    const tail = node.splitText(from);
    tail.splitText(to - from);
    const ins = document.createElement('ins');
    ins.className = 'preview-change-ins';
    tail.replaceWith(ins);
    ins.append(tail);
  }
}

/** Inserts removed text before character `at` of a block's text (at its end when past it). */
function insertRemoved(block: DomBlock, at: number, text: string): void {
  const del = document.createElement('del');
  del.setAttribute(CHANGES_UI_ATTRIBUTE, '');
  del.textContent = text;
  if (at >= block.text.length) {
    const last = block.nodes[block.piece[block.text.length - 1]!];
    if (last instanceof Text) {
      last.splitText(block.offset[block.text.length - 1]! + 1).before(del);
    } else (last ?? block.element).after(del);
    return;
  }
  const node = block.nodes[block.piece[at]!]!;
  if (node instanceof Text) node.splitText(block.offset[at]!).before(del);
  else node.before(del);
}

/** Marks one block's changed text; false when its text is not the one the build compared. */
function markBlock(
  block: DomBlock,
  parts: Extract<PageMark, { mark: 'changed' }>['parts'],
): boolean {
  const length = block.text.length + (block.kind === 'code' ? 1 : 0);
  const plan = planMarks(parts, length);
  if (plan === undefined) return false;
  // From the end, so that splitting a text node keeps the offsets before the split.
  const steps = [
    ...plan.added.map((range) => ({
      at: range.start,
      run: () => wrapAdded(block, range.start, range.end),
    })),
    ...plan.removed.map((removed) => ({
      at: removed.at,
      run: () => insertRemoved(block, removed.at, removed.text),
    })),
  ].sort((a, b) => b.at - a.at);
  for (const step of steps) step.run();
  return true;
}

/** A short note in the page (a moved section's label, a section that moved away). */
function note(change: string, hunk: number, parts: Array<string | [string, string]>): HTMLElement {
  const element = uiElement('p', change, hunk);
  element.className = 'preview-change-note';
  for (const part of parts) {
    if (typeof part === 'string') element.append(part);
    else {
      const link = document.createElement('a');
      link.href = part[1];
      link.textContent = part[0];
      element.append(link);
    }
  }
  return element;
}

/** Marks every change of `changes`; returns the elements of each hunk, in page order. */
export function markChanges(changes: PageChanges, root: Element): Element[][] {
  const blocks = collectBlocks(root);
  const hunks: Element[][] = [];
  changes.hunks.forEach((hunk) => {
    const number = hunks.length;
    const elements: Element[] = [];
    // Marks that add elements go in from the last, so that each `after` still names its block.
    for (const change of [...hunk].reverse()) {
      switch (change.mark) {
        case 'changed':
        case 'added': {
          const block = findBlock(blocks, change.at, change.hash);
          if (block === undefined) break;
          if (change.mark === 'changed' && !markBlock(block, change.parts)) break;
          if (change.mark === 'added') wrapAdded(block, 0, block.text.length);
          block.element.setAttribute(CHANGE, change.mark);
          block.element.setAttribute(HUNK, String(number));
          elements.unshift(block.element);
          break;
        }
        case 'removed': {
          const known = [
            'p',
            'pre',
            'li',
            'dt',
            'dd',
            'td',
            'th',
            'blockquote',
            'h1',
            'h2',
            'h3',
            'h4',
            'h5',
            'h6',
          ];
          const element = uiElement(
            known.includes(change.tag) ? change.tag : 'div',
            'removed',
            number,
          );
          const del = document.createElement('del');
          del.textContent = change.text;
          element.append(del);
          placeAfter(element, blocks, change.after, root);
          elements.unshift(element);
          break;
        }
        case 'moved': {
          const block = findBlock(blocks, change.at, change.hash);
          if (block === undefined) break;
          const element = note('moved', number, [
            change.samePage ? 'Renamed from ' : 'Moved here from ',
            change.published === null ? change.fromTitle : [change.fromTitle, change.published],
            change.textChanged ? '; its text changed (marked below).' : '; text unchanged.',
          ]);
          placeAfter(element, blocks, change.at, root);
          block.element.setAttribute(HUNK, String(number));
          elements.unshift(element);
          break;
        }
        case 'moved-away': {
          const element = note('moved-away', number, [
            `“${change.heading}” moved to `,
            [change.toTitle, change.to],
            '.',
          ]);
          placeAfter(element, blocks, change.after, root);
          elements.unshift(element);
          break;
        }
      }
    }
    if (elements.length > 0) hunks.push(elements);
    else
      for (const element of root.querySelectorAll(`[${HUNK}="${number}"]`))
        element.removeAttribute(HUNK);
  });
  return hunks;
}
