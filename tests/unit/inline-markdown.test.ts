import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineMarkdown } from '../../src/lib/inline-markdown.ts';
import { themeSettings } from '../../src/config.ts';
import { docsTheme } from '../../src/integration/index.ts';
import { themeSettingsProblems } from '../../src/integration/theme-settings.ts';

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

test('a link target with a backslash is never written as a site link', () => {
  assert.equal(inlineMarkdown('[x](/\\evil.example/)', under('/')), 'x');
  assert.equal(inlineMarkdown('[x](/a\\b/)', under('/pr-1/')), 'x');
});

test("the announcement's links are checked when the site is configured", () => {
  assert.deepEqual(themeSettingsProblems({ ...themeSettings, announcement: undefined }), []);
  assert.deepEqual(themeSettingsProblems(themeSettings), []);
  const problems = themeSettingsProblems({
    ...themeSettings,
    announcement: { id: 'x', content: 'Moved: [new home](/\\evil.example/) and [ok](/a/)' },
  });
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /^announcement\.content: the link "\/\\evil\.example\/" has a backslash, which browsers read as "\/"/,
  );
  assert.throws(
    () =>
      docsTheme({
        ...themeSettings,
        announcement: { id: 'x', content: '[a](/\\evil.example/)' },
        ciRepository: undefined,
      }),
    /announcement\.content: the link/,
  );
});
