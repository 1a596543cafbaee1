/**
 * `lasting-links publish`: the production site published to a folder and to a real S3 API with
 * the preview publisher's guarantees. A republish writes only what changed and deletes only what
 * an earlier production publish wrote; readers see the old site or the new one, never a mix; a
 * preview build, a build for another base and a publish while another holds the lease are
 * refused. On S3 the stubs of moved pages carry object redirects, so a website endpoint answers
 * their paths with a 301 (the stub, the object's body, keeps the fragment handling).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestContext } from 'node:test';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { S3Host } from '../../packages/lasting-links/src/publish/s3-host.ts';
import { websiteServer } from '../../scripts/preview/website-server.ts';
import { runScript, type CommandResult } from './support/commands.ts';
import { makeHost, type HostFixture } from './support/hosts.ts';
import { BUCKET } from './support/local-store.ts';
import { assertOldOrNew, readWhile, sawTheChange } from './support/readers.ts';
import { shaOf, versionOfPage, writeSyntheticBuild } from './support/synthetic-build.ts';

/** Where each kind of host is told to put the production site. */
function targetOf(host: HostFixture): string {
  return host.kind === 'dir' ? `dir:${host.root!}/site` : `s3://${BUCKET}`;
}

function publish(host: HostFixture, dir: string, args: string[] = []): Promise<CommandResult> {
  return runScript('publish', ['--to', targetOf(host), '--dist', dir, ...args], {
    env: host.env,
  });
}

