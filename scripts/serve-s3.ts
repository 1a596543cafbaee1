/**
 * `npm run serve:s3`: a local S3 API (s3rver) with a `previews` bucket, for trying the `s3://`
 * target without a cloud account. Objects are kept in S3_DATA_DIR (default .build/s3).
 *
 *   PORT=4568 npm run serve:s3
 *   # then, in another shell, with the variables it prints:
 *   npm run preview:publish -- --pr 1 --sha "$(git rev-parse HEAD)" --to s3://previews
 *   npm run serve:previews -- --from s3://previews
 */
import { resolve } from 'node:path';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from './preview/local-s3.ts';
import { runCommand } from '../packages/lasting-links/src/cli/run-command.ts';
import { stopWithOwner } from './owner-watch.ts';
import { exitIfPortTaken, portFromEnvironment } from './port.ts';

process.exitCode = await runCommand('serve:s3', async () => {
  const directory = resolve(process.env['S3_DATA_DIR'] ?? '.build/s3');
  const port = portFromEnvironment(4568);
  await exitIfPortTaken(port, '127.0.0.1');
  const s3 = await startLocalS3({ directory, buckets: ['previews'], port });
  console.log(
    `Local S3 API at ${s3.endpoint} (bucket "previews", objects in ${directory}). Use it with:`,
  );
  console.log(
    `  export AWS_ENDPOINT_URL=${s3.endpoint} AWS_ACCESS_KEY_ID=${LOCAL_S3_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_S3_CREDENTIALS.secretAccessKey} AWS_REGION=us-east-1`,
  );
  stopWithOwner(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void s3.close().then(() => process.exit(0)));
});
