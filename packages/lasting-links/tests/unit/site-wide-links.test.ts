import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldSiteWideLinks } from '../../src/lib/links/site-wide-links.ts';
import type { Problem } from '../../src/lib/problems/problem.ts';
import { parseBase, type SitePath } from '../../src/lib/site-path.ts';

const broken = (page: string, url = '/pr-1/gone/', line = 3): Problem => ({
  severity: 'error',
  code: 'missing-page',
  message: '/gone/ does not exist: no page, file or redirect at that path',
  url,
  target: '/gone/',
  page: page as SitePath,
  output: { file: `${page.slice(1)}index.html`, line, column: 9 },
});

const layout = [
  { file: 'src/components/Header.astro', text: '<a href="/elsewhere/">x</a>' },
  {
    file: 'src/config.ts',
    text: "export const notice = {\n  content: 'See [the guide](/gone/).',\n};\n",
  },
];

test('a link on many pages is one problem, at the line of the file that writes it', () => {
  let read = 0;
  const folded = foldSiteWideLinks(
    ['/a/', '/b/', '/c/'].map((page) => broken(page)),
    parseBase('/pr-1/'),
    () => {
      read += 1;
      return layout;
    },
  );
  assert.equal(folded.length, 1);
  assert.deepEqual(folded[0]!.at, { file: 'src/config.ts', line: 2, column: 29 });
  assert.match(folded[0]!.message, /\(a link on 3 pages\)$/);
  assert.equal(folded[0]!.page, '/a/');
  assert.equal(read, 1);
});

test('a link on one page without a page source (a page written in .astro) is placed at the file that writes it; one traced to a page source is left as it is', () => {
  const traced: Problem = { ...broken('/b/'), at: { file: 'content/docs/b.mdx', line: 4 } };
  const home = broken('/');
  const problems = [home, traced, { ...traced, page: '/c/' as SitePath }];
  const byPage = (list: Problem[]) => [...list].sort((a, b) => a.page!.localeCompare(b.page!));
  const kept = foldSiteWideLinks(problems, parseBase('/pr-1/'), () => layout);
  assert.deepEqual(
    byPage(kept),
    byPage([{ ...home, at: { file: 'src/config.ts', line: 2, column: 29 } }, ...problems.slice(1)]),
  );
  const unwritten = broken('/', '/pr-1/nowhere/');
  assert.deepEqual(
    foldSiteWideLinks([unwritten], parseBase('/pr-1/'), () => layout),
    [unwritten],
    'a link no project file writes keeps its place in the output',
  );
});

test('a repeated link no project file writes is still one problem, saying where it comes from', () => {
  const folded = foldSiteWideLinks(
    [broken('/a/', '/favicon.svg'), broken('/b/', '/favicon.svg')],
    parseBase('/'),
    () => layout,
  );
  assert.equal(folded.length, 1);
  assert.equal(folded[0]!.at, undefined);
  assert.match(folded[0]!.message, /a link on 2 pages, written by the layout or an integration/);
});
