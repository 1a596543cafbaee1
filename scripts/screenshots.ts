/**
 * `npm run screenshots`: pictures of the pages readers judge the site by, for a person to look
 * at before a change to the layout is merged. The home page, the deployment guide and the
 * configuration reference, at 1440×900 and 390×844, in the light and the dark theme, each at
 * the top of the page and at the parts that are hardest to lay out (a settings table, the
 * architecture diagram, a long command line), plus the mobile menu and table of contents open.
 *
 *   npm run build && npm run screenshots [-- --out screenshots]
 *   npm run manual:build && npm run screenshots -- --manual
 *
 * `--manual` takes the authoring manual's pages instead ("Writing these docs", a site of its own
 * in `manual/dist`), whole: they show every component and code block feature, the theme's
 * visual test fixture.
 * Serves the build in `DIST_DIR` (default `dist`, or `manual/dist` with `--manual`) with the
 * static server on a free port.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { freePorts } from '../tests/e2e/support/free-ports.ts';
import { outputDir } from './paths.ts';
import { readManifest } from '../packages/lasting-links/src/lib/site/build-manifest.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    manual: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run screenshots -- [--out screenshots] [--manual]   (reads the build in DIST_DIR, default dist, or manual/dist with --manual)',
  );
  process.exit(0);
}
const outDir = values.out;
const distDir =
  values.manual && process.env['DIST_DIR'] === undefined ? 'manual/dist' : outputDir();
const base = readManifest(distDir).base;

/** A place on a page worth a picture: the top, or the first element matching a selector. */
interface Shot {
  name: string;
  at?: string;
  /** Runs before the picture, on mobile only (opens the menu or the table of contents). */
  mobileAction?: (page: Page) => Promise<void>;
  /** The whole page rather than the viewport. */
  fullPage?: boolean;
}
const guide = 'administration-guide/scale/high-availability';
const readerPages: { name: string; path: string; shots: Shot[] }[] = [
  { name: 'home', path: '', shots: [{ name: 'top' }] },
  {
    name: 'deployment',
    path: `${guide}/deployment/`,
    shots: [
      { name: 'top' },
      { name: 'code', at: '.prose .code-frame' },
      {
        name: 'menu',
        mobileAction: (page) => page.locator('[data-menu-button]').click(),
      },
      {
        name: 'toc',
        mobileAction: (page) => page.locator('.toc-mobile summary').click(),
      },
    ],
  },
  {
    name: 'overview',
    path: `${guide}/`,
    shots: [{ name: 'diagram', at: '.diagram' }],
  },
  {
    name: 'configuration-reference',
    path: `${guide}/configuration-reference/`,
    shots: [
      { name: 'top' },
      { name: 'setting', at: '#sqlsettings-replicamonitorintervalseconds' },
      // The setting a search for its key or variable opens.
      { name: 'search', mobileAction: (page) => searchFor(page, 'MM_CLUSTERSETTINGS_ENABLE') },
    ],
  },
  {
    name: 'not-found',
    path: `${guide}/config/`,
    shots: [{ name: 'top' }],
  },
];

/** Opens search and waits for the results of `query`. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator('.site-header [data-search-open]').click();
  await page.locator('dialog[open] [data-search-input]').fill(query);
  await page.locator('dialog[open] .search-results a').first().waitFor({ timeout: 20_000 });
}
const manualPages = [
  '',
  'front-matter/',
  'code-blocks/',
  'components/',
  'links-and-images/',
  'landing-pages/',
  'site-settings/',
  'hidden-pages/',
];
const pages = values.manual
  ? manualPages.map((page) => ({
      name: `writing-${page.replace(/\/$/, '') || 'index'}`,
      path: `writing/${page}`,
      shots: [{ name: 'page', fullPage: true }] as Shot[],
    }))
  : readerPages;
const viewports = {
  desktop: { width: 1440, height: 900 },
  mobile: { width: 390, height: 844 },
} as const;

const [port] = freePorts(1, 'DOCS_SCREENSHOT_PORT');
const server = spawn(process.execPath, ['scripts/serve-static.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    DIST_DIR: distDir,
    DOCS_OWNER_PID: String(process.pid),
  },
  stdio: 'ignore',
});
const origin = `http://127.0.0.1:${port}${base}`;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  // The full browser when it is installed (what readers run), else the headless shell the tests use.
  executablePath:
    process.env.CHROMIUM_PATH ??
    ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path)),
});
try {
  await waitForServer(origin);
  let written = 0;
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport,
        colorScheme: theme,
        deviceScaleFactor: 1,
        isMobile: device === 'mobile',
        hasTouch: device === 'mobile',
      });
      const page = await context.newPage();
      // The page as loaded, untouched: shots of one page share a load until an action changes it.
      let loaded: string | undefined;
      for (const target of pages) {
        for (const shot of target.shots) {
          if (shot.mobileAction && device !== 'mobile') continue;
          if (loaded !== target.path) {
            await page.goto(origin + target.path);
            loaded = target.path;
          }
          if (shot.at === undefined) await page.evaluate(() => scrollTo(0, 0));
          else {
            const element = page.locator(shot.at).first();
            if ((await element.count()) === 0) {
              console.warn(`${target.path}: nothing matches ${shot.at}; no ${shot.name} picture`);
              continue;
            }
            // The element near the top, under the header and any bar below it.
            await element.evaluate((e) =>
              scrollTo(0, e.getBoundingClientRect().top + scrollY - 150),
            );
          }
          if (shot.mobileAction) {
            await shot.mobileAction(page);
            loaded = undefined;
          }
          await settled(page);
          const file = join(outDir, `${target.name}-${shot.name}-${device}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
          written += 1;
        }
      }
      await context.close();
    }
  }
  console.log(`${written} screenshots in ${outDir}/`);
} finally {
  await browser.close();
  server.kill();
}

/**
 * Waits until the fonts and the images in view have loaded (or failed), at most 10 s: what a
 * picture must not catch half done. Waiting for the network to be idle cost half a second a
 * picture and said nothing about what is in view.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const inView = (image: HTMLImageElement) => {
      const box = image.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    };
    const loading = [...document.images]
      .filter((image) => !image.complete && inView(image))
      .map(
        (image) =>
          new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          }),
      );
    await Promise.race([
      Promise.all([document.fonts.ready, ...loading]),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the static server did not answer at ${url}`);
}
