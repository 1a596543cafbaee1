/**
 * Previews in an S3 bucket (or any S3-compatible store), through the AWS SDK for JavaScript v3:
 *
 *   PREFIX/index.html, robots.txt   the host's own files
 *   PREFIX/pr-12/…                  the preview, as its build wrote it
 *   PREFIX/pr-12/_preview.json      its manifest, written after its pages
 *
 * A bucket has no rename, so a publish keeps readers safe by order instead: fingerprinted assets
 * first (new names, nothing live changes), then other assets, then pages, then the banner's build
 * script and the manifest, and only then are stale objects deleted. Every object is whole when it
 * appears (a PUT is atomic), a page never appears before its assets, and an old page keeps its
 * assets: the previous publish's fingerprinted files stay until the next one. Only files whose
 * content or headers changed are uploaded.
 *
 *   PREFIX/.leases/pr-12.json       the lease of a publish or remove under way
 *
 * The lease is an object created with a conditional write (If-None-Match: *, which S3 and the
 * S3-compatible stores honour since 2024), holding its expiry; the holder renews it with
 * If-Match on its own version, and a run that finds it expired takes it over the same way, so of
 * two runs only one ever holds it. Before deleting anything, a publish reads the live manifest
 * again and deletes nothing it names.
 *
 * The production site (`lasting-links publish --to s3://BUCKET[/PREFIX]`) is published the same
 * way at PREFIX/ itself, with PREFIX/_published.json as its manifest and PREFIX/.leases/production.json
 * as its lease. It shares the prefix with whatever else the bucket holds there, so a production
 * publish deletes only objects an earlier production publish wrote (its manifest names them).
 * The stubs of moved pages are uploaded with `x-amz-website-redirect-location`, so the website
 * endpoint answers their paths with a 301.
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
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import {
  describeTarget,
  hostKeyPrefix,
  previewKeyPrefix,
  pullRequestOfFolder,
  type S3Target,
} from '../lib/preview/options.ts';
import {
  parsePreviewManifest,
  parseSlotManifest,
  serializePreviewManifest,
  type PreviewManifest,
} from '../lib/preview/manifest.ts';
import { describeSlot, manifestFileOf, slotName, type Slot } from '../lib/preview/slot.ts';
import {
  keyWithin,
  type PublishPlan,
  type PublishState,
  type Upload,
} from '../lib/preview/publish-plan.ts';
import { PREVIEW_MANIFEST_FILE, PUBLISH_PHASES } from '../lib/preview/published-files.ts';
import type { Lease, LeaseAttempt, Log, PreviewHost, S3Options, StoredObject } from './host.ts';

/** Requests in flight at once: S3 serves many in parallel; a local store copes with this many. */
const CONCURRENCY = 8;
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

export class S3Host implements PreviewHost {
  readonly description: string;
  readonly #target: S3Target;
  readonly #client: S3Client;

  constructor(target: S3Target, client: S3Client) {
    this.#target = target;
    this.#client = client;
    this.description = describeTarget(target);
  }

