import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUrl } from '../../src/lib/links/classify-url.ts';
import { findTargetFile } from '../../src/lib/links/target-file.ts';
import { redirectsFileTargets, sitemapLocations } from '../../src/lib/links/non-page-links.ts';
import { findWrittenUrl, writtenForms, assignSources } from '../../src/lib/links/source-map.ts';
import { formatProblems } from '../../src/lib/problems/format-problems.ts';
import type { Problem } from '../../src/lib/problems/problem.ts';
import { sitePathOfFile } from '../../src/lib/site/output-paths.ts';
import { sitePathOfSource, sourceFileMap } from '../../src/lib/site/source-files.ts';
import { parseBase } from '../../src/lib/site-path.ts';
import { packPages, unpackPages } from '../../src/lib/site/packed-pages.ts';
import { readPage } from '../../src/lib/site/read-site.ts';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { path } from './support/redirect-fixtures.ts';

const ORIGIN = 'https://docs.example.com';
const ROOT = parseBase('/');

test('output files map to the URLs they are served at', () => {
  assert.equal(sitePathOfFile('index.html'), '/');
  assert.equal(sitePathOfFile('a/b/index.html'), '/a/b/');
  assert.equal(sitePathOfFile('404.html'), '/404.html');
  assert.equal(sitePathOfFile('deployment/cluster.html'), '/deployment/cluster.html');
});

test('URLs are classified relative to the page, the base and the site origin', () => {
  const base = parseBase('/pr-123/');
  assert.deepEqual(classifyUrl('/pr-123/a/b/#Sec', path('/x/'), base, ORIGIN), {
    kind: 'internal',
    path: '/a/b/',
    fragment: 'Sec',
    raw: 'Sec',
  });
  assert.deepEqual(classifyUrl('../c/', path('/a/b/'), base, ORIGIN), {
    kind: 'internal',
    path: '/a/c/',
    fragment: null,
    raw: null,
  });
  assert.deepEqual(classifyUrl('#caf%C3%A9', path('/a/'), base, ORIGIN), {
    kind: 'internal',
    path: '/a/',
    fragment: 'café',
    raw: 'caf%C3%A9',
  });
  assert.deepEqual(classifyUrl('#', path('/a/'), base, ORIGIN), {
    kind: 'internal',
    path: '/a/',
    fragment: '',
    raw: '',
  });
  assert.deepEqual(classifyUrl('/a/', path('/x/'), base, ORIGIN), {
    kind: 'outside-base',
    path: '/a/',
    fragment: null,
  });
  assert.deepEqual(classifyUrl('https://docs.example.com/pr-123/a/', path('/x/'), base, ORIGIN), {
    kind: 'internal',
    path: '/a/',
    fragment: null,
    raw: null,
  });
  assert.deepEqual(classifyUrl('https://example.org/x', path('/x/'), base, ORIGIN), {
    kind: 'external',
    url: 'https://example.org/x',
  });
  assert.deepEqual(classifyUrl('//cdn.example.org/x.js', path('/x/'), base, ORIGIN), {
    kind: 'external',
    url: 'http://cdn.example.org/x.js',
  });
  for (const ignored of [
    'mailto:a@b.c',
    'tel:+1',
    'javascript:void(0)',
    'data:image/png;base64,AA',
  ]) {
    assert.deepEqual(classifyUrl(ignored, path('/'), ROOT, ORIGIN), { kind: 'ignored' });
  }
});

