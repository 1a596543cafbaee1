import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseRetryAfter,
  retryDelay,
  shouldFallBackToGet,
  verdictFor,
  type AttemptResult,
} from '../../src/lib/links/external/retry-policy.ts';
import {
  emptyCache,
  freshEntry,
  parseCache,
  pruneCache,
} from '../../src/lib/links/external/verdict-cache.ts';

const NOW = Date.parse('2026-07-01T12:00:00Z');
const OPTIONS = { retries: 2, backoffMs: 100, maxRetryAfterMs: 10_000 };
const status = (code: number, retryAfter?: string): AttemptResult => ({
  kind: 'status',
  status: code,
  retryAfter,
  finalUrl: 'https://x.example/',
});

test('Retry-After as seconds or as an HTTP date; anything else is ignored', () => {
  assert.equal(parseRetryAfter('3', NOW), 3000);
  assert.equal(parseRetryAfter('Wed, 01 Jul 2026 12:00:05 GMT', NOW), 5000);
  assert.equal(parseRetryAfter('Wed, 01 Jul 2026 11:00:00 GMT', NOW), 0);
  assert.equal(parseRetryAfter('soon', NOW), undefined);
  assert.equal(parseRetryAfter(null, NOW), undefined);
});

test('retries: transient answers back off exponentially, Retry-After wins, permanent ones stop', () => {
  assert.equal(retryDelay(status(503), 0, OPTIONS, NOW), 100);
  assert.equal(retryDelay(status(503), 1, OPTIONS, NOW), 200);
  assert.equal(retryDelay(status(503), 2, OPTIONS, NOW), null, 'out of retries');
  assert.equal(retryDelay(status(429, '2'), 0, OPTIONS, NOW), 2000);
  assert.equal(retryDelay(status(429, '3600'), 0, OPTIONS, NOW), null, 'too long to wait');
  assert.equal(retryDelay({ kind: 'timeout' }, 0, OPTIONS, NOW), 100);
  assert.equal(retryDelay({ kind: 'network', reason: 'ECONNRESET' }, 1, OPTIONS, NOW), 200);
  assert.equal(retryDelay(status(404), 0, OPTIONS, NOW), null);
  assert.equal(retryDelay({ kind: 'redirect-loop', at: 'x' }, 0, OPTIONS, NOW), null);
});

test('HEAD failures are confirmed with GET, except transient ones', () => {
  assert.equal(shouldFallBackToGet(status(405)), true);
  assert.equal(shouldFallBackToGet(status(404)), true);
  assert.equal(shouldFallBackToGet(status(503)), false);
  assert.equal(shouldFallBackToGet(status(200)), false);
});

test('verdicts: 2xx fine, 401/403/429 doubtful, the rest broken', () => {
  assert.equal(verdictFor(status(204)).severity, 'ok');
  assert.equal(verdictFor(status(403)).severity, 'warning');
  assert.equal(verdictFor(status(429)).severity, 'warning');
  assert.equal(verdictFor(status(410)).severity, 'error');
  assert.equal(verdictFor(status(500)).reason, 'HTTP 500');
  assert.equal(verdictFor({ kind: 'too-many-redirects' }).severity, 'error');
});

test('the cache keeps successes until they expire, and survives a bad file', () => {
  assert.deepEqual(parseCache('not json'), emptyCache());
  assert.deepEqual(parseCache('{"version":2,"entries":{}}'), emptyCache());
  const cache = parseCache(
    JSON.stringify({
      version: 1,
      entries: {
        'https://a/': { status: 200, checkedAt: NOW - 1000 },
        'https://b/': { status: 'x' },
      },
    }),
  );
  assert.deepEqual(Object.keys(cache.entries), ['https://a/']);
  assert.equal(freshEntry(cache, 'https://a/', NOW, 5000)?.status, 200);
  assert.equal(freshEntry(cache, 'https://a/', NOW, 500), undefined, 'expired');
  assert.equal(freshEntry(cache, 'constructor', NOW, 5000), undefined, 'no prototype keys');
  assert.deepEqual(Object.keys(pruneCache(cache, NOW, 500).entries), []);
});
