/**
 * What the addresses of a Sphinx-era redirect map mean on this site, whose pages are served at
 * trailing-slash URLs (`/a/b/`).
 *
 * Sphinx's HTML builder published the source `a/b.rst` as the file `a/b.html`. That URL is
 * still in readers' bookmarks and in other sites' links, so it is an address of its own: a
 * key `a/b.html` becomes `from: /a/b.html` (a stub file at that path, a 301 on servers), never
 * silently the same thing as `/a/b/`. As a target, `https://docs.example.com/a/b.html` names a
 * document, and that document now lives at `/a/b/`: it is read as the page `/a/b/` when the
 * site has it, and otherwise as the old address `/a/b.html`, to be followed through the map.
 */
import type { SitePath } from '../site-path.ts';
import { parseSiteLocation, type Parsed } from './locations.ts';

/** An address of the old site, and the page of this site it would be today. */
export interface OldAddress {
  /** The trailing-slash page the address names: `/a/b/` for `a/b.html`. */
  page: SitePath;
  /** The address as the old site served it: `/a/b.html` (or `/a/b/` for a directory URL). */
  address: SitePath;
  /** Decoded, without `#`. */
  fragment: string | null;
  /** The URL named an `.html` file, so the old site published that file (not just a docname). */
  publishedHtml: boolean;
}

/** Parsed, plus a sentence when the input was read as something other than it says. */
export type Read<T> = Parsed<T> & { rewritten?: string };

/** Source files that Sphinx turned into `.html` pages: a key naming one means the page. */
const SOURCE_EXTENSIONS = /\.(rst|md|txt)$/;

/** How an old-site path was read when it did not name an `.html` file or a directory. */
type Reading = 'source-file' | 'docname';

/**
 * Splits an old-site path (decoded, starting with `/`) into its page and its published address.
 * A path with no extension is a Sphinx docname, published as `<docname>.html`.
 */
function oldPath(
  path: string,
): Parsed<Omit<OldAddress, 'fragment'> & { reading?: Reading; note?: string }> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (path.endsWith('/'))
    return { ok: true, value: { page: asPath(path), address: asPath(path), publishedHtml: false } };
  if (/\.html?$/.test(name)) {
    const stem = path.replace(/\.html?$/, '');
    const page = stem.endsWith('/index') ? stem.slice(0, -'index'.length) : `${stem}/`;
    return { ok: true, value: { page: asPath(page), address: asPath(path), publishedHtml: true } };
  }
  if (SOURCE_EXTENSIONS.test(name)) {
    const stem = path.replace(SOURCE_EXTENSIONS, '');
    return {
      ok: true,
      value: {
        page: asPath(`${stem}/`),
        address: asPath(`${stem}.html`),
        publishedHtml: false,
        reading: 'source-file',
        note: `${path} names a source file; read as ${stem}.html, the page Sphinx built from it`,
      },
    };
  }
  if (!name.includes('.')) {
    return {
      ok: true,
      value: {
        page: asPath(`${path}/`),
        address: asPath(`${path}.html`),
        publishedHtml: false,
        reading: 'docname',
        note: `${path} has no extension; read as the page Sphinx published for it, ${path}.html`,
      },
    };
  }
  return {
    ok: false,
    reason: `${path} is not a page but a .${name.split('.').pop()} file; the map redirects pages and their anchors only`,
  };
}

const asPath = (path: string) => path as SitePath;

/** The address with its fragment, checked the way the map's parser will read it once written. */
function checked(
  read: Omit<OldAddress, 'fragment'> & { reading?: Reading; note?: string },
  fragment: string | null,
  original: string,
): Parsed<OldAddress> {
  const value: OldAddress = {
    page: read.page,
    address: read.address,
    fragment,
    publishedHtml: read.publishedHtml,
  };
  const spelled =
    fragment === null ? value.address : `${value.address}#${encodeURIComponent(fragment)}`;
  const parsed = parseSiteLocation(spelled);
  return parsed.ok ? { ok: true, value } : { ok: false, reason: `"${original}": ${parsed.reason}` };
}

