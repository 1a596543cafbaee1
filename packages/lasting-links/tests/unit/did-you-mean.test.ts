import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestPage, editDistance } from '../../src/lib/did-you-mean.ts';

const pages = [
  { path: '/administration-guide/scale/high-availability/deployment/', title: 'Deploy' },
  { path: '/administration-guide/scale/high-availability/upgrade/', title: 'Upgrade' },
  { path: '/administration-guide/scale/high-availability/', title: 'Overview' },
];

test('a typo in the slug suggests the page', () => {
  assert.equal(
    closestPage('/administration-guide/scale/high-availability/deploymnet/', pages)?.title,
    'Deploy',
  );
  assert.equal(
    closestPage('/administration-guide/scale/high-availability/upgrade.html', pages)?.title,
    'Upgrade',
  );
});

test('short slugs with swapped letters are still recognised', () => {
  assert.equal(
    closestPage('/guide/scael/', [{ path: '/guide/scale/', title: 'Scale' }])?.title,
    'Scale',
  );
});

test('a page moved under other parents is still found by its slug', () => {
  assert.equal(closestPage('/scale/upgrade/', pages)?.title, 'Upgrade');
});

test('a slug cut short, or one word of it, suggests the page', () => {
  const more = [
    ...pages,
    {
      path: '/administration-guide/scale/high-availability/configuration-reference/',
      title: 'Reference',
    },
    { path: '/administration-guide/scale/high-availability/prerequisites/', title: 'Before' },
  ];
  const at = (slug: string) =>
    closestPage(`/administration-guide/scale/high-availability/${slug}/`, more)?.title;
  assert.equal(at('config'), 'Reference');
  assert.equal(at('reference'), 'Reference');
  assert.equal(at('prereq'), 'Before');
  // Too short to mean one page.
  assert.equal(closestPage('/elsewhere/co/', more), undefined);
});

test('a path below a real page suggests that page', () => {
  assert.equal(
    closestPage(
      '/administration-guide/scale/high-availability/deployment/configure-the-database/',
      pages,
    )?.title,
    'Deploy',
  );
  assert.equal(
    closestPage('/administration-guide/scale/high-availability/nothing-like-it/', pages)?.title,
    'Overview',
  );
});

test('nothing close enough gives no suggestion', () => {
  assert.equal(closestPage('/completely/unrelated/', pages), undefined);
  assert.equal(closestPage('/', pages), undefined);
});

test('editDistance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
  assert.equal(editDistance('scale', 'scael'), 1, 'a transposition is one edit');
});
