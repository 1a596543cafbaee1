/**
 * `npm run scale:build`: builds the scale test site, the project at the size of the whole
 * Mattermost docs set. Every path of tests/fixtures/mattermost/mattermost-pages-2026.txt becomes a page
 * (tests/scale/generate-pages.ts), the real 2,166-entry Sphinx-era map is imported with
 * `lasting-links import-sphinx`, a first anchors lock is written with `lasting-links moves --init`,
 * and the site is built, with its redirects, link check and search index, like any build.
 *
 * Everything lives in `.build/scale/`: `project/` (a site of generated content configured with
 * this project's theme, see generated-site.ts) and `dist/` (the output, served by the scale projects of the browser suite).
 *
 *   node scripts/build-scale-site.ts [--fixtures DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './paths.ts';
import { createGeneratedSite } from './generated-site.ts';
import { importSphinxMap } from '../packages/lasting-links/src/lib/redirects/import-sphinx.ts';
import { readSphinxKey } from '../packages/lasting-links/src/lib/redirects/sphinx-addresses.ts';
import type { SitePath } from '../packages/lasting-links/src/lib/site-path.ts';
import { linkSettings } from '../src/config.ts';
import { scalePagePath, scalePages } from '../tests/scale/generate-pages.ts';

const { values } = parseArgs({
  options: {
    fixtures: { type: 'string', default: join(projectRoot, 'tests', 'fixtures', 'mattermost') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run scale:build -- [--fixtures DIR]   (builds the scale test site in .build/scale/)',
  );
  process.exit(0);
}
const work = join(projectRoot, '.build', 'scale');
const project = join(work, 'project');
const dist = join(work, 'dist');
const sphinxFile = join(values.fixtures, 'mattermost-redirects-2026.json');
const pagesFile = join(values.fixtures, 'mattermost-pages-2026.txt');
for (const file of [sphinxFile, pagesFile])
  if (!existsSync(file)) fail(`${file} is missing: pass the fixtures folder with --fixtures DIR`);

const timings: string[] = [];
function step<T>(name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function fail(message: string): never {
  console.error(`scale:build: ${message}`);
  process.exit(1);
}

// 1. The project: this project's code, sharing its node_modules, with generated content.
const paths = readFileSync(pagesFile, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
const pages = step('generate pages', () => {
  rmSync(work, { recursive: true, force: true });
  createGeneratedSite(project, { outDir: dist });

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
  run(process.execPath, [
    'node_modules/lasting-links/bin/lasting-links.js',
    'import-sphinx',
    '--sphinx',
    sphinxFile,
    '--host',
    'docs.mattermost.com',
    '--write',
  ]),
);
const summary = /^\d+ keys: .*$/m.exec(imported.output)?.[0];
if (summary === undefined || imported.status === 2)
  fail(`the import failed:\n${imported.output.slice(-3000)}`);
console.log(`import: ${summary}`);

// 3. A first lock of every address the site publishes, so the build proves each one.
const lock = step('write the anchors lock', () =>
  run(process.execPath, [
    'node_modules/lasting-links/bin/lasting-links.js',
    'moves',
    '--init',
    '--write',
  ]),
);
if (lock.status !== 0) fail(`moves --init failed:\n${lock.output.slice(-3000)}`);

// 4. The build: redirects, lock, link check and search index, as for any site.
const build = step('build', () =>
  run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build']),
);
console.log(
  build.output
    .split('\n')
    .filter((line) => /\[lasting-links\]|\[build\] \d+ page|error|warning/i.test(line))
    .slice(-12)
    .join('\n'),
);
console.log(`scale site: ${pages.length} pages; ${timings.join(', ')}`);
if (build.status !== 0)
  fail(`the build failed (exit ${build.status}):\n${build.output.slice(-6000)}`);
