import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { contentPagePaths } from './support/site.ts';

/** Every page in both themes: no serious or critical axe violation. */
for (const path of [...contentPagePaths(), '/404.html']) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} (${theme}) has no serious or critical accessibility violations`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path.slice(1));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        blocking.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    });
  }
}
