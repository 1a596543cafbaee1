/**
 * Every link of the built site, proven in a real browser:
 * - every internal `<a href>` is clicked, lands on its target, and brings the fragment's
 *   element into the viewport; every page and resource loaded on the way answers without error;
 * - on every other server and base, a link into each page does the same;
 * old URLs of the redirect map and the anchors lock are proven by redirects.spec.ts, against the
 * same model of static hosts and 301-serving hosts that the build uses.
 *
 * The plan is made from the `dist/` build (or `DIST_DIR`) before any test runs, as Playwright
 * declares tests up front; each project then plays it against its own server and base. Each
 * distinct target is clicked once, in a walk from page to page (see makePlan), in one project;
 * the others click one link into each page (see clicksEveryLink).
 */
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { linkSettings } from '../../src/config.ts';
import {
  parseBase,
  withBase,
  type SitePath,
} from '../../packages/lasting-links/src/lib/site-path.ts';
import {
  classifyUrl,
  displayUrl,
} from '../../packages/lasting-links/src/lib/links/classify-url.ts';
import { findTargetFile } from '../../packages/lasting-links/src/lib/links/target-file.ts';
import { readPage } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import {
  anchorIndexOf,
  type BuiltPage,
} from '../../packages/lasting-links/src/lib/site/built-site.ts';
import {
  isPageFile,
  sitePathOfFile,
} from '../../packages/lasting-links/src/lib/site/output-paths.ts';
import { parseRedirectMap } from '../../packages/lasting-links/src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../packages/lasting-links/src/lib/redirects/plan-redirects.ts';
import { follow } from '../../packages/lasting-links/src/lib/redirects/follow.ts';
import { projectBase, sitePathToUrl } from './support/site.ts';

const PLAN_DIST = process.env.DIST_DIR ?? 'dist';
const SITE_ORIGIN = process.env.SITE_URL ?? 'https://docs.example.com';

/** Where a URL must end up: a site path and the fragment whose element must be in view. */
interface Landing {
  path: string;
  fragment: string | null;
}

/** One link to click: on which page, its href as written in the `/` build, and where it must land. */
interface Click {
  from: string;
  href: string;
  landing: Landing;
}

/** How many tests the clicks are split into, so workers share them evenly. */
const CLICK_PARTS = 4;

