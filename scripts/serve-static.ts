/**
 * Serves a built site the way a plain static host (an S3 website bucket, GitHub Pages) does:
 * files only, no rewrite rules, `dir/` answered by `dir/index.html`, `404.html` for anything
 * missing, and the whole site mounted under the base it was built with.
 *
 *   PORT=4610 DIST_DIR=dist SITE_BASE=/ node scripts/serve-static.ts
 *
 * sirv does the file serving (MIME types, ETags, ranges); this file only adds the base mount
 * and the 404 page, which sirv-cli has no option for. Like S3 and GitHub Pages, `dir` and `dir/`
 * both answer with `dir/index.html`.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { normalizeBase, withoutBase } from '../src/lib/base-path.ts';

const distDir = resolve(process.env.DIST_DIR ?? 'dist');
const base = normalizeBase(process.env.SITE_BASE);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

const files = sirv(distDir, { dev: true, etag: true, extensions: ['html'] });
const notFound = () => readFileSync(join(distDir, '404.html'));

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = withoutBase(url.pathname, base);
  const sendNotFound = () => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(notFound());
  };
  if (path === undefined) return sendNotFound();
  // Like a bucket, `/dir` without the slash is not `/dir/`: the host answers 404, except for the base itself.
  if (url.pathname === base.slice(0, -1) && base !== '/') {
    response.writeHead(301, { location: base });
    return response.end();
  }
  request.url = path + url.search;
  files(request, response, sendNotFound);
});

server.listen(port, host, () => console.log(`Serving ${distDir} at http://${host}:${port}${base}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
