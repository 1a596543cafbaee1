/**
 * Bad input never produces a site: a build with these faults fails, with a message for each that
 * names the file, the line where there is one, and what is wrong. Faults found before anything
 * renders (front matter, components) are all reported by one build, and faults found in the
 * built site (links, the map, the lock, ids) by another: one small site each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, page, smallSite } from './support/small-site.ts';

/** The 1-based line of `file` in `dir` that holds `needle`. */
const lineOf = (dir: string, file: string, needle: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

const GUIDE = 'content/docs/guide';

test(
  'faults before rendering: bad front matter in two pages, a component nothing defines, a misspelt plan, a setting without a key; each at its file and line, in one build',
  { timeout: 300_000 },
  () => {
    const site = smallSite({
      // Line 3 holds the bad order, line 5 the misspelt plan.
      [`${GUIDE}/upgrade.mdx`]:
        '---\ntitle: Upgrade\nsidebar:\n  order: first\nappliesTo:\n  plans: [enterprise, enterprize]\n---\n\nUpgrade words.\n\n<Callout>Read this first.</Callout>\n\n<Setting name="MM_CLUSTERSETTINGS_ENABLE">\nTurns it on.\n</Setting>\n',
      [`${GUIDE}/operations.mdx`]: '---\ntitle: 42\ndescription: Numbers.\n---\n\nWords.\n',
    });
    try {
      const { status, output } = buildSite(site.dir);
      assert.notEqual(status, 0, output.slice(-3000));
      const upgrade = `${GUIDE}/upgrade.mdx`;
      for (const expected of [
        new RegExp(`${upgrade}:\\d+: error: description: add \`description: One sentence\``),
        new RegExp(`${upgrade}:4: error: sidebar\\.order: sidebar\\.order must be a number`),
        new RegExp(
          `${upgrade}:6: error: appliesTo\\.plans\\.1: "enterprize" is not a plan: use free, entry, professional, enterprise, enterprise-advanced`,
        ),
        new RegExp(
          `${GUIDE}/operations\\.mdx:2: error: title: title must be text, but YAML reads 42 as number: put it in quotes, title: "42"`,
        ),
        new RegExp(`${upgrade}:11:1: error: <Callout> is not a component this site defines`),
        new RegExp(
          `${upgrade}:13:1: error: "MM_CLUSTERSETTINGS_ENABLE" is not a setting key: .*ClusterSettings\\.Enable`,
        ),
      ])
        assert.match(output, expected, output.slice(-3000));
      assert.match(output, /The build failed before rendering: 6 errors/);
    } finally {
      site.remove();
    }
  },
);

test(
  'faults in the built site: a broken link and anchor, a redirect to a missing heading, the lock deleted, an id used twice; an emoji-only heading and a docs lint finding warn; each at its line, in one build',
  { timeout: 300_000 },
  () => {
    const site = smallSite({
      [`${GUIDE}/deployment.mdx`]: page('Deployment', '## Configure the database\n\nWords.'),
      [`${GUIDE}/upgrade.mdx`]: page(
        'Upgrade',
        'See [the gone page](/guide/no-such-page/) and [a lost section](/guide/deployment/#no-such-section).\n\n<div id="version-skew">A box that repeats a heading\'s id.</div>\n\n## 🚀\n\nLaunch.\n\n## Version skew\n\nTODO: finish this.',
      ),
      'content/redirects.yaml':
        '# Old pages.\n- from: /old/renamed-page.html\n  to: /guide/deployment/#no-such-section\n',
    });
    try {
      rmSync(join(site.dir, 'content/anchors.lock.json'));
      const { status, output } = buildSite(site.dir);
      assert.notEqual(status, 0, output.slice(-3000));
      const upgrade = `${GUIDE}/upgrade.mdx`;
      const line = (needle: string) => lineOf(site.dir, upgrade, needle);
      for (const expected of [
        new RegExp(`${upgrade}:${line('the gone page')}:\\d+: error: .*no-such-page`),
        new RegExp(
          `${upgrade}:${line('the gone page')}:\\d+: error: .*no element with id "no-such-section"`,
        ),
        /content\/redirects\.yaml:2\b.*no-such-section/s,
        /content\/anchors\.lock\.json: error: .*does not exist.*\n.*npx lasting-links moves --init --write/,
        new RegExp(
          `${upgrade}:${line('<div id')}:\\d+: error: the id "version-skew" is used more than once`,
        ),
        new RegExp(`${upgrade}:${line('## 🚀')}: warning: the heading "🚀" .* id "section-1f680"`),
        new RegExp(`${upgrade}:${line('TODO')}:1: warning: placeholder: .*\\[docs-lint\\]`),
      ])
        assert.match(output, expected, output.slice(-3000));
    } finally {
      site.remove();
    }
  },
);
