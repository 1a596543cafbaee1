import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fallbackIdWarnings,
  isUnusableHeadingId,
  usableHeadingId,
} from '../../src/lib/sources/heading-id.ts';
import { parsePageSource } from '../../src/lib/sources/page-source.ts';
import type { SitePath } from '../../src/lib/site-path.ts';

test('a heading of emoji alone gets its code points as id; a worded heading keeps its slug', () => {
  assert.equal(usableHeadingId('', '🚀'), 'section-1f680');
  assert.equal(usableHeadingId('-1', '🚀'), 'section-1f680-1');
  assert.equal(usableHeadingId('-', '🚀 ✨'), 'section-1f680-2728');
  assert.equal(usableHeadingId('', '❤️'), 'section-2764');
  assert.equal(usableHeadingId('launch', 'Launch 🚀'), 'launch');
  assert.equal(usableHeadingId('2-nodes', '2 nodes'), '2-nodes');
  assert.ok(isUnusableHeadingId(''));
  assert.ok(!isUnusableHeadingId('a-1'));
});

test('the source reader gives emoji headings the ids the build gives them, repeats distinct', () => {
  const page = parsePageSource(
    'content/docs/p.mdx',
    '/p/' as SitePath,
    '---\ntitle: P\n---\n## 🚀\n\nGo.\n\n## 🚀\n\n## Words\n',
  );
  assert.deepEqual(
    page.sections.map((section) => section.id),
    ['section-1f680', 'section-1f680-1', 'words'],
  );
});

test('each code-point id is a warning at its heading line; worded and written ids are not', () => {
  const warnings = fallbackIdWarnings(
    [
      { id: 'section-1f680', text: '🚀' },
      { id: 'section-1f680-1', text: '🚀' },
      { id: 'words', text: 'Words' },
      { id: 'section-2', text: 'Section 2' },
    ],
    { file: 'content/docs/p.mdx', text: '---\ntitle: P\n---\n## 🚀\n\nGo.\n\n## Words\n' },
  );
  assert.deepEqual(
    warnings.map((warning) => [warning.code, warning.severity, warning.at?.line, warning.target]),
    [
      ['heading-id', 'warning', 4, '#section-1f680'],
      ['heading-id', 'warning', 4, '#section-1f680-1'],
    ],
  );
});
