/**
 * Proves where readers arriving at old and published addresses land, without one browser
 * navigation per address. Each step is taken from what really answers it:
 *
 * - the server, asked over HTTP without following redirects (a 301 and its Location, a page,
 *   or a 404), as the browser would be answered;
 * - the page's own anchor script, taken from the served HTML and run in the browser against
 *   every hash that arrives there, with `location`, `history` and `addEventListener` stood in
 *   for, so one run per page answers all of its hashes. On a live page loaded for real
 *   (`livePages: 'navigate'`) the script scrolls the real document, and the target must end
 *   up in view; otherwise it runs against the served HTML parsed in the browser.
 *
 * The steps are chained as a browser chains them (a 301 keeps the fragment unless its
 * Location names one), and the end compared with where the build's model says the reader
 * lands. A sample of real navigations per project (see `sampleArrivals`) proves that the
 * stand-ins behave as a real address bar does.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Base } from '../../../packages/lasting-links/src/lib/site-path.ts';
import type { AnchorIndex } from '../../../packages/lasting-links/src/lib/site/anchor-index.ts';
import {
  follow,
  type HostMode,
  type RedirectPlan,
} from '../../../packages/lasting-links/src/lib/redirects/follow.ts';
import {
  targetHref,
  type SiteLocation,
} from '../../../packages/lasting-links/src/lib/redirects/locations.ts';
import {
  ANCHOR_SCRIPT_ATTRIBUTE,
  REDIRECT_STUB_ATTRIBUTE,
} from '../../../packages/lasting-links/src/lib/html/markers.ts';

/** Where a reader arrives, with a label for messages. */
export interface Arrival {
  label: string;
  location: SiteLocation;
  /**
   * An anchor no table knows, asked on purpose: the reader must keep it and land on the
   * default target, where it names nothing.
   */
  unknownFragment?: boolean;
}

/** What the site under test is, and how its pages' scripts are run. */
export interface ProofContext {
  page: Page;
  request: APIRequestContext;
  /** The project's base URL, `http://127.0.0.1:4610/pr-123/`. */
  baseURL: string;
  base: Base;
  mode: HostMode;
  index: AnchorIndex;
  plan: RedirectPlan;
  livePages: 'navigate' | 'parse';
}

/** One arrival's proof: where the model says it lands, where the steps took it, and what is wrong. */
export interface Landing {
  label: string;
  expected: string;
  landed: string;
  /** Empty when the arrival is proven. */
  problems: string[];
  /** The steps taken, for messages: `301 /a/`, `stub script /a/#b`, … */
  steps: string[];
}

/** What one run of a page's script did for one hash. */
interface ScriptOutcome {
  replaced?: string;
  state?: string;
  scrolledTo?: string;
  inView?: boolean;
  error?: string;
}

type Answer =
  | { kind: 'redirect'; location: string }
  | { kind: 'document'; html: string }
  | { kind: 'missing'; status: number };

