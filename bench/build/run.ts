/**
 * `npm run bench:build`: builds this project and Starlight from the same generated MDX corpus
 * (bench/build/corpus.ts) at several sizes, with the same Astro version and Pagefind on in both,
 * the runs interleaved (ours, Starlight, then Starlight, ours, …) so a load that comes and goes
 * on a shared machine falls on both. Every build is cold (output and caches removed first).
 * Reports the medians of wall time, CPU time (user + system, child processes included) and
 * peak memory, our ratio to Starlight, milliseconds per page, how our cost per page grows with
 * the page count, and the machine's load average beside each figure.
 *
 *   node bench/build/run.ts [--sizes 200,1000,2000] [--runs 3] [--starlight 0.42.4]
 *                           [--profile N] [--work DIR] [--timeout 1200]
 *
 * `--profile N` builds ours once at N pages under the V8 profiler
 * and prints where the time went (see profile.ts) instead of benchmarking.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  loadCorpus,
  setUpOurs,
  setUpStarlight,
  astroVersion,
  type BenchProject,
} from './projects.ts';
import { summarizeProfile } from './profile.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,1000,2000' },
    runs: { type: 'string', default: '3' },
    starlight: { type: 'string', default: '0.42.4' },
    profile: { type: 'string' },
    // Inside the project: Astro reads the theme's components from this project's src/.
    work: {
      type: 'string',
      default: join(import.meta.dirname, '..', '..', '.build', 'bench-build'),
    },
    timeout: { type: 'string', default: '1200' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench:build -- [--sizes 200,1000,2000] [--runs 3] [--starlight 0.42.4] [--sidebar-share] [--profile N] [--work DIR] [--timeout 1200]',
  );
  process.exit(0);
}
const work = resolve(values.work);
mkdirSync(work, { recursive: true });
const log = (line: string) => console.error(line);

/** One build's measurements. */
interface Measurement {
  wall: number;
  cpu: number;
  /** Peak resident memory in MiB: the largest process of the build. */
  peakMiB: number;
  /** One-minute load average just before the build started. */
  load: number;
  /** Bytes of HTML per built content page. */
  htmlPerPage: number;
}

const load1 = () => loadavg()[0]!;

