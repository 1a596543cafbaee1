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
  /**
   * "Edit this page": the web address of the repository holding this project, and the branch
   * to edit. Left unset, the repository comes from `GITHUB_SERVER_URL` and `GITHUB_REPOSITORY`
   * (set in GitHub Actions), else from package.json's `repository`, whose `directory` says
   * where the project sits inside it. `false` turns the link off.
   */
  editLink: {
    repository: undefined as string | false | undefined,
    branch: 'main',
  },
  /**
   * A notice at the top of every page, until the reader dismisses it. Inline Markdown (links
   * from the site root, `code`, **bold**). Give a new notice a new `id`, so that readers who
   * dismissed the last one see it.
   */
  announcement: {
    id: 'lasting-links',
    content:
      'The high availability guide has a new home; old links to it still work. [Start here](/administration-guide/scale/high-availability/).',
  } as { id: string; content: string } | undefined,
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
  };
}

/** What a build or command takes from the environment. */
export interface Environment {
  base: string | undefined;
  site: string | undefined;
  outDir: string;
  /** The repository a CI run builds, `https://github.com/owner/name`, when the CI says so. */
  repository: string | undefined;
}

/** `SITE_BASE`, `SITE_URL`, `OUT_DIR` and GitHub Actions' repository, read once. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  return {
    base: env['SITE_BASE'],
    site: env['SITE_URL'],
    outDir: env['OUT_DIR'] || 'dist',
    repository: server && repository ? `${server.replace(/\/+$/, '')}/${repository}` : undefined,
  };
}
