/**
 * `lasting-links moves`: after renaming or moving pages and headings, finds where every published
 * address went and keeps it working.
 *
 *   lasting-links moves                  what would change (exits 1 when something needs writing)
 *   lasting-links moves --write          apply: the redirect map, links in the sources, the lock
 *   lasting-links moves --since REF      compare with the sources at REF too (default HEAD)
 *   lasting-links moves --format json    the findings for tools
 *   lasting-links moves --init --write   create the anchors lock of a new site
 *   lasting-links moves --write --choose OLD=NEW   answer a question (repeatable)
 *   lasting-links moves --from-log FILE… the 404s readers hit in the hosts' access logs, and
 *                                        where each should land (see moves-from-log.ts)
 *
 * When no section holds enough of a lost section's old text (a quarter, `MIN_CONFIDENCE` in
 * find-new-home.ts), `moves` redirects nothing by itself: it asks, with the best candidates, in a
 * terminal; without one it exits 1 naming each question and the `--choose` that answers it.
 * `--write` writes nothing while a question is open.
 *
 * "Published" is the anchors lock (every address ever published, with a fingerprint of what
 * each section said) plus the pages' sources at REF when git has them. Sections are recognised
 * by their text, so a heading renamed with its text intact is found whatever its new words.
 */
import { readdirSync } from 'node:fs';
import { readTextIfReadable, writeAllWhole, type FileWrite } from '../lib/files.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from './settings.ts';
import { readSources, readSourcesAt, sourceIndex } from '../lib/sources/read-sources.ts';
import { parsePageSource, type PageSource } from '../lib/sources/page-source.ts';
import { loadLock } from '../lib/anchors-lock/load-lock.ts';
import { serializeAnchorsLock } from '../lib/anchors-lock/lock-file.ts';
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { currentCandidates } from '../lib/moves/candidates.ts';
import {
  mergePublished,
  publishedFromLock,
  publishedFromOutlines,
} from '../lib/moves/published.ts';
import { oldHomeResolver, planMoves } from '../lib/moves/plan-moves.ts';
import {
  applySourceEdits,
  layoutLinks,
  linkEdits,
  pinEdit,
  type SourceEdit,
} from '../lib/moves/source-edits.ts';
import { refreshLock } from '../lib/moves/refresh-lock.ts';
import { readLayoutSources } from '../lib/site/layout-sources.ts';
import { editMapFile } from '../lib/moves/edit-map-file.ts';
import { lostAnchorProblems } from '../lib/moves/lost-anchors.ts';
import { foldIntoLostAnchors } from '../lib/moves/fold-problems.ts';
import { formatMovesReport } from '../lib/moves/summary.ts';
import { locationKey, type SiteLocation } from '../lib/redirects/locations.ts';
import { formatProblems, isReportFormat, problemCounts } from '../lib/problems/format-problems.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { SitePath } from '../lib/site-path.ts';
import type { SiteSettings } from '../lib/settings.ts';
import { runFromLog } from './moves-from-log.ts';
import { answerProblem, askQuestions, parseChoice } from './moves-answers.ts';

const usage =
  'usage: lasting-links moves [--write] [--choose OLD=NEW]... [--since REF] [--format human|json|github] [--init]\n' +
  '       lasting-links moves --from-log FILE… [--log-format nginx|s3|cloudfront] [--choose OLD=NEW]… [--write] [--format human|json]';

