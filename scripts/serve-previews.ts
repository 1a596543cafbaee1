/**
 * `npm run serve:previews`: serves a preview host the way a bucket's website endpoint does
 * (`dir/` is `dir/index.html`, a missing page under `/pr-N/` gets that preview's 404 page), from
 * a folder or from a bucket:
 *
 *   npm run serve:previews -- --from dir:/tmp/previews          # http://127.0.0.1:8080/
 *   PORT=9000 npm run serve:previews -- --from s3://previews    # with AWS_ENDPOINT_URL etc.
 */
import { parseArgs } from 'node:util';
import { parseTarget } from '../packages/lasting-links/src/lib/preview/options.ts';
import { readFlags, runCommand } from '../packages/lasting-links/src/cli/run-command.ts';
import { openHost } from '../packages/lasting-links/src/publish/open-host.ts';
import { commandEnvironment } from '../packages/lasting-links/src/cli/environment.ts';
import { websiteServer } from './preview/website-server.ts';
import { stopWithOwner } from './owner-watch.ts';
import { listenOrExplain, portFromEnvironment } from './port.ts';

const usage = 'usage: [PORT=8080] npm run serve:previews -- --from dir:PATH|s3://BUCKET[/PREFIX]';

process.exitCode = await runCommand('serve:previews', async () => {
  const argv = process.argv.slice(2);
  const flags = readFlags(
    argv,
    () => parseArgs({ args: argv, strict: true, options: { from: { type: 'string' } } }).values,
    usage,
  );
  const host = await openHost(
    parseTarget(flags.from, '--from'),
    commandEnvironment(process.env).s3,
  );
  const port = portFromEnvironment(8080);
  const server = websiteServer(host);
  await listenOrExplain(server, port, '127.0.0.1');
  console.log(`Serving ${host.description} at http://127.0.0.1:${port}/`);
  stopWithOwner(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
});
