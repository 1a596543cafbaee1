/**
 * nginx rules for the page moves: one exact-match `location` per request path, answering 301.
 * `deploy/nginx/site.conf` includes the file from the output directory.
 */
import { withBase, type Base } from '../site-path.ts';
import type { RedirectPlan } from './follow.ts';
import { targetHref } from './locations.ts';
import { requestPaths } from './netlify-redirects.ts';

/** The include's name inside the output directory. */
export const NGINX_RULES_FILE = '_nginx-redirects.conf';

/**
 * A string as an nginx double-quoted argument. nginx expands `$name` even inside quotes and
 * has no escape for it, so `$` is percent-encoded (the same URL to a browser).
 */
function nginxString(value: string, expandsVariables: boolean): string {
  const safe = expandsVariables ? value.replace(/\$/g, '%24') : value;
  return `"${safe.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The include for `base`: `location = /pr-1/old.html { return 301 "/pr-1/new/"; }` lines. */
export function renderNginxRules(plan: RedirectPlan, base: Base, mapFile: string): string {
  const lines = [
    `# Generated from ${mapFile} for base ${base}. Do not edit: change the map instead.`,
  ];
  for (const move of plan.serverRedirects) {
    const to = nginxString(targetHref(move.route.target, base), true);
    // nginx matches `location` against the decoded URI, so the path is written as is.
    for (const from of requestPaths(move.from))
      lines.push(`location = ${nginxString(withBase(from, base), false)} { return 301 ${to}; }`);
  }
  return `${lines.join('\n')}\n`;
}
