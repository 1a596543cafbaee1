/**
 * `_preview.json`: what a published preview is. A preview build writes the first three fields;
 * the publish adds when it went live and a digest of every file, so the next publish of the same
 * pull request uploads only what changed and the host index can list the live previews.
 *
 * The file crosses a trust boundary (a pull request's build is uploaded by a privileged job), so
 * reading it checks every field rather than trusting its shape.
 */
import { parsePullRequest, parseSha } from './options.ts';
import { isSafeRelativeFile } from './relative-file.ts';
import type { Slot } from './slot.ts';

/** What every publish records, whatever its slot: what it published and when. */
export interface PublishedFiles {
  /** When this publish made it live (ISO 8601, UTC); absent in a build that is not published yet. */
  publishedAt?: string;
  /** Published file (relative, `/`-separated) to its digest; absent in a build not published yet. */
  files?: Record<string, string>;
  /** Fingerprinted files of the publish before, kept until the next one (see `planPublish`). */
  kept?: string[];
}

/** A preview as published. */
export interface PreviewManifest extends PublishedFiles {
  pr: number;
  sha: string;
  /** When the build was made (ISO 8601, UTC). */
  builtAt: string;
}

/** The production site as published (`_published.json`): the commit, when the publish says it. */
export interface ProductionManifest extends PublishedFiles {
  sha?: string;
}

/** A manifest of either slot. */
export type SlotManifest = PreviewManifest | ProductionManifest;

/** The manifest's text. */
export function serializePreviewManifest(manifest: SlotManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * A manifest from its text; throws an error starting with `where` when anything in it is not
 * what a publish writes.
 */
export function parsePreviewManifest(text: string, where: string): PreviewManifest {
  const { record, fail } = recordOf(text, where);
  const pr = typeof record['pr'] === 'number' ? String(record['pr']) : undefined;
  let manifest: PreviewManifest;
  try {
    manifest = {
      pr: parsePullRequest(pr),
      sha: parseSha(typeof record['sha'] === 'string' ? record['sha'] : undefined),
      builtAt: '',
    };
  } catch (error) {
    return fail((error as Error).message.replace(/^--/, ''));
  }
  const builtAt = record['builtAt'];
  if (typeof builtAt !== 'string' || !ISO_TIME.test(builtAt))
    return fail('"builtAt" is not a time');
  manifest.builtAt = builtAt;
  readPublishedFields(record, manifest, fail);
  return manifest;
}

/** The production manifest from its text, checked as strictly as a preview's. */
function parseProductionManifest(text: string, where: string): ProductionManifest {
  const { record, fail } = recordOf(text, where);
  const manifest: ProductionManifest = {};
  const sha = record['sha'];
  if (sha !== undefined) {
    try {
      manifest.sha = parseSha(typeof sha === 'string' ? sha : undefined);
    } catch (error) {
      return fail((error as Error).message.replace(/^--/, ''));
    }
  }
  readPublishedFields(record, manifest, fail);
  return manifest;
}

/** The manifest of the slot the file belongs to (see `manifestFileOf`). */
export function parseSlotManifest(slot: Slot, text: string, where: string): SlotManifest {
  return slot.kind === 'preview'
    ? parsePreviewManifest(text, where)
    : parseProductionManifest(text, where);
}

/** The manifest's JSON object, and how to refuse it with a message naming `where`. */
function recordOf(
  text: string,
  where: string,
): { record: Record<string, unknown>; fail: (what: string) => never } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON (${(error as Error).message})`, { cause: error });
  }
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}; publish again to rewrite it`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('not an object');
  return { record: data as Record<string, unknown>, fail };
}

/** The fields every publish writes, checked, into `manifest`. */
function readPublishedFields(
  record: Record<string, unknown>,
  manifest: PublishedFiles,
  fail: (what: string) => never,
): void {
  const publishedAt = record['publishedAt'];
  if (publishedAt !== undefined) {
    if (typeof publishedAt !== 'string' || !ISO_TIME.test(publishedAt))
      fail('"publishedAt" is not a time');
    manifest.publishedAt = publishedAt;
  }
  const files = record['files'];
  if (files !== undefined) {
    if (typeof files !== 'object' || files === null || Array.isArray(files))
      fail('"files" is not an object');
    const checked: Record<string, string> = {};
    for (const [file, digest] of Object.entries(files)) {
      if (!isSafeRelativeFile(file) || typeof digest !== 'string')
        fail(`"files" has a bad entry ${JSON.stringify(file)}`);
      checked[file] = digest;
    }
    manifest.files = checked;
  }
  const kept = record['kept'];
  if (kept !== undefined) {
    if (
      !Array.isArray(kept) ||
      !kept.every((file) => typeof file === 'string' && isSafeRelativeFile(file))
    )
      fail('"kept" is not a list of files');
    manifest.kept = kept as string[];
  }
}
