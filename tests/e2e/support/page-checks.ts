/**
 * Checks of the theme's markup taken inside the page, shared by the reader's site (reader.spec.ts)
 * and the authoring manual's (manual.spec.ts): the same layout must hold on both.
 */
import type { Page } from '@playwright/test';
import { LAYOUT_ID } from '../../../src/components/layout-ids.ts';

/** The sidebar's labels, list markers, chevrons left of their label, and nesting depth. */
export function sidebarDesign(page: Page) {
  return page.locator('.sidebar').evaluate((nav) => {
    const labels = [...nav.querySelectorAll('.sidebar-label')].map((l) => l.textContent);
    const markers = [...nav.querySelectorAll('li')].filter(
      (li) => getComputedStyle(li).listStyleType !== 'none',
    ).length;
    const chevronsLeftOfLabels = [...nav.querySelectorAll('.sidebar-chevron')].filter(
      (chevron) =>
        chevron.getBoundingClientRect().left <
        chevron.parentElement!.querySelector('.sidebar-label')!.getBoundingClientRect().right,
    ).length;
    const depth = (list: Element): number =>
      1 + Math.max(0, ...[...list.querySelectorAll(':scope > li > ul')].map(depth));
    return {
      labels,
      markers,
      chevronsLeftOfLabels,
      depth: depth(nav.querySelector('ul')!),
    };
  });
}

/** The page's cumulative layout shift while it loads (half a second of it, without input). */
export function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}

/**
 * Ids outside the content that do not start with `_` and a capital (or content headings that
 * do, which could collide with them), and references to ids the page does not have.
 */
export function layoutIdProblems(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const layout = new RegExp(pattern);
    const bad: string[] = [];
    for (const element of document.querySelectorAll('[id]')) {
      const id = element.id;
      if (id === '_top') continue;
      const content = element.closest('.prose') !== null;
      // A content anchor: a heading, an old anchor kept on the page, or a setting's other name.
      const heading =
        /^H[2-6]$/.test(element.tagName) ||
        element.hasAttribute('data-legacy-anchor') ||
        element.classList.contains('setting-alias');
      if (content && heading ? layout.test(id) : !layout.test(id))
        bad.push(`${element.tagName} #${id}`);
    }
    // Every reference to an id finds it.
    for (const element of document.querySelectorAll(
      '[aria-controls], [aria-labelledby], label[for]',
    )) {
      for (const id of (
        element.getAttribute('aria-controls') ??
        element.getAttribute('aria-labelledby') ??
        element.getAttribute('for') ??
        ''
      ).split(' '))
        if (id && !document.getElementById(id))
          bad.push(`${element.tagName} refers to missing #${id}`);
    }
    return bad;
  }, LAYOUT_ID.source);
}
