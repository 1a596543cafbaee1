/**
 * lasting-links on a Starlight site, installed as a user installs it: the package packed with
 * `npm pack -w lasting-links`, its tarball unpacked into the site's node_modules beside Starlight
 * and Astro, one line in the Astro config and no options (tests/fixtures/starlight-site). Then a
 * writer's day: a heading renamed, a section moved to another page under a new title, a page
 * file renamed. The build fails naming each lost address; `lasting-links moves --write` fixes
 * them; the build passes; Chromium lands every address the site had published on its text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveFolder } from '../e2e/support/serve-folder.ts';
import { chromiumPath } from '../e2e/support/chromium.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const fixture = join(projectRoot, 'tests', 'fixtures', 'starlight-site');

/** Runs a command in the site; returns its status and everything it printed, without colours. */
function run(
  cwd: string,
  command: string,
  args: string[],
): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A Starlight site with lasting-links installed from its tarball. Its other packages are this
 * project's, linked one by one; the site lives under the project so that Astro sees them as
 * inside its tree (as an install in the site's own folder would be).
 */
function installSite(): { dir: string; remove: () => void } {
  mkdirSync(join(projectRoot, '.build'), { recursive: true });
  const dir = mkdtempSync(join(projectRoot, '.build', 'starlight-site-'));
  const packed = run(projectRoot, 'npm', [
    'pack',
    '-w',
    'lasting-links',
    '--pack-destination',
    dir,
    '--silent',
  ]);
  assert.equal(packed.status, 0, packed.output);
  const tarball = join(dir, packed.output.trim().split('\n').at(-1)!.trim());
  cpSync(fixture, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'lasting-links'), { recursive: true });
  const unpacked = run(dir, 'tar', [
    '-xzf',
    tarball,
    '-C',
    join(dir, 'node_modules', 'lasting-links'),
    '--strip-components=1',
  ]);
  assert.equal(unpacked.status, 0, unpacked.output);
  rmSync(tarball);
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === 'lasting-links' || name === '.bin' || name.startsWith('.')) continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'harbor-docs',
      private: true,
      type: 'module',
      dependencies: { '@astrojs/starlight': '*', astro: '*', 'lasting-links': '*' },
    }),
  );
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n.astro\n');
  git(dir, 'init', '-q');
  commit(dir, 'the site');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function git(dir: string, ...args: string[]) {
  const result = run(dir, 'git', ['-c', 'user.email=w@example.com', '-c', 'user.name=W', ...args]);
  assert.equal(result.status, 0, result.output);
}

function commit(dir: string, message: string) {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
}

const lastingLinks = (dir: string, ...args: string[]) =>
  run(dir, process.execPath, [
    join(dir, 'node_modules/lasting-links/bin/lasting-links.js'),
    ...args,
  ]);
