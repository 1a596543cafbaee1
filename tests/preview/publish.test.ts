/**
 * `preview:publish` and `preview:remove` against both kinds of host, run as commands: a folder,
 * and a bucket prefix on a real S3 API (s3rver, started per test on a free port with its data in
 * a temporary folder, stopped with the test however it ends).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { runScript, type CommandResult } from './support/commands.ts';
import { makeHost, type HostFixture } from './support/hosts.ts';
import { getObject, startProxy } from './support/local-store.ts';
import { shaOf, versionOfPage, writeSyntheticBuild } from './support/synthetic-build.ts';

const KINDS = ['dir', 's3'] as const;

/** Publishes the synthetic build in `dir` as `pr` at `version`. */
function publish(
  host: HostFixture,
  pr: number | string,
  version: string,
  dir: string,
  options: { env?: NodeJS.ProcessEnv; fileSizeLimitKb?: number; args?: string[] } = {},
): Promise<CommandResult> {
  return runScript(
    'preview-publish',
    [
      '--pr',
      String(pr),
      '--sha',
      shaOf(version),
      '--to',
      host.to,
      '--dist',
      dir,
      '--summary',
      join(host.scratch, `pr-${pr}.md`),
      ...(options.args ?? []),
    ],
    {
      env: { ...host.env, ...options.env },
      ...(options.fileSizeLimitKb === undefined
        ? {}
        : { fileSizeLimitKb: options.fileSizeLimitKb }),
    },
  );
}

function remove(host: HostFixture, pr: number | string): Promise<CommandResult> {
  return runScript('preview-remove', ['--pr', String(pr), '--to', host.to], { env: host.env });
}

function succeeded(result: CommandResult, what: string): void {
  assert.equal(result.status, 0, `${what} failed:\n${result.stderr}`);
}

/** The host's lines for one preview (its key prefix, or its symlink and versions), as a snapshot holds them. */
const ofPreview = (line: string, pr: number) =>
  line.startsWith(`hosted/pr-${pr}/`) ||
  line.startsWith(`host/pr-${pr} `) ||
  line.startsWith(`host/.versions/pr-${pr}/`);
const linesOf = (lines: string[], pr: number) => lines.filter((line) => ofPreview(line, pr));
/** A request for the preview's lease (taken and given back by every publish and remove). */
const isLease = (request: string) => request.endsWith('/hosted/.leases/pr-12.json');
/** The host's own index and robots.txt, rewritten by every publish and remove. */
const isHostFile = (line: string) => /^host(ed)?\/(index\.html|robots\.txt) /.test(line);

