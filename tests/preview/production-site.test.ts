/**
 * The real production build (`astro build` of this project, into `.build/production-test/`)
 * published to a real S3 API with `lasting-links publish`, and read as an S3 website endpoint
 * serves it: every page move of the redirect map answers its old path with a 301 to the new
 * page (the stub's object redirect), and old anchors land where the map says in Chromium, both
 * through the 301 and through the stub's own body (what a client that reads the object gets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium } from '@playwright/test';
import { S3Host } from '../../packages/lasting-links/src/publish/s3-host.ts';
import type { PreviewHost } from '../../packages/lasting-links/src/publish/host.ts';
import { websiteServer } from '../../scripts/preview/website-server.ts';
import { chromiumPath } from '../e2e/support/chromium.ts';
import { projectRoot, runScript } from './support/commands.ts';
import { BUCKET, startStore } from './support/local-store.ts';

const dist = join(projectRoot, '.build/production-test/dist');

/** Builds the project as production (base `/`) into `dist`. */
function build(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: dist };
  delete env['SITE_BASE'];
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
    { cwd: projectRoot, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, failed) =>
    child.on('close', (status) =>
      status === 0 ? done() : failed(new Error(`astro build exited with ${status}: ${stderr}`)),
    ),
  );
}

/** A website endpoint in front of `host`, stopped with the test; its origin. */
async function serve(t: TestContext, host: Pick<PreviewHost, 'read'>): Promise<string> {
  const server = websiteServer(host);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('the production build on S3: old page paths answer 301 to their new page, and old anchors land in Chromium', async (t) => {
  rmSync(dist, { recursive: true, force: true });
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  await build();
  const store = await startStore(t);
  const published = await runScript('publish', ['--to', `s3://${BUCKET}`, '--dist', dist], {
    env: store.env,
  });
  assert.equal(published.status, 0, published.stderr);

  const s3 = new S3Host({ kind: 's3', bucket: BUCKET, prefix: '' }, store.client);
  const origin = await serve(t, s3);
  // The site as built: its own robots.txt, pages without a preview's banner or noindex.
  const robots = await fetch(`${origin}/robots.txt`);
  assert.equal(await robots.text(), readFileSync(join(dist, 'robots.txt'), 'utf8'));
  const guide = await (
    await fetch(`${origin}/administration-guide/scale/high-availability/`)
  ).text();
  assert.doesNotMatch(guide, /noindex|_preview\.js/);
  const redirects = JSON.parse(
    readFileSync(join(dist, '_object-redirects.json'), 'utf8'),
  ) as Record<string, string>;
  // Every page move of content/redirects.yaml a server answers (the map's .html paths of 2016-2021).
  assert.ok(Object.keys(redirects).length >= 5, JSON.stringify(redirects));
  assert.equal(
    redirects['deployment/cluster.html'],
    '/administration-guide/scale/high-availability/',
  );
  for (const [file, location] of Object.entries(redirects)) {
    const answer = await fetch(`${origin}/${file}`, { redirect: 'manual' });
    assert.equal(answer.status, 301, `/${file}`);
    assert.equal(answer.headers.get('location'), location, `/${file}`);
    const landing = await fetch(`${origin}${location}`);
    assert.equal(landing.status, 200, `${location}, where /${file} goes`);
  }

  // The same objects read without their redirect: the stub pages, as a client of the body gets them.
  const bodies = await serve(t, {
    read: async (key) => {
      const object = await s3.read(key);
      if (object === undefined) return undefined;
      const { body, contentType, cacheControl } = object;
      return { body, contentType, cacheControl };
    },
  });
  const stub = await fetch(`${bodies}/deployment/cluster.html`, { redirect: 'manual' });
  assert.equal(stub.status, 200, 'without the redirect the stub page itself answers');

  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath === undefined ? {} : { executablePath });
  // Also closed at the end, before the store stops, so no page load is left in flight.
  t.after(() => browser.close());
  const page = await browser.newPage();
  const arrivals: Array<[string, string]> = [
    [
      '/deployment/cluster.html#proxy-server-configuration',
      '/administration-guide/scale/high-availability/deployment/#configure-the-proxy',
    ],
    [
      '/deployment/cluster.html#upgrade-guide',
      '/administration-guide/scale/high-availability/upgrade/',
    ],
    ['/deployment/ha.html', '/administration-guide/scale/high-availability/'],
  ];
  for (const server of [origin, bodies]) {
    for (const [from, to] of arrivals) {
      await page.goto(`${server}${from}`);
      await page.waitForURL(`${server}${to}`, { timeout: 10_000 });
      const fragment = new URL(to, server).hash.slice(1);
      if (fragment !== '') {
        const target = page.locator(`[id="${fragment}"]`);
        assert.equal(await target.count(), 1, `${to} has the id`);
      }
    }
  }
  await browser.close();
});
