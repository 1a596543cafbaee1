import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { siteSettings } from '../config.ts';
import type { SiteSettings } from '../lib/settings.ts';
import { errorsOf, type Problem } from '../lib/problems/problem.ts';
import { formatProblems, problemCounts } from '../lib/problems/format-problems.ts';
import { headingPlugins } from './heading-anchors.ts';
import { crossReferencePlugin } from './cross-reference-plugin.ts';
import { MARKDOWN_FEATURES } from '../lib/sources/page-source.ts';
import { postBuild } from './post-build.ts';
import { docsLintInBackground } from './docs-lint.ts';
import { sourceCheck } from './source-check.ts';
import { whenBundled } from './when-bundled.ts';

/**
 * The site's one integration: heading self-links and cross-reference titles while rendering
 * (with broken-link warnings as you type in dev), then, once the HTML exists,
 * the post-build pipeline that indexes anchors, writes redirects, checks every link and builds
 * the search index (see post-build.ts). It settles the settings once, from Astro's config, and
 * passes them down; the logic lives in `src/lib`.
 */
export function docsSite(): AstroIntegration {
  let settings: SiteSettings | undefined;
  /** The docs lint, running beside the page rendering (see docs-lint.ts). */
  let docsLint: Promise<Problem[]> | undefined;
  return {
    name: 'docs-site',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        settings = siteSettings(fileURLToPath(config.root), config.base, config.site);
        if (command === 'build') {
          const problems = sourceCheck(settings);
          if (problems.length > 0) {
            process.stderr.write(
              `\n${formatProblems(problems, 'human')}\n${problemCounts(problems)}\n`,
            );
            process.stderr.write('The build failed: fix the pages above, then build again.\n');
            process.exit(1);
          }
        }
        const warn = command === 'dev' ? (message: string) => logger.warn(message) : undefined;
        updateConfig({
          markdown: {
            processor: satteri({
              // The same features `lib/sources` parses with, so ids read from sources are the built ids.
              features: MARKDOWN_FEATURES,
              mdastPlugins: [crossReferencePlugin(settings, warn)],
              hastPlugins: headingPlugins,
            }),
          },
          vite: {
            plugins: [
              whenBundled(() => {
                if (command === 'build') docsLint ??= docsLintInBackground(settings!);
              }),
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        settings = siteSettings(fileURLToPath(config.root), config.base, config.site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const problems = [
          ...(await postBuild(settings!, distDir, logger)),
          // Started once bundling ended (see when-bundled.ts); here if that moment never came.
          ...(await (docsLint ?? docsLintInBackground(settings!))),
        ];
        if (problems.length === 0) return;
        // A linter's report, not a crash: every problem once, with where, what and the fix.
        process.stderr.write(
          `\n${formatProblems(problems, 'human', { outputDir: relative(settings!.projectRoot, distDir) || '.' })}\n${problemCounts(problems)}\n`,
        );
        if (errorsOf(problems).length > 0) {
          process.stderr.write('The build failed: fix the errors above, then build again.\n');
          process.exit(1);
        }
        // A newcomer's first build of a clean checkout may show the pages' warnings: say what they are.
        process.stderr.write(
          'The build succeeded. The warnings above are advice for the people who write the pages (a clean checkout may have some); they do not mean your setup is wrong.\n',
        );
      },
    },
  };
}
