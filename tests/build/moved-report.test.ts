/**
 * A writer renames three published headings, links to them from another page, and builds without
 * running `moves`. The build's report must lead with the root cause (how many published addresses
 * moved, and the one command that fixes them) and list each broken link once, with that one fix:
 * not as a lint note, a missing anchor and an empty cross-reference each, nor with a fix that
 * says to point the link somewhere by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, page, smallSite } from './support/small-site.ts';

/** Enough words of its own for a section to be recognised by its text. */
const prose = (topic: string) =>
  Array.from(
    { length: 6 },
    (_, n) => `Step ${n + 1} to ${topic} keeps the cluster healthy and the readers happy.`,
  ).join(' ');

const GUIDE = page(
  'Guide',
  `How to run it.\n\n## Install the server\n\n${prose('install the server')}\n\n` +
    `## Configure the proxy\n\n${prose('configure the proxy')}\n\n` +
    `## Back up the data\n\n${prose('back up the data')}`,
);

test(
  'a build with three moved addresses and no `moves` leads with the cause and reports each broken link once',
  { timeout: 400_000 },
  () => {
    const { dir, remove } = smallSite({
      'content/docs/guide.mdx': GUIDE,
      'content/docs/links.mdx': page(
        'Links',
        'Start with [](/guide/#install-the-server).\n\n' +
          'Then see [the proxy settings](/guide/#configure-the-proxy).\n\n' +
          'Finally read [](/guide/#back-up-the-data).',
      ),
    });
    try {
      const init = spawnSync(
        process.execPath,
        [
          join(dir, 'node_modules/lasting-links/bin/lasting-links.js'),
          'moves',
          '--init',
          '--write',
        ],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
      );
      assert.equal(init.status, 0, `${init.stdout}\n${init.stderr}`);
      const file = join(dir, 'content/docs/guide.mdx');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('## Install the server', '## Set up the server')
          .replace('## Configure the proxy', '## Put a proxy in front')
          .replace('## Back up the data', '## Keep copies of the data'),
      );

      const { status, output } = buildSite(dir);
      assert.equal(status, 1, output);
      const report = output.slice(output.indexOf('[lasting-links] checked'));
      const first = report.split('\n').find((line, n) => n > 0 && line.trim() !== '');
      assert.equal(
        first,
        '3 published addresses moved and nothing redirects them yet: run `npx lasting-links moves --write`; it adds the redirects, rewrites the 3 links to them listed below and updates the lock.',
      );
      for (const line of [6, 8, 10]) {
        const reported = report.match(new RegExp(`^content/docs/links\\.mdx:${line}:\\d+: `, 'gm'));
        assert.equal(reported?.length, 1, `the link of links.mdx line ${line} once:\n${report}`);
      }
      assert.doesNotMatch(report, /point it at an existing/, 'one fix: the command');
      assert.equal(
        report.match(/fix: run `npx lasting-links moves --write`: \/guide\/#/g)?.length,
        3,
        'each link names the command',
      );
      assert.match(report, /^6 errors, 0 warnings$/m, 'three lost addresses and three links');
    } finally {
      remove();
    }
  },
);
