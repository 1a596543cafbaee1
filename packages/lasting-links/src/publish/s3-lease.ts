/**
 * The lease of a publish or remove on an S3 host: an object created with a conditional write
 * (If-None-Match: *, which S3 and the S3-compatible stores honour since 2024) that holds its
 * expiry. The holder renews it with If-Match on its own version, and a run that finds it expired
 * takes it over the same way, so of two runs only one ever holds it.
 */
import { randomUUID } from 'node:crypto';
import type { LeaseAttempt } from './host.ts';
import { holdLease } from './held-lease.ts';
import type { S3Objects } from './s3-objects.ts';

/**
 * Takes the lease at `key`, renewed every third of `ttlMs` while held. `guarded` says in a
 * lost lease's message what it guarded (`the preview of pull request #12 at s3://…`).
 */
export async function takeS3Lease(
  objects: S3Objects,
  key: string,
  ttlMs: number,
  guarded: string,
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
  const lease = holdLease(
    {
      renew: async () => {
        const next = await objects.putIf(key, body(), { IfMatch: held }, what);
        if (next === undefined) return 'another run took it over';
        held = next;
        return undefined;
      },
      isStillOurs: async () => (await objects.getWithTag(key))?.etag === held,
      giveBack: async () => {
        if ((await objects.getWithTag(key))?.etag === held)
          await objects.deleteOne(key, `giving back ${what}`);
      },
    },
    ttlMs,
    guarded,
  );
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
