/**
 * What a page's *blocks* are, in one place for the two sides that must agree on them: the build,
 * which reads the built HTML with a tokenizer (`page-blocks.ts`), and a preview page in the
 * browser, which walks its own DOM to mark a change in place. Both see the same elements in the
 * same order, so a block is named by its position and checked by a hash of its text.
 *
 * A block is an element that is not inline (`p`, `li`, `td`, `pre`, `h2`, `div`, …) together with
 * the text of its inline content; text inside a nested block belongs to that block. Controls,
 * scripts, graphics, anything hidden from assistive technology and headings' self-links hold no
 * text a reader compares (a code block's "Copy" button is a control). Blocks without text are
 * left out. Nothing here touches the DOM or Node: it is shared by the build and the browser.
 */

/** Elements whose text belongs to the block around them. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'picture',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements whose content is never text a reader compares. */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'audio',
  'button',
  'canvas',
  'iframe',
  'input',
  'math',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'video',
]);

/** Self-link classes: a heading's "link to this section" anchor (this package's, Starlight's). */
const SELF_LINK_CLASSES: readonly string[] = ['heading-anchor', 'sl-anchor-link'];

/** Attribute of what a preview page adds when it shows its changes: never a block of its own. */
export const CHANGES_UI_ATTRIBUTE = 'data-preview-changes-ui';

/** Whether an element's text is part of the block around it. */
export function isInlineElement(tag: string): boolean {
  return INLINE_ELEMENTS.has(tag) || tag.includes('-');
}

/** Whether an element and everything in it is left out of the blocks. */
export function isSkippedElement(
  tag: string,
  attribute: (name: string) => string | null | undefined,
): boolean {
  if (SKIPPED_ELEMENTS.has(tag)) return true;
  if (attribute('aria-hidden') === 'true') return true;
  const ui = attribute(CHANGES_UI_ATTRIBUTE);
  if (ui !== null && ui !== undefined) return true;
  const classes = attribute('class');
  return (
    classes !== null &&
    classes !== undefined &&
    classes.split(/\s+/).some((name) => SELF_LINK_CLASSES.includes(name))
  );
}

/** What a block holds: prose, code (compared line by line) or a heading. */
export type BlockKind = 'text' | 'code' | 'heading';

/** The kind of block an element makes. */
export function blockKindOf(tag: string): BlockKind {
  if (tag === 'pre') return 'code';
  return /^h[1-6]$/.test(tag) ? 'heading' : 'text';
}

/** A block's text as compared, and for each of its characters the piece and offset it came from. */
export interface BlockText {
  text: string;
  /** Per character of `text`: the index of the raw piece it comes from. */
  piece: number[];
  /** Per character of `text`: its offset in that piece. */
  offset: number[];
}

/**
 * The text of a block from the raw text pieces in it, in document order. Prose collapses every
 * run of white space to one space and trims the ends, as a browser shows it; code keeps its
 * lines, without carriage returns, leading line breaks (a browser drops the one after `<pre>`)
 * or trailing white space.
 */
export function blockText(pieces: readonly string[], kind: BlockKind): BlockText {
  const text: string[] = [];
  const piece: number[] = [];
  const offset: number[] = [];
  let pendingSpace: [number, number] | undefined;
  pieces.forEach((raw, p) => {
    for (let o = 0; o < raw.length; o += 1) {
      const char = raw[o]!;
      if (kind === 'code') {
        if (char === '\r') continue;
        if (char === '\n' && text.length === 0) continue;
        text.push(char);
        piece.push(p);
        offset.push(o);
      } else if (/\s/.test(char)) {
        if (text.length > 0) pendingSpace ??= [p, o];
      } else {
        if (pendingSpace !== undefined) {
          text.push(' ');
          piece.push(pendingSpace[0]);
          offset.push(pendingSpace[1]);
          pendingSpace = undefined;
        }
        text.push(char);
        piece.push(p);
        offset.push(o);
      }
    }
  });
  if (kind === 'code') {
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
    text.length = end;
    piece.length = end;
    offset.length = end;
  }
  return { text: text.join(''), piece, offset };
}

/** A short hash of a block's text (FNV-1a, 32 bits, hexadecimal), to check a block is the one meant. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The element whose blocks are a page's content: its first `<article>` when that holds the
 * page's `<h1>` (a documentation page), else its `<main>` (a landing page of cards), else the
 * whole body. `firstArticleHasH1` and `hasMain` describe the page.
 */
export type ContentRoot = 'article' | 'main' | 'body';

/** Which element is the content root, from what the page has. */
export function contentRootOf(firstArticleHasH1: boolean, hasMain: boolean): ContentRoot {
  return firstArticleHasH1 ? 'article' : hasMain ? 'main' : 'body';
}
