/**
 * What a reader meets besides the layout itself: the sidebar's design and size, the home page,
 * the diagram in both themes and on a phone, print, the layout's ids, the
 * announcement, and pages that do not move while they load; and that the authoring manual (a site
 * of its own, proven by manual.spec.ts) is nowhere in it. Page behaviour, so static server only (`@ui`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { builtPages, contentPagePaths, projectBase, projectDistDir } from './support/site.ts';
import { cumulativeLayoutShift, layoutIdProblems, sidebarDesign } from './support/page-checks.ts';
import { withBase, type SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';

const UI = { tag: '@ui' };
const guide = '/administration-guide/scale/high-availability';
const deployment = `${guide}/deployment/`;
const reference = `${guide}/configuration-reference/`;
const go = (page: Page, path: string) => page.goto(path.slice(1));

test.describe('sidebar', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test(
    'looks designed: no disclosure triangles, every entry named once, chevrons on the right, groups nested as the pages are',
    UI,
    async ({ page }) => {
      for (const path of [deployment, reference]) {
        await go(page, path);
        const sidebar = page.locator('.sidebar');
        await expect(sidebar.locator('details, summary')).toHaveCount(0);
        const report = await sidebarDesign(page);
        expect(new Set(report.labels).size, `${path}: labels ${report.labels.join(', ')}`).toBe(
          report.labels.length,
        );
        expect(report.labels).not.toContain('Overview');
        expect(report.markers, 'list markers').toBe(0);
        expect(report.chevronsLeftOfLabels, 'chevrons left of their label').toBe(0);
        // Administration guide > Scale > High availability > its pages: a group sits inside the
        // group whose folder holds it, never beside it (a folder without a page of its own and
        // with one subgroup adds no level).
        expect(report.depth, 'sections, their entries, two levels of groups').toBeLessThanOrEqual(
          4,
        );
        await expect(sidebar.locator('[aria-current="page"]')).toHaveCount(1);
      }
    },
  );
});

test(
  'the authoring manual is no part of the reader’s site: no page, link or sitemap entry',
  UI,
  async () => {
    const pages = await builtPages(test.info());
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.filter((built) => built.path.startsWith('/writing/')).map((b) => b.path)).toEqual(
      [],
    );
    expect(
      pages.filter((built) => built.html.includes('/writing/')).map((built) => built.path),
    ).toEqual([]);
    const sitemap = readFileSync(join(projectDistDir(test.info()), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${guide}/deployment/`);
    expect(sitemap).not.toContain('/writing/');
  },
);

test(
  'the home page introduces the docs, offers cards and ends with a footer',
  UI,
  async ({ page }) => {
    await go(page, '/');
    await expect(page.locator('.sidebar')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText('Mattermost Docs');
    await expect(page.locator('.hero-tagline')).toContainText('Links to these pages are permanent');
    expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(4);
    await expect(page.locator('.link-card', { hasText: 'Administration guide' })).toBeVisible();
    const footer = page.locator('.site-footer');
    await expect(footer).toBeVisible();
    await expect(footer.locator('nav a')).toHaveText(['Administration guide']);
    await page.locator('.hero-actions a', { hasText: 'Start with high availability' }).click();
    await expect(page).toHaveURL(new RegExp(`${guide}/$`));
  },
);

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test.describe(`${viewport.width} px`, () => {
    test.use({ viewport });

    test(
      'the architecture diagram follows the theme, is readable at this width and opens full size',
      UI,
      async ({ page, request }) => {
        await go(page, `${guide}/`);
        const image = page.locator('.diagram img');
        // Lazy and below the fold, it holds its place before it loads: nothing below it moves.
        const height = () => image.evaluate((img) => img.getBoundingClientRect().height);
        const reserved = await height();
        await image.scrollIntoViewIfNeeded();
        await expect(image).toHaveJSProperty('complete', true);
        expect(
          Math.abs((await height()) - reserved),
          'px the diagram grew as it loaded',
        ).toBeLessThanOrEqual(1);
        const shown = await image.evaluate((img: HTMLImageElement) => ({
          src: img.currentSrc,
          width: img.getBoundingClientRect().width,
        }));
        const narrow = viewport.width < 640;
        expect(shown.src.endsWith(narrow ? '.narrow.svg' : 'ha-architecture.svg')).toBe(true);
        // The smallest text in the file, at the size it is drawn.
        const svg = readFileSync(
          join(
            projectDistDir(test.info()),
            new URL(shown.src).pathname.replace(projectBase(test.info()), ''),
          ),
          'utf8',
        );
        const viewBoxWidth = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
        const smallest = Math.min(
          ...[...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1])),
        );
        expect(
          smallest * (shown.width / viewBoxWidth),
          'smallest label, px',
        ).toBeGreaterThanOrEqual(narrow ? 11 : 9.5);
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          const light = await brightness(page, await image.screenshot());
          if (theme === 'dark') expect(light, 'dark theme: a dark diagram').toBeLessThan(0.3);
          else expect(light, 'light theme: a light diagram').toBeGreaterThan(0.7);
        }
        const full = page.locator('.diagram-open');
        const wide = await page.evaluate(() =>
          document.querySelector('.diagram img')!.getAttribute('src'),
        );
        await expect(full).toHaveAttribute('href', wide!);
        const response = await request.get(new URL(wide!, page.url()).href);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain('image/svg+xml');
      },
    );

    test('pages do not move while they load', UI, async ({ page }) => {
      for (const path of [deployment, reference]) {
        await go(page, path);
        const shift = await cumulativeLayoutShift(page);
        expect(shift, `${path}: cumulative layout shift`).toBeLessThan(0.01);
      }
    });
  });
}

/** Mean brightness (0 black to 1 white) of a PNG, decoded in the page. */
function brightness(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(
      await (await fetch(`data:image/png;base64,${data}`)).blob(),
    );
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let sum = 0;
    for (let i = 0; i < pixels.length; i += 4)
      sum += (0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!) / 255;
    return sum / (pixels.length / 4);
  }, png.toString('base64'));
}

