import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineMarkdown } from '../../src/lib/inline-markdown.ts';

const under = (base: string) => (path: string) => base + path.slice(1);

test('links from the site root get the base; code, bold and emphasis render', () => {
  assert.equal(
    inlineMarkdown(
      'Read [the guide](/a/b/) on `config.json`, **now** and *carefully*.',
      under('/pr-1/'),
    ),
    'Read <a href="/pr-1/a/b/">the guide</a> on <code>config.json</code>, <strong>now</strong> and <em>carefully</em>.',
  );
  assert.equal(inlineMarkdown('[home](/)', under('/')), '<a href="/">home</a>');
  assert.equal(
    inlineMarkdown('[Site](https://example.com/?a=1&b=2)', under('/')),
    '<a href="https://example.com/?a=1&amp;b=2">Site</a>',
  );
});

test('nothing injects markup: tags are text, unsafe link targets leave only the text', () => {
  assert.equal(
    inlineMarkdown('<img src=x onerror=alert(1)> `<b>`', under('/')),
    '&lt;img src=x onerror=alert(1)&gt; <code>&lt;b&gt;</code>',
  );
  assert.equal(inlineMarkdown('[click](javascript:alert(1))', under('/')), 'click)');
  assert.equal(inlineMarkdown('[x](//evil.example/)', under('/')), 'x');
  assert.equal(inlineMarkdown('`[not](/a/) a link`', under('/')), '<code>[not](/a/) a link</code>');
});
