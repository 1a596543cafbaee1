/**
 * A plain static server on a free port for one folder, for specs that need a site of their own.
 * It stops with the test run however it ends (the run's `DOCS_OWNER_PID`), and when `stop()` is called.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePorts } from './free-ports.ts';

const projectRoot = join(import.meta.dirname, '../../..');

/** Serves `dir` like a static host (or with nginx); resolves with its origin once it answers. */
export async function serveFolder(
  dir: string,
  name: string,
  server: 'static' | 'nginx' = 'static',
  base = '/',
): Promise<{ origin: string; stop: () => void }> {
  const port = freePorts(1, `DOCS_E2E_PORT_${name.toUpperCase().replace(/\W/g, '_')}`)[0]!;
  const script = server === 'static' ? 'scripts/serve-static.ts' : 'scripts/serve-nginx.ts';
  const child = spawn(process.execPath, [join(projectRoot, script)], {
    env: { ...process.env, DIST_DIR: dir, PORT: String(port), SITE_BASE: base },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await fetch(`${origin}${base}`);
      return { origin, stop: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`the static server for ${dir} did not start on port ${port}`);
}
