/**
 * The external link checker against a local server on 127.0.0.1 that misbehaves in every way
 * the internet does. Every request is bounded by short timeouts, so nothing here can hang.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkUrl, type CheckUrlOptions } from '../../src/lib/links/external/check-url.ts';
import { checkExternalUses } from '../../src/lib/links/external/check-external.ts';
import { hostLimiter } from '../../src/lib/links/external/host-limiter.ts';
import type { ExternalUse } from '../../src/lib/links/check-links.ts';
import { sitePath } from '../../src/lib/site-path.ts';

let server: Server;
let origin = '';
const hits = new Map<string, number>();
const methods: string[] = [];

before(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    methods.push(`${request.method} ${path}`);
    const redirect = (to: string, status = 301) =>
      response.writeHead(status, { location: to }).end();
    switch (path) {
      case '/ok':
        return response.writeHead(200).end('fine');
      case '/missing':
        return response.writeHead(404).end();
      case '/chain/1':
        return redirect('/chain/2');
      case '/chain/2':
        return redirect(`${origin}/chain/3`);
      case '/chain/3':
        return response.writeHead(200).end();
      case '/loop/a':
        return redirect('/loop/b', 302);
      case '/loop/b':
        return redirect('/loop/a', 302);
      case '/limited':
        return count === 1
          ? response.writeHead(429, { 'retry-after': '1' }).end()
          : response.writeHead(200).end();
      case '/limited-long':
        return response.writeHead(429, { 'retry-after': '3600' }).end();
      case '/flaky':
        return count === 1 ? response.writeHead(503).end() : response.writeHead(200).end();
      case '/down':
        return response.writeHead(503).end();
      case '/no-head':
        return request.method === 'HEAD'
          ? response.writeHead(405).end()
          : response.writeHead(200).end('body');
      case '/stall':
        return; // never answers
      case '/stall-body':
        response.writeHead(200, { 'content-length': '1000' }).flushHeaders();
        return response.write('partial'); // headers, then nothing
      case '/reset':
        return request.socket.destroy();
      default:
        return response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const options = (): CheckUrlOptions => ({
  timeoutMs: 400,
  maxRedirects: 10,
  retry: { retries: 2, backoffMs: 20, maxRetryAfterMs: 2000 },
  limiter: hostLimiter({ concurrency: 4, intervalMs: 0 }),
  userAgent: 'test',
});

test('200 is fine, 404 is an error', async () => {
  assert.deepEqual(await checkUrl(`${origin}/ok`, options()), {
    severity: 'ok',
    reason: 'HTTP 200',
    status: 200,
    finalUrl: `${origin}/ok`,
  });
  assert.equal((await checkUrl(`${origin}/missing`, options())).reason, 'HTTP 404');
  assert.equal((await checkUrl(`${origin}/missing`, options())).severity, 'error');
});

test('a 301 chain is followed to its end', async () => {
  const verdict = await checkUrl(`${origin}/chain/1`, options());
  assert.equal(verdict.severity, 'ok');
  assert.equal(verdict.finalUrl, `${origin}/chain/3`);
});

test('a redirect loop is an error, found without retrying forever', async () => {
  const verdict = await checkUrl(`${origin}/loop/a`, options());
  assert.equal(verdict.severity, 'error');
  assert.match(verdict.reason, /redirect loop/);
});

test('429 with Retry-After waits that long and then succeeds', async () => {
  const started = Date.now();
  const verdict = await checkUrl(`${origin}/limited`, options());
  assert.equal(verdict.severity, 'ok');
  assert.ok(Date.now() - started >= 950, 'waited for Retry-After: 1');
});

test('429 asking for longer than we wait is reported as rate limited, not broken', async () => {
  const started = Date.now();
  const verdict = await checkUrl(`${origin}/limited-long`, options());
  assert.equal(verdict.severity, 'warning');
  assert.match(verdict.reason, /429/);
  assert.ok(Date.now() - started < 2500, 'did not wait an hour');
});

test('5xx is retried with backoff; a server that stays down is an error', async () => {
  assert.equal((await checkUrl(`${origin}/flaky`, options())).severity, 'ok');
  hits.delete('/down');
  const verdict = await checkUrl(`${origin}/down`, options());
  assert.equal(verdict.reason, 'HTTP 503');
  assert.equal(hits.get('/down'), 3, 'first attempt and two retries');
});

test('HEAD refused falls back to GET', async () => {
  methods.length = 0;
  assert.equal((await checkUrl(`${origin}/no-head`, options())).severity, 'ok');
  assert.deepEqual(methods, ['HEAD /no-head', 'GET /no-head']);
});

test('a stalled response times out, and a stalled body does not hang', async () => {
  const started = Date.now();
  const [stalled, stalledBody] = await Promise.all([
    checkUrl(`${origin}/stall`, options()),
    checkUrl(`${origin}/stall-body`, options()),
  ]);
  assert.deepEqual([stalled.severity, stalled.reason], ['error', 'timed out']);
  assert.deepEqual([stalledBody.severity, stalledBody.reason], ['ok', 'HTTP 200']);
  assert.ok(Date.now() - started < 5000);
});

test('a reset connection is an error naming the failure', async () => {
  const verdict = await checkUrl(`${origin}/reset`, options());
  assert.equal(verdict.severity, 'error');
  assert.match(verdict.reason, /connection failed/);
});

test('the per-host limiter caps concurrency per host and spaces request starts', async () => {
  // A virtual clock: sleeping moves time forward at once, so the test is exact and instant.
  let clock = 0;
  const sleeps: number[] = [];
  const limit = hostLimiter(
    { concurrency: 1, intervalMs: 60 },
    () => clock,
    (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  );
  const starts: string[] = [];
  const active: Record<string, number> = { a: 0, b: 0 };
  let overlapped = false;
  const task = (host: 'a' | 'b') => async () => {
    starts.push(`${host}@${clock}`);
    active[host]! += 1;
    if (active[host]! > 1) overlapped = true;
    await new Promise((resolve) => setImmediate(resolve));
    active[host]! -= 1;
  };
  await Promise.all([
    limit('a', task('a')),
    limit('a', task('a')),
    limit('a', task('a')),
    limit('b', task('b')),
  ]);
  assert.equal(overlapped, false, 'one request at a time per host');
  assert.deepEqual(
    starts.filter((start) => start.startsWith('a')).map((start) => Number(start.slice(2))),
    [0, 60, 120],
  );
  assert.ok(starts.includes('b@0'), `host b starts at once: ${starts.join(', ')}`);
});

test('checkExternalUses reports each use of a failing URL and caches successes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'external-cache-'));
  const cacheFile = join(dir, 'cache.json');
  const source = { file: 'a/index.html', path: sitePath('/a/'), links: [] };
  const use = (url: string, line: number): ExternalUse => ({
    url,
    uses: [{ source, link: { url, tag: 'a', attribute: 'href', line, column: 3 } }],
  });
  const uses = [use(`${origin}/ok`, 1), use(`${origin}/missing`, 2)];
  try {
    hits.delete('/ok');
    const settings = {
      cacheFile,
      timeoutMs: 400,
      perHostIntervalMs: 0,
      retry: { retries: 0, backoffMs: 10, maxRetryAfterMs: 100 },
    };
    const first = await checkExternalUses(uses, settings);
    assert.deepEqual(
      first.map((problem) => `${problem.severity} ${problem.output?.line} ${problem.message}`),
      [`error 2 ${origin}/missing: HTTP 404`],
    );
    assert.ok(
      (JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, unknown> }).entries[
        `${origin}/ok`
      ],
    );
    const second = await checkExternalUses(uses, settings);
    assert.equal(second.length, 1, 'failures are asked again');
    assert.equal(hits.get('/ok'), 1, 'a cached success is not asked again');
    await checkExternalUses(uses, { ...settings, cacheTtlMs: 0 });
    assert.equal(hits.get('/ok'), 2, 'an expired entry is asked again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
