/**
 * `npm run bench:check`: times this project's link checker against check-html-links,
 * linkinator (--check-fragments, on its local server), hyperlink and html-proofer, all with
 * anchor checking on and external links off, on the project's built site and on a generated
 * site of 5,000 pages seeded with known broken links and anchors. Median of N runs each,
 * side by side; prints ratios, each checker's peak memory (against check-html-links', the
 * leanest peer) and its MB of HTML per CPU-second (against the Rust hyperlink's published
 * 275 MB/s, taken as the ceiling), with the machine's load average beside each run, and
 * checks that our report names exactly the seeded errors (and how many each peer reports).
 *
 *   node bench/check/run.ts [--pages 5000] [--runs 3] [--site dist] [--timeout 600] [--only ours,linkinator]
 *
 * Peers are installed into a temporary folder (reused between runs), never into the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSite, type SeededError } from './generate-site.ts';
import { installPeers, peerCheckers, type Checker } from './peers.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    site: { type: 'string', default: process.env.DIST_DIR ?? 'dist' },
    timeout: { type: 'string', default: '600' },
    only: { type: 'string' },
    work: { type: 'string', default: join(tmpdir(), 'lasting-links-bench') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench:check -- [--pages 5000] [--runs 3] [--site dist] [--timeout 600] [--only ours,linkinator] [--work DIR]',
  );
  process.exit(0);
}
const runs = Number(values.runs);
const timeoutMs = Number(values.timeout) * 1000;
const work = resolve(values.work);
const log = (line: string) => console.error(line);
mkdirSync(work, { recursive: true });

/** Our checker, run as users run it: the CLI, JSON report. */
const ours: Checker = {
  name: 'ours (npm run check)',
  command: (site) => ({
    file: process.execPath,
    // On the project's build, as `npm run check` runs there (with the map and the lock); on any
    // other site, links only, as every peer checks (the project's lock names pages of the
    // generated site too, and proving it there would be another job).
    args: [
      join(projectRoot, 'node_modules/lasting-links/bin/lasting-links.js'),
      'check',
      '--dist',
      site,
      '--format',
      'json',
      ...(site === projectSite ? [] : ['--redirects', 'none']),
    ],
  }),
  reported: (output) => {
    try {
      const problems = JSON.parse(output.slice(output.indexOf('['))) as Array<{ severity: string }>;
      return problems.filter((problem) => problem.severity === 'error').length;
    } catch {
      return undefined;
    }
  },
};

interface Timing {
  checker: string;
  site: string;
  seconds: number[];
  /** CPU seconds (user + system) per run: on a shared machine a fairer measure than wall time. */
  cpu: number[];
  /** Peak resident memory per run, in MiB: the largest process of the checker. */
  peakMiB: number[];
  /** The one-minute load average as each run started. */
  load: number[];
  timedOut: boolean;
  output: string;
  stdout: string;
  exitCode: number | null;
}

