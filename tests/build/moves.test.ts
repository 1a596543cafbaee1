/**
 * The writer's flow end to end, on a copy of the project under git: restructure the guide in
 * every way a writer does (a heading renamed, a section moved to another page, a page file
 * renamed, a page split in two, two sections merged, a section deleted with its text kept
 * elsewhere, a heading renamed twice in two commits, a rename that takes another section's
 * old id), run `npm run moves -- --write`, and build. The build must pass, every old address
 * must land on the section that now holds its text, and a real browser must land every old
 * anchor of the renamed pages there too, at `/` and at `/pr-123/`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCopy, copyProject, gitIn as git, runIn as run } from './support/project-copy.ts';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { loadRedirects } from '../../packages/lasting-links/src/lib/redirects/load-redirects.ts';
import { landingEverywhere } from '../../packages/lasting-links/src/lib/redirects/follow.ts';
import { displayTarget } from '../../packages/lasting-links/src/lib/redirects/locations.ts';
import { words } from '../../packages/lasting-links/src/lib/moves/fingerprint.ts';
import type { SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';

const HA = 'content/docs/administration-guide/scale/high-availability';
const URL = '/administration-guide/scale/high-availability';

const moves = (dir: string, ...args: string[]) =>
  run(dir, process.execPath, ['node_modules/lasting-links/bin/lasting-links.js', 'moves', ...args]);
/** A section of an MDX file: its heading line to the next heading of the same or a higher level. */
function sectionOf(text: string, heading: string): { start: number; end: number; body: string } {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === heading);
  assert.ok(start >= 0, `no line "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i += 1) {
    const match = /^(#+) /.exec(lines[i]!);
    if (match !== null && match[1]!.length <= level) {
      end = i;
      break;
    }
  }
  return { start, end, body: lines.slice(start + 1, end).join('\n') };
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Removes a section from its file and returns its body. */
function cut(dir: string, file: string, heading: string): string {
  let body = '';
  edit(dir, file, (text) => {
    const section = sectionOf(text, heading);
    body = section.body;
    const lines = text.split('\n');
    lines.splice(section.start, section.end - section.start);
    return lines.join('\n');
  });
  return body;
}

/**
 * Eight words from the middle of a section's longest paragraph: what "its text" is recognised
 * by on the built page. One paragraph, so the words never straddle a code block or a tag the
 * page renders between them, nor an empty-text link, which the build fills with its target's
 * title.
 */
function snippet(body: string): string {
  const paragraphs = body
    .replace(/```[\s\S]*?```/g, '\n\n')
    .replace(/<[^>]+>/g, '\n\n')
    .replace(/\[\]\([^)]*\)/g, '\n\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\n\s*\n/)
    .map((paragraph) => words(paragraph));
  const list = paragraphs.reduce(
    (longest, next) => (next.length > longest.length ? next : longest),
    [],
  );
  const middle = Math.floor(list.length / 2);
  return list.slice(Math.max(0, middle - 4), middle + 4).join(' ');
}

/** The text of a built section with its subsections (the whole page for no fragment). */
function wholeSection(
  headings: ReadonlyArray<{ id: string; level: number; section?: string }>,
  id: string | null,
): string {
  const at = id === null ? 0 : headings.findIndex((heading) => heading.id === id);
  assert.ok(at >= 0, `no heading #${id}`);
  const level = headings[at]!.level;
  const parts = [headings[at]!.section ?? ''];
  for (const heading of headings.slice(at + 1)) {
    if (heading.level <= level) break;
    parts.push(heading.section ?? '');
  }
  return parts.join(' ');
}

