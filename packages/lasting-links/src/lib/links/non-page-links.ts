/**
 * Links held by output files other than pages: the `_redirects` file (Netlify, Cloudflare
 * Pages) and the XML sitemaps. Each target is returned as a LinkRef so the page checker
 * judges them the same way.
 */
import { Parser } from 'htmlparser2';
import type { LinkRef } from '../html/scan-page.ts';
import { lineLocator } from '../html/line-locator.ts';

/**
 * The targets of a `_redirects` file (`FROM TO [STATUS]` per line, `#` comments). Sources are
 * not links: they name paths that are meant to be gone. A target holding a placeholder
 * (`:splat`, `:slug`) or a splat (`*`) is filled in per request by the host, so it is no one
 * address that could be checked, and is left out.
 */
export function redirectsFileTargets(text: string): LinkRef[] {
  const links: LinkRef[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) return;
    const fields = [...line.matchAll(/\S+/g)];
    const to = fields[1];
    if (to === undefined || isPattern(to[0])) return;
    links.push({
      url: to[0],
      tag: '_redirects',
      attribute: 'to',
      line: index + 1,
      column: to.index + 1,
    });
  });
  return links;
}

/** The `<loc>` URLs of a sitemap or sitemap index, with their positions. */
export function sitemapLocations(xml: string): LinkRef[] {
  const links: LinkRef[] = [];
  const locate = lineLocator(xml);
  let inLoc = false;
  let text = '';
  let start = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (name !== 'loc') return;
        inLoc = true;
        text = '';
        start = parser.endIndex + 1;
      },
      ontext(data) {
        if (inLoc) text += data;
      },
      onclosetag(name) {
        if (name !== 'loc' || !inLoc) return;
        inLoc = false;
        const url = text.trim();
        if (url === '') return;
        links.push({
          url,
          tag: 'loc',
          attribute: 'text',
          ...locate(start + text.length - text.trimStart().length),
        });
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return links;
}

/** Whether a `_redirects` target is a pattern the host fills in (`/blog/:slug`, `/new/:splat`, `/x/*`). */
function isPattern(url: string): boolean {
  return (
    /(^|\/):[A-Za-z]/.test(url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')) || url.includes('*')
  );
}