for (const kind of KINDS) {
  test(`${kind}: two previews are published and listed; removing one leaves the other and the neighbours untouched`, async (t) => {
    const host = await makeHost(t, kind);
    const one = writeSyntheticBuild(join(host.scratch, 'one'), { pr: 1, version: 'v1' });
    const twelve = writeSyntheticBuild(join(host.scratch, 'twelve'), { pr: 12, version: 'v1' });
    succeeded(await publish(host, 1, 'v1', one.dir), 'publishing #1');
    succeeded(await publish(host, 12, 'v1', twelve.dir), 'publishing #12');

    for (const pr of [1, 12]) {
      assert.equal(
        versionOfPage((await host.read(pr, 'p0/index.html'))!),
        'v1',
        `#${pr} is served`,
      );
    }
    const index = (await host.index())!;
    assert.match(
      index,
      /<a href="pr-12\/">Pull request #12<\/a>[\s\S]*<a href="pr-1\/">Pull request #1<\/a>/,
    );
    assert.match(index, new RegExp(shaOf('v1').slice(0, 7)));
    if (host.store !== undefined) {
      // What a bucket serves each file with.
      const headers = async (key: string) => {
        const { contentType, cacheControl } = await getObject(
          host.store!.client,
          `hosted/pr-1/${key}`,
        );
        return `${contentType} | ${cacheControl}`;
      };
      assert.equal(await headers('p0/index.html'), 'text/html; charset=utf-8 | no-cache');
      assert.equal(
        await headers(one.stylesheet),
        'text/css; charset=utf-8 | public, max-age=31536000, immutable',
      );
      assert.equal(await headers('images/diagram.svg'), 'image/svg+xml | no-cache');
      assert.equal(await headers('_preview.js'), 'text/javascript; charset=utf-8 | no-cache');
      assert.equal(await headers('_preview.json'), 'application/json | no-cache');
    }

    const before = await host.snapshot();
    const removed = await remove(host, 1);
    succeeded(removed, 'removing #1');
    assert.match(removed.stderr, /removed .*pr-1\/ \(\d+ files\); 1 live preview on the host/);
    const after = await host.snapshot();
    assert.equal(await host.read(1, 'p0/index.html'), undefined, '#1 is gone');
    assert.deepEqual(linesOf(after, 1), [], 'nothing of #1 is left');
    assert.deepEqual(linesOf(after, 12), linesOf(before, 12), '#12 is untouched');
    const others = (lines: string[]) =>
      lines.filter((line) => !ofPreview(line, 1) && !isHostFile(line));
    assert.deepEqual(
      others(after),
      others(before),
      'nothing else on the host, or beside it, changed',
    );
    assert.doesNotMatch((await host.index())!, /Pull request #1</);
    assert.match((await host.index())!, /Pull request #12</);

    const again = await remove(host, 1);
    succeeded(again, 'removing #1 again');
    assert.match(again.stderr, /has no preview of pull request #1; nothing removed/);
  });

  test(`${kind}: a republish where one page changed writes only the files that changed`, async (t) => {
    const host = await makeHost(t, kind);
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), {
      pr: 12,
      version: 'v1',
      styleVersion: 'same',
    });
    succeeded(await publish(host, 12, 'v1', v1.dir), 'first publish');
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
      pr: 12,
      version: 'v2',
      styleVersion: 'same',
      changed: [3],
    });
    if (host.store === undefined) {
      const inode = (file: string) => statSync(join(host.root!, 'pr-12', file)).ino;
      const before = inode('p0/index.html');
      const result = await publish(host, 12, 'v2', v2.dir);
      succeeded(result, 'republish');
      assert.match(result.stderr, /: 4 files written, \d+ unchanged files linked/);
      assert.equal(
        inode('p0/index.html'),
        before,
        'an unchanged page is the same file, not a copy',
      );
    } else {
      const proxy = await startProxy(t, host.store);
      succeeded(await publish(host, 12, 'v2', v2.dir, { env: proxy.env }), 'republish');
      const puts = proxy.requests
        .filter((request) => request.startsWith('PUT ') && !isLease(request))
        .sort();
      assert.deepEqual(puts, [
        'PUT /previews/hosted/index.html',
        'PUT /previews/hosted/pr-12/_changes/index.html',
        'PUT /previews/hosted/pr-12/_changes/summary.json',
        'PUT /previews/hosted/pr-12/_preview.js',
        'PUT /previews/hosted/pr-12/_preview.json',
        'PUT /previews/hosted/pr-12/p3/index.html',
        'PUT /previews/hosted/robots.txt',
      ]);
      assert.equal(
        proxy.requests.some(
          (request) =>
            (request.startsWith('DELETE ') || request.startsWith('POST ')) && !isLease(request),
        ),
        false,
        `nothing to delete but the lease: ${proxy.requests.filter((r) => !r.startsWith('PUT') && !r.startsWith('GET')).join(', ')}`,
      );
    }
    assert.equal(versionOfPage((await host.read(12, 'p3/index.html'))!), 'v2');
    assert.equal(versionOfPage((await host.read(12, 'p4/index.html'))!), 'v1');
  });

  test(`${kind}: hostile or malformed values are refused with a clear message, touching nothing`, async (t) => {
    const host = await makeHost(t, kind);
    const build = writeSyntheticBuild(join(host.scratch, 'build'), { pr: 5, version: 'v1' });
    succeeded(await publish(host, 5, 'v1', build.dir), 'publishing #5');
    const before = await host.snapshot();
    const cases: Array<[string, string[], RegExp]> = [];
    for (const pr of ['../x', '1;rm', '']) {
      const message = new RegExp(
        `--pr ${JSON.stringify(pr).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a pull request number: use its digits only, e\\.g\\. --pr 123`,
      );
      cases.push([
        'preview-publish',
        ['--pr', pr, '--sha', shaOf('v1'), '--to', host.to, '--dist', build.dir],
        message,
      ]);
      cases.push(['preview-remove', ['--pr', pr, '--to', host.to], message]);
    }
    cases.push(['preview-remove', ['--to', host.to], /--pr is missing/]);
    cases.push([
      'preview-publish',
      ['--pr', '5', '--sha', '1;rm -rf /', '--to', host.to, '--dist', build.dir],
      /--sha "1;rm -rf \/" is not a commit id/,
    ]);
    cases.push([
      'preview-remove',
      ['--pr', '5', '--to', kind === 'dir' ? 'dir:' : 's3://previews/../hosted'],
      /--to .* (names no folder|the prefix segment "\.\." is not allowed)/,
    ]);
    cases.push([
      'preview-remove',
      ['--pr', '5', '--to', host.to, '--force'],
      /Unknown option '--force'[\s\S]*usage: lasting-links preview remove/,
    ]);
    for (const [script, args, message] of cases) {
      const result = await runScript(script as 'preview-publish', args, { env: host.env });
      const what = `${script} ${args.join(' ')}`;
      assert.equal(result.status, 2, `${what}: exit 2\n${result.stderr}`);
      assert.match(result.stderr, message, what);
      assert.doesNotMatch(result.stderr, /^\s+at /m, `${what}: no stack trace`);
    }
    assert.deepEqual(
      await host.snapshot(),
      before,
      'the host and its neighbours are exactly as they were',
    );

    // A build made for another pull request never lands in this one's folder.
    const other = await publish(host, 6, 'v1', build.dir);
    assert.equal(other.status, 1);
    assert.match(other.stderr, /was built for the base \/pr-5\/, not \/pr-6\//);
    assert.deepEqual(await host.snapshot(), before);
  });

  test(`${kind}: a publish that fails midway leaves the live preview as it was`, async (t) => {
    const host = await makeHost(t, kind);
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), { pr: 12, version: 'v1' });
    succeeded(await publish(host, 12, 'v1', v1.dir), 'first publish');
    const before = linesOf(await host.snapshot(), 12);
    const indexBefore = await host.index();
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
      pr: 12,
      version: 'v2',
      // A large file in the middle of the upload order: the dir host's disk fills up there.
      extraFiles: { 'images/large.bin': Buffer.alloc(2 * 1024 * 1024, 1) },
    });
    let failed: CommandResult;
    if (host.store === undefined) {
      failed = await publish(host, 12, 'v2', v2.dir, { fileSizeLimitKb: 1024 });
      assert.match(
        failed.stderr,
        /writing the new version of dir:.*\/pr-12 failed, so the live preview was left as it was: EFBIG/,
      );
    } else {
      // The store refuses the first page, after every asset went up.
      const proxy = await startProxy(
        t,
        host.store,
        (method, path) => method === 'PUT' && path.endsWith('.html'),
      );
      failed = await publish(host, 12, 'v2', v2.dir, { env: proxy.env });
      assert.match(
        failed.stderr,
        /uploading s3:\/\/previews\/hosted\/pr-12\/\S+\.html failed: the store refused it \(AccessDenied\)/,
      );
      assert.equal(
        proxy.requests.some((request) => /^(DELETE|POST) /.test(request) && !isLease(request)),
        false,
        'nothing was deleted but the lease',
      );
    }
    assert.equal(failed.status, 1);
    assert.doesNotMatch(failed.stderr, /^\s+at /m, 'no stack trace');

    // Every page is still the old one, whole, with its stylesheet; the manifest and index too.
    for (const page of v1.pages) {
      assert.equal(versionOfPage((await host.read(12, page)) ?? ''), 'v1', page);
    }
    assert.ok(
      (await host.read(12, v1.stylesheet)) !== undefined,
      'the old pages keep their stylesheet',
    );
    const manifest = JSON.parse((await host.read(12, '_preview.json'))!) as { sha: string };
    assert.equal(manifest.sha, shaOf('v1'));
    assert.equal(await host.index(), indexBefore);
    if (host.store === undefined) {
      assert.deepEqual(
        linesOf(await host.snapshot(), 12),
        before,
        'the folder is exactly as it was',
      );
    }

    // The next publish goes through, and clears what the failed one left.
    succeeded(await publish(host, 12, 'v2', v2.dir), 'publishing again');
    for (const page of v2.pages)
      assert.equal(versionOfPage((await host.read(12, page))!), 'v2', page);
    if (host.store === undefined) {
      const versions = (await host.snapshot()).filter((line) =>
        /^host\/\.versions\/pr-12\/[^/]+\/_preview\.json /.test(line),
      );
      assert.equal(
        versions.length,
        2,
        'the live version and the one before it, nothing half-written',
      );
    }
  });
}

