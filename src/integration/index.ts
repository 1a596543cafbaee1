/**
 * The theme's integrations. `docsTheme()` gives components their settings through
 * `virtual:docs-theme/settings`; `searchIndex()` builds the Pagefind index once every page has
 * its final HTML, so it is listed after `lastingLinks()`, whose post-build pass edits pages.
 * Links, redirects, the lock and previews are `lasting-links`' own (see astro.config.mjs).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { themeSettingsProblems, type ThemeSettings } from './theme-settings.ts';
import { writeSearchIndex } from './search-index.ts';

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

const SETTINGS_MODULE = 'virtual:docs-theme/settings';

/** What components read: the settings, and the repository a CI run says it builds. */
export interface ThemeModule extends ThemeSettings {
  ciRepository: string | undefined;
  /**
   * The site's folder inside this project, `''` for the project's own site (`manual` for the
   * authoring manual): page sources are relative to the site, "Edit this page" to the repository.
   */
  siteDirectory?: string;
}

function settingsModule(settings: ThemeModule): VitePlugin {
  const resolved = `\0${SETTINGS_MODULE}`;
  return {
    name: 'docs-theme:settings',
    resolveId: (id) => (id === SETTINGS_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(settings)};` : undefined),
  };
}

export function docsTheme(settings: ThemeModule): AstroIntegration {
  const problems = themeSettingsProblems(settings);
  if (problems.length > 0) {
    throw new Error(`the theme settings (src/config.ts) need fixing:\n  ${problems.join('\n  ')}`);
  }
  return {
    name: 'docs-theme',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [settingsModule(settings)] } });
      },
    },
  };
}

/** The Pagefind index of the finished pages (see search-index.ts). */
export function searchIndex(): AstroIntegration {
  return {
    name: 'docs-theme:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { indexed, pages } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(
          `search index: ${indexed} of ${pages} pages` +
            (indexed < pages
              ? ' (the 404 page, landing pages, redirect stubs and pages with pagefind: false are left out)'
              : ''),
        );
      },
    },
  };
}
