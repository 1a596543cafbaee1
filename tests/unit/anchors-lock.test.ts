import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guide, path, plan, site } from './support/redirect-fixtures.ts';
import {
  parseAnchorsLock,
  serializeAnchorsLock,
  type AnchorsLock,
} from '../../src/lib/anchors-lock/lock-file.ts';
import { mergeIntoLock } from '../../src/lib/anchors-lock/merge-lock.ts';
import { compareLock } from '../../src/lib/anchors-lock/compare-lock.ts';
import { suggestNewHome } from '../../src/lib/anchors-lock/suggest-home.ts';
import type { AnchorIndex } from '../../src/lib/site/anchor-index.ts';
import { readPage } from '../../src/lib/site/read-site.ts';
import type { SitePath } from '../../src/lib/site-path.ts';
import { publishedPage } from '../../src/lib/anchors-lock/published-anchors.ts';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const context = {
  lockFile: 'anchors.lock.json',
  mapFile: 'redirects.yaml',
  sourceFileOf: (page: SitePath) => (page === '/ha/' ? 'content/docs/ha/index.mdx' : undefined),
};

const lock: AnchorsLock = {
  pages: [
    {
      url: path('/ha/'),
      source: 'content/docs/ha/index.mdx',
      anchors: [
        { id: 'overview', heading: 'Overview' },
        { id: 'old-name', heading: 'Old name' },
      ],
    },
    {
      url: path('/deployment/cluster.html'),
      source: 'legacy-anchors.json',
      anchors: [
        { id: 'upgrade-guide', heading: 'Upgrade guide' },
        { id: 'proxy-server-configuration', heading: 'Proxy server configuration' },
      ],
    },
  ],
};

test('the lock round-trips through its file format, pages sorted, one anchor per line', () => {
  const text = serializeAnchorsLock(lock);
  const parsed = parseAnchorsLock(text, 'anchors.lock.json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.lock.pages.map((page) => page.url),
    ['/deployment/cluster.html', '/ha/'],
  );
  assert.deepEqual(parsed.lock.pages[1], lock.pages[0]);
  assert.match(text, /^ {8}\{"id": "overview", "heading": "Overview"\},$/m);
});

test('a malformed lock is an error, not an empty lock', () => {
  assert.match(parseAnchorsLock('{', 'l.json').problems[0]!.message, /not valid JSON/);
  assert.match(
    parseAnchorsLock('{"pages": [{"url": "/a/"}]}', 'l.json').problems[0]!.message,
    /"anchors" list/,
  );
  assert.match(
    parseAnchorsLock('{"pages": [{"url": "/a/", "anchors": [{}]}]}', 'l.json').problems[0]!.message,
    /without an "id"/,
  );
});

test('merging adds new pages and anchors and never removes any', () => {
  const { lock: merged, added } = mergeIntoLock(lock, [
    {
      url: path('/ha/'),
      source: 'content/docs/ha/index.mdx',
      anchors: [
        { id: 'overview', heading: 'Overview' },
        { id: 'new-name', heading: 'New name' },
      ],
    },
    {
      url: path('/ha/deploy/'),
      source: 'content/docs/ha/deploy.mdx',
      anchors: [{ id: 'database', heading: 'Database' }],
    },
  ]);
  assert.deepEqual(added, ['/ha/#new-name', '/ha/deploy/', '/ha/deploy/#database']);
  assert.deepEqual(
    merged.pages[0]!.anchors.map((anchor) => anchor.id),
    ['overview', 'old-name', 'new-name'],
  );
  assert.equal(merged.pages.length, 3);
  assert.equal(lock.pages[0]!.anchors.length, 2, 'the input lock is not modified');
});

test('a lock that resolves through the map passes', () => {
  const map =
    '- from: /ha/#old-name\n  to: /ha/#new-name\n- from: /deployment/cluster.html\n  to: /ha/\n- from: /deployment/cluster.html#upgrade-guide\n  to: /ha/upgrade/#upgrade-guide\n- from: /deployment/cluster.html#proxy-server-configuration\n  to: /ha/deploy/#proxy-server\n';
  const index = guide();
  const { plan: result, problems } = plan(map, index);
  assert.deepEqual(problems, []);
  assert.deepEqual(compareLock(lock, index, result, context), []);
});