function makePlan() {
  if (!existsSync(PLAN_DIST))
    throw new Error(`${PLAN_DIST}/ does not exist: build the site first (npm run build).`);
  const files = readdirSync(PLAN_DIST, { recursive: true, encoding: 'utf8' }).map((file) =>
    file.split('\\').join('/'),
  );
  const fileSet = new Set(files);
  const all = new Map<SitePath, BuiltPage>();
  for (const file of files.filter(isPageFile))
    all.set(sitePathOfFile(file), readPage(PLAN_DIST, file));
  // Redirect stubs are proven by redirects.spec.ts, not clicked from.
  const index = anchorIndexOf({ dir: PLAN_DIST, files: fileSet, pages: all });
  const pages = new Map([...index.keys()].map((path) => [path, all.get(path)!]));
  const mapText = existsSync(linkSettings.redirects)
    ? readFileSync(linkSettings.redirects, 'utf8')
    : '';
  const entries = parseRedirectMap(
    mapText,
    linkSettings.redirects,
    linkSettings.redirectHosts,
  ).entries;
  const redirects = planRedirects(entries, index, linkSettings.redirects).plan;

  /** Where a browser ends up for a site path: through the redirects (the build's own follower), or right there. */
  const landingOf = (path: SitePath, fragment: string | null): Landing => {
    const file = findTargetFile(path, fileSet)?.file;
    const visit = follow(
      redirects,
      index,
      { path: file === undefined ? path : sitePathOfFile(file), fragment },
      'static',
    );
    if (visit.kind === 'landed' && visit.hops.length > 0) {
      return visit.target.kind === 'site'
        ? { path: visit.target.path, fragment: visit.target.fragment }
        : { path: visit.target.url, fragment: null };
    }
    return { path: findTargetFile(path, fileSet)?.canonicalPath ?? path, fragment };
  };

  // Each distinct target once: a cross-page target is the same click on every page that has it
  // (the sidebar repeats hundreds); a same-page `#fragment` belongs to its page.
  const offers = new Map<string, { key: string; click: Click; samePage: boolean }[]>();
  for (const [pagePath, scan] of pages) {
    const list: { key: string; click: Click; samePage: boolean }[] = [];
    for (const link of scan.links) {
      if (link.tag !== 'a' && link.tag !== 'area') continue;
      const target = classifyUrl(link.url, pagePath, parseBase('/'), SITE_ORIGIN);
      if (target.kind !== 'internal') continue;
      const samePage = target.path === pagePath && link.url.startsWith('#');
      const key = samePage ? `${pagePath} ${link.url}` : displayUrl(target.path, target.fragment);
      if (list.some((offer) => offer.key === key)) continue;
      list.push({
        key,
        samePage,
        click: { from: pagePath, href: link.url, landing: landingOf(target.path, target.fragment) },
      });
    }
    offers.set(pagePath, list);
  }

  // A walk through the site: every click lands on a page, and the next click is made from
  // there, so proving a link costs one navigation instead of two.
  const walkOf = (include: (offer: { key: string; samePage: boolean }) => boolean): Click[][] => {
    const walk: Click[] = [];
    const unproven = new Set(
      [...offers.values()].flatMap((list) => list.filter(include).map((offer) => offer.key)),
    );
    const pending = (page: string) =>
      (offers.get(page) ?? []).filter((offer) => unproven.has(offer.key));
    let current: string | undefined;
    while (unproven.size > 0) {
      let choices = current === undefined ? [] : pending(current);
      if (choices.length === 0) {
        current = [...offers.keys()].find((page) => pending(page).length > 0)!;
        choices = pending(current);
      }
      const next =
        choices.find((offer) => offer.samePage) ??
        choices.find((offer) =>
          pending(offer.click.landing.path).some((after) => after.key !== offer.key),
        ) ??
        choices[0]!;
      unproven.delete(next.key);
      walk.push(next.click);
      if (!next.samePage)
        current = pages.has(next.click.landing.path as SitePath)
          ? next.click.landing.path
          : undefined;
    }
    // Parts of about equal time: a click that loads a page costs several same-page jumps.
    const cost = (click: Click) => (click.href.startsWith('#') ? 1 : 4);
    const total = walk.reduce((sum, click) => sum + cost(click), 0);
    const parts: Click[][] = Array.from({ length: CLICK_PARTS }, () => []);
    let spent = 0;
    for (const click of walk) {
      parts[Math.min(CLICK_PARTS - 1, Math.floor((spent * CLICK_PARTS) / total))]!.push(click);
      spent += cost(click);
    }
    return parts;
  };

  // Elsewhere, one link into each page that links reach (one with a fragment where there is one):
  // the server answers the page the same whatever fragment the link carries.
  const intoEachPage = new Map<string, string>();
  for (const list of offers.values())
    for (const offer of list) {
      if (offer.samePage) continue;
      const chosen = intoEachPage.get(offer.click.landing.path);
      if (chosen === undefined || (offer.click.landing.fragment && !chosen.includes('#')))
        intoEachPage.set(offer.click.landing.path, offer.key);
    }
  const chosenKeys = new Set(intoEachPage.values());

  const everyLink = walkOf(() => true);
  const intoPages = walkOf((offer) => chosenKeys.has(offer.key));
  return {
    everyLink,
    intoPages,
    clicks: everyLink.flat().length,
    targetPages: intoEachPage.size,
    pages: pages.size,
  };
}

const plan = makePlan();

/**
 * In the page: whether the element for `fragment` (an id, or an `<a name>`) is within the
 * viewport, or why not. An empty placeholder (an old id kept before a renamed heading) has no
 * height and counts when its top is on screen.
 */
function fragmentState(id: string): true | string {
  const element =
    document.getElementById(id) ?? document.querySelector(`[name="${CSS.escape(id)}"]`);
  if (element === null) return `no element with id "${id}"`;
  const box = element.getBoundingClientRect();
  const visible =
    box.top < window.innerHeight && (box.bottom > 0 || (box.height === 0 && box.top >= 0));
  return (
    visible || `#${id} is at ${Math.round(box.top)}px, outside the ${window.innerHeight}px viewport`
  );
}

/**
 * Waits until the page shows `landing` under `baseURL`: same path, same fragment, element in
 * view. Waits on navigation events and animation frames rather than polling on a timer, which
 * keeps hundreds of checks fast; failures are soft so one run lists every broken link.
 */
