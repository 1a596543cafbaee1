/**
 * The theme's settings, passed to `docsTheme()` and read by components from
 * `virtual:docs-theme/settings` (see `theme.ts`), never by importing a config file.
 */

/** A dismissible notice above every page's header. */
export interface Announcement {
  /** A new id shows the notice again to readers who dismissed the last one. */
  id: string;
  /** Inline Markdown: links from the site root, `code`, **bold**, *emphasis*. */
  content: string;
}

export interface ThemeSettings {
  title: string;
  /** "Edit this page": the repository's web address (else the CI's, else package.json's), or `false`. */
  editLink: { repository: string | false | undefined; branch: string };
  announcement: Announcement | undefined;
  /** The folder of the page sources, relative to the project root (for "Edit this page" and dates). */
  contentDir: string;
}
