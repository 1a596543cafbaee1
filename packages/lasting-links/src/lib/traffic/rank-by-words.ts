/**
 * Where an old address probably went, by its words: the last segment of `/old/config-ssl.html`
 * ("config ssl") against every current page's title and every section's heading, the same
 * candidates `moves` ranks renamed sections among (`lib/moves/candidates.ts`), compared the way
 * `moves` compares headings (`headingSimilarity`). The folders of the old path and the section
 * text only break ties: two pages called "Overview" are told apart by where they live.
 */
import type { SitePath } from '../site-path.ts';
import type { CurrentCandidates } from '../moves/candidates.ts';
import type { HomeCandidate } from '../moves/find-new-home.ts';
import { containment, shingles, words } from '../moves/fingerprint.ts';
import { headingSimilarity } from '../moves/headings.ts';
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

/** The last segment of a page path: `/a/b/` → "b". */
const slugOf = (path: SitePath) => path.split('/').filter(Boolean).at(-1) ?? '';

/** How much the folders and the text add, at most: enough to break a tie, never to win alone. */
const FOLDER_WEIGHT = 0.06;
const TEXT_WEIGHT = 0.04;

function scoreOf(
  name: string,
  folders: ReadonlySet<string>,
  phrase: ReadonlySet<number>,
  candidate: HomeCandidate,
): number {
  const named = Math.max(
    headingSimilarity(name, candidate.heading),
    headingSimilarity(name, candidate.id ?? slugOf(candidate.path)),
  );
  const pathWords = words(candidate.path);
  const inFolders =
    folders.size === 0 ? 0 : pathWords.filter((word) => folders.has(word)).length / folders.size;
  // A name of three words or more is a phrase the page's text may hold word for word.
  const inText = phrase.size === 0 ? 0 : containment(phrase, candidate.whole);
  return Math.min(
    1,
    named * (1 - FOLDER_WEIGHT - TEXT_WEIGHT) +
      Math.min(1, inFolders) * FOLDER_WEIGHT +
      inText * TEXT_WEIGHT,
  );
}

/** The `limit` best places for `oldPath`, best first; page tops before sections on a tie. */
export function rankByWords(
  oldPath: string,
  candidates: CurrentCandidates,
  limit = 3,
): WordMatch[] {
  const { name, folders } = oldPathName(oldPath);
  if (name === '') return [];
  const folderSet = new Set(folders);
  const phrase = name.split(' ').length >= 3 ? shingles(name) : new Set<number>();
  const all = [...candidates.pageTops.values(), ...candidates.sections];
  const scored = all
    .map((candidate, order) => ({
      candidate,
      order,
      score: scoreOf(name, folderSet, phrase, candidate),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const best: WordMatch[] = [];
  for (const { candidate, score } of scored.slice(0, limit)) {
    best.push({
      to: { path: candidate.path, fragment: candidate.id },
      score,
      reason:
        candidate.id === null
          ? `its words "${name}" against the page "${candidate.heading}"`
          : `its words "${name}" against the section "${candidate.heading}" of ${candidate.path}`,
    });
  }
  return best;
}
