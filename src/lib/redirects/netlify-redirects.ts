/**
 * `_redirects` for Netlify and Cloudflare Pages: a 301 per removed page. Fragments need no
 * rule: the browser keeps the reader's fragment across a 301 (unless the new location names
 * one), and the landing page's own table maps it.
 *
 * Plain `301`, not Netlify's forcing `301!`: Cloudflare rejects the `!`. On Netlify the stub
 * file at the same path then answers instead of the rule, which reaches the same place.
 */
import { withBase, type Base, type SitePath } from '../site-path.ts';
import type { RedirectPlan } from './follow.ts';
import { isLiteralForRedirectRules, targetHref } from './locations.ts';

/** The request paths that reach a removed page: `/a/` is also asked for as `/a` (and `/a/index.html`). */
export function requestPaths(path: SitePath): SitePath[] {
  return path.endsWith('/') && path !== '/'
    ? [path, path.slice(0, -1) as SitePath, `${path}index.html` as SitePath]
    : [path];
}

/** The `_redirects` file for `base`. */
export function renderNetlifyRedirects(plan: RedirectPlan, base: Base, mapFile: string): string {
  const lines = [
    `# Generated from ${mapFile} for base ${base}. Do not edit: change the map instead.`,
  ];
  for (const move of plan.serverRedirects) {
    const to = targetHref(move.route.target, base);
    // Only literal rules: a placeholder here would redirect other pages; the stub serves this one.
    if (
      !isLiteralForRedirectRules(move.from) ||
      (move.route.target.kind === 'site' && !isLiteralForRedirectRules(move.route.target.path))
    ) {
      lines.push(
        `# ${encodeURI(withBase(move.from, base))} is served by its stub page: ":" and "*" are placeholders in this file`,
      );
      continue;
    }
    for (const from of requestPaths(move.from))
      lines.push(`${encodeURI(withBase(from, base))} ${to} 301`);
  }
  return `${lines.join('\n')}\n`;
}
