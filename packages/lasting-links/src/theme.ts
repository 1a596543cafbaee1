/**
 * What a theme's components use beside the integration: site paths and the base, a preview's
 * banner and canonical URLs (the settings come from `virtual:lasting-links/preview`), and the
 * small helpers the integration's own markup relies on. Everything else of the package is
 * internal and may change.
 */
export {
  isRootRelative,
  parseBase,
  sitePath,
  sitePathProblem,
  withBase,
  withoutBase,
  type Base,
  type SitePath,
} from './lib/site-path.ts';
export {
  canonicalUrl,
  formatBuildTime,
  pullRequestUrl,
  type PreviewSettings,
} from './lib/preview/settings.ts';
export { PREVIEW_SCRIPT_FILE } from './lib/preview/published-files.ts';
/** A preview page's changes in place: the blocks the build compared, and the marks it found. */
export {
  CHANGES_UI_ATTRIBUTE,
  blockKindOf,
  blockText,
  contentRootOf,
  isInlineElement,
  isSkippedElement,
  textHash,
  type BlockKind,
} from './lib/preview/block-rules.ts';
export {
  CHANGES_META_NAME,
  planMarks,
  type PageChanges,
  type PageMark,
} from './lib/preview/page-marks.ts';
export { escapeHtml, scriptJson } from './lib/html/escape.ts';
/** The class of a heading's "link to this section" anchor, which the anchor index skips. */
export { HEADING_ANCHOR_CLASS } from './lib/html/markers.ts';
/** The id a heading gets when its words give none (a heading of emoji alone). */
export { usableHeadingId } from './lib/sources/heading-id.ts';
export { closestPage } from './lib/did-you-mean.ts';
export { packageRepositoryUrl, repositoryWebUrl } from './lib/repository-url.ts';
