import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseBase,
  sitePath,
  withBase,
  withoutBase,
  isRootRelative,
} from '../../src/lib/site-path.ts';

test('parseBase accepts every spelling of a sub-path and defaults to /', () => {
  assert.equal(parseBase(undefined), '/');
  assert.equal(parseBase(''), '/');
  assert.equal(parseBase('/'), '/');
  assert.equal(parseBase('pr-123'), '/pr-123/');
  assert.equal(parseBase('/pr-123'), '/pr-123/');
  assert.equal(parseBase('//pr-123//'), '/pr-123/');
  assert.equal(parseBase('/a/b/'), '/a/b/');
});

test('parseBase rejects something that is not a path, saying how to fix it', () => {
  for (const bad of ['/pr#1/', '/a b/', '/a/../b/', '/"x"/', '/a\\b/']) {
    assert.throws(() => parseBase(bad), /SITE_BASE ".*" is not a path.*example: \/pr-123\//, bad);
  }
});

test('withBase always prefixes the base, even when the path starts like it', () => {
  assert.equal(withBase(sitePath('/a/b/#c'), parseBase('/pr-1/')), '/pr-1/a/b/#c');
  assert.equal(withBase(sitePath('/'), parseBase('/pr-1/')), '/pr-1/');
  assert.equal(withBase(sitePath('/a/'), parseBase('/')), '/a/');
  // A base equal to a content folder: the page /administration-guide/ lives at /administration-guide/administration-guide/.
  assert.equal(
    withBase(sitePath('/administration-guide/scale/'), parseBase('/administration-guide/')),
    '/administration-guide/administration-guide/scale/',
  );
});

test('withoutBase strips the base and refuses paths outside it', () => {
  assert.equal(withoutBase('/pr-1/a/', parseBase('/pr-1/')), '/a/');
  assert.equal(withoutBase('/pr-1', parseBase('/pr-1/')), '/');
  assert.equal(withoutBase('/other/a/', parseBase('/pr-1/')), undefined);
  assert.equal(withoutBase('/a/', parseBase('/')), '/a/');
  assert.equal(withoutBase('a/', parseBase('/')), undefined);
});

test('only root-relative strings are site paths', () => {
  assert.equal(isRootRelative('//evil.org'), false);
  for (const bad of ['https://x.org/a', '//x.org/a', '#frag', 'mailto:a@b.c', 'rel/path/'])
    assert.throws(() => sitePath(bad), /not a site path/);
});
