/**
 * Line highlighting written in a fence's meta (` ```nginx {8,28-30} `) must reach readers: each
 * such block's built HTML marks exactly those lines. Reads the MDX sources and the built HTML
 * (`dist/`, or `DIST_DIR`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allGuideBlocks, guideDir, projectRoot } from './support/guide-sources.ts';

const distDir = resolve(projectRoot, process.env.DIST_DIR ?? 'dist');

/** `{8,28-30}` as the 1-based line numbers it names. */
function highlightedLines(meta: string): number[] {
  const ranges = /\{([\d,\s-]+)\}/.exec(meta)?.[1] ?? '';
  return ranges.split(',').filter(Boolean).flatMap((range) => {
    const [from, to = from] = range.trim().split('-').map(Number);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

/** The lines of each highlighted code block in a built page, in order, as `[line numbers marked]`. */
function highlightedInHtml(html: string): number[][] {
  return [...html.matchAll(/<pre class="astro-code[^"]*"[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)]
    .map((block) => block[1]!.split('\n').flatMap((line, i) => (line.startsWith('<span class="line highlighted"') ? [i + 1] : [])))
    .filter((lines) => lines.length > 0);
}

test('the guide uses line highlighting, and every highlighted line is marked in the built page', () => {
  const blocks = allGuideBlocks().filter((block) => highlightedLines(block.meta).length > 0);
  assert.ok(blocks.length > 0, 'no code block in the guide highlights lines, so highlighting is untested');
  for (const file of new Set(blocks.map((block) => block.file))) {
    const page = file.slice(guideDir.length + 1).replace(/(index)?\.mdx$/, '');
    const built = join(distDir, 'administration-guide/scale/high-availability', page, 'index.html');
    assert.ok(existsSync(built), `${built} is missing: run \`npm run build\` first (or point DIST_DIR at a built site)`);
    const expected = blocks.filter((block) => block.file === file).map((block) => highlightedLines(block.meta));
    assert.deepEqual(highlightedInHtml(readFileSync(built, 'utf8')), expected, `${file}: highlighted lines in the built page`);
  }
});
