/**
 * What a code fence's meta asks for, as a Shiki transformer: a frame with a header (a file
 * name, or a terminal's title bar), marked lines, inserted and deleted lines, and marked words.
 * The syntax is the one Starlight writers know from Expressive Code:
 *
 *   ```nginx title="/etc/nginx/conf.d/mattermost.conf" {3} ins={5-6} del={4} "proxy_pass"
 *   ```bash frame="terminal" /--local/
 *
 * The header holds the copy button, so the button sits beside the code, never over it.
 */
import { fileURLToPath } from 'node:url';
import type { ShikiTransformer } from '@shikijs/types';
import type { Element, ElementContent } from 'hast';
import type { MdastPluginDefinition } from 'satteri';

/** Languages shown in a terminal frame unless the fence says `frame="code"`. */
const terminalLanguages = new Set([
  'bash',
  'sh',
  'shell',
  'shellscript',
  'zsh',
  'console',
  'powershell',
  'ps1',
  'bat',
  'cmd',
]);

/** Lines `from` to `to`, 1-based, both included. */
interface LineRange {
  from: number;
  to: number;
}

/** A fence's meta, read. */
export interface CodeMeta {
  title: string | undefined;
  frame: 'code' | 'terminal' | undefined;
  /** Line ranges from `{1,3-5}`, kept as ranges: `{1-1000000000}` costs no more than `{1}`. */
  marked: LineRange[];
  inserted: LineRange[];
  deleted: LineRange[];
  /** Text to mark wherever it occurs: `"text"` and `/text/`. */
  words: string[];
}

/** One pass, left to right, so that a title holding slashes or braces is never read as marks. */
const META_TOKEN =
  /(\w+)=(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|\{([\d,\s-]*)\})|\{([\d,\s-]*)\}|"((?:\\.|[^"\\])+)"|\/((?:\\.|[^/\\])+)\//g;

/** Reads `title="…"`, `frame="…"`, `{…}`, `ins={…}`, `del={…}`, `"word"` and `/word/` from a fence's meta. */
export function parseCodeMeta(raw: string): CodeMeta {
  const meta: CodeMeta = {
    title: undefined,
    frame: undefined,
    marked: [],
    inserted: [],
    deleted: [],
    words: [],
  };
  for (const match of raw.matchAll(META_TOKEN)) {
    const [, key, double, single, keyRanges, ranges, quoted, slashed] = match;
    const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
    if (key === 'title' && (double ?? single) !== undefined)
      meta.title = unescape(double ?? single!);
    else if (key === 'frame' && (double ?? single) !== undefined) {
      const frame = double ?? single;
      if (frame === 'code' || frame === 'terminal') meta.frame = frame;
    } else if (key === 'ins' && keyRanges !== undefined)
      meta.inserted.push(...lineRanges(keyRanges));
    else if (key === 'del' && keyRanges !== undefined) meta.deleted.push(...lineRanges(keyRanges));
    else if (ranges !== undefined) meta.marked.push(...lineRanges(ranges));
    else if (quoted !== undefined) meta.words.push(unescape(quoted));
    else if (slashed !== undefined) meta.words.push(unescape(slashed));
  }
  return meta;
}

/** `1, 3-5` as `[{ from: 1, to: 1 }, { from: 3, to: 5 }]`; a backwards range marks nothing. */
function lineRanges(text: string): LineRange[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [from = NaN, to = from] = part.split('-').map(Number);
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) return [];
      return [{ from, to }];
    });
}

const inRanges = (ranges: readonly LineRange[], line: number) =>
  ranges.some((range) => range.from <= line && line <= range.to);

/**
 * What is wrong with a fence's line marks for a block of `lineCount` lines, or undefined: a
 * range past the block's last line (or before its first) marks lines that are not there, and is
 * a typo the writer should see.
 */
export function codeMetaProblem(raw: string, lineCount: number): string | undefined {
  for (const match of raw.matchAll(META_TOKEN)) {
    const [written, key, , , keyRanges, ranges] = match;
    const text = keyRanges ?? ranges;
    if (text === undefined || (keyRanges !== undefined && key !== 'ins' && key !== 'del')) continue;
    for (const range of lineRanges(text)) {
      const advice = `mark lines 1 to ${lineCount} at most`;
      if (range.from < 1)
        return `${written} names line ${range.from}, but lines are counted from 1: ${advice}`;
      if (range.to > lineCount)
        return `${written} names line ${range.to}, but the block has ${lineCount} ${lineCount === 1 ? 'line' : 'lines'}: ${advice}`;
    }
  }
  return undefined;
}

