/**
 * Serves a built site the way a plain static host (an S3 website bucket, GitHub Pages) does:
 * files only, no rewrite rules, `dir/` answered by `dir/index.html`, `404.html` for anything
 * missing, and the whole site mounted under the base it was built with.
 *
 *   PORT=4610 DIST_DIR=dist node scripts/serve-static.ts
 *
 * The base comes from the build's `_build.json`; `SITE_BASE`, when set, must agree with it.
 * sirv does the file serving (MIME types, ETags, ranges); this file only adds the base mount
 * and the 404 page, which sirv-cli has no option for. Like S3 and GitHub Pages, `dir` and
 * `dir/` both answer with `dir/index.html`.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { outputDir } from './cli-settings.ts';
import { stopWithOwner } from './owner-watch.ts';
import { parseBase, withoutBase } from '../src/lib/site-path.ts';
import { readManifest } from '../src/lib/site/build-manifest.ts';

const distDir = outputDir();
const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? '127.0.0.1';
let base;
try {
  base = readManifest(distDir).base;
} catch (error) {
  console.error(`serve: ${(error as Error).message}`);
  process.exit(1);
}
if (process.env['SITE_BASE'] !== undefined && parseBase(process.env['SITE_BASE']) !== base) {
  console.error(
    `serve: ${distDir} was built for base ${base}, but SITE_BASE is ${process.env['SITE_BASE']}; rebuild it or point DIST_DIR at the right output`,
  );
  process.exit(1);
}

const files = sirv(distDir, { dev: true, etag: true, extensions: ['html'] });
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
  // `dir/` is `dir/index.html`, as on S3 and GitHub Pages; sirv alone would try `dir.html`
  // first, and a moved page's `.html` stub beside the page would answer for the page.
  request.url = (path.endsWith('/') ? `${path}index.html` : path) + url.search;
  files(request, response, sendNotFound);
});

server.listen(port, host, () => console.log(`Serving ${distDir} at http://${host}:${port}${base}`));
stopWithOwner(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
