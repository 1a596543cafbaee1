/**
 * Publishing a built preview or the production site to a host, removing a preview, and keeping
 * the host's index current: the steps `preview publish`, `preview remove` and `publish` share,
 * the same for every kind of host.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from '../lib/site/build-manifest.ts';
import { parsePreviewManifest } from '../lib/preview/manifest.ts';
import { planPublish, type PublishPlan } from '../lib/preview/publish-plan.ts';
import { PREVIEW_MANIFEST_FILE } from '../lib/preview/published-files.ts';
import { PRODUCTION_SLOT, previewSlot, type Slot } from '../lib/preview/slot.ts';
import { OBJECT_REDIRECTS_FILE, parseObjectRedirects } from '../lib/redirects/object-redirects.ts';
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
  /** When this publish made the slot live (ISO, this machine's clock). */
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
  return publishSlot(host, previewSlot(expected.pr), buildDir, identity, log, leaseOptions);
}

/**
 * Publishes the production build in `buildDir` (a plain `astro build` output) at the target's
 * root. A preview build is refused (it carries a banner and keeps search engines out), and so is
 * a build made for another base than `expectedBase`, when the host says which base it serves.
 */
export async function publishProduction(
  host: PreviewHost,
  buildDir: string,
  expected: { sha?: string; base?: string },
  log: Log,
  leaseOptions: LeaseOptions = {},
): Promise<PublishResult> {
  const base = readManifest(buildDir).base;
  if (existsSync(join(buildDir, PREVIEW_MANIFEST_FILE))) {
    throw new Error(
      `${buildDir} is a preview build (it has ${PREVIEW_MANIFEST_FILE}): publish production from a plain build (astro build), or a preview with lasting-links preview publish`,
    );
  }
  if (expected.base !== undefined && base !== expected.base) {
    throw new Error(
      `${buildDir} was built for the base ${base}, but ${host.description} serves the site at ${expected.base}: build it with that base (base: '${expected.base}' in the Astro config)`,
    );
  }
  return publishSlot(
    host,
    PRODUCTION_SLOT,
    buildDir,
    expected.sha === undefined ? {} : { sha: expected.sha },
    log,
    leaseOptions,
  );
}

/**
 * Publishes `buildDir` into `slot`: the live state is read, planned against and changed under
 * the slot's lease, so no other run publishes or removes it meanwhile.
 */
async function publishSlot(
  host: PreviewHost,
  slot: Slot,
  buildDir: string,
  identity: Parameters<typeof planPublish>[1],
  log: Log,
  leaseOptions: LeaseOptions,
): Promise<PublishResult> {
  const files = await hashFiles(buildDir);
  // Production only: a preview's old paths stay answered by their stubs, as on a plain host.
  const redirects =
    slot.kind === 'production' ? await readObjectRedirects(buildDir) : new Map<string, string>();
  const plan: PublishPlan = await withLease(host, slot, { log, ...leaseOptions }, async (lease) => {
    const state = await host.state(slot);
    const plan = planPublish(files, identity, state, new Date().toISOString(), redirects);
    await host.apply(slot, buildDir, plan, log, lease);
    return plan;
  });
  return {
    uploaded: plan.uploads.length,
    unchanged: plan.unchanged.length,
    deleted: plan.deletes.length,
    files: plan.uploads.length + plan.unchanged.length,
    publishedAt: plan.manifest.publishedAt,
  };
}

/** The object redirects the build wrote (none for a build without them). */
async function readObjectRedirects(buildDir: string): Promise<Map<string, string>> {
  const where = join(buildDir, OBJECT_REDIRECTS_FILE);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch {
    return new Map();
  }
  return parseObjectRedirects(text, where);
}

/** Removes the preview of `pr`, holding its lease; returns how many files it held. */
export function removePreview(
  host: PreviewHost,
  pr: number,
  log: Log,
  leaseOptions: LeaseOptions = {},
): Promise<number> {
  return withLease(host, previewSlot(pr), { log, ...leaseOptions }, (lease) =>
    host.remove(pr, lease),
  );
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
