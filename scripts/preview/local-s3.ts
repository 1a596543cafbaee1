/**
 * A real S3 API on this machine, for trying the `s3://` target and for the tests: s3rver, on a
 * free port of 127.0.0.1, keeping its objects in a folder of our choosing, with S3's promise that
 * a reader gets an object whole, old or new (atomic-objects.ts), and listings that page on
 * Node 24 (listing-pages.ts).
 */
import S3rver from 's3rver';
import { keepWriteConditions, makeObjectsAtomic } from './atomic-objects.ts';
import { pageListingsWithoutDes } from './listing-pages.ts';

/** A running local S3 API. */
export interface LocalS3 {
  /** `http://127.0.0.1:PORT`: the value for AWS_ENDPOINT_URL. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** s3rver's own credentials: any client must sign with these. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts s3rver with `buckets` created, its objects in `directory`; port 0 picks a free one. */
export async function startLocalS3(options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
}): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    // Buckets by path only: a bucket-named host would need DNS this machine does not have.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  makeObjectsAtomic(server.store);
  keepWriteConditions(server);
  pageListingsWithoutDes();
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, close: () => server.close() };
}