test('s3: a preview of more than one listing page (1,500 files) is published twice and removed', async (t) => {
  const host = await makeHost(t, 's3');
  const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), {
    pr: 7,
    version: 'v1',
    pageCount: 1500,
    pageBytes: 20,
  });
  succeeded(await publish(host, 7, 'v1', v1.dir), 'first publish');
  const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), {
    pr: 7,
    version: 'v2',
    pageCount: 1490,
    pageBytes: 20,
    changed: [0, 1499],
  });
  // The republish lists the 1,500 files the host holds (two listing pages) to find the stale ones.
  const again = await publish(host, 7, 'v2', v2.dir);
  succeeded(again, 'republish');
  assert.match(
    again.stderr,
    /\d+ objects uploaded, \d+ unchanged, \d+ previous assets kept, 10 stale objects deleted/,
  );
  assert.equal(versionOfPage((await host.read(7, 'p0/index.html'))!), 'v2');
  assert.equal(
    await host.read(7, 'p1495/index.html'),
    undefined,
    'a page the build dropped is gone',
  );
  const removed = await remove(host, 7);
  succeeded(removed, 'remove');
  assert.match(removed.stderr, /removed .*pr-7\/ \((149\d|150\d) files\)/);
  assert.deepEqual(linesOf(await host.snapshot(), 7), [], 'nothing of #7 is left');
});

