import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import {
  livePageScript,
  stubScript,
  scriptCodeBytes,
  LIVE_PAGE_SCRIPT,
} from '../../src/lib/redirects/anchor-script.ts';
import type { RedirectTarget } from '../../src/lib/redirects/locations.ts';
import type { Route } from '../../src/lib/redirects/follow.ts';
import { parseBase, type SitePath } from '../../src/lib/site-path.ts';

const site = (path: string, fragment: string | null = null): RedirectTarget => ({
  kind: 'site',
  path: path as SitePath,
  fragment,
});
/** A route as the plan holds it; the entry only matters for messages. */
const route = (target: RedirectTarget): Route => ({
  target,
  entry: { from: { path: '/x/' as SitePath, fragment: null }, to: target, line: 1, index: 0 },
});
const ROOT = parseBase('/');
const PREVIEW = parseBase('/pr-123/');
const HA = '/ha/' as SitePath;

/** Runs a generated `<script>` against a fake browser and records what it did. */
function run(scriptElement: string, hash: string) {
  const code = scriptElement.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
  const calls: string[] = [];
  const listeners: Record<string, () => void> = {};
  const location = { hash, replace: (url: string) => calls.push(`replace ${url}`) };
  const element = { scrollIntoView: () => calls.push('scroll') };
  const context = {
    location,
    Map,
    decodeURIComponent,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) =>
        calls.push(`replaceState ${url}`),
    },
    document: {
      readyState: 'complete',
      getElementById: (id: string) => (calls.push(`get ${id}`), element),
      write: () => calls.push('WRITE'),
    },
    addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
    alert: () => calls.push('ALERT'),
  };
  runInNewContext(code, context);
  return {
    calls,
    changeHash(next: string) {
      location.hash = next;
      listeners.hashchange?.();
      return calls;
    },
  };
}

const table = new Map<string, Route>([
  ['old-name', route(site('/ha/', 'new-name'))],
  ['upgrade-guide', route(site('/ha/upgrade/', 'upgrade-guide'))],
  ['café', route(site('/ha/', 'cafe'))],
]);

test('a live page maps a known old fragment to another page with location.replace', () => {
  assert.deepEqual(run(livePageScript(table, HA, PREVIEW), '#upgrade-guide').calls, [
    'replace /pr-123/ha/upgrade/#upgrade-guide',
  ]);
});

test('a same-page rename replaces the URL without reloading and scrolls to the new heading', () => {
  assert.deepEqual(run(livePageScript(table, HA, ROOT), '#old-name').calls, [
    'replaceState #new-name',
    'get new-name',
    'scroll',
  ]);
  assert.deepEqual(run(livePageScript(table, HA, ROOT), '#caf%C3%A9').calls, [
    'replaceState #cafe',
    'get cafe',
    'scroll',
  ]);
});

test('it also answers hashchange, after load', () => {
  const page = run(livePageScript(table, HA, ROOT), '');
  assert.deepEqual(page.calls, []);
  assert.deepEqual(page.changeHash('#upgrade-guide'), ['replace /ha/upgrade/#upgrade-guide']);
});

test('unknown and hostile fragments do nothing on a live page', () => {
  for (const hash of [
    '',
    '#',
    '#intro',
    '#constructor',
    '#__proto__',
    '#toString',
    '#hasOwnProperty',
    '#javascript:alert(1)',
    '#//example.org',
    '#%E0%A4%A',
    `#${'a'.repeat(100_000)}`,
    '#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  ]) {
    assert.deepEqual(run(livePageScript(table, HA, ROOT), hash).calls, [], hash.slice(0, 40));
  }
});

test('a stub sends known fragments to their target and anything else to the default, keeping the hash', () => {
  const stub = stubScript(
    new Map([['upgrade-guide', route(site('/ha/upgrade/', 'upgrade-guide'))]]),
    site('/ha/'),
    PREVIEW,
  );
  assert.deepEqual(run(stub, '#upgrade-guide').calls, [
    'replace /pr-123/ha/upgrade/#upgrade-guide',
  ]);
  assert.deepEqual(run(stub, '').calls, ['replace /pr-123/ha/']);
  assert.deepEqual(run(stub, '#other').calls, ['replace /pr-123/ha/#other']);
  assert.deepEqual(run(stub, '#__proto__').calls, ['replace /pr-123/ha/#__proto__']);
  assert.deepEqual(
    run(stub, '#//example.org').calls,
    ['replace /pr-123/ha/#//example.org'],
    'the hash stays a fragment on this origin',
  );
  assert.deepEqual(run(stub, '#%E0%A4%A').calls, ['replace /pr-123/ha/#%E0%A4%A']);
});

test('a stub whose default names a fragment goes there, as a 301 would', () => {
  const stub = stubScript(new Map(), site('/ha/', 'overview'), ROOT);
  assert.deepEqual(run(stub, '#anything').calls, ['replace /ha/#overview']);
});

test('the live-page script stays small', () => {
  const bytes = scriptCodeBytes(LIVE_PAGE_SCRIPT);
  assert.ok(bytes < 500, `${bytes} bytes`);
});
