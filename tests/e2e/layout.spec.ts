/**
 * The layout at a phone's, a tablet's and a desktop's width, each in the light and the dark
 * theme: nothing wider than the window, setting names that never break inside a word, tables
 * that scroll in their own box with their header row in view, copy buttons that never cover
 * code, headings that belong to their text, "On this page" that opens and jumps, Escape that
 * closes the menu and the search in one press, and (at a phone's and a desktop's width) arrow
 * keys through search results and theme choices that survive a reload. Page behaviour, so static
 * server only (`@ui`).
 *
 * The themes are switched in the loaded page (the site follows the system until the reader
 * chooses), so a page loaded once is measured in both.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { repositoryWebUrl } from 'lasting-links/theme';
import { ciRepositoryOf } from '../../src/lib/ci-repository.ts';
import { contentPagePaths } from './support/site.ts';
import {
  codeBrokenInsideWords,
  copyButtonsOverText,
  headingRhythm,
  horizontalOverflow,
} from './support/layout.ts';

const UI = { tag: '@ui' };
const pages = contentPagePaths();
const guide = '/administration-guide/scale/high-availability';
const deployment = `${guide}/deployment/`;
const reference = `${guide}/configuration-reference/`;
/** Below this width "On this page" is a bar under the header; below 800 px the sidebar is a menu. */
const tocBarBelow = 1100;
const menuBelow = 800;
const themes = ['light', 'dark'] as const;
/** Search loads its index on first use, which takes a while on a busy machine. */
const searchTimeout = { timeout: 20_000 };

const screens = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

const behaviourWidths: number[] = [screens[0].width, screens[2].width];

const go = (page: Page, path: string) => page.goto(path.slice(1));

/** Shows the page in `theme` (still following the system) and waits until it is applied. */
async function inTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Each page is loaded once and measured at every width (the window resized, as a reader turning
 * a tablet does) and in both themes: a third of the page loads of loading it at each width.
 */
