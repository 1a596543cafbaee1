import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import type { AnchorIndex, PageAnchors } from '../../src/lib/site/anchor-index.ts';
import { sitePath, type Base, type SitePath } from '../../src/lib/site-path.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../src/lib/redirects/plan-redirects.ts';
import { compareSites, type SiteContent } from '../../src/lib/preview/compare-sites.ts';
import { anchorMoves, moveRows } from '../../src/lib/preview/anchor-moves.ts';
import { pageBlocks } from '../../src/lib/preview/page-blocks.ts';
import { buildChangesReport } from '../../src/lib/preview/changes-report.ts';
import { fillChangesPage, renderChangesReport } from '../../src/lib/preview/changes-page.ts';
import { diffHtml } from '../../src/lib/preview/section-body-html.ts';
import {
  hunksOf,
  pageChanges,
  pageChangesFile,
  withChangesMeta,
} from '../../src/lib/preview/page-changes.ts';
import { textHash } from '../../src/lib/preview/block-rules.ts';
import type { PageMark } from '../../src/lib/preview/page-marks.ts';
import {
  changesMarkdown,
  parseChangesSummary,
  summarizeChanges,
} from '../../src/lib/preview/changes-summary.ts';
import type { PreviewSettings } from '../../src/lib/preview/settings.ts';
import type { Root as MdastRoot, Nodes as MdastNode } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A section as a test writes it: id, heading, level, then its blocks (`<p>` unless tagged). */
type SectionSpec = [id: string, heading: string, level: number, blocks: string[]];

/** A built page as the site writes one: a title, then sections with self-linked headings. */
function pageHtml(title: string, sections: SectionSpec[]): string {
  return (
    `<html><head><title>${title}</title></head><body><main><article><h1 id="_top">${title}</h1><p>Intro of ${title}.</p>` +
    sections
      .map(
        ([id, heading, level, blocks]) =>
          `<div class="heading-wrapper"><h${level} id="${id}">${heading}</h${level}><a class="heading-anchor" href="#${id}"><span class="sr-only">Link to this section: ${heading}</span></a></div>` +
          blocks.map((block) => (block.startsWith('<') ? block : `<p>${block}</p>`)).join(''),
      )
      .join('') +
    '</article></main></body></html>'
  );
}

interface Site {
  index: AnchorIndex;
  content: SiteContent;
}

function site(pages: Record<string, [string, SectionSpec[]]>): Site {
  const index = new Map<SitePath, PageAnchors>();
  const content = new Map<SitePath, ReturnType<typeof pageBlocks>>();
  for (const [path, [title, sections]] of Object.entries(pages)) {
    const html = pageHtml(title, sections);
    const scan = scanPage(html, { sectionText: true });
    index.set(sitePath(path), {
      path: sitePath(path),
      ids: new Set(scan.ids),
      headings: scan.headings,
    });
    content.set(sitePath(path), pageBlocks(html));
  }
  return { index, content };
}

const LONG = Array.from(
  { length: 5 },
  (_, n) => `Paragraph ${n + 1} of the new section, with enough words to read as prose.`,
);
const CODE_BEFORE =
  '<pre><code>mmctl config get JobSettings.RunScheduler\nsudo grep MM_JOBSETTINGS_RUNSCHEDULER /opt/env</code></pre>';
const CODE_AFTER =
  '<pre><code>mmctl config get JobSettings.RunScheduler\nsudo grep -H MM_JOBSETTINGS /opt/env</code></pre>';

