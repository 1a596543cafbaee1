/**
 * What in a built site is the build's own and not a page: a redirect from under one of these
 * names would take over the site's files on a host that applies rules before files.
 */

/** Top-level names the build itself writes, which no redirect may take over. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '_astro',
  'pagefind',
  '_redirects',
  '_nginx-redirects.conf',
  '_object-redirects.json',
  '_build.json',
  'sitemap-index.xml',
  'sitemap-0.xml',
  'robots.txt',
]);

/**
 * The top-level names of a built site that hold no page: the build's own files, and asset
 * folders such as `images/` from `public/`. A redirect from under one of them would take over
 * the site's own files on a host that applies rules before files (`_redirects` on Cloudflare).
 */
export function reservedNamesOf(files: Iterable<string>): Set<string> {
  const names = new Set(RESERVED_NAMES);
  const withPages = new Set<string>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash < 0) continue; // Top-level files are listed by name where they matter.
    const top = file.slice(0, slash);
    if (/\.html?$/.test(file)) withPages.add(top);
    else names.add(top);
  }
  for (const top of withPages) names.delete(top);
  for (const name of RESERVED_NAMES) names.add(name);
  return names;
}
