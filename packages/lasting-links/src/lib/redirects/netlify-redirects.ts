/**
 * `_redirects` for Netlify and Cloudflare Pages: a 301 per removed page. Fragments need no
 * rule: the browser keeps the reader's fragment across a 301 (unless the new location names
 * one), and the landing page's own table maps it.
 *
 * Plain `301`, not Netlify's forcing `301!`: Cloudflare rejects the `!`. On Netlify the stub
 * file at the same path then answers instead of the rule, which reaches the same place.
 *
 * The rules are fitted to the hosts' limits (see host-limits.ts) rather than written in full
 * for a host to truncate without a word; what was fitted is said in the file and returned.
 */
import { withBase, type Base, type SitePath } from '../site-path.ts';
import type { RedirectPlan } from './follow.ts';
import { isLiteralForRedirectRules, targetHref } from './locations.ts';
import { fileOfSitePath } from '../site/output-paths.ts';
import {
  fitMoves,
  REDIRECTS_FILE_HOSTS,
  strictest,
  type HostLimits,
  type Move,
} from './host-limits.ts';

/** The request paths that reach a removed page: `/a/` is also asked for as `/a` (and `/a/index.html`). */
function requestPaths(path: SitePath): SitePath[] {
  return path.endsWith('/') && path !== '/'
    ? [path, path.slice(0, -1) as SitePath, `${path}index.html` as SitePath]
    : [path];
}

/**
 * Whether a move can be written as a rule at all: `:name` and `*` are placeholders in
 * `_redirects`, so a rule from `/:page/` would send every one-level page away. Such a move is
 * served by its stub page alone.
 */
function isLiteralMove(move: RedirectPlan['serverRedirects'][number]): boolean {
  return (
    isLiteralForRedirectRules(move.from) &&
    (move.route.target.kind !== 'site' || isLiteralForRedirectRules(move.route.target.path))
  );
}

/**
 * Every request path of every page move a server may answer, with its target under `base`;
 * with `literalOnly`, only the moves a `_redirects` rule can spell (nginx matches literally).
 */
export function serverMoves(plan: RedirectPlan, base: Base, literalOnly = false): Move[] {
  const moves = literalOnly ? plan.serverRedirects.filter(isLiteralMove) : plan.serverRedirects;
  return moves.flatMap((move) => {
    const to = targetHref(move.route.target, base);
    return requestPaths(move.from).map((from, at) => ({ from, to, primary: at === 0 }));
  });
}

/** The `_redirects` file for `base`, and a sentence for each thing fitting to the hosts' limits did. */
export function netlifyRedirects(
  plan: RedirectPlan,
  base: Base,
  mapFile: string,
  options: {
    /** Every file of the output (stubs aside); without it no folder is free for a splat rule. */
    files?: Iterable<string>;
    hosts?: readonly HostLimits[];
  } = {},
): { text: string; notes: string[] } {
  const limits = strictest(options.hosts ?? REDIRECTS_FILE_HOSTS);
  const line = (move: Move) => `${encodeURI(withBase(move.from, base))} ${move.to} 301`;
  const moves = serverMoves(plan, base, true);
  const published =
    options.files === undefined ? () => true : publishedFolders(options.files, plan);
  const fitted = fitMoves(moves, limits, published, line);
  const notes: string[] = [];
  if (fitted.spellingsLeftOut > 0 || fitted.splats.length > 0 || fitted.stubOnly.length > 0)
    notes.push(
      `${moves.length} page-move rules exceed what ${limits.name} take (${limits.staticRules} static, ${limits.dynamicRules} dynamic rules, ${limits.lineLength} characters a line)`,
    );
  if (fitted.spellingsLeftOut > 0)
    notes.push(
      `${fitted.spellingsLeftOut} extra spellings of moved directories (/a, /a/index.html) are left to their stubs and the host's trailing-slash redirect`,
    );
  if (fitted.splats.length > 0)
    notes.push(
      `${fitted.splats.reduce((sum, splat) => sum + splat.moves, 0)} moves in ${fitted.splats.length} folders are written as dynamic rules (${fitted.splats
        .slice(0, 3)
        .map((splat) => `${splat.folder}${splat.kind === 'one-target' ? '*' : ':page/'}`)
        .join(', ')}${fitted.splats.length > 3 ? ', …' : ''})`,
    );
  if (fitted.stubOnly.length > 0)
    notes.push(
      `${fitted.stubOnly.length} moves do not fit and are answered by their stub pages, in the browser, keeping the #fragment (${fitted.stubOnly
        .slice(0, 3)
        .map((move) => move.from)
        .join(', ')}${fitted.stubOnly.length > 3 ? ', …' : ''})`,
    );
  const lines = [
    `# Generated from ${mapFile} for base ${base}. Do not edit: change the map instead.`,
    ...notes.map((note) => `# ${note}.`),
    ...plan.serverRedirects
      .filter((move) => !isLiteralMove(move))
      .map(
        (move) =>
          `# ${encodeURI(withBase(move.from, base))} is served by its stub page: ":" and "*" are placeholders in this file`,
      ),
    ...fitted.statics.map(line),
    // Dynamic rules after every static one: Cloudflare counts its dynamic budget from the first.
    ...fitted.splats.map((splat) =>
      splat.kind === 'one-target'
        ? `${encodeURI(withBase(splat.folder, base))}* ${splat.to} 301`
        : `${encodeURI(withBase(splat.folder, base))}:page/ ${splat.to}:page/ 301`,
    ),
  ];
  return { text: `${lines.join('\n')}\n`, notes };
}

/**
 * Whether a folder holds anything published besides the stubs of pages a server moves: a
 * page, an asset, or a stub whose own fragment table must answer (a splat rule there would
 * send its readers past it, and hosts apply rules before files).
 */
function publishedFolders(
  files: Iterable<string>,
  plan: RedirectPlan,
): (folder: SitePath) => boolean {
  const moved = new Set(plan.serverRedirects.map((move) => fileOfSitePath(move.from)));
  const stubs = [...plan.stubs.keys()].map((path) => fileOfSitePath(path));
  const occupied = new Set<string>();
  for (const file of [...files, ...stubs]) {
    if (moved.has(file)) continue;
    const parts = file.split('/');
    for (let at = 1; at < parts.length; at += 1) occupied.add(`/${parts.slice(0, at).join('/')}/`);
  }
  return (folder) => occupied.has(folder);
}

/** The `_redirects` file for `base`, fitted to the hosts' limits with no folder known to be free for splats. */
export function renderNetlifyRedirects(plan: RedirectPlan, base: Base, mapFile: string): string {
  return netlifyRedirects(plan, base, mapFile).text;
}