const base = site({
  '/ops/': [
    'Operations',
    [
      ['jobs', 'Job server', 2, ['Jobs run on nodes.', CODE_BEFORE, 'Keep it on.']],
      [
        'lag',
        'Monitor replica lag',
        3,
        ['A replica that falls behind serves stale reads.', 'Alert on it.'],
      ],
      ['vacuum', 'Monitor vacuuming', 2, ['Vacuum keeps tables small.']],
    ],
  ],
  '/trouble/': [
    'Troubleshooting',
    [
      ['ws', 'WebSocket disconnects', 2, ['Most problems come from one of three causes.']],
      ['faq', 'Questions', 2, ['Ask away.']],
    ],
  ],
  '/config/': [
    'Configuration reference',
    [
      ['cluster', 'Cluster settings', 2, ['Every cluster key.']],
      ['log', 'Log settings', 2, ['Every log key.']],
    ],
  ],
  '/gone/': ['Gone page', [['only', 'Only', 2, ['Bye.']]]],
  '/same/': ['Same', [['s', 'S', 2, ['Nothing changes here.']]]],
});
const pr = site({
  '/ops/': [
    'Operations',
    [
      ['jobs', 'Job server', 2, ['Jobs run on nodes.', CODE_AFTER, 'Keep it on.']],
      ['vacuum', 'Monitor vacuuming', 2, ['Vacuum keeps tables small.']],
    ],
  ],
  '/trouble/': [
    'Troubleshooting',
    [
      ['ws-drop', 'WebSocket connections drop', 2, ['Most problems have one of three causes.']],
      [
        'lag',
        'Monitor replica lag',
        2,
        ['A replica that falls behind serves stale reads.', 'Alert on it.'],
      ],
      ['logs', 'Collect logs', 2, LONG],
      ['faq', 'Questions', 2, ['Ask away.']],
    ],
  ],
  '/settings/': [
    'Configuration reference',
    [
      ['cluster', 'Cluster settings', 2, ['Every cluster key.']],
      ['log', 'Log settings', 2, ['Every log key.']],
    ],
  ],
  '/new/': ['New &lt;page&gt;', [['n', 'N', 2, ['Fresh.']]]],
  '/same/': ['Same', [['s', 'S', 2, ['Nothing changes here.']]]],
});
const MAP_FILE = 'content/redirects.yaml';

/** Who the comment says the preview is (the build's own values). */
const BUILT = { pr: 12, sha: 'abcdef1234', at: '2025-01-31T12:00:00Z', event: 'built' } as const;
const map = parseRedirectMap(
  `- from: /ops/#lag
  to: /trouble/#lag
- from: /trouble/#ws
  to: /trouble/#ws-drop
- from: /config/
  to: /settings/
- from: /gone/
  to: /same/
`,
  MAP_FILE,
  [],
);
const { plan } = planRedirects(map.entries, pr.index, MAP_FILE);
const moves = anchorMoves(base.index, pr.index, plan);
const changes = compareSites(base.content, pr.content, moves);
const page = (path: string) =>
  [...changes.changed, ...changes.moved, ...changes.added, ...changes.removed].find(
    (candidate) => candidate.path === path,
  )!;

test('pages are compared as changed, moved, added, removed or unchanged', () => {
  assert.deepEqual(
    changes.changed.map((p) => p.path),
    ['/ops/', '/trouble/'],
  );
  assert.deepEqual(
    changes.moved.map((p) => [p.path, p.before?.path, p.textChanged]),
    [['/settings/', '/config/', false]],
  );
  assert.deepEqual(
    changes.added.map((p) => p.path),
    ['/new/'],
  );
  assert.deepEqual(
    changes.removed.map((p) => [p.path, p.title]),
    [['/gone/', 'Gone page']],
  );
  assert.equal(changes.unchanged, 1);
  // A renamed page whose text is the same has no section to show.
  assert.deepEqual(page('/settings/').sections, []);
});

test('a section moved to another page is moved, once: compared with its old self, left behind as moved away', () => {
  const trouble = page('/trouble/');
  assert.deepEqual(
    trouble.sections.map((s) => [s.kind, s.id]),
    [
      ['changed', 'ws-drop'],
      ['changed', 'lag'],
      ['added', 'logs'],
    ],
  );
  const lag = trouble.sections[1]!;
  assert.ok(lag.kind === 'changed');
  assert.deepEqual(lag.before, { path: '/ops/', id: 'lag', heading: 'Monitor replica lag' });
  assert.equal(lag.textChanged, false, 'moved as it was');
  const ops = page('/ops/');
  assert.deepEqual(
    ops.sections.map((s) => [s.kind, s.id]),
    [
      ['changed', 'jobs'],
      ['moved-away', 'lag'],
    ],
  );
  const away = ops.sections[1]!;
  assert.ok(away.kind === 'moved-away');
  assert.deepEqual(away.movedTo, { path: '/trouble/', id: 'lag', heading: 'Monitor replica lag' });
  // Between the job server's last block and the vacuuming heading, where it was.
  const jobs = ops.sections[0]!;
  assert.ok(jobs.kind === 'changed');
  const lastOfJobs = Math.max(...jobs.blocks.map((b) => (b.op === 'removed' ? b.after : b.at)));
  assert.equal(away.after, lastOfJobs);
});

