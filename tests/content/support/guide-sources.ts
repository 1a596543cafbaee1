/**
 * Reads the high availability guide's MDX sources and pulls out their fenced code blocks, so
 * the tests can treat the guide's code like code.
 *
 * A small fence scanner instead of a Markdown library: the project renders MDX through Astro's
 * own pipeline (nothing standalone is installed), and the tests only need fences with their
 * language, meta, body and line, which CommonMark's fence rules give exactly: an opening run of
 * three or more backticks, closed by a run at least as long, with the opening line's
 * indentation removed from the body (fences inside list items are indented).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (two levels above this file's directory). */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The guide's section directory, relative to the project root. */
export const guideDir = 'content/docs/administration-guide/scale/high-availability';

/** One MDX page of the guide. */
export interface GuidePage {
  /** Path relative to the project root, for messages. */
  file: string;
  text: string;
}

/** One fenced code block. */
export interface CodeBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word (`nginx`), or "" when the fence has none. */
  lang: string;
  /** The rest of the info string (`{2,4-5}`). */
  meta: string;
  code: string;
}

/** Every `.mdx` page of the guide, sorted by file name. */
export function readGuidePages(): GuidePage[] {
  const dir = join(projectRoot, guideDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(projectRoot, path), text: readFileSync(path, 'utf8') };
    });
}

const OPENING = /^( *)(`{3,})([^`]*)$/;

/** The fenced code blocks of one page, in order. An unclosed fence is an error naming its line. */
export function fencedBlocks(page: GuidePage): CodeBlock[] {
  const lines = page.text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = OPENING.exec(lines[i]!);
    if (open === null) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const info = open[3]!.trim();
    const closing = new RegExp(`^ *\`{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j]!)) {
      body.push(lines[j]!.replace(new RegExp(`^ {0,${indent}}`), ''));
      j += 1;
    }
    if (j === lines.length) throw new Error(`${page.file}:${i + 1}: code fence is never closed; add a closing ${fence}`);
    const [lang = '', ...rest] = info.split(/\s+/);
    blocks.push({ file: page.file, line: i + 1, lang, meta: rest.join(' '), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Every fenced block of the guide. */
export function allGuideBlocks(): CodeBlock[] {
  return readGuidePages().flatMap(fencedBlocks);
}

/** `file:line` of a block, for assertion messages. */
export function where(block: CodeBlock): string {
  return `${block.file}:${block.line}`;
}
