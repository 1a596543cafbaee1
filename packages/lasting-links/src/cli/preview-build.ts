/**
 * `npm run preview:build`: builds the preview of a pull request without publishing it; the
 * unprivileged half of the CI preview (a fork's pull request builds without secrets).
 *
 *   npm run preview:build -- --pr 12 --sha "$(git rev-parse HEAD)" [--base-ref origin/main]
 *                            [--base-dist DIR] [--out DIR] [--summary FILE] [--host-url URL]
 *
 * Writes the site to --out (default .build/preview/pr-N), with `_changes/` comparing it with the
 * base commit (the merge base of HEAD and --base-ref), and the Markdown summary to --summary
 * (default .build/preview/pr-N.md). `--base-dist` compares with a ready build instead.
 */
import module from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { previewHostUrl } from '../../../../src/config.ts';
import { parsePullRequest, parseSha, previewFolder } from '../lib/preview/options.ts';
import { readFlags, runCommand } from './run-command.ts';
import { projectRoot } from './settings.ts';

module.enableCompileCache();

const usage = `usage: npm run preview:build -- --pr N --sha SHA [--base-ref REF] [--base-dist DIR] [--out DIR] [--summary FILE] [--host-url URL]`;

runCommand('preview:build', async () => {
  const argv = process.argv.slice(2);
  const flags = readFlags(
    argv,
    () =>
      parseArgs({
        args: argv,
        strict: true,
        options: {
          pr: { type: 'string' },
          sha: { type: 'string' },
          'base-ref': { type: 'string' },
          'base-dist': { type: 'string' },
          out: { type: 'string' },
          summary: { type: 'string' },
          'host-url': { type: 'string' },
        },
      }).values,
    usage,
  );
  const pr = parsePullRequest(flags.pr);
  const sha = parseSha(flags.sha);
  const out = resolve(flags.out ?? `.build/preview/${previewFolder(pr)}`);
  const started = performance.now();
  const { buildPreview } = await import('./preview/build-preview.ts');
  const { writeSummaryMarkdown } = await import('./preview/summary-file.ts');
  const { summary } = await buildPreview({
    projectRoot,
    pr,
    sha,
    outDir: out,
    base:
      flags['base-dist'] !== undefined
        ? { dist: resolve(flags['base-dist']) }
        : { ref: flags['base-ref'] ?? 'origin/main', isDefault: flags['base-ref'] === undefined },
    log: (line) => console.error(`preview:build: ${line}`),
  });
  const markdown = resolve(flags.summary ?? `.build/preview/${previewFolder(pr)}.md`);
  await writeSummaryMarkdown(summary, flags['host-url'] ?? previewHostUrl(), markdown);
  console.error(
    `preview:build: built ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s; summary in ${markdown}`,
  );
});
