/**
 * Site-wide settings that are not Astro's own. Astro's `base` and `site` come from the
 * `SITE_BASE` and `SITE_URL` environment variables (see astro.config.mjs).
 */
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
  /**
   * Hosts that a redirect may send readers to with an absolute `https://` target. Anything
   * else in a redirect's `to` must be a path on this site.
   */
  redirectHosts: ['docs.mattermost.com', 'mattermost.com'],
  oldestSupportedVersion: '10.5', // the oldest supported Mattermost release: the docs lint flags notes about older ones
} as const;
