/**
 * What a publish does, decided before it touches the host: which files go up and in which
 * order, which are already there unchanged, which old assets stay one more round, and which
 * objects are deleted at the end. The hosts (`dir:` and `s3://`) carry the plan out; the plan is
 * the same for both, so the same rules hold on both.
 */
import type { PreviewManifest } from './manifest.ts';
import { isSafeRelativeFile } from './relative-file.ts';
import {
  PREVIEW_MANIFEST_FILE,
  PUBLISH_PHASES,
  cacheControlOf,
  contentTypeOf,
  isFingerprinted,
  isPublished,
  phaseOf,
  type PublishPhase,
} from './published-files.ts';

/** A file of the build to publish: relative, `/`-separated, with the SHA-256 of its content. */
export interface BuildFile {
  file: string;
  sha256: string;
}

/** One file to write, with the headers it is served with. */
export interface Upload {
  file: string;
  phase: PublishPhase;
  contentType: string;
  cacheControl: string;
}

/** The plan of one publish. */
export interface PublishPlan {
  /** Files to write, in the order they must go up. */
  uploads: Upload[];
  /** Files already live with the same content and headers: nothing to do. */
  unchanged: Upload[];
  /**
   * Fingerprinted files of the previous publish that this build no longer has. They stay until
   * the next publish, so a reader who loaded an old page a moment ago still gets its styles.
   */
  kept: string[];
  /** Files to delete once everything else is up. */
  deletes: string[];
  /** The manifest to write after the pages, which makes the preview's new state official. */
  manifest: PreviewManifest;
}

/** What the publish knows about the preview before it starts. */
export interface PublishState {
  /** The live preview's manifest, if there is one. */
  previous: PreviewManifest | undefined;
  /** Every file the host holds for the preview now (relative to the preview's folder). */
  existing: ReadonlySet<string>;
}

/**
 * The object key of `file` under `prefix` (which ends with `/`). Every key a publish or a remove
 * writes or deletes goes through here, so nothing outside the preview's prefix can be touched.
 */
export function keyWithin(prefix: string, file: string): string {
  if (!prefix.endsWith('/') || !isSafeRelativeFile(file)) {
    throw new Error(`refusing the key ${JSON.stringify(file)} under ${JSON.stringify(prefix)}`);
  }
  return prefix + file;
}

/** The stamp recorded per file: content digest and headers, so a header change also re-uploads. */
function stampOf(upload: Upload, sha256: string): string {
  return `${sha256};${upload.contentType};${upload.cacheControl}`;
}

/** Plans publishing `files` as the preview described by `identity`. */
export function planPublish(
  files: readonly BuildFile[],
  identity: Pick<PreviewManifest, 'pr' | 'sha' | 'builtAt'>,
  state: PublishState,
  publishedAt: string,
): PublishPlan {
  const published = files.filter((entry) => isPublished(entry.file));
  for (const entry of published) {
    if (!isSafeRelativeFile(entry.file))
      throw new Error(`the build holds a file with an unsafe name: ${JSON.stringify(entry.file)}`);
  }
  const previousFiles = state.previous?.files ?? {};
  const stamps: Record<string, string> = {};
  const uploads: Upload[] = [];
  const unchanged: Upload[] = [];
  for (const { file, sha256 } of published) {
    const upload: Upload = {
      file,
      phase: phaseOf(file),
      contentType: contentTypeOf(file),
      cacheControl: cacheControlOf(file),
    };
    const stamp = stampOf(upload, sha256);
    stamps[file] = stamp;
    if (previousFiles[file] === stamp && state.existing.has(file)) unchanged.push(upload);
    else uploads.push(upload);
  }
  const order = (upload: Upload) => PUBLISH_PHASES.indexOf(upload.phase);
  uploads.sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file));

  const kept = Object.keys(previousFiles)
    .filter((file) => stamps[file] === undefined && isFingerprinted(file))
    .filter((file) => state.existing.has(file) && isSafeRelativeFile(file))
    .sort();
  const live = new Set([...Object.keys(stamps), ...kept, PREVIEW_MANIFEST_FILE]);
  const deletes = [...state.existing].filter((file) => !live.has(file)).sort();
  return {
    uploads,
    unchanged,
    kept,
    deletes,
    // Kept files are listed apart from the build's, so the next publish deletes them.
    manifest: { ...identity, publishedAt, files: stamps, kept },
  };
}
