/**
 * Readers during a republish: pages are read in a loop, each with the stylesheet it links, while
 * a new version of the whole preview (every page and the stylesheet changed) is published. Each
 * page must arrive whole, as the old or the new version, with its stylesheet; never a 404, never
 * a page cut short. In a folder the swap is one rename, so the preview also flips all at once: once
 * a reader has seen a new page it never sees an old one again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { S3Host } from '../../packages/lasting-links/src/publish/s3-host.ts';
import { websiteServer } from '../../scripts/preview/website-server.ts';
import { runScript, type CommandResult } from './support/commands.ts';
import { makeHost, type HostFixture } from './support/hosts.ts';
import { shaOf, writeSyntheticBuild } from './support/synthetic-build.ts';
import { assertOldOrNew, readWhile } from './support/readers.ts';

const PR = 12;
/** Enough pages that copying a version takes longer than reading one page. */
const PAGES = { dir: 120, s3: 40 } as const;

function publish(host: HostFixture, version: string, dir: string): Promise<CommandResult> {
  return runScript(
    'preview-publish',
    [
      '--pr',
      String(PR),
      '--sha',
      shaOf(version),
      '--to',
      host.to,
      '--dist',
      dir,
      '--summary',
      join(host.scratch, 'summary.md'),
    ],
    { env: host.env },
  );
}

for (const kind of ['dir', 's3'] as const) {
  test(`${kind}: readers see the old or the new preview while it is republished, never a mix or a 404`, async (t) => {
    const host = await makeHost(t, kind);
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), {
      pr: PR,
      version: 'v1',
      pageCount: PAGES[kind],
      pageBytes: 20_000,
    });
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
      pr: PR,
      version: 'v2',
      pageCount: PAGES[kind],
      pageBytes: 20_000,
    });
    assert.notEqual(v1.stylesheet, v2.stylesheet, 'the new version has a new stylesheet');
    assert.equal((await publish(host, 'v1', v1.dir)).status, 0);

    let read: (file: string) => Promise<string | undefined>;
    if (host.store === undefined) {
      // As nginx does: open the file through the preview's folder.
      read = (file) => readFile(join(host.root!, `pr-${PR}`, file), 'utf8').catch(() => undefined);
    } else {
      // As a browser does: through a website endpoint in front of the bucket.
      const server = websiteServer(
        new S3Host({ kind: 's3', bucket: 'previews', prefix: 'hosted' }, host.store.client),
      );
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      t.after(() => {
        server.closeAllConnections();
        server.close();
      });
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      read = async (file) => {
        const url = `${origin}/pr-${PR}/${file.replace(/index\.html$/, '')}`;
        const response = await fetch(url);
        return response.status === 200 ? await response.text() : undefined;
      };
    }

    const publishing = publish(host, 'v2', v2.dir);
    const reads = await readWhile(v1.pages, read, publishing);
    const result = await publishing;
    assert.equal(result.status, 0, result.stderr);

    assertOldOrNew(reads, kind === 'dir');
  });
}
