// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { transformerMetaHighlight } from '@shikijs/transformers';
import { normalizeBase } from './src/lib/base-path.ts';
import { docsSite } from './src/integration/index.ts';

// Per-PR previews build the same site under a sub-path: SITE_BASE=/pr-123/.
const base = normalizeBase(process.env.SITE_BASE);
const site = process.env.SITE_URL || 'https://docs.example.com';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR || 'dist',
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
