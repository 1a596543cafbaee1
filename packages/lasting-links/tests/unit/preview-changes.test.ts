import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import type { AnchorIndex, PageAnchors } from '../../src/lib/site/anchor-index.ts';
import { sitePath, type SitePath } from '../../src/lib/site-path.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../src/lib/redirects/plan-redirects.ts';
import { compareSites, sectionsOf } from '../../src/lib/preview/compare-sites.ts';
import { anchorMoves, renamedIds } from '../../src/lib/preview/anchor-moves.ts';
import { wordDiff, hasChanges } from '../../src/lib/preview/word-diff.ts';
import { buildChangesReport } from '../../src/lib/preview/changes-report.ts';
import {
  diffHtml,
  fillChangesPage,
  renderChangesReport,
} from '../../src/lib/preview/changes-page.ts';
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

/** A page as the build writes one: a title, then sections with self-linked headings. */
function page(path: string, title: string, sections: Array<[string, string, string]>): PageAnchors {
  const html =
    `<html><body><main><article><h1 id="_top">${title}</h1><p>Intro of ${title}.</p>` +
    sections
      .map(
        ([id, heading, text]) =>
          `<h2 id="${id}"><a class="heading-anchor" href="#${id}"><span aria-hidden="true">#</span><span class="sr-only">Link to this section: ${heading}</span></a>${heading}</h2><p>${text}</p>`,
      )
      .join('') +
    '</article></main></body></html>';
  const scan = scanPage(html, { sectionText: true });
  return { path: sitePath(path), ids: new Set(scan.ids), headings: scan.headings };
}

/** Who the comment says the preview is (the build's own values). */
const BUILT = { pr: 12, sha: 'abcdef1234', at: '2025-01-31T12:00:00Z', event: 'built' } as const;

const index = (...pages: PageAnchors[]): AnchorIndex => new Map(pages.map((p) => [p.path, p]));

const LONG =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six';

const base = index(
  page('/guide/', 'Guide', [
    ['install', 'Install', 'Run the installer on every node.'],
    ['old-name', 'Old name', 'Keep this text the same.'],
    ['long', 'Long', `${LONG} end`],
  ]),
  page('/gone/', 'Gone page', [['only', 'Only', 'Bye.']]),
  page('/same/', 'Same', [['s', 'S', 'Nothing changes here.']]),
);
const pr = index(
  page('/guide/', 'Guide', [
    ['install', 'Install', 'Run the new installer on each node.'],
    ['new-name', 'New name', 'Keep this text the same.'],
    ['long', 'Long', `${LONG} finish`],
    ['added', 'Added', 'A brand new section.'],
  ]),
  page('/new/', 'New &lt;page&gt;', [['n', 'N', 'Fresh.']]),
  page('/same/', 'Same', [['s', 'S', 'Nothing changes here.']]),
);
const mapText = `- from: /guide/#old-name
  to: /guide/#new-name
- from: /gone/
  to: /new/
`;
const map = parseRedirectMap(mapText, 'content/redirects.yaml', []);
const { plan } = planRedirects(map.entries, pr, 'content/redirects.yaml');

test('section text leaves out the heading self-link', () => {
  const [, install] = sectionsOf(base.get('/guide/' as SitePath)!);
  assert.deepEqual(install, {
    id: 'install',
    heading: 'Install',
    text: 'Run the installer on every node.',
  });
});

test('word diffs mark words, and long unchanged runs shrink to context', () => {
  const parts = wordDiff('Run the installer on every node.', 'Run the new installer on each node.');
  assert.equal(
    diffHtml(parts),
    'Run the <ins>new </ins>installer on <del>every</del><ins>each</ins> node.',
  );
  const long = wordDiff(`${LONG} end`, `${LONG} finish`);
  assert.equal(long[0]?.kind, 'elided');
  assert.match(
    diffHtml(long),
    /^ <span class="elided">\[… 24 unchanged words …\]<\/span> twenty-five .* thirty-six <del>end<\/del><ins>finish<\/ins>$/,
  );
  assert.equal(hasChanges(wordDiff('same words', 'same words')), false);
});

test('pages and sections are compared; a renamed section is diffed against its old self', () => {
  const moves = anchorMoves(base, pr, plan);
  const changes = compareSites(base, pr, renamedIds(moves));
  assert.deepEqual(
    changes.added.map((p) => p.path),
    ['/new/'],
  );
  assert.deepEqual(
    changes.removed.map((p) => [p.path, p.title]),
    [['/gone/', 'Gone page']],
  );
  assert.equal(changes.unchanged, 1);
  const guide = changes.changed[0]!;
  assert.equal(guide.path, '/guide/');
  assert.deepEqual(
    guide.sections.map((s) => [s.kind, s.id]),
    [
      ['changed', 'install'],
      ['changed', 'new-name'],
      ['changed', 'long'],
      ['added', 'added'],
    ],
  );
  const renamed = guide.sections[1];
  assert.ok(renamed?.kind === 'changed');
  assert.deepEqual(renamed.before, { id: 'old-name', heading: 'Old name' });
  assert.equal(hasChanges(renamed.diff), false, 'the text itself did not change');
});

