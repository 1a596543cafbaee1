import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import { srcsetUrls, metaRefreshUrl } from '../../src/lib/html/url-attributes.ts';

const page = `<!doctype html>
<html><head>
<meta http-equiv="refresh" content="0; url=/new/#sec">
<link rel="stylesheet" href="/pr-123/_astro/site.css">
<link rel="preconnect" href="https://fonts.example.com">
<script src="/pr-123/app.js"></script>
</head><body>
<h1>Page   title</h1>
<h2 id="hello-world--friends">Hello <code>world</code> &amp;
  friends<a class="heading-anchor" href="#hello-world--friends"><span>Link to this section</span></a></h2>
<p id="intro">See <a href="/pr-123/a/b/#x">b</a> and <a name="legacy">old</a>
<img src=pic.png srcset="small.png 1x, big.png 2x"></p>
<h3 id="third"><a class="heading-anchor" href="#third">#</a>Third</h3>
</body></html>`;

test('collects ids, including a[name], in document order', () => {
  assert.deepEqual(scanPage(page).ids, ['hello-world--friends', 'intro', 'legacy', 'third']);
});

test('heading text leaves out the heading anchor and collapses whitespace', () => {
  assert.deepEqual(scanPage(page).headings, [
    { id: 'hello-world--friends', level: 2, text: 'Hello world & friends' },
    { id: 'third', level: 3, text: 'Third' },
  ]);
});

test('links carry tag, attribute and the attribute position', () => {
  const links = scanPage(page).links.map(
    (l) => `${l.tag}[${l.attribute}] ${l.url} ${l.line}:${l.column}`,
  );
  assert.deepEqual(links, [
    'meta[content] /new/#sec 3:28',
    'link[href] /pr-123/_astro/site.css 4:24',
    'script[src] /pr-123/app.js 6:9',
    'a[href] #hello-world--friends 10:36',
    'a[href] /pr-123/a/b/#x 11:22',
    'img[src] pic.png 12:6',
    'img[srcset] small.png 12:18',
    'img[srcset] big.png 12:18',
    'a[href] #third 13:42',
  ]);
});

test('a heading without an id is not a heading anyone can link to', () => {
  assert.deepEqual(scanPage('<h2>No id</h2><h2 id="a">A</h2>').headings, [
    { id: 'a', level: 2, text: 'A' },
  ]);
});

test('entities in URLs are decoded', () => {
  assert.equal(scanPage('<a href="/x/?a=1&amp;b=2">x</a>').links[0]?.url, '/x/?a=1&b=2');
});

test('srcset candidates, with or without descriptors and spaces', () => {
  assert.deepEqual(srcsetUrls('a.png'), ['a.png']);
  assert.deepEqual(srcsetUrls(' a.png 1x ,b.png 2x,c.png'), ['a.png', 'b.png', 'c.png']);
  // As in the HTML spec, a comma inside a URL does not split it; only a trailing one does.
  assert.deepEqual(srcsetUrls('a.png,b.png 640w'), ['a.png,b.png']);
  assert.deepEqual(srcsetUrls('data:image/png;base64,AA 1x, b.png 2x'), [
    'data:image/png;base64,AA',
    'b.png',
  ]);
});

test('meta refresh URL forms', () => {
  assert.equal(metaRefreshUrl('0; url=/x/'), '/x/');
  assert.equal(metaRefreshUrl("0;URL='/x/#a'"), '/x/#a');
  assert.equal(metaRefreshUrl('5, /y/'), '/y/');
  assert.equal(metaRefreshUrl('5'), null);
});

test('section text: asked for, each heading gets the text up to the next heading, without scripts or layout', () => {
  const html = `<nav><h2 id="nav">Menu</h2><a href="/">Home</a></nav>
    <article><h2 id="one">One</h2><p>First <b>part</b>.</p><script>var x = 1;</script>
    <div class="heading-wrapper"><h3 id="two">Two<a class="heading-anchor" href="#two">#</a></h3></div><p>Second part.</p></article>
    <aside><p>On this page</p></aside>`;
  const headings = scanPage(html, { sectionText: true }).headings;
  assert.deepEqual(
    headings.map((h) => [h.id, h.section]),
    [
      ['nav', undefined],
      ['one', 'First part.'],
      ['two', 'Second part.'],
    ],
  );
  assert.equal(scanPage(html).headings[1]!.section, undefined, 'off unless asked for');
});

test('ids inside <template> cannot be scrolled to; kept-alive old ids are told apart; repeats are reported', () => {
  const scan = scanPage(
    '<template><h2 id="hidden">H</h2></template>\n<span id="old" data-legacy-anchor></span><h2 id="a">A</h2>\n<p id="a"></p>',
  );
  assert.deepEqual(scan.ids, ['a']);
  assert.deepEqual(scan.legacyIds, ['old']);
  assert.deepEqual(
    scan.headings.map((h) => h.id),
    ['a'],
  );
  assert.deepEqual(scan.duplicateIds, [{ id: 'a', line: 3, column: 1 }]);
});

test('the page marks: stub, refresh target, <base href>, content range and self-linked ids', () => {
  const scan = scanPage(
    '<html data-redirect-stub><head><base href="/docs/"><meta http-equiv="refresh" content="0; url=/x/"></head>\n<body><nav></nav><main>\n<h2 id="b%">B</h2><a class="heading-anchor" href="#b%25">#</a>\n</main></body></html>',
  );
  assert.equal(scan.isStub, true);
  assert.equal(scan.refresh, '/x/');
  assert.equal(scan.baseHref, '/docs/');
  assert.deepEqual(scan.contentRange, {
    start: { line: 2, column: 18 },
    end: { line: 4, column: 1 },
  });
  assert.deepEqual(scan.selfLinkedIds, ['b%']);
  assert.equal(scanPage('<html><main></main></html>').isStub, false);
});

test('edit points: after <meta charset>, the first element of each id, and the end of every empty link', () => {
  const html =
    '<html><head><meta charset="utf-8"><title>t</title></head><body><h2 id="x">X</h2><p>See <a href="/y/"></a> and <a href="/z/">z</a></p></body></html>';
  const points = scanPage(html, { editPoints: true }).editPoints!;
  assert.equal(html.slice(points.headInsertAt, points.headInsertAt + 7), '<title>');
  assert.equal(html.slice(points.idOffsets.get('x'), points.idOffsets.get('x')! + 3), '<h2');
  assert.deepEqual(
    points.emptyLinks.map((link) => [link.href, html.slice(link.insertAt, link.insertAt + 4)]),
    [['/y/', '</a>']],
  );
  assert.equal(scanPage(html).editPoints, undefined, 'only when asked for');
});
