import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sitePath } from '../../src/lib/site-path.ts';
import {
  buildSidebar,
  readingOrder,
  breadcrumbTrail,
  neighbours,
  pagePath,
} from '../../src/lib/sidebar.ts';

const pages = [
  { id: 'guide/ha/upgrade', label: 'Upgrade', order: 3 },
  { id: 'guide/ha', label: 'High availability', order: 1 },
  { id: 'guide/ha/deploy', label: 'Deployment', order: 2 },
  { id: 'guide/ha/faq', label: 'FAQ', order: undefined },
  { id: 'guide/ha/about', label: 'About', order: undefined },
  { id: 'index', label: 'Home', order: undefined },
];

test('directories become groups, index pages their links, order then label sorts siblings', () => {
  const tree = buildSidebar(pages);
  assert.equal(tree.length, 1);
  const guide = tree[0]!;
  assert.equal(guide.groupLabel, 'Guide');
  assert.equal(guide.path, undefined);
  const ha = guide.children[0]!;
  assert.equal(ha.path, '/guide/ha/');
  assert.equal(ha.label, 'High availability');
  assert.equal(ha.groupLabel, 'Ha');
  assert.deepEqual(
    ha.children.map((n) => n.label),
    ['Deployment', 'Upgrade', 'About', 'FAQ'],
  );
});

test('reading order, breadcrumbs and neighbours follow the sidebar', () => {
  const tree = buildSidebar(pages);
  assert.deepEqual(
    readingOrder(tree).map((p) => p.path),
    ['/guide/ha/', '/guide/ha/deploy/', '/guide/ha/upgrade/', '/guide/ha/about/', '/guide/ha/faq/'],
  );
  assert.deepEqual(
    breadcrumbTrail(tree, sitePath('/guide/ha/upgrade/')).map((n) => n.label),
    ['Guide', 'High availability', 'Upgrade'],
  );
  assert.deepEqual(breadcrumbTrail(tree, sitePath('/nope/')), []);
  const around = neighbours(tree, sitePath('/guide/ha/deploy/'));
  assert.equal(around.previous?.path, '/guide/ha/');
  assert.equal(around.next?.path, '/guide/ha/upgrade/');
  assert.equal(neighbours(tree, sitePath('/guide/ha/')).previous, undefined);
  assert.equal(neighbours(tree, sitePath('/guide/ha/faq/')).next, undefined);
});

test('pagePath maps collection ids to directory-style site paths', () => {
  assert.equal(pagePath('a/b'), '/a/b/');
  assert.equal(pagePath('index'), '/');
});
