import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateIdProblems, findWrittenId } from '../../src/lib/links/duplicate-ids.ts';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import type { SitePath } from '../../src/lib/site-path.ts';

test('every repeat of an id is one error at the repeat, and a unique id is none', () => {
  const scan = scanPage(
    '<main>\n<h2 id="a">A</h2>\n<p id="b">b</p>\n<div id="a">again</div>\n<a name="a"></a></main>',
  );
  const problems = duplicateIdProblems([
    { path: '/p/' as SitePath, file: 'p/index.html', duplicateIds: scan.duplicateIds },
  ]);
  assert.deepEqual(
    problems.map((problem) => [problem.code, problem.target, problem.output?.line]),
    [
      ['duplicate-id', '/p/#a', 4],
      ['duplicate-id', '/p/#a', 5],
    ],
  );
  assert.ok(problems.every((problem) => problem.severity === 'error'));
});

test('an id is found where it is written: attribute, JSX string and heading {#id}', () => {
  const text =
    'a\n## Title {#setup}\n<div id="setup"></div>\n<Box id={"setup"} />\n<p id="setup-2">';
  assert.deepEqual(findWrittenId(text, 'setup'), [
    { line: 2, column: 10 },
    { line: 3, column: 6 },
    { line: 4, column: 6 },
  ]);
  assert.deepEqual(findWrittenId('## Setup', 'setup'), []);
});
