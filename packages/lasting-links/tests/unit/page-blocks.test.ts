import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageBlocks } from '../../src/lib/preview/page-blocks.ts';
import { blockText, textHash } from '../../src/lib/preview/block-rules.ts';
import { diffBlocks, textDiff } from '../../src/lib/preview/block-diff.ts';
import { planMarks } from '../../src/lib/preview/page-marks.ts';

const shown = (html: string) =>
  pageBlocks(html).map((block) => `${block.tag}${block.id ? `#${block.id}` : ''}: ${block.text}`);

test('a page is its blocks: headings, paragraphs, list items, cells and code, each with its own text', () => {
  const html =
    '<html><head><title>T</title><style>p{}</style></head><body><header><p>Site header</p></header>' +
    '<main><nav><p>Breadcrumbs</p></nav><article class="prose"><h1 id="_top">Guide</h1>' +
    '<div class="heading-wrapper"><h2 id="install">Install &amp; run</h2><a class="heading-anchor" href="#install"><span aria-hidden="true">#</span><span class="sr-only">Link to this section: Install</span></a></div>' +
    '<p>Run   the <code>installer</code>\n on <a href="/x/">every node</a>.</p>' +
    '<ul><li>First item<ul><li>Nested item</li></ul> and its tail</li><li><p>Item paragraph</p></li></ul>' +
    '<figure class="code-frame"><div class="code-frame-header"><span class="code-frame-language" aria-hidden="true">sh</span><button type="button">Copy</button></div>' +
    '<pre class="astro-code"><code><span class="line"><span>mmctl config get</span></span>\n<span class="line"><span>sudo grep X</span></span></code></pre></figure>' +
    '<table><tr><th>Key</th><td>Value<br>next</td></tr></table>' +
    '<div class="tabs"><script>var x = "<p>not text</p>";</script><svg><text>icon</text></svg></div>' +
    '<p></p>' +
    '</article><footer><p>Last updated</p></footer></main></body></html>';
  assert.deepEqual(shown(html), [
    'h1#_top: Guide',
    'h2#install: Install & run',
    'p: Run the installer on every node.',
    'li: First item and its tail',
    'li: Nested item',
    'p: Item paragraph',
    'pre: mmctl config get\nsudo grep X',
    'th: Key',
    'td: Value next',
  ]);
  const [, heading, , , , , code] = pageBlocks(html);
  assert.deepEqual([heading?.kind, heading?.level, code?.kind], ['heading', 2, 'code']);
});

test('end tags a page leaves out are closed as a browser closes them', () => {
  assert.deepEqual(
    shown(
      '<main><article><h1>T</h1><p>One<div>Block</div>tail<ul><li>a<li>b</ul><dl><dt>k<dd>v</dl><p>Two<p>Three</article></main>',
    ),
    // "tail" follows the paragraph the <div> closed: it is text of the article itself.
    [
      'article: tail',
      'h1: T',
      'p: One',
      'div: Block',
      'li: a',
      'li: b',
      'dt: k',
      'dd: v',
      'p: Two',
      'p: Three',
    ],
  );
});

test('the content is the article that holds the title, else the main, else the body', () => {
  // A landing page: cards are articles without the title, so the main is the content.
  assert.deepEqual(
    shown(
      '<body><main><h1>Home</h1><article class="card"><p>Card one</p></article><article><p>Card two</p></article></main><p>after</p></body>',
    ),
    ['h1: Home', 'p: Card one', 'p: Card two'],
  );
  assert.deepEqual(shown('<body><h1>Bare</h1><p>Text</p></body>'), ['h1: Bare', 'p: Text']);
  // Text right in the root is a block of its own.
  assert.deepEqual(shown('<main><article><h1>T</h1>Loose text<p>p</p></article></main>'), [
    'article: Loose text',
    'h1: T',
    'p: p',
  ]);
});

test('code keeps its lines and drops the line break a browser drops after <pre>', () => {
  assert.deepEqual(shown('<main><pre>\nline one\r\n  indented\n\n</pre></main>'), [
    'pre: line one\n  indented',
  ]);
});

test('block text maps each character back to the piece and offset it came from', () => {
  const prose = blockText(['  Run  the', '\n', 'installer '], 'text');
  assert.equal(prose.text, 'Run the installer');
  assert.deepEqual(
    [...prose.text].map((_, at) => [prose.piece[at], prose.offset[at]]),
    [
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [0, 7],
      [0, 8],
      [0, 9],
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
      [2, 3],
      [2, 4],
      [2, 5],
      [2, 6],
      [2, 7],
      [2, 8],
    ],
  );
  const code = blockText(['\na\n', 'b  \n'], 'code');
  assert.equal(code.text, 'a\nb');
  assert.deepEqual(code.offset, [1, 2, 0]);
  assert.equal(textHash('Run the installer'), textHash('Run the installer'));
  assert.notEqual(textHash('Run the installer'), textHash('Run the installers'));
  assert.match(textHash(''), /^[0-9a-f]{8}$/);
});

const block = (text: string, tag = 'p') =>
  ({ kind: tag === 'pre' ? 'code' : 'text', tag, text }) as const;

test('blocks are aligned; a reworded block is one changed block, an unrelated one is removed and added', () => {
  const before = [
    block('Intro.'),
    block('Run the installer on every node.'),
    block('Old tip.'),
    block('End.'),
  ];
  const after = [
    block('Intro.'),
    block('Run the new installer on each node.'),
    block('A completely different sentence here.'),
    block('End.'),
  ];
  const steps = diffBlocks(before, after);
  assert.deepEqual(
    steps.map((step) => step.op),
    ['same', 'changed', 'removed', 'added', 'same'],
  );
  const changed = steps[1];
  assert.ok(changed?.op === 'changed');
  assert.deepEqual(
    changed.parts.filter((part) => part.kind !== 'same').map((part) => `${part.kind}:${part.text}`),
    ['added:new ', 'removed:every', 'added:each'],
  );
  // Blocks of different kinds are never paired, however alike.
  assert.deepEqual(
    diffBlocks([block('echo hi', 'p')], [block('echo hi', 'pre')]).map((step) => step.op),
    ['removed', 'added'],
  );
});

test('code is diffed line by line: a changed line is a removed and an added line', () => {
  const before =
    'mmctl config get JobSettings.RunScheduler\nsudo grep MM_JOBSETTINGS_RUNSCHEDULER /opt/env';
  const after = 'mmctl config get JobSettings.RunScheduler\nsudo grep -H MM_JOBSETTINGS /opt/env';
  const [step] = diffBlocks([block(before, 'pre')], [block(after, 'pre')]);
  assert.ok(step?.op === 'changed');
  assert.deepEqual(
    step.parts.map((part) => [part.kind, part.text]),
    [
      ['same', 'mmctl config get JobSettings.RunScheduler\n'],
      ['removed', 'sudo grep MM_JOBSETTINGS_RUNSCHEDULER /opt/env\n'],
      ['added', 'sudo grep -H MM_JOBSETTINGS /opt/env\n'],
    ],
  );
  // A line added at the end is an added line, not a changed last line.
  assert.deepEqual(
    textDiff('a\nb', 'a\nb\nc', 'code').map((part) => [part.kind, part.text]),
    [
      ['same', 'a\nb\n'],
      ['added', 'c\n'],
    ],
  );
});

test('the marks of a block are planned over its text, and refused when the text is not the one compared', () => {
  assert.deepEqual(
    planMarks(
      [
        [0, 8],
        [1, 4],
        [-1, 'every'],
        [0, 5],
      ],
      17,
    ),
    {
      added: [{ start: 8, end: 12 }],
      removed: [{ at: 12, text: 'every' }],
    },
  );
  assert.equal(
    planMarks(
      [
        [0, 8],
        [1, 4],
      ],
      13,
    ),
    undefined,
  );
  assert.equal(planMarks([[0, -1]], -1), undefined);
  // Parts read from a file are checked, not trusted.
  assert.equal(
    planMarks(JSON.parse('[[1, "4"]]') as Parameters<typeof planMarks>[0], 4),
    undefined,
  );
});
