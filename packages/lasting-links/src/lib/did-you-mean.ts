/**
 * "Did you mean": the site page whose path is closest to a path that does not exist.
 *
 * Paths are compared segment by segment from the end, because a mistyped or truncated URL
 * usually keeps its last segment (the page's slug), while moved pages change their parents.
 * Runs in the browser on the 404 page, so it stays dependency-free and small.
 */

/** A page the reader could be sent to. */
export interface PageChoice {
  path: string;
  title: string;
}

/**
 * Edit distance between two short strings, counting a swap of two neighbouring letters as one
 * edit (optimal string alignment), since transposed letters are the commonest typo in a URL.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

function segments(path: string): string[] {
  return path
    .toLowerCase()
    .replace(/\.html?$/, '')
    .replace(/\/index$/, '')
    .split('/')
    .filter(Boolean);
}

/** Similarity in [0, 1] of two slugs: 1 is identical. */
function slugSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** A slug cut short, or one of a slug's words: what a reader who half remembers a URL types. */
const SHORTENED = 0.75;
/** Shorter than this, a beginning or a word matches too many slugs to mean one. */
const SHORTEST_PART = 4;

/**
 * How well `slug` names `last`: by spelling (typos), or as its beginning (`config` for
 * `configuration-reference`) or one of its words (`reference`).
 */
function slugScore(slug: string, last: string): number {
  const spelled = slugSimilarity(slug, last);
  if (slug.length < SHORTEST_PART || slug.length >= last.length) return spelled;
  const part = last.startsWith(slug) || last.split('-').includes(slug);
  return part ? Math.max(spelled, SHORTENED) : spelled;
}

/**
 * The closest page, or `undefined` when nothing is close enough to be a useful suggestion
 * (a wrong guess is worse than none). The last segment weighs most; shared parents add a little.
 * A path below a real page (`/a/page/a-heading/`) that names nothing closer gets that page.
 */
export function closestPage<Page extends PageChoice>(
  missingPath: string,
  pages: readonly Page[],
): Page | undefined {
  const asked = segments(missingPath);
  const slug = asked.at(-1);
  if (!slug) return undefined;
  let best: { page: Page; score: number } | undefined;
  let above: { page: Page; depth: number } | undefined;
  for (const page of pages) {
    const candidate = segments(page.path);
    const last = candidate.at(-1);
    if (!last) continue;
    const parents = candidate.slice(0, -1).filter((s) => asked.includes(s)).length;
    const score = slugScore(slug, last) + 0.05 * parents;
    if (!best || score > best.score) best = { page, score };
    const holds =
      candidate.length < asked.length && candidate.every((segment, i) => asked[i] === segment);
    if (holds && (!above || candidate.length > above.depth))
      above = { page, depth: candidate.length };
  }
  if (best && best.score >= 0.7) return best.page;
  return above?.page;
}
