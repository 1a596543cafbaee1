/**
 * A published preview as a reader meets it, through a bucket website endpoint (the `s3-preview`
 * project only): every page is marked as a preview and kept out of search engines, the banner
 * costs little and moves nothing, the host lists the live previews, and a removed preview is
 * gone. The production build, beside it, carries none of these marks.
 *
 * A reviewer's view of a pull request that changes things (pull request 8, published beside it;
 * see support/changed-preview.ts): the What-changed page on a phone, moved sections and pages,
 * code diffed line by line, and each page's changes shown in place.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentPagePaths, projectBase, projectDistDir } from './support/site.ts';
import { CHANGED_DIST, CHANGED_PR, EDITS } from './support/changed-preview.ts';

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
        `^Preview of pull request #${pr} at ${sha.slice(0, 7)}, built \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d UTC · What changed · Show changes$`,
      ),
    );
    await expect(banner.getByRole('link', { name: 'What changed' })).toHaveAttribute(
      'href',
      `${projectBase(info)}_changes/`,
    );
    // This preview is compared with its own build: no page changed, so none offers its changes.
    await expect(banner.getByRole('link', { name: 'Show changes' }), path).toBeHidden();
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
    /<script src="[^"]*_preview\.js"><\/script><aside class="preview-banner"[\s\S]*?<\/aside><script type="module">[\s\S]*?<\/script><style>[\s\S]*?<\/style>/.exec(
      html,
    )?.[0];
  expect(markup, 'the banner, its loader of changes, its style and its script tag').toBeDefined();
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

// ─── a pull request that changes things ───────────────────────────────────────────────────

const GUIDE = 'administration-guide/scale/high-availability';
/** A page of the changed preview, as a URL. */
const changedUrl = (baseURL: string | undefined, path: string) =>
  new URL(`/pr-${CHANGED_PR}/${path}`, baseURL).href;

test('the What-changed page fits a 390 px phone in both themes, folded and unfolded, and is accessible', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(changedUrl(baseURL, '_changes/'));
  await expect(page.locator('h1')).toHaveText(`What changed in pull request #${CHANGED_PR}`);
  const width = () =>
    page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await width(), `${theme}, folded`).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
  }
  // Everything unfolded: long paths, code and the anchors of a moved page still wrap or scroll
  // inside their own boxes.
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  expect(await width(), 'unfolded').toBeLessThanOrEqual(390);
});

test('the What-changed page pairs what moved, diffs code line by line, folds long text and links each section', async ({
  page,
  baseURL,
}) => {
  await page.goto(changedUrl(baseURL, '_changes/'));
  const report = page.locator('[data-changes-report]');
  const pageEntry = (title: string) =>
    report.locator('article.page-diff').filter({ has: page.locator('h3', { hasText: title }) });
  const section = (entry: ReturnType<typeof pageEntry>, heading: string) =>
    entry.locator('section.section-diff').filter({ has: page.locator('h4', { hasText: heading }) });

  // The moved section: moved (text unchanged) where it is now, moved away where it was, never
  // a removal and an addition.
  const troubleshooting = pageEntry('Troubleshoot a high availability cluster');
  const moved = section(troubleshooting, 'Monitor replica lag');
  await expect(moved.locator('h4')).toContainText(
    `moved from /${GUIDE}/operations/#monitor-replica-lag (How a high availability cluster works › Monitor replica lag); text unchanged`,
  );
  await expect(moved.locator('h4 a').first()).toHaveAttribute(
    'href',
    `/pr-${CHANGED_PR}/${GUIDE}/troubleshooting/#monitor-replica-lag`,
  );
  await expect(moved.getByRole('link', { name: /^published/ })).toHaveAttribute(
    'href',
    `https://docs.example.com/${GUIDE}/operations/#monitor-replica-lag`,
  );
  await expect(moved.getByRole('link', { name: /^base preview/ })).toHaveAttribute(
    'href',
    `https://previews.example.com/pr-7/${GUIDE}/operations/#monitor-replica-lag`,
  );
  const operations = pageEntry('How a high availability cluster works');
  await expect(section(operations, 'Monitor replica lag').locator('h4')).toContainText(
    'moved to Troubleshoot a high availability cluster › Monitor replica lag',
  );
  await expect(report).not.toContainText(/section removed|new section(?=[^]*Monitor replica lag)/);
  await expect(
    report.locator('section.section-diff', { hasText: 'Monitor replica lag' }),
  ).toHaveCount(2);

  // The changed line of code: one line removed, one added, the unchanged line as it was; the
  // code block's "Copy" button is not part of the text.
  const code = section(operations, 'Job server').locator('.code-diff');
  await expect(code.locator('del.line')).toHaveText([`-${EDITS.codeLineBefore}`]);
  await expect(code.locator('ins.line')).toHaveText([`+${EDITS.codeLineAfter}`]);
  await expect(code.locator('span.line')).toHaveText([
    ' mmctl config get JobSettings.RunScheduler',
  ]);
  await expect(report).not.toContainText('Copy');

  // The reworded sentence, word by word; the renamed heading with its old words and anchor.
  await expect(section(troubleshooting, 'Troubleshoot a high availability cluster')).toContainText(
    'Most cluster problems come fromhave one of three causes',
  );
  await expect(section(troubleshooting, 'Troubleshoot').locator('del')).toHaveText(['come from']);
  await expect(
    section(pageEntry('Upgrade a high availability cluster'), EDITS.headingAfter).locator('h4'),
  ).toContainText(
    `was “${EDITS.headingBefore}”; anchor was #change-the-configuration-without-downtime`,
  );

  // The new section's four paragraphs: two shown, the rest folded, not cut.
  const added = section(troubleshooting, EDITS.addedHeading);
  await expect(added.locator('h4')).toContainText('new section');
  await expect(added.locator(':scope > p.diff-added')).toHaveCount(2);
  const fold = added.locator(':scope > details.fold');
  await expect(fold.locator('summary')).toHaveText(/^2 more blocks \(\d+ words\)$/);
  await expect(fold.locator('p.diff-added').first()).toBeHidden();
  await fold.locator('summary').click();
  await expect(fold.locator('p.diff-added')).toHaveCount(2);
  await expect(fold.locator('p.diff-added').last()).toBeVisible();
  await expect(fold.locator('p.diff-added').last()).toHaveText(/travel together\.$/);

  // The renamed page: one row, with its anchors folded under it.
  const rows = report.locator('ul.moves > li');
  await expect(rows).toHaveCount(3);
  const renamed = rows.filter({ hasText: `/${GUIDE}/configuration-reference/` });
  await expect(renamed).toHaveCount(1);
  await expect(renamed).toContainText(`→ /${GUIDE}/settings-reference/`);
  const anchors = renamed.locator('details summary');
  await expect(anchors).toHaveText(/^and its \d{2} anchors$/);
  await anchors.click();
  await expect(
    renamed.locator('details li', { hasText: '#cluster-settings → #cluster-settings' }),
  ).toHaveCount(1);
  await expect(
    report.locator('ul > li', { hasText: 'High availability configuration reference' }),
  ).toContainText(`moved from /${GUIDE}/configuration-reference/; text unchanged`);
});

