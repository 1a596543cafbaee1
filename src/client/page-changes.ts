/**
 * Browser side of a preview page's changes in place, loaded only when a reviewer asks (the
 * banner's control, the `d` key, `?changes=1`): fetches the changes the build found against the
 * pull request's base (`<meta name="preview-changes">`), marks added and removed text with
 * `<ins>` and `<del>` inside the changed blocks, labels moved sections, and moves from change to
 * change. Hiding them puts the page back as it was.
 *
 * The build named each block by its index among the page's blocks and the hash of its text
 * (`lasting-links/theme`'s block rules, which the build used too); a block that does not match
 * is left unmarked rather than marked wrongly.
 */
import {
  CHANGES_META_NAME,
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
import styles from '../styles/page-changes.css?inline';

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
const CHANGE = 'data-preview-change';
const HUNK = 'data-preview-hunk';

/** The element whose blocks the build compared (see `contentRootOf`). */
function contentRoot(): Element {
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

/** What the page shows now, to put back. */
interface Shown {
  hunks: Element[][];
  current: number;
  toolbar: HTMLElement;
  status: HTMLElement;
  onKey: (event: KeyboardEvent) => void;
}

let shown: Shown | undefined;
let busy: Promise<void> | undefined;

/** Marks every change of `changes`; returns the elements of each hunk, in page order. */
function mark(changes: PageChanges, root: Element): Element[][] {
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

/** Shows a hunk: opens what hides it (a tab, a closed `<details>`), scrolls to it, focuses it. */
function go(to: number): void {
  if (shown === undefined || shown.hunks.length === 0) return;
  const count = shown.hunks.length;
  shown.current = ((to % count) + count) % count;
  for (const element of document.querySelectorAll('[data-preview-current]'))
    element.removeAttribute('data-preview-current');
  const elements = shown.hunks[shown.current]!;
  for (const element of elements) element.setAttribute('data-preview-current', '');
  const first = elements[0]!;
  const panel = first.closest<HTMLElement>('[role="tabpanel"][hidden]');
  if (panel !== null)
    document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(panel.id)}"]`)?.click();
  for (
    let details = first.closest('details');
    details !== null;
    details = details.parentElement?.closest('details') ?? null
  )
    details.open = true;
  if (!first.hasAttribute('tabindex')) first.setAttribute('tabindex', '-1');
  first.scrollIntoView({ block: 'center' });
  (first as HTMLElement).focus({ preventScroll: true });
  shown.status.textContent = `Change ${shown.current + 1} of ${count}`;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function link(label: string, href: string): HTMLAnchorElement {
  const element = document.createElement('a');
  element.href = href;
  element.textContent = label;
  return element;
}

/** The bar at the bottom of the window: what is compared, the count, previous and next, hide. */
function toolbar(
  changes: PageChanges | undefined,
  hunks: number,
): { bar: HTMLElement; status: HTMLElement } {
  const bar = document.createElement('section');
  bar.className = 'preview-changes-bar';
  bar.setAttribute(CHANGES_UI_ATTRIBUTE, '');
  bar.setAttribute('aria-label', 'Changes on this page');
  const summary = document.createElement('p');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  if (changes === undefined) summary.append('This page did not change in this pull request.');
  else {
    summary.append(
      hunks === 0
        ? 'No text changed on this page'
        : `${hunks} ${hunks === 1 ? 'change' : 'changes'}`,
      ` against ${changes.base}`,
    );
    if (changes.movedFrom !== null) summary.append(`; the page moved from ${changes.movedFrom}`);
    summary.append('. ', status);
  }
  const actions = document.createElement('p');
  actions.className = 'preview-changes-actions';
  if (hunks > 0) {
    actions.append(
      button('Previous change', () => go((shown?.current ?? 0) - 1)),
      button('Next change', () => go((shown?.current ?? -1) + 1)),
    );
  }
  if (changes !== undefined) {
    actions.append(link('All changes', changes.report));
    if (changes.published !== null) actions.append(link('Published page', changes.published));
  }
  actions.append(button('Hide changes', () => void toggleChanges(false)));
  bar.append(summary, actions);
  return { bar, status };
}

/** The page's address with its changes shown or not, and the banner's link to the other state. */
function setUrl(on: boolean): void {
  const url = new URL(location.href);
  const other = new URL(location.href);
  url.searchParams.delete('changes');
  other.searchParams.delete('changes');
  (on ? url : other).searchParams.set('changes', '1');
  history.replaceState(history.state, '', url);
  for (const control of document.querySelectorAll<HTMLAnchorElement>(
    '.preview-changes-control a',
  )) {
    control.href = other.href;
    control.textContent = on ? 'Hide changes' : 'Show changes';
  }
}

async function show(): Promise<void> {
  const url = document.querySelector<HTMLMetaElement>(`meta[name="${CHANGES_META_NAME}"]`)?.content;
  let changes: PageChanges | undefined;
  if (url !== undefined) {
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`the changes of this page (${url}) did not load: ${response.status}`);
    changes = (await response.json()) as PageChanges;
  }
  if (document.querySelector('style[data-preview-changes-style]') === null) {
    const style = document.createElement('style');
    style.setAttribute('data-preview-changes-style', '');
    style.textContent = styles;
    document.head.append(style);
  }
  const hunks = changes === undefined ? [] : mark(changes, contentRoot());
  const { bar, status } = toolbar(changes, hunks.length);
  document.body.append(bar);
  document.documentElement.setAttribute('data-preview-changes-shown', '');
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (
      event.target instanceof Element &&
      event.target.closest('input, textarea, select, [contenteditable]')
    )
      return;
    if (event.key === 'n') go((shown?.current ?? -1) + 1);
    else if (event.key === 'p') go((shown?.current ?? 0) - 1);
  };
  document.addEventListener('keydown', onKey);
  shown = { hunks, current: -1, toolbar: bar, status, onKey };
  setUrl(true);
}

function hide(): void {
  if (shown === undefined) return;
  const root = contentRoot();
  for (const element of root.querySelectorAll(`[${CHANGES_UI_ATTRIBUTE}]`)) element.remove();
  for (const ins of root.querySelectorAll('ins.preview-change-ins'))
    ins.replaceWith(...ins.childNodes);
  for (const element of root.querySelectorAll(`[${CHANGE}], [${HUNK}], [data-preview-current]`)) {
    element.removeAttribute(CHANGE);
    element.removeAttribute(HUNK);
    element.removeAttribute('data-preview-current');
  }
  root.normalize();
  shown.toolbar.remove();
  document.removeEventListener('keydown', shown.onKey);
  document.documentElement.removeAttribute('data-preview-changes-shown');
  shown = undefined;
  setUrl(false);
}

/** Shows the page's changes, or hides them; `on` forces one or the other. */
function toggleChanges(on?: boolean): Promise<void> {
  busy = (busy ?? Promise.resolve()).then(async () => {
    const want = on ?? shown === undefined;
    if (want && shown === undefined) await show();
    else if (!want && shown !== undefined) hide();
  });
  return busy;
}

// The banner's loader adds this script when asked, and calls this when it has run.
(window as unknown as { previewChanges: typeof toggleChanges }).previewChanges = toggleChanges;
