/**
 * `lasting-links preview publish`: builds the preview of a pull request and publishes it.
 *
 *   lasting-links preview publish --pr 12 --sha "$(git rev-parse HEAD)" --to dir:/srv/previews
 *   lasting-links preview publish --pr 12 --sha "$(git rev-parse HEAD)" --to s3://bucket/previews
 *
 * Options: --base-ref REF (the base to compare with, default origin/main), --dist DIR (publish a
 * preview built before by `lasting-links preview build`  instead of building), --summary FILE (the
 * Markdown summary, default .build/preview/pr-N.md), --host-url URL (where the host is served,
 * for the links in the summary; default PREVIEW_HOST_URL), --wait SECONDS (how long to wait
 * while another run publishes or removes this pull request's preview, default 600; 0 refuses at
 * once).
 *
 * `dir:PATH` puts the preview in PATH/pr-N/ (swapped in atomically); `s3://BUCKET[/PREFIX]`
 * uploads it with the AWS SDK, which reads the credentials, AWS_REGION and AWS_ENDPOINT_URL from
 * the environment. Either way the host's index (PATH/index.html, PREFIX/index.html) is rewritten.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePullRequest, parseSha, parseTarget, previewFolder } from '../lib/preview/options.ts';
import { parseLeaseWait } from '../publish/lease.ts';
import { readFlags, runCommand } from './run-command.ts';
import { loadSettings } from './settings.ts';
import type { CommandEnvironment } from './environment.ts';
import { buildTime } from './preview/build-time.ts';
import { repositoryOf } from './repository.ts';

const usage = `usage: lasting-links preview publish --pr N --sha SHA --to dir:PATH|s3://BUCKET[/PREFIX] [--base-ref REF] [--dist DIR] [--summary FILE] [--host-url URL] [--wait SECONDS]`;

/** Runs `lasting-links preview publish` with `args`; returns the exit code. */
export function run(args: string[], env: CommandEnvironment): Promise<number> {
  return runCommand('preview publish', async () => {
    const argv = args;
    const flags = readFlags(
      argv,
      () =>
        parseArgs({
          args: argv,
          strict: true,
          options: {
            pr: { type: 'string' },
            sha: { type: 'string' },
            to: { type: 'string' },
            'base-ref': { type: 'string' },
            'base-dist': { type: 'string' },
            dist: { type: 'string' },
            summary: { type: 'string' },
            'host-url': { type: 'string' },
            wait: { type: 'string' },
          },
        }).values,
      usage,
    );
    // Every value is checked before anything is built, uploaded or deleted.
    const pr = parsePullRequest(flags.pr);
    const sha = parseSha(flags.sha);
    const target = parseTarget(flags.to);
    const waitMs = parseLeaseWait(flags.wait);
    const log = (line: string) => console.error(`preview publish: ${line}`);
    const started = performance.now();
    const { buildPreview } = await import('./preview/build-preview.ts');
    const { openHost } = await import('../publish/open-host.ts');
    const { publishBuild, refreshHostIndex } = await import('../publish/publish.ts');
    const { readSummary, writeSummaryMarkdown } = await import('./preview/summary-file.ts');

    const settings = await loadSettings(process.cwd());
    const hostUrl = flags['host-url'] ?? env.previewHostUrl;
    let dist = flags.dist === undefined ? undefined : resolve(flags.dist);
    if (dist === undefined) {
      dist = resolve(`.build/preview/${previewFolder(pr)}`);
      await buildPreview({
        projectRoot: settings.projectRoot,
        pullRequest: {
          pr,
          sha,
          builtAt: buildTime(),
          repositoryUrl: repositoryOf(settings.projectRoot, env),
        },
        hostUrl,
        outDir: dist,
        base:
          flags['base-dist'] !== undefined
            ? { dist: resolve(flags['base-dist']) }
            : {
                ref: flags['base-ref'] ?? 'origin/main',
                isDefault: flags['base-ref'] === undefined,
              },
        env: env.all,
        log,
      });
    }
    const built = performance.now();
    const summary = await readSummary(dist);
    const host = await openHost(target, env.s3);
    const result = await publishBuild(host, dist, { pr, sha }, log, {
      ...(waitMs === undefined ? {} : { waitMs }),
    });
    const live = await refreshHostIndex(host, repositoryOf(settings.projectRoot, env));
    const published = performance.now();

    const markdown = resolve(flags.summary ?? `.build/preview/${previewFolder(pr)}.md`);
    // The comment names the pull request and commit checked above and this publish's time; the
    // summary (written by the pull request's build) gives only the changes, as text.
    const url = await writeSummaryMarkdown(summary, hostUrl, markdown, settings.redirectsFile, {
      pr,
      sha,
      at: result.publishedAt,
      event: 'published',
    });
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    log(
      `published pull request #${pr} to ${host.description}/${previewFolder(pr)}/ ` +
        `(${result.uploaded} of ${result.files} files written, ${result.deleted} deleted; ` +
        `${flags.dist === undefined ? `build ${seconds(started, built)} s, ` : ''}publish ${seconds(built, published)} s); ` +
        `${live} live ${live === 1 ? 'preview' : 'previews'} on the host`,
    );
    log(`summary in ${markdown}`);
    console.log(url);
  });
}
