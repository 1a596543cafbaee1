/**
 * The local S3 API keeps S3's promise that the preview tests rely on: while an object is being
 * replaced, over and over, every reader gets it whole, as the old or the new version with that
 * version's own headers; once a PUT has answered, readers get what it wrote; a deleted object is
 * gone, not half there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PutObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { BUCKET, startStore } from './support/local-store.ts';

/** Two versions of unequal length, so bytes of one under the other's length show. */
const VERSIONS = {
  a: { body: `<html>a${'x'.repeat(20_000)}</html>`, type: 'text/html; charset=utf-8' },
  b: { body: `<html>b${'y'.repeat(26_000)}</html>`, type: 'text/plain; charset=utf-8' },
} as const;
type Version = keyof typeof VERSIONS;

/** What one GET gave: a version, "gone", or a description of what was wrong (any other text). */
async function readOnce(url: string): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url);
    text = await response.text();
  } catch (error) {
    return `request failed: ${String(error)}`;
  }
  if (response.status === 404) return 'gone';
  if (response.status !== 200) return `status ${response.status}`;
  const version = (Object.keys(VERSIONS) as Version[]).find((name) => text === VERSIONS[name].body);
  if (version === undefined) return `a torn body of ${text.length} bytes: ${text.slice(0, 8)}…`;
  if (response.headers.get('content-type') !== VERSIONS[version].type)
    return `version ${version} with content type ${response.headers.get('content-type')}`;
  return version;
}

test('the local S3 API gives every reader a whole object while it is replaced and deleted', async (t) => {
  const store = await startStore(t);
  const key = 'hosted/pr-1/index.html';
  const url = `${store.endpoint}/${BUCKET}/${key}`;
  const put = (version: Version) =>
    store.client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: VERSIONS[version].body,
        ContentType: VERSIONS[version].type,
      }),
    );
  await put('a');

  const writes = { done: false };
  const readsAfterWrite: string[] = [];
  const writer = (async () => {
    try {
      for (let round = 0; round < 120; round++) {
        const version: Version = round % 2 === 0 ? 'b' : 'a';
        await put(version);
        const seen = await readOnce(url);
        if (seen !== version) readsAfterWrite.push(`after PUT of ${version}, read ${seen}`);
      }
      await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      const seen = await readOnce(url);
      if (seen !== 'gone') readsAfterWrite.push(`after DELETE, read ${seen}`);
    } finally {
      writes.done = true;
    }
  })();
  const seen = new Map<string, number>();
  await Promise.all(
    [1, 2, 3].map(async () => {
      while (!writes.done) {
        const result = await readOnce(url);
        seen.set(result, (seen.get(result) ?? 0) + 1);
      }
    }),
  );
  await writer;

  const wrong = [...seen.keys()].filter((result) => !['a', 'b', 'gone'].includes(result));
  assert.deepEqual(
    wrong,
    [],
    `every read is a whole version (reads: ${JSON.stringify([...seen])})`,
  );
  assert.deepEqual(readsAfterWrite, [], 'a read after a PUT or DELETE answered sees it');
  assert.ok(
    (seen.get('a') ?? 0) > 20 && (seen.get('b') ?? 0) > 20,
    `readers saw both versions many times while they changed: ${JSON.stringify([...seen])}`,
  );
});