const pageHalves = [
  pages.slice(0, Math.ceil(pages.length / 2)),
  pages.slice(Math.ceil(pages.length / 2)),
];
pageHalves.forEach((group, half) => {
  test(
    `no page is wider than the window, setting names never break inside a word, copy buttons cover no code (pages ${half + 1} of 2)`,
    UI,
    async ({ page }) => {
      test.setTimeout(60_000 + group.length * 6000);
      const problems: string[] = [];
      for (const path of group) {
        await page.setViewportSize(screens[0]);
        await go(page, path);
        for (const viewport of screens) {
          await page.setViewportSize(viewport);
          for (const theme of themes) {
            await inTheme(page, theme);
            for (const problem of [
              ...(await horizontalOverflow(page)),
              ...(await codeBrokenInsideWords(page)),
              ...(await copyButtonsOverText(page)),
            ])
              problems.push(`${path} at ${viewport.width} px (${theme}): ${problem}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

for (const viewport of screens) {
  test.describe(`${viewport.width} px`, () => {
    test.use({ viewport });

    test('tables scroll in their own box and keep the header row in view', UI, async ({ page }) => {
      // The guide's longest table, on a short window so that it is longer than its box.
      await page.setViewportSize({ width: viewport.width, height: 500 });
      await go(page, `${guide}/`);
      const box = page.locator('.table-scroll').first();
      await expect(box).toHaveAttribute('tabindex', '0');
      for (const theme of themes) {
        await inTheme(page, theme);
        const size = await box.evaluate((element) => {
          element.scrollTop = 0;
          return {
            tall: element.scrollHeight > element.clientHeight,
            wide: element.scrollWidth > element.clientWidth,
          };
        });
        expect(size.tall, 'the table is longer than its box').toBe(true);
        // On a phone the table scrolls sideways in its box, never the page.
        if (viewport.width === screens[0].width) expect(size.wide).toBe(true);
        await box.evaluate((element) => {
          element.scrollIntoView();
          element.scrollTop = element.scrollHeight;
        });
        const header = box.locator('th').first();
        await expect(header).toBeInViewport();
        await expect(box.locator('tbody tr').first()).not.toBeInViewport();
        const gap = await header.evaluate(
          (th) =>
            th.getBoundingClientRect().top -
            th.closest('.table-scroll')!.getBoundingClientRect().top,
        );
        expect(gap, `${theme}: the header row stays at the top of the box`).toBeLessThanOrEqual(2);
      }
    });

    test(
      'a setting is reached by its anchor, its key or its variable, and its block fits the column',
      UI,
      async ({ page }) => {
        for (const theme of themes) {
          for (const fragment of [
            'clustersettings-enable',
            'ClusterSettings.Enable',
            'MM_CLUSTERSETTINGS_ENABLE',
          ]) {
            // A fresh load each time: a fragment the page lacks would leave the last one in view.
            await page.goto('about:blank');
            await go(page, `${reference}#${fragment}`);
            await inTheme(page, theme);
            const heading = page.locator('h3#clustersettings-enable');
            await expect(heading).toHaveText('ClusterSettings.Enable');
            await expect(heading).toBeInViewport();
            const covered = await heading.evaluate((element) => {
              const bars = [document.querySelector('.site-header')!];
              const toc = document.querySelector('.docs-toc');
              if (toc && getComputedStyle(toc).position === 'sticky') bars.push(toc);
              const bottom = Math.max(...bars.map((bar) => bar.getBoundingClientRect().bottom));
              return bottom - element.getBoundingClientRect().top;
            });
            expect(
              covered,
              `#${fragment} (${theme}): px of the key under the bars`,
            ).toBeLessThanOrEqual(0);
          }
          // Every field of every setting inside its block: nothing to scroll sideways to.
          const outside = await page.locator('.setting').evaluateAll((blocks) =>
            blocks.flatMap((block) => {
              const edge = block.getBoundingClientRect().right + 1;
              return [...block.querySelectorAll('h3, dt, dd, p')]
                .filter((part) => part.getBoundingClientRect().right > edge)
                .map((part) => `${block.querySelector('h3')?.textContent}: "${part.textContent}"`);
            }),
          );
          expect(outside, theme).toEqual([]);
        }
      },
    );

    test(
      'each heading sits closer to its own text than to what comes before it',
      UI,
      async ({ page }) => {
        for (const path of [deployment, `${guide}/operations/`]) {
          await go(page, path);
          for (const theme of themes) {
            await inTheme(page, theme);
            expect(await headingRhythm(page), `${path} (${theme})`).toEqual([]);
          }
        }
      },
    );

    test(
      '"On this page" opens and jumps to the section, below the header',
      UI,
      async ({ page }) => {
        const targets = { light: 'configure-the-proxy', dark: 'verify-the-cluster' } as const;
        await go(page, deployment);
        for (const theme of themes) {
          await inTheme(page, theme);
          const target = targets[theme];
          const text = await page.locator(`#${target}`).innerText();
          if (viewport.width < tocBarBelow) {
            await expect(page.locator('.toc')).toBeHidden();
            const bar = page.locator('.toc-mobile');
            await bar.locator('summary').click();
            await expect(bar.locator('nav')).toBeVisible();
            await bar.locator(`a[href="#${target}"]`).click();
            await expect(bar.locator('nav')).toBeHidden();
            await expect(page.locator('[data-toc-current]')).toHaveText(text);
          } else {
            await expect(page.locator('.toc-mobile')).toBeHidden();
            await page.locator(`.toc a[href="#${target}"]`).click();
            await expect(page.locator(`.toc a[href="#${target}"]`)).toHaveAttribute(
              'aria-current',
              'true',
            );
          }
          await expect(page).toHaveURL(new RegExp(`#${target}$`));
          const heading = page.locator(`#${target}`);
          await expect(heading).toBeInViewport();
          // Not under the sticky header, nor under the bar.
          const covered = await heading.evaluate((element) => {
            const bars = [document.querySelector('.site-header')!];
            const toc = document.querySelector('.docs-toc');
            if (toc && getComputedStyle(toc).position === 'sticky') bars.push(toc);
            const bottom = Math.max(...bars.map((bar) => bar.getBoundingClientRect().bottom));
            return bottom - element.getBoundingClientRect().top;
          });
          expect(covered, `${theme}: px of the heading under the bars`).toBeLessThanOrEqual(0);
        }
      },
    );

    test('Escape closes the menu and the search, in one press each', UI, async ({ page }) => {
      await go(page, deployment);
      const menuButton = page.locator('[data-menu-button]');
      for (const theme of themes) {
        await inTheme(page, theme);
        if (viewport.width < menuBelow) {
          await expect(page.locator('.sidebar')).toBeHidden();
          await menuButton.click();
          await expect(page.locator('.sidebar')).toBeVisible();
          await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
          // The page behind the menu takes no focus and no clicks.
          expect(await page.locator('.docs-page').evaluate((e) => (e as HTMLElement).inert)).toBe(
            true,
          );
          await page.keyboard.press('Escape');
          await expect(page.locator('.sidebar')).toBeHidden();
          await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
          await expect(menuButton).toBeFocused();
          expect(await page.locator('.docs-page').evaluate((e) => (e as HTMLElement).inert)).toBe(
            false,
          );
        } else {
          await expect(menuButton).toBeHidden();
          await expect(page.locator('.sidebar')).toBeVisible();
        }
        await page.locator('[data-search-open]').first().click();
        const input = page.locator('dialog[open] [data-search-input]');
        await expect(input).toBeFocused();
        // A search field's own Escape would only clear this text.
        await input.fill('cluster');
        await expect(page.locator('dialog[open] .search-result').first()).toBeVisible(
          searchTimeout,
        );
        await page.keyboard.press('Escape');
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      }
    });

    // Keyboard and theme behaviour do not change with the width: proven at a phone's and a desktop's.
    if (!behaviourWidths.includes(viewport.width)) return;

    test(
      'arrow keys move through the search results and back to the field',
      UI,
      async ({ page }) => {
        await go(page, deployment);
        for (const theme of themes) {
          await inTheme(page, theme);
          await page.keyboard.press('/');
          const dialog = page.locator('dialog[open]');
          const input = dialog.locator('[data-search-input]');
          await input.fill(theme === 'light' ? 'replica' : 'gossip');
          const links = dialog.locator('.search-results a');
          await expect(links.nth(2)).toBeVisible(searchTimeout);
          await page.keyboard.press('ArrowDown');
          await expect(links.nth(0)).toBeFocused();
          await page.keyboard.press('ArrowDown');
          await expect(links.nth(1)).toBeFocused();
          await page.keyboard.press('ArrowDown');
          await expect(links.nth(2)).toBeFocused();
          await page.keyboard.press('ArrowUp');
          await expect(links.nth(1)).toBeFocused();
          await page.keyboard.press('End');
          await expect(links.last()).toBeFocused();
          await page.keyboard.press('Home');
          await expect(links.first()).toBeFocused();
          await page.keyboard.press('ArrowUp');
          await expect(input).toBeFocused();
          // A page's excerpt is never repeated by its first section just below it.
          const repeats = await dialog.locator('.search-result').evaluateAll((results) =>
            results.flatMap((result) => {
              const own = result.querySelector('p')?.textContent;
              const next = result.nextElementSibling;
              const first = next?.classList.contains('search-sub-result')
                ? next.querySelector('p')?.textContent
                : undefined;
              return own && own === first ? [own] : [];
            }),
          );
          expect(repeats).toEqual([]);
          await page.keyboard.press('Escape');
        }
      },
    );

    test(
      'the phone menu covers the page from the header down; on a desktop the sidebar sits beside it',
      UI,
      async ({ page }) => {
        await go(page, deployment);
        for (const theme of themes) {
          await inTheme(page, theme);
          const sidebar = page.locator('.sidebar');
          if (viewport.width < menuBelow) {
            await page.locator('[data-menu-button]').click();
            await expect(sidebar).toBeVisible();
            // Every point of the window below the header is the menu's, none the page's.
            const report = await sidebar.evaluate((menu) => {
              const top = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
              const box = menu.getBoundingClientRect();
              const uncovered: string[] = [];
              for (let y = Math.ceil(top) + 1; y < innerHeight; y += 40)
                for (const x of [2, innerWidth / 2, innerWidth - 2]) {
                  const hit = document.elementFromPoint(x, y);
                  if (!hit || !menu.contains(hit))
                    uncovered.push(`(${x}, ${y}): ${hit?.tagName}.${hit?.className}`);
                }
              return { bottom: box.bottom, window: innerHeight, uncovered };
            });
            expect(
              report.bottom,
              'the menu reaches the bottom of the window',
            ).toBeGreaterThanOrEqual(report.window - 1);
            expect(report.uncovered).toEqual([]);
            await page.keyboard.press('Escape');
            await expect(sidebar).toBeHidden();
          } else {
            await expect(page.locator('[data-menu-button]')).toBeHidden();
            const sideBySide = await page.evaluate(
              () =>
                document.querySelector('.sidebar')!.getBoundingClientRect().right <=
                document.querySelector('.docs-main')!.getBoundingClientRect().left,
            );
            expect(sideBySide, 'the sidebar is a column left of the content').toBe(true);
          }
        }
      },
    );

    test('at the bottom of a page, "On this page" marks its last section', UI, async ({ page }) => {
      // Pages whose last section is too short to scroll up to the line that marks a section
      // (on a desktop; a phone's taller footer lets it).
      for (const path of [`${guide}/`, `${guide}/upgrade/`]) {
        await go(page, path);
        for (const theme of themes) {
          await inTheme(page, theme);
          await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
          if (viewport.width < tocBarBelow) {
            const last = await page.locator('.toc-mobile nav a').last().textContent();
            await expect(page.locator('[data-toc-current]')).toHaveText(last!);
          } else {
            const last = page.locator('.toc a').last();
            await expect(last).toHaveAttribute('aria-current', 'true');
            await expect(page.locator('.toc a[aria-current]')).toHaveCount(1);
          }
          // And back at the top, the first.
          await page.evaluate(() => scrollTo(0, 0));
          if (viewport.width >= tocBarBelow)
            await expect(page.locator('.toc a').first()).toHaveAttribute('aria-current', 'true');
        }
      }
    });

    test(
      'in the sidebar, "Scale" is the group that holds "High availability", not a link beside it',
      UI,
      async ({ page }) => {
        await go(page, deployment);
        for (const theme of themes) {
          await inTheme(page, theme);
          if (viewport.width < menuBelow) await page.locator('[data-menu-button]').click();
          const scale = page.locator('.sidebar a', { hasText: /^Scale$/ });
          const ha = page.locator('.sidebar a', { hasText: /^High availability$/ });
          await expect(scale).toBeVisible();
          await expect(scale).toHaveAttribute('data-group', 'open');
          const placement = await ha.evaluate((link) => {
            const scaleRow = [...document.querySelectorAll('.sidebar a')].find(
              (a) => a.textContent.trim() === 'Scale',
            )!;
            const label = (a: Element) =>
              a.querySelector('.sidebar-label')!.getBoundingClientRect();
            return {
              inside: scaleRow.closest('li')!.querySelector(':scope > ul')?.contains(link) ?? false,
              indent: label(link).left - label(scaleRow).left,
              below: label(link).top - label(scaleRow).bottom,
            };
          });
          expect(placement.inside, 'High availability is an entry of Scale').toBe(true);
          expect(placement.indent, 'indented under Scale').toBeGreaterThan(8);
          expect(placement.below, 'right below Scale').toBeGreaterThanOrEqual(0);
          if (viewport.width < menuBelow) await page.keyboard.press('Escape');
        }
      },
    );

    test(
      'the 404 page offers the page a near miss meant, and a search whose words show',
      UI,
      async ({ page }) => {
        const nearMisses = {
          [`${guide}/deploymnet/`]: deployment, // a typo
          [`${guide}/config/`]: reference, // a slug cut short
          [`${deployment}configure-the-database/`]: deployment, // a heading pasted as a path
        };
        for (const theme of themes) {
          for (const [missing, meant] of Object.entries(nearMisses)) {
            const response = await go(page, missing);
            expect(response?.status()).toBe(404);
            await inTheme(page, theme);
            const suggestion = page.locator('[data-did-you-mean-link]');
            await expect(suggestion).toBeVisible();
            const href = await suggestion.evaluate((a) => (a as HTMLAnchorElement).href);
            expect(new URL(href).pathname.endsWith(meant), `${missing} → ${href}`).toBe(true);
          }
          await go(page, '/no-such-thing/at-all/');
          await inTheme(page, theme);
          await expect(page.locator('[data-did-you-mean]')).toBeHidden();
          const button = page.locator('.not-found [data-search-open]');
          await expect(button).toBeVisible();
          await expect(button).toHaveAccessibleName('Search the docs');
          // The words themselves are on screen, not only for screen readers.
          const words = button.locator('span');
          await expect(words).toHaveText('Search the docs');
          expect((await words.boundingBox())?.width ?? 0).toBeGreaterThan(60);
        }
      },
    );

    test(
      '"Edit this page" opens the page’s source in the repository the build knows, and is absent when it knows none',
      UI,
      async ({ page }) => {
        // As the build settles it: the CI's own repository (GitHub Actions), else package.json's,
        // which names none while the project has no public repository.
        const written = (
          JSON.parse(readFileSync('package.json', 'utf8')) as { repository?: { url: string } }
        ).repository;
        expect(JSON.stringify(written ?? ''), 'no placeholder repository').not.toContain(
          'lasting-links/lasting-links-docs',
        );
        const web = ciRepositoryOf(process.env) ?? (written && repositoryWebUrl(written.url));
        const source = 'content/docs/administration-guide/scale/high-availability/deployment.mdx';
        readFileSync(source); // the file exists in this project
        await go(page, deployment);
        for (const theme of themes) {
          await inTheme(page, theme);
          if (web)
            await expect(page.locator('.edit-link')).toHaveAttribute(
              'href',
              `${web}/edit/main/${source}`,
            );
          else await expect(page.locator('.edit-link')).toHaveCount(0);
        }
      },
    );

    for (const system of themes) {
      test(
        `the theme button steps through system, light and dark, and each survives a reload (system ${system})`,
        UI,
        async ({ page }) => {
          const other = system === 'light' ? 'dark' : 'light';
          const html = page.locator('html');
          const toggle = page.locator('[data-theme-toggle]');
          const expectChoice = async (choice: string, shown: string) => {
            await expect(html).toHaveAttribute('data-theme-choice', choice);
            await expect(html).toHaveAttribute('data-theme', shown);
            const name = choice === 'system' ? 'follow the system' : choice;
            await expect(toggle).toHaveAttribute('aria-label', new RegExp(`^Theme: ${name}\\.`));
          };
          await page.emulateMedia({ colorScheme: system });
          await go(page, deployment);
          await expectChoice('system', system);
          await toggle.click();
          await expectChoice('light', 'light');
          await page.reload();
          await expectChoice('light', 'light');
          await toggle.click();
          await expectChoice('dark', 'dark');
          await go(page, reference);
          await expectChoice('dark', 'dark');
          // A chosen theme ignores the system.
          await page.emulateMedia({ colorScheme: 'light' });
          await expectChoice('dark', 'dark');
          await page.emulateMedia({ colorScheme: system });
          await toggle.click();
          await expectChoice('system', system);
          await page.reload();
          await expectChoice('system', system);
          // Following the system means following it when it changes, colours included.
          const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          await page.emulateMedia({ colorScheme: other });
          await expectChoice('system', other);
          await expect
            .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
            .not.toBe(before);
        },
      );
    }
  });
}
