/**
 * The site's own settings: what the theme shows on every page, and where this site keeps what
 * the `lasting-links` integration reads. `astro.config.mjs` passes them to the two
 * integrations (see `site-config.ts`); nothing else imports this file.
 */
import type { ThemeSettings } from './integration/theme-settings.ts';

/** What the theme shows: the title, "Edit this page", and the site-wide notice. */
export const themeSettings: ThemeSettings = {
  title: 'Mattermost Docs',
  home: {
    description: 'Documentation for administrators: deploy, scale, upgrade and operate Mattermost.',
    tagline:
      'Run Mattermost, and keep it running: guides for the people who deploy, scale, upgrade and troubleshoot it. Links to these pages are permanent; when a page or a section moves, its old address keeps working.',
  },
  /**
   * "Edit this page": the web address of the repository holding this project, and the branch
   * to edit. Left unset, the repository comes from the CI's (`GITHUB_SERVER_URL` and
   * `GITHUB_REPOSITORY`), else from package.json's `repository`, whose `directory` says where the
   * project sits inside it. `false` turns the link off. The project has no public repository
   * yet, so package.json names none: a build outside CI shows no link rather than one to a
   * repository that does not exist, and a CI build links to the repository it builds.
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
  /**
   * The home page's "Common tasks" cards. Each names its page in src/pages/index.astro, where the
   * build checks the link (a card whose page is gone fails the build at its line) and
   * `npm run moves -- --write` rewrites it when the page moves.
   */
  commonTasks: true,
  contentDir: 'content/docs',
};

/** The Markdown features the pages are written with (GFM, smart punctuation, `{#id}` headings). */
export const markdownFeatures = {
  gfm: true,
  smartPunctuation: true,
  headingAttributes: true,
  frontmatter: true,
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
  /** A reference page's block per setting renders its key as an h3 (components/mdx/Setting.astro). */
  componentSections: {
    Setting: { heading: 'name', level: 3, id: 'key' as const, text: ['default', 'console'] },
  },
};

/** The published origin when none is given. */
export const DEFAULT_SITE_URL = 'https://docs.example.com';

/** How this site's pages are written, as the integration reads them (for tests that read sources). */
export const siteSyntax = {
  features: markdownFeatures,
  componentSections: linkSettings.componentSections,
};
