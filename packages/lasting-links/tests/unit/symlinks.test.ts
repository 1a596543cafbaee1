/**
 * Symbolic links in the output are never followed: the static server answers 404 for any path
 * that goes through one, and the checker reports each one as an error instead of skipping it
 * (a host that follows links would serve something that was never checked).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuiltSite } from '../../src/lib/site/read-site.ts';
import { anchorIndexOf } from '../../src/lib/site/built-site.ts';
import { checkSite } from '../../src/lib/links/check-site.ts';
import { emptyPlan } from '../../src/lib/redirects/follow.ts';
import { parseBase } from '../../src/lib/site-path.ts';
import { BUILD_MANIFEST_FILE, serializeManifest } from '../../src/lib/site/build-manifest.ts';
import { NGINX_MAP_FILE, NGINX_RULES_FILE } from '../../src/lib/redirects/nginx-rules.ts';
import { serveFolder } from '../../../../tests/e2e/support/serve-folder.ts';

/** A site with a real page, a linked page and a linked folder, both pointing outside it. */
function siteWithLinks(): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'symlinks-'));
  const dist = join(root, 'dist');
  mkdirSync(join(root, 'outside'), { recursive: true });
  mkdirSync(dist);
  writeFileSync(join(root, 'outside', 'secret.html'), '<p>never checked</p>');
  writeFileSync(join(root, 'outside', 'index.html'), '<p>never checked</p>');
  writeFileSync(join(dist, 'index.html'), '<a href="/real/">real</a>');
  writeFileSync(join(dist, '404.html'), '<p>not found</p>');
  mkdirSync(join(dist, 'real'));
  writeFileSync(join(dist, 'real', 'index.html'), '<p>checked</p>');
  symlinkSync(join(root, 'outside', 'secret.html'), join(dist, 'leak.html'));
  symlinkSync(join(root, 'outside'), join(dist, 'linked'));
  return { root, dist };
}

for (const kind of ['static', 'nginx'] as const)
  test(`the ${kind} server refuses every path through a symbolic link`, async () => {
    const { root, dist } = siteWithLinks();
    // What nginx needs of a build besides pages: its redirect includes and its base.
    writeFileSync(join(dist, NGINX_RULES_FILE), '');
    writeFileSync(join(dist, NGINX_MAP_FILE), '');
    writeFileSync(
      join(dist, BUILD_MANIFEST_FILE),
      serializeManifest({ base: parseBase('/'), site: 'https://docs.example.com' }),
    );
    const server = await serveFolder(dist, `symlinks-${kind}`, kind);
    try {
      const status = async (path: string) => (await fetch(`${server.origin}${path}`)).status;
      assert.equal(await status('/real/'), 200);
      for (const path of ['/leak.html', '/leak', '/linked/', '/linked/secret.html', '/linked'])
        assert.equal(await status(path), 404, path);
    } finally {
      server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

test('the checker reports each symbolic link of the output as an error', async () => {
  const { root, dist } = siteWithLinks();
  try {
    const site = await readBuiltSite(dist);
    assert.deepEqual([...site.pages.keys()].sort(), ['/', '/404.html', '/real/']);
    const result = await checkSite(site, {
      base: parseBase('/'),
      siteOrigin: 'https://docs.example.com',
      index: anchorIndexOf(site),
      plan: emptyPlan(),
      mapFile: 'content/redirects.yaml',
      projectRoot: root,
      sourceFiles: new Map(),
    });
    assert.deepEqual(
      result.problems
        .filter((problem) => problem.code !== 'missing-page')
        .map((problem) => [problem.code, problem.severity, problem.output?.file]),
      [
        ['symlink', 'error', 'leak.html'],
        ['symlink', 'error', 'linked'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
