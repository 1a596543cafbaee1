/**
 * The site's own settings: what the theme shows on every page, and where this site keeps what
 * the `lasting-links` integration reads. `astro.config.mjs` passes them to the two
 * integrations (see `site-config.ts`); nothing else imports this file.
 */
import type { ThemeSettings } from './integration/theme-settings.ts';

/** What the theme shows: the title, "Edit this page", and the site-wide notice. */
export const themeSettings: ThemeSettings = {
  title: 'Mattermost Docs',
  /**
   * "Edit this page": the web address of the repository holding this project, and the branch
   * to edit. Left unset, the repository comes from the CI's (`GITHUB_SERVER_URL` and
   * `GITHUB_REPOSITORY`), else from package.json's `repository`, whose `directory` says where the
   * project sits inside it. `false` turns the link off.
   */
  editLink: { repository: undefined, branch: 'main' },
  /**
   * A notice at the top of every page, until the reader dismisses it. Inline Markdown (links
   * from the site root, `code`, **bold**). Give a new notice a new `id`, so that readers who
   * dismissed the last one see it.
   */
  announcement: {
    id: 'lasting-links',
    content:
      'The high availability guide has a new home; old links to it still work. [Start here](/administration-guide/scale/high-availability/).',
  },
  contentDir: 'content/docs',
};

/** Where this site keeps its pages, redirects, lock and vocabulary (the `lastingLinks` options). */
export const linkSettings = {
  content: 'content/docs',
  redirects: 'content/redirects.yaml',
  lock: 'content/anchors.lock.json',
  terms: 'content/terms.yaml',
  /** Hosts a redirect may send readers to with an absolute `https://` target. */
  redirectHosts: ['docs.mattermost.com', 'mattermost.com'],
  /** The oldest supported Mattermost release: the docs lint flags notes about older ones. */
  lint: { oldestSupportedVersion: '10.5' },
  preview: { layout: 'src/layouts/PreviewLayout.astro' },
};

/** The published origin when none is given. */
export const DEFAULT_SITE_URL = 'https://docs.example.com';
