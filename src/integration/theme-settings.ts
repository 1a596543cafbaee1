/**
 * The theme's settings, passed to `docsTheme()` and read by components from
 * `virtual:docs-theme/settings` (see `theme.ts`), never by importing a config file.
 */

import { sitePathProblem } from 'lasting-links/theme';
import { inlineLinkTargets } from '../lib/inline-markdown.ts';

/** A dismissible notice above every page's header. */
export interface Announcement {
  /** A new id shows the notice again to readers who dismissed the last one. */
  id: string;
  /** Inline Markdown: links from the site root, `code`, **bold**, *emphasis*. */
  content: string;
}

export interface ThemeSettings {
  title: string;
  /** The home page: its description (for search engines and link previews) and its tagline. */
  home: { description: string; tagline: string };
  /** "Edit this page": the repository's web address (else the CI's, else package.json's), or `false`. */
  editLink: { repository: string | false | undefined; branch: string };
  announcement: Announcement | undefined;
  /**
   * The home page's "Common tasks" cards (src/pages/index.astro), which name this guide's pages;
   * `false` for a site of other content, which does not have them.
   */
  commonTasks: boolean;
  /** The folder of the page sources, relative to the project root (for "Edit this page" and dates). */
  contentDir: string;
}

/** What is wrong with `settings` (in src/config.ts), each naming its field; none when all is well. */
export function themeSettingsProblems(settings: ThemeSettings): string[] {
  const problems: string[] = [];
  for (const target of inlineLinkTargets(settings.announcement?.content ?? '')) {
    const problem = target.startsWith('/') ? sitePathProblem(target) : undefined;
    if (problem !== undefined) problems.push(`announcement.content: the link ${problem}`);
  }
  return problems;
}
