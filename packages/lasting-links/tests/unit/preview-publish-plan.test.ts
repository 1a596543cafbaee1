import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyWithin, planPublish, type BuildFile } from '../../src/lib/preview/publish-plan.ts';
import { isSafeRelativeFile } from '../../src/lib/preview/relative-file.ts';
import {
  cacheControlOf,
  contentTypeOf,
  isFingerprinted,
  isPublished,
} from '../../src/lib/preview/published-files.ts';

const identity = { pr: 7, sha: 'abcdef1', builtAt: '2025-01-31T12:00:00Z' };
const NOW = '2025-01-31T12:05:00Z';

const build = (overrides: Record<string, string> = {}): BuildFile[] =>
  Object.entries({
    '_astro/docs.AbC123xy.css': 'css1',
    'pagefind/fragment/en_3876fb7.pf_fragment': 'frag',
    'pagefind/pagefind.js': 'pf',
    'images/diagram.svg': 'svg',
    '404.html': '404',
    'index.html': 'home',
    'a/index.html': 'a1',
    'b/index.html': 'b1',
    '_preview.js': 'build-script',
    '_build.json': 'manifest',
    '_nginx-redirects.conf': 'server rules',
    ...overrides,
  }).map(([file, sha256]) => ({ file, sha256 }));

const first = () =>
  planPublish(build(), identity, { previous: undefined, existing: new Set() }, NOW);

test('a first publish uploads everything but server configuration, assets before pages', () => {
  const plan = first();
  const files = plan.uploads.map((upload) => upload.file);
  assert.equal(files.includes('_nginx-redirects.conf'), false);
  assert.deepEqual(files, [
    '_astro/docs.AbC123xy.css',
    'pagefind/fragment/en_3876fb7.pf_fragment',
    '_build.json',
    'images/diagram.svg',
    'pagefind/pagefind.js',
    '404.html',
    'a/index.html',
    'b/index.html',
    'index.html',
    '_preview.js',
  ]);
  assert.deepEqual(plan.deletes, []);
  assert.deepEqual(plan.unchanged, []);
  assert.equal(plan.manifest.publishedAt, NOW);
  assert.equal(Object.keys(plan.manifest.files).length, 10);
});

/** The state of a host after `plan` went through. */
const after = (plan: ReturnType<typeof planPublish>) => ({
  previous: plan.manifest,
  existing: new Set([...Object.keys(plan.manifest.files), ...plan.manifest.kept, '_preview.json']),
});

test('a republish where one page changed uploads that page and the build script only', () => {
  const again = planPublish(
    build({ 'a/index.html': 'a2', '_preview.js': 'build-script-2' }),
    { ...identity, sha: 'abcdef2' },
    after(first()),
    NOW,
  );
  assert.deepEqual(
    again.uploads.map((upload) => upload.file),
    ['a/index.html', '_preview.js'],
  );
  assert.equal(again.unchanged.length, 8);
  assert.deepEqual(again.deletes, []);
});

test('a file whose headers would change is uploaded again even with the same content', () => {
  const state = after(first());
  const previous = state.previous;
  const files = { ...previous.files };
  files['index.html'] = files['index.html']!.replace('no-cache', 'max-age=60');
  const again = planPublish(build(), identity, { ...state, previous: { ...previous, files } }, NOW);
  assert.deepEqual(
    again.uploads.map((upload) => upload.file),
    ['index.html'],
  );
});

test('a file the manifest lists but the host lost is uploaded again', () => {
  const state = after(first());
  state.existing.delete('b/index.html');
  const again = planPublish(build(), identity, state, NOW);
  assert.deepEqual(
    again.uploads.map((upload) => upload.file),
    ['b/index.html'],
  );
});

test('old fingerprinted assets stay one publish for readers of old pages, then go', () => {
  const oneFile = (files: BuildFile[]) =>
    files.filter((f) => f.file !== '_astro/docs.AbC123xy.css');
  const second = planPublish(
    oneFile(build({ '_astro/docs.NeW45678.css': 'css2', 'b/index.html': 'b2' })).filter(
      (f) => f.file !== 'a/index.html',
    ),
    identity,
    after(first()),
    NOW,
  );
  assert.deepEqual(second.kept, ['_astro/docs.AbC123xy.css']);
  // A removed page is stale at once: nothing refers to it any more.
  assert.deepEqual(second.deletes, ['a/index.html']);
  assert.deepEqual(
    second.uploads.map((upload) => upload.file),
    ['_astro/docs.NeW45678.css', 'b/index.html'],
  );

  const third = planPublish(
    oneFile(build({ '_astro/docs.NeW45678.css': 'css2', 'b/index.html': 'b2' })).filter(
      (f) => f.file !== 'a/index.html',
    ),
    identity,
    after(second),
    NOW,
  );
  assert.deepEqual(third.kept, []);
  assert.deepEqual(third.deletes, ['_astro/docs.AbC123xy.css']);
  assert.deepEqual(third.uploads, []);
});

