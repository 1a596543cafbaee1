/**
 * The post-build pipeline reads and scans the built site once: every step after the read works
 * on that one scan. A second read of the pages (a step that lists and parses the output again)
 * makes this test fail. (A site's search index is its own integration's, after this one.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseBase } from '../../src/lib/site-path.ts';
import { DEFAULT_SYNTAX } from '../../src/lib/sources/page-source.ts';
import type { SiteSettings } from '../../src/lib/settings.ts';

const settingsOf = (root: string): SiteSettings => ({
  projectRoot: root,
  base: parseBase('/'),
  site: 'https://docs.example.com',
  srcDir: 'src',
  contentDir: 'content/docs',
  redirectsFile: 'content/redirects.yaml',
  anchorsLockFile: 'content/anchors.lock.json',
  redirectHosts: [],
  termsFile: undefined,
  oldestSupportedVersion: undefined,
  syntax: DEFAULT_SYNTAX,
});

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main><article data-pagefind-body><h1 id="_top">${title}</h1>${body}</article></main></body></html>`;

const FILES: Record<string, string> = {
  'dist/index.html': page(
    'Home',
    '<p>See <a href="/guide/"></a> and <a href="/guide/#install">install</a>.</p>' +
      '<p>Old addresses: <a href="/old.html"></a>, <a href="/guide/#setup"></a>.</p>',
  ),
  'dist/guide/index.html': page(
    'Guide',
    '<h2 id="install">Install</h2><a class="heading-anchor" href="#install">#</a><p>Text.</p><h2 id="upgrade">Upgrade</h2><p>More.</p>',
  ),
  'dist/404.html': page('Not found', '<p>Nothing.</p>'),
  'content/docs/index.mdx':
    '---\ntitle: Home\n---\nSee [](/guide/) and [install](/guide/#install).\n',
  'content/docs/guide.mdx': '---\ntitle: Guide\n---\n## Install\n\nText.\n\n## Upgrade\n\nMore.\n',
  'content/redirects.yaml':
    '- from: /old.html\n  to: /guide/\n- from: /guide/#setup\n  to: /guide/#install\n',
  'content/anchors.lock.json':
    '{"pages": [{"url": "/guide/", "source": "content/docs/guide.mdx", "anchors": [{"id": "setup", "heading": "Setup"}]}]}',
};

test(
  'the post-build steps read each page once, write each edited page once, and share one scan',
  { timeout: 60_000 },
  async () => {
    const root = fs.mkdtempSync(join(tmpdir(), 'post-build-'));
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(dirname(join(root, file)), { recursive: true });
      fs.writeFileSync(join(root, file), text);
    }
    const reads: string[] = [];
    const writes: string[] = [];
    const original = {
      readFileSync: fs.readFileSync,
      readFile: fs.promises.readFile,
      writeFile: fs.promises.writeFile,
    };
    const isPage = (file: unknown) =>
      typeof file === 'string' && file.startsWith(join(root, 'dist')) && file.endsWith('.html');
    fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (isPage(file)) reads.push(String(file));
      return (original.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    fs.promises.readFile = ((file: fs.PathLike, ...rest: unknown[]) => {
      if (isPage(file)) reads.push(String(file));
      return (original.readFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.promises.readFile;
    fs.promises.writeFile = ((file: fs.PathLike, ...rest: unknown[]) => {
      if (isPage(file)) writes.push(String(file));
      return (original.writeFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.promises.writeFile;
    syncBuiltinESMExports();
    try {
      const { postBuild } = await import('../../src/integration/post-build.ts');
      const logged: string[] = [];
      const problems = await postBuild(
        settingsOf(root),
        join(root, 'dist'),
        { info: (m) => logged.push(m), warn: (m) => logged.push(m) },
        undefined,
        [],
      );
      assert.deepEqual(
        problems.filter((problem) => problem.severity === 'error'),
        [],
        'the fixture is a valid site',
      );
      assert.deepEqual(
        reads.sort(),
        ['404.html', 'guide/index.html', 'index.html'].map((file) => join(root, 'dist', file)),
        'each page is read exactly once',
      );
      // The home page gets its cross-reference title, the guide its old-anchor table, once each;
      // the stub for the removed page is a new file.
      assert.deepEqual(
        writes.sort(),
        ['guide/index.html', 'index.html', 'old.html'].map((file) => join(root, 'dist', file)),
      );
      const home = original.readFileSync(join(root, 'dist/index.html'), 'utf8');
      assert.match(home, /<a href="\/guide\/">guide<\/a>/);
      // Links to old addresses are titled after where the build's one redirect plan lands them,
      // in a sentence as the render writes titles there.
      assert.match(home, /<a href="\/old.html">Guide<\/a>/);
      assert.match(home, /<a href="\/guide\/#setup">install<\/a>/);
      assert.match(
        original.readFileSync(join(root, 'dist/guide/index.html'), 'utf8'),
        /data-anchor-redirects.*"setup","#install"/,
      );
      assert.ok(fs.existsSync(join(root, 'dist/old.html')), 'the stub is written');
      assert.ok(
        logged.some((line) => /^checked \d+ links on 3 pages/.test(line)),
        logged.join('\n'),
      );
    } finally {
      Object.assign(fs, { readFileSync: original.readFileSync });
      Object.assign(fs.promises, { readFile: original.readFile, writeFile: original.writeFile });
      syncBuiltinESMExports();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
);
