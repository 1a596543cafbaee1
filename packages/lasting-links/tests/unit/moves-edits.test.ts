/**
 * What `moves` writes: links rewritten in MDX keeping their text, pinned heading ids, map
 * entries added or retargeted with the file's comments kept, and a lock that only grows. Also
 * how pages are read from MDX and how a filled-in title reads inside a sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SitePath } from '../../src/lib/site-path.ts';
import { parsePageSource } from '../../src/lib/sources/page-source.ts';
import {
  applySourceEdits,
  layoutLinks,
  linkEdits,
  pinEdit,
} from '../../src/lib/moves/source-edits.ts';
import { editMapFile } from '../../src/lib/moves/edit-map-file.ts';
import { refreshLock } from '../../src/lib/moves/refresh-lock.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { startsSentence, titleInSentence } from '../../src/lib/cross-references.ts';
import { currentSite, mdx, movesBetween, prose } from './support/source-sites.ts';

const page = (path: string, text: string) =>
  parsePageSource(`content/docs${path.slice(0, -1)}.mdx`, path as SitePath, text);

test('a page is read as the build renders it: ids from the words, {#id} kept, links outside code', () => {
  const source = page(
    '/a/',
    mdx(
      'A',
      'Intro [x](/b/#c).\n\n## It\'s -- a "test" `code`\n\nBody [ref].\n\n## Pinned {#kept-id}\n\n```bash\necho [no](/not/a/link/)\n```\n\n<a href="/raw/#r">raw</a>\n\n[ref]: /def/#d\n',
    ),
  );
  assert.deepEqual(
    source.sections.map((section) => [section.id, section.heading, section.explicitId]),
    [
      ['its--a-test-code', 'It’s – a “test” code', false],
      ['kept-id', 'Pinned', true],
    ],
  );
  assert.deepEqual(
    source.links.map((link) => `${link.url} ${link.line}:${link.column}`),
    ['/b/#c 5:11', '/raw/#r 17:10', '/def/#d 19:8'],
  );
  assert.equal(source.title, 'A');
  assert.equal(source.intro, 'Intro x.');
  assert.throws(
    () => page('/bad/', '---\ntitle: x\n---\n<Unclosed\n'),
    /content\/docs\/bad\.mdx: the MDX cannot be parsed/,
  );
});

test('links to moved addresses are rewritten to where readers land; their text, other links and code stay', () => {
  const before = {
    '/a/': mdx('A', `## Old name\n\n${prose('alpha beta gamma delta')}\n`),
    '/b/': mdx(
      'B',
      'See [the old section](/a/#old-name), [](/a/#old-name) and [a page](/a/).\n\n```\n[not](/a/#old-name)\n```\n',
    ),
  };
  const after = { ...before, '/a/': before['/a/'].replace('## Old name', '## New name') };
  const result = movesBetween(before, after);
  const site = currentSite(after);
  const b = page('/b/', after['/b/']);
  const edits = linkEdits(b, result.plan, site.index);
  assert.deepEqual(
    edits.map((edit) => `${edit.line}:${edit.column} ${edit.was} → ${edit.now}`),
    ['5:23 /a/#old-name → /a/#new-name', '5:41 /a/#old-name → /a/#new-name'],
  );
  assert.equal(
    applySourceEdits(b.text, edits),
    after['/b/'].replace(
      '[the old section](/a/#old-name), [](/a/#old-name)',
      '[the old section](/a/#new-name), [](/a/#new-name)',
    ),
  );
  const same = page('/a/', after['/a/'] + '\nBack to [it](#old-name).\n');
  assert.deepEqual(
    linkEdits(same, result.plan, site.index).map((edit) => edit.now),
    ['#new-name'],
    'a same-page link stays a same-page link',
  );
});

test('a pinned heading gets {#id} after its words', () => {
  const a = page('/a/', mdx('A', '## Install\n\nText.\n'));
  const edit = pinEdit(a, {
    path: a.path,
    heading: 'Install',
    takenId: 'install',
    newId: 'configure-the-proxy',
    reason: '',
  })!;
  assert.equal(
    applySourceEdits(a.text, [edit]),
    mdx('A', '## Install {#configure-the-proxy}\n\nText.\n'),
  );
});

test('the map file: entries retargeted in place, added at the end, removed; comments and layout kept', () => {
  const text =
    '# Old addresses.\n\n# The first.\n- from: /a.html\n  to: /x/   # where it went\n  note: kept\n- from: /gone/#y\n  to: /x/#y\n';
  const entries = parseRedirectMap(text, 'r.yaml', []).entries;
  const out = editMapFile(text, [
    {
      kind: 'retarget',
      entry: entries[0]!,
      to: { kind: 'site', path: '/z/' as SitePath, fragment: null },
      why: '',
    },
    { kind: 'remove', entry: entries[1]!, why: '' },
    {
      kind: 'add',
      from: { path: '/b/' as SitePath, fragment: 'c' },
      to: { kind: 'site', path: '/z/' as SitePath, fragment: 'c' },
      note: 'renamed',
    },
  ]);
  assert.equal(
    out,
    '# Old addresses.\n\n# The first.\n- from: /a.html\n  to: /z/ # where it went\n  note: kept\n- from: /b/#c\n  to: /z/#c\n  note: renamed\n',
  );
  assert.equal(
    editMapFile('', [
      {
        kind: 'add',
        from: { path: '/b/' as SitePath, fragment: null },
        to: { kind: 'site', path: '/z/' as SitePath, fragment: null },
        note: '',
      },
    ]),
    '- from: /b/\n  to: /z/\n',
  );
});

test('the lock only grows: new addresses added with fingerprints, live ones refreshed, none removed', () => {
  const first = refreshLock({ pages: [] }, [
    page('/a/', mdx('A', `## One\n\n${prose('one two three')}\n`)),
  ]);
  assert.deepEqual(first.added, ['/a/', '/a/#one']);
  assert.match(first.lock.pages[0]!.anchors[0]!.fingerprint!, /^own:\d+:[A-Za-z0-9_-]+$/);
  const second = refreshLock(first.lock, [
    page('/a/', mdx('A', `## Two\n\n${prose('four five six')}\n`)),
  ]);
  assert.deepEqual(second.added, ['/a/#two']);
  assert.deepEqual(
    second.lock.pages[0]!.anchors.map((anchor) => anchor.id),
    ['one', 'two'],
    '#one stays locked',
  );
  assert.equal(
    refreshLock(second.lock, [page('/a/', mdx('A', `## Two\n\n${prose('four five six')}\n`))])
      .updated,
    0,
  );
});

test('a title filled in mid-sentence loses its first capital unless it starts with a name', () => {
  const names = ['PostgreSQL', 'Amazon S3', 'Mattermost'];
  assert.equal(titleInSentence('Operating system limits', names), 'operating system limits');
  assert.equal(titleInSentence('Kernel settings', names), 'kernel settings');
  assert.equal(titleInSentence('PostgreSQL settings', names), 'PostgreSQL settings');
  assert.equal(titleInSentence('Amazon S3 storage', names), 'Amazon S3 storage');
  assert.equal(
    titleInSentence('NGINX upstreams', names),
    'NGINX upstreams',
    'an acronym keeps its capitals',
  );
  assert.equal(titleInSentence('mmctl commands', names), 'mmctl commands');
  assert.equal(startsSentence(''), true);
  assert.equal(startsSentence('Done. '), true);
  assert.equal(startsSentence('The order is:'), true);
  assert.equal(startsSentence('apply the '), false);
});

test('rewriting N links in one page takes time linear in N (2,500 to 20,000 links)', () => {
  const before = { '/a/': mdx('A', `## Old name\n\n${prose('alpha beta gamma delta')}\n`) };
  const after = { '/a/': before['/a/'].replace('## Old name', '## New name') };
  const result = movesBetween(before, after);
  const site = currentSite(after);
  const seconds: Record<number, number> = {};
  for (const n of [2500, 5000, 10000, 20000]) {
    const text = mdx(
      'B',
      Array.from({ length: n }, (_, i) => `Link ${i}: [see](/a/#old-name).`).join('\n\n'),
    );
    // The best of three runs: one slow run (a collection, code still warming up) is not a trend.
    seconds[n] = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const b = page('/b/', text);
      const edits = linkEdits(b, result.plan, site.index);
      const out = applySourceEdits(b.text, edits);
      seconds[n] = Math.min(seconds[n], (performance.now() - started) / 1000);
      assert.equal(edits.length, n);
      assert.equal(out.split('/a/#new-name').length - 1, n);
    }
  }
  const report = Object.entries(seconds)
    .map(([n, s]) => `${n}: ${s.toFixed(2)} s`)
    .join(', ');
  // Linear: eight times the links in about eight times the time; a square law would be 64. The
  // bound leaves room for noise: the shortest runs take a hundredth of a second.
  assert.ok(seconds[20000]! / seconds[2500]! < 32, `times grow faster than the links: ${report}`);
  assert.ok(seconds[20000]! < 5, `20,000 links in one page: ${report}`);
  console.log(`moves, links rewritten in one page: ${report}`);
});

test('addresses a page written in .astro names as quoted strings follow a move; template strings and other URLs stay', () => {
  const before = {
    '/a/': mdx('A', `## Old name\n\n${prose('alpha beta gamma delta')}\n`),
    '/b/': mdx('B', 'Nothing here.'),
  };
  const after = { ...before, '/a/': before['/a/'].replace('## Old name', '## New name') };
  const result = movesBetween(before, after);
  const astro =
    "---\nconst card = { path: sitePath('/a/#old-name') };\nconst other = `${guide}/a/#old-name`;\n---\n" +
    '<a href="/a/#old-name">x</a> <a href="//a/#old-name">y</a> <a href="/b/">z</a>\n';
  const links = layoutLinks(astro);
  assert.deepEqual(
    links.map((link) => `${link.url} ${link.line}:${link.column}`),
    ['/a/#old-name 2:32', '/a/#old-name 5:10', '/b/ 5:69'],
  );
  const edits = linkEdits(
    { file: 'src/pages/index.astro', path: '/' as SitePath, links },
    result.plan,
    currentSite(after).index,
  );
  assert.equal(
    applySourceEdits(astro, edits),
    astro
      .replace("sitePath('/a/#old-name')", "sitePath('/a/#new-name')")
      .replace('href="/a/#old-name"', 'href="/a/#new-name"'),
  );
});

test('front matter links: site links in any YAML style; other hosts, escapes and bad YAML are left alone', () => {
  const linksIn = (frontMatter: string) =>
    parsePageSource(
      'content/docs/b.mdx',
      '/b/' as SitePath,
      `---\n${frontMatter}---\n\nBody.\n`,
    ).links.map((link) => `${link.line}:${link.column} ${link.url}`);
  assert.deepEqual(
    linksIn(
      'title: B\nprev: {link: "/a/", label: A}\nnext:\n  link: /c/#d\nhero: { actions: [ { text: Go, link: \'/e/\' } ] }\n',
    ),
    ['3:15 /a/', '5:9 /c/#d', '6:39 /e/'],
  );
  assert.deepEqual(
    linksIn('title: B\nnext: { link: https://example.com/a/ }\nprev: { link: //host/a/ }\n'),
    [],
    'links to another host are not site links',
  );
  assert.deepEqual(
    linksIn('title: B\nnext: { link: "/a/\\u0062/" }\n'),
    [],
    'an escaped value cannot be rewritten in place',
  );
  assert.deepEqual(linksIn('title: B\nnext: { link: /a/\n'), [], 'YAML that does not parse');
});

test("links in a page's front matter (a landing page's hero actions, prev or next, block or flow style) follow a move", () => {
  const before = {
    '/a/': mdx('A', `## Old name\n\n${prose('alpha beta gamma delta')}\n`),
    '/b/': mdx('B', 'Nothing here.'),
  };
  const after = { ...before, '/a/': before['/a/'].replace('## Old name', '## New name') };
  const result = movesBetween(before, after);
  const text =
    "---\ntitle: B\ndescription: d\nhero:\n  actions:\n    - text: Go\n      link: /a/#old-name\n    - link: '/a/#old-name'\n      text: Again\nnext: { link: /a/#old-name, label: A }\n---\n\nBody.\n";
  const b = page('/b/', text);
  const edits = linkEdits(b, result.plan, currentSite(after).index);
  assert.deepEqual(
    edits.map((edit) => `${edit.line}:${edit.column} ${edit.now}`),
    ['7:13 /a/#new-name', '8:14 /a/#new-name', '10:15 /a/#new-name'],
  );
});
