/**
 * Search as a reader uses it: a setting's key or environment variable opens that setting's own
 * block, a phrase finds the right page first, the count reads as English, every page result
 * says something, and no excerpt carries the page's chrome (a code block's language and "Copy"
 * button, a frame's title, a table's header row). Page behaviour, so static servers only (`@ui`).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { builtPages } from './support/site.ts';

const UI = { tag: '@ui' };
const reference = '/administration-guide/scale/high-availability/configuration-reference/';
const operations = '/administration-guide/scale/high-availability/operations/';
/** Search loads its index on first use, which takes a while on a busy machine. */
const searchTimeout = { timeout: 20_000 };

test.use({ viewport: { width: 1440, height: 900 } });

/** Opens search on a page and types `query`; returns the dialog once results or "No results" show. */
async function search(page: Page, query: string): Promise<Locator> {
  await page.locator('.site-header [data-search-open]').click();
  const dialog = page.locator('dialog[open]');
  await dialog.locator('[data-search-input]').fill(query);
  await expect(dialog.locator('[data-search-status]')).toHaveText(
    /pages? found|No results/,
    searchTimeout,
  );
  // Results are drawn after the count: wait until they stop changing.
  await expect(dialog.locator('.search-results > li').first()).toBeVisible(searchTimeout);
  return dialog;
}

/** Where a result link leads, as a site path with its fragment, the base removed. */
async function target(link: Locator, page: Page): Promise<string> {
  const url = new URL((await link.getAttribute('href'))!, page.url());
  const base = new URL(page.url()).pathname.replace(/administration-guide\/.*$/, '');
  return `/${url.pathname.slice(base.length)}${url.hash}`;
}

for (const name of ['ClusterSettings.Enable', 'MM_CLUSTERSETTINGS_ENABLE']) {
  test(`a search for ${name} opens that setting's own block first`, UI, async ({ page }) => {
    await page.goto(operations.slice(1));
    const dialog = await search(page, name);
    const first = dialog.locator('.search-results a').first();
    expect(await target(first, page)).toBe(`${reference}#clustersettings-enable`);
    await expect(first).toContainText('ClusterSettings.Enable');
    await first.click();
    await expect(page).toHaveURL(/configuration-reference\/#clustersettings-enable$/);
    await expect(page.locator('h3#clustersettings-enable')).toBeInViewport();
  });
}

test('a search for "replica lag" finds the page about it first', UI, async ({ page }) => {
  await page.goto(reference.slice(1));
  const dialog = await search(page, 'replica lag');
  const first = dialog.locator('.search-result > a').first();
  expect(await target(first, page)).toBe(operations);
  const section = dialog.locator('.search-sub-result a').first();
  expect(await target(section, page)).toBe(`${operations}#monitor-replica-lag`);
});

test('the count reads "1 page found" and "N pages found"', UI, async ({ page }) => {
  await page.goto(reference.slice(1));
  let dialog = await search(page, 'MM_CLUSTERSETTINGS_ENABLE');
  await expect(dialog.locator('[data-search-status]')).toHaveText('1 page found');
  await page.keyboard.press('Escape');
  dialog = await search(page, 'gossip');
  await expect(dialog.locator('[data-search-status]')).toHaveText(/^[2-9] pages found$/);
});

/** Queries readers of the guide type, from settings to tasks. */
const COMMON_QUERIES = [
  'cluster',
  'nginx',
  'replica',
  'upgrade',
  'gossip',
  'database',
  'mmctl config set',
  'failover',
  'proxy',
  'backup',
];

test(
  'ten common queries: each of the first five results has an excerpt, and none carries page chrome',
  UI,
  async ({ page }) => {
    test.setTimeout(120_000);
    // Every header row of every built table, as the words an excerpt would run together.
    const headerRows = new Set<string>();
    for (const built of await builtPages(test.info()))
      for (const row of built.html.matchAll(/<thead[^>]*>([\s\S]*?)<\/thead>/g))
        headerRows.add(
          row[1]!
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
    expect(headerRows.size, 'the site has tables to check').toBeGreaterThan(0);
    await page.goto(reference.slice(1));
    const problems: string[] = [];
    for (const query of COMMON_QUERIES) {
      const dialog = await search(page, query);
      const results = await dialog.locator('.search-result').evaluateAll((items) =>
        items.slice(0, 5).map((item) => {
          const own = item.querySelector('p')?.textContent ?? '';
          const sections: string[] = [];
          for (
            let next = item.nextElementSibling;
            next?.classList.contains('search-sub-result');
            next = next.nextElementSibling
          )
            sections.push(next.querySelector('p')?.textContent ?? '');
          return { title: item.querySelector('a')?.textContent ?? '', own, sections };
        }),
      );
      expect(results.length, `"${query}" finds pages`).toBeGreaterThan(0);
      for (const result of results) {
        const where = `"${query}" → ${result.title}`;
        if (result.own.trim() === '') problems.push(`${where}: no excerpt`);
        for (const excerpt of [result.own, ...result.sections]) {
          // A code frame's header ran into the excerpt as "bashCopy." before search left it out.
          if (/Copy\.|[a-z]Copy\b/.test(excerpt)) problems.push(`${where}: "Copy" in "${excerpt}"`);
          const words = excerpt.replace(/\s+/g, ' ');
          for (const header of headerRows)
            if (words.includes(header)) problems.push(`${where}: table header "${header}"`);
        }
      }
      await page.keyboard.press('Escape');
    }
    expect(problems).toEqual([]);
  },
);

test(
  'search leaves out every code frame header (language, title, "Copy") and every table header row',
  UI,
  async () => {
    const missing: string[] = [];
    let frames = 0;
    for (const built of await builtPages(test.info())) {
      if (!built.html.includes('data-pagefind-body')) continue;
      for (const header of built.html.matchAll(/<div class="code-frame-header"[^>]*>/g)) {
        frames += 1;
        if (!header[0].includes('data-pagefind-ignore'))
          missing.push(`${built.path}: ${header[0]}`);
      }
      for (const head of built.html.matchAll(/<thead[^>]*>/g))
        if (!head[0].includes('data-pagefind-ignore')) missing.push(`${built.path}: ${head[0]}`);
    }
    expect(frames, 'the site has code frames').toBeGreaterThan(10);
    expect(missing).toEqual([]);
  },
);

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('results with long setting names wrap inside the dialog', UI, async ({ page }) => {
    await page.goto(reference.slice(1));
    const dialog = await search(page, 'MM_CLUSTERSETTINGS_ENABLE');
    await expect(dialog.locator('.search-sub-result').first()).toBeVisible();
    // A word wider than its line runs past its own box (the box itself keeps the dialog's width).
    const outside = await dialog.evaluate((box) =>
      [...box.querySelectorAll('.search-results a, .search-results p')]
        .filter((part) => part.scrollWidth > part.clientWidth + 1)
        .map((part) => part.textContent.slice(0, 60)),
    );
    expect(outside).toEqual([]);
  });
});

test(
  'the authoring manual is not in the reader’s search: its title finds none of its pages',
  UI,
  async ({ page }) => {
    await page.goto(operations.slice(1));
    await page.locator('.site-header [data-search-open]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('[data-search-input]').fill('Writing these docs front matter');
    await expect(dialog.locator('[data-search-status]')).toHaveText(
      /pages? found|No results/,
      searchTimeout,
    );
    const targets = await dialog
      .locator('.search-results a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(targets.filter((href) => href.includes('/writing/'))).toEqual([]);
  },
);
