/**
 * A published preview as a reader meets it, through a bucket website endpoint (the `s3-preview`
 * project only): every page is marked as a preview and kept out of search engines, the banner
 * costs little and moves nothing, the host lists the live previews, and a removed preview is
 * gone. The production build, beside it, carries none of these marks.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentPagePaths, projectBase, projectDistDir } from './support/site.ts';

/** What `dist-preview/_preview.json` says the build is. */
function previewIdentity(distDir: string): { pr: number; sha: string; builtAt: string } {
  return JSON.parse(readFileSync(join(distDir, '_preview.json'), 'utf8')) as {
    pr: number;
    sha: string;
    builtAt: string;
  };
}

const PAGES = contentPagePaths('dist');

test('every page is marked: the banner (pull request, commit, build time, what changed), noindex, canonical to the published page', async ({
  page,
  request,
  baseURL,
}) => {
  const info = test.info();
  const { pr, sha } = previewIdentity(projectDistDir(info));
  for (const path of PAGES) {
    await page.goto(path.slice(1));
    const banner = page.locator('aside.preview-banner');
    await expect(banner.getByRole('link', { name: `pull request #${pr}` }), path).toHaveAttribute(
      'href',
      new RegExp(`/pull/${pr}$`),
    );
    await expect(banner).toContainText(
      new RegExp(
        `^Preview of pull request #${pr} at ${sha.slice(0, 7)}, built \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d UTC · What changed$`,
      ),
    );
    await expect(banner.getByRole('link', { name: 'What changed' })).toHaveAttribute(
      'href',
      `${projectBase(info)}_changes/`,
    );
    // A page may add robots directives of its own (`head:` in front matter); crawlers obey them all.
    await expect(page.locator('meta[name="robots"][content="noindex"]'), path).toHaveCount(1);
    await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute(
      'href',
      `https://docs.example.com${path}`,
    );
  }
  expect(await (await request.get(`${baseURL}robots.txt`)).text()).toBe(
    'User-agent: *\nDisallow: /\n',
  );
  // Crawlers read robots.txt at the host's root only: the host has its own.
  expect(await (await request.get(new URL('/robots.txt', baseURL).href)).text()).toBe(
    'User-agent: *\nDisallow: /\n',
  );
});

