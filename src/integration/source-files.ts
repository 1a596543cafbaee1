import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SitePath } from '../lib/types.ts';

/**
 * Maps a page's site path back to the MDX file it was built from (`/a/b/` comes from
 * `content/docs/a/b.mdx` or `content/docs/a/b/index.mdx`), so that errors point at what an
 * author edits rather than at generated HTML.
 */
export function sourceFileResolver(projectRoot: string, contentDir: string): (path: SitePath) => string | undefined {
  return (path) => {
    const slug = path.replace(/^\/|\/$/g, '');
    const candidates = slug === '' ? [`${contentDir}/index.mdx`] : [`${contentDir}/${slug}.mdx`, `${contentDir}/${slug}/index.mdx`];
    return candidates.find((file) => existsSync(join(projectRoot, file)));
  };
}
