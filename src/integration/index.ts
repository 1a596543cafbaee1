import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { siteSettings } from '../config.ts';
import type { SiteSettings } from '../lib/settings.ts';
import { errorsOf } from '../lib/problems/problem.ts';
import { formatProblems, problemCounts } from '../lib/problems/format-problems.ts';
import { headingPlugins } from './heading-anchors.ts';
import { postBuild } from './post-build.ts';

/**
 * The site's one integration: heading self-links while rendering, then, once the HTML exists,
 * the post-build pipeline that indexes anchors, writes redirects, checks every link and builds
 * the search index (see post-build.ts). It settles the settings once, from Astro's config, and
 * passes them down; the logic lives in `src/lib`.
 */
export function docsSite(): AstroIntegration {
  let settings: SiteSettings | undefined;
  return {
    name: 'docs-site',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ markdown: { processor: satteri({ hastPlugins: headingPlugins }) } });
      },
      'astro:config:done': ({ config }) => {
        settings = siteSettings(fileURLToPath(config.root), config.base, config.site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await postBuild(settings!, fileURLToPath(dir), logger);
        if (problems.length === 0) return;
        // A linter's report, not a crash: every problem once, with where, what and the fix.
        process.stderr.write(
          `\n${formatProblems(problems, 'human')}\n${problemCounts(problems)}\n`,
        );
        if (errorsOf(problems).length > 0) {
          process.stderr.write('The build failed: fix the errors above, then build again.\n');
          process.exit(1);
        }
      },
    },
  };
}
