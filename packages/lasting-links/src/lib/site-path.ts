/**
 * Site paths and the deployment base, kept apart by the type system.
 *
 * A *site path* is where a page or file lives on the site, without the deployment base:
 * `/administration-guide/scale/`, `/favicon.svg`, or a legacy `/deployment/cluster.html`.
 * Authors write site paths; maps and locks store them. A *base* is where the whole site is
 * mounted: `/` for the published site, `/pr-123/` for a preview. Only `withBase` joins the two,
 * and only `withoutBase` separates them, so a path that is missing its base or carries it twice
 * does not compile.
 */

declare const sitePathBrand: unique symbol;
declare const baseBrand: unique symbol;

/** A URL path on this site without the deployment base; always starts with one `/`. */
export type SitePath = string & { readonly [sitePathBrand]: true };

/** A deployment base: `/` or `/sub/path/`, always with a leading and a trailing slash. */
export type Base = string & { readonly [baseBrand]: true };

/** True for URLs written from the site root: `/a/b/`, not `//host/`, `https://…` or `#x`. */
export function isRootRelative(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/**
 * Why `value` is not a site path an author may write in a link field, or undefined when it is
 * one. Beyond starting with one `/`: no backslash anywhere (browsers read it as `/`, so
 * `/\\host/` goes to another host), and no white space or control character.
 */
export function sitePathProblem(value: string): string | undefined {
  if (value.includes('\\')) {
    return `"${value}" has a backslash, which browsers read as "/"${/^[\\/]{2}/.test(value) ? ' (so it goes to another host)' : ''}: write the site path with "/" only, e.g. /a/b/`;
  }
  if (!isRootRelative(value)) {
    return `"${value}" is not a site path: write it from the site root with one "/", e.g. /a/b/`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return `"${value}" holds white space or a control character: write the path as a URL, e.g. /a/b/`;
  }
  return undefined;
}

/** A site path from a string an author or a tool wrote; throws when it is not root-relative. */
export function sitePath(path: string): SitePath {
  if (!isRootRelative(path)) {
    throw new Error(`"${path}" is not a site path: write it from the site root, e.g. /a/b/`);
  }
  return path as SitePath;
}

/** `undefined`, `''`, `pr-123`, `/pr-123` and `/pr-123/` all become `/pr-123/`; nothing becomes `/`. */
export function parseBase(base: string | undefined): Base {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (
    /[?#\s\\"'<>]/.test(trimmed) ||
    trimmed.split('/').some((part) => part === '.' || part === '..')
  ) {
    throw new Error(
      `SITE_BASE "${base}" is not a path: use letters, digits, "-", "_", "." and "/" only (example: /pr-123/).`,
    );
  }
  return (trimmed === '' ? '/' : `/${trimmed}/`) as Base;
}

/** The URL path a browser asks for: `withBase('/a/', '/pr-1/')` is `/pr-1/a/`. Never guesses. */
export function withBase(path: SitePath, base: Base): string {
  return base === '/' ? path : base + path.slice(1);
}

/**
 * The inverse of `withBase` for URL paths read back from a page or a request: `/pr-1/a/` gives
 * `/a/`, `/pr-1` gives `/`, and a path outside the base gives `undefined`.
 */
export function withoutBase(urlPath: string, base: Base): SitePath | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  if (base === '/') return urlPath as SitePath;
  if (urlPath === base.slice(0, -1)) return '/' as SitePath;
  return urlPath.startsWith(base) ? (('/' + urlPath.slice(base.length)) as SitePath) : undefined;
}

/**
 * A URL path as site paths are kept: percent-decoded once, segment by segment, as the file a
 * host serves for it is named (`/h%C3%B6here/` is `/höhere/`). An encoded "/" stays encoded, as
 * hosts do not split on it; a segment that is not valid percent-encoding stays as written. Every
 * path read from a URL goes through here, so a page is one address however a link spells it.
 */
export function decodeUrlPath(pathname: string): string {
  if (!pathname.includes('%')) return pathname;
  return pathname
    .split('/')
    .map((segment) => {
      try {
        const decoded = decodeURIComponent(segment);
        return decoded.includes('/') ? segment : decoded;
      } catch {
        return segment;
      }
    })
    .join('/');
}
