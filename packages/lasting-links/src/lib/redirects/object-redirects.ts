/**
 * Object redirects for an S3 bucket served as a website: each page move a server may answer
 * with a 301 is also written on the stub's object (`x-amz-website-redirect-location`), so the
 * website endpoint answers the old page with a real 301 while the stub, the object's body,
 * keeps the fragment handling for clients that read the body (the S3 API, a folder copy).
 *
 * The build writes them to `OBJECT_REDIRECTS_FILE` (not published itself); a publish to S3 sets
 * the header on those objects.
 */
import type { Base } from '../site-path.ts';
import { fileOfSitePath } from '../site/output-paths.ts';
import type { RedirectPlan } from './follow.ts';
import { targetHref } from './locations.ts';

/** The build's list of object redirects, inside the output directory. */
export const OBJECT_REDIRECTS_FILE = '_object-redirects.json';

/**
 * The stub file of every page move a server answers, to where it goes (under `base`). S3 takes
 * a location only when it starts with `/`, `http://` or `https://`; any other is left out, and
 * its stub alone answers.
 */
export function objectRedirects(plan: RedirectPlan, base: Base): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const move of plan.serverRedirects) {
    const location = targetHref(move.route.target, base);
    if (/^(\/|https?:\/\/)/.test(location)) redirects[fileOfSitePath(move.from)] = location;
  }
  return redirects;
}

/** The object redirects a build wrote, checked: file to location; empty when there are none. */
export function parseObjectRedirects(text: string, where: string): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON (${(error as Error).message}): rebuild the site`, {
      cause: error,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error(`${where} is not an object: rebuild the site`);
  const redirects = new Map<string, string>();
  for (const [file, location] of Object.entries(data)) {
    if (typeof location !== 'string' || !/^(\/|https?:\/\/)/.test(location))
      throw new Error(`${where}: the location of ${JSON.stringify(file)} is not a URL path`);
    redirects.set(file, location);
  }
  return redirects;
}
