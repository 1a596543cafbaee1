/**
 * The link checker end to end on a small built site written to a temp folder: an HTML output
 * under the preview base /pr-123/, its MDX sources and redirect map. Each broken link, anchor
 * and redirect target must be reported at the line where it was written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkSite, type CheckSiteResult } from '../../src/lib/links/check-site.ts';
import type { Problem } from '../../src/lib/problems/problem.ts';
import { readBuiltSite } from '../../src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../src/lib/site/built-site.ts';
import { listSourceFiles, sourceFileMap } from '../../src/lib/site/source-files.ts';
import { loadRedirects } from '../../src/lib/redirects/load-redirects.ts';
import { parseBase } from '../../src/lib/site-path.ts';

const GUIDE_MDX = `---
title: Guide
---
Intro line.

See [setup](/guide/setup/#install) and [the same again](/guide/setup/#install).

Also [old name](/guide/setup/#old-install).
`;

const SETUP_MDX = `---
title: Setup
---
## Install

## Upgrade
`;

const REDIRECTS = `- from: /deployment/cluster.html
  to: /guide/setup/
- from: /deployment/cluster.html#upgrade-guide
  to: /guide/setup/#upgrade
- from: /guide/setup/#old-install
  to: /guide/setup/#install
`;

/** The layout around a page's content, with its own links (sidebar) outside the article. */
function page(article: string): string {
  return `<!doctype html><html><head><link rel="stylesheet" href="/pr-123/site.css"></head><body>
<nav><a href="/pr-123/guide/">Guide</a> <a href="/pr-123/guide/setup/">Setup</a></nav>
<main><article>
${article}
</article></main></body></html>`;
}

/** Renders the guide's MDX body the way the site does: root-relative hrefs get the base. */
function renderGuide(mdx: string): string {
  const body = mdx.split('---\n')[2] ?? '';
  return body.replace(
    /\[([^\]]*)\]\(([^)]*)\)/g,
    (_, text: string, href: string) =>
      `<a href="${href.startsWith('/') ? '/pr-123' + href : href}">${text}</a>`,
  );
}

