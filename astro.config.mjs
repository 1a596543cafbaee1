// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { transformerMetaHighlight } from '@shikijs/transformers';
import { readEnvironment, DEFAULT_SITE_URL } from './src/config.ts';
import { parseBase } from './src/lib/site-path.ts';
import { docsSite } from './src/integration/index.ts';

// Per-PR previews build the same site under a sub-path: SITE_BASE=/pr-123/.
const environment = readEnvironment();

export default defineConfig({
  site: environment.site || DEFAULT_SITE_URL,
  base: parseBase(environment.base),
  outDir: environment.outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), docsSite()],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; the theme switch is pure CSS.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      // Languages (bash, json, nginx, ini, sql, yaml, …) load on demand from Shiki's bundle.
      transformers: [transformerMetaHighlight()],
    },
  },
});
