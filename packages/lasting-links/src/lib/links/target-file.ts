/**
 * Which output file a site path is served from, the way a static host looks it up: a
 * directory URL serves its `index.html`, a file URL serves that file, and `/a/b` falls back
 * to `/a/b.html` or `/a/b/index.html` (which every host we target serves, though not always
 * at that exact URL).
 */
import type { SitePath } from '../site-path.ts';

/** The file behind a site path and the URL the site itself uses for it. */
export interface TargetFile {
  /** Output file, relative to the output directory, `/`-separated. */
  file: string;
  /** The URL this site links to for that file; differs from the request when a host would have to guess. */
  canonicalPath: SitePath;
}

/**
 * Finds the output file for `path` among `files` (relative, `/`-separated), or null if no
 * host would serve anything there.
 */
export function findTargetFile(path: SitePath, files: ReadonlySet<string>): TargetFile | null {
  // Site paths are decoded already, as output files are named.
  const relative = path.slice(1);
  if (relative === '' || relative.endsWith('/')) {
    const file = relative + 'index.html';
    return files.has(file) ? { file, canonicalPath: path } : null;
  }
  if (files.has(relative)) return { file: relative, canonicalPath: path };
  if (files.has(relative + '.html')) return { file: relative + '.html', canonicalPath: path };
  if (files.has(relative + '/index.html'))
    return { file: relative + '/index.html', canonicalPath: `${path}/` as SitePath };
  return null;
}