test('targets resolve like a static host: index.html, .html, trailing slash', () => {
  const files = new Set(['index.html', 'a/b/index.html', 'old.html', 'img/x y.png']);
  assert.deepEqual(findTargetFile(path('/'), files), { file: 'index.html', canonicalPath: '/' });
  assert.deepEqual(findTargetFile(path('/a/b/'), files), {
    file: 'a/b/index.html',
    canonicalPath: '/a/b/',
  });
  assert.deepEqual(findTargetFile(path('/a/b'), files), {
    file: 'a/b/index.html',
    canonicalPath: '/a/b/',
  });
  assert.deepEqual(findTargetFile(path('/a/b/index.html'), files), {
    file: 'a/b/index.html',
    canonicalPath: '/a/b/index.html',
  });
  assert.deepEqual(findTargetFile(path('/old'), files), {
    file: 'old.html',
    canonicalPath: '/old',
  });
  assert.deepEqual(findTargetFile(path('/img/x y.png'), files), {
    file: 'img/x y.png',
    canonicalPath: '/img/x y.png',
  });
  assert.equal(findTargetFile(path('/a/'), files), null);
  assert.equal(findTargetFile(path('/old/'), files), null);
});

test('_redirects targets and sitemap locations keep their positions', () => {
  assert.deepEqual(redirectsFileTargets('# header\n/old /new/ 301\n\n/x.html   /y/#a 301\n'), [
    { url: '/new/', tag: '_redirects', attribute: 'to', line: 2, column: 6 },
    { url: '/y/#a', tag: '_redirects', attribute: 'to', line: 4, column: 11 },
  ]);
  const xml =
    '<?xml version="1.0"?>\n<urlset>\n<url><loc>https://d.example/a/</loc></url>\n<url><loc>\n  https://d.example/b/</loc></url></urlset>';
  assert.deepEqual(
    sitemapLocations(xml).map((link) => `${link.url} ${link.line}:${link.column}`),
    ['https://d.example/a/ 3:11', 'https://d.example/b/ 5:3'],
  );
});

test('pages map to the Markdown or MDX file they are built from', () => {
  assert.equal(sitePathOfSource('content/docs/a/b.mdx', 'content/docs'), '/a/b/');
  assert.equal(sitePathOfSource('content/docs/a/b/index.mdx', 'content/docs'), '/a/b/');
  assert.equal(sitePathOfSource('content/docs/index.mdx', 'content/docs'), '/');
  assert.equal(sitePathOfSource('content/docs/a.md', 'content/docs'), '/a/', 'Markdown too');
  assert.equal(sitePathOfSource('content/docs/a.txt', 'content/docs'), undefined);
  assert.equal(sitePathOfSource('content/other/a.mdx', 'content/docs'), undefined);
  const map = sourceFileMap(
    ['content/docs/a/index.mdx', 'content/docs/a.mdx', 'content/docs/b.mdx'],
    'content/docs/',
  );
  assert.deepEqual(
    [...map],
    [
      ['/a/', 'content/docs/a.mdx'],
      ['/b/', 'content/docs/b.mdx'],
    ],
  );
});

test('source mapping finds whole URLs only, without the base', () => {
  assert.deepEqual(writtenForms('/pr-1/a/%C3%A9/', parseBase('/pr-1/')), [
    '/a/%C3%A9/',
    '/pr-1/a/%C3%A9/',
    '/a/é/',
    '/pr-1/a/é/',
  ]);
  const mdx = 'x [a](/a/) [b](/a/b/)\n<a href="/a/">c</a> [](/a/#x)\n[ref]: /a/\n';
  assert.deepEqual(findWrittenUrl(mdx, '/a/'), [
    { line: 1, column: 7 },
    { line: 2, column: 10 },
    { line: 3, column: 8 },
  ]);
  const range = { start: { line: 10, column: 1 }, end: { line: 20, column: 1 } };
  const sources = assignSources(
    [
      { line: 2, column: 1 },
      { line: 12, column: 5 },
      { line: 15, column: 5 },
      { line: 16, column: 1 },
    ],
    [
      { line: 1, column: 7 },
      { line: 3, column: 8 },
    ],
    'p.mdx',
    range,
  );
  assert.deepEqual(sources, [
    undefined,
    { file: 'p.mdx', line: 1, column: 7 },
    { file: 'p.mdx', line: 3, column: 8 },
    undefined,
  ]);
});

