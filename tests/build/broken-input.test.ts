/**
 * Bad input never produces a site: each of these edits, made in a copy of the project, must fail
 * the build with a message that names the file, the line where there is one, and what is wrong.
 * One build per case, in a fresh copy each time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCopy, copyProject } from './support/project-copy.ts';

const PAGE = 'content/docs/administration-guide/scale/high-availability/upgrade.mdx';
const TARGET = '/administration-guide/scale/high-availability/deployment/';

/** Builds a copy after `edit`, asserting that the build fails; returns what it printed. */
function failingBuild(edit: (dir: string) => void): string {
  const { dir, remove } = copyProject('broken-input-');
  try {
    edit(dir);
    const { status, output } = buildCopy(dir);
    assert.notEqual(status, 0, `the build must fail:\n${output.slice(-3000)}`);
    return output;
  } finally {
    remove();
  }
}

const lineCount = (dir: string, file: string) =>
  readFileSync(join(dir, file), 'utf8').split('\n').length;

test(
  'a broken link and a broken anchor fail the build, each at its MDX line and column',
  { timeout: 300_000 },
  () => {
    let line = 0;
    const output = failingBuild((dir) => {
      line = lineCount(dir, PAGE) + 1;
      appendFileSync(
        join(dir, PAGE),
        `\nSee [the gone page](/administration-guide/no-such-page/) and [a lost section](${TARGET}#no-such-section).\n`,
      );
    });
    assert.match(
      output,
      new RegExp(`${PAGE}:${line}:\\d+: error: .*no-such-page`),
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(`${PAGE}:${line}:\\d+: error: .*no element with id "no-such-section"`),
      output.slice(-3000),
    );
  },
);

test(
  'a redirect to a heading that does not exist fails the build at the map entry’s line',
  { timeout: 300_000 },
  () => {
    let line = 0;
    const output = failingBuild((dir) => {
      const file = join(dir, 'content/redirects.yaml');
      line = lineCount(dir, 'content/redirects.yaml') + 1;
      appendFileSync(file, `\n- from: /old/renamed-page.html\n  to: ${TARGET}#no-such-section\n`);
    });
    assert.match(
      output,
      new RegExp(`content/redirects.yaml:${line}\\b.*no-such-section`, 's'),
      output.slice(-3000),
    );
  },
);

test(
  'bad front matter in several pages fails the build once, naming every file, line and field',
  { timeout: 300_000 },
  () => {
    const SECOND = 'content/docs/administration-guide/scale/high-availability/operations.mdx';
    const output = failingBuild((dir) => {
      const file = join(dir, PAGE);
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace(/^description: .*$/m, '')
          .replace(/^(\s+order:) \d+$/m, '$1 first'),
      );
      const second = join(dir, SECOND);
      writeFileSync(second, readFileSync(second, 'utf8').replace(/^title: .*$/m, 'title: 42'));
    });
    assert.match(
      output,
      new RegExp(`${PAGE}:\\d+: error: description: add \`description: One sentence\``),
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(`${PAGE}:\\d+: error: sidebar\\.order: sidebar\\.order must be a number`),
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(
        `${SECOND}:2: error: title: title must be text, but YAML reads 42 as number: put it in quotes, title: "42"`,
      ),
      output.slice(-3000),
    );
  },
);

test(
  'a deleted anchors lock and an id used twice fail the build; an emoji-only heading and a docs lint finding warn at their lines',
  { timeout: 300_000 },
  () => {
    let line = 0;
    const output = failingBuild((dir) => {
      rmSync(join(dir, 'content/anchors.lock.json'));
      line = lineCount(dir, PAGE) + 1;
      appendFileSync(
        join(dir, PAGE),
        `\n<div id="version-skew">A box that repeats a heading's id.</div>\n\n## 🚀\n\nLaunch.\n\nTODO: finish this.\n`,
      );
    });
    assert.match(
      output,
      /content\/anchors\.lock\.json: error: .*does not exist.*\n.*npx lasting-links moves --init --write/,
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(`${PAGE}:${line}:\\d+: error: the id "version-skew" is used more than once`),
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(`${PAGE}:${line + 2}: warning: the heading "🚀" .* id "section-1f680"`),
      output.slice(-3000),
    );
    // The docs lint's findings are build warnings at their line.
    assert.match(
      output,
      new RegExp(`${PAGE}:${line + 6}:1: warning: placeholder: .*\\[docs-lint\\]`),
      output.slice(-3000),
    );
  },
);

test(
  'a component nothing defines fails the build at its file and line',
  { timeout: 300_000 },
  () => {
    let line = 0;
    const output = failingBuild((dir) => {
      line = lineCount(dir, PAGE) + 1;
      appendFileSync(join(dir, PAGE), '\n<Callout>Read this first.</Callout>\n');
    });
    assert.match(
      output,
      new RegExp(`${PAGE}:${line}:1: error: <Callout> is not a component this site defines`),
      output.slice(-3000),
    );
  },
);

test(
  'a misspelt plan in appliesTo and a <Setting> without a usable key fail the build at their lines',
  { timeout: 300_000 },
  () => {
    let line = 0;
    const output = failingBuild((dir) => {
      const file = join(dir, PAGE);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^ {2}plans: \[enterprise, enterprise-advanced\]$/m,
          '  plans: [enterprise, enterprize]',
        ),
      );
      line = lineCount(dir, PAGE) + 1;
      appendFileSync(
        file,
        '\n<Setting name="MM_CLUSTERSETTINGS_ENABLE">\nTurns it on.\n</Setting>\n',
      );
    });
    assert.match(
      output,
      new RegExp(
        `${PAGE}:\\d+: error: appliesTo\\.plans\\.1: "enterprize" is not a plan: use free, entry, professional, enterprise, enterprise-advanced`,
      ),
      output.slice(-3000),
    );
    assert.match(
      output,
      new RegExp(
        `${PAGE}:${line}:1: error: "MM_CLUSTERSETTINGS_ENABLE" is not a setting key: .*ClusterSettings\\.Enable`,
      ),
      output.slice(-3000),
    );
  },
);
