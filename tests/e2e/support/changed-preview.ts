/**
 * The preview of a pull request that changes things, for the browser suite's review tests: a
 * copy of the project (in `.build/`) with the edits a writer makes in one pull request, built as
 * the preview of pull request 8 and compared with this project's own build (`dist/`) as its
 * base. The `s3-preview` host publishes it beside pull request 7.
 *
 *   node tests/e2e/support/changed-preview.ts   (after `astro build`; writes dist-preview-changes/)
 *
 * The edits, and what a reviewer must see of each:
 * - `### Monitor replica lag` moves from the operations page to the troubleshooting page, text
 *   unchanged: a moved section, once;
 * - one line of the job server's two-line code block changes: a line diff;
 * - a sentence of the troubleshooting page is reworded: a word diff in its paragraph;
 * - a section of four paragraphs is added to the troubleshooting page: long text that folds;
 * - an H2 of the upgrade page is renamed (with its redirect entry);
 * - the configuration reference is renamed to the settings reference (with its redirect
 *   entry): one moved page, its anchors with it.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject } from '../../build/support/project-copy.ts';

/** The pull request the changed preview is published as. */
export const CHANGED_PR = 8;
/** Its build folder, in the project. */
export const CHANGED_DIST = 'dist-preview-changes';

const GUIDE = 'content/docs/administration-guide/scale/high-availability';
const PATH = '/administration-guide/scale/high-availability';

/** The edits, as [file, text that must be there, its replacement]. */
export const EDITS = {
  codeLineBefore:
    'sudo grep MM_JOBSETTINGS_RUNSCHEDULER /opt/mattermost/config/mattermost.environment',
  codeLineAfter: 'sudo grep -H MM_JOBSETTINGS /opt/mattermost/config/mattermost.environment',
  wordsBefore: 'Most cluster problems come from one of three causes',
  wordsAfter: 'Most cluster problems have one of three causes',
  headingBefore: 'Change the configuration without downtime',
  headingAfter: 'Change settings without downtime',
  addedHeading: 'Collect logs from every node',
};

/** The added section: four paragraphs, long enough to fold on the What-changed page. */
const ADDED_SECTION = `## ${EDITS.addedHeading}

When a problem shows on one node only, compare that node's logs with the logs of a node that
works. Collect the same minutes from every node, in the same time zone, so that the entries line
up; a difference that appears on one node only is where to look first.

On each node, copy \`/opt/mattermost/logs/mattermost.log\` and the notification log beside it,
and note the node's name and the version it runs. Keep the files of one collection together, in
a folder named after the time they start.

If the logs are large, keep only the lines from a few minutes before the problem to a few minutes
after it. Most problems leave their first trace in the minute before anyone notices them.

Send the folder with the support packet of each node, so that the configuration and the logs of
one moment travel together.

`;

function replaceOnce(file: string, before: string, after: string): void {
  const text = readFileSync(file, 'utf8');
  if (text.split(before).length !== 2) throw new Error(`${file} does not hold "${before}" once`);
  writeFileSync(file, text.replace(before, after));
}

/** Applies the pull request's edits to a copy of the project in `dir`. */
function applyEdits(dir: string): void {
  const guide = join(dir, GUIDE);
  // The section moves as it is, from its heading to the next H2.
  const operations = readFileSync(join(guide, 'operations.mdx'), 'utf8');
  const start = operations.indexOf('### Monitor replica lag');
  const end = operations.indexOf('## Monitor vacuuming');
  if (start < 0 || end < start) throw new Error('operations.mdx has no "Monitor replica lag"');
  const section = operations.slice(start, end);
  writeFileSync(join(guide, 'operations.mdx'), operations.slice(0, start) + operations.slice(end));
  replaceOnce(
    join(guide, 'troubleshooting.mdx'),
    '## Frequently asked questions',
    `${section.replace('### Monitor replica lag', '## Monitor replica lag')}## Frequently asked questions`,
  );
  replaceOnce(join(guide, 'operations.mdx'), EDITS.codeLineBefore, EDITS.codeLineAfter);
  replaceOnce(join(guide, 'troubleshooting.mdx'), EDITS.wordsBefore, EDITS.wordsAfter);
  replaceOnce(
    join(guide, 'troubleshooting.mdx'),
    '## Frequently asked questions',
    `${ADDED_SECTION}## Frequently asked questions`,
  );
  replaceOnce(join(guide, 'upgrade.mdx'), `## ${EDITS.headingBefore}`, `## ${EDITS.headingAfter}`);
  renameSync(join(guide, 'configuration-reference.mdx'), join(guide, 'settings-reference.mdx'));
  appendFileSync(
    join(dir, 'content/redirects.yaml'),
    [
      `- from: ${PATH}/operations/#monitor-replica-lag`,
      `  to: ${PATH}/troubleshooting/#monitor-replica-lag`,
      `- from: ${PATH}/upgrade/#change-the-configuration-without-downtime`,
      `  to: ${PATH}/upgrade/#change-settings-without-downtime`,
      `- from: ${PATH}/configuration-reference/`,
      `  to: ${PATH}/settings-reference/`,
      '',
    ].join('\n'),
  );
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '../../..');
  mkdirSync(join(root, '.build'), { recursive: true });
  const copy = copyProject('changed-preview-', join(root, '.build'));
  try {
    applyEdits(copy.dir);
    const sha =
      spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() ||
      '0000008';
    const build = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/lasting-links/bin/lasting-links.js'),
        'preview',
        'build',
        '--pr',
        String(CHANGED_PR),
        '--sha',
        sha,
        '--base-dist',
        join(root, 'dist'),
        '--base-url',
        'https://previews.example.com/pr-7/',
        '--out',
        join(root, CHANGED_DIST),
        '--summary',
        join(root, `.build/preview/pr-${CHANGED_PR}.md`),
      ],
      { cwd: copy.dir, stdio: 'inherit' },
    );
    process.exitCode = build.status ?? 1;
  } finally {
    copy.remove();
  }
}
