/**
 * Proves in a real browser what the build proved on paper: every `from` of the redirect map,
 * every URL and anchor in the published-anchors lock, and an unknown anchor of every moved
 * page end at the expected URL with their target on the page (in view, where a script
 * scrolled to it). Runs in all four projects (plain static server and nginx with the generated
 * rules, at `/` and at `/pr-123/`); the expected URL comes from the same model the build uses,
 * for the project's kind of server.
 *
 * Every address is proven step by step from what really answers it (see
 * support/prove-arrivals.ts): the server over HTTP, and each page's own anchor script run in
 * the browser against all the hashes that reach that page, so one run of a page's script
 * answers all of them. A sample of every kind of address is also typed into a real address
 * bar in each project, which proves the in-page runs behave as a navigation does.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { linkSettings } from '../../src/config.ts';
import type { AnchorIndex } from '../../packages/lasting-links/src/lib/site/anchor-index.ts';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import type { BuiltSite } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { checkLinks } from '../../packages/lasting-links/src/lib/links/check-links.ts';
import { sitePath, type Base } from '../../packages/lasting-links/src/lib/site-path.ts';
import { anchorIndexOf } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { parseRedirectMap } from '../../packages/lasting-links/src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../packages/lasting-links/src/lib/redirects/plan-redirects.ts';
import type {
  HostMode,
  RedirectPlan,
} from '../../packages/lasting-links/src/lib/redirects/follow.ts';
import {
  displayLocation,
  targetHref,
} from '../../packages/lasting-links/src/lib/redirects/locations.ts';
import { parseAnchorsLock } from '../../packages/lasting-links/src/lib/anchors-lock/lock-file.ts';
import { projectBase, projectDistDir } from './support/site.ts';
import {
  navigateSample,
  proveArrivals,
  sampleArrivals,
  type Arrival,
} from './support/prove-arrivals.ts';

const map = parseRedirectMap(
  readFileSync(linkSettings.redirects, 'utf8'),
  linkSettings.redirects,
  linkSettings.redirectHosts,
);
const lock = parseAnchorsLock(readFileSync(linkSettings.lock, 'utf8'), linkSettings.lock).lock;

/**
 * Every place a reader may arrive from: each map `from`, each locked URL and each locked anchor,
 * once. `ONLY_PAGES=/a/,/b/` limits the run to arrivals at those pages (a build test uses it to
 * prove one renamed page in a browser).
 */
const onlyPages = process.env['ONLY_PAGES']?.split(',').filter(Boolean);
const arrivalsByLabel = new Map<string, Arrival>();
const add = (location: Arrival['location']) =>
  arrivalsByLabel.set(displayLocation(location), { label: displayLocation(location), location });
for (const entry of map.entries) add(entry.from);
for (const page of lock.pages) {
  add({ path: page.url, fragment: null });
  for (const anchor of page.anchors) add({ path: page.url, fragment: anchor.id });
}
// An anchor of each moved page that no entry knows: it must carry over to the page's default.
for (const entry of map.entries)
  if (entry.from.fragment === null)
    arrivalsByLabel.set(`${entry.from.path}#no-such-section`, {
      label: `${entry.from.path}#no-such-section`,
      location: { path: entry.from.path, fragment: 'no-such-section' },
      unknownFragment: true,
    });
const arrivals = [...arrivalsByLabel.values()].filter(
  (arrival) => onlyPages === undefined || onlyPages.includes(arrival.location.path),
);

/** The built site as the build saw it: its content pages (stubs and kept-alive old ids are not content) and the plan. */
const sites = new Map<
  string,
  Promise<{ site: BuiltSite; index: AnchorIndex; plan: RedirectPlan }>
>();

/** The link checker's verdict on an address, as `npm run check` would give it: true when it lands. */
function checkerLands(
  site: BuiltSite,
  index: AnchorIndex,
  plan: RedirectPlan,
  base: Base,
  url: string,
): boolean {
  const context = {
    files: site.files,
    pages: site.pages,
    index,
    plan,
    base,
    siteOrigin: 'https://docs.example.com',
    mapFile: linkSettings.redirects,
  };
  const source = {
    file: 'parity',
    path: sitePath('/'),
    links: [{ url, tag: 'a', attribute: 'href', line: 1, column: 1 }],
  };
  return checkLinks([source], context).problems.every((problem) => problem.severity !== 'error');
}
function builtSite(distDir: string) {
  if (!sites.has(distDir)) {
    sites.set(
      distDir,
      (async () => {
        const site = await readBuiltSite(distDir);
        const index = anchorIndexOf(site);
        const { plan } = planRedirects(map.entries, index, linkSettings.redirects);
        return { site, index, plan };
      })(),
    );
  }
  return sites.get(distDir)!;
}

const modeOf = (projectName: string): HostMode =>
  projectName.startsWith('nginx') ? 'server' : 'static';

/** An attribute selector for an id, whatever characters it holds. */
const byId = (id: string) => `[id="${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`;

/** Answers requests that would leave the machine (allow-listed external targets) with a placeholder. */
async function stayOffline(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>' }),
  );
}

test('the map and the lock are read without problems', () => {
  expect(map.problems).toEqual([]);
  expect(arrivals.length).toBeGreaterThan(0);
});

