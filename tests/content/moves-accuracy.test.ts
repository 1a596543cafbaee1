/**
 * `npm run moves` on the real guide: every heading of every page is renamed in turn to words it
 * never had, and the move must be found by the section's text. A wrong proposal fails the test;
 * a question is allowed (the writer decides), and the counts are printed as (correct, asked,
 * wrong), both from the lock's fingerprints alone and with the earlier sources from git.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkSettings, siteSyntax } from '../../src/config.ts';
import { listSourceFiles, sitePathOfSource } from '../../packages/lasting-links/src/lib/site/source-files.ts';
import { parsePageSource } from '../../packages/lasting-links/src/lib/sources/page-source.ts';
import { displayLocation } from '../../packages/lasting-links/src/lib/redirects/locations.ts';
import { pagesOf, publishedOf, type MdxSite } from '../../packages/lasting-links/tests/unit/support/source-sites.ts';
import { sourceIndex } from '../../packages/lasting-links/src/lib/sources/read-sources.ts';
import { currentCandidates } from '../../packages/lasting-links/src/lib/moves/candidates.ts';
import { planMoves } from '../../packages/lasting-links/src/lib/moves/plan-moves.ts';

const root = join(import.meta.dirname, '../..');
const site: MdxSite = {};
for (const file of listSourceFiles(root, linkSettings.content)) {
  site[sitePathOfSource(file, linkSettings.content)!] = readFileSync(join(root, file), 'utf8');
}
const guidePages = Object.keys(site).filter((path) => path.startsWith('/administration-guide/scale/high-availability/'));

for (const record of ['lock', 'lock-and-sources'] as const) {
  test(`renaming any heading of the guide finds its section by its text (${record})`, { timeout: 120_000 }, () => {
    const tally = { correct: 0, asked: 0, wrong: 0 };
    const wrong: string[] = [];
    const perPage = new Map<string, number>();
    // Parsed once; each rename re-parses only the page it changes.
    const published = publishedOf(site, record, siteSyntax);
    const pages = pagesOf(site, siteSyntax);
    for (const path of guidePages) {
      const text = site[path]!;
      const page = parsePageSource('page.mdx', path as never, text, siteSyntax);
      page.sections.forEach((section, n) => {
        if (section.level < 2 || section.explicitId) return;
        const renamed = `Renamed part ${n + 1} of this page`;
        const lines = text.split('\n');
        const line = lines[section.line - 1]!;
        lines[section.line - 1] = line.replace(/^(#{2,6}) .*$/, `$1 ${renamed}`);
        const current = pages.map((item) => (item.path === path ? parsePageSource(item.file, item.path, lines.join('\n'), siteSyntax) : item));
        const result = planMoves({
          published,
          site: { index: sourceIndex(current), candidates: currentCandidates(current) },
          entries: [],
          mapFile: 'redirects.yaml',
        });
        const from = `${path}#${section.id}`;
        const expected = `${path}#renamed-part-${n + 1}-of-this-page`;
        const move = result.found.sections.find((item) => displayLocation(item.from) === from);
        const question = result.found.questions.find((item) => displayLocation(item.from) === from);
        const others = result.found.sections.filter((item) => item !== move);
        if (move !== undefined && displayLocation(move.to) === expected && others.length === 0) {
          tally.correct += 1;
          perPage.set(path, (perPage.get(path) ?? 0) + 1);
        } else if (move === undefined && question !== undefined && others.length === 0) {
          tally.asked += 1;
        } else {
          tally.wrong += 1;
          wrong.push(`${from} ("${section.heading}") → ${move === undefined ? 'nothing' : displayLocation(move.to)}; other moves: ${others.map((item) => displayLocation(item.from)).join(', ') || 'none'}`);
        }
      });
    }
    console.log(`moves accuracy over every heading of the guide (${record}): correct ${tally.correct}, asked ${tally.asked}, wrong ${tally.wrong}`);
    assert.deepEqual(wrong, []);
    assert.equal(perPage.size, guidePages.filter((path) => parsePageSource('p.mdx', path as never, site[path]!, siteSyntax).sections.length > 0).length, 'each page with headings has renames found');
  });
}
