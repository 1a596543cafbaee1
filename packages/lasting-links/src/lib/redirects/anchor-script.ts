/**
 * The scripts that resolve fragments in the browser, where fragments live (they never reach a
 * server). Both are inlined so they run before first paint, and both carry only one page's
 * table, never the site-wide map.
 *
 * Safety: tables are `Map`s, so `#constructor` or `#__proto__` are simply unknown keys; the
 * hash is decoded inside try/catch and only ever used as a lookup key (or appended to a
 * build-time same-origin URL by a stub); nothing is written into the document; every URL a
 * script can navigate to was written here at build time.
 */
import type { Base, SitePath } from '../site-path.ts';
import { scriptJson } from '../html/escape.ts';
import { ANCHOR_SCRIPT_ATTRIBUTE } from '../html/markers.ts';
import type { Route } from './follow.ts';
import { encodeFragment, targetHref, type RedirectTarget } from './locations.ts';

/**
 * Runs on a live page: maps a known old fragment to its new home, on load and on `hashchange`.
 * Same-page targets (`#id`) replace the URL without a reload and scroll once the element
 * exists; anything else is a `location.replace` to a build-time URL. Unknown fragments do
 * nothing. `T` is the table: an array of [fragment, url] pairs.
 */
export const LIVE_PAGE_SCRIPT =
  '(t=>{const f=()=>{let k;try{k=decodeURIComponent(location.hash.slice(1))}catch{return}const u=t.get(k);if(!u)return;' +
  'if(u[0]!="#")return location.replace(u);history.replaceState(history.state,"",u);' +
  'const s=()=>document.getElementById(decodeURIComponent(u.slice(1)))?.scrollIntoView();' +
  'document.readyState=="loading"?addEventListener("DOMContentLoaded",s):s()};f();addEventListener("hashchange",f)})(new Map(T))';

/**
 * Runs on a removed page's stub: a known fragment goes to its own target, anything else to the
 * default target keeping the fragment (`D` is the default URL, `H` is `location.hash` or "").
 */
export const STUB_SCRIPT =
  '(t=>{let k;try{k=decodeURIComponent(location.hash.slice(1))}catch{}location.replace(t.get(k)??D+H)})(new Map(T))';

/** Bytes of a script's code without its table (what every page with a table pays, plus the table). */
export function scriptCodeBytes(code: string): number {
  return Buffer.byteLength(code.replace('new Map(T)', 'new Map()').replace('D+H', '""'), 'utf8');
}

/**
 * The URL a table row holds for a page at `pagePath`: `#id` when the target is on the same
 * page (the script then scrolls instead of reloading), else the full URL under `base`.
 */
function tableUrl(target: RedirectTarget, pagePath: SitePath, base: Base): string {
  if (target.kind === 'site' && target.path === pagePath && target.fragment !== null)
    return `#${encodeFragment(target.fragment)}`;
  return targetHref(target, base);
}

/** The `<script>` element for a live page with the given table (fragment to target). */
export function livePageScript(
  table: ReadonlyMap<string, Route>,
  pagePath: SitePath,
  base: Base,
): string {
  const rows = [...table].map(([fragment, route]) => [
    fragment,
    tableUrl(route.target, pagePath, base),
  ]);
  return `<script ${ANCHOR_SCRIPT_ATTRIBUTE}>${LIVE_PAGE_SCRIPT.replace('new Map(T)', `new Map(${scriptJson(rows)})`)}</script>`;
}

/** The `<script>` element of a stub: its table, and its default target. */
export function stubScript(
  table: ReadonlyMap<string, Route>,
  defaultTarget: RedirectTarget,
  base: Base,
): string {
  const rows = [...table].map(([fragment, route]) => [fragment, targetHref(route.target, base)]);
  const defaultUrl = targetHref(defaultTarget, base);
  // A default that names its own fragment replaces the reader's, exactly as a 301 would.
  const keepsHash = !defaultUrl.includes('#');
  const code = STUB_SCRIPT.replace('new Map(T)', `new Map(${scriptJson(rows)})`).replace(
    'D+H',
    keepsHash ? `${scriptJson(defaultUrl)}+location.hash` : scriptJson(defaultUrl),
  );
  return `<script>${code}</script>`;
}
