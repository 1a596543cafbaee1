import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillEmptyLinks } from '../../src/lib/cross-references.ts';

const titles: Record<string, string> = { '/a/#x': 'Configure <the> database', '/b/': 'Upgrade' };

test('empty links get their target title, escaped; links with text are untouched', () => {
  const html = '<p>See <a href="/a/#x"></a> and <a href="/b/">the upgrade page</a>, or <a href="/b/"> </a>.</p>';
  const { html: out, unresolved } = fillEmptyLinks(html, (href) => titles[href]);
  assert.equal(out, '<p>See <a href="/a/#x">Configure &lt;the&gt; database</a> and <a href="/b/">the upgrade page</a>, or <a href="/b/"> Upgrade</a>.</p>');
  assert.deepEqual(unresolved, []);
});

test('a link holding only an element is not empty', () => {
  const html = '<a href="/b/"><img src="x.svg" alt="x"></a>';
  assert.equal(fillEmptyLinks(html, () => 'T').html, html);
});

test('an empty link to an unknown target is reported with its line', () => {
  const { unresolved } = fillEmptyLinks('<p>\n<a href="/gone/#y"></a></p>', () => undefined);
  assert.deepEqual(unresolved, [{ href: '/gone/#y', line: 2 }]);
});
