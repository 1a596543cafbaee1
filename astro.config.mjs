// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { transformerNotationDiff } from '@shikijs/transformers';
import { readEnvironment, DEFAULT_SITE_URL } from './src/config.ts';
import { parseBase } from './packages/lasting-links/src/lib/site-path.ts';
import { docsSite } from 'lasting-links';
import { codeFrames } from './src/lib/code-frame.ts';

// Per-PR previews build the same site under a sub-path: SITE_BASE=/pr-123/.
const environment = readEnvironment();

export default defineConfig({
  site: environment.site || DEFAULT_SITE_URL,
  base: parseBase(environment.base),
  outDir: environment.outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), docsSite()],
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with a "use astro:…" directive that only Astro reads;
        // the bundler warns once per page that it drops it, which is expected and harmless.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:'))
            return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
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
});
