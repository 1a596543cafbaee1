/**
 * Serves a built site the way a plain static host (an S3 website bucket, GitHub Pages) does:
 * files only, no rewrite rules, `dir/` answered by `dir/index.html`, `404.html` for anything
 * missing, and the whole site mounted under the base it was built with.
 *
 *   PORT=4610 DIST_DIR=dist node scripts/serve-static.ts
 *   node scripts/serve-static.ts --check-port     (only says whether PORT is free: exit 0, or 1 and why)
 *
 * The base comes from the build's `_build.json`; `SITE_BASE`, when set, must agree with it. A
 * folder that is not a build of this site is served at `SITE_BASE` (default `/`).
 * sirv does the file serving (MIME types, ETags, ranges); this file only adds the base mount
 * and the 404 page, which sirv-cli has no option for. Like S3 and GitHub Pages, `dir` and
 * `dir/` both answer with `dir/index.html`.
 */
import { createServer } from 'node:http';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { outputDir } from './paths.ts';
import { stopWithOwner } from './owner-watch.ts';
import { parseBase, withoutBase } from '../packages/lasting-links/src/lib/site-path.ts';
import {
  BUILD_MANIFEST_FILE,
  readManifest,
} from '../packages/lasting-links/src/lib/site/build-manifest.ts';
import { exitIfPortTaken, listenOrExplain, portFromEnvironment } from './port.ts';

const port = portFromEnvironment(4321);
const host = process.env['HOST'] ?? '127.0.0.1';
// `npm start` asks first, so that a taken port is reported before the build, not after it.
if (process.argv.includes('--check-port')) {
  await exitIfPortTaken(port, host);
  process.exit(0);
}
const distDir = outputDir();
// A build of this site records its base; any other folder is served at SITE_BASE (default /).
const manifest = existsSync(join(distDir, BUILD_MANIFEST_FILE)) ? readManifest(distDir) : undefined;
const base = manifest?.base ?? parseBase(process.env['SITE_BASE']);
if (process.env['SITE_BASE'] !== undefined && parseBase(process.env['SITE_BASE']) !== base) {
  console.error(
    `serve: ${distDir} was built for base ${base}, but SITE_BASE is ${process.env['SITE_BASE']}; rebuild it or point DIST_DIR at the right output`,
  );
  process.exit(1);
}

const files = sirv(distDir, { dev: true, etag: true, extensions: ['html'] });
/**
 * Whether serving `path` would go through a symbolic link: the path itself, or the `.html` and
 * `index.html` files sirv also tries. Such files are refused (404), never followed: a link can
 * point outside the output, and the checker does not read through links either.
 */
function reachesSymlink(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false; // sirv answers a malformed path with 404 itself.
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  const candidates = [segments, [...segments, 'index.html']];
  if (segments.length > 0) candidates.push([...segments.slice(0, -1), `${segments.at(-1)}.html`]);
  return candidates.some((candidate) => {
    let at = distDir;
    for (const segment of candidate) {
      at = join(at, segment);
      try {
        if (lstatSync(at).isSymbolicLink()) return true;
      } catch {
        return false; // Nothing there: sirv tries the next candidate or answers 404.
      }
    }
    return false;
  });
}

const notFound = () => readFileSync(join(distDir, '404.html'));

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = withoutBase(url.pathname, base);
  const sendNotFound = () => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(notFound());
  };
  if (path === undefined) {
    sendNotFound();
    return;
  }
  // Like a bucket, `/dir` without the slash is not `/dir/`: the host answers 404, except for the base itself.
  if (url.pathname === base.slice(0, -1) && base !== '/') {
    response.writeHead(301, { location: base });
    return response.end();
  }
  if (reachesSymlink(path)) {
    sendNotFound();
    return;
  }
  // `dir/` is `dir/index.html`, as on S3 and GitHub Pages; sirv alone would try `dir.html`
  // first, and a moved page's `.html` stub beside the page would answer for the page.
  request.url = (path.endsWith('/') ? `${path}index.html` : path) + url.search;
  files(request, response, sendNotFound);
});

await listenOrExplain(server, port, host);
console.log(`Serving ${distDir} at http://${host}:${port}${base}`);
stopWithOwner(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