test('moved addresses are followed through the map, with the entries that carry them', () => {
  const moves = anchorMoves(base, pr, plan);
  const shown = moves.map((m) => [
    m.from.path + (m.from.fragment === null ? '' : `#${m.from.fragment}`),
    m.to?.kind === 'site' ? m.to.path + (m.to.fragment ? `#${m.to.fragment}` : '') : null,
    m.entries.map((e) => e.line),
  ]);
  assert.deepEqual(shown, [
    ['/gone/', '/new/', [3]],
    // The removed page's own anchor follows the page's entry and lands on a page without it.
    ['/gone/#only', null, [3]],
    ['/guide/#old-name', '/guide/#new-name', [1]],
  ]);
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
  { index: pr, plan },
  { kind: 'built', ref: 'origin/main', sha: '1234567abcdef', index: base },
  [
    {
      severity: 'warning',
      code: 'redirected',
      message: 'links to <old> through a redirect',
      page: sitePath('/guide/'),
    },
  ],
);

test('the page links every page and anchor under the preview base, escaped', () => {
  const html = renderChangesReport(report, 'content/redirects.yaml');
  assert.match(
    html,
    /Compared with <code>origin\/main<\/code> at <code>1234567<\/code>: 1 changed, 1 added, 1 removed, 1 unchanged page\./,
  );
  assert.match(html, /<a href="\/pr-12\/new\/">New &lt;page&gt;<\/a> <code>\/new\/<\/code>: added/);
  assert.match(
    html,
    /Gone page <code>\/gone\/<\/code>: removed; its address now leads to <a href="\/pr-12\/new\/">\/new\/<\/a>/,
  );
  assert.match(html, /<a href="\/pr-12\/guide\/#install">Install<\/a>/);
  assert.match(html, /Run the <ins>new <\/ins>installer/);
  assert.match(html, /was “Old name”, anchor was <code>#old-name<\/code>/);
  assert.match(
    html,
    /<code>\/guide\/#old-name<\/code><\/td><td><a href="\/pr-12\/guide\/#new-name">\/guide\/#new-name<\/a><\/td><td><code>content\/redirects\.yaml:1<\/code>/,
  );
  assert.match(html, /<strong>nowhere: this address breaks<\/strong>/);
  assert.match(html, /0 errors, 1 warning\./);
  assert.match(html, /links to &lt;old&gt; through a redirect/);
  assert.doesNotMatch(html, /<old>|<page>/);
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

test('without a base the report says why, and still shows the link check', () => {
  const none = buildChangesReport(
    preview,
    { index: pr, plan },
    { kind: 'none', reason: 'no "main" here' },
    [],
  );
  const html = renderChangesReport(none, 'content/redirects.yaml');
  assert.match(html, /Nothing to compare with: no &quot;main&quot; here/);
  assert.match(html, /Every internal link and anchor resolves/);
  assert.match(
    changesMarkdown(summarizeChanges(none), '/pr-12/', 'x.yaml', BUILT),
    /Not compared with a base: `no "main" here`/,
  );
});

test('the summary survives its JSON round trip and becomes Markdown with links into the preview', () => {
  const summary = parseChangesSummary(JSON.stringify(summarizeChanges(report)), 'summary.json');
  const markdown = changesMarkdown(
    summary,
    'https://previews.example.com/pr-12/',
    'content/redirects.yaml',
    BUILT,
  );
  assert.match(markdown, /^### Preview of #12 at `abcdef1`$/m);
  assert.match(
    markdown,
    /\*\*\[Open the preview\]\(https:\/\/previews\.example\.com\/pr-12\/\)\*\* · \[What changed\]\(https:\/\/previews\.example\.com\/pr-12\/_changes\/\)/,
  );
  assert.match(
    markdown,
    /^\| \[`Guide`\]\(https:\/\/previews\.example\.com\/pr-12\/guide\/\) `\/guide\/` \| changed: `Install`, `New name`, `Long`, `Added` \|$/m,
  );
  assert.match(
    markdown,
    /^\| \[`New <page>`\]\(https:\/\/previews\.example\.com\/pr-12\/new\/\) `\/new\/` \| added \|$/m,
  );
  assert.match(
    markdown,
    /^\| `\/guide\/#old-name` \| \[`\/guide\/#new-name`\]\(https:\/\/previews\.example\.com\/pr-12\/guide\/#new-name\) \| line 1 \|$/m,
  );
  assert.match(markdown, /^\| `\/gone\/#only` \| \*\*breaks\*\* \| line 3 \|$/m);
  assert.match(markdown, /\*\*Link check:\*\* 0 errors, 1 warning/);
});

test('a summary from an untrusted build cannot smuggle links or paths into the comment', () => {
  const good = summarizeChanges(report);
  const forged = (change: (copy: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const pages = (copy: Record<string, unknown>) => copy['pages'] as Array<Record<string, unknown>>;
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
    ['a bad pull request', forged((c) => (c['pr'] = '12; rm')), /pr is missing/],
    ['a bad change', forged((c) => (pages(c)[0]!['change'] = 'pwned')), /pages\[0\]\.change/],
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
