/** Small hand-made sites and maps for the redirect and lock tests. */
import type { SitePath } from '../../../src/lib/site-path.ts';
import type { AnchorIndex, HeadingInfo, PageAnchors } from '../../../src/lib/site/anchor-index.ts';
import { parseRedirectMap } from '../../../src/lib/redirects/redirect-map.ts';
import { planRedirects, type PlanOptions } from '../../../src/lib/redirects/plan-redirects.ts';
import type { RedirectPlan, Route } from '../../../src/lib/redirects/follow.ts';
import { displayLocation, displayTarget } from '../../../src/lib/redirects/locations.ts';
import type { Problem } from '../../../src/lib/problems/problem.ts';

/** A site path from a literal, for tests. */
export const path = (value: string) => value as SitePath;

/** A page: `[id, heading text]` pairs become level-2 headings (and ids). */
export function site(pages: Record<string, Array<[string, string]>>): AnchorIndex {
  const index = new Map<SitePath, PageAnchors>();
  for (const [page, headings] of Object.entries(pages)) {
    const list: HeadingInfo[] = headings.map(([id, text]) => ({ id, level: 2, text }));
    index.set(path(page), {
      path: path(page),
      ids: new Set(list.map((heading) => heading.id)),
      headings: list,
    });
  }
  return index;
}

/** Parses and plans `yaml` against `index`, returning every problem together. */
export function plan(
  yaml: string,
  index: AnchorIndex,
  options: PlanOptions = {},
): { plan: RedirectPlan; problems: Problem[] } {
  const parsed = parseRedirectMap(yaml, 'redirects.yaml', ['docs.mattermost.com']);
  const planned = planRedirects(parsed.entries, index, 'redirects.yaml', options);
  return { plan: planned.plan, problems: [...parsed.problems, ...planned.problems] };
}

/** Every route of a plan by its entry's `from` (as written), with the final target it has after planning. */
export function finalTargets(result: RedirectPlan): Map<string, string> {
  const routes: Route[] = [];
  for (const stub of result.stubs.values()) routes.push(stub.fallback, ...stub.table.values());
  for (const table of result.pageTables.values()) routes.push(...table.values());
  return new Map(
    routes.map((route) => [displayLocation(route.entry.from), displayTarget(route.target)]),
  );
}

/** `line: message` of each problem of a severity. */
export function messages(
  problems: readonly Problem[],
  severity: Problem['severity'] = 'error',
): string[] {
  return problems
    .filter((problem) => problem.severity === severity)
    .map((problem) => `${problem.at?.line}: ${problem.message}`);
}

/** The guide used by most tests: an overview, a deployment page, an upgrade page. */
export const guide = () =>
  site({
    '/ha/': [
      ['overview', 'Overview'],
      ['new-name', 'New name'],
    ],
    '/ha/deploy/': [
      ['proxy-server', 'Proxy server'],
      ['database', 'Database'],
    ],
    '/ha/upgrade/': [
      ['upgrade-guide', 'Upgrade guide'],
      ['rolling-upgrade', 'Rolling upgrade'],
    ],
  });