/** A key of the Sphinx map (`about/faq.html#licensing`, relative to the old site's root). */
export function readSphinxKey(key: string): Read<OldAddress> {
  const trimmed = key.trim().replace(/^\/+/, '');
  const hashAt = trimmed.indexOf('#');
  let path = `/${hashAt < 0 ? trimmed : trimmed.slice(0, hashAt)}`;
  let fragment =
    hashAt < 0 || hashAt === trimmed.length - 1 ? null : decodeFragment(trimmed.slice(hashAt + 1));
  if (/\s/.test(path))
    return {
      ok: false,
      reason: `"${key}" has a space in its path, and the map holds paths without spaces`,
    };
  const misplaced = misplacedExtension(path, fragment);
  if (misplaced !== undefined) ({ path, fragment } = misplaced);
  const read = oldPath(path);
  if (!read.ok) return read;
  const result = checked(read.value, fragment, key);
  const note =
    misplaced === undefined
      ? read.value.note
      : `"${key}" has ".html" after its #fragment; read as ${path}#${fragment}`;
  return note === undefined || !result.ok ? result : { ...result, rewritten: note };
}

/**
 * `page#section.html`, a slip the old map makes in keys and values alike: the `.html` belongs
 * to the path. Returns the repaired path and fragment, or undefined when there is no slip.
 */
function misplacedExtension(
  path: string,
  fragment: string | null,
): { path: string; fragment: string } | undefined {
  if (fragment === null || !/\.html$/.test(fragment) || /\.[a-z]+$/i.test(path)) return undefined;
  return { path: `${path}.html`, fragment: fragment.slice(0, -'.html'.length) };
}

/** A value of the Sphinx map, read against the key it belongs to. */
export type SphinxTarget = { kind: 'site'; at: OldAddress } | { kind: 'external'; url: string };

/**
 * A value of the Sphinx map: an absolute URL (on `host`, this site; on another host, an
 * external target), or a path, which a browser resolves against the key's page. Sphinx wrote
 * some paths from the site root instead; when the browser's reading names nothing known, the
 * root-relative reading is tried (`exists` says whether an old-site address is known).
 */
export function readSphinxValue(
  value: string,
  key: OldAddress,
  host: string,
  exists: (at: OldAddress) => boolean,
): Read<SphinxTarget> {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { ok: false, reason: `"${value}" is not a valid URL` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      const typo = /^h+t+p+s?:$/i.test(url.protocol)
        ? `; did you mean "${trimmed.replace(/^[a-z]+:/i, 'https:')}"?`
        : '';
      return { ok: false, reason: `"${value}" is not an http(s) URL${typo}` };
    }
    if (url.hostname !== host && url.hostname !== `www.${host}`)
      return { ok: true, value: { kind: 'external', url: url.href } };
    return onSite(decodeURI(url.pathname), url.hash, value);
  }
  // A browser resolves a relative value against the old page (Sphinx's own stubs did the same).
  const fromPage = new URL(trimmed, `https://${host}${key.address}`);
  const relative = onSite(decodeURI(fromPage.pathname), fromPage.hash, value);
  if (
    trimmed.startsWith('/') ||
    (relative.ok && relative.value.kind === 'site' && exists(relative.value.at))
  )
    return relative;
  const fromRoot = new URL(trimmed, `https://${host}/`);
  const rooted = onSite(decodeURI(fromRoot.pathname), fromRoot.hash, value);
  if (!rooted.ok || rooted.value.kind !== 'site' || !exists(rooted.value.at)) return relative;
  const fromPageAddress =
    relative.ok && relative.value.kind === 'site' ? relative.value.at.address : fromPage.pathname;
  return {
    ...rooted,
    rewritten: `"${value}" is relative and names nothing from ${key.address} (${fromPageAddress}); read from the site root as ${rooted.value.at.address}`,
  };
}

/** A path and hash on this site's host, as an old address. */
function onSite(path: string, hash: string, original: string): Read<SphinxTarget> {
  let fragment = hash === '' || hash === '#' ? null : decodeFragment(hash.slice(1));
  let repaired: string | undefined;
  const misplaced = misplacedExtension(path, fragment);
  if (misplaced !== undefined) {
    ({ path, fragment } = misplaced);
    repaired = `"${original}" has ".html" after its #fragment; read as ${path}#${fragment}`;
  }
  const read = oldPath(path);
  if (!read.ok) return { ok: false, reason: `"${original}": ${read.reason}` };
  const result = checked(read.value, fragment, original);
  if (!result.ok) return result;
  // A URL without an extension plainly names its page; a source file's name is worth a word.
  const note = repaired ?? (read.value.reading === 'source-file' ? read.value.note : undefined);
  return {
    ok: true,
    value: { kind: 'site', at: result.value },
    ...(note === undefined ? {} : { rewritten: note }),
  };
}

function decodeFragment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