/** The marks the page shows, each with the block it is in. */
function marksOf(page: import('@playwright/test').Page) {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('ins, del')].map((mark) => ({
      tag: mark.localName,
      text: mark.textContent,
      inChangedBlock: mark.closest('[data-preview-change]') !== null,
    })),
  );
}

test('with ?changes=1 a changed page marks its changes inside the changed blocks, and "Next change" visits each in turn', async ({
  page,
  baseURL,
}) => {
  await page.goto(changedUrl(baseURL, `${GUIDE}/troubleshooting/?changes=1`));
  const bar = page.getByRole('region', { name: 'Changes on this page' });
  await expect(bar).toContainText('3 changes against the build in');
  const marks = await marksOf(page);
  expect(marks.filter((mark) => !mark.inChangedBlock)).toEqual([]);
  expect(marks.filter((mark) => mark.tag === 'del').map((mark) => mark.text)).toEqual([
    'come from',
  ]);
  expect(marks.filter((mark) => mark.tag === 'ins').map((mark) => mark.text)).toContain('have');
  // The reworded paragraph reads as it does now, with the old words struck through beside it.
  await expect(page.locator('[data-preview-change="changed"]')).toHaveText(
    /^Most cluster problems come fromhave one of three causes/,
  );
  // The new section is marked added, block by block; the moved one is labelled, not marked.
  await expect(page.locator('[data-preview-change="added"]')).toHaveCount(5);
  await expect(page.locator('.preview-change-note')).toHaveText(
    'Moved here from How a high availability cluster works › Monitor replica lag; text unchanged.',
  );
  await expect(page.locator('.preview-change-note a')).toHaveAttribute(
    'href',
    `https://docs.example.com/${GUIDE}/operations/#monitor-replica-lag`,
  );

  // Next change: each change in turn, focused and in view; then round to the first again.
  const next = bar.getByRole('button', { name: 'Next change' });
  const visited: string[] = [];
  for (let n = 0; n < 3; n += 1) {
    await next.click();
    await expect(bar.getByRole('status')).toHaveText(`Change ${n + 1} of 3`);
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('data-preview-hunk', String(n));
    await expect(focused).toBeInViewport();
    visited.push((await focused.textContent())!.slice(0, 40));
  }
  expect(visited[0]).toMatch(/^Most cluster problems/);
  expect(visited[1]).toMatch(/^Moved here from/);
  expect(visited[2]).toBe(EDITS.addedHeading);
  await next.click();
  await expect(bar.getByRole('status')).toHaveText('Change 1 of 3');
  await bar.getByRole('button', { name: 'Previous change' }).click();
  await expect(bar.getByRole('status')).toHaveText('Change 3 of 3');

  // Readable in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const results = await new AxeBuilder({ page })
      .include('main')
      .include('.preview-changes-bar')
      .analyze();
    expect(results.violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
  }
});

