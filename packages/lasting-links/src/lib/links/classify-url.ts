/**
 * Where a URL written in a built page points: another page of this site, the outside world,
 * or nowhere a checker can follow. Everything here works on strings; nothing reads files.
 */
import { decodeUrlPath, withoutBase, type Base, type SitePath } from '../site-path.ts';
import { decodeFragment } from '../html/page-collectors.ts';

/** What a URL found in the output refers to. */
export type LinkTarget =
  /**
   * A path on this site (base removed), with its fragment if any: `fragment` decoded, `raw` as
   * written. A browser looks for an element with the raw fragment first, then the decoded one.
   */
  | { kind: 'internal'; path: SitePath; fragment: string | null; raw: string | null }
  /** A root-absolute path on this host that does not start with the base: broken under a sub-path deploy. */
  | { kind: 'outside-base'; path: string; fragment: string | null }
  | { kind: 'external'; url: string }
  /** A URL no browser can follow (`//////`, `http://`): an error, not an external link. */
  | { kind: 'malformed'; url: string }
  /** `mailto:`, `tel:`, `javascript:`, `data:` and the like: nothing to check. */
  | { kind: 'ignored' };

/**
 * The part of a URL fragment that names an element. A text fragment (`#id:~:text=words`, or
 * `#:~:text=words`) is a directive for the browser, which cuts it off before it looks for an id.
 */
function elementFragment(fragment: string): string {
  const directive = fragment.indexOf(':~:');
  return directive < 0 ? fragment : fragment.slice(0, directive);
}

/** A fragment as written and decoded, or null for none (`#` and a bare text directive name no element). */
function fragmentOf(written: string | null): { fragment: string | null; raw: string | null } {
  if (written === null) return { fragment: null, raw: null };
  const raw = elementFragment(written);
  return { fragment: decodeFragment(raw), raw };
}

/** Schemes that never name a document to fetch. */
const IGNORED_SCHEMES = new Set([
  'mailto:',
  'tel:',
  'javascript:',
  'data:',
  'blob:',
  'about:',
  'sms:',
  'irc:',
  'ircs:',
  'ftp:',
]);

/**
 * Classifies `url` as written in the page at `pagePath` (a site path), for a site deployed
 * at `base` on `siteOrigin` (e.g. `https://docs.example.com`): absolute URLs on that origin
 * count as internal, which covers canonical links and sitemap entries.
 */
export function classifyUrl(
  url: string,
  pagePath: SitePath,
  base: Base,
  siteOrigin: string,
  baseHref?: string,
): LinkTarget {
  // A `<base href>` changes what every relative URL, `#id` included, resolves against.
  if (baseHref === undefined) {
    const fast = classifyPlainUrl(url, pagePath, base);
    if (fast !== undefined) return fast;
  }
  const trimmed = url.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(trimmed)?.[0].toLowerCase();
  if (scheme !== undefined && IGNORED_SCHEMES.has(scheme)) return { kind: 'ignored' };
  // A placeholder host keeps relative resolution exact (dot segments, query, fragment) without
  // mistaking it for a real one.
  let documentUrl = new URL(base.slice(0, -1) + pagePath, 'http://page.invalid');
  if (baseHref !== undefined) {
    try {
      documentUrl = new URL(baseHref, documentUrl);
    } catch {
      // A base that does not parse is ignored by browsers too.
    }
  }
  let resolved: URL;
  try {
    resolved = new URL(trimmed, documentUrl);
  } catch {
    return { kind: 'malformed', url: trimmed };
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return { kind: 'ignored' };
  const onThisSite = resolved.host === 'page.invalid' || resolved.origin === originOf(siteOrigin);
  if (!onThisSite) return { kind: 'external', url: resolved.href };
  const written = resolved.hash === '' && !trimmed.includes('#') ? null : resolved.hash.slice(1);
  const { fragment, raw } = fragmentOf(written);
  const path = withoutBase(decodeUrlPath(resolved.pathname), base);
  if (path === undefined) return { kind: 'outside-base', path: resolved.pathname, fragment };
  return { kind: 'internal', path, fragment, raw };
}

/** Characters a URL parser leaves alone in a path: no spaces, quotes, backslashes or non-ASCII. */
const PLAIN_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

/**
 * The common cases, `#id` and `/plain/path/#id`, without a URL parser: a site's links are
 * hundreds of thousands of these, and `new URL()` was most of the checker's time. Returns
 * undefined whenever a full parse could differ (dot segments, unusual characters).
 */
function classifyPlainUrl(url: string, pagePath: SitePath, base: Base): LinkTarget | undefined {
  const first = url.charCodeAt(0);
  if (first === 35 /* # */)
    return { kind: 'internal', path: pagePath, ...fragmentOf(url.slice(1)) };
  if (first !== 47 /* / */ || url.charCodeAt(1) === 47) return undefined;
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const pathname = query < 0 ? beforeHash : beforeHash.slice(0, query);
  // `%2e` is a dot to a URL parser: `/a/%2e%2e/` is `/`, so such paths take the full parse.
  if (!PLAIN_PATH.test(pathname) || pathname.includes('/.') || /%2e/i.test(pathname))
    return undefined;
  const { fragment, raw } = fragmentOf(hash < 0 ? null : url.slice(hash + 1));
  const path = withoutBase(pathname.includes('%') ? decodeUrlPath(pathname) : pathname, base);
  return path === undefined
    ? { kind: 'outside-base', path: pathname, fragment }
    : { kind: 'internal', path, fragment, raw };
}

/** The last site origin asked about, and its origin: a check asks about one site's, per link. */
let lastOrigin: { url: string; origin: string } | undefined;

function originOf(url: string): string {
  if (lastOrigin?.url !== url) {
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      // Not a URL: no absolute link counts as this site's.
    }
    lastOrigin = { url, origin };
  }
  return lastOrigin.origin;
}

/** Writes a site path (plus fragment) as a URL under `base`, for messages that tell people what to write. */
export function displayUrl(path: string, fragment: string | null): string {
  return fragment === null || fragment === '' ? path : `${path}#${fragment}`;
}
