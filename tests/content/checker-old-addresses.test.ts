/**
 * The checker follows the real map exactly as a browser does. A link to an old page with an
 * old anchor (`/deployment/ha.html#upgrade-guide`) is carried by the page's 301 to the overview
 * with its fragment, and the overview's anchor table sends `#upgrade-guide` on to the upgrade
 * page: Chromium lands there, so the checker must not call the link broken. Every map `from`
 * and every locked anchor is held to the browser's verdict in `tests/e2e/redirects.spec.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../packages/lasting-links/src/lib/site/built-site.ts';
import { loadRedirects } from '../../packages/lasting-links/src/lib/redirects/load-redirects.ts';
import { checkLinks } from '../../packages/lasting-links/src/lib/links/check-links.ts';
import { parseBase, type SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';
import { projectRoot } from './support/guide-sources.ts';

const distDir = resolve(projectRoot, process.env.DIST_DIR ?? 'dist');

test('old pages with old anchors are followed through the page redirect and the landing table', async () => {
  const site = await readBuiltSite(distDir);
  const index = anchorIndexOf(site);
  const redirects = await loadRedirects(
    projectRoot,
    'content/redirects.yaml',
    ['docs.mattermost.com', 'mattermost.com'],
    index,
  );
  const urls = [
    '/deployment/ha.html#upgrade-guide',
    '/deployment/cluster-310.html#upgrade-guide',
    '/deployment/ha.html',
    '/deployment/ha.html#no-such-section-anywhere',
  ];
  const { problems } = checkLinks(
    [
      {
        file: 'probe/index.html',
        path: '/probe/' as SitePath,
        links: urls.map((url, n) => ({ url, tag: 'a', attribute: 'href', line: n + 1, column: 1 })),
      },
    ],
    {
      files: site.files,
      pages: site.pages,
      index,
      plan: redirects.plan,
      base: parseBase('/'),
      siteOrigin: 'https://docs.mattermost.com',
      mapFile: 'content/redirects.yaml',
    },
  );
  const errors = problems.filter((problem) => problem.severity === 'error');
  // Only the anchor that exists nowhere is broken; the rest land, with a "link to the current
  // address" warning each.
  assert.deepEqual(
    errors.map((problem) => problem.url),
    ['/deployment/ha.html#no-such-section-anywhere'],
  );
  const warned = problems.filter((problem) => problem.code === 'redirected');
  assert.ok(
    warned.some(
      (problem) =>
        problem.url === '/deployment/ha.html#upgrade-guide' &&
        problem.suggestion === '/administration-guide/scale/high-availability/upgrade/',
    ),
    JSON.stringify(warned, null, 1),
  );
});
