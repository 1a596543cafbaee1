/**
 * Hostile and awkward input, proven in a browser on a build of its own (a copy of the project
 * with the input added, built once for this spec):
 * - a page title that closes a script and opens markup must stay text on the 404 page's
 *   "did you mean", and run nothing;
 * - a redirect `from` with host placeholder syntax (`/:page/`) must not become a `_redirects`
 *   rule, which on Netlify or Cloudflare Pages would send every one-level page away;
 * - old addresses with a space or a `%20` land on the static host and on nginx, and the
 *   doubly-encoded form does not;
 * - a heading of emoji alone gets an id its table-of-contents entry lands on;
 * - a base equal to a content folder (`/administration-guide/`) builds and serves.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCopy, copyProject } from '../build/support/project-copy.ts';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import { serveFolder } from './support/serve-folder.ts';

const HOSTILE_TITLE = 'E </script><svg onload=alert(1)> p';
const OVERVIEW = '/administration-guide/scale/high-availability/';
const DEPLOYMENT = '/administration-guide/scale/high-availability/deployment/';

let copy: { dir: string; remove: () => void } | undefined;
const servers: { origin: string; stop: () => void }[] = [];
let origins: { static: string; nginx: string; underContentBase: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Two builds of the whole site.
  test.setTimeout(600_000);
  copy = copyProject('hostile-input-');
  writeFileSync(
    join(copy.dir, 'content/docs/administration-guide/hostile-title.mdx'),
    `---\ntitle: '${HOSTILE_TITLE}'\ndescription: A page whose title is markup.\n---\n\nText.\n\n## 🚀\n\nLaunch.\n\n## Words\n\nMore.\n`,
  );
  appendFileSync(
    join(copy.dir, 'content/redirects.yaml'),
    [
      '',
      '- from: /:page/',
      '  to: /administration-guide/',
      '- from: /old guide.html',
      `  to: ${OVERVIEW}`,
      '- from: /pct%20b.html',
      `  to: ${DEPLOYMENT}`,
      '',
    ].join('\n'),
  );
  const root = buildCopy(copy.dir, { OUT_DIR: join(copy.dir, 'out') });
  expect(root.status, root.output.slice(-3000)).toBe(0);
  const underContent = buildCopy(copy.dir, {
    OUT_DIR: join(copy.dir, 'out-ag'),
    SITE_BASE: '/administration-guide/',
  });
  expect(underContent.status, underContent.output.slice(-3000)).toBe(0);
  const started = await Promise.all([
    serveFolder(join(copy.dir, 'out'), 'hostile-static'),
    serveFolder(join(copy.dir, 'out'), 'hostile-nginx', 'nginx'),
    serveFolder(join(copy.dir, 'out-ag'), 'hostile-ag', 'static', '/administration-guide/'),
  ]);
  servers.push(...started);
  origins = {
    static: started[0].origin,
    nginx: started[1].origin,
    underContentBase: started[2].origin,
  };
});

test.afterAll(() => {
  for (const server of servers) server.stop();
  copy?.remove();
});

test('a title that closes a script stays text in the 404 page’s “did you mean”, and runs nothing', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`${origins.static}/administration-guide/hostile-titel/`);
  expect(response?.status()).toBe(404);
  const suggestion = page.locator('[data-did-you-mean-link]');
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toHaveText(HOSTILE_TITLE);
  await expect(suggestion).toHaveAttribute('href', '/administration-guide/hostile-title/');
  expect(await page.locator('svg[onload]').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('a heading of emoji alone has an id, and its table-of-contents entry lands on it', async ({
  page,
}) => {
  await page.goto(`${origins.static}/administration-guide/hostile-title/`);
  const heading = page.locator('h2#section-1f680');
  await expect(heading).toHaveText('🚀');
  const entry = page.locator('.toc a[href="#section-1f680"]');
  await expect(entry).toBeAttached();
  expect(await page.locator('a[href="#"]').count()).toBe(0);
  await page.goto(`${origins.static}/administration-guide/hostile-title/#section-1f680`);
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('section-1f680');
});

test('a from with placeholder syntax is served by its stub alone, never by a _redirects rule', async ({
  page,
}) => {
  const dir = join(copy!.dir, 'out');
  const rules = readFileSync(join(dir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  // Netlify's and Cloudflare's reading of a rule's source: `:name` is one segment, `*` anything.
  const pattern = (from: string) =>
    new RegExp(
      '^' +
        from
          .split(/(:[A-Za-z]\w*|\*)/)
          .map((part) =>
            part === '*'
              ? '.*'
              : part.startsWith(':')
                ? '[^/]+'
                : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('') +
        '$',
    );
  const site = await readBuiltSite(dir);
  const livePages = [...site.pages.values()].filter((p) => !p.isStub).map((p) => p.path);
  expect(livePages).toContain('/administration-guide/');
  for (const rule of rules) {
    const from = rule.split(/\s+/)[0]!;
    const hits = livePages.filter((path) => pattern(decodeURI(from)).test(path));
    expect(hits, `${rule} would redirect live pages`).toEqual([]);
  }
  expect(rules.some((rule) => rule.includes(':page'))).toBe(false);
  // The literal old address still lands, through its stub page.
  await page.goto(`${origins.static}/:page/`);
  await expect(page).toHaveURL(`${origins.static}/administration-guide/`);
  // A one-level page is not touched.
  await page.goto(`${origins.static}/administration-guide/`);
  await expect(page).toHaveURL(`${origins.static}/administration-guide/`);
});

for (const server of ['static', 'nginx'] as const)
  test(`old addresses with a space or %20 land on ${server}; the doubly-encoded form does not`, async ({
    page,
  }) => {
    const origin = origins[server];
    await page.goto(`${origin}/old%20guide.html`);
    await expect(page).toHaveURL(`${origin}${OVERVIEW}`);
    await page.goto(`${origin}/pct%20b.html`);
    await expect(page).toHaveURL(`${origin}${DEPLOYMENT}`);
    const doubled = await page.goto(`${origin}/pct%2520b.html`);
    expect(doubled?.status()).toBe(404);
  });

test('a base equal to a content folder builds, and its pages and old anchors resolve', async ({
  page,
}) => {
  const origin = origins.underContentBase;
  const response = await page.goto(`${origin}/administration-guide${OVERVIEW}`);
  expect(response?.status()).toBe(200);
  await page.goto(
    `${origin}/administration-guide/scale/high-availability-cluster-based-deployment.html#upgrade-guide`,
  );
  await expect(page).toHaveURL(
    new RegExp(
      `^${origin}/administration-guide/administration-guide/scale/high-availability/upgrade/`,
    ),
  );
});