function writeSite(guideMdx: string, redirects: string): string {
  const root = mkdtempSync(join(tmpdir(), 'links-site-'));
  const files: Record<string, string> = {
    'content/docs/guide/index.mdx': guideMdx,
    'content/docs/guide/setup.mdx': SETUP_MDX,
    'content/redirects.yaml': redirects,
    'dist/site.css': 'body{}',
    'dist/guide/index.html': page(renderGuide(guideMdx)),
    'dist/guide/setup/index.html': page(
      '<h2 id="install">Install</h2><span id="old-install" data-legacy-anchor></span><h2 id="upgrade">Upgrade</h2>',
    ),
    'dist/deployment/cluster.html':
      '<!doctype html><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/pr-123/guide/setup/">',
    'dist/_redirects': '/pr-123/deployment/cluster.html /pr-123/guide/setup/ 301\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** The check as the build and `npm run check` run it: one read of the site, the map planned against it. */
async function checkFolder(
  root: string,
): Promise<{ errors: Problem[]; warnings: Problem[]; result: CheckSiteResult }> {
  const site = await readBuiltSite(join(root, 'dist'));
  const index = anchorIndexOf(site);
  const redirects = await loadRedirects(root, 'content/redirects.yaml', [], index);
  const result = await checkSite(site, {
    base: parseBase('/pr-123/'),
    siteOrigin: 'https://docs.example.com',
    index,
    plan: redirects.plan,
    mapFile: 'content/redirects.yaml',
    projectRoot: root,
    sourceFiles: sourceFileMap(listSourceFiles(root, 'content/docs'), 'content/docs'),
  });
  const problems = [
    ...redirects.problems.filter((problem) => problem.severity === 'error'),
    ...result.problems,
  ];
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    result,
  };
}

async function check(guideMdx: string, redirects = REDIRECTS) {
  const root = writeSite(guideMdx, redirects);
  try {
    return await checkFolder(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const where = (problem: Problem) =>
  `${problem.code} ${problem.at?.file}:${problem.at?.line}:${problem.at?.column}`;

test('the intact fixture has no errors; an anchor renamed through the map is a warning', async () => {
  const result = await check(GUIDE_MDX);
  assert.deepEqual(result.errors.map(where), []);
  assert.deepEqual(result.warnings.map(where), ['redirected content/docs/guide/index.mdx:8:17']);
  assert.equal(result.warnings[0]?.suggestion, '/guide/setup/#install');
});

test('a broken page link is reported at its MDX line, twice if written twice', async () => {
  const result = await check(
    GUIDE_MDX.replace(/\/guide\/setup\/#install/g, '/guide/setpu/#install'),
  );
  assert.deepEqual(result.errors.map(where), [
    'missing-page content/docs/guide/index.mdx:6:13',
    'missing-page content/docs/guide/index.mdx:6:57',
  ]);
  const [first] = result.errors;
  assert.ok(first);
  assert.equal(first.page, '/guide/');
  assert.equal(first.output?.file, 'guide/index.html');
});

test('a broken anchor is reported at its MDX line with the closest id', async () => {
  const result = await check(
    GUIDE_MDX.replace('Intro line.', 'Intro [line](/guide/setup/#instal).'),
  );
  assert.deepEqual(result.errors.map(where), ['missing-anchor content/docs/guide/index.mdx:4:14']);
  assert.equal(result.errors[0]?.suggestion, '/guide/setup/#install');
});

test('an old URL passes with a warning naming the current one', async () => {
  const result = await check(
    GUIDE_MDX.replace('Intro line.', 'Intro [line](/deployment/cluster.html#upgrade-guide).'),
  );
  assert.deepEqual(result.errors.map(where), []);
  const warning = result.warnings.find(
    (problem) => problem.url === '/pr-123/deployment/cluster.html#upgrade-guide',
  );
  assert.ok(warning);
  assert.equal(warning.at?.line, 4);
  assert.equal(warning.suggestion, '/guide/setup/#upgrade');
});

test('a redirect whose target is gone is an error at its map line, and the link that used it lands where a browser would', async () => {
  const broken = REDIRECTS.replace('to: /guide/setup/#upgrade', 'to: /guide/setup/#upgrading');
  const result = await check(
    GUIDE_MDX.replace('Intro line.', 'Intro [line](/deployment/cluster.html#upgrade-guide).'),
    broken,
  );
  // The broken entry is left out, so a browser carries the fragment through the page's default
  // redirect to /guide/setup/#upgrade-guide, an anchor that does not exist: the link is red too.
  assert.deepEqual(result.errors.map(where), [
    'redirect-target content/redirects.yaml:3:undefined',
    'broken-redirect content/docs/guide/index.mdx:4:14',
  ]);
  assert.match(
    result.errors[1]!.message,
    /redirects to \/guide\/setup\/#upgrade-guide, which does not exist \(content\/redirects\.yaml:1\)/,
  );
});

test('a root-relative link that skips the base is an error', async () => {
  const result = await check(
    GUIDE_MDX.replace('Intro line.', 'Intro <a href="/guide/setup/">raw</a>.'),
  );
  assert.deepEqual(result.errors.map(where), ['outside-base content/docs/guide/index.mdx:4:16']);
});

test('a layout link is reported on the output page only', async () => {
  const root = writeSite(GUIDE_MDX, REDIRECTS);
  try {
    writeFileSync(
      join(root, 'dist/guide/index.html'),
      page(renderGuide(GUIDE_MDX)).replace('/pr-123/guide/">Guide', '/pr-123/guides/">Guide'),
    );
    const result = await checkFolder(root);
    assert.deepEqual(
      result.errors.map(
        (problem) =>
          `${problem.code} ${problem.at === undefined} ${problem.output?.file}:${problem.output?.line}`,
      ),
      ['missing-page true guide/index.html:2'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an id used twice on a page is an error at the line where it is written again', async () => {
  const result = await check(
    GUIDE_MDX.replace(
      'Intro line.',
      'Intro line.\n\n<h2 id="notes">Notes</h2>\n\n<div class="box" id="notes">Boxed.</div>',
    ),
  );
  assert.deepEqual(result.errors.map(where), ['duplicate-id content/docs/guide/index.mdx:8:18']);
  const [duplicate] = result.errors;
  assert.ok(duplicate);
  assert.equal(duplicate.output?.file, 'guide/index.html');
  assert.match(duplicate.message, /"notes" is used more than once/);
});
