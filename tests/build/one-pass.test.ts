/**
 * One parse of every page source per build, outside Astro's own render: the checks before
 * rendering, the cross-references while rendering, the docs lint and the post-build warnings all
 * read the build's one pass over the sources. Every call of a Sätteri function that parses a whole
 * page is logged by a wrapper preloaded into every thread of the build (tests/support/
 * count-parses.mjs), with a digest of the text it parsed; Astro renders from the page's body
 * (`mdxToJs`), the pass parses the whole file.
 *
 * One plan of the redirect map per build, too: the same preload logs each plan. The plan is made
 * after rendering, against the HTML; links to an old address still get the title of where it lands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGeneratedSite } from '../../scripts/generated-site.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const PAGES = 6;

/** A page that uses what makes the build read sources: a component, a cross-reference, sections. */
const page = (n: number) =>
  `---\ntitle: Page ${n}\ndescription: Page ${n} of a small site.\n---\n\n` +
  `Read [](/page-${(n % PAGES) + 1}/#part-${(n % PAGES) + 1}) first.\n\n` +
  `## Part ${n}\n\n<Aside type="tip">A tip for part ${n}.</Aside>\n\nMore words of page ${n}.\n\n` +
  `The old page is now [](/old-page/).\n`;

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

test(
  'a build parses each page source once besides its render, and plans the redirect map once',
  { timeout: 240_000 },
  () => {
    mkdirSync(join(projectRoot, '.build'), { recursive: true });
    const dir = mkdtempSync(join(projectRoot, '.build', 'one-pass-'));
    try {
      createGeneratedSite(dir);
      const texts: string[] = [];
      for (let n = 1; n <= PAGES; n += 1) {
        texts.push(page(n));
        writeFileSync(join(dir, 'content', 'docs', `page-${n}.mdx`), page(n));
      }
      writeFileSync(join(dir, 'content', 'redirects.yaml'), '- from: /old-page/\n  to: /page-1/\n');
      writeFileSync(join(dir, 'content', 'anchors.lock.json'), '{ "pages": [] }\n');
      const log = join(dir, 'parses.log');
      writeFileSync(log, '');
      const build = spawnSync(
        process.execPath,
        [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: {
            ...process.env,
            NODE_OPTIONS: `--import=${join(projectRoot, 'tests/support/count-parses.mjs')}`,
            PARSE_LOG: log,
            NO_COLOR: '1',
          },
          timeout: 200_000,
        },
      );
      assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
      const calls = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t') as [string, string]);
      const plans = calls.filter(([name]) => name === 'planRedirects');
      assert.deepEqual(plans, [['planRedirects', '1']], 'one plan of the one-entry map');
      const old = readFileSync(join(dir, 'dist', 'page-3', 'index.html'), 'utf8');
      assert.match(
        old,
        /<a href="\/old-page\/">page 1<\/a>/,
        'the old address is titled, in a sentence as the render writes titles',
      );
      const parses = calls.filter(([name]) => name !== 'planRedirects');
      const renders = parses.filter(([name]) => name === 'mdxToJs');
      const others = parses.filter(([name]) => name !== 'mdxToJs');
      assert.equal(renders.length, PAGES, "Astro's render: one compile per page");
      assert.deepEqual(
        others.map(([, hash]) => hash).sort(),
        texts.map(digest).sort(),
        `besides the render, each source exactly once: ${others.map(([name]) => name).join(', ')}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
