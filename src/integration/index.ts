import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { headingPlugins } from './heading-anchors.ts';
import { postBuild } from './post-build.ts';
import { normalizeBase } from '../lib/base-path.ts';

/**
 * The site's one integration: heading self-links while rendering, then, once the HTML exists,
 * the post-build pipeline that indexes anchors, writes redirects, checks every link and builds
 * the search index (see post-build.ts). Thin glue: the logic lives in `src/lib`.
 */
export function docsSite(): AstroIntegration {
  let projectRoot = process.cwd();
  let base = '/';
  let site: string | undefined;
  return {
    name: 'docs-site',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ markdown: { processor: satteri({ hastPlugins: headingPlugins }) } });
      },
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        base = normalizeBase(config.base);
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await postBuild({ projectRoot, distDir: fileURLToPath(dir), base, site, logger });
      },
    },
  };
}