test('a changed line of code is marked as a line diff in place; an unchanged page has no marks', async ({
  page,
  baseURL,
}) => {
  await page.goto(changedUrl(baseURL, `${GUIDE}/operations/?changes=1`));
  const code = page.locator('pre[data-preview-change="changed"]');
  await expect(code).toHaveCount(1);
  await expect(code.locator('del')).toHaveText([`${EDITS.codeLineBefore}\n`]);
  // The new line's text is split among the highlighter's spans: one `<ins>` per span.
  expect((await code.locator('ins').allTextContents()).join('')).toBe(EDITS.codeLineAfter);
  // Only the changed line: the unchanged line is in no mark.
  const unmarked = await code.evaluate((pre) => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
      if (node.parentElement?.closest('ins, del') === null) text += node.textContent;
    return text;
  });
  expect(unmarked).toContain('mmctl config get JobSettings.RunScheduler');
  expect(unmarked).not.toContain('/opt/mattermost/config/mattermost.environment');
  expect((await marksOf(page)).filter((mark) => !mark.inChangedBlock)).toEqual([]);
  await expect(page.locator('.preview-change-note')).toContainText(
    '“Monitor replica lag” moved to Troubleshoot a high availability cluster.',
  );

  await page.goto(changedUrl(baseURL, `${GUIDE}/deployment/?changes=1`));
  await expect(page.getByRole('region', { name: 'Changes on this page' })).toContainText(
    'This page did not change in this pull request.',
  );
  expect(await marksOf(page)).toEqual([]);
  await expect(page.locator('[data-preview-change], .preview-change-note')).toHaveCount(0);
  await expect(
    page.locator('aside.preview-banner').getByRole('link', { name: 'Show changes' }),
  ).toBeHidden();
});

test('the banner shows changes on a changed page only when asked, and hiding them puts the page back', async ({
  page,
  baseURL,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(changedUrl(baseURL, `${GUIDE}/troubleshooting/`));
  const main = page.locator('main');
  const before = await main.innerHTML();
  const banner = page.locator('aside.preview-banner');
  const control = banner.getByRole('link', { name: 'Show changes' });
  await expect(control).toBeVisible();
  // Without scripts, the link is the page with its changes shown.
  await expect(control).toHaveAttribute('href', '?changes=1');
  // Nothing of the changes is loaded until asked.
  expect(requests.filter((path) => /_changes\/pages\/|page-changes/.test(path))).toEqual([]);
  await expect(page.locator('ins, del')).toHaveCount(0);

  await control.click();
  await expect(page.getByRole('region', { name: 'Changes on this page' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Hide changes' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('changes')).toBe('1');
  expect(requests.filter((path) => path.includes('/_changes/pages/'))).toHaveLength(1);
  await expect(main.locator('ins').first()).toBeVisible();

  // `d` hides them: the page is as it was, marks and labels gone.
  await page.keyboard.press('d');
  await expect(page.getByRole('region', { name: 'Changes on this page' })).toHaveCount(0);
  await expect(control).toBeVisible();
  expect(await main.innerHTML()).toBe(before);
  expect(new URL(page.url()).searchParams.get('changes')).toBeNull();
  await page.keyboard.press('d');
  await expect(main.locator('[data-preview-change]').first()).toBeVisible();

  // Typing a "d" in the search box is typing, not the shortcut: nothing is loaded.
  requests.length = 0;
  await page.goto(changedUrl(baseURL, `${GUIDE}/troubleshooting/`));
  await page.locator('[data-search-open]:visible').first().click();
  const search = page.locator('input[type="search"]:visible');
  await search.pressSequentially('dd');
  await expect(search).toHaveValue('dd');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  expect(requests.filter((path) => /_changes\/pages\/|page-changes/.test(path))).toEqual([]);
  await expect(page.getByRole('region', { name: 'Changes on this page' })).toHaveCount(0);
});

test('only changed pages of the changed preview name their changes', () => {
  const changedPages = new Set(
    ['operations', 'troubleshooting', 'upgrade', 'settings-reference'].map(
      (name) => `${GUIDE}/${name}/index.html`,
    ),
  );
  for (const path of contentPagePaths(CHANGED_DIST)) {
    const file = `${path.slice(1)}index.html`;
    const html = readFileSync(join(CHANGED_DIST, file), 'utf8');
    const meta =
      /<meta name="preview-changes" content="\/pr-8\/_changes\/pages\/([0-9a-f]{16})\.json">/.exec(
        html,
      );
    expect(meta !== null, file).toBe(changedPages.has(file));
    if (meta !== null)
      expect(existsSync(join(CHANGED_DIST, '_changes/pages', `${meta[1]}.json`))).toBe(true);
  }
});
