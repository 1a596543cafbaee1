/**
 * A held lease (publish/held-lease.ts), with a store the test controls: it is renewed while held,
 * a run that lost it (taken over, or expired while the store could not be reached) stops at its
 * next check with the reason, and it is given back once, only while still held.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { holdLease, type LeaseStore } from '../../src/publish/held-lease.ts';

/** Waits until `done()` holds (timers run late on a loaded machine), at most 5 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!done()) {
    assert.ok(Date.now() - start < 5000, `still waiting for ${what}`);
    await sleep(5);
  }
}

/** A store whose answers the test sets, counting what the lease asks of it. */
function fakeStore() {
  const store = {
    renewals: 0,
    givenBack: 0,
    ours: true,
    renewAnswer: undefined as string | undefined,
    unreachable: false,
  };
  const calls: LeaseStore = {
    renew: () => {
      store.renewals += 1;
      return store.unreachable
        ? Promise.reject(new Error('ECONNREFUSED'))
        : Promise.resolve(store.renewAnswer);
    },
    isStillOurs: () => Promise.resolve(store.ours),
    giveBack: () => {
      store.givenBack += 1;
      return Promise.resolve();
    },
  };
  return { store, calls };
}

test('a held lease is renewed, passes its checks, and is given back once; renewals stop then', async () => {
  const { store, calls } = fakeStore();
  const lease = holdLease(calls, 60, 'the preview of pull request #1');
  await until(() => store.renewals >= 2, 'two renewals');
  await lease.check();
  await lease.release();
  assert.equal(store.givenBack, 1);
  const after = store.renewals;
  await sleep(60);
  assert.equal(store.renewals, after, 'no renewal after it was given back');
});

test('a lease another run took over stops the run at its next check, and is not given back', async () => {
  const { store, calls } = fakeStore();
  const lease = holdLease(calls, 600, 'the preview of pull request #2 at s3://b/pr-2/');
  await lease.check();
  store.ours = false;
  await assert.rejects(
    lease.check(),
    /^Error: the lease on the preview of pull request #2 at s3:\/\/b\/pr-2\/ was lost \(another run took it over\); stopped before changing anything more$/,
  );
  await lease.release();
  assert.equal(store.givenBack, 0, 'what another run holds is left alone');
});

test('a renewal refused by the store loses the lease with the store’s reason', async () => {
  const { store, calls } = fakeStore();
  const lease = holdLease(calls, 30, 'production');
  store.renewAnswer = 'another run took it over';
  await until(() => store.renewals >= 1, 'a renewal');
  await assert.rejects(lease.check(), /was lost \(another run took it over\)/);
  await lease.release();
});

test('a lease that expires while the store cannot be reached stops the run', async () => {
  const { store, calls } = fakeStore();
  store.unreachable = true;
  const taken = Date.now();
  const lease = holdLease(calls, 30, 'production');
  await until(
    () => store.renewals >= 1 && Date.now() > taken + 40,
    'a failed renewal, then expiry',
  );
  await assert.rejects(lease.check(), /was lost \(it expired before it was renewed\)/);
  await lease.release();
  assert.equal(store.givenBack, 0);
});
