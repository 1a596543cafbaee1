/**
 * axe in the page itself ("legacy mode"): the sites have no frames, and the default
 * frame-by-frame run, finished in a second page, took three to four times as long on a page of
 * code blocks. Only violations are collected; passes are not needed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const axe = (page: Page) =>
  new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });

/** The page's serious and critical violations, one readable line each. */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await axe(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
