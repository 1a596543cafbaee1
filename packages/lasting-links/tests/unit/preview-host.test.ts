import { test } from 'node:test';
import assert from 'node:assert/strict';
import { websiteLookup } from '../../src/lib/preview/website.ts';
import { HOST_ROBOTS_TXT, renderHostIndex } from '../../src/lib/preview/host-index.ts';
import { parsePreviewManifest, serializePreviewManifest } from '../../src/lib/preview/manifest.ts';
import {
  canonicalUrl,
  formatBuildTime,
  parsePreviewSettings,
  previewBuildScript,
  pullRequestUrl,
} from '../../src/lib/preview/settings.ts';
import { commandEnvironment } from '../../src/cli/environment.ts';

test('website lookups: directories are their index, misses under /pr-N/ get its 404 page', () => {
  assert.deepEqual(websiteLookup('/pr-3/a/b/'), {
    key: 'pr-3/a/b/index.html',
    directoryIndex: undefined,
    notFound: 'pr-3/404.html',
  });
  assert.deepEqual(websiteLookup('/pr-3/a/b'), {
    key: 'pr-3/a/b',
    directoryIndex: 'pr-3/a/b/index.html',
    notFound: 'pr-3/404.html',
  });
  assert.deepEqual(websiteLookup('/'), {
    key: 'index.html',
    directoryIndex: undefined,
    notFound: undefined,
  });
  assert.equal(websiteLookup('/pr-3/a%20b.html')?.key, 'pr-3/a b.html');
  for (const bad of ['/pr-3/../pr-4/', '/%2e%2e/x', '/a/%00', '/%E0%A4%A', '/a\\b']) {
    assert.equal(websiteLookup(bad), undefined, bad);
  }
});

test('the host index lists each live preview, newest pull request first, escaped', () => {
  const html = renderHostIndex(
    [
      { pr: 3, sha: 'aaaaaaa1111', builtAt: '2025-01-31T12:00:00Z' },
      { pr: 12, sha: 'bbbbbbb2222', builtAt: '2025-02-01T08:30:00Z' },
    ],
    'https://github.com/o/r"><script>',
  );
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.match(html, /2 pull requests have a live preview/);
  const rows = [
    ...html.matchAll(
      /<tr><td><a href="(pr-\d+\/)">Pull request #(\d+)<\/a><\/td><td><code title="\w+">(\w+)<\/code><\/td><td><time datetime="([^"]+)">([^<]+)<\/time>/g,
    ),
  ].map((m) => m.slice(1));
  assert.deepEqual(rows, [
    ['pr-12/', '12', 'bbbbbbb', '2025-02-01T08:30:00Z', '1 Feb 2025, 08:30 UTC'],
    ['pr-3/', '3', 'aaaaaaa', '2025-01-31T12:00:00Z', '31 Jan 2025, 12:00 UTC'],
  ]);
  assert.doesNotMatch(html, /<script>/);
  assert.match(renderHostIndex([], 'https://x'), /No preview is live\./);
  assert.equal(HOST_ROBOTS_TXT, 'User-agent: *\nDisallow: /\n');
});

test('a manifest round-trips, and one that was tampered with is refused', () => {
  const manifest = {
    pr: 4,
    sha: 'abcdef1',
    builtAt: '2025-01-31T12:00:00Z',
    publishedAt: '2025-01-31T12:01:00.123Z',
    files: { 'index.html': 'x;text/html;no-cache' },
    kept: ['_astro/old.css'],
  };
  assert.deepEqual(parsePreviewManifest(serializePreviewManifest(manifest), 'm'), manifest);
  for (const [text, message] of [
    ['[]', /m: not an object/],
    ['{"pr":"4","sha":"abcdef1","builtAt":"2025-01-31T12:00:00Z"}', /pr is missing/],
    ['{"pr":4,"sha":"zz","builtAt":"2025-01-31T12:00:00Z"}', /sha "zz" is not a commit id/],
    ['{"pr":4,"sha":"abcdef1","builtAt":"yesterday"}', /"builtAt" is not a time/],
    [
      '{"pr":4,"sha":"abcdef1","builtAt":"2025-01-31T12:00:00Z","files":{"../x":"y"}}',
      /"files" has a bad entry "\.\.\/x"/,
    ],
    [
      '{"pr":4,"sha":"abcdef1","builtAt":"2025-01-31T12:00:00Z","kept":["/etc/passwd"]}',
      /"kept" is not a list of files/,
    ],
  ] as const) {
    assert.throws(() => parsePreviewManifest(text, 'm'), message, text);
  }
});

