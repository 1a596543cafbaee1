/**
 * An HTTP server that answers like an S3 website endpoint (or a CDN in front of a bucket) for a
 * host: the rules are `websiteLookup`'s, the files come from the host (a folder, or a bucket
 * through the S3 API), with the `Content-Type` and `Cache-Control` they were stored with, and
 * an object's website redirect location (`x-amz-website-redirect-location`) answered with a 301.
 *
 * Every answer refuses to be framed (X-Frame-Options and CSP frame-ancestors): all previews share
 * this origin, and a preview is a pull request's HTML, so a page of one preview could otherwise
 * load the host index or another preview in a frame and script it. Framing is only one way in
 * (a script of the same origin can also open a window); the safe deployment gives each preview
 * an origin of its own (see the README).
 */
import { createServer, type Server } from 'node:http';
import { websiteLookup } from '../../packages/lasting-links/src/lib/preview/website.ts';
import type { PreviewHost } from '../../packages/lasting-links/src/publish/host.ts';

/** The headers that keep every page of the host out of frames. */
const NO_FRAMING = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
};

/** A server for `host`; call `listen` on it. */
export function websiteServer(host: Pick<PreviewHost, 'read'>): Server {
  return createServer((request, response) => {
    const reply = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      response.writeHead(status, { ...headers, ...NO_FRAMING });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply(405, { allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const lookup = websiteLookup(url.pathname);
    const notFound = async (key: string | undefined) => {
      const page = key === undefined ? undefined : await host.read(key);
      if (page === undefined)
        reply(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found\n');
      else reply(404, { 'content-type': page.contentType, 'cache-control': 'no-cache' }, page.body);
    };
    const answer = async () => {
      if (lookup === undefined) return notFound(undefined);
      const object = await host.read(lookup.key);
      // Like S3: an object with a website redirect location is answered with a 301 there (the
      // index document of `dir/` too), its body unread.
      if (object?.redirectLocation !== undefined) {
        reply(301, { location: object.redirectLocation });
        return;
      }
      if (object !== undefined) {
        reply(
          200,
          {
            'content-type': object.contentType,
            'content-length': String(object.body.length),
            ...(object.cacheControl === undefined ? {} : { 'cache-control': object.cacheControl }),
          },
          object.body,
        );
        return;
      }
      // Like S3: `dir` without the slash is redirected to `dir/` when `dir/index.html` exists.
      if (lookup.directoryIndex !== undefined && (await host.read(lookup.directoryIndex))) {
        reply(302, { location: `${url.pathname}/${url.search}` });
        return;
      }
      return notFound(lookup.notFound);
    };
    answer().catch((error: unknown) => {
      if (!response.headersSent)
        reply(
          500,
          { 'content-type': 'text/plain; charset=utf-8' },
          `${(error as Error).message}\n`,
        );
      else response.destroy();
    });
  });
}
