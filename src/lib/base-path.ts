/**
 * Base-path helpers. A deployment base is `/` for the published site and a sub-path such as
 * `/pr-123/` for a pull-request preview; every internal URL the site emits goes through here.
 */

/** `undefined`, `''`, `pr-123`, `/pr-123` and `/pr-123/` all become `/pr-123/`; nothing becomes `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\s]/.test(trimmed)) {
    throw new Error(`SITE_BASE "${base}" is not a path: remove any "?", "#" or spaces (example: /pr-123/).`);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** True for links that stay on this site and are written from its root: `/a/b/`, not `//host/` or `https://`. */
export function isRootRelative(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/**
 * Prefixes the base to a root-relative site path: `withBase('/a/', '/pr-1/')` is `/pr-1/a/`.
 * Anything else (external URLs, `#fragment`, `mailto:`, relative paths) is returned untouched,
 * and a path that already carries the base is not prefixed twice.
 */
export function withBase(href: string, base: string): string {
  if (!isRootRelative(href) || base === '/') return href;
  if (href === base.slice(0, -1) || href.startsWith(base)) return href;
  return base + href.slice(1);
}

/** The inverse of `withBase` for paths read back from output: `/pr-1/a/` gives `/a/`; a path outside the base gives `undefined`. */
export function withoutBase(path: string, base: string): string | undefined {
  if (base === '/') return path;
  if (path === base.slice(0, -1)) return '/';
  return path.startsWith(base) ? '/' + path.slice(base.length) : undefined;
}