test(
  'rename, move, split, merge and delete, then `npm run moves -- --write`: the build passes and every old address lands on its text',
  { timeout: 600_000 },
  async () => {
    const { dir, remove } = copyProject('moves-flow-');
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'published');
      const original = (file: string, heading: string) =>
        snippet(sectionOf(readFileSync(join(dir, file), 'utf8'), heading).body);
      const expectations: Array<{ from: string; text: string }> = [];
      const expect = (from: string, file: string, heading: string) =>
        expectations.push({ from, text: original(file, heading) });

      // Commit 1: a heading renamed, then the command, then a commit.
      expect(`${URL}/#downtime-to-expect`, `${HA}/index.mdx`, '## Downtime to expect');
      edit(dir, `${HA}/index.mdx`, (text) =>
        text.replace('## Downtime to expect', '## Expected downtime'),
      );
      const first = moves(dir, '--write');
      assert.equal(first.status, 0, first.output);
      git(dir, 'commit', '-qam', 'first rename');

      // Commit 2: everything else.
      // The same heading renamed again.
      edit(dir, `${HA}/index.mdx`, (text) =>
        text.replace('## Expected downtime', '## How long the cluster is down'),
      );
      // An H2 renamed to unrelated words.
      expect(
        `${URL}/deployment/#configure-the-proxy`,
        `${HA}/deployment.mdx`,
        '## Configure the proxy',
      );
      edit(dir, `${HA}/deployment.mdx`, (text) =>
        text.replace('## Configure the proxy', '## Put a load balancer in front'),
      );
      // An H3 moved to another page.
      expect(
        `${URL}/deployment/#archive-the-write-ahead-log`,
        `${HA}/deployment.mdx`,
        '### Archive the write-ahead log',
      );
      const wal = cut(dir, `${HA}/deployment.mdx`, '### Archive the write-ahead log');
      edit(
        dir,
        `${HA}/operations.mdx`,
        (text) => `${text.trimEnd()}\n\n### Archive the write-ahead log\n${wal}\n`,
      );
      // A page file renamed.
      expect(`${URL}/upgrade/#version-skew`, `${HA}/upgrade.mdx`, '## Version skew');
      renameSync(join(dir, `${HA}/upgrade.mdx`), join(dir, `${HA}/upgrading.mdx`));
      // A page split in two: the troubleshooting page becomes a troubleshooting page and an FAQ page.
      expect(
        `${URL}/troubleshooting/#node-missing-or-shown-in-yellow`,
        `${HA}/troubleshooting.mdx`,
        '## Node missing or shown in yellow',
      );
      expect(
        `${URL}/troubleshooting/#which-node-is-my-websocket-connected-to`,
        `${HA}/troubleshooting.mdx`,
        '### Which node is my WebSocket connected to?',
      );
      const faqBody = cut(dir, `${HA}/troubleshooting.mdx`, '## Frequently asked questions');
      writeFileSync(
        join(dir, `${HA}/faq.mdx`),
        `---\ntitle: High availability questions\ndescription: Answers to the questions admins ask about high availability.\nsidebar:\n  order: 8\n---\n${faqBody.replace(/^### /gm, '## ')}\n`,
      );
      renameSync(join(dir, `${HA}/troubleshooting.mdx`), join(dir, `${HA}/troubleshoot.mdx`));
      // Two sections merged.
      expect(`${URL}/operations/#leader-election`, `${HA}/operations.mdx`, '## Leader election');
      expect(`${URL}/operations/#job-server`, `${HA}/operations.mdx`, '## Job server');
      edit(dir, `${HA}/operations.mdx`, (text) =>
        text
          .replace('## Leader election', '## Leader and scheduled jobs')
          .replace('\n## Job server\n', '\n'),
      );
      // A section deleted, its text now part of another page's section.
      expect(
        `${URL}/prerequisites/#time-synchronization`,
        `${HA}/prerequisites.mdx`,
        '## Time synchronization',
      );
      const time = cut(dir, `${HA}/prerequisites.mdx`, '## Time synchronization');
      edit(dir, `${HA}/index.mdx`, (text) => {
        const section = sectionOf(text, '## What high availability means');
        const lines = text.split('\n');
        lines.splice(section.end, 0, time, '');
        return lines.join('\n');
      });
      // A rename that takes another section's old id.
      expect(
        `${URL}/configuration-reference/#compliance-settings`,
        `${HA}/configuration-reference.mdx`,
        '## Compliance settings',
      );
      expect(
        `${URL}/configuration-reference/#job-settings`,
        `${HA}/configuration-reference.mdx`,
        '## Job settings',
      );
      edit(dir, `${HA}/configuration-reference.mdx`, (text) =>
        text
          .replace('## Compliance settings', '## Audit settings')
          .replace('## Job settings', '## Compliance settings'),
      );
      expectations.push({ from: `${URL}/#expected-downtime`, text: expectations[0]!.text });

      const dry = moves(dir);
      assert.equal(dry.status, 1, `without --write it writes nothing and exits 1:\n${dry.output}`);
      assert.equal(
        run(dir, 'git', ['status', '--porcelain', 'content/redirects.yaml']).output.trim(),
        '',
        'nothing written yet',
      );
      const second = moves(dir, '--write');
      assert.equal(second.status, 0, second.output);
      assert.match(second.output, /Moved sections/);
      assert.match(
        second.output,
        /\{#job-settings\}/,
        'the heading that took #compliance-settings is pinned to its own old id',
      );
      const again = moves(dir);
      assert.equal(again.status, 0, `a second run finds nothing left:\n${again.output}`);

      const root = buildCopy(dir, { OUT_DIR: join(dir, 'dist') });
      assert.equal(
        root.status,
        0,
        `the build passes after one command:\n${root.output.slice(-4000)}`,
      );
      const preview = buildCopy(dir, { OUT_DIR: join(dir, 'dist-pr'), SITE_BASE: '/pr-123/' });
      assert.equal(preview.status, 0, preview.output.slice(-4000));

      // Every old address lands on the section holding its text.
      const site = await readBuiltSite(join(dir, 'dist'), { sectionText: true });
      const index = anchorIndexOf(site);
      const { plan, problems } = await loadRedirects(dir, 'content/redirects.yaml', [], index);
      assert.deepEqual(
        problems.filter((problem) => problem.severity === 'error'),
        [],
      );
      const map = readFileSync(join(dir, 'content/redirects.yaml'), 'utf8');
      assert.doesNotMatch(
        map,
        new RegExp(`to: ${URL}/#expected-downtime`),
        "the first rename's entry was retargeted, not chained",
      );
      for (const { from, text } of expectations) {
        const [path, fragment] = from.split('#') as [string, string];
        const landing = landingEverywhere(plan, index, { path: path as SitePath, fragment });
        assert.ok(landing?.kind === 'site', `${from} lands on a page`);
        const section = wholeSection(index.get(landing.path)!.headings, landing.fragment);
        assert.ok(
          words(section).join(' ').includes(text),
          `${from} → ${displayTarget(landing)} holds "${text}"`,
        );
      }

      // And in a real browser, on a plain static host, at both bases.
      const renamed = [
        `${URL}/deployment/`,
        `${URL}/`,
        `${URL}/configuration-reference/`,
        `${URL}/operations/`,
      ];
      const browser = run(
        dir,
        join(dir, 'node_modules/.bin/playwright'),
        ['test', 'tests/e2e/redirects.spec.ts', '--reporter=line'],
        { SERVER_MODES: 'static', ONLY_PAGES: renamed.join(','), CI: '1' },
      );
      assert.equal(browser.status, 0, browser.output.slice(-4000));
      assert.match(browser.output, /\d+ passed/);
      assert.doesNotMatch(browser.output, /failed|skipped/);
    } finally {
      rmSync(join(dir, 'test-results'), { recursive: true, force: true });
      remove();
    }
  },
);
