/**
 * The home page is written in `.astro` and names its task pages by their addresses. Renaming a
 * page it links to, on a copy of the project under git, must never silently drop a card: either
 * `npm run moves -- --write` rewrites the address in `src/pages/index.astro` and the card stays,
 * or, without it, the build fails at the line of `src/pages/index.astro` that names the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCopy,
  copyProject,
  gitIn as git,
  projectRoot,
  runIn as run,
} from './support/project-copy.ts';

const HA = 'content/docs/administration-guide/scale/high-availability';
const OLD = '/administration-guide/scale/high-availability/prerequisites/';
const NEW = '/administration-guide/scale/high-availability/requirements/';
const HOME = 'src/pages/index.astro';

/** Where `text` first writes `url`: 1-based line and column. */
function lineOf(text: string, url: string): { line: number; column: number } {
  const at = text.indexOf(url);
  assert.ok(at >= 0, `${url} is written in ${HOME}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

test(
  'renaming a page the home page links to: `moves --write` rewrites the card, or the build fails at its line in index.astro',
  { timeout: 600_000 },
  () => {
    const { dir, remove } = copyProject('home-links-', join(projectRoot, '.build'));
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'published');
      const home = readFileSync(join(dir, HOME), 'utf8');
      const written = lineOf(home, OLD);

      // Without `moves`: the build fails at the card's line, never drops it.
      renameSync(join(dir, `${HA}/prerequisites.mdx`), join(dir, `${HA}/requirements.mdx`));
      const broken = buildCopy(dir, { OUT_DIR: join(dir, 'dist') });
      assert.equal(broken.status, 1, broken.output.slice(-3000));
      assert.match(
        broken.output,
        new RegExp(`^${HOME}:${written.line}:${written.column}: error: .*${OLD}`, 'm'),
        `the card's link is an error at ${HOME}:${written.line}:${written.column}\n${broken.output.slice(-6000)}`,
      );

      // With `moves --write`: the address in index.astro follows the page, and the card stays.
      const moves = run(dir, process.execPath, [
        'node_modules/lasting-links/bin/lasting-links.js',
        'moves',
        '--write',
      ]);
      assert.equal(moves.status, 0, moves.output);
      assert.match(
        moves.output,
        new RegExp(`${HOME}:${written.line}:${written.column}  ${OLD} → ${NEW}`),
      );
      const rewritten = readFileSync(join(dir, HOME), 'utf8');
      assert.equal(rewritten, home.replace(OLD, NEW), 'only the address changed');
      const built = buildCopy(dir, { OUT_DIR: join(dir, 'dist') });
      assert.equal(built.status, 0, built.output.slice(-4000));
      const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
      assert.match(html, /Plan a cluster/, 'the card is still there');
      assert.ok(html.includes(`href="${NEW}"`), 'and links to the page where it is now');
    } finally {
      remove();
    }
  },
);
