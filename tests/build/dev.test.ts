/**
 * `astro dev` tells a writer about a broken link as they type, in the terminal and on the page.
 *
 * - The terminal names the file, line and column of a link to a page or a section that does not
 *   exist, and reads a page again when it is edited while the server runs.
 * - The page itself shows, beside a broken link, what is wrong and where it is written
 *   (file:line), for a link to a missing page or section and for a link to an old address; an
 *   empty-text cross-reference to nothing shows its address instead of nothing. So does a link
 *   written outside the MDX pages: here the site-wide notice of `src/config.ts`, whose link leads
 *   into a guide this small site does not have, while the header's link to the home page (an
 *   `.astro` page, with no source among the pages) is not marked.
 * - A production build of the same pages fails on those links instead and never carries a mark.
 *
 * Astro's own `dev()`, in this process, on one small site; the server is stopped with the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dev } from 'astro';
import { buildSite, page, smallSite } from './support/small-site.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

const FILE = 'content/docs/guide/upgrade.mdx';
const MARKER = 'data-lasting-links-problem';
const UPGRADE = page(
  'Upgrade',
  'First [prepare it](/guide/install/#prepare-the-server).\n\n' +
    'Then [the gone page](/guide/no-such-page/) and [](/guide/install/#no-such-section).\n\n' +
    'And [the old name](/guide/setup/). Back [home](/).',
);

/** The text of every dev marker on a page, in order. */
function markers(html: string): string[] {
  return [...html.matchAll(new RegExp(`<mark ${MARKER}[\\s>=][^>]*>([^<]*)</mark>`, 'g'))].map(
    (match) => match[1]!,
  );
}

/** Runs `work` with everything written to stdout and stderr held back; returns what was written. */
async function capturingOutput(work: () => Promise<void>): Promise<string> {
  const printed: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  const hold = (chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  };
  process.stderr.write = hold;
  process.stdout.write = hold;
  try {
    await work();
  } finally {
    process.stderr.write = write;
    process.stdout.write = writeOut;
  }
  return printed.join('');
}

test(
  'astro dev warns at its line and marks the page beside a broken or old link, with the problem and its file:line; a build never marks',
  { timeout: 400_000 },
  async () => {
    const site = smallSite(
      {
        'content/docs/guide/install.mdx': page('Install', '## Prepare the server\n\nWords.'),
        [FILE]: UPGRADE,
        'content/redirects.yaml': '- from: /guide/setup/\n  to: /guide/install/\n',
      },
      { announcement: true },
    );
    try {
      let html = '';
      const output = await capturingOutput(async () => {
        let server: Awaited<ReturnType<typeof dev>> | undefined;
        try {
          server = await dev({
            root: site.dir,
            server: { port: 0, host: '127.0.0.1' },
            logLevel: 'warn',
          });
          const { address, port } = server.address;
          const answer = await fetch(`http://${address}:${port}/guide/upgrade/`);
          assert.equal(answer.status, 200);
          html = await answer.text();
          // An edit while the server runs is read again: a new broken link is reported too.
          writeFileSync(
            join(site.dir, FILE),
            page('Upgrade', 'Now [another gone page](/guide/also-gone/).'),
          );
          await new Promise((resolve) => setTimeout(resolve, 1500));
          assert.equal((await fetch(`http://${address}:${port}/guide/upgrade/`)).status, 200);
        } finally {
          await server?.stop();
        }
      });

      // In the terminal, at the link's line.
      assert.match(
        output,
        new RegExp(`${FILE}:8:\\d+: /guide/no-such-page/: no page at /guide/no-such-page/`),
      );
      assert.match(
        output,
        new RegExp(
          `${FILE}:8:\\d+: /guide/install/#no-such-section: /guide/install/ has no section #no-such-section`,
        ),
      );
      assert.doesNotMatch(output, /prepare-the-server: /, 'a link that lands is not reported');
      assert.match(
        output,
        new RegExp(`${FILE}:6:\\d+: /guide/also-gone/: no page at /guide/also-gone/`),
        'the edited page is read again',
      );

      // On the page, beside the link.
      const [notice, ...others] = markers(html);
      const noticeLine =
        readFileSync(join(projectRoot, 'src/config.ts'), 'utf8')
          .split('\n')
          .findIndex((text) => text.includes('(/administration-guide/scale/high-availability/)')) +
        1;
      assert.match(
        notice ?? '',
        new RegExp(
          `^⚠ (?:\\.\\./)*src/config\\.ts:${noticeLine}:\\d+: /administration-guide/scale/high-availability/: no page at /administration-guide/scale/high-availability/$`,
        ),
        "the notice's link, at its line of src/config.ts",
      );
      const home = /<a [^>]*href="\/"[^>]*>(?:(?!<\/a>)[\s\S])*<\/a>(\s*<mark)?/.exec(html);
      assert.ok(home, 'the header links to the home page');
      assert.equal(home[1], undefined, 'which lands: no mark after it');
      assert.deepEqual(
        others.map((text) => text.replace(/:\d+: /, ': ')),
        [
          `⚠ ${FILE}:8: /guide/no-such-page/: no page at /guide/no-such-page/`,
          `⚠ ${FILE}:8: /guide/install/#no-such-section: /guide/install/ has no section #no-such-section`,
          `⚠ ${FILE}:10: /guide/setup/ is an old address; link to /guide/install/ instead (npx lasting-links moves --write rewrites it)`,
        ],
      );
      assert.match(
        html,
        /<a href="\/guide\/install\/#no-such-section"[^>]*>\/guide\/install\/#no-such-section<\/a>/,
        'the empty cross-reference to nothing shows its address',
      );
      assert.doesNotMatch(html, />prepare it<\/a>\s*<mark/, 'a link that lands is not marked');
      assert.doesNotMatch(
        html,
        />home<\/a>\s*<mark/,
        'nor one to the home page, an .astro page with no source among the pages',
      );

      // A build of the same pages fails on the broken links instead, and marks nothing.
      writeFileSync(join(site.dir, FILE), UPGRADE);
      const build = buildSite(site.dir);
      assert.equal(build.status, 1, 'the build fails on the broken links instead');
      const built = readFileSync(join(site.dir, 'dist/guide/upgrade/index.html'), 'utf8');
      assert.ok(built.includes('href="/guide/no-such-page/"'), 'the page was built');
      assert.ok(!built.includes(MARKER), 'and carries no marker');
    } finally {
      site.remove();
    }
  },
);
