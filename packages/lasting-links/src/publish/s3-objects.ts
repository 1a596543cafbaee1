/**
 * The bucket operations the S3 host is built from, each turning a store failure into one
 * sentence saying what failed and what to check: plain and conditional writes, reads, listings
 * and batched deletes, all under one bucket.
 */
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { S3Target } from '../lib/preview/options.ts';
import type { S3Options, StoredObject } from './host.ts';

/** DeleteObjects takes at most this many keys per request. */
const DELETE_BATCH = 1000;

/** The S3 client: credentials, region and endpoint as the SDK reads them, with `options`. */
export function s3Client(options: S3Options): S3Client {
  return new S3Client({
    ...options,
    // Checksums only where S3 requires them: S3-compatible stores that predate the SDK's
    // default CRC32 trailers (s3rver, older MinIO and Ceph) reject or mis-store them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The headers a page or asset is stored with. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
  /** Makes the website endpoint answer the key with a 301 to this location. */
  redirectLocation?: string | undefined;
}

/** A condition for a write: the key must not exist, or must still hold this ETag. */
export type WriteCondition = { IfNoneMatch: '*' } | { IfMatch: string };

export class S3Objects {
  readonly target: S3Target;
  readonly #client: S3Client;

  constructor(target: S3Target, client: S3Client) {
    this.target = target;
    this.#client = client;
  }

  /** `s3://bucket/key`, as messages name an object. */
  url(key: string): string {
    return `s3://${this.target.bucket}/${key}`;
  }

  /** A store failure as one sentence: `what` failed, and why in words a user can act on. */
  error(error: unknown, what: string): Error {
    return storeError(error, what, this.target);
  }

  async put(key: string, body: string | Buffer, headers: ObjectHeaders): Promise<void> {
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.target.bucket,
          Key: key,
          Body: body,
          ContentType: headers.contentType,
          CacheControl: headers.cacheControl,
          ...(headers.redirectLocation === undefined
            ? {}
            : { WebsiteRedirectLocation: headers.redirectLocation }),
        }),
      );
    } catch (error) {
      throw this.error(error, `uploading ${this.url(key)}`);
    }
  }

  /**
   * Writes `key` only if `condition` holds; its new ETag, or undefined when it did not hold.
   * `what` names the object in messages (`the lease s3://…`).
   */
  async putIf(
    key: string,
    body: string,
    condition: WriteCondition,
    what = this.url(key),
  ): Promise<string | undefined> {
    try {
      const answer = await this.#client.send(
        new PutObjectCommand({
          Bucket: this.target.bucket,
          Key: key,
          Body: body,
          ContentType: 'application/json',
          CacheControl: 'no-store',
          ...condition,
        }),
      );
      if (answer.ETag === undefined) throw new Error('the store answered without an ETag');
      return answer.ETag;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      // 412: the condition did not hold; 409: another conditional write to the key was under way.
      if (status === 412 || status === 409) return undefined;
      throw this.error(error, `writing ${what}`);
    }
  }

  /** An object's text and ETag, or undefined when there is none. */
  async getWithTag(key: string): Promise<{ text: string; etag: string } | undefined> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({ Bucket: this.target.bucket, Key: key }),
      );
      return { text: await object.Body!.transformToString('utf8'), etag: object.ETag ?? '' };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw this.error(error, `reading ${this.url(key)}`);
    }
  }

  /** An object's text, or undefined when there is none. */
  async getText(key: string): Promise<string | undefined> {
    return (await this.getWithTag(key))?.text;
  }

  /** An object with the headers it is served with, or undefined when there is none. */
  async read(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({ Bucket: this.target.bucket, Key: key }),
      );
      return {
        body: Buffer.from(await object.Body!.transformToByteArray()),
        contentType: object.ContentType ?? 'application/octet-stream',
        cacheControl: object.CacheControl,
        ...(object.WebsiteRedirectLocation === undefined
          ? {}
          : { redirectLocation: object.WebsiteRedirectLocation }),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw this.error(error, `reading ${this.url(key)}`);
    }
  }

  /** Every key under `prefix`, which always ends with `/`. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const page of paginateListObjectsV2(
        { client: this.#client },
        { Bucket: this.target.bucket, Prefix: prefix },
      )) {
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      }
    } catch (error) {
      throw this.error(error, `listing ${this.url(prefix)}`);
    }
    return keys;
  }

  /** The names of the folders right under `prefix` (which ends with `/`), without their `/`. */
  async folders(prefix: string, what: string): Promise<string[]> {
    const folders: string[] = [];
    try {
      for await (const page of paginateListObjectsV2(
        { client: this.#client },
        { Bucket: this.target.bucket, Prefix: prefix, Delimiter: '/' },
      )) {
        for (const common of page.CommonPrefixes ?? [])
          folders.push((common.Prefix ?? '').slice(prefix.length).replace(/\/$/, ''));
      }
    } catch (error) {
      throw this.error(error, `listing ${what}`);
    }
    return folders;
  }

  async deleteOne(key: string, what: string): Promise<void> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.target.bucket, Key: key }));
    } catch (error) {
      throw this.error(error, what);
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      let result;
      try {
        result = await this.#client.send(
          new DeleteObjectsCommand({
            Bucket: this.target.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
      } catch (error) {
        throw this.error(error, `deleting ${batch.length} objects`);
      }
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        throw new Error(
          `the store could not delete ${failed.length} objects, e.g. ${failed[0]?.Key} (${failed[0]?.Code}: ${failed[0]?.Message})`,
        );
      }
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || (error as { name?: string } | null)?.name === 'NoSuchKey';
}

/** A store failure as one sentence saying what failed and what to check. */
function storeError(error: unknown, what: string, target: S3Target): Error {
  const { name = 'Error', message = String(error) } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  const code = (error as { code?: string } | null)?.code;
  let advice: string;
  if (name === 'NoSuchBucket')
    advice = `the bucket "${target.bucket}" does not exist: create it, or fix --to`;
  else if (name === 'CredentialsProviderError' || /credential/i.test(message))
    advice =
      'no credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)';
  else if (
    ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'Forbidden'].includes(name)
  )
    advice = `the store refused it (${name}): check the credentials and what they may write`;
  else if (
    code !== undefined &&
    /^(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN)$/.test(code)
  )
    advice = `the store cannot be reached (${code}): check AWS_ENDPOINT_URL and the network`;
  else advice = `${name}: ${message}`;
  return new Error(`${what} failed: ${advice}`, { cause: error });
}