for (const kind of KINDS) {
  test(`${kind}: two publishes of one pull request at once leave a whole preview: the second waits for the first's lease`, async (t) => {
    const host = await makeHost(t, kind);
    const pages = 150;
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), {
      pr: 9,
      version: 'v1',
      pageCount: pages,
    });
    succeeded(await publish(host, 9, 'v1', v1.dir), 'first publish');
    // Three rounds on a folder, where the order of two runs at once is the scheduler's; one on
    // the store, where the slow link fixes the order (another round there would repeat it exactly).
    const rounds = [
      ['v2', 'v3'],
      ['v4', 'v5'],
      ['v6', 'v7'],
    ] as const;
    for (const [a, b] of host.store === undefined ? rounds : rounds.slice(0, 1)) {
      const builds = [a, b].map((version) =>
        writeSyntheticBuild(join(host.scratch, version), { pr: 9, version, pageCount: pages }),
      );
      let results: CommandResult[];
      if (host.store === undefined) {
        results = await Promise.all([
          publish(host, 9, a, builds[0]!.dir),
          publish(host, 9, b, builds[1]!.dir),
        ]);
      } else {
        // The first publish has a slow link to the store; the second starts once the first's
        // stylesheet is up, and would finish first.
        const slow = await startProxy(t, host.store, undefined, 250);
        const first = publish(host, 9, a, builds[0]!.dir, { env: slow.env });
        while (!slow.requests.some((request) => request.endsWith(builds[0]!.stylesheet)))
          await new Promise((wait) => setTimeout(wait, 20));
        const second = publish(host, 9, b, builds[1]!.dir);
        results = await Promise.all([first, second]);
      }
      results.forEach((result, n) => succeeded(result, `publish ${n + 1} of ${a}/${b}`));
      // Whichever went second is live, whole: every page of its version, with its stylesheet.
      const manifest = JSON.parse((await host.read(9, '_preview.json'))!) as { sha: string };
      const live = [a, b].find((version) => shaOf(version) === manifest.sha);
      assert.ok(live !== undefined, `the live manifest names ${a} or ${b}: ${manifest.sha}`);
      const build = builds[live === a ? 0 : 1]!;
      const wrong: string[] = [];
      for (const page of build.pages) {
        const seen = versionOfPage((await host.read(9, page)) ?? '');
        if (seen !== live) wrong.push(`${page}: ${seen ?? 'missing or torn'}`);
      }
      assert.deepEqual(wrong, [], `every page of ${live} is live after ${a} and ${b} at once`);
      assert.ok(
        (await host.read(9, build.stylesheet)) !== undefined,
        `the stylesheet of ${live} is there`,
      );
    }
  });

  test(`${kind}: a publish or remove while another run holds the lease refuses after its wait; an expired lease is taken over`, async (t) => {
    const host = await makeHost(t, kind);
    const v1 = writeSyntheticBuild(join(host.scratch, 'v1'), { pr: 4, version: 'v1' });
    succeeded(await publish(host, 4, 'v1', v1.dir), 'first publish');
    const before = await host.snapshot();
    // A run that holds the lease and then dies without releasing it.
    const holder = spawn(
      process.execPath,
      [join(import.meta.dirname, 'support/hold-lease.ts'), host.to, '4', '4000'],
      { env: { ...process.env, ...host.env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    t.after(() => holder.kill('SIGKILL'));
    await new Promise<void>((held, failed) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && held());
      holder.on('exit', () => failed(new Error('the lease holder ended before it held the lease')));
    });
    const v2 = writeSyntheticBuild(join(host.scratch, 'v2'), { pr: 4, version: 'v2' });
    const refused = await publish(host, 4, 'v2', v2.dir, { args: ['--wait', '0'] });
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /the preview of pull request #4 on .* is being published or removed by another run .*: try again once it has finished, or wait longer with --wait SECONDS/,
    );
    const removeRefused = await runScript(
      'preview-remove',
      ['--pr', '4', '--to', host.to, '--wait', '1'],
      {
        env: host.env,
      },
    );
    assert.equal(removeRefused.status, 1, removeRefused.stderr);
    assert.match(removeRefused.stderr, /is being published or removed by another run/);
    assert.doesNotMatch(refused.stderr + removeRefused.stderr, /^\s+at /m, 'no stack trace');
    const during = await host.snapshot();
    assert.deepEqual(
      during.filter((line) => !/\.lease|\.leases\//.test(line)),
      before,
      'nothing changed',
    );

    holder.kill('SIGKILL');
    // The dead run's lease expires (4 s) and the next publish takes it over.
    const published = await publish(host, 4, 'v2', v2.dir, { args: ['--wait', '30'] });
    succeeded(published, 'publish after the holder died');
    assert.equal(versionOfPage((await host.read(4, 'p0/index.html'))!), 'v2');
    assert.deepEqual(
      (await host.snapshot()).filter((line) => /\.lease|\.leases\//.test(line)),
      [],
      'the lease is released',
    );
  });
}
