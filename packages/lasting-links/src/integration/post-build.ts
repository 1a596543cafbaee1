/**
 * What happens between "Astro wrote the HTML" and "the site may be published". The built site
 * is read and scanned once; every step below works on that one scan:
 * 1. index every page's ids and headings (the final HTML is the only truth about anchors);
 * 2. give empty-text cross-references their target's title;
 * 3. plan the redirect map against the index and prove the anchors lock;
 * 4. edit the pages that need it (cross-reference titles, old-anchor tables and ids), once each;
 * 5. write the redirect outputs: stubs, `_redirects`, nginx rules;
 * 6. in a preview build, compare with the base, fill the What-changed page and name each changed
 *    page's changes in its head;
 * 7. check every internal link and fragment (the What-changed page's too), naming the MDX
 *    source line, and write every edited page once.
 * Every problem of every step is returned together, so one build shows all there is to fix.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import type { SitePath } from '../lib/site-path.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { applyInsertions, type Insertion } from '../lib/html/splice.ts';
import { readBuiltSite } from '../lib/site/read-site.ts';
import { anchorIndexOf, idCount, type BuiltPage, type BuiltSite } from '../lib/site/built-site.ts';
import { listSourceFiles, sourceFileMap } from '../lib/site/source-files.ts';
import { BUILD_MANIFEST_FILE, serializeManifest } from '../lib/site/build-manifest.ts';
import { loadRedirects } from '../lib/redirects/load-redirects.ts';
import { reservedNamesOf } from '../lib/site/reserved-names.ts';
import { loadLock, missingLockProblem } from '../lib/anchors-lock/load-lock.ts';
import { compareLock } from '../lib/anchors-lock/compare-lock.ts';
import { checkSite } from '../lib/links/check-site.ts';
import { foldIntoLostAnchors } from '../lib/moves/fold-problems.ts';
import { crossReferenceInsertions } from './cross-reference-titles.ts';
import { anchorTableInsertions, writeRedirectOutputs } from './redirect-outputs.ts';
import { readOptionalText } from '../lib/files.ts';
import { fallbackIdWarnings } from '../lib/sources/heading-id.ts';
import { readLayoutSources } from '../lib/site/layout-sources.ts';
import { previewChanges, type PreviewComparison } from './preview-changes.ts';

/** Where the build logs what it did. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Runs every post-build step on the output in `distDir`; returns every problem found. */
export async function postBuild(
  settings: SiteSettings,
  distDir: string,
  logger: Logger,
  preview?: PreviewComparison,
): Promise<Problem[]> {
  const site = await readBuiltSite(distDir, {
    sectionText: true,
    editPoints: true,
    keepHtml: true,
  });
  const index = anchorIndexOf(site);
  const sourceFiles = sourceFileMap(
    listSourceFiles(settings.projectRoot, settings.contentDir),
    settings.contentDir,
  );
  logger.info(`indexed ${index.size} pages, ${idCount(index)} ids`);

  const edits = new Map<SitePath, Insertion[]>();
  const crossReferences = await crossReferenceInsertions(site, index, settings, sourceFiles);
  mergeEdits(edits, crossReferences.edits);

  const redirects = await loadRedirects(
    settings.projectRoot,
    settings.redirectsFile,
    settings.redirectHosts,
    index,
    { reserved: reservedNamesOf(site.files) },
  );
  const lock = await loadLock(settings.projectRoot, settings.anchorsLockFile);
  const lockProblems = !lock.exists
    ? [missingLockProblem(settings.anchorsLockFile)]
    : lock.problems.length > 0
      ? lock.problems
      : compareLock(lock.lock, index, redirects, {
          lockFile: settings.anchorsLockFile,
          mapFile: settings.redirectsFile,
          sourceFileOf: (path) => sourceFiles.get(path),
        });
  const anchorTables = anchorTableInsertions(site, redirects.plan, settings.base, logger);
  mergeEdits(edits, anchorTables);
  applyEdits(site, edits);
  const changes =
    preview === undefined
      ? undefined
      : await previewChanges(site, { index, plan: redirects.plan }, preview, settings);

  const outputs = await writeRedirectOutputs(site, index, redirects.plan, settings);
  for (const warning of outputs.warnings) logger.warn(warning);
  await writeFile(
    join(site.dir, BUILD_MANIFEST_FILE),
    serializeManifest({ base: settings.base, site: settings.site }),
  );
  logger.info(
    `redirects: ${redirects.entries.length} entries; ${outputs.summary}; ` +
      `${lock.lock.pages.length} locked URLs with ${lock.lock.pages.reduce((n, page) => n + page.anchors.length, 0)} anchors checked`,
  );

  const check = await checkSite(
    { ...site, files: new Set([...site.files, ...outputs.files, BUILD_MANIFEST_FILE]) },
    {
      base: settings.base,
      siteOrigin: settings.site,
      index,
      plan: redirects.plan,
      mapFile: settings.redirectsFile,
      projectRoot: settings.projectRoot,
      sourceFiles,
      layoutSources: () =>
        readLayoutSources(settings.projectRoot, settings.srcDir, settings.contentDir),
    },
  );
  logger.info(`checked ${check.links} links on ${check.pages} pages`);
  // The link check's findings go on the What-changed page as text: no new link to check.
  if (changes !== undefined) await changes.finish(check.problems);
  await writeEdited(site, edits, changes?.pages ?? []);
  return foldIntoLostAnchors(
    [
      ...crossReferences.problems,
      ...redirects.problems,
      ...lockProblems,
      ...outputs.problems,
      ...check.problems,
      ...(await headingIdWarnings(index, settings.projectRoot, sourceFiles)),
    ],
    settings.redirectsFile,
  );
}

/** Warnings for headings that had no words to make an id from, at their source line. */
async function headingIdWarnings(
  index: ReturnType<typeof anchorIndexOf>,
  projectRoot: string,
  sourceFiles: ReadonlyMap<SitePath, string>,
): Promise<Problem[]> {
  const warnings: Problem[] = [];
  for (const page of index.values()) {
    // Only pages with a code-point id are worth reading the source of.
    if (!page.headings.some((heading) => heading.id.startsWith('section'))) continue;
    const file = sourceFiles.get(page.path);
    const text = file === undefined ? undefined : await readOptionalText(join(projectRoot, file));
    warnings.push(
      ...fallbackIdWarnings(
        page.headings,
        file === undefined || text === undefined ? undefined : { file, text },
      ),
    );
  }
  return warnings;
}

function mergeEdits(
  into: Map<SitePath, Insertion[]>,
  from: ReadonlyMap<SitePath, Insertion[]>,
): void {
  for (const [path, insertions] of from) into.set(path, [...(into.get(path) ?? []), ...insertions]);
}

/** Applies each page's insertions to its HTML in memory. */
function applyEdits(site: BuiltSite, edits: ReadonlyMap<SitePath, Insertion[]>): void {
  for (const [path, insertions] of edits) {
    const page = site.pages.get(path) as BuiltPage;
    page.html = applyInsertions(page.html!, insertions);
  }
}

/** Writes every page that was edited, once: the edited ones and `also`. */
async function writeEdited(
  site: BuiltSite,
  edits: ReadonlyMap<SitePath, Insertion[]>,
  also: readonly SitePath[],
): Promise<void> {
  const paths = new Set([...edits.keys(), ...also]);
  for (const path of paths) {
    const page = site.pages.get(path) as BuiltPage;
    await writeFile(join(site.dir, page.file), page.html!);
  }
}