test('the bucket serves pages to be revalidated and fingerprinted assets for good', async ({
  request,
  baseURL,
}) => {
  const pageResponse = await request.get(baseURL!);
  expect(pageResponse.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(pageResponse.headers()['cache-control']).toBe('no-cache');
  const stylesheet = /href="([^"]+\/_astro\/[^"]+\.css)"/.exec(await pageResponse.text())?.[1];
  expect(stylesheet).toBeDefined();
  const css = await request.get(new URL(stylesheet!, baseURL).href);
  expect(css.headers()['content-type']).toBe('text/css; charset=utf-8');
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const script = await request.get(`${baseURL}_preview.js`);
  expect(script.headers()['cache-control']).toBe('no-cache');
});

test('the banner costs under 1 KB gzipped and moves nothing on the page', async ({ page }) => {
  const info = test.info();
  const html = readFileSync(join(projectDistDir(info), 'index.html'), 'utf8');
  const markup =
    /<script src="[^"]*_preview\.js"><\/script><aside class="preview-banner"[\s\S]*?<\/aside><style>[\s\S]*?<\/style>/.exec(
      html,
    )?.[0];
  expect(markup, 'the banner, its style and its script tag').toBeDefined();
  const script = readFileSync(join(projectDistDir(info), '_preview.js'));
  const bytes = gzipSync(markup!).length + gzipSync(script).length;
  info.annotations.push({ type: 'banner', description: `${bytes} bytes gzipped` });
  expect(bytes).toBeLessThan(1024);

  // What the first frame drew of the banner, and every layout shift with the elements it moved.
  await page.addInitScript(() => {
    const record = { first: '', shifts: [] as string[] };
    (window as unknown as { banner: typeof record }).banner = record;
    const describe = (banner: Element) =>
      `${banner.textContent.replace(/\s+/g, ' ').trim()} | ${banner.getBoundingClientRect().height}px`;
    // The first frame that draws anything after the banner (a busy parser can yield inside it,
    // before the page below it exists, and then nothing can be pushed down yet).
    const firstFrame = () => {
      const banner = document.querySelector('aside.preview-banner');
      if (banner === null || document.querySelector('.site-header') === null)
        requestAnimationFrame(firstFrame);
      else record.first = describe(banner);
    };
    requestAnimationFrame(firstFrame);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        sources: Array<{ node: Element | null }>;
      }>) {
        for (const source of entry.sources) {
          const node = source.node;
          record.shifts.push(
            node === null ? '?' : `${node.nodeName.toLowerCase()}.${node.className}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(PAGES.find((path) => path !== '/')!.slice(1));
    await page.waitForLoadState('load');
    await expect(page.locator('preview-build')).toContainText(/^ at \w{7}, built /);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const { first, shifts } = await page.evaluate(
      () => (window as unknown as { banner: { first: string; shifts: string[] } }).banner,
    );
    const now = await page
      .locator('aside.preview-banner')
      .evaluate(
        (banner) =>
          `${banner.textContent.replace(/\s+/g, ' ').trim()} | ${banner.getBoundingClientRect().height}px`,
      );
    test
      .info()
      .annotations.push({ type: 'shifts', description: `${width} px: ${shifts.join(', ')}` });
    expect(first, `${width} px: the banner as first drawn`).toBe(now);
    // A banner that grew would push the header and everything under it down.
    expect(
      shifts.filter((node) => /site-header|preview-banner|docs-shell|^main/.test(node)),
      `${width} px: ${shifts.join(', ')}`,
    ).toEqual([]);
  }
});

test('the banner is accessible in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('');
    const results = await new AxeBuilder({ page }).include('.preview-banner').analyze();
    expect(results.violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
  }
});

test('what changed is one click away, and a missing page gets the preview’s own 404 page', async ({
  page,
  baseURL,
}) => {
  await page.goto('');
  await page.locator('aside.preview-banner').getByRole('link', { name: 'What changed' }).click();
  await expect(page.locator('h1')).toHaveText(/^What changed in pull request #\d+$/);
  await expect(page.locator('[data-changes-report]')).toContainText('Link check');
  const missing = await page.goto(`${baseURL}administration-guide/scale/high-availabilty/`);
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('[data-did-you-mean-link]')).toHaveAttribute(
    'href',
    `${projectBase(test.info())}administration-guide/scale/high-availability/`,
  );
});

test('the host lists the live preview; the one removed is gone', async ({
  page,
  request,
  baseURL,
}) => {
  const info = test.info();
  const { pr } = previewIdentity(projectDistDir(info));
  const removed = Number(info.project.metadata['removedPr']);
  await page.goto(new URL('/', baseURL).href);
  await expect(page.locator('h1')).toHaveText('Documentation previews');
  await expect(page.getByRole('link', { name: `Pull request #${pr}` })).toHaveAttribute(
    'href',
    `pr-${pr}/`,
  );
  await expect(page.getByRole('link', { name: `Pull request #${removed}` })).toHaveCount(0);
  expect((await request.get(new URL(`/pr-${removed}/`, baseURL).href)).status()).toBe(404);
});

test('the production build carries no preview marks', () => {
  expect(existsSync('dist/_preview.js') || existsSync('dist/_changes')).toBe(false);
  expect(readFileSync('dist/robots.txt', 'utf8')).toMatch(/^User-agent: \*\nAllow: \/\n/);
  for (const path of PAGES) {
    const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
    expect(html, path).not.toContain('preview-banner');
    expect(html, path).not.toMatch(/<meta name="robots" content="[^"]*noindex/);
    expect(html, path).toContain(`<link rel="canonical" href="https://docs.example.com${path}">`);
  }
});
