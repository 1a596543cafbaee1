/**
 * `lasting-links preview build`: builds the preview of a pull request without publishing it; the
 * unprivileged half of the CI preview (a fork's pull request builds without secrets).
 *
 *   lasting-links preview build --pr 12 --sha "$(git rev-parse HEAD)" [--base-ref origin/main]
 *                               [--base-dist DIR] [--out DIR] [--summary FILE] [--host-url URL]
 *                               [--base-url URL]
 *
 * Writes the site to --out (default .build/preview/pr-N), with `_changes/` comparing it with the
 * base commit (the merge base of HEAD and --base-ref), and the Markdown summary to --summary
 * (default .build/preview/pr-N.md). `--base-dist` compares with a ready build instead; `--base-url`
 * names where the base's own build is served (its preview), which the What-changed page links to.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, parsePullRequest, parseSha, previewFolder } from '../lib/preview/options.ts';
import { readFlags, runCommand } from './run-command.ts';
import { loadSettings } from './settings.ts';
import type { CommandEnvironment } from './environment.ts';
import { buildTime } from './preview/build-time.ts';
import { repositoryOf } from './repository.ts';

const usage = `usage: lasting-links preview build --pr N --sha SHA [--base-ref REF] [--base-dist DIR] [--base-url URL] [--out DIR] [--summary FILE] [--host-url URL]`;

/** Runs `lasting-links preview build` with `args`; returns the exit code. */
export function run(args: string[], env: CommandEnvironment): Promise<number> {
  return runCommand('preview build', async () => {
    const flags = readFlags(
      args,
      () =>
        parseArgs({
          args,
          strict: true,
          options: {
            pr: { type: 'string' },
            sha: { type: 'string' },
            'base-ref': { type: 'string' },
            'base-dist': { type: 'string' },
            'base-url': { type: 'string' },
            out: { type: 'string' },
            summary: { type: 'string' },
            'host-url': { type: 'string' },
          },
        }).values,
      usage,
    );
    const pr = parsePullRequest(flags.pr);
    const baseUrl = flags['base-url'];
    if (baseUrl !== undefined && !/^https?:\/\/[^\s"'<>]+$/.test(baseUrl))
      throw new UsageError(
        `--base-url ${JSON.stringify(baseUrl)} is not a URL: give where the base's build is served, e.g. https://previews.example.com/main/`,
      );
    const sha = parseSha(flags.sha);
    const out = resolve(flags.out ?? `.build/preview/${previewFolder(pr)}`);
    const started = performance.now();
    const settings = await loadSettings(process.cwd());
    const { buildPreview } = await import('./preview/build-preview.ts');
    const { writeSummaryMarkdown } = await import('./preview/summary-file.ts');
    const hostUrl = flags['host-url'] ?? env.previewHostUrl;
    const builtAt = buildTime();
    const summary = await buildPreview({
      projectRoot: settings.projectRoot,
      pullRequest: {
        pr,
        sha,
        builtAt,
        repositoryUrl: repositoryOf(settings.projectRoot, env),
      },
      hostUrl,
      outDir: out,
      base: {
        url: baseUrl,
        ...(flags['base-dist'] !== undefined
          ? { dist: resolve(flags['base-dist']) }
          : {
              ref: flags['base-ref'] ?? 'origin/main',
              isDefault: flags['base-ref'] === undefined,
            }),
      },
      env: env.all,
      log: (line) => console.error(`preview build: ${line}`),
    });
    const markdown = resolve(flags.summary ?? `.build/preview/${previewFolder(pr)}.md`);
    await writeSummaryMarkdown(summary, hostUrl, markdown, settings.redirectsFile, {
      pr,
      sha,
      at: builtAt,
      event: 'built',
    });
    console.error(
      `preview build: built ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s; summary in ${markdown}`,
    );
  });
}
