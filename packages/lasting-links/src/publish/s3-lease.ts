/**
 * The lease of a publish or remove on an S3 host: an object created with a conditional write
 * (If-None-Match: *, which S3 and the S3-compatible stores honour since 2024) that holds its
 * expiry. The holder renews it with If-Match on its own version, and a run that finds it expired
 * takes it over the same way, so of two runs only one ever holds it.
 */
import { randomUUID } from 'node:crypto';
import type { Lease, LeaseAttempt } from './host.ts';
import type { S3Objects } from './s3-objects.ts';

/**
 * Takes the lease at `key`, renewed every third of `ttlMs` while held. `slotName` says in a
 * lost lease's message what it guarded (`pull request 12 at s3://…`).
 */
export async function takeS3Lease(
  objects: S3Objects,
  key: string,
  ttlMs: number,
  slotName: string,
): Promise<LeaseAttempt> {
  const owner = randomUUID();
  const what = `the lease ${objects.url(key)}`;
  const body = () =>
    JSON.stringify({ owner, expiresAt: new Date(Date.now() + ttlMs).toISOString() });
  let etag = await objects.putIf(key, body(), { IfNoneMatch: '*' }, what);
  if (etag === undefined) {
    const current = await objects.getWithTag(key);
    if (current === undefined) return { heldBy: 'its lease was being given back' };
    const expiresAt = leaseExpiry(current.text);
    if (expiresAt !== undefined && expiresAt > Date.now())
      return {
        heldBy: `its lease ${objects.url(key)} runs until ${new Date(expiresAt).toISOString()}`,
      };
    // Expired (its holder stopped renewing it): taken over only if nobody else did first.
    etag = await objects.putIf(key, body(), { IfMatch: current.etag }, what);
    if (etag === undefined)
      return { heldBy: `another run took over the expired lease ${objects.url(key)}` };
  }
  let held = etag;
  let heldUntil = Date.now() + ttlMs;
  let lost: string | undefined;
  const renew = async () => {
    if (lost !== undefined) return;
    try {
      const next = await objects.putIf(key, body(), { IfMatch: held }, what);
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
        const current = await objects.getWithTag(key);
        if (current?.etag !== held) lost = 'another run took it over';
      }
      if (lost !== undefined) {
        throw new Error(
          `the lease on ${slotName} was lost (${lost}); stopped before changing anything more`,
        );
      }
    },
    release: async () => {
      clearInterval(timer);
      await renewing;
      if (lost !== undefined) return;
      const current = await objects.getWithTag(key);
      if (current?.etag !== held) return;
      await objects.deleteOne(key, `giving back ${what}`);
    },
  };
  return { lease };
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
