/**
 * Builds the preview of a pull request: the site under `/pr-N/`, marked as a preview, with its
 * What-changed page comparing it with the base. One programmatic Astro build of the project with
 * a `previewMode()` marker among its integrations; the `lastingLinks()` integration does the
 * rest inside that build (the banner's settings, the preview's routes, the comparison, one link
 * check). Nothing here publishes; the build is a folder any host can take.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBuiltSite } from '../../lib/site/read-site.ts';
import { anchorIndexOf } from '../../lib/site/built-site.ts';
import { siteContent } from '../../lib/preview/site-content.ts';
import { previewBase, type PreviewSettings } from '../../lib/preview/settings.ts';
import type { BaseBuild } from '../../lib/preview/changes-report.ts';
import { parseChangesSummary, type ChangesSummary } from '../../lib/preview/changes-summary.ts';
import { CHANGES_SUMMARY_FILE } from '../../lib/preview/published-files.ts';
import { previewMode } from '../../integration/preview-mode.ts';
import { buildCommit, resolveBaseCommit } from './base-build.ts';
import {
  readCachedBaseIndex,
  writeCachedBaseIndex,
  type BaseIndex,
} from '../../lib/preview/base-index-cache.ts';
import type { Log } from '../../publish/host.ts';
import { readFile } from 'node:fs/promises';

/** Where previews are served when nothing says: a reserved name never mistaken for a real site. */
const UNKNOWN_PREVIEW_HOST = 'https://previews.invalid';

/** What to build. */
export interface PreviewBuildOptions {
  projectRoot: string;
  pullRequest: Omit<PreviewSettings, 'productionSite'>;
  /** Where previews are served, for the build's own `site`. */
  hostUrl: string | undefined;
  /** Output folder; emptied first. */
  outDir: string;
  /**
   * The base to compare with: a ref (default `origin/main`), or a folder holding its build; and
   * where the base's own build is served, if it is (the What-changed page links to it).
   */
  base: ({ ref: string; isDefault: boolean } | { dist: string }) & { url?: string | undefined };
  /** The environment a base commit's build runs in. */
  env: Readonly<Record<string, string | undefined>>;
  log: Log;
}

/** Builds the preview; returns the What-changed summary it wrote beside its page. */
export async function buildPreview(options: PreviewBuildOptions): Promise<ChangesSummary> {
  const { projectRoot, outDir, log, pullRequest } = options;
  const base = previewBase(pullRequest.pr);
  const baseBuild = await compareWith(options, base, log);
  rmSync(outDir, { recursive: true, force: true });
  log(
    `building the preview of pull request #${pullRequest.pr} at ${pullRequest.sha.slice(0, 7)} into ${outDir}`,
  );
  const { build } = (await import(astroOf(projectRoot))) as {
    build: (config: Record<string, unknown>) => Promise<void>;
  };
  try {
    await build({
      root: projectRoot,
      base,
      outDir,
      integrations: [
        previewMode({
          pullRequest,
          hostUrl: options.hostUrl ?? UNKNOWN_PREVIEW_HOST,
          base: baseBuild,
        }),
      ],
    });
  } catch (error) {
    throw new Error(`the preview did not build: ${(error as Error).message}`, { cause: error });
  }
  const where = join(outDir, CHANGES_SUMMARY_FILE);
  return parseChangesSummary(await readFile(where, 'utf8'), where);
}

/** The project's own Astro, as a module URL. */
function astroOf(projectRoot: string): string {
  return pathToFileURL(createRequire(join(projectRoot, 'package.json')).resolve('astro')).href;
}

/** The base build's content pages, or why there are none. */
async function compareWith(
  options: PreviewBuildOptions,
  base: string,
  log: Log,
): Promise<BaseBuild> {
  const read = async (dir: string): Promise<BaseIndex> => {
    const site = await readBuiltSite(dir, { sectionText: true });
    const index = anchorIndexOf(site);
    return { index, content: siteContent(site, index) };
  };
  const url = options.base.url;
  if ('dist' in options.base) {
    const dist = options.base.dist;
    return {
      kind: 'built',
      ref: `the build in ${dist}`,
      sha: undefined,
      url,
      ...(await read(dist)),
    };
  }
  const commit = resolveBaseCommit(options.projectRoot, options.base.ref, options.base.isDefault);
  if ('reason' in commit) {
    log(`not comparing with a base: ${commit.reason}`);
    return { kind: 'none', reason: commit.reason };
  }
  const cached = readCachedBaseIndex(options.projectRoot, commit.sha, base);
  if (cached !== undefined) {
    log(`the base ${commit.sha.slice(0, 7)} was built before: its index is read from the cache`);
    return { kind: 'built', ref: commit.ref, sha: commit.sha, url, ...cached };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'docs-preview-base-out-'));
  try {
    const failure = buildCommit(
      options.projectRoot,
      commit.sha,
      base,
      join(scratch, 'out'),
      options.env,
      log,
    );
    if (failure !== undefined) {
      log(`not comparing with a base: ${failure}`);
      return { kind: 'none', reason: failure };
    }
    const built = await read(join(scratch, 'out'));
    writeCachedBaseIndex(options.projectRoot, commit.sha, base, built);
    return { kind: 'built', ref: commit.ref, sha: commit.sha, url, ...built };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
