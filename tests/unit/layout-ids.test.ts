import { test } from 'node:test';
import assert from 'node:assert/strict';
import Slugger from 'github-slugger';
import { LAYOUT_ID, layoutIds } from '../../src/components/layout-ids.ts';

test('no heading can take a layout id: slugs are lower case, layout ids start with _ and a capital', () => {
  const headings = [
    ...Object.values(layoutIds),
    ...Object.values(layoutIds).map((id) => id.replace(/^_/, '')),
    'Content',
    'Docs content',
    '_content',
    '__Content',
    'Sidebar',
    'Toc title',
    'Search dialog',
    'Search Input',
    '_Tab-0-0',
    'ÉCLAIR _Über',
  ];
  for (const heading of headings) {
    const slug = new Slugger().slug(heading);
    assert.doesNotMatch(slug, LAYOUT_ID, `"${heading}" slugs to ${slug}`);
  }
  for (const id of Object.values(layoutIds)) assert.match(id, LAYOUT_ID);
  // An underscore alone would not do: the slugger keeps it.
  assert.equal(new Slugger().slug('_content'), '_content');
});
