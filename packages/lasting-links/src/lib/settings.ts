/**
 * The settings every step of the build and every command works with, settled once at the edge
 * (the Astro integration, from its options and Astro's config) and passed in. Nothing under
 * `lib/` reads the environment or a config file itself.
 */
import type { Base } from './site-path.ts';
import type { SourceSyntax } from './sources/page-source.ts';

/** Where things are and how the site is deployed. */
export interface SiteSettings {
  /** Absolute project root; every file below is relative to it. */
  projectRoot: string;
  /** The deployment base: `/`, or `/pr-123/` for a preview. */
  base: Base;
  /** The published origin, e.g. `https://docs.example.com`, for canonical URLs and the sitemap. */
  site: string;
  /** Astro's `srcDir` (layouts, components, the site's own settings). */
  srcDir: string;
  /** Folder of the page sources (`.md` and `.mdx`). */
  contentDir: string;
  /** The redirect map. */
  redirectsFile: string;
  /** The lock of every URL and anchor ever published. */
  anchorsLockFile: string;
  /** Hosts a redirect may send readers to with an absolute `https://` target. */
  redirectHosts: readonly string[];
  /** Proper nouns and terminology (read by the docs lint and by cross-reference titles), if any. */
  termsFile: string | undefined;
  /** The oldest supported release, `major.minor`: the docs lint flags notes about older ones. */
  oldestSupportedVersion: string | undefined;
  /** How the pages are written (Markdown features, components that open sections), so sources parse as they build. */
  syntax: SourceSyntax;
}
