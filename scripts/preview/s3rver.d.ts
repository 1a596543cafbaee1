/** The part of s3rver's API this project uses (the package ships no types). */
declare module 's3rver' {
  import type { Readable } from 'node:stream';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }
  /** An object as the store hands it over: its content and its headers. */
  export interface S3rverObject {
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: Record<string, string>;
  }
  /** s3rver's file store: each object is a file, its headers and digest files beside it. */
  export interface S3rverStore {
    getResourcePath(bucket: string, key: string, resource: string): string;
    getObject(
      bucket: string,
      key: string,
      options?: { start?: number; end?: number },
    ): Promise<S3rverObject | null>;
    putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
    putMetadata(
      bucket: string,
      key: string,
      metadata: Record<string, string>,
      md5?: string,
    ): Promise<void>;
    deleteObject(bucket: string, key: string): Promise<void>;
  }
  /** A Koa middleware, as s3rver (a Koa application) runs them. */
  type Middleware = (
    ctx: { method: string; headers: Record<string, string | string[] | undefined> },
    next: () => Promise<void>,
  ) => Promise<void>;
  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Koa's middleware list, composed when the server starts. */
    readonly middleware: Middleware[];
    readonly store: S3rverStore;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/models/object.js' {
  /** s3rver's object model; only the list of headers it stores is used here. */
  const S3Object: { readonly ALLOWED_METADATA: readonly string[] };
  export default S3Object;
}

declare module 's3rver/lib/controllers/bucket.js' {
  /** What the store's listing gives the controller. */
  export interface S3rverListing {
    objects: Array<{ key: string }>;
    commonPrefixes: string[];
    isTruncated: boolean;
  }
  /** The part of a request's Koa context the bucket listing reads and writes. */
  export interface S3rverListContext {
    params: { bucket: string };
    query: Record<string, string | undefined>;
    status: number;
    type: string;
    body: unknown;
    store: { listObjects(bucket: string, options: unknown): Promise<S3rverListing> };
  }
  /** s3rver's bucket controller; its router calls `getBucket` through this object. */
  const bucketController: { getBucket(ctx: S3rverListContext): Promise<void> };
  export default bucketController;
}

declare module 's3rver/lib/models/error.js' {
  /** An S3 error answer: its code picks the HTTP status (PreconditionFailed is 412). */
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string>);
  }
}
