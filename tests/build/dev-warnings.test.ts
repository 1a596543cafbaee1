/**
 * `astro dev` tells a writer about a broken link as they type: the page is rendered on request,
 * and the terminal names the file, line and column of a link to a page or a section that does
 * not exist, and of a link to an old address. Astro's own `dev()`, in this process, on a small
 * site; the server is closed with the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dev } from 'astro';
import { page, smallSite } from './support/small-site.ts';

test(
  'astro dev warns at its line about a link to a missing page or section',
  { timeout: 120_000 },
  async () => {
    const site = smallSite({
      'content/docs/guide/install.mdx': page('Install', '## Prepare the server\n\nWords.'),
      'content/docs/guide/upgrade.mdx': page(
        'Upgrade',
        'First [prepare it](/guide/install/#prepare-the-server).\n\nThen [the gone page](/guide/no-such-page/) and [a lost section](/guide/install/#no-such-section).',
      ),
    });
    const printed: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const writeOut = process.stdout.write.bind(process.stdout);
    process.stderr.write = (chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    };
    process.stdout.write = (chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    };
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
      // An edit while the server runs is read again: a new broken link is reported too.
      writeFileSync(
        join(site.dir, 'content/docs/guide/upgrade.mdx'),
        page('Upgrade', 'Now [another gone page](/guide/also-gone/).'),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await fetch(`http://${address}:${port}/guide/upgrade/`)).status, 200);
    } finally {
      await server?.stop();
      process.stderr.write = write;
      process.stdout.write = writeOut;
      site.remove();
    }
    const output = printed.join('');
    const file = 'content/docs/guide/upgrade.mdx';
    assert.match(
      output,
      new RegExp(`${file}:8:\\d+: /guide/no-such-page/: no page at /guide/no-such-page/`),
    );
    assert.match(
      output,
      new RegExp(
        `${file}:8:\\d+: /guide/install/#no-such-section: /guide/install/ has no section #no-such-section`,
      ),
    );
    assert.doesNotMatch(output, /prepare-the-server: /, 'a link that lands is not reported');
    assert.match(
      output,
      new RegExp(`${file}:6:\\d+: /guide/also-gone/: no page at /guide/also-gone/`),
    );
  },
);
