/**
 * Publishing a built preview to a host, removing one, and keeping the host's index current:
 * the steps `preview:publish` and `preview:remove` share, the same for every kind of host.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from '../lib/site/build-manifest.ts';
import { parsePreviewManifest } from '../lib/preview/manifest.ts';
import { planPublish } from '../lib/preview/publish-plan.ts';
import { PREVIEW_MANIFEST_FILE } from '../lib/preview/published-files.ts';
import { previewBase } from '../lib/preview/settings.ts';
import { HOST_ROBOTS_TXT, renderHostIndex } from '../lib/preview/host-index.ts';
import type { Log, PreviewHost } from './host.ts';
import { hashFiles } from './local-files.ts';
import { withLease, type LeaseOptions } from './lease.ts';

/** What a publish did. */
export interface PublishResult {
  uploaded: number;
  unchanged: number;
  deleted: number;
  /** Files of the build (the manifest aside). */
  files: number;
  /** When this publish made the preview live (ISO, this machine's clock). */
  publishedAt: string;
}

/**
 * Publishes the preview build in `buildDir` as pull request `pr` at commit `sha`. The build must
 * be the preview of exactly that pull request and commit (its `_build.json` and `_preview.json`
 * say so), so a build made for another pull request can never land in this one's folder.
 */
export async function publishBuild(
  host: PreviewHost,
  buildDir: string,
  expected: { pr: number; sha: string },
  log: Log,
  leaseOptions: LeaseOptions = {},
): Promise<PublishResult> {
  const base = readManifest(buildDir).base;
  if (base !== previewBase(expected.pr)) {
    throw new Error(
      `${buildDir} was built for the base ${base}, not ${previewBase(expected.pr)}: build it with lasting-links preview build --pr ${expected.pr}`,
    );
  }
  const where = join(buildDir, PREVIEW_MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch {
    throw new Error(
      `${where} is missing: ${buildDir} is not a preview build (lasting-links preview build)`,
    );
  }
  const identity = parsePreviewManifest(text, where);
  const sameCommit = identity.sha.startsWith(expected.sha) || expected.sha.startsWith(identity.sha);
  if (identity.pr !== expected.pr || !sameCommit) {
    throw new Error(
      `${buildDir} is the preview of pull request #${identity.pr} at ${identity.sha}, not #${expected.pr} at ${expected.sha}`,
    );
  }
  const files = await hashFiles(buildDir);
  // The live state is read, planned against and changed under one lease: no other run of this
  // pull request publishes or removes meanwhile.
  const plan = await withLease(host, expected.pr, { log, ...leaseOptions }, async (lease) => {
    const state = await host.state(expected.pr);
    const plan = planPublish(files, identity, state, new Date().toISOString());
    await host.apply(expected.pr, buildDir, plan, log, lease);
    return plan;
  });
  return {
    uploaded: plan.uploads.length,
    unchanged: plan.unchanged.length,
    deleted: plan.deletes.length,
    files: plan.uploads.length + plan.unchanged.length,
    publishedAt: plan.manifest.publishedAt ?? new Date().toISOString(),
  };
}

/** Removes the preview of `pr`, holding its lease; returns how many files it held. */
export function removePreview(
  host: PreviewHost,
  pr: number,
  log: Log,
  leaseOptions: LeaseOptions = {},
): Promise<number> {
  return withLease(host, pr, { log, ...leaseOptions }, (lease) => host.remove(pr, lease));
}

/**
 * Rewrites the host's index and robots.txt from the previews it lists. Two publishes of different
 * pull requests may run at once; each checks after writing that the listing has not changed
 * meanwhile and writes again if it has (three times at most), so the last writer lists everything.
 */
export async function refreshHostIndex(host: PreviewHost, repositoryUrl: string): Promise<number> {
  const key = (list: Awaited<ReturnType<PreviewHost['previews']>>) =>
    list
      .map((preview) => `${preview.pr}@${preview.sha}@${preview.builtAt}`)
      .sort()
      .join(',');
  let previews = await host.previews();
  for (let attempt = 1; ; attempt += 1) {
    await host.writeHostFile('robots.txt', HOST_ROBOTS_TXT, 'text/plain; charset=utf-8');
    await host.writeHostFile(
      'index.html',
      renderHostIndex(previews, repositoryUrl),
      'text/html; charset=utf-8',
    );
    const now = await host.previews();
    if (key(now) === key(previews) || attempt === 3) return previews.length;
    previews = now;
  }
}
