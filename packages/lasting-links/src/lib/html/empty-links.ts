/**
 * The collector of empty-text links (`<a href="…"></a>`): the cross-references whose text the
 * build fills in after rendering, each with where its text goes and the text before it in its
 * block, which decides whether its title starts a sentence.
 */
import type { LineColumn } from './line-locator.ts';
import type { Collector } from './page-collectors.ts';
import { isInlineElement } from '../preview/block-rules.ts';

/** An `<a href>` with nothing inside it: a cross-reference whose text the build fills in. */
export interface EmptyLink extends LineColumn {
  href: string;
  /** Offset of its `</a>`, where the text goes. */
  insertAt: number;
  /**
   * The end of the text before it in its block (paragraph, list item, cell…): whether the link
   * starts a sentence, which decides the case of the title it gets.
   */
  textBefore: string;
}

/** Elements whose text no reader sees as prose before a link. */
const NOT_PROSE = new Set(['title', 'script', 'style', 'template', 'noscript', 'textarea']);

/** Enough of the text before a link to see whether a sentence ended there. */
const TEXT_BEFORE_KEPT = 40;

/** Links with no text and no element inside. */
export function emptyLinksCollector(): Collector & { result: EmptyLink[] } {
  const result: EmptyLink[] = [];
  // Links do not nest: an <a> opened inside another ends it, as in a browser.
  let open: {
    href: string | undefined;
    empty: boolean;
    position: LineColumn;
    textBefore: string;
  } | null = null;
  // The text of the current block before this point; a block element (any element that is not
  // inline, as the preview's block rules say) starts a new one.
  let textBefore = '';
  let notProse = 0;
  return {
    result,
    open(tag, attributes, context) {
      if (open !== null) open.empty = false;
      if (NOT_PROSE.has(tag)) notProse += 1;
      if (!isInlineElement(tag)) textBefore = '';
      if (tag === 'a') {
        open = {
          href: attributes['href'],
          empty: true,
          position: context.locate(context.startIndex()),
          textBefore,
        };
      }
    },
    text(text) {
      if (open !== null && text.trim() !== '') open.empty = false;
      if (notProse === 0) textBefore = (textBefore + text).slice(-TEXT_BEFORE_KEPT);
    },
    close(tag, context) {
      if (NOT_PROSE.has(tag) && notProse > 0) notProse -= 1;
      if (!isInlineElement(tag)) textBefore = '';
      if (tag !== 'a' || open === null) return;
      if (open.empty && open.href !== undefined) {
        result.push({
          href: open.href,
          insertAt: context.startIndex(),
          ...open.position,
          textBefore: open.textBefore,
        });
      }
      open = null;
    },
  };
}
