/**
 * `npm run check`: checks every link of a built site and exits 1 on any error.
 *
 *   node scripts/check-links.ts [--dist DIR] [--base /pr-123/] [--format human|json|github]
 *                               [--redirects FILE|none] [--ignore REGEX]... [--external] [--cache FILE]
 *                               [--site-url URL]
 *
 * Defaults: --dist from env DIST_DIR or `dist`, --base from env SITE_BASE or `/`, --redirects
 * this project's map. The problems read exactly as the build prints them.
 */
import module from 'node:module';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

// CI runs this on every pull request: reusing compiled code across runs halves start-up,
// which is most of the time on a small site. The modules are loaded after the cache is on.
module.enableCompileCache();
const { commandSettings, outputDir } = await import('./settings.ts');
const { listOutputFiles, readBuiltSite } = await import('../lib/site/read-site.ts');
const { fileOfSitePath } = await import('../lib/site/output-paths.ts');
const { loadLock } = await import('../lib/anchors-lock/load-lock.ts');
const { compareLock } = await import('../lib/anchors-lock/compare-lock.ts');
const { foldIntoLostAnchors } = await import('../lib/moves/fold-problems.ts');
const { anchorIndexOf } = await import('../lib/site/built-site.ts');
const { listSourceFiles, sourceFileMap } = await import('../lib/site/source-files.ts');
const { loadRedirects } = await import('../lib/redirects/load-redirects.ts');
const { reservedNamesOf } = await import('../lib/site/reserved-names.ts');
const { emptyPlan } = await import('../lib/redirects/follow.ts');
const { checkSite } = await import('../lib/links/check-site.ts');
const { CLIENT_ROUTES } = await import('../lib/links/check-links.ts');
const { count, formatProblems, isReportFormat, problemCounts, REPORT_FORMATS } =
  await import('../lib/problems/format-problems.ts');

const usage =
  'usage: npm run check -- [--dist DIR] [--base /pr-123/] [--format human|json|github] [--redirects FILE|none] [--ignore REGEX]... [--external] [--cache FILE] [--site-url URL]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
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
  const settings = commandSettings({ base: values.base, site: values['site-url'] });
  const dist = outputDir(values.dist);
  const started = performance.now();
  const mapFile = values.redirects ?? settings.redirectsFile;
  // This project's own build is also held to its lock, exactly as the build does; any other
  // folder (or another map) is checked for links only.
  const lock =
    values.redirects === undefined
      ? await loadLock(settings.projectRoot, settings.anchorsLockFile)
      : undefined;
  const files = new Set(await listOutputFiles(dist));
  const checkLock = lock?.lock.pages.some((page) => files.has(fileOfSitePath(page.url))) ?? false;
  // In this thread: one heap holds less at its peak than three (see package.json's `check`).
  const site = await readBuiltSite(dist, { sectionText: checkLock, threads: false });
  const index = anchorIndexOf(site);
  const redirects =
    values.redirects === 'none'
      ? { plan: emptyPlan(), problems: [] }
      : await loadRedirects(settings.projectRoot, mapFile, settings.redirectHosts, index, {
          reserved: reservedNamesOf(site.files),
        });
  const sourceFiles = sourceFileMap(
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
    ...(values.external ? { external: { cacheFile: values.cache } } : {}),
    ignore: [CLIENT_ROUTES, ...values.ignore.map((pattern) => new RegExp(pattern))],
  });
  const lockProblems =
    checkLock && lock !== undefined && 'entries' in redirects
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
  process.stdout.write(
    formatProblems(problems, values.format, { outputDir: relative(process.cwd(), dist) || '.' }),
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

// exitCode rather than exit(): a long report piped to another program must be written out in full.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 2;
  },
);