/** Arrivals in page order, in groups, so a failure names the pages it is about. */
const GROUP = 60;
const sorted = [...arrivals].sort((a, b) => (a.label < b.label ? -1 : 1));
for (let start = 0; start < sorted.length; start += GROUP) {
  const group = sorted.slice(start, start + GROUP);
  const first = group[0]!.location.path;
  const last = group.at(-1)!.location.path;
  test(`${group.length} addresses from ${first}${first === last ? '' : ` to ${last}`} land on their sections, proven in the page`, async ({
    page,
    request,
    baseURL,
  }) => {
    const info = test.info();
    test.setTimeout(30_000 + group.length * 500);
    const base = projectBase(info);
    const { site, index, plan } = await builtSite(projectDistDir(info));
    await stayOffline(page);
    const landings = await proveArrivals(
      {
        page,
        request,
        baseURL: baseURL!,
        base,
        mode: modeOf(info.project.name),
        index,
        plan,
        livePages: 'navigate',
      },
      group,
    );
    for (const landing of landings)
      expect
        .soft(landing.problems, `${landing.label} (${landing.steps.join(', ') || 'no step'})`)
        .toEqual([]);
    // The checker answers what the browser did, for every arrival (`npm run check` on the same build).
    landings.forEach((landing, at) => {
      const arrival = group[at]!;
      const url = targetHref({ kind: 'site', ...arrival.location }, base);
      const browser = arrival.unknownFragment === true ? false : landing.problems.length === 0;
      expect
        .soft(
          checkerLands(site, index, plan, base, url),
          `${landing.label}: the checker must agree with Chromium`,
        )
        .toBe(browser);
    });
    info.annotations.push({
      type: 'proven',
      description: `${landings.length} arrivals in the page`,
    });
  });
}

test('a sample of every kind of address lands by real navigation', async ({ page, baseURL }) => {
  const info = test.info();
  const base = projectBase(info);
  const { index, plan } = await builtSite(projectDistDir(info));
  const sample = sampleArrivals(arrivals, plan, index);
  test.setTimeout(20_000 + sample.length * 4_000);
  await stayOffline(page);
  await navigateSample(
    page,
    { baseURL: baseURL!, base, index, plan, mode: modeOf(info.project.name) },
    sample,
  );
  info.annotations.push({ type: 'navigated', description: `${sample.length} arrivals` });
});

/**
 * What the page does with a fragment no server sees (`@ui`: proven on the static server, at both
 * bases; the nginx and bucket projects prove what reaches the server).
 */
const UI = { tag: '@ui' };

test(
  'with JavaScript off, old ids renamed within a page still land on the new heading',
  UI,
  async ({ browser, baseURL }) => {
    const info = test.info();
    const base = projectBase(info);
    const { plan } = await builtSite(projectDistDir(info));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let checked = 0;
    for (const [path, renames] of plan.legacyIds) {
      for (const [oldId, newId] of renames) {
        const url = new URL(targetHref({ kind: 'site', path, fragment: oldId }, base), baseURL)
          .href;
        await page.goto(url);
        await expect(page).toHaveURL(url);
        await expect(
          page.locator(byId(newId)).first(),
          `${path}#${oldId} -> #${newId}`,
        ).toBeInViewport();
        checked += 1;
      }
    }
    await context.close();
    info.annotations.push({
      type: 'checked',
      description: `${checked} renamed anchors without JavaScript`,
    });
  },
);

const HOSTILE = [
  '#javascript:alert(1)',
  '#//example.org',
  '#constructor',
  '#__proto__',
  '#toString',
  '#hasOwnProperty',
  `#${'x'.repeat(20_000)}`,
  '#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '#%E0%A4%A',
  '#%2F%2Fexample.org',
];

test(
  'hostile fragments on a page with an anchor table stay on the page: no navigation, no dialog',
  UI,
  async ({ page, baseURL }) => {
    const info = test.info();
    const base = projectBase(info);
    const { plan } = await builtSite(projectDistDir(info));
    const [path] = [...plan.pageTables].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
    expect(path, 'the map gives no live page an anchor table').toBeDefined();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const pageUrl = new URL(
      targetHref({ kind: 'site', path: path!, fragment: null }, base),
      baseURL,
    ).href;
    for (const hash of HOSTILE) {
      const navigations: string[] = [];
      const onNavigate = (frame: { url(): string }) => navigations.push(frame.url());
      await page.goto(pageUrl + hash);
      page.on('framenavigated', onNavigate);
      await page.waitForTimeout(150);
      page.off('framenavigated', onNavigate);
      expect(new URL(page.url()).pathname, hash.slice(0, 40)).toBe(new URL(pageUrl).pathname);
      expect(page.url().startsWith(pageUrl), hash.slice(0, 40)).toBe(true);
      expect(navigations, hash.slice(0, 40)).toEqual([]);
      // And through hashchange, after the page has loaded.
      await page.evaluate((next) => {
        location.hash = next;
      }, hash);
      await page.waitForTimeout(100);
      expect(new URL(page.url()).pathname, `hashchange ${hash.slice(0, 40)}`).toBe(
        new URL(pageUrl).pathname,
      );
      const scriptHash = await page.evaluate(() =>
        document.documentElement.innerHTML.includes('onerror=alert'),
      );
      expect(scriptHash).toBe(false);
    }
    expect(dialogs).toEqual([]);
  },
);
