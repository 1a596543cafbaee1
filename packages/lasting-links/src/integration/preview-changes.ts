/**
 * The What-changed page of a preview build, filled in the build's own post-build pass: the
 * comparison with the base is rendered into the page the preview's route built (a placeholder),
 * the page is scanned again so the one link check covers the report's links, and the check's
 * findings are added once it has run. The page is written once, with the other edited pages.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { SiteSettings } from '../lib/settings.ts';
import type { SitePath } from '../lib/site-path.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { BuiltSite } from '../lib/site/built-site.ts';
import { scanPage } from '../lib/html/scan-page.ts';
import { buildChangesReport, type ComparedBuild } from '../lib/preview/changes-report.ts';
import { fillChangesPage, renderChangesReport } from '../lib/preview/changes-page.ts';
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

/** The filled page, and `finish` to add the link check's findings and write the summary. */
export async function previewChanges(
  site: BuiltSite,
  built: ComparedBuild,
  preview: PreviewComparison,
  settings: SiteSettings,
): Promise<{ page: SitePath; finish: (linkProblems: Problem[]) => Promise<void> }> {
  const page = site.pages.get(CHANGES_PAGE);
  if (page?.html === undefined)
    throw new Error(
      `the preview build has no ${CHANGES_PAGE} page: is lastingLinks() in the config?`,
    );
  const placeholder = page.html;
  const render = (linkProblems: Problem[]) => {
    const report = buildChangesReport(preview.settings, built, preview.base, linkProblems);
    return {
      report,
      html: fillChangesPage(placeholder, renderChangesReport(report, settings.redirectsFile)),
    };
  };
  const first = render([]);
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
    page: CHANGES_PAGE,
    finish: async (linkProblems) => {
      const last = render(linkProblems);
      page.html = last.html;
      const summaryFile = join(site.dir, CHANGES_SUMMARY_FILE);
      mkdirSync(dirname(summaryFile), { recursive: true });
      await writeFile(summaryFile, JSON.stringify(summarizeChanges(last.report), null, 2) + '\n');
    },
  };
}
