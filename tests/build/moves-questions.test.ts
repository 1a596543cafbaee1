/**
 * A section rewritten in new words, on a copy of the project under git: `## Plugins` renamed to
 * `## Extend the cluster with plugins`, its sentences reworded, and `## CLI versus mmctl` deleted.
 * Too little of either old text is left for `moves` to decide by itself, so without a terminal it
 * writes nothing, exits 1 and names the questions with their candidates and the `--choose` that
 * answers them; with the answers it writes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, gitIn as git, runIn as run } from './support/project-copy.ts';

const OPERATIONS = 'content/docs/administration-guide/scale/high-availability/operations.mdx';
const URL = '/administration-guide/scale/high-availability/operations/';

const moves = (dir: string, ...args: string[]) =>
  run(dir, process.execPath, ['node_modules/lasting-links/bin/lasting-links.js', 'moves', ...args]);

test(
  'a section renamed and reworded: `moves --write` asks (exit 1, nothing written) and writes the answer given with --choose',
  { timeout: 300_000 },
  () => {
    const { dir, remove } = copyProject('moves-questions-');
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'published');
      const text = readFileSync(join(dir, OPERATIONS), 'utf8');
      const start = text.indexOf('## Plugins\n');
      const end = text.indexOf('## Database failover and replica lag\n');
      assert.ok(start > 0 && end > start, 'the page has the sections this test rewrites');
      writeFileSync(
        join(dir, OPERATIONS),
        text.slice(0, start) +
          '## Extend the cluster with plugins\n\n' +
          'When you install or upgrade a plugin on any node, the shared file storage carries it to all the\n' +
          'other nodes for you. Reinstalling a plugin leaves it disabled, so turn it back on under\n' +
          '**System Console > Plugins > Plugin Management**.\n\n' +
          text.slice(end),
      );

      const asked = moves(dir, '--write');
      assert.equal(asked.status, 1, asked.output);
      assert.equal(
        git(dir, 'status', '--porcelain').trim(),
        `M ${OPERATIONS}`,
        'nothing but the writer’s own edit changed',
      );
      assert.match(asked.output, /Questions \(2\)/);
      const plugins = asked.output.slice(asked.output.indexOf(`${URL}#plugins ("Plugins")`));
      assert.match(
        plugins,
        new RegExp(
          `^${URL}#plugins \\("Plugins"\\): .*\\n +1\\. ${URL}#extend-the-cluster-with-plugins `,
        ),
        'the renamed heading leads the candidates',
      );
      assert.match(asked.output, /Nothing was written: 2 questions are open/);
      assert.match(asked.output, /--choose OLD=NEW/);
      assert.doesNotMatch(asked.output, /#plugins → /, 'no redirect proposed by itself');

      // In a terminal, the same questions are asked there: `script` gives the command a
      // terminal of its own, where the first candidate is chosen for the plugins and the top of
      // the page (the fourth) for the deleted section.
      const rewritten = readFileSync(join(dir, OPERATIONS), 'utf8');
      const terminal = spawnSync(
        'script',
        [
          '-qec',
          `${process.execPath} node_modules/lasting-links/bin/lasting-links.js moves --write`,
          '/dev/null',
        ],
        { cwd: dir, input: '1\n4\n', encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(terminal.status, 0, `${terminal.stdout}\n${terminal.stderr}`);
      assert.match(terminal.stdout, /Where should .*#plugins lead\? \[1-4/);
      const chosen = readFileSync(join(dir, 'content/redirects.yaml'), 'utf8');
      assert.match(
        chosen,
        new RegExp(`- from: ${URL}#plugins\\n  to: ${URL}#extend-the-cluster-with-plugins\\n`),
      );
      assert.match(chosen, new RegExp(`- from: ${URL}#cli-versus-mmctl\\n  to: ${URL}\\n`));
      git(dir, 'checkout', '-q', '--', '.');
      writeFileSync(join(dir, OPERATIONS), rewritten);

      const answered = moves(
        dir,
        '--write',
        '--choose',
        `${URL}#plugins=${URL}#extend-the-cluster-with-plugins`,
        '--choose',
        `${URL}#cli-versus-mmctl=${URL}`,
      );
      assert.equal(answered.status, 0, answered.output);
      const map = readFileSync(join(dir, 'content/redirects.yaml'), 'utf8');
      assert.match(
        map,
        new RegExp(`- from: ${URL}#plugins\\n  to: ${URL}#extend-the-cluster-with-plugins\\n`),
      );
      assert.match(map, new RegExp(`- from: ${URL}#cli-versus-mmctl\\n  to: ${URL}\\n`));

      const wrong = moves(dir, '--choose', `${URL}#monitoring=${URL}`);
      assert.equal(wrong.status, 2, wrong.output);
      assert.match(wrong.output, /#monitoring is not a question of this run/);
    } finally {
      remove();
    }
  },
);
