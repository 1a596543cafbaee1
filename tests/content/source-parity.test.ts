/**
 * `npm run moves` and the cross-reference titles read pages from their MDX sources; the build
 * publishes what is in the HTML. They must agree on every page's anchors and headings, or the
 * lock would hold ids the site never had. Needs the site built (`npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { linkSettings, siteSyntax } from '../../src/config.ts';
import { readSources } from '../../packages/lasting-links/src/lib/sources/read-sources.ts';
import { readBuiltSite } from '../../packages/lasting-links/src/lib/site/read-site.ts';

const root = join(import.meta.dirname, '../..');
const distDir = join(root, process.env['DIST_DIR'] ?? 'dist');

test('every page\'s anchors and headings read from its MDX equal those of its built HTML', async () => {
  assert.ok(existsSync(distDir), `${distDir} is missing: run npm run build first`);
  const built = await readBuiltSite(distDir);
  const sources = readSources(root, linkSettings.content, siteSyntax);
  assert.ok(sources.length > 5, 'the guide is read');
  for (const page of sources) {
    const html = built.pages.get(page.path);
    assert.ok(html !== undefined, `${page.path} is built`);
    const linked = new Set(html.selfLinkedIds);
    const fromHtml = html.headings.filter((heading) => heading.level >= 2 && linked.has(heading.id)).map((heading) => `${heading.id} ${heading.text}`);
    const fromSource = page.sections.filter((section) => section.level >= 2).map((section) => `${section.id} ${section.heading}`);
    assert.deepEqual(fromSource, fromHtml, page.file);
    assert.equal(page.title, html.headings.find((heading) => heading.level === 1)?.text, `${page.file}: title`);
  }
});