  /** Every key of `slot` starts with this: `PREFIX/pr-N/`, or `PREFIX/` for production. */
  #prefix(slot: Slot): string {
    return slot.kind === 'preview'
      ? previewKeyPrefix(this.#target, slot.pr)
      : hostKeyPrefix(this.#target);
  }

  /** The live manifest of `slot`, or undefined when there is none. */
  async #manifest(slot: Slot): Promise<PublishState['previous']> {
    const key = this.#prefix(slot) + manifestFileOf(slot);
    const text = await this.#getText(key);
    return text === undefined ? undefined : parseSlotManifest(slot, text, this.#url(key));
  }

  async state(slot: Slot): Promise<PublishState> {
    const prefix = this.#prefix(slot);
    const previous = await this.#manifest(slot);
    let existing = (await this.#list(prefix)).map((key) => key.slice(prefix.length));
    if (slot.kind === 'production') {
      // The prefix is shared (leases, previews, anything else): only what a production publish
      // wrote is production's.
      const named = new Set([
        ...Object.keys(previous?.files ?? {}),
        ...(previous?.kept ?? []),
        manifestFileOf(slot),
      ]);
      existing = existing.filter((file) => named.has(file));
    }
    return { previous, existing: new Set(existing) };
  }

  async tryLease(slot: Slot, ttlMs: number): Promise<LeaseAttempt> {
    const key = `${hostKeyPrefix(this.#target)}.leases/${slotName(slot)}.json`;
    const owner = randomUUID();
    const body = () =>
      JSON.stringify({ owner, expiresAt: new Date(Date.now() + ttlMs).toISOString() });
    let etag = await this.#putIf(key, body(), { IfNoneMatch: '*' });
    if (etag === undefined) {
      const current = await this.#getWithTag(key);
      if (current === undefined) return { heldBy: 'its lease was being given back' };
      const expiresAt = leaseExpiry(current.text);
      if (expiresAt !== undefined && expiresAt > Date.now())
        return {
          heldBy: `its lease ${this.#url(key)} runs until ${new Date(expiresAt).toISOString()}`,
        };
      // Expired (its holder stopped renewing it): taken over only if nobody else did first.
      etag = await this.#putIf(key, body(), { IfMatch: current.etag });
      if (etag === undefined)
        return { heldBy: `another run took over the expired lease ${this.#url(key)}` };
    }
    let held = etag;
    let heldUntil = Date.now() + ttlMs;
    let lost: string | undefined;
    const renew = async () => {
      if (lost !== undefined) return;
      try {
        const next = await this.#putIf(key, body(), { IfMatch: held });
        if (next === undefined) lost = 'another run took it over';
        else {
          held = next;
          heldUntil = Date.now() + ttlMs;
        }
      } catch {
        // The store could not be reached this time; the next renewal tries again, and check()
        // stops the run if the lease expired meanwhile.
      }
    };
    let renewing = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renew();
    }, ttlMs / 3);
    timer.unref();
    const lease: Lease = {
      check: async () => {
        await renewing;
        if (lost === undefined && Date.now() > heldUntil) lost = 'it expired before it was renewed';
        if (lost === undefined) {
          const current = await this.#getWithTag(key);
          if (current?.etag !== held) lost = 'another run took it over';
        }
        if (lost !== undefined) {
          throw new Error(
            `the lease on ${describeSlot(slot)} at ${this.#url(this.#prefix(slot))} was lost (${lost}); stopped before changing anything more`,
          );
        }
      },
      release: async () => {
        clearInterval(timer);
        await renewing;
        if (lost !== undefined) return;
        const current = await this.#getWithTag(key);
        if (current?.etag !== held) return;
        try {
          await this.#client.send(
            new DeleteObjectCommand({ Bucket: this.#target.bucket, Key: key }),
          );
        } catch (error) {
          throw storeError(error, `giving back the lease ${this.#url(key)}`, this.#target);
        }
      },
    };
    return { lease };
  }

  async apply(
    slot: Slot,
    buildDir: string,
    plan: PublishPlan,
    log: Log,
    lease: Lease,
  ): Promise<void> {
    const prefix = this.#prefix(slot);
    const limit = pLimit(CONCURRENCY);
    for (const phase of PUBLISH_PHASES) {
      const uploads = plan.uploads.filter((upload) => upload.phase === phase);
      await limit.map(uploads, (upload) => this.#upload(prefix, buildDir, upload));
    }
    await lease.check();
    await this.#put(
      keyWithin(prefix, manifestFileOf(slot)),
      serializePreviewManifest(plan.manifest),
      'application/json',
      'no-cache',
    );
    // Nothing the live manifest names is deleted, even were it not the one just written.
    await lease.check();
    const live = await this.#manifest(slot);
    const named = new Set([...Object.keys(live?.files ?? {}), ...(live?.kept ?? [])]);
    const deletes = plan.deletes.filter((file) => !named.has(file));
    await this.#delete(deletes.map((file) => keyWithin(prefix, file)));
    log(
      `${this.#url(prefix)}: ${plan.uploads.length} objects uploaded, ${plan.unchanged.length} unchanged, ${plan.kept.length} previous assets kept, ${deletes.length} stale objects deleted`,
    );
  }

  async remove(pr: number, lease: Lease): Promise<number> {
    const prefix = previewKeyPrefix(this.#target, pr);
    const keys = await this.#list(prefix);
    await lease.check();
    const manifest = keyWithin(prefix, PREVIEW_MANIFEST_FILE);
    // The manifest first: from then on the preview is no longer listed as live.
    if (keys.includes(manifest)) await this.#delete([manifest]);
    await this.#delete(keys.filter((key) => key !== manifest));
    return keys.length;
  }

  async previews(): Promise<PreviewManifest[]> {
    const hostPrefix = hostKeyPrefix(this.#target);
    const folders: string[] = [];
    try {
      for await (const page of paginateListObjectsV2(
        { client: this.#client },
        { Bucket: this.#target.bucket, Prefix: hostPrefix, Delimiter: '/' },
      )) {
        for (const common of page.CommonPrefixes ?? [])
          folders.push((common.Prefix ?? '').slice(hostPrefix.length).replace(/\/$/, ''));
      }
    } catch (error) {
      throw storeError(error, `listing ${this.description}`, this.#target);
    }
    const manifests: PreviewManifest[] = [];
    for (const folder of folders) {
      const pr = pullRequestOfFolder(folder);
      if (pr === undefined) continue;
      const key = `${previewKeyPrefix(this.#target, pr)}${PREVIEW_MANIFEST_FILE}`;
      const text = await this.#getText(key);
      if (text === undefined) continue;
      try {
        manifests.push(parsePreviewManifest(text, this.#url(key)));
      } catch {
        // A manifest this command did not write: the folder is not listed as a preview.
      }
    }
    return manifests;
  }

  async writeHostFile(name: string, body: string, contentType: string): Promise<void> {
    await this.#put(hostKeyPrefix(this.#target) + name, body, contentType, 'no-cache');
  }

  async read(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#target.bucket,
          Key: hostKeyPrefix(this.#target) + key,
        }),
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
      throw storeError(error, `reading ${key}`, this.#target);
    }
  }

  #url(key: string): string {
    return `s3://${this.#target.bucket}/${key}`;
  }

  async #upload(prefix: string, buildDir: string, upload: Upload): Promise<void> {
    await this.#put(
      keyWithin(prefix, upload.file),
      await readFile(join(buildDir, upload.file)),
      upload.contentType,
      upload.cacheControl,
      upload.redirectLocation,
    );
  }

  async #put(
    key: string,
    body: string | Buffer,
    contentType: string,
    cacheControl: string,
    redirectLocation?: string,
  ): Promise<void> {
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#target.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          CacheControl: cacheControl,
          ...(redirectLocation === undefined ? {} : { WebsiteRedirectLocation: redirectLocation }),
        }),
      );
    } catch (error) {
      throw storeError(error, `uploading ${this.#url(key)}`, this.#target);
    }
  }

  /** Writes `key` only if the condition holds; its new ETag, or undefined when it did not hold. */
  async #putIf(
    key: string,
    body: string,
    condition: { IfNoneMatch: '*' } | { IfMatch: string },
  ): Promise<string | undefined> {
    try {
      const answer = await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#target.bucket,
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
      throw storeError(error, `writing the lease ${this.#url(key)}`, this.#target);
    }
  }

  /** An object's text and ETag, or undefined when there is none. */
  async #getWithTag(key: string): Promise<{ text: string; etag: string } | undefined> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#target.bucket, Key: key }),
      );
      return { text: await object.Body!.transformToString('utf8'), etag: object.ETag ?? '' };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw storeError(error, `reading ${this.#url(key)}`, this.#target);
    }
  }

  async #getText(key: string): Promise<string | undefined> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#target.bucket, Key: key }),
      );
      return await object.Body!.transformToString('utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw storeError(error, `reading ${this.#url(key)}`, this.#target);
    }
  }

  /** Every key under `prefix`, which always ends with `/`. */
  async #list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const page of paginateListObjectsV2(
        { client: this.#client },
        { Bucket: this.#target.bucket, Prefix: prefix },
      )) {
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      }
    } catch (error) {
      throw storeError(error, `listing ${this.#url(prefix)}`, this.#target);
    }
    return keys;
  }

  async #delete(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      let result;
      try {
        result = await this.#client.send(
          new DeleteObjectsCommand({
            Bucket: this.#target.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
      } catch (error) {
        throw storeError(error, `deleting ${batch.length} objects`, this.#target);
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

/** When a lease object's holder said it expires, or undefined for anything it did not write. */
function leaseExpiry(text: string): number | undefined {
  try {
    const time = Date.parse((JSON.parse(text) as { expiresAt?: unknown }).expiresAt as string);
    return Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined;
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
