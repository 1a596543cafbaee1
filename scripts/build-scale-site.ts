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
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './paths.ts';
import { writeScaleProject } from '../tests/scale/scale-project.ts';

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
for (const name of ['mattermost-redirects-2026.json', 'mattermost-pages-2026.txt']) {
  const file = join(values.fixtures, name);
  if (!existsSync(file)) fail(`${file} is missing: pass the fixtures folder with --fixtures DIR`);
}

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

// 1-3. The project: generated pages, the imported Sphinx map and a first anchors lock.
rmSync(work, { recursive: true, force: true });
let pages;
try {
  const written = writeScaleProject(project, values.fixtures, dist, step);
  pages = written.pages;
  console.log(`import: ${written.importSummary}`);
} catch (error) {
  fail((error as Error).message);
}

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
