import { test, expect } from '@playwright/test';
import { contentPagePaths } from './support/site.ts';
import { axe, blockingViolations } from './support/axe.ts';

/** Every page in both themes, each loaded once and scanned in each: no serious or critical axe violation. */
for (const path of [...contentPagePaths(), '/404.html']) {
  test(`${path} has no serious or critical accessibility violations, light or dark`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path.slice(1));
    for (const theme of ['light', 'dark'] as const) {
      // The site follows the system until the reader chooses: switching it restyles this page.
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect.soft(await blockingViolations(page), `${theme} theme`).toEqual([]);
    }
  });
}

/**
 * What only shows after a click, scanned where it shows: the phone menu, "On this page" open,
 * search with results. (The whole page was scanned above; while the menu is open the page
 * behind it is inert on purpose, as behind a modal dialog.)
 */
for (const theme of ['light', 'dark'] as const) {
  test(`the open menu, table of contents and search (${theme}) have no accessibility violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: theme });
    test.setTimeout(120_000);
    await page.goto('administration-guide/scale/high-availability/deployment/');
    const scan = async (what: string, region: string) => {
      const results = await axe(page).include(region).analyze();
      expect(
        results.violations.map(
          (v) =>
            `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    };
    await page.locator('[data-menu-button]').click();
    await expect(page.locator('.sidebar')).toBeVisible();
    await scan('menu', '.sidebar');
    await page.keyboard.press('Escape');
    await page.locator('.toc-mobile summary').click();
    await expect(page.locator('.toc-mobile nav')).toBeVisible();
    await scan('table of contents', '.toc-mobile');
    await page.locator('.toc-mobile summary').click();
    await page.locator('[data-search-open]').first().click();
    await page.locator('dialog[open] [data-search-input]').fill('replica');
    await expect(page.locator('dialog[open] .search-result').first()).toBeVisible({
      timeout: 20_000,
    });
    await scan('search', 'dialog[open]');
  });
}
