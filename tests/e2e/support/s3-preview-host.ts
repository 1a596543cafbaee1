/**
 * The browser suite's preview host: a real S3 API (s3rver, on a free port, its objects in a
 * temporary folder) with a bucket website endpoint in front, on `PORT`. Before it answers, it
 * does what CI does: publishes the preview build in `DIST_DIR` as pull request `PREVIEW_PR` with
 * `npm run preview:publish`, publishes a second, small preview (`REMOVED_PR`, whose number starts
 * like the first one's) and removes it again with `npm run preview:remove`, and publishes the
 * preview of a pull request that changes pages (`dist-preview-changes/`, see changed-preview.ts)
 * beside the first. It stops with the test run (`DOCS_OWNER_PID`), and its folder goes.
 *
 *   PORT=4700 DIST_DIR=dist-preview PREVIEW_PR=7 REMOVED_PR=70 node tests/e2e/support/s3-preview-host.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from '../../../scripts/preview/local-s3.ts';
import { S3Host } from '../../../packages/lasting-links/src/publish/s3-host.ts';
import { websiteServer } from '../../../scripts/preview/website-server.ts';
import { stopWithOwner } from '../../../scripts/owner-watch.ts';
import { shaOf, writeSyntheticBuild } from '../../preview/support/synthetic-build.ts';
import { CHANGED_DIST, CHANGED_PR } from './changed-preview.ts';

const BUCKET = 'previews';

const root = resolve(import.meta.dirname, '../../..');
const dist = resolve(root, process.env['DIST_DIR'] ?? 'dist-preview');
const pr = Number(process.env['PREVIEW_PR'] ?? 7);
const removedPr = Number(process.env['REMOVED_PR'] ?? 70);
const port = Number(process.env['PORT'] ?? 4700);
const scratch = mkdtempSync(join(tmpdir(), 'docs-e2e-s3-'));
const cleanUp = () => rmSync(scratch, { recursive: true, force: true });

const s3 = await startLocalS3({ directory: join(scratch, 'objects'), buckets: [BUCKET] });
const env = {
  ...process.env,
  AWS_ENDPOINT_URL: s3.endpoint,
  AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
  AWS_REGION: 'us-east-1',
};
// Asynchronously: the S3 API answers from this very process, which must not block.
const command = (script: string, args: string[]) =>
  new Promise<void>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/lasting-links/bin/lasting-links.js'),
        'preview',
        script,
        ...args,
        '--to',
        `s3://${BUCKET}`,
      ],
      { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('close', (status) =>
      status === 0 ? done() : fail(new Error(`${script} exited with status ${status}`)),
    );
  });
try {
  const { sha } = JSON.parse(readFileSync(join(dist, '_preview.json'), 'utf8')) as { sha: string };
  await command('publish', [
    '--pr',
    String(pr),
    '--sha',
    sha,
    '--dist',
    dist,
    '--summary',
    join(scratch, 'summary.md'),
  ]);
  const other = writeSyntheticBuild(join(scratch, 'other'), { pr: removedPr, version: 'v1' });
  await command('publish', [
    '--pr',
    String(removedPr),
    '--sha',
    shaOf('v1'),
    '--dist',
    other.dir,
    '--summary',
    join(scratch, 'other.md'),
  ]);
  await command('remove', ['--pr', String(removedPr)]);
  const changed = resolve(root, CHANGED_DIST);
  const { sha: changedSha } = JSON.parse(readFileSync(join(changed, '_preview.json'), 'utf8')) as {
    sha: string;
  };
  await command('publish', [
    '--pr',
    String(CHANGED_PR),
    '--sha',
    changedSha,
    '--dist',
    changed,
    '--summary',
    join(scratch, 'changed.md'),
  ]);
} catch (error) {
  await s3.close();
  cleanUp();
  throw error;
}

const client = new S3Client({
  endpoint: s3.endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: LOCAL_S3_CREDENTIALS,
});
const server = websiteServer(new S3Host({ kind: 's3', bucket: BUCKET, prefix: '' }, client));
server.listen(port, '127.0.0.1', () =>
  console.log(`Preview host (S3 at ${s3.endpoint}) at http://127.0.0.1:${port}/pr-${pr}/`),
);
// The objects go first and at once: nothing reads them after the run, and exit may come soon.
const stop = () => {
  cleanUp();
  server.closeAllConnections();
  server.close();
  client.destroy();
  void s3.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
stopWithOwner(stop);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
