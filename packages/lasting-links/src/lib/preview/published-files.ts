/**
 * How each file of a build is served once published: its `Content-Type`, its `Cache-Control`,
 * and in which phase of a publish it goes up. `mime-types` knows the media types; what is this
 * project's own is which files are fingerprinted and the order that keeps readers safe.
 */
import mime from 'mime-types';
import { OBJECT_REDIRECTS_FILE } from '../redirects/object-redirects.ts';

/** Files a publish never uploads: they configure servers, or describe the build to its tools. */
const NOT_PUBLISHED: ReadonlySet<string> = new Set([
  '_nginx-redirects.conf',
  OBJECT_REDIRECTS_FILE,
]);

/** The preview's own description, written by the publish itself, last. */
export const PREVIEW_MANIFEST_FILE = '_preview.json';

/** The production site's own description, written by its publish, last (see `PREVIEW_MANIFEST_FILE`). */
export const PRODUCTION_MANIFEST_FILE = '_published.json';

/** The What-changed comparison in numbers, beside its page, for the pull request comment. */
export const CHANGES_SUMMARY_FILE = '_changes/summary.json';

/** The preview's build script (commit and build time for the banner), see `previewBuildScript`. */
export const PREVIEW_SCRIPT_FILE = '_preview.js';

/** Whether a build file is published at all. */
export function isPublished(file: string): boolean {
  return (
    !NOT_PUBLISHED.has(file) && file !== PREVIEW_MANIFEST_FILE && file !== PRODUCTION_MANIFEST_FILE
  );
}

/**
 * Whether a file's name changes whenever its content does, so it may be cached for good:
 * everything Astro writes under `_astro/` (names carry a content hash), and Pagefind's index
 * chunks, fragments and metadata (`en_3876fb7.pf_fragment`, `pagefind.en_ad579c70f5.pf_meta`).
 * `pagefind.js`, `pagefind-entry.json` and the `wasm.*.pagefind` files keep their names across
 * builds, so they are not.
 */
export function isFingerprinted(file: string): boolean {
  return file.startsWith('_astro/') || /[._][0-9a-f]{7,}\.pf_[a-z]+$/.test(file);
}

/** Whether a file is a page (HTML), which goes up after every asset it may refer to. */
function isPage(file: string): boolean {
  return /\.html?$/.test(file);
}

/** `Content-Type` with a charset for text, e.g. `text/html; charset=utf-8`. */
export function contentTypeOf(file: string): string {
  // Pagefind's binary chunks and robots-style files without an extension that mime-types knows.
  if (/\.(pf_[a-z]+|pagefind)$/.test(file)) return 'application/octet-stream';
  if (file === '_redirects') return 'text/plain; charset=utf-8';
  return mime.contentType(file.split('/').pop() ?? file) || 'application/octet-stream';
}

/**
 * `Cache-Control`: fingerprinted files never change, so caches keep them a year without asking;
 * everything else (pages, the search entry point, images with stable names) is revalidated on
 * every use, so a republished preview shows at once.
 */
export function cacheControlOf(file: string): string {
  return isFingerprinted(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The phases of a publish, in order. Readers never see a page whose assets are missing:
 * 1. fingerprinted assets (new names: nothing live changes yet);
 * 2. other assets (the search entry point, images), which old pages can use too;
 * 3. pages;
 * 4. the build script with the banner's commit, once the pages it describes are up.
 * The preview's manifest follows, then stale objects are deleted.
 */
export type PublishPhase = 'fingerprinted' | 'assets' | 'pages' | 'build-script';

/** The phase a file goes up in. */
export function phaseOf(file: string): PublishPhase {
  if (file === PREVIEW_SCRIPT_FILE) return 'build-script';
  if (isPage(file)) return 'pages';
  return isFingerprinted(file) ? 'fingerprinted' : 'assets';
}

/** The phases in upload order. */
export const PUBLISH_PHASES: readonly PublishPhase[] = [
  'fingerprinted',
  'assets',
  'pages',
  'build-script',
];
