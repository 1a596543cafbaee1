/**
 * nginx rules for the page moves: one `map` from request path to target, and one `if` that
 * answers a mapped path with a 301. A map is a hash lookup, so thousands of moves cost one
 * lookup per request, where thousands of `location` blocks would each be parsed and matched.
 *
 * Two includes, as nginx wants them: the map at `http` level (`NGINX_MAP_FILE`, with the hash
 * sizes it needs) and the `if` inside the `server` block (`NGINX_RULES_FILE`).
 * `deploy/nginx/site.conf` includes both from the output directory.
 */
import { withBase, type Base } from '../site-path.ts';
import type { RedirectPlan } from './follow.ts';
import { serverMoves } from './netlify-redirects.ts';

/** The `server`-level include's name inside the output directory. */
export const NGINX_RULES_FILE = '_nginx-redirects.conf';
/** The `http`-level include's name inside the output directory. */
export const NGINX_MAP_FILE = '_nginx-redirects-map.conf';

/**
 * A string as an nginx double-quoted argument. nginx expands `$name` in a map's values and has
 * no escape for it, so there `$` is percent-encoded (the same URL to a browser).
 */
function nginxString(value: string, expandsVariables: boolean): string {
  const safe = expandsVariables ? value.replace(/\$/g, '%24') : value;
  return `"${safe.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The map's variable for `base`: builds at different bases can share one nginx. */
export function nginxVariable(base: Base): string {
  const suffix = base
    .slice(1, -1)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `$docs_moved_to${suffix === '' ? '' : `_${suffix}`}`;
}

/** The next power of two at or above `n`. */
const powerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/** The `http`-level include for `base`: the map from request path to target, and the hash sizes it needs. */
export function renderNginxMap(plan: RedirectPlan, base: Base, mapFile: string): string {
  const moves = serverMoves(plan, base);
  // nginx matches the decoded, normalised request path ($uri), so keys are written as is.
  const rows = moves.map(
    (move) => `    ${nginxString(withBase(move.from, base), false)} ${nginxString(move.to, true)};`,
  );
  const longest = Math.max(0, ...moves.map((move) => Buffer.byteLength(withBase(move.from, base))));
  // nginx tries table sizes up to map_hash_max_size until no bucket overflows
  // map_hash_bucket_size. A bucket that holds one key of about the longest length needs a
  // table with no collisions at all, which no size finds for a thousand keys (nginx then warns
  // and builds a slower hash); room for four of the longest keys (each stored with a pointer and
  // a length, aligned) lets a table of twice the keys fit.
  return [
    `# Generated from ${mapFile} for base ${base}. Do not edit: change the map instead.`,
    '# nginx takes the map hash sizes once per http block: with several builds behind one nginx,',
    '# keep the largest of their values in one place.',
    `map_hash_bucket_size ${Math.max(128, powerOfTwo(4 * (longest + 16)))};`,
    `map_hash_max_size ${Math.max(2048, powerOfTwo(moves.length * 2))};`,
    `map $uri ${nginxVariable(base)} {`,
    '    default "";',
    ...rows,
    '}',
    '',
  ].join('\n');
}

/** The `server`-level include for `base`: a mapped request path is answered with a 301. */
export function renderNginxRules(plan: RedirectPlan, base: Base, mapFile: string): string {
  const variable = nginxVariable(base);
  return [
    `# Generated from ${mapFile} for base ${base}. Do not edit: change the map instead.`,
    `# ${plan.serverRedirects.length} moved pages; the map is in ${NGINX_MAP_FILE}.`,
    `if (${variable} != "") {`,
    `    return 301 ${variable};`,
    '}',
    '',
  ].join('\n');
}
