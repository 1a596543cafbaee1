/**
 * The site's own settings, and the one place that reads the environment. The Astro
 * integration and every command build their `SiteSettings` here and pass them down.
 *
 * | variable    | effect                                                   | default                    |
 * |-------------|----------------------------------------------------------|----------------------------|
 * | `SITE_BASE` | base path the site is served under (`/pr-123/`)          | `/`                        |
 * | `SITE_URL`  | the published origin, for canonical URLs and the sitemap | `https://docs.example.com` |
 * | `OUT_DIR`   | output directory of a build                              | `dist`                     |
 */
import { parseBase } from './lib/site-path.ts';
import type { SiteSettings } from './lib/settings.ts';

export const siteConfig = {
  title: 'Mattermost Docs',
  /** Where "Edit this page" links point: `${repositoryUrl}/edit/${editBranch}/${sourceFile}`. */
  repositoryUrl: 'https://github.com/mattermost/docs',
  editBranch: 'main',
  /** Directory holding the MDX pages, relative to the project root. */
  contentDir: 'content/docs',
  /** The redirect map and the lock of every anchor ever published. */
  redirectsFile: 'content/redirects.yaml',
  anchorsLockFile: 'content/anchors.lock.json',
  /** Proper nouns and terminology: the docs lint's vocabulary. */
  termsFile: 'content/terms.yaml',
  /**
   * Hosts that a redirect may send readers to with an absolute `https://` target. Anything
   * else in a redirect's `to` must be a path on this site.
   */
  redirectHosts: ['docs.mattermost.com', 'mattermost.com'],
  oldestSupportedVersion: '10.5', // the oldest supported Mattermost release: the docs lint flags notes about older ones
} as const;

/** The published origin when `SITE_URL` is not set. */
export const DEFAULT_SITE_URL = 'https://docs.example.com';

/** Settings for a project root, base and origin, with everything else from `siteConfig`. */
export function siteSettings(
  projectRoot: string,
  base: string | undefined,
  site: string | undefined,
): SiteSettings {
  return {
    projectRoot,
    base: parseBase(base),
    site: site || DEFAULT_SITE_URL,
    contentDir: siteConfig.contentDir,
    redirectsFile: siteConfig.redirectsFile,
    anchorsLockFile: siteConfig.anchorsLockFile,
    redirectHosts: siteConfig.redirectHosts,
    termsFile: siteConfig.termsFile,
  };
}

/** What a build or command takes from the environment. */
export interface Environment {
  base: string | undefined;
  site: string | undefined;
  outDir: string;
}

/** `SITE_BASE`, `SITE_URL` and `OUT_DIR`, read once. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return { base: env['SITE_BASE'], site: env['SITE_URL'], outDir: env['OUT_DIR'] || 'dist' };
}
