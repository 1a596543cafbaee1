/**
 * The scale test site (`npm run scale:build`: every page of the whole Mattermost docs set and
 * its imported 2,166-entry Sphinx-era map) proven in a real browser, on a plain static server
 * and on nginx with the generated map: every `from` of the map, every locked URL and anchor,
 * and an unknown anchor of every moved page land where the build's model says, each step
 * taken from what really answers it and every page's anchor script run in the browser against
 * all the hashes that reach it (support/prove-arrivals.ts). A sample of every kind of address
 * is also typed into a real address bar in each server mode.
 */
import { test, expect, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkSettings } from '../../src/config.ts';
import type { AnchorIndex } from '../../packages/lasting-links/src/lib/site/anchor-index.ts';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { parseRedirectMap } from '../../packages/lasting-links/src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../packages/lasting-links/src/lib/redirects/plan-redirects.ts';
import type {
  HostMode,
  RedirectPlan,
} from '../../packages/lasting-links/src/lib/redirects/follow.ts';
import { displayLocation } from '../../packages/lasting-links/src/lib/redirects/locations.ts';
import { parseAnchorsLock } from '../../packages/lasting-links/src/lib/anchors-lock/lock-file.ts';
import { projectBase, projectDistDir } from './support/site.ts';
import {
  navigateSample,
  proveArrivals,
  sampleArrivals,
  type Arrival,
} from './support/prove-arrivals.ts';

const PROJECT = join('.build', 'scale', 'project');
const mapFile = join(PROJECT, linkSettings.redirects);
const map = parseRedirectMap(readFileSync(mapFile, 'utf8'), mapFile, linkSettings.redirectHosts);
const lock = parseAnchorsLock(
  readFileSync(join(PROJECT, linkSettings.lock), 'utf8'),
  linkSettings.lock,
).lock;

const arrivals = new Map<string, Arrival>();
const add = (location: Arrival['location'], unknownFragment = false) => {
  const label = displayLocation(location);
  arrivals.set(label, { label, location, ...(unknownFragment ? { unknownFragment } : {}) });
};
for (const entry of map.entries) {
  add(entry.from);
  if (entry.from.fragment === null)
    add({ path: entry.from.path, fragment: 'no-such-section' }, true);
}
for (const page of lock.pages) {
  add({ path: page.url, fragment: null });
  for (const anchor of page.anchors) add({ path: page.url, fragment: anchor.id });
}

const sites = new Map<string, Promise<{ index: AnchorIndex; plan: RedirectPlan }>>();
function builtSite(distDir: string) {
  if (!sites.has(distDir))
    sites.set(
      distDir,
      readBuiltSite(distDir).then((site) => {
        const index = anchorIndexOf(site);
        return { index, plan: planRedirects(map.entries, index, mapFile).plan };
      }),
    );
  return sites.get(distDir)!;
}

const modeOf = (projectName: string): HostMode =>
  projectName.includes('nginx') ? 'server' : 'static';

test('the scale site holds the imported map and its lock', () => {
  expect(map.problems).toEqual([]);
  expect(map.entries.length, 'entries imported from the 2,166-key Sphinx map').toBeGreaterThan(
    1800,
  );
  expect(map.entries.filter((entry) => entry.from.fragment !== null).length).toBeGreaterThan(900);
  expect(lock.pages.length).toBeGreaterThan(400);
});

const GROUP = 1000;
const sorted = [...arrivals.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
for (let start = 0; start < sorted.length; start += GROUP) {
  const group = sorted.slice(start, start + GROUP);
  test(`addresses ${start + 1} to ${start + group.length} of ${sorted.length} land on their sections, proven in the page`, async ({
    page,
    request,
    baseURL,
  }) => {
    const info = test.info();
    test.setTimeout(120_000);
    const { index, plan } = await builtSite(projectDistDir(info));
    const landings = await proveArrivals(
      {
        page,
        request,
        baseURL: baseURL!,
        base: projectBase(info),
        mode: modeOf(info.project.name),
        index,
        plan,
        livePages: 'parse',
      },
      group,
    );
    const wrong = landings.filter((landing) => landing.problems.length > 0);
    expect(
      wrong
        .slice(0, 20)
        .map(
          (landing) =>
            `${landing.label}: ${landing.problems.join('; ')} (${landing.steps.join(', ')})`,
        ),
      `${wrong.length} of ${landings.length} addresses do not land`,
    ).toEqual([]);
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
  const sample = sampleArrivals([...arrivals.values()], plan, index, 3);
  test.setTimeout(20_000 + sample.length * 4_000);
  await navigateSample(
    page,
    { baseURL: baseURL!, base, index, plan, mode: modeOf(info.project.name) },
    sample,
  );
  info.annotations.push({ type: 'navigated', description: `${sample.length} arrivals` });
});

test('the sidebar holds the current branch open and every other group one click away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('administration-guide/administration-guide-index/');
  const closed = page.locator('.sidebar a[data-group="closed"]');
  expect(await closed.count(), 'groups, closed').toBeGreaterThan(1);
  const label = async (link: Locator) => (await link.locator('.sidebar-label').textContent())!;
  const group = (text: string, state: 'open' | 'closed') =>
    page.locator(`.sidebar a[data-group="${state}"]`, {
      has: page.locator('.sidebar-label', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }),
    });
  const [first, second] = [await label(closed.nth(0)), await label(closed.nth(1))];
  for (const [opened, left] of [
    [first, undefined],
    [second, first],
  ] as const) {
    const link = group(opened, 'closed');
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(href)}$`));
    await expect(group(opened, 'open')).toHaveCount(1);
    await expect(page.locator('.sidebar [aria-current="page"]')).toHaveCount(1);
    // The branch left behind is closed again, one click away.
    if (left !== undefined) await expect(group(left, 'closed')).toHaveCount(1);
  }
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
