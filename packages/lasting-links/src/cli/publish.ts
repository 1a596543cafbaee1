/**
 * `lasting-links publish`: publishes the production build (a plain `astro build` output) with
 * the preview publisher's guarantees: only changed files go up, assets before pages, stale files
 * last, readers see the old site or the new one and never a mix, a failed publish leaves the
 * live site, and one publish at a time (a lease).
 *
 *   lasting-links publish --to dir:/srv/www/docs [--dist dist]
 *   lasting-links publish --to s3://bucket[/prefix] [--dist dist] [--sha "$(git rev-parse HEAD)"]
 *
 * `dir:PATH` makes PATH a symlink to the live version (swapped in atomically; point the web
 * server's root at PATH); `s3://BUCKET[/PREFIX]` uploads with the AWS SDK, which reads the
 * credentials, AWS_REGION and AWS_ENDPOINT_URL from the environment, and sets the object
 * redirect of every moved page's stub. On S3 the site is served at `/PREFIX/`, so the build's
 * base must be that. Options: --dist DIR (default DIST_DIR, else dist), --sha SHA (recorded in
 * the published manifest), --wait SECONDS (how long to wait while another publish runs, default
 * 600; 0 refuses at once).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSha, parseTarget } from '../lib/preview/options.ts';
import { parseLeaseWait } from '../publish/lease.ts';
import { readFlags, runCommand } from './run-command.ts';
import type { CommandEnvironment } from './environment.ts';

const usage = `usage: lasting-links publish --to dir:PATH|s3://BUCKET[/PREFIX] [--dist DIR] [--sha SHA] [--wait SECONDS]`;

/** Runs `lasting-links publish` with `args`; returns the exit code. */
export function run(args: string[], env: CommandEnvironment): Promise<number> {
  return runCommand('publish', async () => {
    const argv = args;
    const flags = readFlags(
      argv,
      () =>
        parseArgs({
          args: argv,
          strict: true,
          options: {
            to: { type: 'string' },
            dist: { type: 'string' },
            sha: { type: 'string' },
            wait: { type: 'string' },
          },
        }).values,
      usage,
    );
    // Every value is checked before anything is uploaded or deleted.
    const target = parseTarget(flags.to);
    const sha = flags.sha === undefined ? undefined : parseSha(flags.sha);
    const waitMs = parseLeaseWait(flags.wait);
    const dist = resolve(flags.dist ?? env.distDir ?? 'dist');
    const log = (line: string) => console.error(`publish: ${line}`);
    const started = performance.now();
    const { openHost } = await import('../publish/open-host.ts');
    const { publishProduction } = await import('../publish/publish.ts');
    const host = await openHost(target, env.s3);
    // A website endpoint serves the key PREFIX/a/ at /PREFIX/a/: the build must link there.
    const base =
      target.kind === 's3' ? (target.prefix === '' ? '/' : `/${target.prefix}/`) : undefined;
    const result = await publishProduction(
      host,
      dist,
      { ...(sha === undefined ? {} : { sha }), ...(base === undefined ? {} : { base }) },
      log,
      waitMs === undefined ? {} : { waitMs },
    );
    log(
      `published ${dist} to ${host.description} (${result.uploaded} of ${result.files} files written, ` +
        `${result.unchanged} unchanged, ${result.deleted} deleted; ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  });
}
