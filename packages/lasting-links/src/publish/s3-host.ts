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
 *   PREFIX/.leases/pr-12.json       the lease of a publish or remove under way (s3-lease.ts)
 *
 * Before deleting anything, a publish reads the live manifest again and deletes nothing it names.
 *
 * The production site (`lasting-links publish --to s3://BUCKET[/PREFIX]`) is published the same
 * way at PREFIX/ itself, with PREFIX/_published.json as its manifest and PREFIX/.leases/production.json
 * as its lease. It shares the prefix with whatever else the bucket holds there, so a production
 * publish deletes only objects an earlier production publish wrote (its manifest names them).
 * The stubs of moved pages are uploaded with `x-amz-website-redirect-location`, so the website
 * endpoint answers their paths with a 301.
 */
import type { S3Client } from '@aws-sdk/client-s3';
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
import { keyWithin, type PublishPlan, type PublishState } from '../lib/preview/publish-plan.ts';
import { PREVIEW_MANIFEST_FILE, PUBLISH_PHASES } from '../lib/preview/published-files.ts';
import type { Lease, LeaseAttempt, Log, PreviewHost, StoredObject } from './host.ts';
import { S3Objects } from './s3-objects.ts';
import { takeS3Lease } from './s3-lease.ts';

export { s3Client } from './s3-objects.ts';

/** Requests in flight at once: S3 serves many in parallel; a local store copes with this many. */
const CONCURRENCY = 8;

export class S3Host implements PreviewHost {
  readonly description: string;
  readonly #target: S3Target;
  readonly #objects: S3Objects;

  constructor(target: S3Target, client: S3Client) {
    this.#target = target;
    this.#objects = new S3Objects(target, client);
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
    const text = await this.#objects.getText(key);
    return text === undefined ? undefined : parseSlotManifest(slot, text, this.#objects.url(key));
  }

  async state(slot: Slot): Promise<PublishState> {
    const prefix = this.#prefix(slot);
    const previous = await this.#manifest(slot);
    let existing = (await this.#objects.list(prefix)).map((key) => key.slice(prefix.length));
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

  tryLease(slot: Slot, ttlMs: number): Promise<LeaseAttempt> {
    return takeS3Lease(
      this.#objects,
      `${hostKeyPrefix(this.#target)}.leases/${slotName(slot)}.json`,
      ttlMs,
      `${describeSlot(slot)} at ${this.#objects.url(this.#prefix(slot))}`,
    );
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
      await limit.map(uploads, async (upload) =>
        this.#objects.put(
          keyWithin(prefix, upload.file),
          await readFile(join(buildDir, upload.file)),
          upload,
        ),
      );
    }
    await lease.check();
    await this.#objects.put(
      keyWithin(prefix, manifestFileOf(slot)),
      serializePreviewManifest(plan.manifest),
      { contentType: 'application/json', cacheControl: 'no-cache' },
    );
    // Nothing the live manifest names is deleted, even were it not the one just written.
    await lease.check();
    const live = await this.#manifest(slot);
    const named = new Set([...Object.keys(live?.files ?? {}), ...(live?.kept ?? [])]);
    const deletes = plan.deletes.filter((file) => !named.has(file));
    await this.#objects.delete(deletes.map((file) => keyWithin(prefix, file)));
    log(
      `${this.#objects.url(prefix)}: ${plan.uploads.length} objects uploaded, ${plan.unchanged.length} unchanged, ${plan.kept.length} previous assets kept, ${deletes.length} stale objects deleted`,
    );
  }

  async remove(pr: number, lease: Lease): Promise<number> {
    const prefix = previewKeyPrefix(this.#target, pr);
    const keys = await this.#objects.list(prefix);
    await lease.check();
    const manifest = keyWithin(prefix, PREVIEW_MANIFEST_FILE);
    // The manifest first: from then on the preview is no longer listed as live.
    if (keys.includes(manifest)) await this.#objects.delete([manifest]);
    await this.#objects.delete(keys.filter((key) => key !== manifest));
    return keys.length;
  }

  async previews(): Promise<PreviewManifest[]> {
    const folders = await this.#objects.folders(hostKeyPrefix(this.#target), this.description);
    const manifests: PreviewManifest[] = [];
    for (const folder of folders) {
      const pr = pullRequestOfFolder(folder);
      if (pr === undefined) continue;
      const key = `${previewKeyPrefix(this.#target, pr)}${PREVIEW_MANIFEST_FILE}`;
      const text = await this.#objects.getText(key);
      if (text === undefined) continue;
      try {
        manifests.push(parsePreviewManifest(text, this.#objects.url(key)));
      } catch {
        // A manifest this command did not write: the folder is not listed as a preview.
      }
    }
    return manifests;
  }

  async writeHostFile(name: string, body: string, contentType: string): Promise<void> {
    await this.#objects.put(hostKeyPrefix(this.#target) + name, body, {
      contentType,
      cacheControl: 'no-cache',
    });
  }

  read(key: string): Promise<StoredObject | undefined> {
    return this.#objects.read(hostKeyPrefix(this.#target) + key);
  }
}
