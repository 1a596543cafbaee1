/**
 * A lease per slot (a preview, or the production site): one publish or remove at a time changes
 * it. Two runs of the same pull request at once (a re-run beside a new push, a close beside a
 * publish), or two deploys of production, would otherwise each delete, as stale, what the other
 * just wrote. The host keeps the lease (a
 * lock on `dir:`, a lock object written with S3's conditional writes on `s3://`); it expires when
 * its holder stops renewing it, so a run that crashed holds nothing for long. A run that finds
 * the lease held waits for it, up to a bound, then refuses with a message and a failing exit.
 */
import { UsageError } from '../lib/preview/options.ts';
import { describeSlot, type Slot } from '../lib/preview/slot.ts';
import type { Lease, Log, PreviewHost } from './host.ts';

/** How long a lease lasts unless renewed; the holder renews it every third of that. */
const LEASE_TTL_MS = 120_000;
/** How long a run waits for another's lease by default (`--wait SECONDS`). */
const DEFAULT_LEASE_WAIT_MS = 600_000;
/** How often a waiting run tries again. */
const RETRY_MS = 1_000;

/** What a run asks for: how long its lease lasts unrenewed, and how long it waits for one. */
export interface LeaseOptions {
  ttlMs?: number;
  waitMs?: number;
  log?: Log;
}

/** Takes the lease on `slot`, waiting up to `waitMs` for another run to give it back. */
export async function takeLease(
  host: PreviewHost,
  slot: Slot,
  options: LeaseOptions = {},
): Promise<Lease> {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const waitMs = options.waitMs ?? DEFAULT_LEASE_WAIT_MS;
  const started = Date.now();
  let told = false;
  for (;;) {
    const attempt = await host.tryLease(slot, ttlMs);
    if ('lease' in attempt) return attempt.lease;
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      throw new Error(
        `${describeSlot(slot)} on ${host.description} is being published or removed by another run (${attempt.heldBy})` +
          `${waitMs > 0 ? `; waited ${Math.round(waited / 1000)} s` : ''}: try again once it has finished, or wait longer with --wait SECONDS`,
      );
    }
    if (!told) {
      options.log?.(
        `another run holds ${describeSlot(slot)} (${attempt.heldBy}); waiting up to ${Math.round(waitMs / 1000)} s`,
      );
      told = true;
    }
    await new Promise((wait) => setTimeout(wait, Math.min(RETRY_MS, waitMs - waited)));
  }
}

/** Runs `work` holding the lease on `slot`, and gives it back however `work` ends. */
export async function withLease<T>(
  host: PreviewHost,
  slot: Slot,
  options: LeaseOptions,
  work: (lease: Lease) => Promise<T>,
): Promise<T> {
  const lease = await takeLease(host, slot, options);
  try {
    return await work(lease);
  } finally {
    await lease.release();
  }
}

/** The `--wait SECONDS` value in milliseconds (a whole number of seconds, 0 to refuse at once). */
export function parseLeaseWait(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value)) {
    throw new UsageError(
      `--wait ${JSON.stringify(value)} is not a number of seconds: e.g. --wait 600, or --wait 0 to refuse at once`,
    );
  }
  return Number(value) * 1000;
}
