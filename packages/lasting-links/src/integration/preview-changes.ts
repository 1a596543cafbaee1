/**
 * The What-changed page of a preview build, filled in the build's own post-build pass: the
 * comparison with the base is rendered into the page the preview's route built (a placeholder),
 * the page is scanned again so the one link check covers the report's links, and the check's
 * findings are added once it has run. Each changed page gets its changes to show in place (a
 * file beside the What-changed page, named in the page's head). The pages are written once, with
 * the other edited pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import type { SiteSettings } from '../lib/settings.ts';
import type { SitePath } from '../lib/site-path.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { BuiltSite } from '../lib/site/built-site.ts';
import { scanPage } from '../lib/html/scan-page.ts';
import {
  buildChangesReport,
  type ChangesReport,
  type ComparedBuild,
} from '../lib/preview/changes-report.ts';
import {
  fillChangesPage,
  pageEntryId,
  pagesWithText,
  renderChangesReport,
} from '../lib/preview/changes-page.ts';
import { pageChanges, pageChangesFile, withChangesMeta } from '../lib/preview/page-changes.ts';
import { siteContent } from '../lib/preview/site-content.ts';
import { previewBase, shortSha } from '../lib/preview/settings.ts';
import { withBase } from '../lib/site-path.ts';
import { summarizeChanges } from '../lib/preview/changes-summary.ts';
import { serializePreviewManifest } from '../lib/preview/manifest.ts';
import { CHANGES_SUMMARY_FILE, PREVIEW_MANIFEST_FILE } from '../lib/preview/published-files.ts';
import type { PreviewSettings } from '../lib/preview/settings.ts';
import type { BaseBuild } from '../lib/preview/changes-report.ts';

/** The preview a build makes, and the base it is compared with. */
export interface PreviewComparison {
  settings: PreviewSettings;
  base: BaseBuild;
}

/** The What-changed page's path (the route `lastingLinks()` injects in a preview build). */
export const CHANGES_PAGE = '/_changes/' as SitePath;

/**
 * The filled page, the pages to write (it and the changed pages, which name their changes), and
 * `finish` to add the link check's findings and write the summary.
 */
export async function previewChanges(
  site: BuiltSite,
  built: Omit<ComparedBuild, 'content'>,
  preview: PreviewComparison,
  settings: SiteSettings,
): Promise<{ pages: SitePath[]; finish: (linkProblems: Problem[]) => Promise<void> }> {
  const page = site.pages.get(CHANGES_PAGE);
  if (page?.html === undefined)
    throw new Error(
      `the preview build has no ${CHANGES_PAGE} page: is lastingLinks() in the config?`,
    );
  const placeholder = page.html;
  const compared = { ...built, content: siteContent(site, built.index) };
  const render = (linkProblems: Problem[]) => {
    const report = buildChangesReport(preview.settings, compared, preview.base, linkProblems);
    return {
      report,
      html: fillChangesPage(placeholder, renderChangesReport(report, settings.redirectsFile)),
    };
  };
  const first = render([]);
  const changed = await markChangedPages(site, first.report);
  const { ids, ...scan } = scanPage(first.html, { sectionText: true, editPoints: true });
  Object.assign(page, scan, { ids: new Set(ids), html: first.html });
  await writeFile(
    join(site.dir, PREVIEW_MANIFEST_FILE),
    serializePreviewManifest({
      pr: preview.settings.pr,
      sha: preview.settings.sha,
      builtAt: preview.settings.builtAt,
    }),
  );
  return {
    pages: [CHANGES_PAGE, ...changed],
    finish: async (linkProblems) => {
      const last = render(linkProblems);
      page.html = last.html;
      const summaryFile = join(site.dir, CHANGES_SUMMARY_FILE);
      mkdirSync(dirname(summaryFile), { recursive: true });
      await writeFile(summaryFile, JSON.stringify(summarizeChanges(last.report), null, 2) + '\n');
    },
  };
}

/**
 * Writes each changed page's in-place changes beside the What-changed page and names the file in
 * the page's head; returns the pages so edited.
 */
async function markChangedPages(site: BuiltSite, report: ChangesReport): Promise<SitePath[]> {
  if (report.changes === undefined || report.base.kind !== 'compared') return [];
  const base = previewBase(report.preview.pr);
  const withText = pagesWithText(report);
  const titles = new Map<SitePath, string>();
  for (const page of [...withText, ...report.changes.moved]) titles.set(page.path, page.title);
  const comparedWith = `${report.base.ref}${report.base.sha === undefined ? '' : ` at ${shortSha(report.base.sha)}`}`;
  const edited: SitePath[] = [];
  for (const change of [
    ...report.changes.changed,
    ...report.changes.moved,
    ...report.changes.added,
  ]) {
    const page = site.pages.get(change.path);
    if (page === undefined) continue;
    const at = withText.indexOf(change);
    const data = pageChanges(
      change,
      {
        base,
        productionSite: report.preview.productionSite,
        comparedWith,
        reportUrl: `${withBase(CHANGES_PAGE, base)}${at < 0 ? '#pages' : `#${pageEntryId(at + 1)}`}`,
      },
      (path) => titles.get(path) ?? path,
    );
    if (data === undefined) continue;
    const json = JSON.stringify(data);
    const file = pageChangesFile(json);
    await mkdir(dirname(join(site.dir, file)), { recursive: true });
    await writeFile(join(site.dir, file), json);
    // The scan keeps the HTML of pages it knows it will edit; a changed page is read again here.
    const html = page.html ?? readFileSync(join(site.dir, page.file), 'utf8');
    page.html = withChangesMeta(html, file, base);
    edited.push(change.path);
  }
  return edited;
}
