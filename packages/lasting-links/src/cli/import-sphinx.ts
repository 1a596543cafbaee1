/**
 * `lasting-links import-sphinx`: converts a Sphinx-era redirect map (a JSON object of old path to
 * new URL) into entries of `content/redirects.yaml`.
 *
 *   lasting-links import-sphinx --sphinx FILE                 what would be added (exits 1 if anything)
 *   lasting-links import-sphinx --sphinx FILE --write         add it to the map
 *   lasting-links import-sphinx --sphinx FILE --host docs.example.com --format json
 *
 * URLs on `--host` (default: the host of the site's `site`) become site paths; chains are flattened;
 * cycles, targets that are not pages of this site and hosts the site may not redirect to are
 * reported at the key's line and left out; entries already in the map are left alone; and
 * every entry is planned against the site's pages and ids as the build will plan it, so the
 * map written is one the build accepts. Exits 1 when a key could not be imported (or, without
 * --write, when entries would be added), 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { writeWhole } from '../lib/files.ts';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from './settings.ts';
import { listSourceFiles, sitePathOfSource } from '../lib/site/source-files.ts';
import { readSources, sourceIndex } from '../lib/sources/read-sources.ts';
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { importSphinxMap } from '../lib/redirects/import-sphinx.ts';
import { fitToSite } from '../lib/redirects/append-imported.ts';
import { displayLocation, displayTarget } from '../lib/redirects/locations.ts';
import { formatProblems, problemCounts } from '../lib/problems/format-problems.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { SitePath } from '../lib/site-path.ts';

const usage =
  'usage: lasting-links import-sphinx --sphinx FILE [--host docs.example.com] [--write] [--format human|json]';

/** Runs `lasting-links import-sphinx` with `args`; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        sphinx: { type: 'string' },
        host: { type: 'string' },
        write: { type: 'boolean', default: false },
        format: { type: 'string', default: 'human' },
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
  if (values.sphinx === undefined) {
    console.error(
      `--sphinx FILE is required: the Sphinx map, a JSON object of old path to new URL.\n${usage}`,
    );
    return 2;
  }
  if (values.format !== 'human' && values.format !== 'json') {
    console.error(`--format must be human or json, not "${values.format}".\n${usage}`);
    return 2;
  }
  const settings = await loadSettings(process.cwd());
  // Absolute URLs to the published site itself are site paths.
  const host = values.host ?? hostOf(settings.site);
  if (host === undefined) {
    console.error(
      `--host is required: the host whose URLs are this site's pages (the site has no \`site\` in its Astro config).\n${usage}`,
    );
    return 2;
  }
  const sphinxPath = resolve(values.sphinx);
  const sphinxFile = relative(settings.projectRoot, sphinxPath).startsWith('..')
    ? sphinxPath
    : relative(settings.projectRoot, sphinxPath);
  let sphinxText: string;
  try {
    sphinxText = readFileSync(sphinxPath, 'utf8');
  } catch (error) {
    console.error(`import-sphinx: cannot read ${values.sphinx}: ${(error as Error).message}`);
    return 2;
  }
  const mapPath = join(settings.projectRoot, settings.redirectsFile);
  let mapText = '';
  try {
    mapText = readFileSync(mapPath, 'utf8');
  } catch {
    // No map yet: the import starts it.
  }
  const existing = parseRedirectMap(mapText, settings.redirectsFile, settings.redirectHosts);
  if (existing.problems.some((problem) => problem.severity === 'error')) {
    process.stderr.write(formatProblems(existing.problems, 'human'));
    console.error(`import-sphinx: fix ${settings.redirectsFile} first; nothing was imported.`);
    return 1;
  }

  // The home page is the site's own (src/pages/index.astro), whatever the content holds.
  const pages = new Set<SitePath>(['/' as SitePath]);
  for (const file of listSourceFiles(settings.projectRoot, settings.contentDir)) {
    const path = sitePathOfSource(file, settings.contentDir);
    if (path !== undefined) pages.add(path);
  }
  const imported = importSphinxMap({
    text: sphinxText,
    file: sphinxFile,
    host,
    pages,
    existing: existing.entries,
    allowedHosts: settings.redirectHosts,
  });
  const index = sourceIndex(
    readSources(settings.projectRoot, settings.contentDir, settings.syntax),
  );
  if (!index.has('/' as SitePath))
    index.set('/' as SitePath, { path: '/' as SitePath, ids: new Set(), headings: [] });
  const fitted = fitToSite(mapText, imported.entries, {
    index,
    mapFile: settings.redirectsFile,
    allowedHosts: settings.redirectHosts,
    comment: `Imported from the Sphinx-era map ${basename(sphinxFile)} (lasting-links import-sphinx).`,
  });
  const problems: Problem[] = [
    ...imported.problems,
    ...fitted.rejected.map(({ entry, problem }) => ({
      ...problem,
      at: { file: sphinxFile, line: entry.line },
      message: `${displayLocation(entry.from)} -> ${displayTarget(entry.to)} left out, as the build would reject it: ${problem.message}`,
    })),
  ];
  const leftOut = imported.summary.leftOut + fitted.rejected.length;
  const s = imported.summary;
  const summary =
    `${s.keys} keys: ${fitted.entries.length} entries ${values.write ? 'added to' : 'to add to'} ${settings.redirectsFile} ` +
    `(${s.anchors} of them anchors, ${s.chains} chains flattened, ${s.aliases} .html addresses of live pages, ` +
    `${s.inferredDefaults} inferred page defaults); ${s.kept} already in the map, left alone; ${leftOut} left out (${problemCounts(problems)})`;

  if (values.format === 'json') {
    console.log(
      JSON.stringify(
        { summary: { ...s, written: fitted.entries.length, leftOut }, problems },
        null,
        2,
      ),
    );
  } else {
    process.stdout.write(formatProblems(problems, 'human'));
    console.log(summary);
  }
  if (values.write && fitted.entries.length > 0) {
    try {
      await writeWhole(mapPath, fitted.text);
    } catch (error) {
      console.error(
        `import-sphinx: ${(error as Error).message.replace(`${settings.projectRoot}/`, '')}; nothing was imported: free some space and run it again`,
      );
      return 1;
    }
  }
  // A map that could not be read at all leaves nothing out, yet imported nothing: still a failure.
  if (leftOut > 0 || problems.some((problem) => problem.severity === 'error')) return 1;
  return !values.write && fitted.entries.length > 0 ? 1 : 0;
}

/** The host of an origin such as `https://docs.example.com`, if it is one. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}
