/**
 * `npm run bench:traffic`: `lasting-links moves --from-log` on a generated nginx log of about
 * 1 GB (tests/traffic/support/generate-log.ts), written to the project's `.build/` and deleted
 * afterwards. Prints the time, the throughput and the peak resident memory, and fails when the
 * peak passes the bound: the command streams, so its memory must not grow with the log.
 *
 *   node bench/traffic/run.ts [--size-mb 1024] [--bound-mib 300] [--gzip]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { writeLargeLog } from '../../tests/traffic/support/generate-log.ts';
import { LIVE_PAGES, OLD_PATHS, logSite } from '../../tests/traffic/support/log-site.ts';

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '1024' },
    'bound-mib': { type: 'string', default: '300' },
    gzip: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench:traffic -- [--size-mb 1024] [--bound-mib 300] [--gzip]');
  process.exit(0);
}

const site = logSite();
try {
  let log = join(site.dir, 'access.log');
  const generating = performance.now();
  const lines = await writeLargeLog(
    log,
    Number(values['size-mb']) * 1024 * 1024,
    LIVE_PAGES,
    OLD_PATHS,
  );
  const plainBytes = statSync(log).size;
  if (values.gzip) {
    await pipeline(createReadStream(log), createGzip(), createWriteStream(`${log}.gz`));
    rmSync(log);
    log = `${log}.gz`;
  }
  console.log(
    `generated ${(plainBytes / 1024 / 1024).toFixed(0)} MB, ${lines.toLocaleString('en')} lines in ${((performance.now() - generating) / 1000).toFixed(1)} s${values.gzip ? ` (gzipped to ${(statSync(log).size / 1024 / 1024).toFixed(0)} MB)` : ''}`,
  );
  // A first run in a new project settles its settings with `astro sync`, in the command's own
  // process (a few hundred megabytes, once); measured is a run over the log, as in a project
  // that has been built before.
  spawnSync(process.execPath, ['node_modules/lasting-links/bin/lasting-links.js', 'moves'], {
    cwd: site.dir,
  });
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
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
    {
      cwd: site.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024;
  const progress = run.stderr.split('\n').filter((line) => line.startsWith('moves: read'));
  console.log(`progress lines on stderr: ${progress.length} (last: ${progress.at(-1) ?? 'none'})`);
  console.log(
    `moves --from-log: ${seconds.toFixed(1)} s, ${(plainBytes / 1024 / 1024 / seconds).toFixed(0)} MB/s of log, peak memory ${peak.toFixed(0)} MiB (bound ${values['bound-mib']} MiB), exit ${run.status}`,
  );
  if (!(peak > 0 && peak < Number(values['bound-mib'])) || run.status === 2) {
    console.error(run.stderr.slice(-3000));
    process.exitCode = 1;
  }
} finally {
  site.remove();
}