test('a lost anchor names URL#anchor, its source file, its likely new home and the YAML to add', () => {
  const index = guide();
  const { plan: result } = plan('- from: /deployment/cluster.html\n  to: /ha/\n', index);
  const problems = compareLock(lock, index, result, context);
  assert.equal(problems.length, 2);
  const [live, legacy] = problems;
  assert.match(
    live!.message,
    /\/ha\/#old-name \(heading "Old name"\), defined in content\/docs\/ha\/index\.mdx, no longer resolves; most likely new home: \/ha\/#new-name/,
  );
  assert.match(
    live!.fix!,
    /add to redirects\.yaml:\n- from: \/ha\/#old-name\n {2}to: \/ha\/#new-name$/,
  );
  assert.match(
    legacy!.message,
    /\/deployment\/cluster\.html#upgrade-guide .*defined in legacy-anchors\.json.*\/ha\/upgrade\/#upgrade-guide, same heading text "Upgrade guide"/,
  );
  assert.match(
    legacy!.fix!,
    /- from: \/deployment\/cluster\.html#proxy-server-configuration\n {2}to: \/ha\/deploy\/#proxy-server/,
  );
});

test('a lost page is reported with the page most of its headings moved to', () => {
  const index = guide();
  const { plan: result } = plan('- from: /ha/#old-name\n  to: /ha/#new-name\n', index);
  const problems = compareLock(lock, index, result, context);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!.message,
    /\/deployment\/cluster\.html no longer resolves .*most likely new home: \/ha\/upgrade\//,
  );
  assert.match(
    problems[0]!.fix!,
    /^add to redirects\.yaml:\n- from: \/deployment\/cluster\.html\n {2}to: \/ha\/upgrade\//,
  );
});

test('suggestions: same heading text first, then same id, then the most similar heading, else nothing', () => {
  const index = site({
    '/a/': [
      ['intro', 'Introduction'],
      ['configure-the-proxy', 'Configure the proxy'],
    ],
    '/b/': [
      ['proxy', 'Set up NGINX'],
      ['database-sizing', 'Database sizing'],
    ],
  });
  assert.equal(suggestNewHome({ id: 'x', heading: 'set up nginx!' }, index)?.path, '/b/');
  assert.equal(
    suggestNewHome({ id: 'proxy', heading: 'Something else entirely' }, index)?.id,
    'proxy',
  );
  assert.equal(
    suggestNewHome({ id: 'configure-proxy', heading: 'Configure proxy' }, index)?.id,
    'configure-the-proxy',
  );
  assert.equal(suggestNewHome({ id: 'qwertyuiop', heading: 'Zzzz' }, index), undefined);
});

test('suggestions: with no similar heading, the section whose text covers the lost topic', () => {
  const index: AnchorIndex = new Map([
    [
      path('/ops/'),
      {
        path: path('/ops/'),
        ids: new Set(['how-it-works', 'plugins']),
        headings: [
          {
            id: 'how-it-works',
            level: 2,
            text: 'How the cluster works',
            section:
              'One node, the leader, runs scheduled jobs; leader election needs no settings.',
          },
          {
            id: 'plugins',
            level: 2,
            text: 'Plugins',
            section: 'Plugins spread through shared storage.',
          },
        ],
      },
    ],
  ]);
  const found = suggestNewHome({ id: 'xq', heading: 'Leader election' }, index);
  assert.equal(found?.id, 'how-it-works');
  assert.match(found.reason, /the section "How the cluster works" covers "Leader election"/);
  assert.equal(
    suggestNewHome({ id: 'xq', heading: 'Quantum backups' }, index),
    undefined,
    'a section must hold most of the words',
  );
});

test('a page publishes its self-linked headings; stubs, layout headings and kept-alive old ids publish nothing', () => {
  const html = [
    '<html><head></head><body><h1 id="_top">Deploy</h1>',
    '<nav><h2 id="toc-title">On this page</h2></nav>',
    '<span id="old-name" data-legacy-anchor></span><h2 id="new-name">New name</h2><a class="heading-anchor" href="#new-name">#</a>',
    '<h3 id="café">Café</h3><a href="#caf%C3%A9" class="x heading-anchor">#</a>',
    '</body></html>',
  ].join('');
  const dir = mkdtempSync(join(tmpdir(), 'published-'));
  try {
    mkdirSync(join(dir, 'ha'));
    writeFileSync(join(dir, 'ha/index.html'), html);
    writeFileSync(join(dir, '404.html'), html);
    writeFileSync(
      join(dir, 'old.html'),
      '<!doctype html><html lang="en" data-redirect-stub><body><h2 id="a">A</h2><a class="heading-anchor" href="#a">#</a></body></html>',
    );
    assert.deepEqual(publishedPage(readPage(dir, 'ha/index.html'), 'content/docs/ha.mdx'), {
      url: '/ha/',
      source: 'content/docs/ha.mdx',
      title: 'Deploy',
      anchors: [
        { id: 'new-name', heading: 'New name' },
        { id: 'café', heading: 'Café' },
      ],
    });
    assert.equal(publishedPage(readPage(dir, 'old.html'), ''), undefined);
    assert.equal(publishedPage(readPage(dir, '404.html'), ''), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
