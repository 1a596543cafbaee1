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
import { readFileSync } from 'node:fs';
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
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { planRedirects } from '../lib/redirects/plan-redirects.ts';
import { readOptionalText } from '../lib/files.ts';
import { reservedNamesOf } from '../lib/site/reserved-names.ts';
import { loadLock, missingLockProblem } from '../lib/anchors-lock/load-lock.ts';
import { compareLock } from '../lib/anchors-lock/compare-lock.ts';
import { checkSite } from '../lib/links/check-site.ts';
import { foldIntoLostAnchors } from '../lib/moves/fold-problems.ts';
import { crossReferenceInsertions } from './cross-reference-titles.ts';
import { anchorTableInsertions, writeRedirectOutputs } from './redirect-outputs.ts';
import { fallbackIdWarnings } from '../lib/sources/heading-id.ts';
import { readLayoutSources } from '../lib/site/layout-sources.ts';
import { CHANGES_PAGE, previewChanges, type PreviewComparison } from './preview-changes.ts';
import type { ParsedPage } from './source-pass.ts';

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
  preview: PreviewComparison | undefined,
  sources: readonly ParsedPage[],
): Promise<Problem[]> {
  // The map first: its old anchors name the live pages the build edits, the only pages (with
  // those that have an empty link to fill) whose HTML is kept in memory after their scan.
  const mapText =
    (await readOptionalText(join(settings.projectRoot, settings.redirectsFile))) ?? '';
  const map = parseRedirectMap(mapText, settings.redirectsFile, settings.redirectHosts);
  const edited = map.entries.flatMap((entry) =>
    entry.from.fragment === null ? [] : [entry.from.path],
  );
  const site = await readBuiltSite(distDir, {
    sectionText: true,
    editPoints: true,
    keepHtml: { paths: preview === undefined ? edited : [...edited, CHANGES_PAGE] },
  });
  const index = anchorIndexOf(site);
  const sourceFiles = sourceFileMap(
    listSourceFiles(settings.projectRoot, settings.contentDir),
    settings.contentDir,
  );
  logger.info(`indexed ${index.size} pages, ${idCount(index)} ids`);

  // The build's one plan of the redirect map, made against the HTML (the only truth about which
  // pages and ids exist); every step below, the cross-references' titles included, uses it.
  const planned = planRedirects(map.entries, index, settings.redirectsFile, {
    reserved: reservedNamesOf(site.files),
  });
  const redirects = {
    entries: map.entries,
    plan: planned.plan,
    problems: [...map.problems, ...planned.problems],
  };

  const edits = new Map<SitePath, Insertion[]>();
  const crossReferences = await crossReferenceInsertions(
    site,
    { index, plan: redirects.plan },
    settings,
    sourceFiles,
  );
  mergeEdits(edits, crossReferences.edits);
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
      ...headingIdWarnings(index, sourceFiles, sources),
    ],
    settings.redirectsFile,
  );
}

/** Warnings for headings that had no words to make an id from, at their source line. */
function headingIdWarnings(
  index: ReturnType<typeof anchorIndexOf>,
  sourceFiles: ReadonlyMap<SitePath, string>,
  sources: readonly ParsedPage[],
): Problem[] {
  const texts = new Map(sources.map((source) => [source.file, source.text]));
  const warnings: Problem[] = [];
  for (const page of index.values()) {
    // Only pages with a code-point id are worth looking at.
    if (!page.headings.some((heading) => heading.id.startsWith('section'))) continue;
    const file = sourceFiles.get(page.path);
    const text = file === undefined ? undefined : texts.get(file);
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
    // A page whose edits were not foreseen when the site was read is read again to edit it.
    page.html = applyInsertions(
      page.html ?? readFileSync(join(site.dir, page.file), 'utf8'),
      insertions,
    );
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
