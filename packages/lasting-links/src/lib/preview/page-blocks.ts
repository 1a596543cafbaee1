/**
 * A built page's content as a list of blocks (see `block-rules.ts`): paragraphs, list items, table
 * cells, code blocks and headings, in document order, each with its text. The What-changed
 * comparison diffs these, so a code block is compared line by line and a reworded paragraph word
 * by word, and a preview page in the browser finds the same blocks by position to mark them.
 *
 * One pass of htmlparser2's tokenizer with a stack of open elements; the end tags HTML lets a
 * page leave out (`</p>` before a block, `</li>`, `</td>`, …) are closed as a browser closes them.
 */
import { Tokenizer } from 'htmlparser2';
import { VOID_ELEMENTS } from '../html/void-elements.ts';
import {
  blockKindOf,
  blockText,
  contentRootOf,
  isInlineElement,
  isSkippedElement,
  type BlockKind,
} from './block-rules.ts';

/** One block of a page. */
export interface Block {
  kind: BlockKind;
  /** The element's name: `p`, `li`, `pre`, `h2`, … */
  tag: string;
  text: string;
  /** A heading's id, when it has one. */
  id?: string;
  /** A heading's level, 1 to 6. */
  level?: number;
}

/** Start tags that close an open `<p>` first. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** Start tags that close an open element of the same family, up to the element that scopes them. */
const IMPLIED_END: Record<string, { closes: readonly string[]; scope: readonly string[] }> = {
  li: { closes: ['li'], scope: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], scope: ['dl'] },
  dd: { closes: ['dt', 'dd'], scope: ['dl'] },
  td: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  th: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  tr: { closes: ['tr', 'td', 'th'], scope: ['table', 'thead', 'tbody', 'tfoot'] },
};

interface OpenBlock {
  tag: string;
  kind: BlockKind;
  pieces: string[];
  id: string | undefined;
  inArticle: boolean;
  inMain: boolean;
  inBody: boolean;
}

interface OpenElement {
  tag: string;
  /** The block the element's text goes to; undefined outside any block (the head). */
  block: OpenBlock | undefined;
  skipped: boolean;
}

/** The page's content blocks, from its root (see `contentRootOf`). */
export function pageBlocks(html: string): Block[] {
  const blocks: OpenBlock[] = [];
  const stack: OpenElement[] = [];
  // Depths in `stack` of the first <article>, <main> and <body> while they are open.
  let article: number | undefined;
  let main: number | undefined;
  let body: number | undefined;
  let seenArticle = false;
  let seenMain = false;
  let articleHasH1 = false;
  let tag = '';
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';

  const top = () => stack[stack.length - 1];
  const popTo = (depth: number) => {
    while (stack.length > depth) {
      stack.pop();
      if (article !== undefined && stack.length <= article) article = undefined;
      if (main !== undefined && stack.length <= main) main = undefined;
      if (body !== undefined && stack.length <= body) body = undefined;
    }
  };
  const closeImplied = (name: string) => {
    if (CLOSES_P.has(name) && top()?.tag === 'p') popTo(stack.length - 1);
    const rule = IMPLIED_END[name];
    if (rule === undefined) return;
    for (let at = stack.length - 1; at >= 0; at -= 1) {
      const open = stack[at]!.tag;
      if (rule.scope.includes(open)) return;
      if (rule.closes.includes(open)) {
        popTo(at);
        return;
      }
    }
  };
  const open = () => {
    const name = tag;
    closeImplied(name);
    const parent = top();
    const skipped = (parent?.skipped ?? false) || isSkippedElement(name, (n) => attributes[n]);
    if (name === 'h1' && article !== undefined) articleHasH1 = true;
    if (VOID_ELEMENTS.has(name)) {
      if (name === 'br' && !skipped) parent?.block?.pieces.push('\n');
      return;
    }
    const depth = stack.length;
    if (name === 'article' && !seenArticle) {
      seenArticle = true;
      article = depth;
    } else if (name === 'main' && !seenMain) {
      seenMain = true;
      main = depth;
    } else if (name === 'body' && body === undefined) {
      body = depth;
    }
    let block = parent?.block;
    if (!skipped && !isInlineElement(name) && name !== 'html' && name !== 'head') {
      block = {
        tag: name,
        kind: blockKindOf(name),
        pieces: [],
        id: attributes['id'] || undefined,
        inArticle: article !== undefined,
        inMain: main !== undefined,
        inBody: body !== undefined,
      };
      blocks.push(block);
    }
    stack.push({ tag: name, block, skipped });
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        const current = top();
        if (current !== undefined && !current.skipped)
          current.block?.pieces.push(html.slice(start, end));
      },
      ontextentity(codepoint) {
        const current = top();
        if (current !== undefined && !current.skipped)
          current.block?.pieces.push(String.fromCodePoint(codepoint));
      },
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = {};
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attributes, attributeName)) attributes[attributeName] = attributeValue;
      },
      onopentagend() {
        open();
      },
      onselfclosingtag() {
        open();
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        for (let at = stack.length - 1; at >= 0; at -= 1) {
          if (stack[at]!.tag === name) {
            popTo(at);
            break;
          }
        }
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();

  const root = contentRootOf(articleHasH1, seenMain);
  const inRoot = (block: OpenBlock) =>
    root === 'article' ? block.inArticle : root === 'main' ? block.inMain : block.inBody;
  const result: Block[] = [];
  for (const block of blocks) {
    if (!inRoot(block)) continue;
    const { text } = blockText(block.pieces, block.kind);
    if (text === '') continue;
    result.push({
      kind: block.kind,
      tag: block.tag,
      text,
      ...(block.kind === 'heading'
        ? { level: Number(block.tag.slice(1)), ...(block.id ? { id: block.id } : {}) }
        : {}),
    });
  }
  return result;
}
