import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeToHtml } from 'shiki';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import {
  codeFenceCheck,
  codeFrames,
  codeMetaProblem,
  parseCodeMeta,
} from '../../src/lib/code-frame.ts';

/** A block as the site renders it: both themes as variables, this transformer. */
const render = (code: string, lang: string, meta: string) =>
  codeToHtml(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
    meta: { __raw: meta },
    transformers: [codeFrames()],
  });

test('a fence meta is read left to right: a title with slashes and braces stays a title', () => {
  assert.deepEqual(
    parseCodeMeta('title="/etc/nginx/{a}.conf" {1,3-4} ins={5} del={2} "proxy_pass" /upstream/'),
    {
      title: '/etc/nginx/{a}.conf',
      frame: undefined,
      marked: [
        { from: 1, to: 1 },
        { from: 3, to: 4 },
      ],
      inserted: [{ from: 5, to: 5 }],
      deleted: [{ from: 2, to: 2 }],
      words: ['proxy_pass', 'upstream'],
    },
  );
  assert.equal(parseCodeMeta("title='It\\'s' frame=\"code\"").title, "It's");
  assert.equal(parseCodeMeta('frame="code"').frame, 'code');
  assert.equal(parseCodeMeta('frame="sideways"').frame, undefined);
  assert.deepEqual(parseCodeMeta('{4-2}').marked, [], 'a backwards range marks nothing');
});

test('shell blocks get a terminal frame, others a code frame; the header holds title and copy button', async () => {
  const terminal = await render(
    'sudo systemctl restart mattermost',
    'bash',
    'title="On every node"',
  );
  assert.match(terminal, /^<figure class="code-frame" data-frame="terminal">/);
  assert.match(terminal, /<figcaption class="code-frame-title">On every node<\/figcaption>/);
  assert.match(terminal, /<button type="button" class="copy-button" data-copy[^>]*>Copy<\/button>/);
  assert.match(terminal, /<\/div><pre class="shiki/, 'the code follows the header, outside it');
  const code = await render('{}', 'json', '');
  assert.match(code, /data-frame="code"/);
  assert.match(code, /<span class="code-frame-language" aria-hidden="true">json<\/span>/);
  assert.match(await render('ls', 'bash', 'frame="code"'), /data-frame="code"/);
});

test('marked, inserted and deleted lines and marked words reach the HTML', async () => {
  const html = await render('a\nb\nc\nd', 'yaml', '{1} ins={2} del={3} "d"');
  const lines = [...html.matchAll(/<span class="(line[^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(lines, ['line highlighted', 'line diff add', 'line diff remove', 'line']);
  assert.match(html, /<span class="highlighted-word"><span [^>]*>d<\/span><\/span>/);
  const diff = await render('-old\n+new\n context', 'diff', '');
  assert.deepEqual(
    [...diff.matchAll(/<span class="(line[^"]*)"/g)].map((m) => m[1]),
    ['line diff remove', 'line diff add', 'line'],
  );
});

test('line ranges beyond the block are an error at the fence, found fast however large they are', async () => {
  assert.equal(codeMetaProblem('{1-3} ins={2}', 3), undefined);
  assert.equal(
    codeMetaProblem('title="x" {2} del={1-10000000}', 4),
    'del={1-10000000} names line 10000000, but the block has 4 lines: mark lines 1 to 4 at most',
  );
  assert.equal(
    codeMetaProblem('{0}', 2),
    '{0} names line 0, but lines are counted from 1: mark lines 1 to 2 at most',
  );
  const started = performance.now();
  assert.match(codeMetaProblem('{1-1000000000}', 1)!, /names line 1000000000/);
  // Rendering a block whose meta asks for a billion lines neither hangs nor runs out of memory.
  const html = await render('a\nb', 'yaml', '{1-1000000000}');
  assert.deepEqual(
    [...html.matchAll(/<span class="(line[^"]*)"/g)].map((m) => m[1]),
    ['line highlighted', 'line highlighted'],
  );
  assert.ok(performance.now() - started < 2000, 'in well under a second or two');

  const page = 'Intro.\n\n```yaml {2-9}\na: 1\nb: 2\n```\n';
  const fileURL = pathToFileURL('/site/content/docs/code-blocks.mdx');
  await assert.rejects(
    async () => mdxToJs(page, { fileURL, mdastPlugins: [codeFenceCheck()] }),
    (error: Error) => {
      assert.equal(
        error.message,
        "/site/content/docs/code-blocks.mdx:3:1: the code fence's {2-9} names line 9, but the block has 2 lines: mark lines 1 to 2 at most",
      );
      return true;
    },
  );
  await mdxToJs('```yaml {1-2}\na: 1\nb: 2\n```\n', { fileURL, mdastPlugins: [codeFenceCheck()] });
});