test(
  'a page prints as its content only, with links written out and code wrapped',
  UI,
  async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await go(page, deployment);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const selector of [
      '.announcement',
      '.site-header',
      '.sidebar',
      '.docs-toc',
      '.breadcrumbs',
      '.page-footer',
      '.site-footer',
      '.copy-button',
    ])
      await expect(page.locator(selector).first(), selector).toBeHidden();
    const link = page.locator('.prose a[href^="/"], .prose a[href^="http"]').first();
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(await link.getAttribute('href'));
    const cut = await page
      .locator('.prose pre')
      .evaluateAll(
        (blocks) => blocks.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length,
      );
    expect(cut, 'code blocks wider than the page').toBe(0);
    // Printed in black on white whatever the screen theme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
  },
);

test(
  'layout ids cannot collide with heading ids: every id outside the content starts with _ and a capital',
  UI,
  async ({ page }) => {
    for (const path of ['/', deployment, reference, '/no-such-page/']) {
      await go(page, path);
      const report = await layoutIdProblems(page);
      expect(report, path).toEqual([]);
    }
    await go(page, deployment);
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  },
);

test(
  'the announcement can be dismissed, and stays dismissed without a flash',
  UI,
  async ({ page }) => {
    await go(page, deployment);
    const notice = page.locator('.announcement');
    await expect(notice).toBeVisible();
    await expect(notice.locator('a')).toHaveAttribute(
      'href',
      withBase(`${guide}/` as SitePath, projectBase(test.info())),
    );
    await notice.locator('[data-announcement-dismiss]').click();
    await expect(notice).toBeHidden();
    for (const path of [deployment, '/']) {
      await page.goto(path.slice(1), { waitUntil: 'commit' });
      await page.waitForSelector('.site-header', { state: 'attached' });
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('.announcement')!).display,
        ),
        `${path}, before any script but the head's ran`,
      ).toBe('none');
    }
  },
);

test(
  'every high availability page says under its title which plans and deployments it applies to',
  UI,
  async ({ page }) => {
    const haPages = contentPagePaths().filter((path) => path.startsWith(`${guide}/`));
    expect(haPages.length, 'the guide’s pages').toBeGreaterThanOrEqual(7);
    for (const path of haPages) {
      await go(page, path);
      const line = page.locator('h1 + .applies-to');
      await expect(line, path).toHaveText(
        'Applies to: Enterprise, Enterprise Advanced · Self-hosted',
      );
      await expect(line).toBeVisible();
    }
    // A page that sets nothing says nothing.
    await go(page, '/administration-guide/');
    await expect(page.locator('.applies-to')).toHaveCount(0);
  },
);