test('a renamed heading is compared with its old self; a changed code line is one changed block', () => {
  const ws = page('/trouble/').sections[0]!;
  assert.ok(ws.kind === 'changed');
  assert.deepEqual(ws.before, { path: '/trouble/', id: 'ws', heading: 'WebSocket disconnects' });
  assert.equal(
    diffHtml(ws.headingParts!),
    'WebSocket <del>disconnects</del><ins>connections drop</ins>',
  );
  const jobs = page('/ops/').sections[0]!;
  assert.ok(jobs.kind === 'changed');
  assert.deepEqual(
    jobs.blocks.map((b) => b.op),
    ['same', 'changed', 'same'],
  );
  const code = jobs.blocks[1]!;
  assert.ok(code.op === 'changed' && code.block.kind === 'code');
  assert.deepEqual(
    code.parts.map((part) => part.kind),
    ['same', 'removed', 'added'],
  );
});

test('a removed page lists its sections as removed, with where its address leads', () => {
  const gone = page('/gone/');
  assert.deepEqual(
    gone.sections.map((s) => [s.kind, s.id, s.kind === 'removed' ? s.movedTo : undefined]),
    [
      ['removed', '_top', { kind: 'site', path: '/same/', fragment: null }],
      ['removed', 'only', undefined],
    ],
  );
});

test('moved addresses are followed through the map; a moved page is one row holding its anchors', () => {
  const shown = moves.map((m) => [
    m.from.path + (m.from.fragment === null ? '' : `#${m.from.fragment}`),
    m.to?.kind === 'site' ? m.to.path + (m.to.fragment ? `#${m.to.fragment}` : '') : null,
    m.entries.map((e) => e.line),
  ]);
  assert.deepEqual(shown, [
    ['/config/', '/settings/', [5]],
    ['/config/#cluster', '/settings/#cluster', [5]],
    ['/config/#log', '/settings/#log', [5]],
    ['/gone/', '/same/', [7]],
    ['/gone/#only', null, [7]],
    ['/ops/#lag', '/trouble/#lag', [1]],
    ['/trouble/#ws', '/trouble/#ws-drop', [3]],
  ]);
  assert.deepEqual(
    moveRows(moves).map((row) => [
      row.move.from.path + (row.move.from.fragment ?? ''),
      row.anchors.map((a) => a.from.fragment),
    ]),
    [
      ['/config/', ['cluster', 'log']],
      ['/gone/', ['only']],
      ['/ops/lag', []],
      ['/trouble/ws', []],
    ],
  );
});

const preview: PreviewSettings = {
  pr: 12,
  sha: 'abcdef1234567',
  builtAt: '2025-01-31T12:00:00Z',
  repositoryUrl: 'https://github.com/o/r',
  productionSite: 'https://docs.example.com',
};
const report = buildChangesReport(
  preview,
  { index: pr.index, plan, content: pr.content },
  {
    kind: 'built',
    ref: 'origin/main',
    sha: '1234567abcdef',
    url: 'https://previews.example.com/main',
    index: base.index,
    content: base.content,
  },
  [
    {
      severity: 'warning',
      code: 'redirected',
      message: 'links to <old> through a redirect',
      page: sitePath('/ops/'),
    },
  ],
);
const html = renderChangesReport(report, MAP_FILE);

test('the page lists pages with their change, each linked into the preview, escaped', () => {
  assert.match(
    html,
    /Compared with <code>origin\/main<\/code> at <code>1234567<\/code>: 2 changed, 1 moved, 1 added, 1 removed, 1 unchanged page\./,
  );
  assert.match(
    html,
    /<a href="\/pr-12\/new\/">New &lt;page&gt;<\/a> <code>\/new\/<\/code>: <a href="#page-3">added<\/a>/,
  );
  assert.match(
    html,
    /<a href="\/pr-12\/settings\/">Configuration reference<\/a> <code>\/settings\/<\/code>: moved from <code>\/config\/<\/code>; text unchanged<\/li>/,
  );
  assert.match(
    html,
    /Gone page <code>\/gone\/<\/code>: <a href="#page-4">removed<\/a>; its address now leads to <a href="\/pr-12\/same\/">\/same\/<\/a>/,
  );
  assert.match(html, /0 errors, 1 warning\./);
  assert.match(html, /links to &lt;old&gt; through a redirect/);
  assert.doesNotMatch(html, /<old>|<page>/);
});

