/**
 * The link checker's judgement of a site's links (checkLinks): each target judged once and each
 * use reported, redirects followed as a browser does, the same relative link judged per page,
 * site paths that browsers read as another host, and a <base href> that sends links elsewhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUrl } from '../../src/lib/links/classify-url.ts';
import { checkLinks, type LinkCheckContext } from '../../src/lib/links/check-links.ts';
import { emptyPlan } from '../../src/lib/redirects/follow.ts';
import { parseBase } from '../../src/lib/site-path.ts';
import { path, plan, site } from './support/redirect-fixtures.ts';

const ORIGIN = 'https://docs.example.com';
const ROOT = parseBase('/');

test('the internal check judges each target once, reports every use, and follows redirects as a browser does', () => {
  const index = site({ '/': [['top-section', 'Top']], '/a/': [['x', 'X']] });
  const files = new Set(['index.html', 'a/index.html', 'old/index.html']);
  const { plan: redirects, problems: planProblems } = plan(
    '- from: /old/\n  to: /a/\n- from: /a/#was-x\n  to: /a/#x\n',
    index,
  );
  assert.deepEqual(planProblems, []);
  const context: LinkCheckContext = {
    files,
    pages: new Map([
      [path('/'), { ...index.get(path('/'))!, isStub: false, refresh: null }],
      [path('/a/'), { ...index.get(path('/a/'))!, isStub: false, refresh: null }],
      [path('/old/'), { ids: new Set(), headings: [], isStub: true, refresh: '/a/' }],
    ]),
    index,
    plan: redirects,
    base: ROOT,
    siteOrigin: ORIGIN,
    mapFile: 'r.yaml',
  };
  const urls = [
    '/a/#x',
    '/a/#y',
    'a/#y',
    '/a',
    '/b/',
    '/old/',
    '#top',
    '#TOP',
    '#',
    'https://example.org/',
    '/a/#x',
    '/a/#was-x',
    '/old/#x',
    '/old/#nope',
    '/a/index.html#x',
  ];
  const source = {
    file: 'index.html',
    path: path('/'),
    links: urls.map((url, index) => ({
      url,
      tag: 'a',
      attribute: 'href',
      line: index + 1,
      column: 1,
    })),
  };
  const { problems, external } = checkLinks([source], context);
  assert.deepEqual(
    problems.map(
      (problem) =>
        `${problem.output!.line} ${problem.severity} ${problem.code} ${problem.suggestion ?? ''}`,
    ),
    [
      '2 error missing-anchor /a/#x',
      '3 error missing-anchor /a/#x',
      '4 warning missing-trailing-slash /a/',
      '5 error missing-page ',
      '6 warning redirected /a/',
      '12 warning redirected /a/#x',
      '13 warning redirected /a/#x',
      '14 error broken-redirect ',
    ],
  );
  assert.deepEqual(
    external.map((use) => `${use.url} ${use.uses.length}`),
    ['https://example.org/ 1'],
  );
  // The same relative link means another target on another page: judged for each page, while
  // a link that means the same everywhere is judged once and reported on every page it is on.
  const sameLinks = (file: string, at: string) => ({
    file,
    path: path(at),
    links: ['#x', 'b/', '/b/'].map((url, index) => ({
      url,
      tag: 'a',
      attribute: 'href',
      line: index + 1,
      column: 1,
    })),
  });
  assert.deepEqual(
    checkLinks(
      [sameLinks('a/index.html', '/a/'), sameLinks('index.html', '/')],
      context,
    ).problems.map((problem) => `${problem.page} ${problem.url} ${problem.code} ${problem.target}`),
    [
      '/a/ b/ missing-page /a/b/',
      '/a/ /b/ missing-page /b/',
      '/ #x missing-anchor /#x',
      '/ b/ missing-page /b/',
      '/ /b/ missing-page /b/',
    ],
  );
  const withoutMap = checkLinks([source], { ...context, plan: emptyPlan() });
  assert.ok(
    withoutMap.problems.some(
      (problem) => problem.code === 'redirected' && problem.suggestion === '/a/',
    ),
    'a foreign redirect page is followed by its refresh',
  );
});

test('a link written as a site path that a browser reads as another host is an error, and never internal', () => {
  for (const url of [
    '/\\evil.example/',
    '\\/evil.example/',
    '/\\/evil.example/',
    '\\\\evil.example/x/',
  ]) {
    assert.equal(
      classifyUrl(url, path('/a/'), ROOT, ORIGIN).kind,
      'external',
      `${url} leaves the site`,
    );
  }
  const index = site({ '/': [['top', 'Top']] });
  const context: LinkCheckContext = {
    files: new Set(['index.html']),
    pages: new Map([[path('/'), { ...index.get(path('/'))!, isStub: false, refresh: null }]]),
    index,
    plan: emptyPlan(),
    base: ROOT,
    siteOrigin: ORIGIN,
    mapFile: 'r.yaml',
  };
  const urls = ['/\\evil.example/', 'https://example.org/', '\\/evil.example/'];
  const { problems, external } = checkLinks(
    [
      {
        file: 'index.html',
        path: path('/'),
        links: urls.map((url, n) => ({ url, tag: 'a', attribute: 'href', line: n + 1, column: 1 })),
      },
    ],
    context,
  );
  assert.deepEqual(
    problems.map(
      (problem) =>
        `${problem.output!.line} ${problem.severity} ${problem.code}: ${problem.message}`,
    ),
    [
      '1 error backslash-host: "/\\evil.example/" is written like a site path, but browsers read the backslash as "/" and go to the host evil.example',
      '3 error backslash-host: "\\/evil.example/" is written like a site path, but browsers read the backslash as "/" and go to the host evil.example',
    ],
  );
  assert.deepEqual(
    external.map((use) => use.url),
    ['https://example.org/'],
  );
});

test('a <base href> on another host is reported once per page, with how many links it sends there', () => {
  const index = site({ '/': [['top', 'Top']], '/a/': [] });
  const context: LinkCheckContext = {
    files: new Set(['index.html', 'a/index.html']),
    pages: new Map([
      [path('/'), { ...index.get(path('/'))!, isStub: false, refresh: null }],
      [path('/a/'), { ...index.get(path('/a/'))!, isStub: false, refresh: null }],
    ]),
    index,
    plan: emptyPlan(),
    base: ROOT,
    siteOrigin: ORIGIN,
    mapFile: 'r.yaml',
  };
  const link = (url: string, line: number) => ({
    url,
    tag: 'a',
    attribute: 'href',
    line,
    column: 1,
  });
  const { problems } = checkLinks(
    [
      {
        file: 'index.html',
        path: path('/'),
        baseHref: 'https://cdn.other.example/docs/',
        links: [link('a/', 3), link('#top', 4), link('/a/', 5), link('https://example.org/', 6)],
      },
      { file: 'a/index.html', path: path('/a/'), baseHref: '/a/', links: [link('../', 2)] },
    ],
    context,
  );
  assert.deepEqual(
    problems.map(
      (problem) =>
        `${problem.output!.file} ${problem.severity} ${problem.code}: ${problem.message}`,
    ),
    [
      'index.html error base-elsewhere: the page\'s <base href="https://cdn.other.example/docs/"> is on cdn.other.example, so its 3 relative links (e.g. "a/") lead there, not to this site',
    ],
  );
});
