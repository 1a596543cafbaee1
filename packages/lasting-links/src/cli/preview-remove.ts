/**
 * `lasting-links preview remove`: deletes the preview of a pull request, and nothing else, then
 * rewrites the host's index. Removing a preview that is not there is not an error. While another
 * run publishes or removes the same preview, it waits (--wait SECONDS, default 600; 0 refuses).
 *
 *   lasting-links preview remove --pr 12 --to dir:/srv/previews
 *   lasting-links preview remove --pr 12 --to s3://bucket/previews
 */
import { parseArgs } from 'node:util';
import { parsePullRequest, parseTarget, previewFolder } from '../lib/preview/options.ts';
import { parseLeaseWait } from '../publish/lease.ts';
import { readFlags, runCommand } from './run-command.ts';
import type { CommandEnvironment } from './environment.ts';
import { repositoryOf } from './repository.ts';

const usage =
  'usage: lasting-links preview remove --pr N --to dir:PATH|s3://BUCKET[/PREFIX] [--wait SECONDS]';

/** Runs `lasting-links preview remove` with `args`; returns the exit code. */
export function run(args: string[], env: CommandEnvironment): Promise<number> {
  return runCommand('preview remove', async () => {
    const argv = args;
    const flags = readFlags(
      argv,
      () =>
        parseArgs({
          args: argv,
          strict: true,
          options: { pr: { type: 'string' }, to: { type: 'string' }, wait: { type: 'string' } },
        }).values,
      usage,
    );
    const pr = parsePullRequest(flags.pr);
    const target = parseTarget(flags.to);
    const waitMs = parseLeaseWait(flags.wait);
    const { openHost } = await import('../publish/open-host.ts');
    const { refreshHostIndex, removePreview } = await import('../publish/publish.ts');
    const host = await openHost(target, env.s3);
    const log = (line: string) => console.error(`preview remove: ${line}`);
    const removed = await removePreview(host, pr, log, waitMs === undefined ? {} : { waitMs });
    const live = await refreshHostIndex(host, repositoryOf(process.cwd(), env));
    console.error(
      removed === 0
        ? `preview remove: ${host.description} has no preview of pull request #${pr}; nothing removed (${live} live)`
        : `preview remove: removed ${host.description}/${previewFolder(pr)}/ (${removed} files); ${live} live ${live === 1 ? 'preview' : 'previews'} on the host`,
    );
  });
}