const astroBuild = (dir: string) =>
  run(dir, process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build']);

/** The writer's day: one heading renamed, one section moved to another page, one page renamed. */
function editSite(dir: string) {
  const docs = join(dir, 'src', 'content', 'docs');
  const install = join(docs, 'guides', 'install.md');
  writeFileSync(
    install,
    readFileSync(install, 'utf8').replace('## Prepare the server', '## Get the server ready'),
  );
  const configure = join(docs, 'guides', 'configure.md');
  const text = readFileSync(configure, 'utf8');
  const start = text.indexOf('## Tune the cache');
  const end = text.indexOf('## Rotate the certificates');
  writeFileSync(configure, text.slice(0, start) + text.slice(end));
  const settings = join(docs, 'reference', 'settings.mdx');
  writeFileSync(
    settings,
    `${readFileSync(settings, 'utf8').trimEnd()}\n\n${text.slice(start, end).replace('## Tune the cache', '## Cache settings').trimEnd()}\n`,
  );
  renameSync(configure, join(docs, 'guides', 'setup.md'));
}

/** Every address the site published before the edits, and words its section said. */
const PUBLISHED: Array<{ address: string; says: string }> = [
  { address: '/guides/install/', says: 'installs Harbor on a single Linux server' },
  { address: '/guides/install/#prepare-the-server', says: 'four processor cores' },
  { address: '/guides/install/#run-the-installer', says: 'Unpack the offline bundle' },
  { address: '/guides/install/#check-the-portal', says: 'push one small image' },
  { address: '/guides/configure/', says: 'a few settings decide how the registry behaves' },
  { address: '/guides/configure/#connect-the-directory', says: 'company directory' },
  { address: '/guides/configure/#tune-the-cache', says: 'proxy cache keeps layers' },
  { address: '/guides/configure/#rotate-the-certificates', says: 'Replace the certificate files' },
  { address: '/reference/settings/#storage-settings', says: 'The data volume holds images' },
  { address: '/reference/settings/#log-settings', says: 'The log level defaults to info' },
];

test(
  'a Starlight site with lasting-links from its tarball keeps every published address through a rename, a move and a page rename',
  { timeout: 600_000 },
  async () => {
    const site = installSite();
    try {
      const init = lastingLinks(site.dir, 'moves', '--init', '--write');
      assert.equal(init.status, 0, init.output);
      assert.match(init.output, /anchors\.lock\.json: \d+ published address\(es\) added/);
      const first = astroBuild(site.dir);
      assert.equal(first.status, 0, first.output);
      commit(site.dir, 'the first lock');

      editSite(site.dir);
      const broken = astroBuild(site.dir);
      assert.notEqual(broken.status, 0, 'the build refuses to lose a published address');
      for (const lost of [
        '/guides/configure/ was published and no longer resolves',
        '/guides/configure/#tune-the-cache ("Tune the cache") was published and no longer resolves',
        '/guides/install/#prepare-the-server ("Prepare the server") was published and no longer resolves',
      ])
        assert.ok(broken.output.includes(lost), `the build names ${lost}:\n${broken.output}`);

      const moves = lastingLinks(site.dir, 'moves', '--write');
      assert.equal(moves.status, 0, moves.output);
      assert.match(readFileSync(join(site.dir, 'redirects.yaml'), 'utf8'), /to: \/guides\/setup\//);
      const fixed = astroBuild(site.dir);
      assert.equal(fixed.status, 0, fixed.output);

      // The static server stops with this process, however the run ends.
      process.env['DOCS_OWNER_PID'] = process.env['DOCS_OWNER_PID'] || String(process.pid);
      const server = await serveFolder(join(site.dir, 'dist'), 'starlight');
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        // The machine's network may be closed: background services would only fail.
        args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        for (const { address, says } of PUBLISHED) {
          await page.goto(server.origin + address);
          // A stub or an old-anchor script moves the reader on; wait until the address settles.
          await page.waitForLoadState('load');
          await page.waitForFunction(() => document.readyState === 'complete');
          const landed = await page.evaluate(() => {
            const id = decodeURIComponent(location.hash.slice(1));
            const target = id === '' ? document.querySelector('main') : document.getElementById(id);
            // The target's section: the heading's wrapper and what follows it, up to the next heading.
            let text = '';
            let node: Element | null = target?.closest('.sl-heading-wrapper') ?? target;
            if (id === '') text = node?.textContent ?? '';
            else
              for (node = node?.nextElementSibling ?? null; node; node = node.nextElementSibling) {
                if (node.matches('.sl-heading-wrapper, h2, h3')) break;
                text += node.textContent;
              }
            return { url: location.pathname + location.hash, found: target !== null, text };
          });
          assert.ok(landed.found, `${address} lands on ${landed.url}, which has no such element`);
          assert.ok(
            landed.text.includes(says),
            `${address} lands on ${landed.url}, whose section does not say "${says}"`,
          );
        }
      } finally {
        await browser.close();
        server.stop();
      }
    } finally {
      site.remove();
    }
  },
);
