import { Worker } from 'node:worker_threads';
import type { SiteSettings } from '../lib/settings.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { lintDocs, loadLintSettings, mdxFilesUnder, readSource } from '../lib/lint/index.ts';
import { lintWarnings } from '../lib/lint/as-problems.ts';
import { runnableFile } from '../lib/runnable.ts';

/**
 * The docs lint over every page, as build warnings with file:line. The same settings as
 * `lasting-links lint` and the editor (`.remarkrc.mjs`), read from the site's settings.
 */
export function docsLintProblems(settings: SiteSettings): Problem[] {
  const root = settings.projectRoot;
  const lintSettings = loadLintSettings({
    root,
    contentDir: settings.contentDir,
    termsFile: settings.termsFile,
    oldestSupportedVersion: settings.oldestSupportedVersion,
    syntax: settings.syntax,
  });
  const sources = mdxFilesUnder(root, settings.contentDir).map((file) => readSource(root, file));
  return lintWarnings(lintDocs(sources, lintSettings));
}

/** One warning saying the lint could not run (a broken terms file): the build goes on. */
function lintFailed(reason: string): Problem[] {
  return [
    {
      severity: 'warning',
      code: 'docs-lint',
      message: `the docs lint could not run: ${reason}`,
      fix: 'Fix the file it names; `npx lasting-links lint` shows the same message.',
    },
  ];
}

/**
 * The docs lint in a worker thread, started once Vite has bundled the site (see
 * when-bundled.ts): it parses every page a second time, which on a large site costs as much as
 * a fifth of the build's CPU, so it runs on the core that Astro's page rendering leaves idle,
 * and the build waits for it only at the end.
 */
export function docsLintInBackground(settings: SiteSettings): Promise<Problem[]> {
  return new Promise((resolve) => {
    const worker = new Worker(runnableFile(new URL('./docs-lint-worker.ts', import.meta.url)), {
      workerData: settings,
    });
    worker.once('message', (result: { problems: Problem[] } | { error: string }) =>
      resolve('error' in result ? lintFailed(result.error) : result.problems),
    );
    worker.once('error', (error: Error) => resolve(lintFailed(error.message)));
  });
}
