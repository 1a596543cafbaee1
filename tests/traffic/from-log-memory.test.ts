/**
 * `moves --from-log` streams: a large generated log is read in bounded memory, with progress on
 * stderr, and every old address readers asked for is counted. The size here keeps the suite
 * quick; `npm run bench:traffic` runs the same at 1 GB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeLog } from './support/generate-log.ts';
import { LIVE_PAGES, OLD_PATHS, logSite } from './support/log-site.ts';

const SIZE = 160 * 1024 * 1024;
/**
 * Peak resident memory allowed, whatever the log's size (measured: about 120 MiB for 160 MB and
 * for 1 GB alike).
 */
const BOUND_MIB = 300;
// Peak memory as the benchmarks measure it (bench/check), with GNU time.
const TIME = '/usr/bin/time';

test(
  'a large log is streamed in bounded memory, with progress on stderr',
  {
    timeout: 300_000,
    skip: existsSync(TIME) ? false : `${TIME} (GNU time) is needed to measure peak memory`,
  },
  async () => {
    const site = logSite();
    try {
      const log = join(site.dir, 'access.log');
      const lines = await writeLargeLog(log, SIZE, LIVE_PAGES, OLD_PATHS);
      // A first run in a new project settles its settings with `astro sync`, in the command's
      // own process (a few hundred megabytes, once); measured here is a run over the log.
      spawnSync(process.execPath, ['node_modules/lasting-links/bin/lasting-links.js', 'moves'], {
        cwd: site.dir,
      });
      const started = performance.now();
      const run = spawnSync(
        TIME,
        [
          '-f',
          'peak-rss-kib %M',
          process.execPath,
          'node_modules/lasting-links/bin/lasting-links.js',
          'moves',
          '--from-log',
          log,
          '--format',
          'json',
        ],
        { cwd: site.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const seconds = (performance.now() - started) / 1000;
      const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024;
      const megabytes = statSync(log).size / 1024 / 1024;
      console.log(
        `moves --from-log: ${megabytes.toFixed(0)} MB, ${lines.toLocaleString('en')} lines in ${seconds.toFixed(1)} s; peak memory ${peak.toFixed(0)} MiB`,
      );
      assert.ok(run.status === 1, run.stderr.slice(-2000));
      assert.ok(peak > 0 && peak < BOUND_MIB, `peak memory ${peak.toFixed(0)} MiB`);
      assert.match(run.stderr, /moves: read \d+ of \d+ MB, [\d,]+ lines\n/);
      const found = new Set(
        run.stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { from?: string }).from),
      );
      for (const path of OLD_PATHS) assert.ok(found.has(path), `${path} is not listed`);
    } finally {
      site.remove();
    }
  },
);