test('problems read alike everywhere: human lines with page and fix, JSON, and escaped GitHub annotations', () => {
  const problem: Problem = {
    severity: 'error',
    code: 'missing-anchor',
    message: 'no id "a,b"\n100%',
    fix: 'link to #a-b',
    url: '/x/#a',
    page: path('/p/'),
    output: { file: 'p/index.html', line: 9, column: 4 },
    at: { file: 'content/docs/p.mdx', line: 3, column: 7 },
  };
  const { at: _at, ...warning } = {
    ...problem,
    severity: 'warning' as const,
    code: 'redirected' as const,
  };
  const lock: Problem = {
    severity: 'error',
    code: 'lost-anchor',
    message: 'published link broken',
    fix: 'run npm run moves -- --write',
    at: { file: 'content/anchors.lock.json' },
  };
  const human = formatProblems([warning, problem, lock], 'human', { outputDir: 'dist' });
  assert.equal(
    human,
    [
      'content/anchors.lock.json: error: published link broken [lost-anchor]',
      '  fix: run npm run moves -- --write',
      'content/docs/p.mdx:3:7: error: no id "a,b"',
      '100% [missing-anchor]',
      '  on page /p/ (dist/p/index.html:9:4)',
      '  fix: link to #a-b',
      'dist/p/index.html:9:4: warning: no id "a,b"',
      '100% [redirected]',
      '  fix: link to #a-b',
      '',
    ].join('\n'),
  );
  const github = formatProblems([problem, warning], 'github', { outputDir: 'dist' }).split('\n');
  assert.equal(
    github[0],
    '::error file=content/docs/p.mdx,line=3,col=7,title=missing-anchor::no id "a,b"%0A100%25 (on page /p/)%0Afix: link to #a-b',
  );
  assert.equal(github[1]?.startsWith('::warning file=dist/p/index.html,line=9,col=4,'), true);
  assert.deepEqual((JSON.parse(formatProblems([problem], 'json')) as Problem[])[0]?.at, problem.at);
});

test('scanned pages survive packing for the trip between threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  try {
    writeFileSync(
      join(dir, 'a.html'),
      '<html data-redirect-stub><main><h2 id="x">X</h2><a href="/b/">b</a><p id="y"></p><a href="/b/">again</a></main></html>',
    );
    writeFileSync(join(dir, 'b.html'), '<h1>B</h1><img src="i.png"><a href="/b/">b</a>');
    const pages = ['a.html', 'b.html'].map((file) => readPage(dir, file));
    const packed = packPages(pages);
    assert.equal(packed.strings.filter((text) => text === '/b/').length, 1, 'each string once');
    assert.deepEqual(unpackPages(packed), pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('URLs a parser would normalise take the careful path', () => {
  assert.deepEqual(
    classifyUrl('/pr-123/a/../b/?q=1#s', path('/x/'), parseBase('/pr-123/'), ORIGIN),
    { kind: 'internal', path: '/b/', fragment: 's', raw: 's' },
  );
  assert.deepEqual(classifyUrl('/pr-123/a b/', path('/x/'), parseBase('/pr-123/'), ORIGIN), {
    kind: 'internal',
    path: '/a b/',
    fragment: null,
    raw: null,
  });
  assert.deepEqual(classifyUrl('/pr-123/a/?q=1', path('/x/'), parseBase('/pr-123/'), ORIGIN), {
    kind: 'internal',
    path: '/a/',
    fragment: null,
    raw: null,
  });
});

test('percent-encoded dot segments are dot segments, as browsers read them', () => {
  for (const [url, expected] of [
    ['/writing/%2e%2e/', '/'],
    ['/writing/%2E%2E/a/', '/a/'],
    ['/writing/%2e/', '/writing/'],
    ['/a/.%2e/b/#x', '/b/'],
  ] as const) {
    const target = classifyUrl(url, path('/x/'), ROOT, ORIGIN);
    assert.equal(target.kind === 'internal' ? target.path : target.kind, expected, url);
  }
});
