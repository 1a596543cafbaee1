/**
 * s3rver's ListObjectsV2 continuation token is DES-encrypted, and OpenSSL 3 (Node 17 and later)
 * has no DES without its legacy provider: a listing of more than one page (1,000 keys) answers
 * "InternalError" on the first page, so a large preview could not be republished or removed.
 * A continuation token is opaque to clients, so the local store gives its own: the bucket and
 * the last key of the page, in base64url. s3rver's router calls its bucket controller's
 * `getBucket` through the module's exports after the request's signature has been checked, so
 * the replacement below turns the token into `start-after`, lists, and writes the token back.
 */
import bucketController from 's3rver/lib/controllers/bucket.js';
import type { S3rverListing, S3rverListContext } from 's3rver/lib/controllers/bucket.js';

const TOKEN_PREFIX = 'page:';

function encodeToken(bucket: string, lastKey: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${bucket}/${lastKey}`, 'utf8').toString('base64url');
}

/** The key a token says to start after, or undefined when it is not one of this store's tokens. */
function decodeToken(token: string, bucket: string): string | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const head = `${TOKEN_PREFIX}${bucket}/`;
  return text.startsWith(head) && text.length > head.length ? text.slice(head.length) : undefined;
}

let installed = false;

/** Makes s3rver page ListObjectsV2 with tokens that need no cipher (once per process). */
export function pageListingsWithoutDes(): void {
  if (installed) return;
  installed = true;
  const original = bucketController.getBucket.bind(bucketController);
  bucketController.getBucket = async (ctx: S3rverListContext) => {
    if (ctx.query['list-type'] !== '2') return original(ctx);
    const bucket = ctx.params.bucket;
    const token = ctx.query['continuation-token'];
    const query = { ...ctx.query };
    delete query['continuation-token'];
    if (token) {
      const startAfter = decodeToken(token, bucket);
      if (startAfter === undefined) {
        ctx.status = 400;
        ctx.type = 'application/xml';
        ctx.body =
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidArgument</Code><Message>The continuation token provided is incorrect</Message></Error>';
        return;
      }
      query['start-after'] = startAfter;
    }
    // The request's signature was checked against the original query; from here on the query
    // only tells the controller what to list.
    ctx.query = query;
    // The store's answer says whether the listing goes on; the controller would then make a DES
    // token, so it is told "not truncated" and the token is written here instead.
    const store = ctx.store;
    let truncatedAfter: string | undefined;
    ctx.store = Object.create(store, {
      listObjects: {
        value: async (name: string, options: unknown) => {
          const result: S3rverListing = await store.listObjects(name, options);
          if (result.isTruncated) {
            truncatedAfter = result.objects.at(-1)?.key;
            return { ...result, isTruncated: false };
          }
          return result;
        },
      },
    }) as typeof store;
    try {
      await original(ctx);
    } finally {
      ctx.store = store;
    }
    const listing = (ctx.body as { ListBucketResult?: Record<string, unknown> }).ListBucketResult;
    if (listing === undefined) return;
    if (token) {
      listing.StartAfter = undefined;
      listing.ContinuationToken = token;
    }
    if (truncatedAfter !== undefined) {
      listing.IsTruncated = true;
      listing.NextContinuationToken = encodeToken(bucket, truncatedAfter);
    }
  };
}
