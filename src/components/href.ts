/**
 * The one way components write internal URLs: `href(path)` puts a site path under the base this
 * build is served at (`/` in production, `/pr-123/` in a preview). Client scripts get the URLs
 * they need rendered into the page instead of importing this, so they stay small and inline.
 */
import { parseBase, withBase, type SitePath } from 'lasting-links/theme';

/** The base of this build. */
const base = parseBase(import.meta.env.BASE_URL);

/** The URL of a site path under this build's base. */
export function href(path: SitePath): string {
  return withBase(path, base);
}
