/**
 * What a publish does, decided before it touches the host: which files go up and in which
 * order, which are already there unchanged, which old assets stay one more round, and which
 * objects are deleted at the end. The hosts (`dir:` and `s3://`) carry the plan out; the plan is
 * the same for both, so the same rules hold on both.
 */
import type { PreviewManifest, ProductionManifest, PublishedFiles } from './manifest.ts';
import { isSafeRelativeFile } from './relative-file.ts';
import {
  PREVIEW_MANIFEST_FILE,
  PRODUCTION_MANIFEST_FILE,
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
interface Upload {
  file: string;
  phase: PublishPhase;
  contentType: string;
  cacheControl: string;
  /**
   * Where an S3 website endpoint redirects the object's path with a 301
   * (`x-amz-website-redirect-location`): set on the stubs of moved pages.
   */
  redirectLocation?: string;
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
  /** The manifest to write after the pages, which makes the slot's new state official. */
  manifest: PlannedManifest;
}

/** What a publish records of its slot: a preview's pull request and commit, or production's commit. */
type Identity = Pick<PreviewManifest, 'pr' | 'sha' | 'builtAt'> | Pick<ProductionManifest, 'sha'>;

/** The manifest a plan writes: the identity, with what was published. */
type PlannedManifest = Identity &
  Required<Omit<PublishedFiles, 'publishedAt'>> & {
    publishedAt: string;
  };

/** What the publish knows about the slot before it starts. */
export interface PublishState {
  /** The live slot's manifest, if there is one. */
  previous: PublishedFiles | undefined;
  /** Every file the host holds for the slot now (relative to the slot's folder or prefix). */
  existing: ReadonlySet<string>;
}

/**
 * The object key of `file` under `prefix` (which ends with `/`, or is empty for the bucket's
 * root). Every key a publish or a remove writes or deletes goes through here, so nothing outside
 * the slot's prefix can be touched.
 */
export function keyWithin(prefix: string, file: string): string {
  if ((prefix !== '' && !prefix.endsWith('/')) || !isSafeRelativeFile(file)) {
    throw new Error(`refusing the key ${JSON.stringify(file)} under ${JSON.stringify(prefix)}`);
  }
  return prefix + file;
}

/** The stamp recorded per file: content digest and headers, so a header change also re-uploads. */
function stampOf(upload: Upload, sha256: string): string {
  const stamp = `${sha256};${upload.contentType};${upload.cacheControl}`;
  return upload.redirectLocation === undefined ? stamp : `${stamp};${upload.redirectLocation}`;
}

/**
 * Plans publishing `files` as the slot described by `identity`; `redirects` names the files whose
 * objects redirect (see `OBJECT_REDIRECTS_FILE`) and where to.
 */
export function planPublish(
  files: readonly BuildFile[],
  identity: Identity,
  state: PublishState,
  publishedAt: string,
  redirects: ReadonlyMap<string, string> = new Map(),
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
    const location = redirects.get(file);
    if (location !== undefined) upload.redirectLocation = location;
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
  const live = new Set([
    ...Object.keys(stamps),
    ...kept,
    PREVIEW_MANIFEST_FILE,
    PRODUCTION_MANIFEST_FILE,
  ]);
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
