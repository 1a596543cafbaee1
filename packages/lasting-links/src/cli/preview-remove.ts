/**
 * `npm run preview:remove`: deletes the preview of a pull request, and nothing else, then
 * rewrites the host's index. Removing a preview that is not there is not an error.
 *
 *   npm run preview:remove -- --pr 12 --to dir:/srv/previews
 *   npm run preview:remove -- --pr 12 --to s3://bucket/previews
 */
import module from 'node:module';
import { parseArgs } from 'node:util';
import { previewRepositoryUrl } from '../../../../src/config.ts';
import { parsePullRequest, parseTarget, previewFolder } from '../lib/preview/options.ts';
import { readFlags, runCommand } from './run-command.ts';

module.enableCompileCache();

const usage = 'usage: npm run preview:remove -- --pr N --to dir:PATH|s3://BUCKET[/PREFIX]';

runCommand('preview:remove', async () => {
  const argv = process.argv.slice(2);
  const flags = readFlags(
    argv,
    () =>
      parseArgs({
        args: argv,
        strict: true,
        options: { pr: { type: 'string' }, to: { type: 'string' } },
      }).values,
    usage,
  );
  const pr = parsePullRequest(flags.pr);
  const target = parseTarget(flags.to);
  const { openHost } = await import('../publish/host.ts');
  const { refreshHostIndex } = await import('../publish/publish.ts');
  const host = await openHost(target);
  const removed = await host.remove(pr);
  const live = await refreshHostIndex(host, previewRepositoryUrl());
  console.error(
    removed === 0
      ? `preview:remove: ${host.description} has no preview of pull request #${pr}; nothing removed (${live} live)`
      : `preview:remove: removed ${host.description}/${previewFolder(pr)}/ (${removed} files); ${live} live ${live === 1 ? 'preview' : 'previews'} on the host`,
  );
});
