import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossReferenceTitle, fillEmptyLinks } from '../../src/lib/cross-references.ts';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import { applyInsertions } from '../../src/lib/html/splice.ts';
import { parseBase } from '../../src/lib/site-path.ts';
import { path, site } from './support/redirect-fixtures.ts';

const titles: Record<string, string> = { '/a/#x': 'Configure <the> database', '/b/': 'Upgrade' };

/** Fills a page's empty links from `titles`, as the build does. */
function fill(
  html: string,
  titleFor: (href: string) => string | undefined = (href) => titles[href],
  properNouns: readonly string[] = [],
) {
  const { insertions, unresolved } = fillEmptyLinks(
    scanPage(html, { editPoints: true }).editPoints!.emptyLinks,
    titleFor,
    properNouns,
  );
  return { html: applyInsertions(html, insertions), unresolved };
}

test('empty links get their target title, escaped; links with text are untouched', () => {
  const html =
    '<p>See <a href="/a/#x"></a> and <a href="/b/">the upgrade page</a>, or <a href="/b/"> </a>.</p>';
  const { html: out, unresolved } = fill(html);
  assert.equal(
    out,
    '<p>See <a href="/a/#x">configure &lt;the&gt; database</a> and <a href="/b/">the upgrade page</a>, or <a href="/b/"> upgrade</a>.</p>',
  );
  assert.deepEqual(unresolved, []);
});

test('a filled title keeps its capital where a sentence or a block starts, and on a name; else it reads as in a sentence', () => {
  const html =
    '<p><a href="/b/"></a> first.</p><ul><li><a href="/b/"></a></li></ul>' +
    '<p>Done. <a href="/b/"></a> next: <a href="/b/"></a>; then <a href="/b/"></a>,<br><a href="/b/"></a></p>' +
    '<p>Read <a href="/n/"></a> and <em>then</em> <a href="/b/"></a>.</p>';
  const titleFor = (href: string) => (href === '/n/' ? 'NGINX Plus setup' : 'Upgrade the cluster');
  const links = [...fill(html, titleFor, ['NGINX Plus']).html.matchAll(/>([^<>]+)<\/a>/g)].map(
    (match) => match[1],
  );
  assert.deepEqual(links, [
    'Upgrade the cluster',
    'Upgrade the cluster',
    'Upgrade the cluster',
    'Upgrade the cluster',
    'upgrade the cluster',
    'upgrade the cluster',
    'NGINX Plus setup',
    'upgrade the cluster',
  ]);
  // The page's title, scripts and styles are not prose; a header or a list starts anew.
  const chrome =
    '<head><title>Home</title><style>p{}</style></head><body><a href="/b/"></a>' +
    '<header>Docs</header><nav><a href="/b/"></a></nav><ul><li>Also <a href="/b/"></a></li></ul>';
  assert.deepEqual(
    [...fill(chrome, titleFor).html.matchAll(/>([^<>]+)<\/a>/g)].map((match) => match[1]),
    ['Upgrade the cluster', 'Upgrade the cluster', 'upgrade the cluster'],
  );
});

test('a link holding only an element is not empty', () => {
  const html = '<a href="/b/"><img src="x.svg" alt="x"></a>';
  assert.equal(fill(html, () => 'T').html, html);
});

test('an empty link to an unknown target is reported with its line', () => {
  const { unresolved } = fill('<p>\n<a href="/gone/#y"></a></p>', () => undefined);
  assert.deepEqual(
    unresolved.map((link) => [link.href, link.line]),
    [['/gone/#y', 2]],
  );
});

test('the title is the heading for /page/#id and the h1 for /page/, under the base', () => {
  const index = site({ '/a/': [['x', 'X marks']] });
  const page = index.get(path('/a/'))!;
  (page.headings as { id: string; level: number; text: string }[]).unshift({
    id: '_top',
    level: 1,
    text: 'Page A',
  });
  const base = parseBase('/pr-1/');
  assert.equal(crossReferenceTitle('/pr-1/a/#x', path('/b/'), base, index), 'X marks');
  assert.equal(crossReferenceTitle('/pr-1/a/', path('/b/'), base, index), 'Page A');
  assert.equal(crossReferenceTitle('#x', path('/a/'), base, index), 'X marks');
  assert.equal(crossReferenceTitle('/pr-1/a/#nope', path('/b/'), base, index), undefined);
  assert.equal(
    crossReferenceTitle('https://elsewhere.example/a/', path('/b/'), base, index),
    undefined,
  );
});

test('a page with a non-ASCII path is one address however its links spell it', () => {
  const index = site({ '/guide/höhere-seiten/': [['größe', 'Größe wählen']] });
  const root = parseBase('/');
  for (const href of [
    '/guide/höhere-seiten/#größe',
    '/guide/h%C3%B6here-seiten/#gr%C3%B6%C3%9Fe',
    '/guide/h%c3%b6here-seiten/#größe',
  ])
    assert.equal(crossReferenceTitle(href, path('/b/'), root, index), 'Größe wählen', href);
  assert.equal(
    crossReferenceTitle('#größe', path('/guide/höhere-seiten/'), root, index),
    'Größe wählen',
  );
  assert.equal(
    crossReferenceTitle(
      '/pr-2/guide/h%C3%B6here-seiten/#gr%C3%B6%C3%9Fe',
      path('/b/'),
      parseBase('/pr-2/'),
      index,
    ),
    'Größe wählen',
  );
});