/** The in-browser side: runs each job's script once per hash, with stand-ins; returns the outcomes. */
function runScripts(jobs: Array<{ script: string; url: string; hashes: string[]; html?: string }>) {
  return jobs.map(({ script, url, hashes, html }) => {
    const doc = html === undefined ? document : new DOMParser().parseFromString(html, 'text/html');
    return hashes.map((hash) => {
      const outcome: Record<string, unknown> = {};
      const fakeLocation = {
        hash,
        href: url.split('#')[0] + hash,
        replace: (to: string) => (outcome['replaced'] = new URL(to, url).href),
      };
      const fakeHistory = {
        state: null,
        replaceState: (_state: unknown, _title: string, to: string) =>
          (outcome['state'] = new URL(to, url).href),
      };
      const scroller = (id: string) => {
        const element = doc.getElementById(id);
        if (element === null) return null;
        return {
          scrollIntoView: () => {
            outcome['scrolledTo'] = id;
            if (html !== undefined) return;
            element.scrollIntoView();
            const box = element.getBoundingClientRect();
            outcome['inView'] = box.top < innerHeight && box.bottom >= 0;
          },
        };
      };
      const fakeDocument = new Proxy(doc, {
        get(target, property) {
          if (property === 'getElementById') return scroller;
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      // A page that is still loading waits for DOMContentLoaded; here the document is whole.
      const fakeAddEventListener = (type: string, listener: () => void) => {
        if (type === 'DOMContentLoaded') listener();
      };
      try {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's own script, run with stand-ins
        const run = new Function('location', 'history', 'document', 'addEventListener', script) as (
          ...standIns: unknown[]
        ) => void;
        run(fakeLocation, fakeHistory, fakeDocument, fakeAddEventListener);
      } catch (error) {
        outcome['error'] = String(error);
      }
      return outcome;
    });
  });
}

/** The inline anchor script of a served page: the stub's only script, or a live page's marked one. */
function scriptOf(html: string): string | undefined {
  const stub = html.includes(REDIRECT_STUB_ATTRIBUTE);
  const pattern = stub
    ? /<script>([\s\S]*?)<\/script>/
    : new RegExp(`<script ${ANCHOR_SCRIPT_ATTRIBUTE}>([\\s\\S]*?)</script>`);
  return pattern.exec(html)?.[1];
}

/** Proves every arrival; steps are gathered round by round so each page's script runs once per round. */
export async function proveArrivals(
  context: ProofContext,
  arrivals: readonly Arrival[],
): Promise<Landing[]> {
  const origin = new URL(context.baseURL).origin;
  const answers = new Map<string, Answer>();
  const outcomes = new Map<string, ScriptOutcome>();
  const key = (url: URL) => `${url.origin}${url.pathname}`;

  const fetchAnswer = async (url: string): Promise<void> => {
    const response = await context.request.get(url, { maxRedirects: 0 });
    const location = response.headers()['location'];
    answers.set(
      url,
      response.status() >= 300 && response.status() < 400 && location !== undefined
        ? { kind: 'redirect', location }
        : response.ok()
          ? { kind: 'document', html: await response.text() }
          : { kind: 'missing', status: response.status() },
    );
  };

  // Each arrival walks until it lands, or needs an answer or a script outcome not known yet;
  // those are gathered over all walks, asked for together, and the walks go on.
  interface Walk {
    arrival: Arrival;
    url: URL;
    steps: string[];
    done?: { problems: string[] };
  }
  const walks: Walk[] = arrivals.map((arrival) => ({
    arrival,
    url: new URL(targetHref({ kind: 'site', ...arrival.location }, context.base), context.baseURL),
    steps: [],
  }));

  for (let round = 0; round < 20 && walks.some((walk) => walk.done === undefined); round += 1) {
    const unanswered = new Set<string>();
    const needed = new Map<string, { url: URL; html: string; hashes: Set<string> }>();
    for (const walk of walks) {
      for (let hop = 0; walk.done === undefined && hop < 10; hop += 1) {
        if (walk.url.origin !== origin) {
          walk.done = { problems: [] };
          break;
        }
        const served = answers.get(key(walk.url));
        if (served === undefined) {
          unanswered.add(key(walk.url));
          break;
        }
        if (served.kind === 'missing') {
          walk.done = { problems: [`${walk.url.pathname} answers ${served.status}`] };
          break;
        }
        if (served.kind === 'redirect') {
          const next = new URL(served.location, walk.url);
          // A browser keeps the fragment across a redirect unless the new location names one.
          if (next.hash === '') next.hash = walk.url.hash;
          walk.steps.push(`301 ${next.pathname}`);
          walk.url = next;
          continue;
        }
        const stub = served.html.includes(REDIRECT_STUB_ATTRIBUTE);
        const script = scriptOf(served.html);
        if (!stub && (walk.url.hash === '' || script === undefined)) {
          walk.done = { problems: landingProblems(served.html, walk.url) };
          break;
        }
        if (script === undefined) {
          walk.done = { problems: [`the stub at ${walk.url.pathname} has no script`] };
          break;
        }
        const outcome = outcomes.get(`${key(walk.url)}${walk.url.hash}`);
        if (outcome === undefined) {
          const job = needed.get(key(walk.url)) ?? {
            url: walk.url,
            html: served.html,
            hashes: new Set<string>(),
          };
          job.hashes.add(walk.url.hash);
          needed.set(key(walk.url), job);
          break;
        }
        if (outcome.error !== undefined) {
          walk.done = { problems: [`the script of ${walk.url.pathname} threw: ${outcome.error}`] };
        } else if (outcome.replaced !== undefined) {
          walk.steps.push(`${stub ? 'stub' : 'page'} script -> ${outcome.replaced}`);
          walk.url = new URL(outcome.replaced);
        } else if (outcome.state !== undefined) {
          walk.steps.push(`page script -> ${new URL(outcome.state).hash}`);
          walk.url = new URL(outcome.state);
          const problems = landingProblems(served.html, walk.url);
          if (outcome.scrolledTo === undefined)
            problems.push(`the script of ${walk.url.pathname} did not scroll to ${walk.url.hash}`);
          if (outcome.inView === false)
            problems.push(`${walk.url.hash} is not in view after the script scrolled`);
          walk.done = { problems };
        } else {
          // The script left an unknown fragment alone: the reader stays on the page.
          walk.done = {
            problems: stub
              ? ['the stub script did not navigate']
              : landingProblems(served.html, walk.url),
          };
        }
      }
    }
    // Many requests at once, as a browser would make them; a few at a time so none time out.
    const queue = [...unanswered];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let url = queue.pop(); url !== undefined; url = queue.pop()) await fetchAnswer(url);
      }),
    );
    if (needed.size > 0) await runJobs(context, [...needed.values()], outcomes, key);
  }

  return walks.map((walk) => {
    const visit = follow(context.plan, context.index, walk.arrival.location, context.mode);
    const expected =
      visit.kind === 'landed'
        ? new URL(targetHref(visit.target, context.base), context.baseURL).href
        : `(the model does not land: ${visit.kind})`;
    const problems = (walk.done?.problems ?? ['did not land within 20 steps']).filter(
      (problem) =>
        !(walk.arrival.unknownFragment === true && / has no element with id /.test(problem)),
    );
    if (walk.url.href !== expected)
      problems.unshift(`landed on ${walk.url.href}, expected ${expected}`);
    return {
      label: walk.arrival.label,
      expected,
      landed: walk.url.href,
      problems,
      steps: walk.steps,
    };
  });
}

