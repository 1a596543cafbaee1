/**
 * Where an old address probably went, by its words: the last segment of `/old/config-ssl.html`
 * ("config ssl") against every current page's title and every section's heading, the same
 * candidates `moves` ranks renamed sections among (`lib/moves/candidates.ts`), compared the way
 * `moves` compares headings (`headingSimilarity`) and by the words they share, so "managing
 * members" finds "Manage channel members". The folders of the old path and the section text
 * only break ties: two pages called "Overview" are told apart by where they live.
 */
import type { SitePath } from '../site-path.ts';
import type { CurrentCandidates } from '../moves/candidates.ts';
import type { HomeCandidate } from '../moves/find-new-home.ts';
import { containment, shingles, words } from '../moves/fingerprint.ts';
import { normalizeHeading, normalizedSimilarity } from '../moves/headings.ts';
import type { SiteLocation } from '../redirects/locations.ts';

/** A place the old address may have gone, and how alike its words are (0 to 1). */
export interface WordMatch {
  to: SiteLocation;
  score: number;
  reason: string;
}

/** `/a/b/install-guide.html` → the words "install guide"; an `index` page is named by its folder. */
export function oldPathName(path: string): { name: string; folders: string[] } {
  const segments = path
    .replace(/\.html?$/, '')
    .split('/')
    .filter(Boolean);
  if (segments.at(-1) === 'index') segments.pop();
  const last = segments.pop() ?? '';
  return { name: words(last).join(' '), folders: segments.flatMap((segment) => words(segment)) };
}

/**
 * A word without its common English endings, so "managing", "manage" and "managed" meet:
 * crude, but names of docs pages are short and this only adds to the edit distance's view.
 */
function stem(word: string): string {
  const bare = word.replace(/(?:ing|ed|es|e|s)$/, '');
  return bare.length >= 3 ? bare : word;
}

/** A text's words as compared: normalized (lower-case words) and as a set of stems. */
export interface Name {
  text: string;
  stems: ReadonlySet<string>;
}

export function nameOf(text: string): Name {
  return { text: normalizeHeading(text), stems: new Set(words(text).map(stem)) };
}

/**
 * How alike two names read, 0 to 1: by edit distance (a renamed word, a typo) or by the words
 * they share (the same words reordered or with one more), whichever says more.
 */
export function nameSimilarity(a: Name, b: Name): number {
  return Math.max(normalizedSimilarity(a.text, b.text), sharedWords(a.stems, b.stems));
}

/** Twice the shared words over all words: 1 for the same words in any order. */
function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** A candidate with the words it is compared by, worked out once per site. */
interface Prepared {
  candidate: HomeCandidate;
  heading: Name;
  slug: Name;
  pathWords: string[];
}

const prepared = new WeakMap<CurrentCandidates, Prepared[]>();

function prepare(candidates: CurrentCandidates): Prepared[] {
  let list = prepared.get(candidates);
  if (list !== undefined) return list;
  // Page tops first, so that on a tie the page wins over a section of the same name.
  list = [...candidates.pageTops.values(), ...candidates.sections].map((candidate) => {
    return {
      candidate,
      heading: nameOf(candidate.heading),
      slug: nameOf(candidate.id ?? slugOf(candidate.path)),
      pathWords: words(candidate.path),
    };
  });
  prepared.set(candidates, list);
  return list;
}

/** The last segment of a page path: `/a/b/` → "b". */
const slugOf = (path: SitePath) => path.split('/').filter(Boolean).at(-1) ?? '';

/** How much the folders and the text add, at most: enough to break a tie, never to win alone. */
const FOLDER_WEIGHT = 0.06;
const TEXT_WEIGHT = 0.04;

/** The `limit` best places for `oldPath`, best first, one per page; page tops before sections on a tie. */
export function rankByWords(
  oldPath: string,
  candidates: CurrentCandidates,
  limit = 3,
): WordMatch[] {
  const { name, folders } = oldPathName(oldPath);
  if (name === '') return [];
  const named = nameOf(name);
  const folderSet = new Set(folders);
  // A name of three words or more is a phrase the page's text may hold word for word.
  const phrase = name.split(' ').length >= 3 ? shingles(name) : undefined;
  const scored = prepare(candidates).map((item, order) => {
    const alike = Math.max(nameSimilarity(named, item.heading), nameSimilarity(named, item.slug));
    const inFolders =
      folderSet.size === 0
        ? 0
        : Math.min(1, item.pathWords.filter((word) => folderSet.has(word)).length / folderSet.size);
    const inText = phrase === undefined ? 0 : containment(phrase, item.candidate.whole);
    const score =
      alike * (1 - FOLDER_WEIGHT - TEXT_WEIGHT) + inFolders * FOLDER_WEIGHT + inText * TEXT_WEIGHT;
    return { item, order, score };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // One place per page: three sections of one page would hide every other page.
  const best: WordMatch[] = [];
  const pages = new Set<SitePath>();
  for (const { item, score } of scored) {
    const { candidate } = item;
    if (pages.has(candidate.path)) continue;
    pages.add(candidate.path);
    best.push({
      to: { path: candidate.path, fragment: candidate.id },
      score: Math.min(1, score),
      reason:
        candidate.id === null
          ? `its words "${name}" against the page "${candidate.heading}"`
          : `its words "${name}" against the section "${candidate.heading}" of ${candidate.path}`,
    });
    if (best.length === limit) break;
  }
  return best;
}