/** The counts the command reports: files written, of how many, unchanged and deleted. */
function countsOf(result: CommandResult): { written: number; unchanged: number; deleted: number } {
  assert.equal(result.status, 0, result.stderr);
  const match = /\((\d+) of \d+ files written, (\d+) unchanged, (\d+) deleted;/.exec(result.stderr);
  assert.ok(match, result.stderr);
  return { written: Number(match[1]), unchanged: Number(match[2]), deleted: Number(match[3]) };
}

/** A website endpoint in front of the bucket's root (S3 only), stopped with the test. */
async function websiteOrigin(t: TestContext, host: HostFixture): Promise<string> {
  const server: Server = websiteServer(
    new S3Host({ kind: 's3', bucket: BUCKET, prefix: '' }, host.store!.client),
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What a reader of the published site gets for `file`, or undefined. */
function reader(host: HostFixture, origin: string | undefined) {
  return async (file: string): Promise<string | undefined> => {
    if (host.kind === 'dir')
      return readFile(join(host.root!, 'site', file), 'utf8').catch(() => undefined);
    const response = await fetch(`${origin}/${file.replace(/index\.html$/, '')}`);
    return response.status === 200 ? await response.text() : undefined;
  };
}

for (const kind of ['dir', 's3'] as const) {
  test(`${kind}: production is published, and a republish writes only what changed and deletes only what it published`, async (t) => {
    const host = await makeHost(t, kind);
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), { version: 'v1' });
    const before = await host.snapshot();
    // 12 pages, the home page, 404, the stylesheet, an image, _build.json and the stub of old/.
    assert.deepEqual(countsOf(await publish(host, v1.dir)), {
      written: 18,
      unchanged: 0,
      deleted: 0,
    });
    const origin = kind === 's3' ? await websiteOrigin(t, host) : undefined;
    const read = reader(host, origin);
    assert.equal(versionOfPage((await read('p3/index.html'))!), 'v1');

    // One page changed, one page gone; the stylesheet and every other file are the same.
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
      version: 'v2',
      pageCount: 11,
      changed: [3],
      styleVersion: 'v1',
    });
    assert.deepEqual(countsOf(await publish(host, v2.dir, ['--sha', shaOf('v2')])), {
      written: 1,
      unchanged: 16,
      deleted: 1,
    });
    assert.equal(versionOfPage((await read('p3/index.html'))!), 'v2');
    assert.equal(
      await read('p11/index.html'),
      undefined,
      'the page the build no longer has is gone',
    );
    // Nothing else is touched: the neighbours of the folder, the other objects of the bucket.
    const after = await host.snapshot();
    const outside = (lines: string[]) =>
      lines.filter((line) =>
        kind === 'dir' ? !/^host\/(site|\.site\.)/.test(line) : /^(keep\.txt|hosted)/.test(line),
      );
    assert.deepEqual(outside(after), outside(before), 'nothing beside the site changed');
    assert.deepEqual(
      after.filter((line) => /\.lease|\.leases\//.test(line)),
      [],
      'the lease is released',
    );

    // Again, unchanged: nothing is written.
    assert.deepEqual(countsOf(await publish(host, v2.dir)), {
      written: 0,
      unchanged: 17,
      deleted: 0,
    });

    if (kind === 's3') {
      // The moved page's stub carries its object redirect, and a website endpoint answers it.
      const head = await host.store!.client.send(
        new HeadObjectCommand({ Bucket: BUCKET, Key: 'old/index.html' }),
      );
      assert.equal(head.WebsiteRedirectLocation, '/p0/');
      const answer = await fetch(`${origin}/old/`, { redirect: 'manual' });
      assert.equal(answer.status, 301);
      assert.equal(answer.headers.get('location'), '/p0/');
    }
  });

  test(`${kind}: readers see the old or the new production site while it is republished, never a mix or a 404`, async (t) => {
    const host = await makeHost(t, kind);
    const pageCount = kind === 'dir' ? 120 : 40;
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), {
      version: 'v1',
      pageCount,
      pageBytes: 20_000,
    });
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
      version: 'v2',
      pageCount,
      pageBytes: 20_000,
    });
    assert.notEqual(v1.stylesheet, v2.stylesheet, 'the new version has a new stylesheet');
    countsOf(await publish(host, v1.dir));
    const origin = kind === 's3' ? await websiteOrigin(t, host) : undefined;
    // The swap of a folder takes one rename: on a busy machine it can fall between two reads.
    // Then the site is put back to v1, unread, and the republish read again (three tries).
    let reads: Awaited<ReturnType<typeof readWhile>> = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) countsOf(await publish(host, v1.dir));
      const publishing = publish(host, v2.dir);
      reads = await readWhile(v1.pages, reader(host, origin), publishing);
      countsOf(await publishing);
      // Every try is held to whole pages with their stylesheets, whether or not it saw the change.
      assert.deepEqual(
        reads.filter((read) => 'problem' in read),
        [],
        `try ${attempt}: every read was a whole page with its stylesheet`,
      );
      if (sawTheChange(reads)) break;
    }
    assertOldOrNew(reads, kind === 'dir');
  });

  test(`${kind}: a preview build, a build for another base and a publish while another holds the lease are refused`, async (t) => {
    const host = await makeHost(t, kind);
    const site = writeSyntheticBuild(join(host.scratch, 'site'), { version: 'v1' });
    countsOf(await publish(host, site.dir));
    const before = await host.snapshot();

    const preview = writeSyntheticBuild(join(host.scratch, 'preview'), { pr: 5, version: 'v2' });
    const refusedPreview = await publish(host, preview.dir);
    assert.equal(refusedPreview.status, 1, refusedPreview.stderr);
    assert.match(refusedPreview.stderr, /is a preview build \(it has _preview\.json\)/);

    if (kind === 's3') {
      const elsewhere = await runScript(
        'publish',
        ['--to', `s3://${BUCKET}/docs`, '--dist', site.dir],
        { env: host.env },
      );
      assert.equal(elsewhere.status, 1, elsewhere.stderr);
      assert.match(
        elsewhere.stderr,
        /was built for the base \/, but s3:\/\/previews\/docs serves the site at \/docs\//,
      );
    }

    const holder = spawn(
      process.execPath,
      [join(import.meta.dirname, 'support/hold-lease.ts'), targetOf(host), 'production', '60000'],
      { env: { ...process.env, ...host.env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    t.after(() => holder.kill('SIGKILL'));
    await new Promise<void>((held, failed) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && held());
      holder.on('exit', () => failed(new Error('the lease holder ended before it held the lease')));
    });
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), { version: 'v2' });
    const refused = await publish(host, v2.dir, ['--wait', '0']);
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /the production site on .* is being published or removed by another run/,
    );
    holder.kill('SIGKILL');
    assert.deepEqual(
      (await host.snapshot()).filter((line) => !/\.lease|\.leases\//.test(line)),
      before,
      'nothing changed',
    );
  });
}
