/**
 * `lasting-links check`: checks every link of a built site and exits 1 on any error.
 *
 *   lasting-links check [--dist DIR] [--base /pr-123/] [--format human|json|github]
 *                               [--redirects FILE|none] [--ignore REGEX]... [--external] [--cache FILE]
 *                               [--site-url URL]
 *
 * Defaults: --dist from DIST_DIR, else the project's output folder; --base and --site-url as the
 * build recorded them (`_build.json`); --redirects the project's map. In a folder that is no
 * project using the integration, `--redirects FILE|none` checks the links of any built site.
 * The problems read exactly as the build prints them.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings, NoProjectError, type CommandSettings } from './settings.ts';
import type { CommandEnvironment } from './environment.ts';
import { listOutputFiles, readBuiltSite } from '../lib/site/read-site.ts';
import { fileOfSitePath } from '../lib/site/output-paths.ts';
import { loadLock, missingLockProblem } from '../lib/anchors-lock/load-lock.ts';
import { compareLock } from '../lib/anchors-lock/compare-lock.ts';
import { foldIntoLostAnchors, movedAddressesLead } from '../lib/moves/fold-problems.ts';
import { anchorIndexOf } from '../lib/site/built-site.ts';
import { listSourceFiles, sourceFileMap } from '../lib/site/source-files.ts';
import { loadRedirects } from '../lib/redirects/load-redirects.ts';
import { reservedNamesOf } from '../lib/site/reserved-names.ts';
import { emptyPlan } from '../lib/redirects/follow.ts';
import { checkSite } from '../lib/links/check-site.ts';
import { CLIENT_ROUTES } from '../lib/links/check-links.ts';
import {
  count,
  formatProblems,
  isReportFormat,
  problemCounts,
  REPORT_FORMATS,
} from '../lib/problems/format-problems.ts';
import { BUILD_MANIFEST_FILE, readManifest } from '../lib/site/build-manifest.ts';
import { parseBase, type SitePath } from '../lib/site-path.ts';
import { readLayoutSources } from '../lib/site/layout-sources.ts';
import { constants, existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';

const usage =
  'usage: lasting-links check [--dist DIR] [--base /pr-123/] [--format human|json|github] [--redirects FILE|none] [--ignore REGEX]... [--external] [--cache FILE] [--site-url URL]';

/** Runs `lasting-links check` with `args`; returns the exit code. */
export async function run(args: string[], env: CommandEnvironment): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        dist: { type: 'string' },
        base: { type: 'string' },
        format: { type: 'string', default: 'human' },
        redirects: { type: 'string' },
        external: { type: 'boolean', default: false },
        cache: { type: 'string', default: '.cache/external-links.json' },
        'site-url': { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!isReportFormat(values.format)) {
    console.error(
      `--format must be one of ${REPORT_FORMATS.join(', ')}, not "${values.format}".\n${usage}`,
    );
    return 2;
  }
  const project = await projectOf(values.redirects);
  const dist = resolve(values.dist ?? env.distDir ?? project?.outDir ?? 'dist');
  // The base and origin the build was made for, as it recorded them; else the flags', else the project's.
  const built = existsSync(join(dist, BUILD_MANIFEST_FILE)) ? readManifest(dist) : undefined;
  const settings = {
    projectRoot: project?.projectRoot ?? process.cwd(),
    base: parseBase(values.base ?? built?.base ?? project?.base),
    site: values['site-url'] ?? built?.site ?? project?.site ?? '',
    redirectsFile: project?.redirectsFile ?? '',
    anchorsLockFile: project?.anchorsLockFile ?? '',
    redirectHosts: project?.redirectHosts ?? [],
    contentDir: project?.contentDir ?? '',
  };
  const started = performance.now();
  const mapFile = values.redirects ?? settings.redirectsFile;
  // This project's own build is also held to its lock, exactly as the build does; any other
  // folder (or another map) is checked for links only.
  const lock =
    values.redirects === undefined && project !== undefined
      ? await loadLock(settings.projectRoot, settings.anchorsLockFile)
      : undefined;
  if (values.redirects !== undefined && values.redirects !== 'none') {
    // A map named on the command line must be there: a misspelt path is not an empty map.
    try {
      await access(join(settings.projectRoot, values.redirects), constants.R_OK);
    } catch (error) {
      console.error(
        `lasting-links check: --redirects ${values.redirects} cannot be read (${(error as Error).message}): give the map's path, or --redirects none to check the links without one`,
      );
      return 2;
    }
  }
  const files = new Set(await listOutputFiles(dist));
  const checkLock = lock?.lock.pages.some((page) => files.has(fileOfSitePath(page.url))) ?? false;
  // In this thread: one heap holds less at its peak than three (see package.json's `check`).
  const site = await readBuiltSite(dist, { sectionText: checkLock, threads: false });
  const index = anchorIndexOf(site);
  const redirects =
    values.redirects === 'none' || mapFile === ''
      ? { plan: emptyPlan(), problems: [] }
      : await loadRedirects(settings.projectRoot, mapFile, settings.redirectHosts, index, {
          reserved: reservedNamesOf(site.files),
        });
  // Another site's pages (a --dist other than this project's output, checked against another map
  // or none) have no sources here: a page path they share with this project would otherwise blame
  // this project's MDX or layout files for another site's links.
  const ownSources =
    project !== undefined && (values.redirects === undefined || dist === resolve(project.outDir))
      ? project
      : undefined;
  const sourceFiles =
    ownSources === undefined
      ? new Map<SitePath, string>()
      : sourceFileMap(
          listSourceFiles(settings.projectRoot, settings.contentDir),
          settings.contentDir,
        );
  const result = await checkSite(site, {
    base: settings.base,
    siteOrigin: settings.site,
    index,
    plan: redirects.plan,
    mapFile,
    projectRoot: settings.projectRoot,
    sourceFiles,
    ...(ownSources === undefined
      ? {}
      : {
          layoutSources: () =>
            readLayoutSources(ownSources.projectRoot, ownSources.srcDir, ownSources.contentDir),
        }),
    ...(values.external ? { external: { cacheFile: values.cache } } : {}),
    ignore: [CLIENT_ROUTES, ...values.ignore.map((pattern) => new RegExp(pattern))],
  });
  // As the build does: a missing lock fails, an unreadable one is its own problems.
  const lockProblems =
    lock === undefined
      ? []
      : !lock.exists
        ? [missingLockProblem(settings.anchorsLockFile)]
        : lock.problems.length > 0
          ? lock.problems
          : checkLock && 'entries' in redirects
            ? compareLock(lock.lock, index, redirects, {
                lockFile: settings.anchorsLockFile,
                mapFile,
                sourceFileOf: (path) => sourceFiles.get(path),
              })
            : [];
  const problems = foldIntoLostAnchors(
    [...redirects.problems, ...lockProblems, ...result.problems],
    mapFile,
  );
  const lead = values.format === 'human' ? movedAddressesLead(problems) : undefined;
  process.stdout.write(
    `${lead === undefined ? '' : `${lead}\n\n`}${formatProblems(problems, values.format, { outputDir: relative(process.cwd(), dist) || '.' })}`,
  );
  if (values.format !== 'json') {
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `${count(result.pages, 'page')}, ${count(result.links, 'link')} checked: ${problemCounts(problems)}`,
    );
    console.error(`${(result.bytes / 1e6).toFixed(1)} MB of HTML in ${seconds.toFixed(2)} s`);
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

/**
 * The project's settings, or none for a folder that is no project using the integration: with
 * `--redirects FILE|none` the check needs none, and checks links only.
 */
async function projectOf(redirects: string | undefined): Promise<CommandSettings | undefined> {
  try {
    return await loadSettings(process.cwd());
  } catch (error) {
    if (error instanceof NoProjectError && redirects !== undefined) return undefined;
    throw error;
  }
}
