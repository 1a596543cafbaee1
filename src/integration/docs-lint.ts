import type { SiteSettings } from '../lib/settings.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { lintDocs, loadLintSettings, mdxFilesUnder, readSource } from '../lib/lint/index.ts';
import { lintWarnings } from '../lib/lint/as-problems.ts';

/**
 * The docs lint over every page, as build warnings with file:line. The same settings as
 * `npm run lint:docs` and the editor (`.remarkrc.mjs`), read from the site's settings.
 */
export function docsLintProblems(settings: SiteSettings): Problem[] {
  const root = settings.projectRoot;
  const lintSettings = loadLintSettings({
    root,
    contentDir: settings.contentDir,
    termsFile: settings.termsFile,
    oldestSupportedVersion: settings.oldestSupportedVersion,
  });
  const sources = mdxFilesUnder(root, settings.contentDir).map((file) => readSource(root, file));
  return lintWarnings(lintDocs(sources, lintSettings));
}