test('preview settings: absent without a pull request, checked when given', () => {
  const values = {
    pr: '12',
    sha: 'ABCDEF1',
    builtAt: '2025-01-31T12:00:00Z',
    repositoryUrl: 'https://github.com/o/r/',
    productionSite: 'https://docs.example.com',
  };
  assert.equal(parsePreviewSettings({ ...values, pr: undefined }), undefined);
  const settings = parsePreviewSettings(values)!;
  assert.deepEqual(settings, {
    ...values,
    pr: 12,
    sha: 'abcdef1',
    repositoryUrl: 'https://github.com/o/r',
  });
  assert.equal(pullRequestUrl(settings), 'https://github.com/o/r/pull/12');
  assert.throws(() => parsePreviewSettings({ ...values, pr: '1;rm' }), /--pr "1;rm"/);
  assert.throws(
    () => parsePreviewSettings({ ...values, builtAt: 'now' }),
    /build time "now" is not an ISO 8601 UTC time/,
  );
  assert.throws(
    () => parsePreviewSettings({ ...values, repositoryUrl: 'javascript:alert(1)' }),
    /is not an https:\/\/ URL/,
  );
  assert.equal(formatBuildTime('2025-01-31T07:05:00Z'), '31 Jan 2025, 07:05 UTC');
});

test('a preview names its published page as canonical; a normal build names itself', () => {
  const settings = parsePreviewSettings({
    pr: '12',
    sha: 'abcdef1',
    builtAt: '2025-01-31T12:00:00Z',
    repositoryUrl: 'https://github.com/o/r',
    productionSite: 'https://docs.example.com',
  });
  const previewHost = new URL('https://previews.example.com');
  assert.equal(canonicalUrl('/pr-12/a/b/', previewHost, settings), 'https://docs.example.com/a/b/');
  assert.equal(canonicalUrl('/pr-12/', previewHost, settings), 'https://docs.example.com/');
  assert.equal(
    canonicalUrl('/a/', new URL('https://docs.example.com'), undefined),
    'https://docs.example.com/a/',
  );
  assert.equal(canonicalUrl('/a/', undefined, undefined), undefined);
});

test('the build script fills the banner with the commit and build time, as a string literal', () => {
  const script = previewBuildScript({
    pr: 1,
    sha: 'abcdef1234567890',
    builtAt: '2025-01-31T12:00:00Z',
    repositoryUrl: 'https://github.com/o/r',
    productionSite: 'https://docs.example.com',
  });
  assert.match(script, /^customElements\.define\('preview-build'/);
  assert.match(script, /this\.textContent=" at abcdef1, built 31 Jan 2025, 12:00 UTC"/);
  assert.match(script, /this\.title="abcdef1234567890"/);
});

test('the command environment: the preview host, the repository and an S3 store at its own endpoint', () => {
  const env = {
    PREVIEW_HOST_URL: 'https://previews.example.org/',
    GITHUB_SERVER_URL: 'https://github.com/',
    GITHUB_REPOSITORY: 'o/r',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:4568',
    DIST_DIR: 'out',
  };
  const { all, ...read } = commandEnvironment(env);
  assert.equal(all, env);
  assert.deepEqual(read, {
    distDir: 'out',
    previewHostUrl: 'https://previews.example.org',
    repositoryUrl: 'https://github.com/o/r',
    s3: { forcePathStyle: true, region: 'us-east-1' },
  });
  // PREVIEW_REPOSITORY_URL wins; without an endpoint, AWS itself (virtual-hosted style).
  const { all: _all, ...plain } = commandEnvironment({
    PREVIEW_REPOSITORY_URL: 'https://gitlab.example/g/r/',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
  });
  assert.deepEqual(plain, {
    distDir: undefined,
    previewHostUrl: undefined,
    repositoryUrl: 'https://gitlab.example/g/r',
    s3: { forcePathStyle: false },
  });
});
