/**
 * A lease a host has taken, kept while the run needs it: renewed every third of its time to
 * live, checked before every step that cannot be undone, given back once at the end. How the
 * lease is stored (a file under a lock, an object written with a condition) is the host's part.
 */
import type { Lease } from './host.ts';

/** What a host does to its stored lease. */
export interface LeaseStore {
  /** Writes the lease again for another time to live; why it is lost when another run took it. */
  renew(): Promise<string | undefined>;
  /** Whether the stored lease is still this run's. */
  isStillOurs(): Promise<boolean>;
  /** Removes the stored lease if it is still this run's. */
  giveBack(): Promise<void>;
}

/**
 * The lease just taken in `store`, held for `ttlMs` from now; `guarded` names in a lost lease's
 * message what it guarded (`the preview of pull request #12 at s3://…`).
 */
export function holdLease(store: LeaseStore, ttlMs: number, guarded: string): Lease {
  let heldUntil = Date.now() + ttlMs;
  let lost: string | undefined;
  const renew = async () => {
    if (lost !== undefined) return;
    try {
      lost = await store.renew();
      if (lost === undefined) heldUntil = Date.now() + ttlMs;
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
  return {
    check: async () => {
      await renewing;
      if (lost === undefined && Date.now() > heldUntil) lost = 'it expired before it was renewed';
      if (lost === undefined && !(await store.isStillOurs())) lost = 'another run took it over';
      if (lost !== undefined) {
        throw new Error(
          `the lease on ${guarded} was lost (${lost}); stopped before changing anything more`,
        );
      }
    },
    release: async () => {
      clearInterval(timer);
      await renewing;
      if (lost === undefined) await store.giveBack();
    },
  };
}