/**
 * A Sätteri mdast plugin that stops the build at a code fence whose line marks name lines the
 * block does not have, with the page's file, the fence's line and what to write instead.
 */
export function codeFenceCheck(): MdastPluginDefinition {
  return {
    name: 'docs:code-fence-check',
    options: { position: true },
    code(node, ctx) {
      if (!node.meta) return;
      const lines = node.value === '' ? 0 : node.value.split('\n').length;
      const problem = codeMetaProblem(node.meta, lines);
      if (problem === undefined) return;
      const file = ctx.fileURL === undefined ? 'a page' : fileURLToPath(ctx.fileURL);
      const start = node.position?.start;
      throw new Error(
        `${file}:${start?.line ?? 0}:${start?.column ?? 0}: the code fence's ${problem}`,
      );
    },
  };
}

/** Every start of `word` in `code`, skipping any that would overlap one already taken. */
function wordRanges(code: string, words: readonly string[]): { start: number; end: number }[] {
  const taken: { start: number; end: number }[] = [];
  for (const word of words) {
    for (let at = code.indexOf(word); at !== -1; at = code.indexOf(word, at + word.length)) {
      const range = { start: at, end: at + word.length };
      if (!taken.some((other) => range.start < other.end && other.start < range.end))
        taken.push(range);
    }
  }
  return taken;
}

const element = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The transformer: line and word marks, then the frame around the `<pre>`. */
export function codeFrames(): ShikiTransformer {
  const metaOf = (raw: string | undefined) => parseCodeMeta(raw ?? '');
  return {
    name: 'docs:code-frames',
    preprocess(code, options) {
      const { words } = metaOf(this.options.meta?.__raw);
      if (words.length === 0) return;
      options.decorations ??= [];
      for (const range of wordRanges(code, words)) {
        options.decorations.push({
          ...range,
          properties: { class: 'highlighted-word' },
          // Its own span even when it covers a whole line, so the line's classes stay the line's.
          alwaysWrap: true,
        });
      }
    },
    line(node, line) {
      const meta = metaOf(this.options.meta?.__raw);
      if (inRanges(meta.marked, line)) this.addClassToHast(node, 'highlighted');
      if (inRanges(meta.inserted, line)) this.addClassToHast(node, 'diff add');
      if (inRanges(meta.deleted, line)) this.addClassToHast(node, 'diff remove');
      // A `diff` block's own + and - lines get the same marks as ins and del.
      if (this.options.lang === 'diff') {
        const first = this.source.split('\n')[line - 1] ?? '';
        if (/^\+(?!\+\+)/.test(first)) this.addClassToHast(node, 'diff add');
        if (/^-(?!--)/.test(first)) this.addClassToHast(node, 'diff remove');
      }
    },
    root(root) {
      const pre = root.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'pre',
      );
      if (!pre) return;
      const meta = metaOf(this.options.meta?.__raw);
      const language = this.options.lang;
      const frame = meta.frame ?? (terminalLanguages.has(language) ? 'terminal' : 'code');
      const header: ElementContent[] = [];
      if (frame === 'terminal')
        header.push(element('span', { className: ['code-frame-dots'], ariaHidden: 'true' }));
      header.push(
        meta.title
          ? element('figcaption', { className: ['code-frame-title'] }, [text(meta.title)])
          : element('span', { className: ['code-frame-language'], ariaHidden: 'true' }, [
              text(language === 'plaintext' || language === 'text' ? '' : language),
            ]),
      );
      header.push(
        element('button', { type: 'button', className: ['copy-button'], dataCopy: true }, [
          text('Copy'),
        ]),
      );
      root.children = [
        element('figure', { className: ['code-frame'], dataFrame: frame }, [
          // The header is chrome: its language, title and button never show in search excerpts.
          element('div', { className: ['code-frame-header'], dataPagefindIgnore: true }, header),
          pre,
        ]),
      ];
    },
  };
}
