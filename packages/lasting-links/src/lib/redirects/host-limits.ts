/**
 * What the hosts that read `_redirects` accept, and how the page moves are made to fit. A host
 * that meets more rules than it takes does not fail the deploy: it silently ignores the rest,
 * so the file is fitted here, before it is written, and the build says what it did.
 *
 * - Cloudflare Pages: 2,000 static and 100 dynamic (splat or placeholder) rules, static ones
 *   first, each line at most 1,000 characters (developers.cloudflare.com/pages/configuration/redirects/).
 * - Netlify: no fixed count, but a deploy with too large a rule set can fail, and from 10,000
 *   rules Netlify asks for wildcards instead (docs.netlify.com/routing/redirects/).
 *
 * Fitting never loses a reader: every page move also has its stub page at the old path, which
 * sends the reader on (keeping the fragment) where no rule answers. In order:
 * 1. the extra spellings of a directory (`/a` and `/a/index.html` beside `/a/`) are left to the
 *    stub and the host's own trailing-slash redirect;
 * 2. moves under one folder become one dynamic rule where that is exactly right for every path
 *    it matches, and nothing else is published in that folder: every move there goes to one
 *    page (`/old/* /new/ 301`), or every move is a page of the folder that kept its name
 *    (`/old/:page/ /new/:page/ 301`; a splat would also catch `/old/a` and send it to `/new/a`,
 *    one redirect short of the page);
 * 3. what still does not fit is answered by its stub alone.
 */
import type { SitePath } from '../site-path.ts';

/** The limits of a host's `_redirects`. */
export interface HostLimits {
  name: string;
  staticRules: number;
  dynamicRules: number;
  totalRules: number;
  lineLength: number;
}

/** The hosts whose `_redirects` the build writes for. */
export const REDIRECTS_FILE_HOSTS: readonly HostLimits[] = [
  {
    name: 'Cloudflare Pages',
    staticRules: 2000,
    dynamicRules: 100,
    totalRules: 2100,
    lineLength: 1000,
  },
  {
    name: 'Netlify',
    staticRules: 10_000,
    dynamicRules: 10_000,
    totalRules: 10_000,
    lineLength: Infinity,
  },
];

/** The strictest limit of each kind over `hosts`: a file within it fits every one of them. */
export function strictest(hosts: readonly HostLimits[]): HostLimits {
  return {
    name: hosts.map((host) => host.name).join(' and '),
    staticRules: Math.min(...hosts.map((host) => host.staticRules)),
    dynamicRules: Math.min(...hosts.map((host) => host.dynamicRules)),
    totalRules: Math.min(...hosts.map((host) => host.totalRules)),
    lineLength: Math.min(...hosts.map((host) => host.lineLength)),
  };
}

/** One page move a server may answer: a request path of the removed page and where it goes. */
export interface Move {
  /** The request path, without the base: `/old.html`, `/old/`, or an extra spelling `/old`. */
  from: SitePath;
  /** The target as the browser must receive it (base and encoding applied). */
  to: string;
  /** False for the extra spellings of a directory (`/old`, `/old/index.html`). */
  primary: boolean;
}

/** A folder whose moves are written as one dynamic rule. */
interface Splat {
  /** The folder: `/old/`. */
  folder: SitePath;
  /** `one-target`: `/old/*` goes to `to`. `same-name`: `/old/:page/` goes to `${to}:page/`. */
  kind: 'one-target' | 'same-name';
  to: string;
  moves: number;
}

/** The rules to write, and what did not fit. */
export interface FittedRules {
  statics: Move[];
  splats: Splat[];
  /** Extra spellings left to the stub and the host's own trailing-slash redirect. */
  spellingsLeftOut: number;
  /** Moves answered by their stub page only. */
  stubOnly: Move[];
}

/**
 * Fits `moves` (sorted, primary spellings first within a page) into `limits`. `published`
 * says whether anything other than the stubs of `moves` is published under a folder: a splat
 * there would shadow it. `lineOf` renders a static rule, to check its length.
 */
export function fitMoves(
  moves: readonly Move[],
  limits: HostLimits,
  published: (folder: SitePath) => boolean,
  lineOf: (move: Move) => string,
): FittedRules {
  const stubOnly = moves.filter((move) => lineOf(move).length > limits.lineLength);
  let statics = moves.filter((move) => lineOf(move).length <= limits.lineLength);
  const fits = (count: number, splats = 0) =>
    count <= limits.staticRules &&
    splats <= limits.dynamicRules &&
    count + splats <= limits.totalRules;
  if (fits(statics.length)) return { statics, splats: [], spellingsLeftOut: 0, stubOnly };

  const spellings = statics.filter((move) => !move.primary).length;
  statics = statics.filter((move) => move.primary);
  if (fits(statics.length)) return { statics, splats: [], spellingsLeftOut: spellings, stubOnly };

  const splats = splatFolders(statics, published)
    .sort((a, b) => b.moves - a.moves || (a.folder < b.folder ? -1 : 1))
    .slice(0, Math.min(limits.dynamicRules, limits.totalRules));
  const inSplat = (move: Move) => splats.some((splat) => move.from.startsWith(splat.folder));
  statics = statics.filter((move) => !inSplat(move));
  const room = Math.min(limits.staticRules, limits.totalRules - splats.length);
  return {
    statics: statics.slice(0, room),
    splats: splats.sort((a, b) => (a.folder < b.folder ? -1 : 1)),
    spellingsLeftOut: spellings,
    stubOnly: [...stubOnly, ...statics.slice(room)],
  };
}

/** The parent folders of a path, outermost first, without the root: `/a/b/c.html` gives `/a/`, `/a/b/`. */
function folders(path: SitePath): SitePath[] {
  const parts = path.split('/').slice(1, -1);
  return parts.map((_, at) => `/${parts.slice(0, at + 1).join('/')}/` as SitePath);
}

/**
 * The outermost folders whose moves one dynamic rule answers exactly: at least two moves, all
 * going to one URL or all pages keeping their name under one new folder, and nothing else
 * published there.
 */
function splatFolders(moves: readonly Move[], published: (folder: SitePath) => boolean): Splat[] {
  const byFolder = new Map<SitePath, Move[]>();
  for (const move of moves)
    for (const folder of folders(move.from))
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), move]);
  const chosen: Splat[] = [];
  for (const [folder, group] of [...byFolder].sort((a, b) => a[0].length - b[0].length)) {
    if (group.length < 2 || chosen.some((splat) => folder.startsWith(splat.folder))) continue;
    if (published(folder)) continue;
    const to = group[0]!.to;
    if (group.every((move) => move.to === to)) {
      chosen.push({ folder, kind: 'one-target', to, moves: group.length });
      continue;
    }
    // Pages of the folder, each moved under one new folder with its own name.
    const name = (move: Move) => /^([^/]+)\/$/.exec(move.from.slice(folder.length))?.[1];
    const first = name(group[0]!);
    if (first === undefined || !group[0]!.to.endsWith(`/${first}/`)) continue;
    const prefix = group[0]!.to.slice(0, -(first.length + 1));
    if (
      !prefix.includes('#') &&
      group.every((move) => {
        const page = name(move);
        return page !== undefined && move.to === `${prefix}${page}/`;
      })
    )
      chosen.push({ folder, kind: 'same-name', to: prefix, moves: group.length });
  }
  return chosen;
}
