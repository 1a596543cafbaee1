import { test, expect } from '@playwright/test';
import { contentPagePaths } from './support/site.ts';
import { blockingViolations, openedPartsViolations } from './support/axe.ts';

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

/** What only shows after a click (menu, "On this page", search), scanned where it shows. */
for (const theme of ['light', 'dark'] as const) {
  test(`the open menu, table of contents and search (${theme}) have no accessibility violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: theme });
    test.setTimeout(120_000);
    await page.goto('administration-guide/scale/high-availability/deployment/');
    expect(await openedPartsViolations(page, 'replica')).toEqual([]);
  });
}
