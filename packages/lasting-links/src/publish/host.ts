/**
 * A host: where previews and the production site are published, each in a slot of its own (see
 * `src/lib/preview/slot.ts`). The two kinds (`dir:` and `s3://`) carry out the same plan (see
 * `src/lib/preview/publish-plan.ts`) each in its own way of staying atomic for readers;
 * everything else (what to upload, the host index, the checks) is shared.
 */
import type { PreviewManifest } from '../lib/preview/manifest.ts';
import type { PublishPlan, PublishState } from '../lib/preview/publish-plan.ts';
import type { Slot } from '../lib/preview/slot.ts';

/** A file as the host stores it, for serving it website-style. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
  cacheControl: string | undefined;
  /** Where a website endpoint redirects the object's path with a 301, if it does. */
  redirectLocation?: string;
}

/** Progress lines for the person running the command. */
export type Log = (line: string) => void;

/** What every kind of host does. */
export interface PreviewHost {
  /** `dir:/srv/previews` or `s3://bucket/prefix`, for messages. */
  readonly description: string;
  /** The live state of `slot` (its manifest) and the files the host holds for it. */
  state(slot: Slot): Promise<PublishState>;
  /** Takes the lease on `slot` for `ttlMs` (renewed while held), unless another run holds it. */
  tryLease(slot: Slot, ttlMs: number): Promise<LeaseAttempt>;
  /**
   * Carries out `plan` in `slot` with the files of `buildDir`, atomically for readers, holding
   * `lease`; never deletes a file the live manifest names, whoever wrote it.
   */
  apply(slot: Slot, buildDir: string, plan: PublishPlan, log: Log, lease: Lease): Promise<void>;
  /** Deletes the preview of `pr` and nothing else, holding `lease`; returns how many files it held. */
  remove(pr: number, lease: Lease): Promise<number>;
  /** The manifests of every live preview. */
  previews(): Promise<PreviewManifest[]>;
  /** Writes one of the host's own files (`index.html`, `robots.txt`) at its root. */
  writeHostFile(name: string, body: string, contentType: string): Promise<void>;
  /** A file by its path from the host's root, or undefined when there is none. */
  read(key: string): Promise<StoredObject | undefined>;
}

/** How to reach an S3-compatible store (the AWS SDK reads credentials and endpoint itself). */
export interface S3Options {
  forcePathStyle: boolean;
  region?: string;
}

/** The right to change one slot, held by one run. */
export interface Lease {
  /**
   * Throws when the lease is no longer held (it expired and another run took it): nothing more
   * may be written or deleted. Hosts call it before every step that cannot be undone.
   */
  check(): Promise<void>;
  /** Gives the lease back (and stops renewing it). */
  release(): Promise<void>;
}

/** A lease, or who holds it now when another run does. */
export type LeaseAttempt = { lease: Lease } | { heldBy: string };
