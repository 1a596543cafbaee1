/**
 * A disk that fills up while `moves --write` or `import-sphinx --write` writes: `ulimit -f` makes
 * every write past the limit fail (EFBIG), as a full disk does. The command must say which file
 * could not be written and leave every project file exactly as it was: the map, the pages and the
 * lock, whole, never cut short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from './support/project-copy.ts';

const PAGE = 'content/docs/administration-guide/scale/high-availability/index.mdx';
const WRITTEN = ['content/redirects.yaml', 'content/anchors.lock.json', PAGE];

/** Runs the command in `dir` with every file it writes limited to `limitKb` kilobytes. */
function limited(dir: string, limitKb: number, args: string[]) {
  const result = spawnSync(
    'bash',
    [
      '-c',
      `ulimit -f ${limitKb} && exec "$@"`,
      'limited',
      process.execPath,
      'node_modules/lasting-links/bin/lasting-links.js',
      ...args,
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 280_000 },
  );
  return {
    status: result.status,
    signal: result.signal,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

const git = (dir: string, ...args: string[]) => {
  const result = spawnSync(
    'git',
    ['-c', 'user.email=w@example.com', '-c', 'user.name=W', ...args],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
};

const snapshot = (dir: string) =>
  Object.fromEntries(WRITTEN.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
const strays = (dir: string) =>
  ['content', 'content/docs/administration-guide/scale/high-availability'].flatMap((folder) =>
    readdirSync(join(dir, folder)).filter((name) => name.endsWith('.tmp')),
  );

test(
  'a full disk during moves --write or import-sphinx --write is reported, and every file is left whole',
  { timeout: 600_000 },
  (t) => {
    const { dir, remove } = copyProject('full-disk-');
    t.after(remove);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'published');

    // A heading renamed: moves writes a map entry, the pages that link it, and the lock.
    const page = readFileSync(join(dir, PAGE), 'utf8');
    assert.ok(page.includes('## Downtime to expect'));
    writeFileSync(join(dir, PAGE), page.replace('## Downtime to expect', '## Expected downtime'));
    const before = snapshot(dir);
    // Once without a limit and without --write: what loading the settings caches is in place.
    const dry = limited(dir, 1_000_000, ['moves']);
    assert.ok(dry.status === 1 || dry.status === 0, dry.output);
    assert.deepEqual(snapshot(dir), before);
    // The lock (about 47 KB) is past the limit; the map (about 25 KB) is not.
    const moves = limited(dir, 32, ['moves', '--write']);
    assert.notEqual(moves.status, 0, moves.output);
    assert.equal(moves.signal, null, 'ends with a message, not a signal');
    assert.match(
      moves.output,
      /content\/anchors\.lock\.json could not be written \(EFBIG[^)]*\); it was left as it was/,
    );
    assert.match(moves.output, /nothing was written/);
    assert.doesNotMatch(moves.output, /^\s+at /m, 'no stack trace');
    assert.deepEqual(snapshot(dir), before, 'the map, the pages and the lock are as they were');
    assert.deepEqual(strays(dir), [], 'no temporary file is left');

    // The Sphinx import: the map grows past the limit.
    writeFileSync(
      join(dir, 'sphinx.json'),
      JSON.stringify(
        Object.fromEntries(
          Array.from({ length: 60 }, (_, n) => [
            `old/page-${n}.html`,
            'https://docs.example.com/administration-guide/scale/high-availability/',
          ]),
        ),
      ),
    );
    writeFileSync(join(dir, PAGE), page);
    const map = readFileSync(join(dir, 'content/redirects.yaml'), 'utf8');
    const imported = limited(dir, 26, ['import-sphinx', '--sphinx', 'sphinx.json', '--write']);
    assert.notEqual(imported.status, 0, imported.output);
    assert.equal(imported.signal, null);
    assert.match(
      imported.output,
      /content\/redirects\.yaml could not be written \(EFBIG[^)]*\); it was left as it was/,
    );
    assert.equal(
      readFileSync(join(dir, 'content/redirects.yaml'), 'utf8'),
      map,
      'the map is whole',
    );
    assert.deepEqual(strays(dir), []);
  },
);
