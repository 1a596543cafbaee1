import { test, expect } from '@playwright/test';
import { contentPagePaths, builtPages, projectBase } from './support/site.ts';
import { scanPage } from '../../packages/lasting-links/src/lib/html/scan-page.ts';

const pages = contentPagePaths();

/**
 * Behaviour of the page itself (scripts, layout, search) does not depend on which server sends
 * the files, so it runs on the static server at both bases; the nginx projects skip `@ui`.
 * Page loads and the 404 page depend on the server and run everywhere.
 */
const UI = { tag: '@ui' };

test('the build has the home page and the docs pages', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThan(3);
});

test('every page renders with its title and without script errors', async ({ page }) => {
  // One page object for all: what is proven is each page's own load, not a fresh browser's.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const path of pages) {
    const response = await page.goto(path.slice(1));
    expect.soft(response?.status(), `${path} status`).toBe(200);
    const h1 = (await page.locator('h1').first().innerText()).trim();
    expect.soft(h1.length, `${path} has an h1`).toBeGreaterThan(0);
    await expect
      .soft(page, `${path} title starts with its h1`)
      .toHaveTitle(new RegExp(`^${h1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  expect(errors).toEqual([]);
});

test('every sidebar link lands on its page, marked as current there', UI, async ({ page }) => {
  const start = pages.find((p) => p !== '/')!;
  await page.goto(start.slice(1));
  const hrefs = await page
    .locator('.sidebar a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(1);
  for (const href of hrefs) {
    await page.goto(start.slice(1));
    await page.locator(`.sidebar a[href="${href}"]`).first().click();
    await expect(page).toHaveURL(new URL(href, page.url()).href);
    await expect(page.locator(`.sidebar a[href="${href}"]`).first()).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
});

/**
 * Every contents link of every page is clicked by links.spec.ts; here, on the shortest page
 * whose contents list has at least six entries, each click also marks its entry as the section
 * being read.
 */
test(
  'table-of-contents links scroll their heading into view and mark it current',
  UI,
  async ({ page }) => {
    const docs = await builtPages(test.info());
    const tocLinks = (html: string) => html.split('class="toc-depth-').length - 1;
    const doc = docs
      .filter((d) => tocLinks(d.html) >= 6)
      .sort((a, b) => a.html.length - b.html.length)[0];
    expect(doc, 'a page with six contents entries or more').toBeDefined();
    await page.goto(doc!.path.slice(1));
    const links = page.locator('.toc a');
    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const id = decodeURIComponent((await links.nth(i).getAttribute('href'))!.slice(1));
      await links.nth(i).click();
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
      expect(new URL(page.url()).hash).toBe(`#${encodeURIComponent(id)}`);
      // The section clicked is the one being read, unless the page cannot scroll that far.
      const scrollable = await page.evaluate(
        () => scrollY + innerHeight < document.documentElement.scrollHeight - 1,
      );
      if (scrollable) await expect(links.nth(i)).toHaveAttribute('aria-current', 'true');
    }
    await expect(page.locator('.toc a[aria-current]')).toHaveCount(1);
  },
);

test('the theme toggle switches themes and the choice survives a reload', UI, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(pages.find((p) => p !== '/')!.slice(1));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // Follow the system, then light, then dark.
  await page.locator('[data-theme-toggle]').click();
  await page.locator('[data-theme-toggle]').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    background,
  );
});

test('the system dark setting is followed before any choice is made', UI, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test(
  'searching a heading’s words returns that heading as a sub-result linking to page/#heading',
  UI,
  async ({ page }) => {
    const docs = await builtPages(test.info());
    const target = docs
      .filter((doc) => doc.html.includes('data-pagefind-body'))
      .flatMap((doc) =>
        scanPage(doc.html)
          .headings.filter((h) => h.level === 2)
          .map((h) => ({ doc, heading: h })),
      )
      .find(({ heading }) => heading.text.split(/\s+/).length >= 2)!;
    expect(target, 'a page with a two-word h2 heading').toBeTruthy();
    await page.goto(target.doc.path.slice(1));
    await page.keyboard.press('/');
    await expect(page.locator('dialog[open] [data-search-input]')).toBeFocused();
    await page.locator('dialog[open] [data-search-input]').fill(target.heading.text);
    const expectedHref = `${projectBase(test.info())}${target.doc.path.slice(1)}#${target.heading.id}`;
    const sub = page.locator(`dialog[open] .search-sub-result a[href="${expectedHref}"]`);
    await expect(sub.first()).toBeVisible();
    await sub.first().click();
    await expect(page.locator(`[id="${target.heading.id}"]`)).toBeInViewport();
  },
);

test('Ctrl+K opens search too', UI, async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('Control+k');
  await expect(page.locator('dialog[open] [data-search-input]')).toBeFocused();
});

test('an unknown URL answers 404 with the 404 page, search, and a did-you-mean for a near miss', async ({
  page,
}) => {
  const real = pages.reduce((a, b) => (b.length > a.length ? b : a));
  const typo = real.replace(/([a-z])([a-z])\/$/, '$2$1/');
  const response = await page.goto(typo.slice(1));
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('.not-found [data-search-open]')).toBeVisible();
  const suggestion = page.locator('[data-did-you-mean-link]');
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(new URL(real.slice(1), test.info().project.use.baseURL).href);
});

test('with scripts off, tabs show every alternative under its label', UI, async ({ browser }) => {
  const docs = await builtPages(test.info());
  const withTabs = docs.find((doc) => doc.html.includes('data-tabs'));
  expect(withTabs, 'a page that uses <Tabs>').toBeTruthy();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await page.goto(withTabs!.path.slice(1));
  const group = page.locator('[data-tabs]').first();
  const panels = group.locator('.tab-panel');
  expect(await panels.count()).toBeGreaterThan(1);
  for (const panel of await panels.all()) {
    await expect(panel).toBeVisible();
    await expect(panel.locator('.tab-label')).toBeVisible();
  }
  await context.close();
});

test(
  'with scripts on, tabs become a tab list and the choice carries to other groups',
  UI,
  async ({ page }) => {
    const docs = await builtPages(test.info());
    const withTabs = docs.find((doc) => doc.html.includes('data-tabs'))!;
    await page.goto(withTabs.path.slice(1));
    const group = page.locator('[data-tabs]').first();
    const tabs = group.locator('[role=tab]');
    expect(await tabs.count()).toBeGreaterThan(1);
    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(group.locator('[role=tabpanel]:visible')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('[data-tabs]').first().locator('[role=tab]').nth(1)).toHaveAttribute(
      'aria-selected',
      'true',
    );
  },
);

test('every code block has a working copy button', UI, async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const docs = await builtPages(test.info());
  const withCode = docs.find((doc) => doc.html.includes('astro-code'))!;
  await page.goto(withCode.path.slice(1));
  const blocks = page.locator('.prose pre');
  await expect(page.locator('.copy-button')).toHaveCount(await blocks.count());
  await page.locator('.copy-button').first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await blocks.first().locator('code').innerText());
});

test('below 800 px the sidebar is a menu behind a button', UI, async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(pages.find((p) => p !== '/')!.slice(1));
  await expect(page.locator('.sidebar')).toBeHidden();
  await page.locator('[data-menu-button]').click();
  await expect(page.locator('.sidebar')).toBeVisible();
  await expect(page.locator('[data-menu-button]')).toHaveAttribute('aria-expanded', 'true');
});

test('the skip link moves focus to the content', UI, async ({ page }) => {
  await page.goto(pages.find((p) => p !== '/')!.slice(1));
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#_Content$/);
  await expect(page.locator('main')).toBeFocused();
});
