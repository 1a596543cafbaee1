/** Small hand-made sites and maps for the redirect and lock tests. */
import type { AnchorIndex, HeadingInfo } from '../../../src/lib/types.ts';
import { parseRedirectMap } from '../../../src/lib/redirects/redirect-map.ts';
import { resolveRedirects } from '../../../src/lib/redirects/resolve-redirects.ts';
import { planRedirects } from '../../../src/lib/redirects/anchor-tables.ts';

/** A page: `[id, heading text]` pairs become level-2 headings (and ids). */
export function site(pages: Record<string, Array<[string, string]>>): AnchorIndex {
  const index: AnchorIndex = new Map();
  for (const [path, headings] of Object.entries(pages)) {
    const list: HeadingInfo[] = headings.map(([id, text]) => ({ id, level: 2, text }));
    index.set(path, { path, ids: new Set(list.map((heading) => heading.id)), headings: list });
  }
  return index;
}

/** Parses, resolves and plans `yaml` against `index`, returning every problem together. */
export function plan(yaml: string, index: AnchorIndex) {
  const parsed = parseRedirectMap(yaml, 'redirects.yaml', ['docs.mattermost.com']);
  const resolution = resolveRedirects(parsed.entries, index, 'redirects.yaml');
  const planned = planRedirects(resolution.resolved, index, 'redirects.yaml');
  return { ...planned, problems: [...parsed.problems, ...resolution.problems, ...planned.problems], resolved: resolution.resolved };
}

/** The guide used by most tests: an overview, a deployment page, an upgrade page. */
export const guide = () =>
  site({
    '/ha/': [['overview', 'Overview'], ['new-name', 'New name']],
    '/ha/deploy/': [['proxy-server', 'Proxy server'], ['database', 'Database']],
    '/ha/upgrade/': [['upgrade-guide', 'Upgrade guide'], ['rolling-upgrade', 'Rolling upgrade']],
  });