/** The report's entry for one section, by its heading. */
function sectionHtml(heading: string, nth = 0): string {
  const sections = html.split('<section class="section-diff">').slice(1);
  const found = sections.filter(
    (section) => section.startsWith(`<h4>`) && section.split('</h4>')[0]!.includes(heading),
  );
  assert.ok(found[nth] !== undefined, `a section "${heading}"`);
  return found[nth].split('</section>')[0]!;
}

test('a moved section reads as moved, where it is now and where it was, and links to its old versions', () => {
  const moved = sectionHtml('<a href="/pr-12/trouble/#lag">Monitor replica lag</a>');
  assert.match(
    moved,
    /<span class="change-tag">moved from <code>\/ops\/#lag<\/code> \(Operations › Monitor replica lag\); text unchanged<\/span>/,
  );
  assert.match(
    moved,
    /Before: <a href="https:\/\/docs\.example\.com\/ops\/#lag">published<span class="sr-only"> version of “Monitor replica lag”<\/span><\/a> · <a href="https:\/\/previews\.example\.com\/main\/ops\/#lag">base preview/,
  );
  assert.doesNotMatch(moved, /<ins>|<del>/, 'nothing changed in its text');
  assert.match(
    sectionHtml('Monitor replica lag <span class="change-tag">moved to'),
    /moved to <a href="\/pr-12\/trouble\/#lag">Troubleshooting › Monitor replica lag<\/a>/,
  );
  assert.doesNotMatch(html, /section removed[^<]*<\/span><\/h4>[^]*?Monitor replica lag/);
  assert.match(
    sectionHtml('WebSocket connections drop'),
    /was “WebSocket disconnects”; anchor was <code>#ws<\/code>/,
  );
  assert.match(
    sectionHtml('WebSocket connections drop'),
    /Most problems <del>come from<\/del><ins>have<\/ins> one of three causes\./,
  );
});

test('code is shown line by line, the "Copy" of a code block never in it', () => {
  const jobs = sectionHtml('Job server');
  assert.match(
    jobs,
    /<div class="code-diff" role="group" aria-label="code, changed lines"><pre tabindex="0"><code><span class="line"> mmctl config get JobSettings\.RunScheduler<\/span><del class="line">-sudo grep MM_JOBSETTINGS_RUNSCHEDULER \/opt\/env<\/del><ins class="line">\+sudo grep -H MM_JOBSETTINGS \/opt\/env<\/ins><\/code><\/pre><\/div>/,
  );
  // The unchanged blocks around it fold, with their text in full.
  assert.match(
    jobs,
    /<details class="fold"><summary>1 unchanged block<\/summary>\n<p class="diff">Jobs run on nodes\.<\/p><\/details>/,
  );
});

test('a long code block shows its changed line with three lines around it, the rest folded', () => {
  const lines = Array.from({ length: 20 }, (_, n) => `echo line ${n + 1}`);
  const codeSite = (code: string[]) =>
    site({
      '/code/': ['Code', [['run', 'Run', 2, [`<pre><code>${code.join('\n')}</code></pre>`]]]],
    });
  const before = codeSite(lines);
  const after = codeSite(lines.map((line, n) => (n === 9 ? 'echo line ten' : line)));
  const codeHtml = renderChangesReport(
    buildChangesReport(
      preview,
      {
        index: after.index,
        plan: planRedirects([], after.index, MAP_FILE).plan,
        content: after.content,
      },
      { kind: 'built', ref: 'main', sha: undefined, index: before.index, content: before.content },
      [],
    ),
    MAP_FILE,
  );
  const line = (n: number) => `<span class="line"> echo line ${n}</span>`;
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, n) => line(from + n)).join('');
  assert.ok(
    codeHtml.includes(
      '<div class="code-diff" role="group" aria-label="code, changed lines">' +
        `<details class="fold"><summary>6 unchanged lines</summary><pre tabindex="0"><code>${range(1, 6)}</code></pre></details>\n` +
        `<pre tabindex="0"><code>${range(7, 9)}<del class="line">-echo line 10</del><ins class="line">+echo line ten</ins>${range(11, 13)}</code></pre>\n` +
        `<details class="fold"><summary>7 unchanged lines</summary><pre tabindex="0"><code>${range(14, 20)}</code></pre></details></div>`,
    ),
    codeHtml,
  );
});