/** Runs `lasting-links moves` with `args`; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        write: { type: 'boolean', default: false },
        since: { type: 'string', default: 'HEAD' },
        format: { type: 'string', default: 'human' },
        init: { type: 'boolean', default: false },
        'from-log': { type: 'string', multiple: true },
        'log-format': { type: 'string' },
        choose: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
      // `--from-log a.log b.log.gz`: the files after the first are positionals.
      allowPositionals: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const logFiles = [...(values['from-log'] ?? []), ...positionals];
  if (values['from-log'] === undefined && positionals.length > 0) {
    console.error(`moves: unexpected argument "${positionals[0]}"\n${usage}`);
    return 2;
  }
  if (!isReportFormat(values.format)) {
    console.error(`--format must be human, json or github, not "${values.format}".\n${usage}`);
    return 2;
  }
  const answers = new Map<string, SiteLocation>();
  for (const value of values.choose) {
    const answer = parseChoice(value);
    if (typeof answer === 'string') {
      console.error(`moves: --choose ${value}: ${answer}\n${usage}`);
      return 2;
    }
    answers.set(locationKey(answer.from), answer.to);
  }
  const settings = await loadSettings(process.cwd());
  const root = settings.projectRoot;

  let pages: PageSource[];
  try {
    pages = readSources(root, settings.contentDir, settings.syntax);
  } catch (error) {
    console.error(`moves: ${(error as Error).message}`);
    return 2;
  }
  const lockRead = await loadLock(root, settings.anchorsLockFile);
  if (lockRead.problems.length > 0) {
    process.stderr.write(formatProblems(lockRead.problems, 'human'));
    return 2;
  }
  if (!lockRead.exists && !values.init) {
    console.error(
      `moves: ${settings.anchorsLockFile} does not exist. It records every address the site has published; without it nothing can be kept working.\n` +
        `  Restore it from version control, or for a new site create it with: npx lasting-links moves --init --write`,
    );
    return 2;
  }
  const before = readSourcesAt(root, settings.contentDir, values.since, settings.syntax);
  const comparedWith =
    'pages' in before
      ? `the anchors lock, and the sources at ${values.since}`
      : `the anchors lock only: ${before.unavailable}`;
  const published = mergePublished(
    publishedFromLock(lockRead.lock),
    'pages' in before ? publishedFromOutlines(before.pages) : [],
  );

  const mapText = readTextIfReadable(join(root, settings.redirectsFile)) ?? '';
  const map = parseRedirectMap(mapText, settings.redirectsFile, settings.redirectHosts);
  if (map.problems.length > 0) {
    process.stderr.write(formatProblems(map.problems, 'human'));
    console.error(`moves: fix ${settings.redirectsFile} first; the moves are written into it.`);
    return 2;
  }
  const index = sourceIndex(pages);
  for (const path of astroPageRoutes(root, settings.pagesDir))
    if (!index.has(path)) index.set(path, { path, ids: new Set(), headings: [] });
  const site = { index, candidates: currentCandidates(pages) };
  if (values['from-log'] !== undefined) {
    if (values.format === 'github') {
      console.error(`moves --from-log: --format must be human or json`);
      return 2;
    }
    return runFromLog({
      files: logFiles,
      format: values['log-format'],
      choose: values.choose,
      write: values.write,
      json: values.format === 'json',
      root,
      mapFile: settings.redirectsFile,
      mapText,
      entries: map.entries,
      allowedHosts: settings.redirectHosts,
      site,
      published,
      interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    });
  }
  const plan = () =>
    planMoves({ published, site, entries: map.entries, mapFile: settings.redirectsFile, answers });
  let result = plan();
  const wrongAnswer = answerProblem(result, answers);
  if (wrongAnswer !== undefined) {
    console.error(`moves: ${wrongAnswer}`);
    return 2;
  }
  // In a terminal, the writer answers here; scripts and CI answer with --choose.
  if (
    result.found.questions.length > 0 &&
    values.format === 'human' &&
    process.stdin.isTTY &&
    process.stdout.isTTY
  ) {
    for (const [key, to] of await askQuestions(result.found.questions)) answers.set(key, to);
    result = plan();
  }
  const open = result.found.questions;

  // Source edits: pins first (they change ids), then links, against the final map.
  const pinEdits = result.found.pins.flatMap((pin) => {
    const page = pages.find((item) => item.path === pin.path);
    const edit = page === undefined ? undefined : pinEdit(page, pin);
    return edit === undefined ? [] : [edit];
  });
  const oldHome = oldHomeResolver(published, result.found);
  // Pages written in `.astro` (the home page's cards), layouts and settings name content pages
  // by their address too: those follow a move like the pages' own links.
  const layouts = readLayoutSources(root, settings.srcDir, settings.contentDir);
  const layoutEdits = layouts.flatMap((source) =>
    linkEdits(
      { file: source.file, path: '/' as SitePath, links: layoutLinks(source.text) },
      result.plan,
      result.site.index,
    ),
  );
  const links = [
    ...pages.flatMap((page) => linkEdits(page, result.plan, result.site.index, oldHome)),
    ...layoutEdits,
  ];
  const edited = applyEdits(pages, [...pinEdits, ...links], settings.syntax);
  const refreshed = refreshLock(lockRead.lock, edited);

  const remaining: Problem[] = foldIntoLostAnchors(
    [
      ...result.problems.filter((problem) => problem.severity === 'error'),
      ...lostAnchorProblems(published, result.site, result.plan, map.entries, {
        lockFile: settings.anchorsLockFile,
        mapFile: settings.redirectsFile,
        sourceFileOf: (path) => pages.find((page) => page.path === path)?.file,
      }),
    ],
    settings.redirectsFile,
  );
  const work =
    result.edits.length +
    pinEdits.length +
    links.length +
    refreshed.added.length +
    refreshed.updated;
  if (values.write && work > 0 && open.length === 0) {
    // The map, the pages and the lock change together or not at all.
    const writes: FileWrite[] = [];
    if (result.edits.length > 0)
      writes.push({
        path: join(root, settings.redirectsFile),
        text: editMapFile(mapText, result.edits),
      });
    for (const page of edited) {
      const original = pages.find((item) => item.file === page.file)!;
      if (page.text !== original.text)
        writes.push({ path: join(root, page.file), text: page.text });
    }
    for (const source of layouts) {
      const mine = layoutEdits.filter((edit) => edit.file === source.file);
      if (mine.length > 0)
        writes.push({ path: join(root, source.file), text: applySourceEdits(source.text, mine) });
    }
    writes.push({
      path: join(root, settings.anchorsLockFile),
      text: serializeAnchorsLock(refreshed.lock),
    });
    try {
      await writeAllWhole(writes);
    } catch (error) {
      console.error(
        `moves: ${(error as Error).message.replace(`${root}/`, '')}; nothing was written: free some space and run it again`,
      );
      return 1;
    }
  }

  const report = {
    comparedWith,
    found: result.found,
    edits: result.edits,
    linkEdits: links,
    pinEdits,
    lockAdded: refreshed.added,
    lockUpdated: refreshed.updated,
    mapFile: settings.redirectsFile,
    lockFile: settings.anchorsLockFile,
    written: values.write && open.length === 0,
    writeAsked: values.write,
  };
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify({ ...report, problems: remaining }, null, 2) + '\n');
  } else {
    process.stdout.write(formatMovesReport(report));
    if (remaining.length > 0) {
      process.stdout.write(`\nStill to fix (${problemCounts(remaining)}):\n`);
      process.stdout.write(formatProblems(remaining, values.format));
    }
  }
  return remaining.length > 0 || open.length > 0 || (!values.write && work > 0) ? 1 : 0;
}

/**
 * The pages the site's own Astro routes build (the home page, the 404 page): live addresses
 * without MDX sources. Dynamic routes (`[...slug]`) are the content pages, read from sources.
 */
