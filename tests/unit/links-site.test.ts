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
import { checkSite } from '../../src/lib/links/check-site.ts';
import type { Problem } from '../../src/lib/links/problem.ts';

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
  return body.replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, text: string, href: string) => `<a href="${href.startsWith('/') ? '/pr-123' + href : href}">${text}</a>`);
}

function writeSite(guideMdx: string, redirects: string): string {
  const root = mkdtempSync(join(tmpdir(), 'links-site-'));
  const files: Record<string, string> = {
    'content/docs/guide/index.mdx': guideMdx,
    'content/docs/guide/setup.mdx': SETUP_MDX,
    'content/redirects.yaml': redirects,
    'dist/site.css': 'body{}',
    'dist/guide/index.html': page(renderGuide(guideMdx)),
    'dist/guide/setup/index.html': page('<h2 id="install">Install</h2><span id="old-install"></span><h2 id="upgrade">Upgrade</h2>'),
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

async function check(guideMdx: string, redirects = REDIRECTS) {
  const root = writeSite(guideMdx, redirects);
  try {
    return await checkSite({ distDir: join(root, 'dist'), base: '/pr-123/', projectRoot: root });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const where = (problem: Problem) => `${problem.code} ${problem.source?.file}:${problem.source?.line}:${problem.source?.column}`;

test('the intact fixture has no errors; an anchor renamed through the map is a warning', async () => {
  const result = await check(GUIDE_MDX);
  assert.deepEqual(result.errors.map(where), []);
  assert.deepEqual(result.warnings.map(where), ['redirected content/docs/guide/index.mdx:8:17']);
  assert.equal(result.warnings[0]?.suggestion, '/guide/setup/#install');
});

test('a broken page link is reported at its MDX line, twice if written twice', async () => {
  const result = await check(GUIDE_MDX.replace(/\/guide\/setup\/#install/g, '/guide/setpu/#install'));
  assert.deepEqual(result.errors.map(where), [
    'missing-page content/docs/guide/index.mdx:6:13',
    'missing-page content/docs/guide/index.mdx:6:57',
  ]);
  assert.equal(result.errors[0]?.page, '/guide/');
  assert.equal(result.errors[0]?.output.file, 'guide/index.html');
});

test('a broken anchor is reported at its MDX line with the closest id', async () => {
  const result = await check(GUIDE_MDX.replace('Intro line.', 'Intro [line](/guide/setup/#instal).'));
  assert.deepEqual(result.errors.map(where), ['missing-anchor content/docs/guide/index.mdx:4:14']);
  assert.equal(result.errors[0]?.suggestion, '/guide/setup/#install');
});

test('an old URL passes with a warning naming the current one', async () => {
  const result = await check(GUIDE_MDX.replace('Intro line.', 'Intro [line](/deployment/cluster.html#upgrade-guide).'));
  assert.deepEqual(result.errors.map(where), []);
  const warning = result.warnings.find((problem) => problem.url === '/pr-123/deployment/cluster.html#upgrade-guide');
  assert.equal(warning?.source?.line, 4);
  assert.equal(warning?.suggestion, '/guide/setup/#upgrade');
});

test('a redirect whose target is gone turns the link that uses it red', async () => {
  const broken = REDIRECTS.replace('to: /guide/setup/#upgrade', 'to: /guide/setup/#upgrading');
  const result = await check(GUIDE_MDX.replace('Intro line.', 'Intro [line](/deployment/cluster.html#upgrade-guide).'), broken);
  assert.deepEqual(result.errors.map(where), ['broken-redirect content/docs/guide/index.mdx:4:14']);
  assert.match(result.errors[0]!.message, /content\/redirects\.yaml:3/);
});

test('a root-relative link that skips the base is an error', async () => {
  const result = await check(GUIDE_MDX.replace('Intro line.', 'Intro <a href="/guide/setup/">raw</a>.'));
  assert.deepEqual(result.errors.map(where), ['outside-base content/docs/guide/index.mdx:4:16']);
});

test('a layout link is reported on the output page only', async () => {
  const root = writeSite(GUIDE_MDX, REDIRECTS);
  try {
    writeFileSync(join(root, 'dist/guide/index.html'), page(renderGuide(GUIDE_MDX)).replace('/pr-123/guide/">Guide', '/pr-123/guides/">Guide'));
    const result = await checkSite({ distDir: join(root, 'dist'), base: '/pr-123/', projectRoot: root });
    assert.deepEqual(result.errors.map((problem) => `${problem.code} ${problem.source === undefined} ${problem.output.file}:${problem.output.line}`), [
      'missing-page true guide/index.html:2',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
