/**
 * S3 guarantees that a PUT is atomic: a reader gets the whole old object or the whole new one,
 * and once the PUT has answered, every reader gets the new one. The preview publish relies on
 * that (see s3-host.ts). s3rver's file store does not give it: it truncates the object's file and
 * writes it in place, answers before the bytes reach the file, and writes the object's length and
 * type in a second file afterwards, so a GET during a PUT can get a page cut short, the new bytes
 * with the old length, or an error. A local store that tears pages would make a correct publish
 * look broken (and hide nothing real), so the store used here is given S3's guarantee:
 *
 *   - a PUT writes the object whole to a temporary file and renames it into place (one atomic
 *     step on a POSIX file system), writing its metadata files the same way, and answers after;
 *   - PUT, GET and DELETE of one key take turns (a queue per key), so a GET never pairs one
 *     version's bytes with another's metadata, and reads the object whole before its turn ends.
 *
 *   - a PUT with If-None-Match: * or If-Match: ETAG (S3's conditional writes, which the preview
 *     lease relies on) is checked within the key's turn and refused with 412 when the object is
 *     there, or is not that version; s3rver itself ignores both headers.
 *
 * Listings read each key's metadata without waiting its turn; with the metadata files replaced by
 * rename, a listing sees each file whole, as S3's listings do.
 */
import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import pLimit, { type LimitFunction } from 'p-limit';
import type S3rver from 's3rver';
import type { S3rverStore } from 's3rver';
import S3Error from 's3rver/lib/models/error.js';
import S3Object from 's3rver/lib/models/object.js';

/** The conditions of the request being answered (s3rver hands the store no request headers). */
const conditions = new AsyncLocalStorage<{ ifMatch?: string; ifNoneMatch?: string }>();

/** Makes `server` keep a PUT's If-Match and If-None-Match for the store to check. */
export function keepWriteConditions(server: S3rver): void {
  server.middleware.unshift((ctx, next) => {
    const header = (name: string) => {
      const value = ctx.headers[name];
      return typeof value === 'string' ? value.trim() : undefined;
    };
    if (ctx.method !== 'PUT') return next();
    return conditions.run(
      { ifMatch: header('if-match'), ifNoneMatch: header('if-none-match') },
      next,
    );
  });
}

/** Makes `store` (s3rver's file store) answer as S3 does: every object whole, old or new. */
export function makeObjectsAtomic(store: S3rverStore): void {
  const turns = keyTurns();
  const originalGet = store.getObject.bind(store);
  const originalDelete = store.deleteObject.bind(store);
  let temporaryCount = 0;

  /** Writes `path` whole or not at all: a reader of `path` sees the old file or the new one. */
  async function replaceFile(path: string, content: string | Buffer): Promise<void> {
    const temporary = `${path}.${process.pid}.${++temporaryCount}.partial`;
    await writeFile(temporary, content);
    await rename(temporary, path);
  }

  store.putMetadata = async (bucket, key, metadata, md5) => {
    // The fields s3rver keeps: the headers it allows and the user's x-amz-meta-* ones.
    const kept = Object.fromEntries(
      Object.entries(metadata).filter(
        ([name]) => S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-'),
      ),
    );
    if (md5 !== undefined) await replaceFile(store.getResourcePath(bucket, key, 'object.md5'), md5);
    await replaceFile(
      store.getResourcePath(bucket, key, 'metadata.json'),
      JSON.stringify(kept, null, 2),
    );
  };

  store.putObject = async (object) => {
    // The request's body is read before the key's turn, so a slow upload holds up no reader.
    const content =
      object.content === null || Buffer.isBuffer(object.content)
        ? (object.content ?? Buffer.alloc(0))
        : await buffer(object.content);
    const condition = conditions.getStore();
    return turns(object.bucket, object.key, async () => {
      const path = store.getResourcePath(object.bucket, object.key, 'object');
      if (condition?.ifMatch !== undefined || condition?.ifNoneMatch !== undefined) {
        let current: string | undefined;
        try {
          current = `"${await readFile(store.getResourcePath(object.bucket, object.key, 'object.md5'), 'utf8')}"`;
        } catch {
          current = undefined;
        }
        const refused =
          (condition.ifNoneMatch === '*' && current !== undefined) ||
          (condition.ifMatch !== undefined &&
            (current === undefined ||
              (condition.ifMatch !== '*' && condition.ifMatch !== current)));
        if (refused) {
          throw new S3Error(
            'PreconditionFailed',
            'At least one of the pre-conditions you specified did not hold',
            { Condition: condition.ifNoneMatch === undefined ? 'If-Match' : 'If-None-Match' },
          );
        }
      }
      await mkdir(dirname(path), { recursive: true });
      await replaceFile(path, content);
      const md5 = createHash('md5').update(content).digest('hex');
      await store.putMetadata(object.bucket, object.key, object.metadata, md5);
      return { size: content.length, md5 };
    });
  };

  store.getObject = (bucket, key, options) =>
    turns(bucket, key, async () => {
      const object = await originalGet(bucket, key, options);
      if (object?.content != null && !Buffer.isBuffer(object.content)) {
        // Read whole within this key's turn; the answer streams from memory.
        object.content = Readable.from([await buffer(object.content)]);
      }
      return object;
    });

  store.deleteObject = (bucket, key) => turns(bucket, key, () => originalDelete(bucket, key));
}

/** Runs work on one key one at a time, in the order asked; other keys are not held up. */
function keyTurns(): <T>(bucket: string, key: string, work: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, LimitFunction>();
  return async (bucket, key, work) => {
    const id = `${bucket}/${key}`;
    let queue = queues.get(id);
    if (queue === undefined) queues.set(id, (queue = pLimit(1)));
    try {
      return await queue(work);
    } finally {
      if (queue.activeCount === 0 && queue.pendingCount === 0) queues.delete(id);
    }
  };
}
