/**
 * How a preview host answers a browser, the way an S3 website endpoint (or a CDN in front of a
 * bucket) does: `dir/` is `dir/index.html`, `dir` without the slash is redirected to `dir/` when
 * that index exists, and anything missing under `/pr-N/` gets that preview's own 404 page. The
 * servers (a local website endpoint, the tests' bucket endpoint) only look the keys up.
 */
import { pullRequestOfFolder } from './options.ts';

/** Which keys answer a request path, in the order they are tried. */
export interface WebsiteLookup {
  /** The object asked for. */
  key: string;
  /** When `key` is missing: the index whose existence turns the request into a redirect to `path/`. */
  directoryIndex: string | undefined;
  /** When nothing is found: the error document, served with status 404. */
  notFound: string | undefined;
}

/**
 * The keys for a URL path (still percent-encoded, as in the request line), relative to the
 * host's root; `undefined` for a path no host file can have (dot segments, NUL, bad encoding).
 */
export function websiteLookup(urlPath: string): WebsiteLookup | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || /[\0\\]/.test(path)) return undefined;
  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  const relative = path.slice(1);
  const isDirectory = relative === '' || relative.endsWith('/');
  const folder = segments[0] ?? '';
  return {
    key: isDirectory ? `${relative}index.html` : relative,
    directoryIndex: isDirectory ? undefined : `${relative}/index.html`,
    notFound: pullRequestOfFolder(folder) === undefined ? undefined : `${folder}/404.html`,
  };
}