/** Runs the scripts the walks need: stubs (and, when parsing, live pages) in one call; live pages loaded for real one by one. */
async function runJobs(
  context: ProofContext,
  jobs: Array<{ url: URL; html: string; hashes: Set<string> }>,
  outcomes: Map<string, ScriptOutcome>,
  key: (url: URL) => string,
): Promise<void> {
  const record = (job: { url: URL; hashes: Set<string> }, results: ScriptOutcome[]) =>
    [...job.hashes].forEach((hash, at) => outcomes.set(`${key(job.url)}${hash}`, results[at]!));
  const inPlace = jobs.filter(
    (job) => context.livePages === 'parse' || job.html.includes(REDIRECT_STUB_ATTRIBUTE),
  );
  if (context.page.url() === 'about:blank' || context.page.url() === '')
    await context.page.goto(context.baseURL);
  for (let start = 0; start < inPlace.length; start += 200) {
    const batch = inPlace.slice(start, start + 200);
    const results = (await context.page.evaluate(
      runScripts,
      batch.map((job) => ({
        script: scriptOf(job.html)!,
        url: job.url.href,
        hashes: [...job.hashes],
        // Stubs need no document; live pages are parsed from what the server sent.
        ...(job.html.includes(REDIRECT_STUB_ATTRIBUTE) ? {} : { html: job.html }),
      })),
    )) as ScriptOutcome[][];
    batch.forEach((job, at) => record(job, results[at]!));
  }
  for (const job of jobs.filter((candidate) => !inPlace.includes(candidate))) {
    const pageUrl = `${key(job.url)}`;
    await context.page.goto('about:blank');
    await context.page.goto(pageUrl);
    const script = await context.page
      .locator(`script[${ANCHOR_SCRIPT_ATTRIBUTE}]`)
      .first()
      .evaluate((element) => element.textContent);
    const [results] = (await context.page.evaluate(runScripts, [
      { script, url: pageUrl, hashes: [...job.hashes] },
    ])) as ScriptOutcome[][];
    record(job, results!);
  }
}

