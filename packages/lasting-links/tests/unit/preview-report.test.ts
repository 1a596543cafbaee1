/**
 * The What-changed page: the report of a preview's changes as HTML, escaped, with moved
 * sections and addresses, code line by line, folds, and the page it fills.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRedirects } from '../../src/lib/redirects/plan-redirects.ts';
import { buildChangesReport } from '../../src/lib/preview/changes-report.ts';
import { fillChangesPage, renderChangesReport } from '../../src/lib/preview/changes-page.ts';
import { changesMarkdown, summarizeChanges } from '../../src/lib/preview/changes-summary.ts';
import { site, LONG, pr, MAP_FILE, BUILT, plan, preview, report } from './support/preview-sites.ts';

const html = renderChangesReport(report, MAP_FILE);

test('the page lists pages with their change, each linked into the preview, escaped', () => {
  assert.match(
    html,
    /Compared with <code>origin\/main<\/code> at <code>1234567<\/code>: 2 changed, 1 moved, 1 added, 1 removed, 1 unchanged page\./,
  );
  assert.match(
    html,
    /<a href="\/pr-12\/new\/">New &lt;page&gt;<\/a> <code>\/new\/<\/code>: <a href="#page-3">added<\/a>/,
  );
  assert.match(
    html,
    /<a href="\/pr-12\/settings\/">Configuration reference<\/a> <code>\/settings\/<\/code>: moved from <code>\/config\/<\/code>; text unchanged<\/li>/,
  );
  assert.match(
    html,
    /Gone page <code>\/gone\/<\/code>: <a href="#page-4">removed<\/a>; its address now leads to <a href="\/pr-12\/same\/">\/same\/<\/a>/,
  );
  assert.match(html, /0 errors, 1 warning\./);
  assert.match(html, /links to &lt;old&gt; through a redirect/);
  assert.doesNotMatch(html, /<old>|<page>/);
});

/** The report's entry for one section, by its heading. */
function sectionHtml(heading: string, nth = 0): string {
  const sections = html.split('<section class="section-diff">').slice(1);
  const found = sections.filter(
    (section) => section.startsWith(`<h4>`) && section.split('</h4>')[0]!.includes(heading),
  );
  assert.ok(found[nth] !== undefined, `a section "${heading}"`);
  return found[nth].split('</section>')[0]!;
}

test('a moved section reads as moved, where it is now and where it was, and links to its old versions', () => {
  const moved = sectionHtml('<a href="/pr-12/trouble/#lag">Monitor replica lag</a>');
  assert.match(
    moved,
    /<span class="change-tag">moved from <code>\/ops\/#lag<\/code> \(Operations › Monitor replica lag\); text unchanged<\/span>/,
  );
  assert.match(
    moved,
    /Before: <a href="https:\/\/docs\.example\.com\/ops\/#lag">published<span class="sr-only"> version of “Monitor replica lag”<\/span><\/a> · <a href="https:\/\/previews\.example\.com\/main\/ops\/#lag">base preview/,
  );
  assert.doesNotMatch(moved, /<ins>|<del>/, 'nothing changed in its text');
  assert.match(
    sectionHtml('Monitor replica lag <span class="change-tag">moved to'),
    /moved to <a href="\/pr-12\/trouble\/#lag">Troubleshooting › Monitor replica lag<\/a>/,
  );
  assert.doesNotMatch(html, /section removed[^<]*<\/span><\/h4>[^]*?Monitor replica lag/);
  assert.match(
    sectionHtml('WebSocket connections drop'),
    /was “WebSocket disconnects”; anchor was <code>#ws<\/code>/,
  );
  assert.match(
    sectionHtml('WebSocket connections drop'),
    /Most problems <del>come from<\/del><ins>have<\/ins> one of three causes\./,
  );
});

test('code is shown line by line, the "Copy" of a code block never in it', () => {
  const jobs = sectionHtml('Job server');
  assert.match(
    jobs,
    /<div class="code-diff" role="group" aria-label="code, changed lines"><pre tabindex="0"><code><span class="line"> mmctl config get JobSettings\.RunScheduler<\/span><del class="line">-sudo grep MM_JOBSETTINGS_RUNSCHEDULER \/opt\/env<\/del><ins class="line">\+sudo grep -H MM_JOBSETTINGS \/opt\/env<\/ins><\/code><\/pre><\/div>/,
  );
  // The unchanged blocks around it fold, with their text in full.
  assert.match(
    jobs,
    /<details class="fold"><summary>1 unchanged block<\/summary>\n<p class="diff">Jobs run on nodes\.<\/p><\/details>/,
  );
});

