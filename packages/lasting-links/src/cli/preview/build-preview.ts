/**
 * Builds the preview of a pull request: the site under `/pr-N/`, marked as a preview, with its
 * what-changed page filled in from a comparison with the base commit's build and the link check
 * of the result. Nothing here publishes; the build is a folder any host can take.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewEnvironment, readPreviewSettings, siteConfig } from '../../../../../src/config.ts';
import { readBuiltSite } from '../../lib/site/read-site.ts';
import { anchorIndexOf } from '../../lib/site/built-site.ts';
import type { AnchorIndex } from '../../lib/site/anchor-index.ts';
import { loadRedirects } from '../../lib/redirects/load-redirects.ts';
import type { Problem } from '../../lib/problems/problem.ts';
import { serializePreviewManifest } from '../../lib/preview/manifest.ts';
import { PREVIEW_MANIFEST_FILE } from '../../lib/preview/published-files.ts';
import { previewBase, type PreviewSettings } from '../../lib/preview/settings.ts';
import { buildChangesReport, type BaseBuild } from '../../lib/preview/changes-report.ts';
import { fillChangesPage, renderChangesReport } from '../../lib/preview/changes-page.ts';
import { summarizeChanges, type ChangesSummary } from '../../lib/preview/changes-summary.ts';
import { buildCommit, resolveBaseCommit } from './base-build.ts';
import type { Log } from '../../publish/host.ts';

/** The what-changed page's file in the build, and its summary beside it. */
const CHANGES_PAGE = '_changes/index.html';
export const CHANGES_SUMMARY = '_changes/summary.json';

/** What to build. */
export interface PreviewBuildOptions {
  projectRoot: string;
  pr: number;
  sha: string;
  /** Output folder; emptied first. */
  outDir: string;
  /** The base to compare with: a ref (default `origin/main`), or a folder holding its build. */
  base: { ref: string; isDefault: boolean } | { dist: string };
  log: Log;
}

/** Builds the preview; returns its settings and the what-changed summary. */
export async function buildPreview(
  options: PreviewBuildOptions,
): Promise<{ preview: PreviewSettings; summary: ChangesSummary }> {
  const { projectRoot, outDir, log } = options;
  // The settings as the build will read them, from the same environment (see src/config.ts).
  const preview = readPreviewSettings({
    ...process.env,
    PREVIEW_PR: String(options.pr),
    PREVIEW_SHA: options.sha,
    PREVIEW_BUILT_AT: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  })!;
  const base = previewBase(preview.pr);
  const env = { ...process.env, ...previewEnvironment(preview), SITE_BASE: base, OUT_DIR: outDir };

  rmSync(outDir, { recursive: true, force: true });
  log(
    `building the preview of pull request #${preview.pr} at ${preview.sha.slice(0, 7)} into ${outDir}`,
  );
  const build = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (build.status !== 0) throw new Error('the preview did not build: see the errors above');
  await writeFile(
    join(outDir, PREVIEW_MANIFEST_FILE),
    serializePreviewManifest({ pr: preview.pr, sha: preview.sha, builtAt: preview.builtAt }),
  );

  const site = await readBuiltSite(outDir, { sectionText: true });
  const index = anchorIndexOf(site);
  const { plan } = await loadRedirects(
    projectRoot,
    siteConfig.redirectsFile,
    siteConfig.redirectHosts,
    index,
  );
  const baseBuild = await compareWith(options, base, log);
  const pageHtml = await readFile(join(outDir, CHANGES_PAGE), 'utf8');
  const write = async (linkProblems: Problem[]) => {
    const report = buildChangesReport(preview, { index, plan }, baseBuild, linkProblems);
    await writeFile(
      join(outDir, CHANGES_PAGE),
      fillChangesPage(pageHtml, renderChangesReport(report, siteConfig.redirectsFile)),
    );
    return report;
  };
  // The page links into the preview: check the site with the page filled in, then show the result.
  await write([]);
  const report = await write(checkLinks(projectRoot, outDir, base, env));
  const summary = summarizeChanges(report);
  await writeFile(join(outDir, CHANGES_SUMMARY), JSON.stringify(summary, null, 2) + '\n');
  return { preview, summary };
}

/** The base build's content pages, or why there are none. */
async function compareWith(
  options: PreviewBuildOptions,
  base: string,
  log: Log,
): Promise<BaseBuild> {
  const read = async (dir: string): Promise<AnchorIndex> =>
    anchorIndexOf(await readBuiltSite(dir, { sectionText: true }));
  if ('dist' in options.base) {
    const dist = options.base.dist;
    return { kind: 'built', ref: `the build in ${dist}`, sha: undefined, index: await read(dist) };
  }
  const commit = resolveBaseCommit(options.projectRoot, options.base.ref, options.base.isDefault);
  if ('reason' in commit) {
    log(`not comparing with a base: ${commit.reason}`);
    return { kind: 'none', reason: commit.reason };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'docs-preview-base-out-'));
  try {
    const failure = buildCommit(options.projectRoot, commit.sha, base, join(scratch, 'out'), log);
    if (failure !== undefined) {
      log(`not comparing with a base: ${failure}`);
      return { kind: 'none', reason: failure };
    }
    return {
      kind: 'built',
      ref: commit.ref,
      sha: commit.sha,
      index: await read(join(scratch, 'out')),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The link check of the finished build, run by `npm run check` itself. */
function checkLinks(
  projectRoot: string,
  outDir: string,
  base: string,
  env: NodeJS.ProcessEnv,
): Problem[] {
  const check = spawnSync(
    process.execPath,
    [
      join(import.meta.dirname, '../../../bin/lasting-links.js'),
      'check',
      '--dist',
      outDir,
      '--base',
      base,
      '--format',
      'json',
    ],
    { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    return JSON.parse(check.stdout) as Problem[];
  } catch {
    throw new Error(`the link check of the preview did not run: ${check.stderr.trim()}`);
  }
}