/** Why landing at `url` on a page with this HTML is not on content: its fragment names no element. */
function landingProblems(html: string, url: URL): string[] {
  if (url.hash === '') return [];
  const id = decodeURIComponent(url.hash.slice(1));
  const escaped = id.replace(
    /[&<>"]/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`,
  );
  return html.includes(`id="${escaped}"`) || html.includes(`id="${id}"`)
    ? []
    : [`${url.pathname} has no element with id "${id}"`];
}

/**
 * A few arrivals of each kind (a moved page, its mapped and unmapped anchors, a renamed and a
 * moved-away anchor of a live page, a live anchor and a live page), deterministic, for real
 * navigations.
 */
export function sampleArrivals(
  arrivals: readonly Arrival[],
  plan: RedirectPlan,
  index: AnchorIndex,
  perKind = 2,
): Arrival[] {
  const kinds = new Map<string, Arrival[]>();
  for (const arrival of arrivals) {
    const { path, fragment } = arrival.location;
    const stub = plan.stubs.get(path);
    const table = plan.pageTables.get(path);
    const kind =
      stub !== undefined
        ? fragment === null
          ? 'moved page'
          : stub.table.has(fragment)
            ? 'moved anchor'
            : 'other anchor of a moved page'
        : fragment === null
          ? 'live page'
          : index.get(path)?.ids.has(fragment)
            ? 'live anchor'
            : table?.get(fragment)?.target.kind === 'site' &&
                (table.get(fragment)!.target as { path: string }).path === path
              ? 'renamed anchor'
              : 'anchor moved away';
    kinds.set(kind, [...(kinds.get(kind) ?? []), arrival]);
  }
  return [...kinds.values()].flatMap((group) =>
    Array.from(
      { length: Math.min(perKind, group.length) },
      (_, at) => group[Math.floor((at * group.length) / perKind)]!,
    ),
  );
}

/**
 * Real navigations for `sample`, as from the address bar: each arrival is opened in a fresh
 * document, must end on the URL the model predicts, and a target heading must be in view.
 * Failures are soft, so one run reports every wrong arrival of the sample.
 */
export async function navigateSample(
  page: Page,
  context: { baseURL: string; base: Base; index: AnchorIndex; plan: RedirectPlan; mode: HostMode },
  sample: readonly Arrival[],
): Promise<void> {
  for (const { label, location, unknownFragment } of sample) {
    const landing = follow(context.plan, context.index, location, context.mode);
    expect.soft(landing.kind, `${label} must land on a page`).toBe('landed');
    if (landing.kind !== 'landed') continue;
    const expected = new URL(targetHref(landing.target, context.base), context.baseURL).href;
    const arrivalUrl = new URL(
      targetHref({ kind: 'site', ...location }, context.base),
      context.baseURL,
    ).href;
    // A fresh document each time: the page already shown with another fragment would only see
    // a same-document hash change.
    await page.goto('about:blank');
    // 'commit' returns as soon as the first document arrives; the waits then follow redirects.
    await page.goto(arrivalUrl, { waitUntil: 'commit' });
    await page.waitForURL(expected, { waitUntil: 'commit', timeout: 5_000 }).catch(() => undefined);
    expect.soft(page.url(), label).toBe(expected);
    if (landing.target.kind !== 'site' || landing.target.fragment === null || unknownFragment)
      continue;
    const id = landing.target.fragment;
    await expect
      .soft(page.locator(`[id="${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`).first(), label)
      .toBeInViewport({ timeout: 5_000 });
  }
}
