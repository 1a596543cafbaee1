/**
 * A changed page's own marks: its changes in hunks, labelled, and named in its head.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Base, type SitePath } from '../../src/lib/site-path.ts';
import { compareSites } from '../../src/lib/preview/compare-sites.ts';
import {
  hunksOf,
  pageChanges,
  pageChangesFile,
  withChangesMeta,
} from '../../src/lib/preview/page-changes.ts';
import { textHash } from '../../src/lib/preview/block-rules.ts';
import type { PageMark } from '../../src/lib/preview/page-marks.ts';
import { LONG, base, pr, moves, page } from './support/preview-sites.ts';

const context = {
  base: '/pr-12/' as Base,
  productionSite: 'https://docs.example.com',
  comparedWith: 'origin/main at 1234567',
  reportUrl: '/pr-12/_changes/#page-2',
};
const TITLES = new Map<string, string>([
  ['/ops/', 'Operations'],
  ['/trouble/', 'Troubleshooting'],
]);
const titleOf = (path: SitePath) => TITLES.get(path) ?? path;

test('a changed page gets its marks in hunks: changed, added and removed blocks, moved sections labelled', () => {
  const data = pageChanges(page('/trouble/'), context, titleOf)!;
  assert.equal(data.base, 'origin/main at 1234567');
  assert.equal(data.published, 'https://docs.example.com/trouble/');
  assert.equal(data.movedFrom, null);
  const blocks = pr.content.get('/trouble/' as SitePath)!;
  const at = (text: string) => blocks.findIndex((block) => block.text === text);
  assert.deepEqual(data.hunks, [
    [
      // A renamed heading is labelled with its old anchor, and its words marked.
      {
        mark: 'moved',
        at: at('WebSocket connections drop'),
        hash: textHash('WebSocket connections drop'),
        from: '/trouble/#ws',
        fromTitle: '“WebSocket disconnects” (#ws)',
        samePage: true,
        published: 'https://docs.example.com/trouble/#ws',
        textChanged: true,
      },
      {
        mark: 'changed',
        at: at('WebSocket connections drop'),
        hash: textHash('WebSocket connections drop'),
        parts: [
          [0, 10],
          [-1, 'disconnects'],
          [1, 16],
        ],
      },
      {
        mark: 'changed',
        at: at('Most problems have one of three causes.'),
        hash: textHash('Most problems have one of three causes.'),
        parts: [
          [0, 14],
          [-1, 'come from'],
          [1, 4],
          [0, 21],
        ],
      },
      // The next block: no unchanged block between, so the same hunk.
      {
        mark: 'moved',
        at: at('Monitor replica lag'),
        hash: textHash('Monitor replica lag'),
        from: '/ops/#lag',
        fromTitle: 'Operations › Monitor replica lag',
        samePage: false,
        published: 'https://docs.example.com/ops/#lag',
        textChanged: false,
      },
    ],
    [at('Collect logs'), ...LONG.map(at)].map((n) => ({
      mark: 'added',
      at: n,
      hash: textHash(blocks[n]!.text),
    })),
  ]);
  // The renamed heading's parts cover its text as the page shows it.
  assert.equal(10 + 16, 'WebSocket connections drop'.length);

  const ops = pageChanges(page('/ops/'), context, titleOf)!;
  assert.deepEqual(
    ops.hunks.map((hunk) => hunk.map((mark) => mark.mark)),
    [['changed'], ['moved-away']],
  );
  assert.deepEqual(ops.hunks[1]![0], {
    mark: 'moved-away',
    after: pr.content.get('/ops/' as SitePath)!.findIndex((block) => block.text === 'Keep it on.'),
    heading: 'Monitor replica lag',
    to: '/pr-12/trouble/#lag',
    toTitle: 'Troubleshooting',
  });
  // A moved page with the same text has no marks, but says where it was.
  const settings = pageChanges(page('/settings/'), context, titleOf)!;
  assert.deepEqual(
    [settings.movedFrom, settings.published, settings.hunks],
    ['/config/', 'https://docs.example.com/config/', []],
  );
});

test('marks with no unchanged block between them are one hunk', () => {
  const mark = (at: number): PageMark => ({ mark: 'added', at, hash: '0' });
  const removed = (after: number): PageMark => ({ mark: 'removed', after, tag: 'p', text: 'x' });
  const shape = (marks: PageMark[]) =>
    hunksOf(marks).map((hunk) =>
      hunk.map((m) => (m.mark === 'removed' ? `r${m.after}` : `${(m as { at: number }).at}`)),
    );
  assert.deepEqual(shape([mark(5), mark(6), removed(6), mark(7), mark(9)]), [
    ['5', '6', 'r6', '7'],
    ['9'],
  ]);
  assert.deepEqual(shape([removed(-1), mark(0), mark(2)]), [['r-1', '0'], ['2']]);
  assert.deepEqual(shape([removed(3), removed(3), mark(5)]), [['r3', 'r3'], ['5']]);
});

test('a changed page names its changes in its head, by a name made from their content', () => {
  const json = JSON.stringify(pageChanges(page('/trouble/'), context, titleOf));
  const file = pageChangesFile(json);
  assert.match(file, /^_changes\/pages\/[0-9a-f]{16}\.json$/);
  assert.equal(pageChangesFile(json), file, 'the same changes, the same name');
  assert.notEqual(pageChangesFile(`${json} `), file);
  assert.equal(
    withChangesMeta(
      '<html><head><title>T</title></head><body></body></html>',
      file,
      '/pr-12/' as Base,
    ),
    `<html><head><title>T</title><meta name="preview-changes" content="/pr-12/${file}"></head><body></body></html>`,
  );
  assert.throws(() => withChangesMeta('<p>no head</p>', file, '/pr-12/' as Base), /no <\/head>/);
  // A page whose text did not change gets nothing, so it stays the same from push to push.
  const same = compareSites(base.content, pr.content, moves);
  assert.equal(
    [...same.changed, ...same.moved, ...same.added].some((p) => p.path === '/same/'),
    false,
  );
});
