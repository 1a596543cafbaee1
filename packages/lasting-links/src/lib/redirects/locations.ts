/**
 * The two ends of a redirect: where a reader comes from (a path on this site, maybe a legacy
 * `.html` file, maybe with `#anchor`) and where they go (a site path or an allow-listed
 * `https://` URL). Parsing is strict: a loosely written path is a redirect that never matches.
 */
import { withBase, type Base, type SitePath } from '../site-path.ts';

/** Where a reader arrives: a site path and the fragment they asked for (decoded, without `#`), if any. */
export interface SiteLocation {
  path: SitePath;
  fragment: string | null;
}

/** Where a redirect sends a reader. */
export type RedirectTarget =
  | ({ kind: 'site' } & SiteLocation)
  /** An absolute `https://` URL on a host the site allows; it may carry its own fragment. */
  | { kind: 'external'; url: string };

/** A parse result: the value, or a sentence saying what is wrong and how to write it instead. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Parses a site path with an optional `#fragment`: `/a/b/`, `/old.html#anchor`. The path must
 * start with one `/`, name a directory (`/`-ended) or an `.html` file, and carry no query or
 * `.`/`..` segments; the path and the fragment are percent-decoded (files and ids are compared
 * decoded).
 */
export function parseSiteLocation(value: string): Parsed<SiteLocation> {
  const hashAt = value.indexOf('#');
  const written = hashAt < 0 ? value : value.slice(0, hashAt);
  const rawFragment = hashAt < 0 ? null : value.slice(hashAt + 1);
  if (!written.startsWith('/') || written.startsWith('//')) {
    return {
      ok: false,
      reason: `"${value}" is not a site path: write it from the site root, e.g. /a/b/ or /old/page.html#anchor (no base, no host)`,
    };
  }
  if (/[?\\]/.test(written) || /[\t\n\r]/.test(written)) {
    return {
      ok: false,
      reason: `"${value}" contains a query, a backslash or a line break; write the bare path`,
    };
  }
  // Paths are kept decoded, as the files a host serves are named: `/old%20page.html` and
  // `/old page.html` are one address. Encoding happens once, when a URL is written out.
  const path = decodePath(written);
  if (path === undefined) {
    return {
      ok: false,
      reason: `"${value}" has a path that is not valid percent-encoding, or encodes a "/"; write the path as readers type it`,
    };
  }
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    return {
      ok: false,
      reason: `"${value}" contains "." or ".." segments; write the path it means`,
    };
  }
  if (!path.endsWith('/') && !/\.html?$/.test(path)) {
    return {
      ok: false,
      reason: `"${value}" is neither a page (ending in "/") nor a legacy .html file; did you mean "${path}/${rawFragment === null ? '' : '#' + rawFragment}"?`,
    };
  }
  if (rawFragment !== null && rawFragment === '') {
    return { ok: false, reason: `"${value}" ends in an empty "#"; remove it or name the anchor` };
  }
  let fragment = rawFragment;
  if (rawFragment !== null) {
    try {
      fragment = decodeURIComponent(rawFragment);
    } catch {
      return { ok: false, reason: `"${value}" has a fragment that is not valid percent-encoding` };
    }
  }
  // What the address decodes to is what hosts, files and browsers see: a control character or a
  // NUL names no file and breaks the outputs; a backslash is a "/" to browsers and some hosts.
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  const control = /[\u0000-\u001f\u007f]/.exec(path + (fragment ?? ''));
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      ok: false,
      reason: `"${value}" decodes to a control character (U+${code}), which no address may hold; remove it`,
    };
  }
  if (path.includes('\\')) {
    return {
      ok: false,
      reason: `"${value}" decodes to a backslash, which hosts and browsers read as "/"; write the path with "/" or without it`,
    };
  }
  return { ok: true, value: { path: path as SitePath, fragment } };
}

/** A path percent-decoded segment by segment, or undefined when it cannot be (or hides a "/"). */
function decodePath(path: string): string | undefined {
  try {
    const segments = path.split('/').map((segment) => decodeURIComponent(segment));
    return segments.some((segment) => segment.includes('/')) ? undefined : segments.join('/');
  } catch {
    return undefined;
  }
}

/**
 * Whether a path is the same address to every host. Netlify and Cloudflare Pages read a
 * segment starting with ":" and any "*" in `_redirects` as placeholders, so a rule for such a
 * path would redirect other pages too; only stubs may serve it there.
 */
export function isLiteralForRedirectRules(path: string): boolean {
  return !path.includes('*') && !path.split('/').some((segment) => segment.startsWith(':'));
}

/**
 * Parses a redirect target: a site location, or an `https://` URL whose host is in
 * `allowedHosts` (the only way a redirect may leave the site).
 */
export function parseTarget(
  value: string,
  allowedHosts: readonly string[],
): Parsed<RedirectTarget> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, reason: `"${value}" is not a valid URL` };
    }
    if (url.protocol !== 'https:') {
      return {
        ok: false,
        reason: `"${value}" must use https:// (or be a site path such as /a/b/)`,
      };
    }
    if (
      !allowedHosts.includes(url.hostname) ||
      url.username !== '' ||
      url.password !== '' ||
      url.port !== ''
    ) {
      return {
        ok: false,
        reason: `"${value}" points to ${url.host}, which is not an allowed redirect host (${allowedHosts.join(', ')}); add it to siteConfig.redirectHosts in src/config.ts or redirect to a site path`,
      };
    }
    return { ok: true, value: { kind: 'external', url: url.href } };
  }
  const location = parseSiteLocation(value);
  return location.ok ? { ok: true, value: { kind: 'site', ...location.value } } : location;
}

/** `/a/b/#x` as an author writes it (no base): for messages and YAML snippets. */
export function displayLocation(location: SiteLocation): string {
  return location.fragment === null ? location.path : `${location.path}#${location.fragment}`;
}

/** A target as an author writes it (no base). */
export function displayTarget(target: RedirectTarget): string {
  return target.kind === 'external' ? target.url : displayLocation(target);
}

/** The key of a source in lookups: its displayed form, which is unique per (path, fragment). */
export function locationKey(location: SiteLocation): string {
  return displayLocation(location);
}

/**
 * A target as a browser or server must receive it under `base`: `/pr-123/a/#x`. Fragments are
 * percent-encoded where a URL needs it, so the browser compares the same id the page carries.
 */
export function targetHref(target: RedirectTarget, base: Base): string {
  if (target.kind === 'external') return target.url;
  const path = encodeURI(withBase(target.path, base));
  return target.fragment === null ? path : `${path}#${encodeFragment(target.fragment)}`;
}

/** Encodes what cannot stand in a fragment, leaving ordinary id characters readable. */
export function encodeFragment(fragment: string): string {
  return fragment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (char) => encodeURIComponent(char));
}

/**
 * The same target with the reader's fragment carried over when the target names none, as a
 * browser carries it across a redirect (to another site too).
 */
export function carryFragment(target: RedirectTarget, fragment: string | null): RedirectTarget {
  if (fragment === null) return target;
  if (target.kind === 'external')
    return target.url.includes('#')
      ? target
      : { kind: 'external', url: `${target.url}#${encodeFragment(fragment)}` };
  return target.fragment === null ? { ...target, fragment } : target;
}

/** Whether two targets send the reader to the same place. */
export function sameTarget(a: RedirectTarget, b: RedirectTarget): boolean {
  if (a.kind === 'external' || b.kind === 'external') {
    return a.kind === b.kind && (a as { url: string }).url === (b as { url: string }).url;
  }
  return a.path === b.path && a.fragment === b.fragment;
}
