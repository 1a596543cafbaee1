/**
 * The generated nginx map, served by a real nginx through `npm run serve:nginx` and the
 * committed `deploy/nginx/site.conf`: thousands of moves, a path longer than nginx's default
 * hash bucket, and paths with quotes, dollars, semicolons, braces and non-ASCII letters are
 * each answered with exactly their 301, at the root and under a preview base, and nothing else
 * is redirected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../../../../tests/e2e/support/free-ports.ts';
import { parseBase, withBase } from '../../src/lib/site-path.ts';
import { targetHref } from '../../src/lib/redirects/locations.ts';
import {
  NGINX_MAP_FILE,
  NGINX_RULES_FILE,
  renderNginxMap,
  renderNginxRules,
} from '../../src/lib/redirects/nginx-rules.ts';
import { plan, site } from './support/redirect-fixtures.ts';

const ODD = [
  `/odd/"quoted".html`,
  '/odd/dollar$uri.html',
  '/odd/semi;colon{brace}.html',
  "/odd/it's.html",
  '/odd/ünïcödé.html',
  `/odd/${'long-'.repeat(70)}path.html`,
];

function movedSite() {
  const index = site({ '/t/': [['x', 'X']], '/a$b/': [] });
  const lines = [
    '- from: /old/guide/',
    '  to: /t/#x',
    ...ODD.flatMap((from, at) => [
      `- from: '${from.replace(/'/g, "''")}'`,
      `  to: ${at % 2 === 0 ? '/t/' : '/a$b/'}`,
    ]),
  ];
  for (let n = 0; n < 3000; n += 1) lines.push(`- from: /old/${n}.html`, '  to: /t/');
  const result = plan(lines.join('\n'), index);
  assert.deepEqual(result.problems, []);
  return result.plan;
}

for (const baseText of ['/', '/pr-123/']) {
  test(
    `nginx answers every moved path with its own 301 under base ${baseText}`,
    { timeout: 60_000 },
    async (t) => {
      assert.ok(
        existsSync('/usr/sbin/nginx'),
        'nginx is not installed: apt-get install nginx (bash .ci/run installs it)',
      );
      const base = parseBase(baseText);
      const moves = movedSite();
      const dist = mkdtempSync(join(tmpdir(), 'nginx-map-'));
      mkdirSync(join(dist, 't'));
      writeFileSync(join(dist, 't', 'index.html'), '<h1 id="x">t</h1>');
      writeFileSync(join(dist, 'index.html'), '<h1>home</h1>');
      writeFileSync(join(dist, '404.html'), '<h1>404</h1>');
      writeFileSync(
        join(dist, '_build.json'),
        JSON.stringify({ base, site: 'https://docs.example.com' }),
      );
      writeFileSync(join(dist, NGINX_MAP_FILE), renderNginxMap(moves, base, 'redirects.yaml'));
      writeFileSync(join(dist, NGINX_RULES_FILE), renderNginxRules(moves, base, 'redirects.yaml'));
      const port = freePorts(1, `NGINX_MAP_TEST_${baseText}`)[0]!;
      const server = spawn(process.execPath, ['scripts/serve-nginx.ts'], {
        env: {
          ...process.env,
          DIST_DIR: dist,
          PORT: String(port),
          SITE_BASE: base,
          DOCS_OWNER_PID: String(process.pid),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      server.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      t.after(() => {
        server.kill('SIGTERM');
        rmSync(dist, { recursive: true, force: true });
      });
      const origin = `http://127.0.0.1:${port}`;
      // `$` reaches the browser as %24 (nginx would expand it): the same URL, compared decoded.
      const ask = async (path: string) => {
        const response = await fetch(`${origin}${encodeURI(withBase(path as never, base))}`, {
          redirect: 'manual',
        });
        const location = response.headers.get('location');
        return {
          status: response.status,
          location: location === null ? null : decodeURIComponent(location),
        };
      };
      for (let tries = 0; ; tries += 1) {
        const up = await fetch(`${origin}${base}`).then(
          () => true,
          () => false,
        );
        if (up) break;
        assert.ok(tries < 100 && server.exitCode === null, `nginx did not start:\n${errors}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const expected = (from: string) => {
        const move = moves.serverRedirects.find((candidate) => candidate.from === from)!;
        return decodeURIComponent(targetHref(move.route.target, base));
      };
      for (const from of [...ODD, '/old/0.html', '/old/1499.html', '/old/2999.html'])
        assert.deepEqual(await ask(from), { status: 301, location: expected(from) }, from);
      for (const spelling of ['/old/guide/', '/old/guide', '/old/guide/index.html'])
        assert.deepEqual(
          await ask(spelling),
          { status: 301, location: expected('/old/guide/') },
          spelling,
        );
      assert.equal((await ask('/t/')).status, 200, 'a live page is served, not redirected');
      assert.equal((await ask('/old/3000.html')).status, 404, 'an unknown path is not redirected');
    },
  );
}

test('nginx builds the map hash as written for a docs-sized map, with no "could not build optimal" warning', () => {
  assert.ok(existsSync('/usr/sbin/nginx'), 'nginx is not installed: apt-get install nginx');
  // Paths as long as real docs paths (60 to 100 bytes), each a key nginx must fit in a bucket.
  const lines: string[] = [];
  for (let n = 0; n < 1500; n += 1)
    lines.push(
      `- from: /administration-guide/configure/section-${n % 40}/environment-configuration-settings-${n}.html`,
      '  to: /t/',
    );
  const { plan: moves, problems } = plan(lines.join('\n'), site({ '/t/': [] }));
  assert.deepEqual(problems, []);
  const dir = mkdtempSync(join(tmpdir(), 'nginx-hash-'));
  try {
    const base = parseBase('/');
    writeFileSync(join(dir, 'map.conf'), renderNginxMap(moves, base, 'redirects.yaml'));
    writeFileSync(join(dir, 'rules.conf'), renderNginxRules(moves, base, 'redirects.yaml'));
    // `nginx -t` reads and checks the configuration, building the hash, without listening.
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${join(dir, 'nginx.pid')};\nerror_log stderr warn;\nevents {}\nhttp {\n  include ${join(dir, 'map.conf')};\n  server {\n    include ${join(dir, 'rules.conf')};\n  }\n}\n`,
    );
    const checked = spawnSync('/usr/sbin/nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], {
      encoding: 'utf8',
    });
    assert.equal(checked.status, 0, checked.stderr);
    assert.doesNotMatch(checked.stderr, /could not build|increase/, checked.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