async function expectLanding(
  page: Page,
  landing: Landing,
  baseURL: string,
  what: string,
): Promise<void> {
  const isExternal = /^https?:\/\//i.test(landing.path);
  const expected = new URL(isExternal ? landing.path : sitePathToUrl(baseURL, landing.path));
  const wantedHash = landing.fragment ?? '';
  const matches = (url: URL) =>
    url.pathname === expected.pathname && decodeURIComponent(url.hash.slice(1)) === wantedHash;
  const reached = await page
    .waitForURL(matches, { timeout: 5000, waitUntil: 'domcontentloaded' })
    .then(
      () => true,
      () => false,
    );
  if (!reached) {
    const wanted = expected.pathname + (landing.fragment === null ? '' : `#${landing.fragment}`);
    expect
      .soft(
        new URL(page.url()).pathname + new URL(page.url()).hash,
        `${what} should land on ${wanted}`,
      )
      .toBe(wanted);
    return;
  }
  const fragment = landing.fragment;
  if (fragment === null || fragment === '' || fragment.toLowerCase() === 'top' || isExternal)
    return;
  const inView = await page
    .waitForFunction(
      (id) => {
        const element = document.getElementById(id) ?? document.getElementsByName(id)[0];
        if (!element) return false;
        const box = element.getBoundingClientRect();
        return (
          box.top < window.innerHeight && (box.bottom > 0 || (box.height === 0 && box.top >= 0))
        );
      },
      fragment,
      { polling: 'raf', timeout: 3000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!inView)
    expect
      .soft(await page.evaluate(fragmentState, fragment), `${what}: #${fragment} in view`)
      .toBe(true);
}

/** A link made reachable in the page: where to point at it, or null when only the keyboard can. */
interface ReachedLink {
  element: HTMLElement;
  pointer: { x: number; y: number } | null;
}

declare global {
  interface Window {
    reachLink?: (href: string) => Promise<ReachedLink | string>;
  }
}

/**
 * Installed in every page the tests open (`page.addInitScript`): finds the first link with
 * `href` a reader sees (the desktop and the small-screen contents lists repeat each link),
 * opens the collapsed sections and selects the tab that hold it, scrolls it to the middle of
 * the window and waits for sticky boxes to settle (the contents list moves 20 px a frame after
 * a scroll); then says where its centre is if the link is what a pointer there would hit, or
 * focuses it for the keyboard (a skip link shows only on focus). A string says what is wrong.
 */
function installReachLink(): void {
  window.reachLink = async (href) => {
    const matches = [...document.querySelectorAll<HTMLElement>('a[href], area[href]')].filter(
      (link) => link.getAttribute('href') === href,
    );
    const element = matches.find((link) => link.checkVisibility()) ?? matches[0];
    if (element === undefined) return `no link with href "${href}"`;
    element.removeAttribute('target');
    for (
      let details = element.closest('details');
      details !== null;
      details = details.parentElement?.closest('details') ?? null
    )
      details.open = true;
    const panel = element.closest<HTMLElement>('[role=tabpanel][hidden]');
    if (panel !== null)
      document.querySelector<HTMLElement>(`[role=tab][aria-controls="${panel.id}"]`)?.click();
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const onScreen =
      box.width > 0 && x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight;
    const hit = onScreen ? document.elementFromPoint(x, y) : null;
    if (hit !== null && (hit === element || element.contains(hit)))
      return { element, pointer: { x, y } };
    element.focus();
    return document.activeElement === element
      ? { element, pointer: null }
      : `${href}: neither under the pointer nor focusable`;
  };
}

/**
 * In the page, for a run of same-page `#fragment` links: each is made reachable and clicked
 * where a reader would (it must be the element under its own centre, or it is followed with
 * the keyboard like a skip link), and must then show its fragment in the address bar and its
 * element in the viewport. One round trip for the whole run instead of several per link; the
 * browser's own fragment navigation and scrolling do the work. Returns what went wrong.
 */
async function clickSamePageLinks(
  links: { href: string; fragment: string | null }[],
): Promise<string[]> {
  const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
  const problems: string[] = [];
  for (const { href, fragment } of links) {
    const reached = await window.reachLink!(href);
    if (typeof reached === 'string') {
      problems.push(reached);
      continue;
    }
    // A pointer's click and a keyboard's Enter on a focused link both activate it.
    const element = reached.element;
    element.click();
    const wanted = fragment ?? '';
    let shown = false;
    for (let frame = 0; frame < 60 && !shown; frame++) {
      await nextFrame();
      const hashShown = decodeURIComponent(location.hash.slice(1)) === wanted;
      if (!hashShown) continue;
      if (wanted === '' || wanted.toLowerCase() === 'top') {
        shown = true;
        continue;
      }
      const target = document.getElementById(wanted) ?? document.getElementsByName(wanted)[0];
      if (!target) continue;
      const at = target.getBoundingClientRect();
      shown = at.top < window.innerHeight && (at.bottom > 0 || (at.height === 0 && at.top >= 0));
    }
    if (!shown) {
      const target = document.getElementById(wanted);
      problems.push(
        `${href}: address shows "${location.hash}", ` +
          (target === null
            ? `no element with id "${wanted}"`
            : `#${wanted} at ${Math.round(target.getBoundingClientRect().top)}px in a ${window.innerHeight}px viewport`),
      );
    }
  }
  return problems;
}

/**
 * Clicks the first link with `href`, made reachable: collapsed sections opened, the tab that
 * holds it selected, scrolled into view, no new browser tab. The preparation runs in the page in
 * one round trip and the click is a real mouse click at the link's centre, which keeps hundreds
 * of clicks fast (Playwright's `click()` adds several round trips and frame waits to each).
 */
async function clickLink(page: Page, href: string): Promise<void> {
  const reached = await page.evaluate(async (wanted) => {
    const link = await window.reachLink!(wanted);
    return typeof link === 'string' ? link : (link.pointer ?? 'keyboard');
  }, href);
  if (typeof reached === 'object') await page.mouse.click(reached.x, reached.y);
  else if (reached === 'keyboard') await page.keyboard.press('Enter');
  else expect.soft(reached, `a link to click on ${page.url()}`).toBe('a link');
}

/**
 * Where a link goes is settled by the page and the browser; what a server adds is answering the
 * page it loads. So every distinct link is clicked on the static server at the root base, and on
 * the other servers and bases one link into each page (a same-page `#fragment` link never
 * reaches the server, and reads the same under any base).
 */
const clicksEveryLink = (testInfo: TestInfo) =>
  testInfo.project.metadata.server === 'static' && projectBase(testInfo) === '/';

for (let part = 0; part < CLICK_PARTS; part++) {
  test(`internal links, part ${part + 1} of ${CLICK_PARTS}: each click lands on its target`, async ({
    page,
    baseURL,
  }, testInfo) => {
    const clicks = (clicksEveryLink(testInfo) ? plan.everyLink : plan.intoPages)[part]!;
    test.setTimeout(30_000 + clicks.length * 3000);
    const base = projectBase(testInfo);
    await page.addInitScript(installReachLink);
    const failedResources = new Set<string>();
    page.on('response', (response) => {
      if (response.url().startsWith(baseURL!) && response.status() >= 400)
        failedResources.add(`${response.status()} ${response.url()}`);
    });
    const onPage = async (from: string) => {
      if (new URL(page.url()).pathname !== new URL(sitePathToUrl(baseURL!, from)).pathname)
        await page.goto(from.slice(1), { waitUntil: 'domcontentloaded' });
    };
    // Same-page links that stay on their page are clicked in runs, in the page.
    let run: Click[] = [];
    const clickRun = async () => {
      if (run.length === 0) return;
      await onPage(run[0]!.from);
      const links = run.map((click) => ({ href: click.href, fragment: click.landing.fragment }));
      const problems = await page.evaluate(clickSamePageLinks, links);
      expect.soft(problems, `same-page links on ${run[0]!.from}`).toEqual([]);
      run = [];
    };
    for (const click of clicks) {
      if (click.href.startsWith('#') && click.landing.path === click.from) {
        if (run.length > 0 && run[0]!.from !== click.from) await clickRun();
        run.push(click);
        continue;
      }
      await clickRun();
      await onPage(click.from);
      await clickLink(
        page,
        click.href.startsWith('/') ? withBase(click.href as SitePath, base) : click.href,
      );
      await expectLanding(page, click.landing, baseURL!, `${click.href} on ${click.from}`);
    }
    await clickRun();
    expect([...failedResources], 'pages and resources that failed to load').toEqual([]);
  });
}

test('the plan covers the site', () => {
  expect(plan.pages, 'pages').toBeGreaterThan(1);
  expect(plan.clicks, 'distinct links').toBeGreaterThan(plan.pages);
  expect(plan.targetPages, 'pages that links lead into').toBeGreaterThan(plan.pages / 2);
  for (const parts of [plan.everyLink, plan.intoPages])
    expect(
      parts.filter((part) => part.length === 0),
      'parts without a click',
    ).toEqual([]);
});
