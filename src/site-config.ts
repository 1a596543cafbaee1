/**
 * This site's Astro config, as a function, so that a site with other content (the scale test
 * site, the build benchmark, a test fixture) is this site configured, never a patched copy:
 * the theme and the `lasting-links` integration with their settings, the Markdown and code
 * settings the pages are written for. `astro.config.mjs` calls it with what the environment
 * says; the theme's files are always this project's own (`srcDir`, `publicDir`).
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { transformerNotationDiff } from '@shikijs/transformers';
import lastingLinks, { type LastingLinksUserOptions } from 'lasting-links';
import { parseBase } from 'lasting-links/theme';
import { DEFAULT_SITE_URL, linkSettings, markdownFeatures, themeSettings } from './config.ts';
import { docsTheme, searchIndex } from './integration/index.ts';
import type { Announcement } from './integration/theme-settings.ts';
import { headingPlugins } from './integration/heading-anchors.ts';
import { codeFenceCheck, codeFrames } from './lib/code-frame.ts';
import { MDX_COMPONENT_NAMES } from './components/mdx/names.ts';
import { checkSettingUses } from './lib/setting-check.ts';
import { docsFrontmatter } from './schemas/docs-frontmatter.ts';

/** What a build of this site may set; everything else is the site's own. */
export interface DocsSiteOptions {
  /** The project folder holding `content/`; this project's when absent. */
  root?: string;
  /** The published origin. */
  site?: string | undefined;
  /** The base path (`/pr-123/`). */
  base?: string | undefined;
  outDir?: string | undefined;
  /** Astro's cache folder, for a second site built beside this one. */
  cacheDir?: string;
  /** The site's name in the header and in page titles; the reader's site's when absent. */
  title?: string;
  /** The home page's description and tagline; the reader's site's when absent. */
  home?: { description: string; tagline: string };
  /** The site-wide notice; `null` for none (a site whose content is not this guide). */
  announcement?: Announcement | null;
  /** The home page's cards into this guide; `false` for none (a site whose content is not this guide). */
  commonTasks?: boolean;
  /** The repository a CI run builds, for "Edit this page". */
  ciRepository?: string | undefined;
  /** Overrides of the `lastingLinks` options. */
  links?: Partial<LastingLinksUserOptions>;
}

const projectDir = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export function docsSiteConfig(options: DocsSiteOptions = {}): AstroUserConfig {
  const root = options.root ?? projectDir('');
  return {
    root,
    srcDir: projectDir('src'),
    publicDir: projectDir('public'),
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    site: options.site || DEFAULT_SITE_URL,
    base: parseBase(options.base),
    outDir: options.outDir ?? 'dist',
    trailingSlash: 'always',
    build: { format: 'directory' },
    integrations: [
      mdx(),
      sitemap(),
      docsTheme({
        ...themeSettings,
        title: options.title ?? themeSettings.title,
        home: options.home ?? themeSettings.home,
        announcement:
          options.announcement === null
            ? undefined
            : (options.announcement ?? themeSettings.announcement),
        ciRepository: options.ciRepository,
        siteDirectory: relative(projectDir(''), root).split(sep).join('/'),
        commonTasks: options.commonTasks ?? themeSettings.commonTasks,
      }),
      lastingLinks({
        ...linkSettings,
        components: [...MDX_COMPONENT_NAMES],
        elementChecks: { Setting: checkSettingUses },
        frontmatter: docsFrontmatter,
        ...options.links,
      }),
      searchIndex(),
    ],
    vite: {
      build: {
        rolldownOptions: {
          // Astro marks every MDX module with a "use astro:…" directive that only Astro reads;
          // the bundler warns once per page that it drops it, which is expected and harmless.
          onwarn(warning, warn) {
            if (
              warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
              warning.message.includes('"use astro:')
            )
              return;
            warn(warning);
          },
        },
      },
    },
    markdown: {
      // Set here rather than by the theme's integration, so that every integration (lastingLinks
      // adds its cross-references) adds its plugins to this one processor.
      processor: satteri({
        features: markdownFeatures,
        hastPlugins: headingPlugins,
        // A fence whose line marks name lines the block does not have stops the build there.
        mdastPlugins: [codeFenceCheck],
      }),
      shikiConfig: {
        // Both themes are emitted as CSS variables; the theme switch is pure CSS.
        themes: { light: 'github-light', dark: 'github-dark' },
        defaultColor: false,
        // Languages (bash, json, nginx, ini, sql, yaml, …) load on demand from Shiki's bundle.
        // A fence's meta sets its frame, title and marks (src/lib/code-frame.ts); `[!code ++]`
        // and `[!code --]` comments in the code mark inserted and deleted lines.
        transformers: [codeFrames(), transformerNotationDiff()],
      },
    },
  };
}
