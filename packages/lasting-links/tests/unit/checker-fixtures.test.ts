/**
 * The checker against pages written to catch it disagreeing with a browser: text fragments,
 * ids holding a literal `%XX`, a `<base href>`, ids inside `<template>`, client-side routes,
 * malformed addresses, `.htm` pages, host placeholders in `_redirects`, and nesting deep
 * enough to make a quadratic parser stall. Every link of the fixture pages says what a browser
 * does with it (`data-expect`); `tests/e2e/checker-parity.spec.ts` checks the same in Chromium.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuiltSite } from '../../src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../src/lib/site/built-site.ts';
import { checkSite } from '../../src/lib/links/check-site.ts';
import { emptyPlan } from '../../src/lib/redirects/follow.ts';
import { parseBase } from '../../src/lib/site-path.ts';
import { redirectsFileTargets } from '../../src/lib/links/non-page-links.ts';
import { expectations, FIXTURE_SITE } from '../../../../tests/fixtures/checker/expectations.ts';

async function check(dir: string) {
  const site = await readBuiltSite(dir);
  return checkSite(site, {
    base: parseBase('/'),
    siteOrigin: 'https://docs.example.com',
    index: anchorIndexOf(site),
    plan: emptyPlan(),
    mapFile: 'none',
    projectRoot: dir,
    sourceFiles: new Map(),
  });
}

test('every fixture link gets the verdict a browser gives it', async () => {
  const result = await check(FIXTURE_SITE);
  const errors = new Set(
    result.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.page} ${problem.url}`),
  );
  const links = expectations();
  assert.ok(links.length >= 15, 'the fixtures hold their links');
  const wrong = links.filter(
    (link) => errors.has(`${link.page} ${link.href}`) !== (link.expect === 'broken'),
  );
  assert.deepEqual(wrong, []);
  assert.ok(
    result.pages >= 10 && [...errors].some((error) => error.startsWith('/legacy.htm ')),
    '.htm pages are scanned',
  );
});

test('_redirects targets with host placeholders are not addresses to check', () => {
  assert.deepEqual(
    redirectsFileTargets(
      '/blog/* /news/:splat 301\n/old/:slug /new/:slug 301\n/x.html /y/ 301\n/z https://example.org/:splat 301\n',
    ).map((link) => link.url),
    ['/y/'],
  );
});

test(
  'a page of 300,000 nested elements is checked in time linear in its size',
  { timeout: 30_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deep-'));
    try {
      const depth = 300_000;
      writeFileSync(
        join(dir, 'index.html'),
        `<html><body>${'<div>'.repeat(depth)}<a href="#nowhere">x</a>${'</div>'.repeat(depth)}</body></html>`,
      );
      const result = await check(dir);
      assert.deepEqual(
        result.problems.map((problem) => problem.code),
        ['missing-anchor'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
