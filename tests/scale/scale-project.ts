/**
 * The scale test site's project without its build: the pages generated from the real page list
 * (generate-pages.ts), the real Sphinx-era map imported with `lasting-links import-sphinx`, and
 * a first anchors lock from `lasting-links moves --init`. `scripts/build-scale-site.ts` builds it;
 * tests that work from sources, as `moves` does, use it as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGeneratedSite } from '../../scripts/generated-site.ts';
import { importSphinxMap } from '../../packages/lasting-links/src/lib/redirects/import-sphinx.ts';
import { readSphinxKey } from '../../packages/lasting-links/src/lib/redirects/sphinx-addresses.ts';
import type { SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';
import { linkSettings } from '../../src/config.ts';
import { scalePagePath, scalePages, type ScalePage } from './generate-pages.ts';

/** Runs `command` in `cwd` without colours; its status and all it printed. */
function runIn(cwd: string, command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The package's command, run in `cwd`. */
export const lastingLinks = (cwd: string, args: string[]) =>
  runIn(cwd, process.execPath, ['node_modules/lasting-links/bin/lasting-links.js', ...args]);

/**
 * Replaces `project` with the scale site's sources, map and lock, from the fixtures in
 * `fixtures`; `outDir` is where a build would go. Throws with the command's output when a
 * step fails.
 */
export function writeScaleProject(
  project: string,
  fixtures: string,
  outDir: string,
  step: <T>(name: string, work: () => T) => T = (_name, work) => work(),
): { pages: ScalePage[]; importSummary: string } {
  const sphinxFile = join(fixtures, 'mattermost-redirects-2026.json');
  const paths = readFileSync(join(fixtures, 'mattermost-pages-2026.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  // 1. The project: this project's code, sharing its node_modules, with generated content.
  const pages = step('generate pages', () => {
    createGeneratedSite(project, { outDir });
    // The sections readers must land on: every target the map will send them to.
    const sitePaths = new Set(paths.map(scalePagePath));
    const sphinxText = readFileSync(sphinxFile, 'utf8');
    const preview = importSphinxMap({
      text: sphinxText,
      file: sphinxFile,
      host: 'docs.mattermost.com',
      pages: sitePaths,
      existing: [],
      allowedHosts: linkSettings.redirectHosts,
    });
    const sections = new Map<SitePath, Set<string>>();
    for (const entry of preview.entries) {
      if (entry.to.kind !== 'site' || entry.to.fragment === null) continue;
      const ids = sections.get(entry.to.path) ?? new Set<string>();
      ids.add(entry.to.fragment);
      sections.set(entry.to.path, ids);
    }
    // Old anchors stay old: no page may take one as a heading id, or a 301 could not tell them apart.
    const oldAnchors = new Set<string>();
    for (const key of Object.keys(JSON.parse(sphinxText) as Record<string, string>)) {
      const read = readSphinxKey(key);
      if (read.ok && read.value.fragment !== null) oldAnchors.add(read.value.fragment);
    }
    const generated = scalePages(paths, sections, oldAnchors);
    for (const page of generated) {
      const file = join(project, linkSettings.content, page.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.text);
    }
    return generated;
  });

  // 2. The Sphinx map, imported as a writer would import it; some keys are reported and left out.
  const imported = step('import the Sphinx map', () =>
    lastingLinks(project, [
      'import-sphinx',
      '--sphinx',
      sphinxFile,
      '--host',
      'docs.mattermost.com',
      '--write',
    ]),
  );
  const importSummary = /^\d+ keys: .*$/m.exec(imported.output)?.[0];
  if (importSummary === undefined || imported.status === 2)
    throw new Error(`the import failed:\n${imported.output.slice(-3000)}`);

  // 3. A first lock of every address the site publishes, so the build proves each one.
  const lock = step('write the anchors lock', () =>
    lastingLinks(project, ['moves', '--init', '--write']),
  );
  if (lock.status !== 0) throw new Error(`moves --init failed:\n${lock.output.slice(-3000)}`);
  return { pages, importSummary };
}
