/**
 * `lasting-links check` refuses to prove less than the build: a deleted anchors lock fails it as
 * it fails the build, and a `--redirects` file that cannot be read is an error, never an empty
 * map. Another site's build, checked from inside the project, is never blamed on the project's files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from './support/project-copy.ts';

function check(dir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/lasting-links/bin/lasting-links.js', 'check', ...args],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 280_000 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test(
  'check fails without the anchors lock, and on a --redirects file it cannot read',
  { timeout: 600_000 },
  (t) => {
    const { dir, remove } = copyProject('check-inputs-');
    t.after(remove);
    // A small built site: the check reads it whatever the project's pages are.
    const dist = join(dir, 'small-dist');
    mkdirSync(dist);
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Home</title><h1 id="home">Home</h1><a href="#home">top</a>',
    );

    // No redirects: the lock is all that can fail.
    writeFileSync(join(dir, 'content/redirects.yaml'), '');
    rmSync(join(dir, 'content/anchors.lock.json'));
    const withoutLock = check(dir, '--dist', 'small-dist');
    assert.equal(withoutLock.status, 1, withoutLock.output);
    assert.match(withoutLock.output, /content\/anchors\.lock\.json does not exist/);
    assert.match(withoutLock.output, /git checkout -- content\/anchors\.lock\.json/);

    for (const name of ['content/redirect.yaml', 'nowhere/map.yaml']) {
      const misspelt = check(dir, '--dist', 'small-dist', '--redirects', name);
      assert.equal(misspelt.status, 2, misspelt.output);
      assert.match(
        misspelt.output,
        new RegExp(
          `--redirects ${name.replace('.', '\\.')} cannot be read \\(ENOENT[^)]*\\): give the map's path, or --redirects none`,
        ),
      );
      assert.doesNotMatch(misspelt.output, /^\s+at /m, 'no stack trace');
    }
    const none = check(dir, '--dist', 'small-dist', '--redirects', 'none');
    assert.equal(none.status, 0, none.output);

    // Another site's page at a path this project also has: its broken link is that page's, at
    // its line in the other site, never blamed on this project's MDX source of the same path.
    const shared = join(dist, 'administration-guide/scale/high-availability/upgrade');
    mkdirSync(shared, { recursive: true });
    writeFileSync(
      join(shared, 'index.html'),
      '<!doctype html><title>Upgrade</title>\n<main><h1>Upgrade</h1>\n<a href="#version-skew">skew</a></main>',
    );
    const other = check(dir, '--dist', 'small-dist', '--redirects', 'none');
    assert.equal(other.status, 1, other.output);
    assert.match(
      other.output,
      /small-dist\/administration-guide\/scale\/high-availability\/upgrade\/index\.html:3/,
    );
    assert.doesNotMatch(other.output, /content\/docs\//, 'no source of this project is named');
  },
);
