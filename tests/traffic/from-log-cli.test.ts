/**
 * `moves --from-log` as a command on a small site: the report, the same from nginx, S3 and
 * CloudFront logs (recognised or named with --log-format), one entry for two spellings of one
 * address, answers that must name a page of the site, and a format that must be known.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  BROWSERS,
  CLOUDFRONT_HEADER,
  cloudFrontLine,
  nginxLine,
  s3Line,
  type LoggedRequest,
} from './support/log-lines.ts';
import { logSite } from './support/log-site.ts';

test(
  'moves --from-log on a small site: report, write, answers and errors',
  { timeout: 180_000 },
  () => {
    const site = logSite();
    try {
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['node_modules/lasting-links/bin/lasting-links.js', 'moves', '--from-log', ...args],
          { cwd: site.dir, encoding: 'utf8' },
        );
      const time = Date.UTC(2026, 10, 3);
      const request = (path: string, days = 0): LoggedRequest => ({
        path,
        status: 404,
        time: time + days * 86_400_000,
        userAgent: BROWSERS[0]!,
      });
      const requests = [
        request('/install/setup-tls/'),
        request('/install/setup-tls/', 2),
        request('/install/setup-tls'),
        request('/messaging/managing-members.html'),
        request('/wp-login.php'),
      ];
      writeFileSync(join(site.dir, 'access.log'), requests.map(nginxLine).join('\n') + '\n');
      // The same requests as S3 server access logs and as a gzipped CloudFront log.
      writeFileSync(join(site.dir, 's3-access'), requests.map(s3Line).join('\n') + '\n');
      writeFileSync(
        join(site.dir, 'cloudfront.gz'),
        gzipSync(`${CLOUDFRONT_HEADER}${requests.map(cloudFrontLine).join('\n')}\n`),
      );

      const report = run('access.log');
      assert.equal(report.status, 1, report.stderr);
      assert.match(report.stdout, /left out 0 assets, 1 probes, 0 bot requests/);
      assert.match(
        report.stdout,
        /\/install\/setup-tls\/ {2}\(2 hits, 2026-11-03 to 2026-11-05\)\n {4}→ \/deploy\/server\/setup-tls\/ {2}90%/,
      );
      assert.match(
        report.stderr,
        /1 question unanswered.*\/messaging\/managing-members\.html\n {2}Answer with --choose OLD=NEW/,
      );

      // Each format, recognised or named, gives the same report.
      for (const [file, format] of [
        ['access.log', 'nginx'],
        ['s3-access', 's3'],
        ['cloudfront.gz', 'cloudfront'],
      ] as const) {
        for (const args of [[], ['--log-format', format]]) {
          const other = run(file, ...args);
          assert.equal(other.stdout, report.stdout, `${file} ${args.join(' ')}`);
        }
      }
      assert.equal(run('access.log', '--log-format', 'w3c').status, 2);
      const nowhere = run(
        'access.log',
        '--choose',
        '/messaging/managing-members.html=/no/such/page/',
      );
      assert.equal(nowhere.status, 2);
      assert.match(nowhere.stderr, /not a page or section of the site/);

      const written = run(
        'access.log',
        '--write',
        '--choose',
        '/messaging/managing-members.html=/users/manage-channel-members/',
      );
      assert.equal(written.status, 0, written.stderr);
      const map = readFileSync(join(site.dir, 'content/redirects.yaml'), 'utf8');
      // Two spellings of /install/setup-tls/, one entry.
      assert.equal(map.match(/from: \/install\/setup-tls\/$/gm)?.length, 1, map);
      assert.match(
        map,
        /from: \/messaging\/managing-members\.html\n {2}to: \/users\/manage-channel-members\//,
      );
    } finally {
      site.remove();
    }
  },
);