function astroPageRoutes(root: string, pagesDir: string): SitePath[] {
  let files: string[];
  try {
    files = readdirSync(join(root, pagesDir), { recursive: true, encoding: 'utf8' });
  } catch {
    return []; // A site of docs pages only (Starlight's routes are its own).
  }
  return files
    .filter((file) => file.endsWith('.astro') && !file.includes('['))
    .map((file) => {
      const route = file.slice(0, -'.astro'.length).split('\\').join('/');
      if (route === 'index' || route.endsWith('/index'))
        return `/${route.slice(0, -'index'.length)}` as SitePath;
      return (route === '404' ? '/404.html' : `/${route}/`) as SitePath;
    });
}

/** The pages after `edits`, re-read so their ids and text are what the files will hold. */
function applyEdits(
  pages: readonly PageSource[],
  edits: readonly SourceEdit[],
  syntax: SiteSettings['syntax'],
): PageSource[] {
  const byFile = new Map<string, SourceEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.file);
    if (list === undefined) byFile.set(edit.file, [edit]);
    else list.push(edit);
  }
  return pages.map((page) => {
    const mine = byFile.get(page.file) ?? [];
    return mine.length === 0
      ? page
      : parsePageSource(page.file, page.path, applySourceEdits(page.text, mine), syntax);
  });
}
