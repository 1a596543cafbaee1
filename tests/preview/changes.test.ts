/**
 * `preview:build` end to end, in a copy of the project made into a git repository: the base is
 * committed on `main`, the pull request rewords a paragraph, renames a heading (with its redirect
 * entry) and adds a page. The preview must build the base commit in a temporary worktree, and its
 * what-changed page and summary must show each of those changes, linked into the preview. A
 * second push reads the base's index from the cache instead of building the base again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../build/support/project-copy.ts';
import { runScript } from './support/commands.ts';

const GUIDE = 'content/docs/administration-guide/scale/high-availability';
const PAGE = '/administration-guide/scale/high-availability/troubleshooting/';

test('the what-changed page shows the reworded text, the renamed anchor with its entry and the new page', async (t) => {
  const copy = copyProject('docs-preview-changes-');
  t.after(copy.remove);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: copy.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  git('init', '-q', '-b', 'main');
  appendFileSync(join(copy.dir, '.git/info/exclude'), 'node_modules\n');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');

  const file = join(copy.dir, GUIDE, 'troubleshooting.mdx');
  const source = readFileSync(file, 'utf8');
  assert.ok(source.includes('Most cluster problems come from one of three causes'));
  assert.ok(source.includes('## WebSocket disconnects'));
  writeFileSync(
    file,
    source
      .replace(
        'Most cluster problems come from one of three causes',
        'Most cluster problems have one of three causes',
      )
      .replace('## WebSocket disconnects', '## WebSocket connections drop'),
  );
  appendFileSync(
    join(copy.dir, 'content/redirects.yaml'),
    `- from: ${PAGE}#websocket-disconnects\n  to: ${PAGE}#websocket-connections-drop\n`,
  );
  const mapLine =
    readFileSync(join(copy.dir, 'content/redirects.yaml'), 'utf8').split('\n').length - 2;
  writeFileSync(
    join(copy.dir, GUIDE, 'glossary.mdx'),
    '---\ntitle: High availability glossary\ndescription: The words this guide uses.\n---\n\nThe words the guide uses.\n\n## Node\n\nOne server of the cluster.\n',
  );

  const out = join(copy.dir, 'preview-out');
  const summaryFile = join(copy.dir, 'summary.md');
  const result = await runScript(
    'preview-build',
    [
      '--pr',
      '3',
      '--sha',
      baseSha,
      '--base-ref',
      'main',
      '--out',
      out,
      '--summary',
      summaryFile,
      '--host-url',
      'https://previews.example.com',
    ],
    // As in GitHub Actions, which names the repository the pull request belongs to.
    {
      cwd: copy.dir,
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/docs' },
    },
  );
  assert.equal(result.status, 0, result.stderr.slice(-3000));
  assert.match(result.stderr, new RegExp(`building the base ${baseSha.slice(0, 7)} in `));
  assert.doesNotMatch(git('worktree', 'list'), /docs-preview-base/, 'the base worktree is gone');

  const changes = readFileSync(join(out, '_changes/index.html'), 'utf8');
  assert.match(
    changes,
    new RegExp(
      `Compared with <code>main</code> at <code>${baseSha.slice(0, 7)}</code>: 1 changed, 0 moved, 1 added, 0 removed`,
    ),
  );
  assert.match(
    changes,
    /<li><a href="\/pr-3\/administration-guide\/scale\/high-availability\/troubleshooting\/">Troubleshoot a high availability cluster<\/a> <code>[^<]+<\/code>: changed, <a href="#page-1">2 sections<\/a><\/li>/,
  );
  assert.match(
    changes,
    /<li><a href="\/pr-3\/administration-guide\/scale\/high-availability\/glossary\/">High availability glossary<\/a> <code>[^<]+<\/code>: <a href="#page-2">added<\/a><\/li>/,
  );
  assert.match(
    changes,
    /Most cluster problems <del>come from<\/del><ins>have<\/ins> one of three causes/,
  );
  assert.match(
    changes,
    /<a href="\/pr-3\/administration-guide\/scale\/high-availability\/troubleshooting\/#websocket-connections-drop">WebSocket connections drop<\/a> <span class="change-tag">was “WebSocket disconnects”; anchor was <code>#websocket-disconnects<\/code><\/span>/,
  );
  assert.match(
    changes,
    new RegExp(
      `<li><code>${PAGE}#websocket-disconnects</code> → <a href="/pr-3${PAGE}#websocket-connections-drop"><code>${PAGE}#websocket-connections-drop</code></a> <span class="map-entries">\\(<code>content/redirects\\.yaml:${mapLine}</code>\\)</span></li>`,
    ),
  );
  assert.match(changes, /<h2 id="links">Link check<\/h2>\n<p>/);

  const summary = readFileSync(summaryFile, 'utf8');
  assert.match(summary, /^### Preview of #3 at `\w{7}`$/m);
  assert.match(
    summary,
    /\[`Troubleshoot a high availability cluster`\]\(https:\/\/previews\.example\.com\/pr-3\/administration-guide\/scale\/high-availability\/troubleshooting\/\) `[^`]+` \| changed: `Troubleshoot a high availability cluster`, `WebSocket connections drop` \|/,
  );
  assert.match(summary, /\| added \|/);
  assert.match(
    summary,
    new RegExp(
      `\\| \`${PAGE}#websocket-disconnects\` \\| \\[\`${PAGE}#websocket-connections-drop\`\\]\\(https://previews\\.example\\.com/pr-3${PAGE}#websocket-connections-drop\\) \\| line ${mapLine} \\|`,
    ),
  );

  // Every page is marked as a preview; crawlers are kept out; canonical URLs name the published site.
  const page = readFileSync(
    join(out, 'administration-guide/scale/high-availability/troubleshooting/index.html'),
    'utf8',
  );
  assert.match(page, /<meta name="robots" content="noindex">/);
  assert.match(
    page,
    /<link rel="canonical" href="https:\/\/docs\.example\.com\/administration-guide\/scale\/high-availability\/troubleshooting\/">/,
  );
  assert.match(
    page,
    /<script src="\/pr-3\/_preview\.js"><\/script><aside class="preview-banner" aria-label="Preview"/,
  );
  assert.match(page, /<a href="https:\/\/github\.com\/o\/docs\/pull\/3">pull request #3<\/a>/);
  assert.match(page, /<a href="\/pr-3\/_changes\/">What changed<\/a>/);
  assert.equal(readFileSync(join(out, 'robots.txt'), 'utf8'), 'User-agent: *\nDisallow: /\n');
  assert.match(
    readFileSync(join(out, '_preview.js'), 'utf8'),
    new RegExp(`" at ${baseSha.slice(0, 7)}, built `),
  );
  assert.ok(existsSync(join(out, '_changes/summary.json')));

  // The changed page names its changes, compared with the merge base as it was when the preview
  // was built; a page that did not change names none.
  const meta =
    /<meta name="preview-changes" content="\/pr-3\/(_changes\/pages\/[0-9a-f]{16}\.json)">/.exec(
      page,
    );
  assert.ok(meta, 'the changed page names its changes');
  const inPlace = JSON.parse(readFileSync(join(out, meta[1]!), 'utf8')) as {
    base: string;
    hunks: Array<Array<{ mark: string }>>;
  };
  assert.equal(inPlace.base, `main at ${baseSha.slice(0, 7)}`);
  assert.deepEqual(
    inPlace.hunks.flat().map((mark) => mark.mark),
    ['changed', 'moved', 'changed'],
  );
  const unchanged = readFileSync(
    join(out, 'administration-guide/scale/high-availability/deployment/index.html'),
    'utf8',
  );
  assert.ok(!unchanged.includes('<meta name="preview-changes"'), 'an unchanged page names none');

  // A second push to the pull request: its base has not moved, so the base is not built again.
  appendFileSync(
    join(copy.dir, GUIDE, 'glossary.mdx'),
    '\n## Replica\n\nA copy of the database.\n',
  );
  const again = await runScript(
    'preview-build',
    ['--pr', '3', '--sha', baseSha, '--base-ref', 'main', '--out', out, '--summary', summaryFile],
    { cwd: copy.dir },
  );
  assert.equal(again.status, 0, again.stderr.slice(-3000));
  assert.doesNotMatch(again.stderr, /building the base/);
  assert.match(again.stderr, new RegExp(`the base ${baseSha.slice(0, 7)} was built before`));
  assert.match(
    readFileSync(join(out, '_changes/index.html'), 'utf8'),
    new RegExp(
      `Compared with <code>main</code> at <code>${baseSha.slice(0, 7)}</code>: 1 changed, 0 moved, 1 added, 0 removed`,
    ),
  );
});
