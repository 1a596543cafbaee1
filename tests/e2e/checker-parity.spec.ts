/**
 * The checker answers what a browser would: Chromium follows every link of the checker's
 * fixture pages (text fragments, literal `%XX` ids, `<base href>`, template ids, malformed
 * addresses, an `.htm` page) and its verdict must equal the checker's. The map's and the lock's
 * addresses are held to the same rule in `redirects.spec.ts`.
 */
import { test, expect, type Page } from '@playwright/test';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { checkSite } from '../../packages/lasting-links/src/lib/links/check-site.ts';
import { emptyPlan } from '../../packages/lasting-links/src/lib/redirects/follow.ts';
import { parseBase } from '../../packages/lasting-links/src/lib/site-path.ts';
import { expectations, FIXTURE_SITE } from '../fixtures/checker/expectations.ts';
import { serveFolder } from './support/serve-folder.ts';

/** Where Chromium ends up for the link: on its target (`ok`), or not (`broken`). */
async function browserVerdict(
  page: Page,
  origin: string,
  from: string,
  href: string,
): Promise<'ok' | 'broken'> {
  await page.goto(`${origin}${from}`);
  const resolved = await page
    .locator(`a[href="${href.replace(/["\\]/g, '\\$&')}"]`)
    .first()
    .evaluate((a) => (a as HTMLAnchorElement).href);
  // A text directive (`:~:text=…`) makes Chromium scroll to words, not to an element; the part
  // before it is what names an element, so that part is followed.
  const directive = resolved.indexOf(':~:');
  const url = directive < 0 ? resolved : resolved.slice(0, directive);
  let response;
  try {
    response = await page.goto(url);
  } catch {
    return 'broken';
  }
  // No response: a same-document move to another fragment, which loads nothing.
  if (response !== null && response.status() >= 400) return 'broken';
  // The browser strips a text directive (`:~:text=…`) itself; `:target` is the element it scrolled to.
  const hash = await page.evaluate(() => location.hash);
  if (hash === '' || hash === '#') return 'ok';
  return (await page.evaluate(() => document.querySelector(':target') !== null)) ? 'ok' : 'broken';
}

test('Chromium and the checker agree on every fixture link', async ({ page }) => {
  const server = await serveFolder(FIXTURE_SITE, 'checker-fixtures');
  try {
    const site = await readBuiltSite(FIXTURE_SITE);
    const result = await checkSite(site, {
      base: parseBase('/'),
      siteOrigin: 'https://docs.example.com',
      index: anchorIndexOf(site),
      plan: emptyPlan(),
      mapFile: 'none',
      projectRoot: FIXTURE_SITE,
      sourceFiles: new Map(),
    });
    const checkerBroken = new Set(
      result.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${problem.page} ${problem.url}`),
    );
    const links = expectations().filter((link) => link.expect !== 'ignored');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const browser = await browserVerdict(page, server.origin, link.page, link.href);
      const checker = checkerBroken.has(`${link.page} ${link.href}`) ? 'broken' : 'ok';
      expect
        .soft(`${link.page} ${link.href}: checker ${checker}`)
        .toBe(`${link.page} ${link.href}: checker ${browser}`);
    }
  } finally {
    server.stop();
  }
});