function time(checker: Checker, siteName: string, siteDir: string, cwd: string): Timing {
  const { file, args } = checker.command(siteDir);
  const result: Timing = {
    checker: checker.name,
    site: siteName,
    seconds: [],
    cpu: [],
    peakMiB: [],
    load: [],
    timedOut: false,
    output: '',
    stdout: '',
    exitCode: null,
  };
  for (let run = 0; run < runs; run += 1) {
    result.load.push(loadavg()[0]!);
    const started = performance.now();
    // GNU time reports the child's CPU time (threads and subprocesses included) on its own last
    // line; coreutils timeout stops the whole process group, where a plain kill would leave the
    // checker running on as an orphan and skew every later measurement.
    const timed = existsSync('/usr/bin/time')
      ? { file: '/usr/bin/time', args: ['-f', 'CPU-SECONDS %U %S %M', file, ...args] }
      : { file, args };
    const child = spawnSync(
      'timeout',
      ['-s', 'KILL', String(timeoutMs / 1000), timed.file, ...timed.args],
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (child.status === 137 || child.status === 124 || child.signal === 'SIGKILL') {
      result.timedOut = true;
      break;
    }
    const cpu = /CPU-SECONDS ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(child.stderr);
    if (cpu !== null) {
      result.cpu.push(Number(cpu[1]) + Number(cpu[2]));
      result.peakMiB.push(Number(cpu[3]) / 1024);
    }
    const stderr = child.stderr
      .replace(/CPU-SECONDS .*\s*$/, '')
      .replace(/^Command exited with non-zero status \d+\n?/m, '');
    result.stdout = child.stdout;
    result.output = `${result.stdout}\n${stderr}`;
    result.exitCode = child.status;
    result.seconds.push(seconds);
    log(
      `  ${checker.name} on ${siteName}: run ${run + 1}/${runs} ${seconds.toFixed(2)} s, CPU ${result.cpu.at(-1)?.toFixed(2) ?? '?'} s, peak ${result.peakMiB.at(-1)?.toFixed(0) ?? '?'} MiB, load ${result.load.at(-1)!.toFixed(1)} (exit ${child.status})`,
    );
  }
  return result;
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};

function htmlBytes(dir: string): number {
  let bytes = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (file.endsWith('.html')) bytes += statSync(join(dir, file)).size;
  return bytes;
}

// 1. The sites: the project's build, and the generated one.
const projectSite = resolve(projectRoot, values.site);
const sites: { name: string; dir: string; cwd: string; seeded?: SeededError[] }[] = [];
if (existsSync(projectSite))
  sites.push({ name: `this site (${values.site})`, dir: projectSite, cwd: projectRoot });
else log(`${projectSite} does not exist: build the site first to include it (npm run build).`);
log(`generating ${values.pages} pages …`);
const generated = generateSite({
  dir: join(work, 'site'),
  pages: Number(values.pages),
  brokenPages: 25,
  brokenAnchors: 25,
  fixturesDir: join(projectRoot, 'tests', 'fixtures', 'mattermost'),
});
// Run from an empty folder: nothing of the project's applies to the generated site.
mkdirSync(join(work, 'cwd'), { recursive: true });
sites.push({
  name: `generated (${generated.pages} pages)`,
  dir: generated.dir,
  cwd: join(work, 'cwd'),
  seeded: generated.seeded,
});

// 2. The peers, installed into the work folder.
installPeers(join(work, 'peers'), log);
const only = values.only?.split(',');
const checkers = [ours, ...peerCheckers(join(work, 'peers'), process.execPath)].filter(
  (checker) => only === undefined || only.some((name) => checker.name.startsWith(name)),
);

// 3. Time everything, side by side.
/** The hyperlink project's published throughput, the fastest figure among the peers: a ceiling. */
const HYPERLINK_PUBLISHED_MB_PER_S = 275;
const LEANEST_PEER = 'check-html-links';

interface Row {
  site: string;
  checker: string;
  isOurs: boolean;
  timedOut: boolean;
  seconds: number;
  cpu: number;
  peakMiB: number;
  megabytes: number;
  loads: number[];
  verdict: string;
}
const rows: Row[] = [];
for (const site of sites) {
  const megabytes = htmlBytes(site.dir) / 1e6;
  log(`${site.name}: ${megabytes.toFixed(1)} MB of HTML`);
  for (const checker of checkers) {
    const row = {
      site: site.name,
      checker: checker.name,
      isOurs: checker === ours,
      megabytes,
    };
    if (checker.unavailable !== undefined) {
      rows.push({
        ...row,
        timedOut: false,
        seconds: NaN,
        cpu: NaN,
        peakMiB: NaN,
        loads: [],
        verdict: checker.unavailable,
      });
      continue;
    }
    const timing = time(checker, site.name, site.dir, site.cwd);
    const reported = checker.reported(checker === ours ? timing.stdout : timing.output);
    // Each checker's last report, to read what it missed or invented.
    writeFileSync(
      join(work, `output-${site.seeded ? 'generated' : 'site'}-${checker.name.split(' ')[0]}.txt`),
      timing.output,
    );
    rows.push({
      ...row,
      timedOut: timing.timedOut,
      seconds: median(timing.seconds),
      cpu: median(timing.cpu),
      peakMiB: median(timing.peakMiB),
      loads: timing.load,
      verdict: verdictOf(checker === ours, timing, reported, site.seeded),
    });
  }
}

/** Whether the checker reported the seeded errors: exactly (ours, compared entry by entry) or by count and by URL (peers). */
function verdictOf(
  isOurs: boolean,
  timing: Timing,
  reported: number | undefined,
  seeded: SeededError[] | undefined,
): string {
  if (timing.timedOut) return 'did not finish';
  const expected = seeded?.length ?? 0;
  if (isOurs) {
    // The JSON report is the list of problems (warnings too), after any line printed before it.
    const problems = JSON.parse(timing.stdout.slice(timing.stdout.indexOf('['))) as {
      severity: string;
      output?: { file: string };
      url?: string;
    }[];
    const got = new Set(
      problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${problem.output?.file} ${problem.url}`),
    );
    const want = new Set((seeded ?? []).map((error) => `${error.file} ${error.url}`));
    const missed = [...want].filter((key) => !got.has(key));
    const invented = [...got].filter((key) => !want.has(key));
    return missed.length === 0 && invented.length === 0
      ? `exact: ${got.size} of ${want.size} seeded, none invented`
      : `MISMATCH: missed ${missed.length}, invented ${invented.length}: ${[...missed, ...invented].slice(0, 3).join('; ')}`;
  }
  // A seeded URL counts as named when its distinctive part appears whole in the output.
  const named = (seeded ?? []).filter((error) => {
    const needle = error.url.split('#')[1] ?? error.url;
    return new RegExp(`${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(
      timing.output,
    );
  }).length;
  const count = reported === undefined ? 'no count printed' : `reports ${reported}`;
  const note =
    reported === undefined
      ? ''
      : reported > expected
        ? `, ${reported - expected} more than seeded`
        : reported < expected
          ? `, ${expected - reported} fewer than seeded`
          : '';
  return `${count}${note}; names ${named} of ${expected} seeded`;
}

// 4. The table: each figure beside the load average of the runs it comes from.
const fixed = (value: number, digits: number, unit = '') =>
  Number.isNaN(value) ? '' : `${value.toFixed(digits)}${unit}`;
const ratio = (value: number, of: number | undefined) =>
  of === undefined || Number.isNaN(value) || Number.isNaN(of) ? '' : `${(value / of).toFixed(2)}x`;
const header = [
  'site',
  'checker',
  `wall, median of ${runs}`,
  'vs ours',
  'CPU (user+sys)',
  'vs ours',
  'peak memory',
  `vs ${LEANEST_PEER}`,
  'MB/CPU-s',
  `of hyperlink's published ${HYPERLINK_PUBLISHED_MB_PER_S} MB/s`,
  'load avg per run',
  'errors found',
];
const table = [header, header.map(() => '---')];
for (const row of rows) {
  const oursRow = rows.find((other) => other.site === row.site && other.isOurs);
  const leanest = rows.find((other) => other.site === row.site && other.checker === LEANEST_PEER);
  const perCpu = row.megabytes / row.cpu;
  table.push([
    row.site,
    row.checker,
    row.timedOut ? `> ${values.timeout} s (stopped)` : fixed(row.seconds, 2, ' s'),
    row.timedOut ? '' : ratio(row.seconds, oursRow?.seconds),
    fixed(row.cpu, 2, ' s'),
    ratio(row.cpu, oursRow?.cpu),
    fixed(row.peakMiB, 0, ' MiB'),
    ratio(row.peakMiB, leanest?.peakMiB),
    fixed(perCpu, 1),
    Number.isNaN(perCpu) ? '' : `${((perCpu / HYPERLINK_PUBLISHED_MB_PER_S) * 100).toFixed(1)}%`,
    row.loads.map((load) => load.toFixed(1)).join(' / '),
    row.verdict,
  ]);
}
console.log(
  `load average at the end: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')} on ${availableParallelism()} cores`,
);
console.log(table.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const oursGenerated = rows.find((row) => row.isOurs && row.site.startsWith('generated'));
const leanestGenerated = rows.find(
  (row) => row.checker === LEANEST_PEER && row.site.startsWith('generated'),
);
if (oursGenerated !== undefined && leanestGenerated !== undefined && !leanestGenerated.timedOut)
  console.log(
    `peak memory on the generated site: ours ${fixed(oursGenerated.peakMiB, 0)} MiB, ${LEANEST_PEER} ${fixed(leanestGenerated.peakMiB, 0)} MiB: ${oursGenerated.peakMiB <= leanestGenerated.peakMiB ? 'at most' : 'ABOVE'} ${LEANEST_PEER}'s`,
  );
if (oursGenerated !== undefined && !oursGenerated.verdict.startsWith('exact')) process.exitCode = 1;
