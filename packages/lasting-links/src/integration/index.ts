/**
 * `lastingLinks()`: the Astro integration. While the site renders, empty-text links get their
 * target's title (and `astro dev` warns, as they are typed, about links that lead nowhere, and
 * marks them on the page, those of `.astro` pages and layouts too: dev-link-marks.ts);
 * once the HTML exists, the post-build pipeline proves the anchors lock, writes the redirects,
 * checks every link and anchor and, in a preview build, compares with the base (post-build.ts).
 *
 * It settles its settings once, from its options and Astro's config, and passes them down; the
 * logic lives in `lib/`.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { SiteSettings } from '../lib/settings.ts';
import type { PreviewSettings } from '../lib/preview/settings.ts';
import { parseBase, type SitePath } from '../lib/site-path.ts';
import { PREVIEW_SCRIPT_FILE } from '../lib/preview/published-files.ts';
import { parseOptions, type LastingLinksOptions, type LastingLinksUserOptions } from './options.ts';
import { crossReferencePlugin } from './cross-reference-plugin.ts';
import { addMdastPlugin, markdownFeaturesOf } from './markdown.ts';
import { postBuild } from './post-build.ts';
import { startSourcePass, type ParsedPage, type SourcePass } from './source-pass.ts';
import { sourceCheck } from './source-check.ts';
import { previewBuildOf, type PreviewBuild } from './preview-mode.ts';
import { virtualModules } from './virtual-modules.ts';
import { writeSettingsFile } from './settings-file.ts';
import { reportProblems } from './report.ts';
import { foldIntoLostAnchors, movedAddressesLead } from '../lib/moves/fold-problems.ts';

export type { LastingLinksUserOptions } from './options.ts';

/** Settings from the options and Astro's config, as every step of the build takes them. */
function settingsOf(
  options: LastingLinksOptions,
  config: Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0]['config'],
): SiteSettings {
  const projectRoot = fileURLToPath(config.root);
  const fromRoot = (url: URL) => relative(projectRoot, fileURLToPath(url)).split('\\').join('/');
  return {
    projectRoot,
    base: parseBase(config.base),
    site: config.site ?? '',
    srcDir: fromRoot(config.srcDir).replace(/\/$/, '') || '.',
    contentDir: options.content ?? `${fromRoot(config.srcDir).replace(/\/$/, '')}/content/docs`,
    redirectsFile: options.redirects,
    anchorsLockFile: options.lock,
    redirectHosts: options.redirectHosts,
    termsFile: options.terms,
    oldestSupportedVersion:
      options.lint === false ? undefined : options.lint.oldestSupportedVersion,
    syntax: {
      features: markdownFeaturesOf(config),
      componentSections: options.componentSections ?? {},
    },
  };
}

/**
 * The integration. Add it after Starlight's, when the site has Starlight:
 * `integrations: [starlight({ … }), lastingLinks()]`.
 */
export function lastingLinks(userOptions?: LastingLinksUserOptions): AstroIntegration {
  const options = parseOptions(userOptions);
  let settings: SiteSettings | undefined;
  let preview: PreviewBuild | undefined;
  let previewSettings: PreviewSettings | undefined;
  /** The build's one pass over the page sources, and its docs lint (see source-pass.ts). */
  let pass: SourcePass | undefined;
  let pages: ParsedPage[] | undefined;
  const lintInBuild = options.lint !== false;
  /** The pages of routes without parameters (`src/pages/index.astro`): known before they render. */
  let routePages: ReadonlySet<SitePath> = new Set();
  return {
    name: 'lasting-links',
    hooks: {
      'astro:config:setup': async ({
        config,
        command,
        logger,
        updateConfig,
        injectRoute,
        addMiddleware,
        createCodegenDir,
      }) => {
        preview = previewBuildOf(config.integrations);
        if (preview !== undefined) {
          // Canonical URLs name the published page; the preview's own pages live on its host.
          previewSettings = {
            ...preview.pullRequest,
            productionSite: config.site ?? preview.hostUrl,
          };
          updateConfig({ site: preview.hostUrl });
        }
        settings = settingsOf(options, config);
        const current = settings;
        if (command === 'build') {
          pass = startSourcePass(current, lintInBuild);
          pages = await pass.pages;
          reportProblems(
            sourceCheck(pages, {
              components: options.components,
              elementChecks: options.elementChecks,
              frontmatter: options.frontmatter,
            }),
            'before rendering',
          );
        }
        const warn = command === 'dev' ? (message: string) => logger.warn(message) : undefined;
        const outlines = pages?.flatMap((page) =>
          page.outline === undefined ? [] : [page.outline],
        );
        addMdastPlugin(
          config,
          crossReferencePlugin(current, warn, outlines, () => routePages),
          logger,
        );

        const layout =
          options.preview.layout === undefined
            ? fileURLToPath(new URL('../routes/DefaultLayout.astro', import.meta.url))
            : fileURLToPath(new URL(options.preview.layout, config.root));
        if (preview !== undefined) {
          // A preview's own pages: what changed, and the one script that names its commit.
          injectRoute({
            pattern: '/_changes',
            entrypoint: 'lasting-links/routes/changes.astro',
            prerender: true,
          });
          injectRoute({
            pattern: `/${PREVIEW_SCRIPT_FILE}`,
            entrypoint: 'lasting-links/routes/preview-script.ts',
            prerender: true,
          });
        }
        updateConfig({
          vite: {
            plugins: [virtualModules(previewSettings, layout, () => settings)],
          },
        });
        if (command === 'dev') {
          // Links written in `.astro` pages, layouts and settings, marked once the page renders.
          addMiddleware({
            entrypoint: new URL('./dev-link-marks.ts', import.meta.url),
            order: 'post',
          });
        }
        writeSettingsFile(fileURLToPath(createCodegenDir()), {
          ...current,
          outDir: relative(current.projectRoot, fileURLToPath(config.outDir)),
          pagesDir: relative(current.projectRoot, fileURLToPath(new URL('pages/', config.srcDir))),
        });
      },
      'astro:routes:resolved': ({ routes }) => {
        routePages = new Set(
          routes.flatMap((route) =>
            route.type === 'page' && route.pathname !== undefined
              ? [(route.pathname.endsWith('/') ? route.pathname : `${route.pathname}/`) as SitePath]
              : [],
          ),
        );
      },
      'astro:config:done': ({ config }) => {
        // Base, site and features as every integration left them.
        settings = settingsOf(options, config);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        // The lint's notes on links join the link check's findings, so that a link to a moved
        // address is one problem with one fix, under one line naming the command.
        const problems = foldIntoLostAnchors(
          [
            ...(await postBuild(
              settings!,
              distDir,
              logger,
              preview && previewSettings && { settings: previewSettings, base: preview.base },
              pages ?? [],
            )),
            ...((await pass?.lint()) ?? []),
          ],
          settings!.redirectsFile,
        );
        reportProblems(problems, 'after the build', {
          outputDir: relative(settings!.projectRoot, distDir) || '.',
          lead: movedAddressesLead(problems),
        });
      },
    },
  };
}
