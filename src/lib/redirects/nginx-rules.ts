/**
 * nginx rules for the page moves: one exact-match `location` per request path, answering 301.
 * The file also records the base it was written for, so a server config can be assembled
 * from the output directory alone.
 */
import type { RedirectPlan } from './anchor-tables.ts';
import { targetHref } from './locations.ts';
import { requestPaths } from './netlify-redirects.ts';
import { withBase } from '../base-path.ts';

/** The include's name inside the output directory. */
export const NGINX_RULES_FILE = '_nginx-redirects.conf';

const BASE_LINE = /^# base: (\S+)$/m;

/**
 * A string as an nginx double-quoted argument. nginx expands `$name` even inside quotes and
 * has no escape for it, so `$` is percent-encoded (the same URL to a browser).
 */
function nginxString(value: string, expandsVariables: boolean): string {
  const safe = expandsVariables ? value.replace(/\$/g, '%24') : value;
  return `"${safe.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The include for `base`: `location = /pr-1/old.html { return 301 "/pr-1/new/"; }` lines. */
export function renderNginxRules(plan: RedirectPlan, base: string, mapFile: string): string {
  const lines = [
    `# Generated from ${mapFile}. Do not edit: change the map instead.`,
    `# base: ${base}`,
  ];
  for (const move of plan.serverRedirects) {
    const to = nginxString(targetHref(move.to, base), true);
    // nginx matches `location` against the decoded URI, so the path is written as is.
    for (const from of requestPaths(move.from)) lines.push(`location = ${nginxString(withBase(from, base), false)} { return 301 ${to}; }`);
  }
  return `${lines.join('\n')}\n`;
}

/** The base recorded in an include written by `renderNginxRules`, or undefined. */
export function baseOfNginxRules(text: string): string | undefined {
  return BASE_LINE.exec(text)?.[1];
}
