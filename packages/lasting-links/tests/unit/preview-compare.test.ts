/**
 * The preview's comparison of a pull request's site with its base: pages changed, moved, added or
 * removed, sections moved between pages and renamed, and addresses followed through the map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveRows } from '../../src/lib/preview/anchor-moves.ts';
import { diffHtml } from '../../src/lib/preview/section-body-html.ts';
import { moves, changes, page } from './support/preview-sites.ts';

test('pages are compared as changed, moved, added, removed or unchanged', () => {
  assert.deepEqual(
    changes.changed.map((p) => p.path),
    ['/ops/', '/trouble/'],
  );
  assert.deepEqual(
    changes.moved.map((p) => [p.path, p.before?.path, p.textChanged]),
    [['/settings/', '/config/', false]],
  );
  assert.deepEqual(
    changes.added.map((p) => p.path),
    ['/new/'],
  );
  assert.deepEqual(
    changes.removed.map((p) => [p.path, p.title]),
    [['/gone/', 'Gone page']],
  );
  assert.equal(changes.unchanged, 1);
  // A renamed page whose text is the same has no section to show.
  assert.deepEqual(page('/settings/').sections, []);
});

test('a section moved to another page is moved, once: compared with its old self, left behind as moved away', () => {
  const trouble = page('/trouble/');
  assert.deepEqual(
    trouble.sections.map((s) => [s.kind, s.id]),
    [
      ['changed', 'ws-drop'],
      ['changed', 'lag'],
      ['added', 'logs'],
    ],
  );
  const lag = trouble.sections[1]!;
  assert.ok(lag.kind === 'changed');
  assert.deepEqual(lag.before, { path: '/ops/', id: 'lag', heading: 'Monitor replica lag' });
  assert.equal(lag.textChanged, false, 'moved as it was');
  const ops = page('/ops/');
  assert.deepEqual(
    ops.sections.map((s) => [s.kind, s.id]),
    [
      ['changed', 'jobs'],
      ['moved-away', 'lag'],
    ],
  );
  const away = ops.sections[1]!;
  assert.ok(away.kind === 'moved-away');
  assert.deepEqual(away.movedTo, { path: '/trouble/', id: 'lag', heading: 'Monitor replica lag' });
  // Between the job server's last block and the vacuuming heading, where it was.
  const jobs = ops.sections[0]!;
  assert.ok(jobs.kind === 'changed');
  const lastOfJobs = Math.max(...jobs.blocks.map((b) => (b.op === 'removed' ? b.after : b.at)));
  assert.equal(away.after, lastOfJobs);
});

test('a renamed heading is compared with its old self; a changed code line is one changed block', () => {
  const ws = page('/trouble/').sections[0]!;
  assert.ok(ws.kind === 'changed');
  assert.deepEqual(ws.before, { path: '/trouble/', id: 'ws', heading: 'WebSocket disconnects' });
  assert.equal(
    diffHtml(ws.headingParts!),
    'WebSocket <del>disconnects</del><ins>connections drop</ins>',
  );
  const jobs = page('/ops/').sections[0]!;
  assert.ok(jobs.kind === 'changed');
  assert.deepEqual(
    jobs.blocks.map((b) => b.op),
    ['same', 'changed', 'same'],
  );
  const code = jobs.blocks[1]!;
  assert.ok(code.op === 'changed' && code.block.kind === 'code');
  assert.deepEqual(
    code.parts.map((part) => part.kind),
    ['same', 'removed', 'added'],
  );
});

test('a removed page lists its sections as removed, with where its address leads', () => {
  const gone = page('/gone/');
  assert.deepEqual(
    gone.sections.map((s) => [s.kind, s.id, s.kind === 'removed' ? s.movedTo : undefined]),
    [
      ['removed', '_top', { kind: 'site', path: '/same/', fragment: null }],
      ['removed', 'only', undefined],
    ],
  );
});

test('moved addresses are followed through the map; a moved page is one row holding its anchors', () => {
  const shown = moves.map((m) => [
    m.from.path + (m.from.fragment === null ? '' : `#${m.from.fragment}`),
    m.to?.kind === 'site' ? m.to.path + (m.to.fragment ? `#${m.to.fragment}` : '') : null,
    m.entries.map((e) => e.line),
  ]);
  assert.deepEqual(shown, [
    ['/config/', '/settings/', [5]],
    ['/config/#cluster', '/settings/#cluster', [5]],
    ['/config/#log', '/settings/#log', [5]],
    ['/gone/', '/same/', [7]],
    ['/gone/#only', null, [7]],
    ['/ops/#lag', '/trouble/#lag', [1]],
    ['/trouble/#ws', '/trouble/#ws-drop', [3]],
  ]);
  assert.deepEqual(
    moveRows(moves).map((row) => [
      row.move.from.path + (row.move.from.fragment ?? ''),
      row.anchors.map((a) => a.from.fragment),
    ]),
    [
      ['/config/', ['cluster', 'log']],
      ['/gone/', ['only']],
      ['/ops/lag', []],
      ['/trouble/ws', []],
    ],
  );
});
