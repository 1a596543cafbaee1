/**
 * A server a test run starts stops when the run is gone, even when the run was killed outright:
 * the static server and the nginx wrapper (and its nginx) watch the process named in
 * `DOCS_OWNER_PID`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../e2e/support/free-ports.ts';

const exited = (child: ReturnType<typeof spawn>, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

for (const server of ['serve-static', 'serve-nginx'] as const) {
  test(
    `${server} stops within seconds of its owner being killed`,
    { timeout: 30_000 },
    async (t) => {
      if (server === 'serve-nginx' && !existsSync('/usr/sbin/nginx')) {
        assert.fail('nginx is not installed: apt-get install nginx (bash .ci/run installs it)');
      }
      const dist = mkdtempSync(join(tmpdir(), 'owner-'));
      mkdirSync(join(dist, 'a'));
      writeFileSync(join(dist, 'index.html'), '<h1>home</h1>');
      writeFileSync(join(dist, '404.html'), '<h1>404</h1>');
      writeFileSync(join(dist, '_build.json'), '{"base": "/", "site": "https://docs.example.com"}');
      writeFileSync(join(dist, '_nginx-redirects.conf'), '# none\n');
      writeFileSync(join(dist, '_nginx-redirects-map.conf'), '# none\n');
      // The owner: a process that is killed with SIGKILL, with no chance to clean up.
      const owner = spawn('sleep', ['60']);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DOCS_OWNER_PID: String(owner.pid),
        DIST_DIR: dist,
        PORT: String(freePorts(1, `OWNER_TEST_${server}`)[0]),
      };
      delete env['SITE_BASE'];
      const child = spawn(process.execPath, [`scripts/${server}.ts`], { env, stdio: 'ignore' });
      t.after(() => {
        child.kill('SIGKILL');
        owner.kill('SIGKILL');
        rmSync(dist, { recursive: true, force: true });
      });
      assert.equal(await exited(child, 1500), false, 'the server runs while its owner lives');
      owner.kill('SIGKILL');
      assert.equal(await exited(child, 5000), true, 'the server stops when its owner is gone');
      if (server === 'serve-nginx') {
        // Its nginx goes too: no process is left serving this folder.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const left = execFileSync(
          'sh',
          ['-c', `pgrep -f "[n]ginx -p .*nginx-${env['PORT']}" || true`],
          { encoding: 'utf8' },
        );
        assert.equal(left.trim(), '', 'nginx is stopped as well');
        assert.ok(
          !existsSync(join('.build', `nginx-${env['PORT']}`)),
          'its configuration and temp files are removed with it',
        );
      }
    },
  );
}