/** Builds `project` cold; throws with the build's output when it fails or builds too few pages. */
function build(project: BenchProject, pages: number, cpuProfileDir?: string): Measurement {
  // A copy of this project shares the project's node_modules, so its cache lives in `.cache/`.
  const caches = lstatSync(join(project.dir, 'node_modules')).isSymbolicLink()
    ? [project.outDir, '.astro', '.cache']
    : [project.outDir, '.astro', 'node_modules/.astro'];
  for (const cache of caches) rmSync(join(project.dir, cache), { recursive: true, force: true });
  const astro = join(project.dir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const node = [
    ...(cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`]),
    astro,
    'build',
  ];
  const load = load1();
  const started = performance.now();
  // GNU time reports CPU time and peak memory with the child processes (git, Pagefind) included.
  const child = spawnSync(
    'timeout',
    [
      '-s',
      'KILL',
      values.timeout,
      '/usr/bin/time',
      '-f',
      'BENCH-TIME %U %S %M',
      process.execPath,
      ...node,
    ],
    {
      cwd: project.dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        SITE_BASE: '/',
        OUT_DIR: project.outDir,
      },
    },
  );
  const wall = (performance.now() - started) / 1000;
  const time = /BENCH-TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(child.stderr);
  if (child.status !== 0 || time === null)
    throw new Error(
      `${project.name} failed to build ${pages} pages (exit ${child.status}):\n${(child.stdout + child.stderr).slice(-4000)}`,
    );
  const built = contentPages(join(project.dir, project.outDir));
  if (built.count < pages)
    throw new Error(`${project.name} built ${built.count} content pages, expected ${pages}`);
  return {
    wall,
    cpu: Number(time[1]) + Number(time[2]),
    peakMiB: Number(time[3]) / 1024,
    load,
    htmlPerPage: built.bytes / built.count,
  };
}

/** Content pages of a build (every `index.html` but the home page), and their bytes. */
function contentPages(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('/index.html') || file.startsWith('pagefind')) continue;
    count += 1;
    bytes += statSync(join(dir, file)).size;
  }
  return { count, bytes };
}

const median = (list: readonly number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

const ours = setUpOurs(join(work, 'ours'));
const starlight = setUpStarlight(join(work, 'starlight'), values.starlight);

if (values.profile !== undefined) {
  const pages = Number(values.profile);
  loadCorpus(ours, pages);
  const dir = join(work, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const measured = build(ours, pages, dir);
  log(
    `ours at ${pages} pages: ${measured.wall.toFixed(1)} s wall, ${measured.cpu.toFixed(1)} s CPU`,
  );
  console.log(summarizeProfile(dir, ours.dir));
  process.exit(0);
}

const projects = [ours, starlight];
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const results = new Map<string, Measurement[]>();
const key = (project: BenchProject, pages: number) => `${project.name}@${pages}`;

for (const pages of sizes) {
  let words = 0;
  for (const project of projects) words = loadCorpus(project, pages);
  log(`\n${pages} pages, ${Math.round(words / pages)} words per page`);
  for (let run = 0; run < runs; run += 1) {
    // Alternate the order so neither site always builds right after the other.
    const order = run % 2 === 0 ? projects : [...projects].reverse();
    for (const project of order) {
      const measured = build(project, pages);
      results.set(key(project, pages), [...(results.get(key(project, pages)) ?? []), measured]);
      log(
        `  ${project.name}: run ${run + 1}/${runs} ${measured.wall.toFixed(1)} s wall, ${measured.cpu.toFixed(1)} s CPU, ` +
          `${measured.peakMiB.toFixed(0)} MiB peak, load ${measured.load.toFixed(1)}`,
      );
    }
  }
}

// The table: medians, ratios to Starlight, ms per page.
const rows: string[][] = [];
const perPage = new Map<string, number>();
const cpuPerPage = new Map<string, number>();
for (const pages of sizes) {
  const reference = results.get(key(starlight, pages))!;
  for (const project of projects) {
    const list = results.get(key(project, pages))!;
    const wall = median(list.map((m) => m.wall));
    const cpu = median(list.map((m) => m.cpu));
    const peak = median(list.map((m) => m.peakMiB));
    const msPerPage = (wall * 1000) / pages;
    perPage.set(key(project, pages), msPerPage);
    cpuPerPage.set(key(project, pages), (cpu * 1000) / pages);
    const ratio = (value: number, of: number) =>
      project === starlight ? '1.00×' : `${(value / of).toFixed(2)}×`;
    rows.push([
      String(pages),
      project.name,
      `${wall.toFixed(1)} s`,
      msPerPage.toFixed(1),
      ((cpu * 1000) / pages).toFixed(1),
      ratio(wall, median(reference.map((m) => m.wall))),
      `${cpu.toFixed(1)} s`,
      ratio(cpu, median(reference.map((m) => m.cpu))),
      `${peak.toFixed(0)} MiB`,
      ratio(peak, median(reference.map((m) => m.peakMiB))),
      `${(median(list.map((m) => m.htmlPerPage)) / 1024).toFixed(1)} KB`,
      list.map((m) => m.load.toFixed(1)).join(' / '),
    ]);
  }
}
const header = [
  'pages',
  'site',
  `wall, median of ${runs}`,
  'ms/page',
  // On a shared machine the CPU time is the steadier measure: wall time includes the waits.
  'CPU ms/page',
  'vs Starlight',
  'CPU',
  'vs Starlight',
  'peak memory',
  'vs Starlight',
  'HTML/page',
  'load avg per run',
];
console.log(
  `astro ${astroVersion()}, @astrojs/starlight ${values.starlight}, Node ${process.versions.node}, ${availableParallelism()} cores; load average now ${loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')}`,
);
console.log(
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'),
);

// Growth: cost per page at the largest size over the smallest, for each site.
if (sizes.length > 1) {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  for (const project of projects) {
    const growth = perPage.get(key(project, largest))! / perPage.get(key(project, smallest))!;
    const cpuGrowth =
      cpuPerPage.get(key(project, largest))! / cpuPerPage.get(key(project, smallest))!;
    console.log(
      `${project.name}: ms/page at ${largest} is ${growth.toFixed(2)}× that at ${smallest} (CPU ms/page ${cpuGrowth.toFixed(2)}×)`,
    );
  }
}
