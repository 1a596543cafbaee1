/**
 * `_redirects` at a scale past Cloudflare Pages' limits (2,000 static and 100 dynamic rules,
 * 1,000 characters a line), read back the way the hosts document reading it: the file fits,
 * every rule it keeps sends its path exactly where the plan says, no rule shadows a page or a
 * file of the site, and every move left out still has its stub, with the build saying so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, site } from './support/redirect-fixtures.ts';
import { readRedirectsFile } from './support/redirects-host.ts';
import { netlifyRedirects, serverMoves } from '../../src/lib/redirects/netlify-redirects.ts';
import { REDIRECTS_FILE_HOSTS, strictest } from '../../src/lib/redirects/host-limits.ts';
import { fileOfSitePath } from '../../src/lib/site/output-paths.ts';
import { parseBase, withBase, type SitePath } from '../../src/lib/site-path.ts';

const LONG = `/gone-c/${'very-long-'.repeat(110)}name.html`;

/** A site where 2,000-odd moves cannot all be static rules. */
function bigSite() {
  const pages: Record<string, Array<[string, string]>> = { '/t/': [['x', 'X']] };
  const lines: string[] = [];
  const move = (from: string, to: string) => lines.push(`- from: ${from}`, `  to: ${to}`);
  // 250 folders that still hold a live page, with 10 moved pages each: no splat may go there.
  for (let folder = 0; folder < 250; folder += 1) {
    pages[`/mixed/${folder}/live/`] = [];
    for (let n = 0; n < 10; n += 1) move(`/mixed/${folder}/old-${n}.html`, '/t/');
  }
  // A folder gone entirely to one page, and one moved whole with its remainder kept.
  for (let n = 0; n < 60; n += 1) move(`/gone-a/page-${n}.html`, '/t/');
  for (let n = 0; n < 40; n += 1) {
    pages[`/new-b/p${n}/`] = [];
    move(`/gone-b/p${n}/`, `/new-b/p${n}/`);
  }
  // A folder holding a stub whose own table matters (its default names a section), so a
  // splat there would skip that table; and one path too long for a rule.
  move('/gone-c/kept.html', '/t/#x');
  move('/gone-c/kept.html#old', '/new-b/p0/');
  move('/gone-c/other.html', '/t/');
  move(LONG, '/t/');
  const result = plan(lines.join('\n'), site(pages));
  assert.deepEqual(result.problems, []);
  const files = Object.keys(pages).map((page) => fileOfSitePath(page as SitePath));
  return { plan: result.plan, files, pages: Object.keys(pages) };
}

for (const baseText of ['/', '/pr-123/']) {
  test(`past the hosts' limits the file fits, answers exactly or leaves the move to its stub, under ${baseText}`, () => {
    const base = parseBase(baseText);
    const big = bigSite();
    const { text, notes } = netlifyRedirects(big.plan, base, 'redirects.yaml', {
      files: big.files,
    });
    const file = readRedirectsFile(text);
    const limits = strictest(REDIRECTS_FILE_HOSTS);
    assert.equal(limits.staticRules, 2000);
    assert.ok(file.staticRules <= limits.staticRules, `${file.staticRules} static rules`);
    assert.ok(file.dynamicRules <= limits.dynamicRules, `${file.dynamicRules} dynamic rules`);
    assert.ok(file.longestLine <= limits.lineLength, `a line of ${file.longestLine} characters`);
    assert.ok(file.staticFirst, 'static rules come before dynamic ones');

    let answered = 0;
    const leftToStubs: string[] = [];
    for (const move of serverMoves(big.plan, base)) {
      const got = file.answer(withBase(move.from, base));
      if (got === undefined) {
        leftToStubs.push(move.from);
        const page = move.primary
          ? move.from
          : (move.from.replace(/(index\.html)?$/, '').replace(/([^/])$/, '$1/') as SitePath);
        assert.ok(big.plan.stubs.has(page), `${move.from} has no rule and no stub`);
      } else {
        assert.equal(got, move.to, move.from);
        answered += 1;
      }
    }
    for (const page of big.pages)
      assert.equal(
        file.answer(withBase(page as SitePath, base)),
        undefined,
        `a rule shadows the live page ${page}`,
      );
    assert.equal(
      file.answer(withBase('/gone-c/kept.html' as SitePath, base)),
      undefined,
      'a rule skips the table of /gone-c/kept.html',
    );

    assert.equal(
      file.dynamicRules,
      2,
      'the two folders that moved whole are one dynamic rule each',
    );
    assert.ok(answered >= 2000, `${answered} moves answered by a rule`);
    assert.ok(leftToStubs.includes(LONG), 'the over-long path is left to its stub');
    const said = notes.join('\n');
    assert.match(said, /page-move rules exceed what Cloudflare Pages and Netlify take/);
    assert.match(
      said,
      /100 moves in 2 folders are written as dynamic rules \(\/gone-a\/\*, \/gone-b\/:page\/\)/,
    );
    assert.match(said, /moves do not fit and are answered by their stub pages/);
    assert.match(text, /^# \d+ moves do not fit and are answered by their stub pages/m);
  });
}

test('within the limits the file is every move, in full, with no note', () => {
  const { plan: small } = plan(
    '- from: /a/\n  to: /t/\n- from: /b.html\n  to: /t/#x\n',
    site({ '/t/': [['x', 'X']] }),
  );
  const { text, notes } = netlifyRedirects(small, parseBase('/'), 'redirects.yaml', {
    files: ['t/index.html'],
  });
  assert.deepEqual(notes, []);
  assert.equal(
    text,
    '# Generated from redirects.yaml for base /. Do not edit: change the map instead.\n/a/ /t/ 301\n/a /t/ 301\n/a/index.html /t/ 301\n/b.html /t/#x 301\n',
  );
});
