import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeBase, withBase, withoutBase, isRootRelative } from '../../src/lib/base-path.ts';

test('normalizeBase accepts every spelling of a sub-path and defaults to /', () => {
  assert.equal(normalizeBase(undefined), '/');
  assert.equal(normalizeBase(''), '/');
  assert.equal(normalizeBase('/'), '/');
  assert.equal(normalizeBase('pr-123'), '/pr-123/');
  assert.equal(normalizeBase('/pr-123'), '/pr-123/');
  assert.equal(normalizeBase('//pr-123//'), '/pr-123/');
  assert.equal(normalizeBase('/a/b/'), '/a/b/');
});

test('normalizeBase rejects something that is not a path, saying how to fix it', () => {
  assert.throws(() => normalizeBase('/pr#1/'), /SITE_BASE "\/pr#1\/" is not a path.*example: \/pr-123\//);
});

test('withBase prefixes only root-relative links, once', () => {
  assert.equal(withBase('/a/b/#c', '/pr-1/'), '/pr-1/a/b/#c');
  assert.equal(withBase('/', '/pr-1/'), '/pr-1/');
  assert.equal(withBase('/pr-1/a/', '/pr-1/'), '/pr-1/a/');
  assert.equal(withBase('/a/', '/'), '/a/');
  for (const untouched of ['https://x.org/a', '//x.org/a', '#frag', 'mailto:a@b.c', 'rel/path/']) {
    assert.equal(withBase(untouched, '/pr-1/'), untouched);
  }
});

test('withoutBase strips the base and refuses paths outside it', () => {
  assert.equal(withoutBase('/pr-1/a/', '/pr-1/'), '/a/');
  assert.equal(withoutBase('/pr-1', '/pr-1/'), '/');
  assert.equal(withoutBase('/other/a/', '/pr-1/'), undefined);
  assert.equal(withoutBase('/a/', '/'), '/a/');
  assert.equal(isRootRelative('//evil.org'), false);
});