test('a long code block shows its changed line with three lines around it, the rest folded', () => {
  const lines = Array.from({ length: 20 }, (_, n) => `echo line ${n + 1}`);
  const codeSite = (code: string[]) =>
    site({
      '/code/': ['Code', [['run', 'Run', 2, [`<pre><code>${code.join('\n')}</code></pre>`]]]],
    });
  const before = codeSite(lines);
  const after = codeSite(lines.map((line, n) => (n === 9 ? 'echo line ten' : line)));
  const codeHtml = renderChangesReport(
    buildChangesReport(
      preview,
      {
        index: after.index,
        plan: planRedirects([], after.index, MAP_FILE).plan,
        content: after.content,
      },
      { kind: 'built', ref: 'main', sha: undefined, index: before.index, content: before.content },
      [],
    ),
    MAP_FILE,
  );
  const line = (n: number) => `<span class="line"> echo line ${n}</span>`;
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, n) => line(from + n)).join('');
  assert.ok(
    codeHtml.includes(
      '<div class="code-diff" role="group" aria-label="code, changed lines">' +
        `<details class="fold"><summary>6 unchanged lines</summary><pre tabindex="0"><code>${range(1, 6)}</code></pre></details>\n` +
        `<pre tabindex="0"><code>${range(7, 9)}<del class="line">-echo line 10</del><ins class="line">+echo line ten</ins>${range(11, 13)}</code></pre>\n` +
        `<details class="fold"><summary>7 unchanged lines</summary><pre tabindex="0"><code>${range(14, 20)}</code></pre></details></div>`,
    ),
    codeHtml,
  );
});

test('long text folds and unfolds, never cut', () => {
  const logs = sectionHtml('Collect logs');
  assert.match(logs, /<span class="change-tag">new section<\/span>/);
  assert.equal(logs.split('<p class="diff diff-added">').length - 1, 5, 'every paragraph is there');
  assert.match(logs, /<\/p>\n<details class="fold"><summary>3 more blocks \(39 words\)<\/summary>/);
  for (const paragraph of LONG) assert.ok(logs.includes(`<ins>${paragraph}</ins>`), paragraph);
  assert.doesNotMatch(html, /…<\/p>/);
});

test('a moved page is one row of moved addresses, its anchors folded under it', () => {
  const moves = html.split('<ul class="moves">')[1]!.split('</ul>\n')[0]!;
  const rows = moves.split(/<li><code>\//).length - 1;
  assert.equal(rows, 4, 'the moved page, the removed page, the moved section, the renamed heading');
  assert.match(
    moves,
    /<li><code>\/config\/<\/code> → <a href="\/pr-12\/settings\/"><code>\/settings\/<\/code><\/a> <span class="map-entries">\(<code>content\/redirects\.yaml:5<\/code>\)<\/span><details class="fold"><summary>and its 2 anchors<\/summary><ul><li><code>#cluster<\/code> → <a href="\/pr-12\/settings\/#cluster"><code>#cluster<\/code><\/a><\/li>/,
  );
  assert.match(
    moves,
    /<li><code>#only<\/code> → <strong>nowhere: this address breaks<\/strong><\/li>/,
  );
});

test('the report replaces the placeholder of the built page, which must be there once', () => {
  const built = '<main><h1>What changed</h1><div data-changes-report><p>pending</p></div></main>';
  assert.equal(
    fillChangesPage(built, '<p>report</p>'),
    '<main><h1>What changed</h1><div data-changes-report><p>report</p></div></main>',
  );
  assert.throws(
    () => fillChangesPage('<main></main>', 'x'),
    /no single <div data-changes-report> placeholder: build it as a preview/,
  );
  assert.throws(() => fillChangesPage(built + built, 'x'), /no single/);
});
test('without a base the report says why, and still shows the link check', () => {
  const none = buildChangesReport(
    preview,
    { index: pr.index, plan, content: pr.content },
    { kind: 'none', reason: 'no "main" here' },
    [],
  );
  const noneHtml = renderChangesReport(none, MAP_FILE);
  assert.match(noneHtml, /Nothing to compare with: no &quot;main&quot; here/);
  assert.match(noneHtml, /Every internal link and anchor resolves/);
  assert.match(
    changesMarkdown(summarizeChanges(none), '/pr-12/', 'x.yaml', BUILT),
    /Not compared with a base: `no "main" here`/,
  );
});
