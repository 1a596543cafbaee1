/**
 * A real S3 API for a test: s3rver on a free port with its objects in a temporary folder, both
 * gone when the test ends (pass or fail), and what a client needs to talk to it. A proxy in front
 * of it can count the requests a publish makes and refuse some of them, as a store that fails
 * half-way through would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { ListObjectsV2Command, S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from '../../../scripts/preview/local-s3.ts';

/** The bucket every test publishes to. */
export const BUCKET = 'previews';

/** A running store and the environment that points the commands at it. */
export interface TestStore {
  endpoint: string;
  env: NodeJS.ProcessEnv;
  client: S3Client;
}

function clientFor(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function envFor(endpoint: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
}

/** Starts a store for the test `t`; it stops, and its folder goes, when `t` ends. */
export async function startStore(t: TestContext): Promise<TestStore> {
  const directory = mkdtempSync(join(tmpdir(), 'docs-s3-test-'));
  const s3 = await startLocalS3({ directory, buckets: [BUCKET] });
  const client = clientFor(s3.endpoint);
  t.after(async () => {
    client.destroy();
    await s3.close();
    rmSync(directory, { recursive: true, force: true });
  });
  return { endpoint: s3.endpoint, env: envFor(s3.endpoint), client };
}

/** Every key in the bucket with its ETag (a digest of its content), sorted. */
export async function bucketSnapshot(client: S3Client): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) keys.push(`${object.Key} ${object.ETag}`);
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return keys.sort();
}

/** An object's body and headers. */
export async function getObject(
  client: S3Client,
  key: string,
): Promise<{ body: string; contentType: string | undefined; cacheControl: string | undefined }> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return {
    body: await object.Body!.transformToString(),
    contentType: object.ContentType,
    cacheControl: object.CacheControl,
  };
}

/**
 * A proxy in front of a store: it records `METHOD /bucket/key`, refuses what `refuse` says and
 * holds each request `delayMs` milliseconds first (a slow link to the store).
 */
export async function startProxy(
  t: TestContext,
  store: TestStore,
  refuse: (method: string, path: string) => boolean = () => false,
  delayMs = 0,
): Promise<{ env: NodeJS.ProcessEnv; requests: string[] }> {
  const upstream = new URL(store.endpoint);
  const requests: string[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing) => {
    if (delayMs > 0) setTimeout(() => forward(incoming, outgoing), delayMs);
    else forward(incoming, outgoing);
  });
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = decodeURIComponent(new URL(incoming.url ?? '/', 'http://x').pathname);
    requests.push(`${incoming.method} ${path}`);
    if (refuse(incoming.method ?? '', path)) {
      incoming.resume();
      outgoing.writeHead(403, { 'content-type': 'application/xml' });
      outgoing.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Refused by the test</Message></Error>',
      );
      return;
    }
    // The Host header is kept, so the request's signature still holds at the store.
    const upstreamRequest = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', () => outgoing.destroy());
    incoming.pipe(upstreamRequest);
  };
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  t.after(
    () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  );
  const { port } = server.address() as { port: number };
  return { env: envFor(`http://127.0.0.1:${port}`), requests };
}
