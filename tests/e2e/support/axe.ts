/**
 * axe in the page itself ("legacy mode"): the sites have no frames, and the default
 * frame-by-frame run, finished in a second page, took three to four times as long on a page of
 * code blocks. Only violations are collected; passes are not needed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const axe = (page: Page) =>
  new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });

/** The page's serious and critical violations, one readable line each. */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await axe(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * What only shows after a click, scanned where it shows: the phone menu, "On this page" open, and
 * search with the results of `query`. (While the menu is open the page behind it is inert on
 * purpose, as behind a modal dialog, so each part is scanned alone.) Call at a phone's width.
 */
export async function openedPartsViolations(page: Page, query: string): Promise<string[]> {
  const found: string[] = [];
  const scan = async (what: string, region: string) => {
    const results = await axe(page).include(region).analyze();
    for (const v of results.violations)
      found.push(
        `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
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
  await page.locator('dialog[open] [data-search-input]').fill(query);
  await expect(page.locator('dialog[open] .search-result').first()).toBeVisible({
    timeout: 20_000,
  });
  await scan('search', 'dialog[open]');
  await page.keyboard.press('Escape');
  return found;
}