test('long text folds and unfolds, never cut', () => {
  const logs = sectionHtml('Collect logs');
  assert.match(logs, /<span class="change-tag">new section<\/span>/);
  assert.equal(logs.split('<p class="diff diff-added">').length - 1, 5, 'every paragraph is there');
  assert.match(logs, /<\/p>\n<details class="fold"><summary>3 more blocks \(39 words\)<\/summary>/);
  for (const paragraph of LONG) assert.ok(logs.includes(`<ins>${paragraph}</ins>`), paragraph);
  assert.doesNotMatch(html, /…<\/p>/);
});

test('a moved page is one row of moved addresses, its anchors folded under it', () => {
  const moves = html.split('<ul class="moves">')[1]!.split('</ul>\n')[0]!;
  const rows = moves.split(/<li><code>\//).length - 1;
  assert.equal(rows, 4, 'the moved page, the removed page, the moved section, the renamed heading');
  assert.match(
    moves,
    /<li><code>\/config\/<\/code> → <a href="\/pr-12\/settings\/"><code>\/settings\/<\/code><\/a> <span class="map-entries">\(<code>content\/redirects\.yaml:5<\/code>\)<\/span><details class="fold"><summary>and its 2 anchors<\/summary><ul><li><code>#cluster<\/code> → <a href="\/pr-12\/settings\/#cluster"><code>#cluster<\/code><\/a><\/li>/,
  );
  assert.match(
    moves,
    /<li><code>#only<\/code> → <strong>nowhere: this address breaks<\/strong><\/li>/,
  );
});

test('the report replaces the placeholder of the built page, which must be there once', () => {
  const built = '<main><h1>What changed</h1><div data-changes-report><p>pending</p></div></main>';
  assert.equal(
    fillChangesPage(built, '<p>report</p>'),
    '<main><h1>What changed</h1><div data-changes-report><p>report</p></div></main>',
  );
  assert.throws(
    () => fillChangesPage('<main></main>', 'x'),
    /no single <div data-changes-report> placeholder: build it as a preview/,
  );
  assert.throws(() => fillChangesPage(built + built, 'x'), /no single/);
});

const context = {
  base: '/pr-12/' as Base,
  productionSite: 'https://docs.example.com',
  comparedWith: 'origin/main at 1234567',
  reportUrl: '/pr-12/_changes/#page-2',
};
const TITLES = new Map<string, string>([
  ['/ops/', 'Operations'],
  ['/trouble/', 'Troubleshooting'],
]);
const titleOf = (path: SitePath) => TITLES.get(path) ?? path;

test('a changed page gets its marks in hunks: changed, added and removed blocks, moved sections labelled', () => {
  const data = pageChanges(page('/trouble/'), context, titleOf)!;
  assert.equal(data.base, 'origin/main at 1234567');
  assert.equal(data.published, 'https://docs.example.com/trouble/');
  assert.equal(data.movedFrom, null);
  const blocks = pr.content.get('/trouble/' as SitePath)!;
  const at = (text: string) => blocks.findIndex((block) => block.text === text);
  assert.deepEqual(data.hunks, [
    [
      // A renamed heading is labelled with its old anchor, and its words marked.
      {
        mark: 'moved',
        at: at('WebSocket connections drop'),
        hash: textHash('WebSocket connections drop'),
        from: '/trouble/#ws',
        fromTitle: '“WebSocket disconnects” (#ws)',
        samePage: true,
        published: 'https://docs.example.com/trouble/#ws',
        textChanged: true,
      },
      {
        mark: 'changed',
        at: at('WebSocket connections drop'),
        hash: textHash('WebSocket connections drop'),
        parts: [
          [0, 10],
          [-1, 'disconnects'],
          [1, 16],
        ],
      },
      {
        mark: 'changed',
        at: at('Most problems have one of three causes.'),
        hash: textHash('Most problems have one of three causes.'),
        parts: [
          [0, 14],
          [-1, 'come from'],
          [1, 4],
          [0, 21],
        ],
      },
      // The next block: no unchanged block between, so the same hunk.
      {
        mark: 'moved',
        at: at('Monitor replica lag'),
        hash: textHash('Monitor replica lag'),
        from: '/ops/#lag',
        fromTitle: 'Operations › Monitor replica lag',
        samePage: false,
        published: 'https://docs.example.com/ops/#lag',
        textChanged: false,
      },
    ],
    [at('Collect logs'), ...LONG.map(at)].map((n) => ({
      mark: 'added',
      at: n,
      hash: textHash(blocks[n]!.text),
    })),
  ]);
  // The renamed heading's parts cover its text as the page shows it.
  assert.equal(10 + 16, 'WebSocket connections drop'.length);

  const ops = pageChanges(page('/ops/'), context, titleOf)!;
  assert.deepEqual(
    ops.hunks.map((hunk) => hunk.map((mark) => mark.mark)),
    [['changed'], ['moved-away']],
  );
  assert.deepEqual(ops.hunks[1]![0], {
    mark: 'moved-away',
    after: pr.content.get('/ops/' as SitePath)!.findIndex((block) => block.text === 'Keep it on.'),
    heading: 'Monitor replica lag',
    to: '/pr-12/trouble/#lag',
    toTitle: 'Troubleshooting',
  });
  // A moved page with the same text has no marks, but says where it was.
  const settings = pageChanges(page('/settings/'), context, titleOf)!;
  assert.deepEqual(
    [settings.movedFrom, settings.published, settings.hunks],
    ['/config/', 'https://docs.example.com/config/', []],
  );
});

test('marks with no unchanged block between them are one hunk', () => {
  const mark = (at: number): PageMark => ({ mark: 'added', at, hash: '0' });
  const removed = (after: number): PageMark => ({ mark: 'removed', after, tag: 'p', text: 'x' });
  const shape = (marks: PageMark[]) =>
    hunksOf(marks).map((hunk) =>
      hunk.map((m) => (m.mark === 'removed' ? `r${m.after}` : `${(m as { at: number }).at}`)),
    );
  assert.deepEqual(shape([mark(5), mark(6), removed(6), mark(7), mark(9)]), [
    ['5', '6', 'r6', '7'],
    ['9'],
  ]);
  assert.deepEqual(shape([removed(-1), mark(0), mark(2)]), [['r-1', '0'], ['2']]);
  assert.deepEqual(shape([removed(3), removed(3), mark(5)]), [['r3', 'r3'], ['5']]);
});

test('a changed page names its changes in its head, by a name made from their content', () => {
  const json = JSON.stringify(pageChanges(page('/trouble/'), context, titleOf));
  const file = pageChangesFile(json);
  assert.match(file, /^_changes\/pages\/[0-9a-f]{16}\.json$/);
  assert.equal(pageChangesFile(json), file, 'the same changes, the same name');
  assert.notEqual(pageChangesFile(`${json} `), file);
  assert.equal(
    withChangesMeta(
      '<html><head><title>T</title></head><body></body></html>',
      file,
      '/pr-12/' as Base,
    ),
    `<html><head><title>T</title><meta name="preview-changes" content="/pr-12/${file}"></head><body></body></html>`,
  );
  assert.throws(() => withChangesMeta('<p>no head</p>', file, '/pr-12/' as Base), /no <\/head>/);
  // A page whose text did not change gets nothing, so it stays the same from push to push.
  const same = compareSites(base.content, pr.content, moves);
  assert.equal(
    [...same.changed, ...same.moved, ...same.added].some((p) => p.path === '/same/'),
    false,
  );
});

test('without a base the report says why, and still shows the link check', () => {
  const none = buildChangesReport(
    preview,
    { index: pr.index, plan, content: pr.content },
    { kind: 'none', reason: 'no "main" here' },
    [],
  );
  const noneHtml = renderChangesReport(none, MAP_FILE);
  assert.match(noneHtml, /Nothing to compare with: no &quot;main&quot; here/);
  assert.match(noneHtml, /Every internal link and anchor resolves/);
  assert.match(
    changesMarkdown(summarizeChanges(none), '/pr-12/', 'x.yaml', BUILT),
    /Not compared with a base: `no "main" here`/,
  );
});

test('the summary survives its JSON round trip and becomes Markdown with links into the preview', () => {
  const summary = parseChangesSummary(JSON.stringify(summarizeChanges(report)), 'summary.json');
  const markdown = changesMarkdown(summary, 'https://previews.example.com/pr-12/', MAP_FILE, BUILT);
  assert.match(markdown, /^### Preview of #12 at `abcdef1`$/m);
  assert.match(
    markdown,
    /\*\*\[Open the preview\]\(https:\/\/previews\.example\.com\/pr-12\/\)\*\* · \[What changed\]\(https:\/\/previews\.example\.com\/pr-12\/_changes\/\)/,
  );
  assert.match(markdown, /: 2 changed, 1 moved, 1 added, 1 removed, 1 unchanged\./);
  assert.match(
    markdown,
    /^\| \[`Troubleshooting`\]\(https:\/\/previews\.example\.com\/pr-12\/trouble\/\) `\/trouble\/` \| changed: `WebSocket connections drop`, `Monitor replica lag`, `Collect logs` \|$/m,
  );
  assert.match(
    markdown,
    /^\| \[`Configuration reference`\]\(https:\/\/previews\.example\.com\/pr-12\/settings\/\) `\/settings\/` \| moved from `\/config\/`; text unchanged \|$/m,
  );
  assert.match(
    markdown,
    /^\| \[`New <page>`\]\(https:\/\/previews\.example\.com\/pr-12\/new\/\) `\/new\/` \| added \|$/m,
  );
  assert.match(
    markdown,
    /^\| `\/config\/` and its 2 anchors \| \[`\/settings\/`\]\(https:\/\/previews\.example\.com\/pr-12\/settings\/\) \| line 5 \|$/m,
  );
  assert.match(
    markdown,
    /^\| `\/trouble\/#ws` \| \[`\/trouble\/#ws-drop`\]\(https:\/\/previews\.example\.com\/pr-12\/trouble\/#ws-drop\) \| line 3 \|$/m,
  );
  assert.match(markdown, /\*\*Moved and renamed addresses\*\* \(4\)/);
  assert.match(markdown, /\*\*Link check:\*\* 0 errors, 1 warning/);
  // A summary written before anchors were grouped under their page still reads.
  const old = JSON.parse(JSON.stringify(summarizeChanges(report))) as {
    moves: Array<Record<string, unknown>>;
  };
  for (const move of old.moves) delete move['anchors'];
  assert.equal(parseChangesSummary(JSON.stringify(old), 's').moves[0]!.anchors, 0);
});

test('a summary from an untrusted build cannot smuggle links or paths into the comment', () => {
  const good = summarizeChanges(report);
  const forged = (change: (copy: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const pages = (copy: Record<string, unknown>) => copy['pages'] as Array<Record<string, unknown>>;
  const movedAt = good.pages.findIndex((p) => p.change === 'moved');
  for (const [what, text, message] of [
    [
      'a path that climbs',
      forged((c) => (pages(c)[0]!['path'] = '/../../evil/')),
      /pages\[0\]\.path .* is not a site path/,
    ],
    [
      'a path with a host',
      forged((c) => (pages(c)[0]!['path'] = '//evil.example/')),
      /is not a site path/,
    ],
    [
      'a moved page from a host',
      forged((c) => (pages(c)[movedAt]!['from'] = '//evil.example/')),
      new RegExp(`pages\\[${movedAt}\\]\\.from .* is not a site path`),
    ],
    ['a bad pull request', forged((c) => (c['pr'] = '12; rm')), /pr is missing/],
    ['a bad change', forged((c) => (pages(c)[0]!['change'] = 'pwned')), /pages\[0\]\.change/],
    [
      'a bad anchor count',
      forged((c) => ((c['moves'] as Array<Record<string, unknown>>)[0]!['anchors'] = -1)),
      /moves\[0\]\.anchors is not a count/,
    ],
    ['not JSON', '{', /not JSON/],
  ] as const) {
    assert.throws(() => parseChangesSummary(text, 'summary.json'), message, what);
  }
  // Titles are text: Markdown that would make a link shows as written.
  const sneaky = parseChangesSummary(
    forged((c) => (pages(c)[0]!['title'] = '[click](https://evil.example) <img src=x>')),
    's',
  );
  const markdown = changesMarkdown(sneaky, '/pr-12/', 'm.yaml', BUILT);
  assert.match(markdown, /`\[click\]\(https:\/\/evil\.example\) <img src=x>`/);
});

/** The comment as GitHub-flavoured Markdown reads it. */
function gfmTree(markdown: string): MdastRoot {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

test('everything a pull request wrote reaches the comment as text: no links, mentions, emphasis or HTML of its own', () => {
  const hostile = [
    'cc @mona',
    'see http://evil.example',
    'mail mailto:x@evil.example',
    'www.evil.example',
    'x@evil.example',
    '**bold** ~~strike~~ _em_',
    '[click](https://evil.example)',
    '<b>html</b>',
  ].join(' and ');
  const summary = parseChangesSummary(
    JSON.stringify({
      ...summarizeChanges(report),
      base: { ref: `main ${hostile}`, sha: undefined },
      pages: [
        {
          path: '/a)www.evil.example/',
          title: hostile,
          change: 'changed',
          sections: [hostile, 'cc @octo'],
        },
        { path: '/b@evil.example/', title: hostile, change: 'added', sections: [] },
        { path: '/c/', title: hostile, change: 'removed', sections: [] },
      ],
      moves: [{ from: '/d@mona/', to: `https://x.example/${hostile}`, lines: [1] }],
    }),
    'summary.json',
  );
  const previewUrl = 'https://previews.example.com/pr-12/';
  const identity = {
    pr: 12,
    sha: 'abcdef1234567',
    at: '2025-01-31T12:00:00Z',
    event: 'published',
  } as const;
  const reasonSummary = { ...summary, base: { reason: hostile } };
  for (const markdown of [
    changesMarkdown(summary, previewUrl, 'content/redirects.yaml', identity),
    changesMarkdown(reasonSummary, previewUrl, 'content/redirects.yaml', identity),
  ]) {
    const problems: string[] = [];
    const ours = ['Open the preview', 'Link check:', 'breaks', 'Moved and renamed addresses'];
    const walk = (node: MdastNode, inside: string[]) => {
      if (node.type === 'link' && !(node as { url: string }).url.startsWith(previewUrl))
        problems.push(`a link to ${(node as { url: string }).url}`);
      if (node.type === 'html') problems.push(`HTML ${(node as { value: string }).value}`);
      if (node.type === 'text' && /(^|[^\w`])@\w/.test((node as { value: string }).value))
        problems.push(`a mention in ${JSON.stringify((node as { value: string }).value)}`);
      if (['strong', 'emphasis', 'delete'].includes(node.type)) {
        const text = toString(node);
        if (!ours.some((label) => text.startsWith(label))) problems.push(`${node.type} ${text}`);
      }
      for (const child of (node as { children?: MdastNode[] }).children ?? [])
        walk(child, [...inside, node.type]);
    };
    walk(gfmTree(markdown), []);
    assert.deepEqual(problems, [], markdown);
    assert.match(markdown, /cc @mona/, 'the text still reads as written');
  }
});

test("the comment's pull request, commit and time are the publisher's, not the summary's", () => {
  const forged = parseChangesSummary(
    JSON.stringify({ ...summarizeChanges(report), pr: 5, sha: 'deadbeef', builtAt: 'not a time' }),
    'summary.json',
  );
  const markdown = changesMarkdown(forged, 'https://previews.example.com/pr-77/', 'm.yaml', {
    pr: 77,
    sha: '0123456789abcdef',
    at: '2025-02-03T04:05:00Z',
    event: 'published',
  });
  assert.match(markdown, /^### Preview of #77 at `0123456`$/m);
  assert.match(markdown, /published 3 Feb 2025, 04:05 UTC/);
  assert.doesNotMatch(markdown, /#5\b|deadbee|Invalid Date|not a time|pr-5\//);
});
