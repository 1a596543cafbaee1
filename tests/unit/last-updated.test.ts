/**
 * "Last updated" dates come from one `git log` for the whole site, whatever its size: the
 * parser reads each file's newest commit, and a build that asks for every page's date runs git
 * once (counted through a `git` on PATH that logs each call before running the real one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastCommitDatesCommand, parseLastCommitDates } from '../../src/lib/git-dates.ts';

test('each file gets the date of its newest commit, first appearance in newest-first order', () => {
  const output =
    '\x012026-03-02T10:00:00+00:00\0\ncontent/docs/a.mdx\0content/docs/b c.mdx\0' +
    '\x012026-02-01T09:00:00+01:00\0\ncontent/docs/a.mdx\0content/docs/old.mdx\0' +
    '\x012026-01-01T00:00:00+00:00\0';
  const dates = parseLastCommitDates(output);
  assert.deepEqual(
    [...dates].map(([file, date]) => `${file} ${date.toISOString()}`),
    [
      'content/docs/a.mdx 2026-03-02T10:00:00.000Z',
      'content/docs/b c.mdx 2026-03-02T10:00:00.000Z',
      'content/docs/old.mdx 2026-02-01T08:00:00.000Z',
    ],
  );
  assert.deepEqual(parseLastCommitDates(''), new Map());
});

test('a build asks git once for every page, and gets the dates the per-file log gives', async (t) => {
  const repo = mkdtempSync(join(tmpdir(), 'last-updated-'));
  const bin = mkdtempSync(join(tmpdir(), 'fake-git-'));
  const calls = join(bin, 'calls');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> "${calls}"\nexec "${realGit}" "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const cwd = process.cwd();
  const path = process.env['PATH'];
  t.after(() => {
    process.chdir(cwd);
    process.env['PATH'] = path;
    rmSync(repo, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  });
  const git = (args: string[], date: string) =>
    execFileSync(realGit, ['-c', 'user.name=W', '-c', 'user.email=w@example.com', ...args], {
      cwd: repo,
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    });
  mkdirSync(join(repo, 'content', 'docs'), { recursive: true });
  git(['init', '-q'], '2026-01-01T00:00:00Z');
  const files = Array.from({ length: 30 }, (_, n) => `content/docs/page-${n}.mdx`);
  for (const file of files) writeFileSync(join(repo, file), '# x\n');
  git(['add', '.'], '2026-01-01T00:00:00Z');
  git(['commit', '-qm', 'all'], '2026-01-01T00:00:00Z');
  writeFileSync(join(repo, files[3]!), '# changed\n');
  git(['commit', '-qam', 'one'], '2026-02-03T04:05:06Z');
  writeFileSync(join(repo, 'content', 'docs', 'new.mdx'), '# uncommitted\n');

  process.chdir(repo);
  process.env['PATH'] = `${bin}:${path}`;
  const { lastUpdated } = await import('../../src/data/last-updated.ts');
  const dates = files.map((file) => lastUpdated(file, 'content/docs')?.toISOString());
  assert.equal(dates[3], '2026-02-03T04:05:06.000Z');
  assert.equal(dates[0], '2026-01-01T00:00:00.000Z');
  assert.equal(
    lastUpdated('content/docs/new.mdx', 'content/docs'),
    undefined,
    'an uncommitted page has no date',
  );
  const log = readFileSync(calls, 'utf8').trim().split('\n');
  assert.deepEqual(log, [lastCommitDatesCommand('content/docs').join(' ')], 'one git process');
  // The same answer as asking git file by file.
  for (const file of [files[0]!, files[3]!])
    assert.equal(
      lastUpdated(file, 'content/docs')?.getTime(),
      new Date(
        execFileSync(realGit, ['log', '-1', '--format=%cI', '--', file], {
          encoding: 'utf8',
        }).trim(),
      ).getTime(),
    );
});