test('objects on the host that no build listed are deleted last, the manifest never', () => {
  const state = after(first());
  state.existing.add('leftover/from-an-old-layout.html');
  const again = planPublish(build(), identity, state, NOW);
  assert.deepEqual(again.deletes, ['leftover/from-an-old-layout.html']);
});

test('a stub object carries its redirect, and a changed redirect is uploaded again', () => {
  const redirects = new Map([['old/index.html', '/a/']]);
  const files = build({ 'old/index.html': 'stub' });
  const plan = planPublish(
    files,
    { sha: 'abcdef1' },
    { previous: undefined, existing: new Set() },
    NOW,
    redirects,
  );
  const stub = plan.uploads.find((upload) => upload.file === 'old/index.html');
  assert.equal(stub?.redirectLocation, '/a/');
  assert.equal(
    plan.uploads.find((upload) => upload.file === 'a/index.html')?.redirectLocation,
    undefined,
  );
  const again = planPublish(files, { sha: 'abcdef1' }, after(plan), NOW, redirects);
  assert.deepEqual(again.uploads, []);
  const moved = planPublish(
    files,
    { sha: 'abcdef1' },
    after(plan),
    NOW,
    new Map([['old/index.html', '/b/']]),
  );
  assert.deepEqual(
    moved.uploads.map((upload) => upload.file),
    ['old/index.html'],
  );
});

test('keys are only ever made inside the preview prefix', () => {
  assert.equal(keyWithin('previews/pr-1/', 'a/index.html'), 'previews/pr-1/a/index.html');
  // The production site at a bucket's root.
  assert.equal(keyWithin('', 'a/index.html'), 'a/index.html');
  assert.throws(() => keyWithin('', '../a'), /refusing the key/);
  for (const bad of ['../pr-2/index.html', '/etc/passwd', 'a/../../x', 'a//b', '', 'a\\b', './a']) {
    assert.throws(() => keyWithin('previews/pr-1/', bad), /refusing the key/, bad);
    assert.equal(isSafeRelativeFile(bad), false, bad);
  }
  assert.throws(() => keyWithin('previews/pr-1', 'a'), /refusing the key/);
  assert.throws(
    () =>
      planPublish(
        [{ file: '../escape.html', sha256: 'x' }],
        identity,
        { previous: undefined, existing: new Set() },
        NOW,
      ),
    /unsafe name: "\.\.\/escape\.html"/,
  );
});

test('content types carry a charset for text; binary search chunks are octet streams', () => {
  assert.equal(contentTypeOf('a/index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeOf('_astro/docs.AbC.css'), 'text/css; charset=utf-8');
  assert.equal(contentTypeOf('pagefind/pagefind.js'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeOf('pagefind/pagefind-entry.json'), 'application/json; charset=utf-8');
  assert.equal(contentTypeOf('images/a.svg'), 'image/svg+xml');
  assert.equal(contentTypeOf('sitemap-0.xml'), 'application/xml');
  assert.equal(contentTypeOf('robots.txt'), 'text/plain; charset=utf-8');
  assert.equal(contentTypeOf('_redirects'), 'text/plain; charset=utf-8');
  assert.equal(contentTypeOf('pagefind/index/en_203a8d8.pf_index'), 'application/octet-stream');
  assert.equal(contentTypeOf('pagefind/wasm.en.pagefind'), 'application/octet-stream');
  assert.equal(contentTypeOf('favicon.ico'), 'image/vnd.microsoft.icon');
});

test('only fingerprinted files are immutable; pages and stable names are revalidated', () => {
  for (const file of [
    '_astro/docs.CdlEUtGl.css',
    '_astro/hoisted.B1x2.js',
    'pagefind/fragment/en_18dc5df.pf_fragment',
    'pagefind/index/en_203a8d8.pf_index',
    'pagefind/pagefind.en_ad579c70f5.pf_meta',
  ]) {
    assert.equal(isFingerprinted(file), true, file);
    assert.equal(cacheControlOf(file), 'public, max-age=31536000, immutable', file);
  }
  for (const file of [
    'index.html',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/wasm.en.pagefind',
    'images/ha-architecture.svg',
    '_preview.js',
  ]) {
    assert.equal(isFingerprinted(file), false, file);
    assert.equal(cacheControlOf(file), 'no-cache', file);
  }
  assert.equal(isPublished('_nginx-redirects.conf'), false);
  assert.equal(isPublished('_object-redirects.json'), false);
  assert.equal(isPublished('_published.json'), false);
  assert.equal(isPublished('_preview.json'), false);
  assert.equal(isPublished('_build.json'), true);
});
