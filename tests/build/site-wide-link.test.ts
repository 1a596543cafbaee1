/**
 * A broken link that every page carries is one problem, at the line that writes it: this site's
 * code with other content and this guide's announcement left in (its link leads into the guide,
 * which the other site does not have). The build names `src/config.ts` and the page count, once,
 * instead of one error per built page pointing into the output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGeneratedSite } from '../../scripts/generated-site.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const PAGES = 12;

test(
  "the announcement's broken link is one error at src/config.ts with its page count",
  { timeout: 240_000 },
  () => {
    mkdirSync(join(projectRoot, '.build'), { recursive: true });
    const dir = mkdtempSync(join(projectRoot, '.build', 'other-content-'));
    try {
      createGeneratedSite(dir, { announcement: true });
      for (let n = 1; n <= PAGES; n += 1)
        writeFileSync(
          join(dir, 'content', 'docs', `page-${n}.mdx`),
          `---\ntitle: Page ${n}\ndescription: Page ${n} of another site.\n---\n\nWords of page ${n}.\n`,
        );
      writeFileSync(join(dir, 'content', 'redirects.yaml'), '[]\n');
      writeFileSync(join(dir, 'content', 'anchors.lock.json'), '{ "pages": [] }\n');
      const build = spawnSync(
        process.execPath,
        [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
          timeout: 200_000,
        },
      );
      const output = `${build.stdout}\n${build.stderr}`;
      assert.notEqual(build.status, 0, output);
      const line =
        readFileSync(join(projectRoot, 'src/config.ts'), 'utf8')
          .split('\n')
          .findIndex((text) => text.includes('(/administration-guide/scale/high-availability/)')) +
        1;
      const errors = output.split('\n').filter((text) => /: error: /.test(text));
      assert.equal(errors.length, 1, `one error, not one per page:\n${errors.join('\n')}`);
      // Every built page carries it: the docs pages, the home page and the 404 page.
      assert.match(
        errors[0]!,
        new RegExp(
          `^(?:\\.\\./)*src/config\\.ts:${line}:\\d+: error: /administration-guide/scale/high-availability/ does not exist.*\\(a link on ${PAGES + 2} pages\\) \\[missing-page\\]$`,
        ),
      );
      assert.match(output, /^1 error, /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
