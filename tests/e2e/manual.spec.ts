/**
 * The authoring manual ("Writing these docs"): a site of its own, built from `manual/` with the
 * reader's theme (`npm run manual:build`), so the reader's site carries none of it. Its pages
 * show every feature of the theme, so the theme's accessibility and layout are proven on them
 * here, and the page-level front matter they show off reaches the page. Runs in the
 * `manual-static` project only.
 */
import { test, expect, type Page } from '@playwright/test';
import { builtPages, contentPagePaths } from './support/site.ts';
import { blockingViolations, openedPartsViolations } from './support/axe.ts';
import {
  codeBrokenInsideWords,
  copyButtonsOverText,
  headingRhythm,
  horizontalOverflow,
} from './support/layout.ts';
import { cumulativeLayoutShift, layoutIdProblems, sidebarDesign } from './support/page-checks.ts';

const UI = { tag: '@ui' };
const MANUAL_DIST = 'manual/dist';
const go = (page: Page, path: string) => page.goto(path.slice(1));

for (const path of [...contentPagePaths(MANUAL_DIST), '/404.html']) {
  test(`${path} has no serious or critical accessibility violations, light or dark`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await go(page, path);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect.soft(await blockingViolations(page), `${theme} theme`).toEqual([]);
    }
  });
}

test('the open menu, table of contents and search on a page of code blocks have no accessibility violations', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  test.setTimeout(120_000);
  await go(page, '/writing/code-blocks/');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await openedPartsViolations(page, 'front matter'), theme).toEqual([]);
  }
});

test(
  'no page of the manual is wider than the window, and copy buttons cover no code, at every width and in both themes',
  UI,
  async ({ page }) => {
    const paths = contentPagePaths(MANUAL_DIST);
    test.setTimeout(60_000 + paths.length * 6000);
    const problems: string[] = [];
    for (const path of paths) {
      await page.setViewportSize({ width: 390, height: 844 });
      await go(page, path);
      for (const width of [390, 768, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          for (const problem of [
            ...(await horizontalOverflow(page)),
            ...(await codeBrokenInsideWords(page)),
            ...(await copyButtonsOverText(page)),
          ])
            problems.push(`${path} at ${width} px (${theme}): ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  },
);

test(
  'the manual’s home page is its own: its name, its tagline, and a way in',
  UI,
  async ({ page }) => {
    await go(page, '/');
    await expect(page.locator('h1')).toHaveText('Writing Mattermost Docs');
    await expect(page.locator('.hero-tagline')).toContainText('For the people who write the docs');
    await expect(page.locator('.site-title')).toContainText('Writing Mattermost Docs');
    await page.locator('.hero-actions a', { hasText: 'Start reading' }).click();
    await expect(page).toHaveURL(/\/writing\/$/);
  },
);

test.describe('1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test(
    'the sidebar looks designed on the manual too: no markers, every entry once, chevrons on the right',
    UI,
    async ({ page }) => {
      for (const path of ['/writing/code-blocks/', '/writing/front-matter/']) {
        await go(page, path);
        await expect(page.locator('.sidebar details, .sidebar summary')).toHaveCount(0);
        const report = await sidebarDesign(page);
        expect(report.labels.length, path).toBeGreaterThan(3);
        expect(new Set(report.labels).size, `${path}: labels ${report.labels.join(', ')}`).toBe(
          report.labels.length,
        );
        expect(report.markers, 'list markers').toBe(0);
        expect(report.chevronsLeftOfLabels, 'chevrons left of their label').toBe(0);
        await expect(page.locator('.sidebar [aria-current="page"]')).toHaveCount(1);
      }
    },
  );

  test(
    'pages of components and code do not move while they load, and their ids cannot collide',
    UI,
    async ({ page }) => {
      for (const path of ['/writing/components/', '/writing/code-blocks/']) {
        await go(page, path);
        expect(await cumulativeLayoutShift(page), `${path}: cumulative layout shift`).toBeLessThan(
          0.01,
        );
        expect(await layoutIdProblems(page), path).toEqual([]);
      }
    },
  );

  test(
    'each heading sits closer to its own text than to what comes before it',
    UI,
    async ({ page }) => {
      await go(page, '/writing/front-matter/');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await headingRhythm(page), theme).toEqual([]);
      }
    },
  );
});

test(
  'front matter reaches the page: table of contents depth, banner, version, head tags, badges, links, previous and next',
  UI,
  async () => {
    const pages = new Map(
      (await builtPages(test.info())).map((built) => [built.path as string, built.html]),
    );
    const page = (path: string) => {
      const html = pages.get(path);
      expect(html, `${path} is built`).toBeDefined();
      return html!;
    };
    const sidebarOf = (html: string) => /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';

    const frontMatter = page('/writing/front-matter/');
    expect(frontMatter).toMatch(/<nav class="toc"[\s\S]*?href="#a-level-4-heading"/);
    expect(frontMatter).toMatch(
      /<p class="page-banner"[^>]*>This page shows each field it describes/,
    );
    expect(frontMatter).toMatch(/Applies to v10\.11 and later/);
    expect(frontMatter).toMatch(/<meta name="robots" content="max-snippet:200">/);
    expect(sidebarOf(frontMatter)).toMatch(
      /Front matter<\/span><span class="badge badge-tip badge-small">Reference<\/span>/,
    );
    expect(sidebarOf(frontMatter)).toMatch(
      /<a class="sidebar-link" href="https:\/\/mdxjs\.com\/docs\/what-is-mdx\/"><span class="sidebar-label">MDX syntax<\/span>/,
    );

    expect(page('/writing/code-blocks/')).toMatch(/rel="prev"[\s\S]*?All the front matter fields/);

    const hidden = page('/writing/hidden-pages/');
    expect(hidden).not.toContain('data-pagefind-body');
    expect(hidden).not.toContain('class="prev-next"');
    expect(hidden).toContain('class="breadcrumbs"');
    for (const [path, html] of pages)
      expect(sidebarOf(html), `${path}: sidebar`).not.toContain('/writing/hidden-pages/"');

    const landing = page('/writing/landing-pages/');
    expect(landing).not.toContain('class="sidebar"');
    expect(landing.match(/class="button button-(primary|secondary)"/g)).toHaveLength(2);
    expect(contentPagePaths(MANUAL_DIST)).toContain('/writing/landing-pages/');
  },
);
