/**
 * The published-anchors lock (`content/anchors.lock.json`): every URL and heading anchor the
 * site has ever published, with the heading text it had and the file that defined it. The
 * build fails when one of them stops resolving; entries are only ever added by tooling, so a
 * removal is a hand edit reviewers see.
 */
import type { SitePath } from '../site-path.ts';
import type { Problem } from '../problems/problem.ts';

/** One published anchor and the heading it belonged to. */
interface LockedAnchor {
  id: string;
  heading: string;
}

/** One published URL and its anchors. */
export interface LockedPage {
  url: SitePath;
  /** The file that defined it: `content/docs/...mdx`, or where a legacy URL was recorded. */
  source: string;
  /** The page's title when it was locked, used to suggest where a vanished page went. */
  title?: string;
  anchors: LockedAnchor[];
}

/** The whole lock. */
export interface AnchorsLock {
  pages: LockedPage[];
}

const ABOUT =
  'Every URL and heading anchor this site has published. The build fails when one no longer resolves, directly or through content/redirects.yaml. ' +
  '`npm run anchors -- --write` adds new ones; removing one is a deliberate hand edit.';

/** Parses the lock's JSON, reporting shape errors against `file`. */
export function parseAnchorsLock(
  text: string,
  file: string,
): { lock: AnchorsLock; problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (message: string) => {
    problems.push({
      severity: 'error',
      code: 'lock-syntax',
      at: { file },
      message,
      fix: 'restore the file from version control, or regenerate it with `npm run anchors -- --write`',
    });
    return { lock: { pages: [] }, problems };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`the lock is not valid JSON: ${(error as Error).message}`);
  }
  const pages = (data as { pages?: unknown } | null)?.pages;
  if (!Array.isArray(pages)) return fail('the lock must be an object with a "pages" list');
  const lock: AnchorsLock = { pages: [] };
  for (const [position, page] of pages.entries()) {
    const candidate = page as Partial<LockedPage> | null;
    if (
      typeof candidate?.url !== 'string' ||
      !candidate.url.startsWith('/') ||
      !Array.isArray(candidate.anchors)
    ) {
      return fail(`pages[${position}] needs a "url" (a site path) and an "anchors" list`);
    }
    const anchors: LockedAnchor[] = [];
    for (const anchor of candidate.anchors as unknown[]) {
      const item = anchor as Partial<LockedAnchor> | null;
      if (typeof item?.id !== 'string' || item.id === '')
        return fail(`pages[${position}] (${candidate.url}) has an anchor without an "id"`);
      anchors.push({ id: item.id, heading: typeof item.heading === 'string' ? item.heading : '' });
    }
    lock.pages.push({
      url: candidate.url,
      source: typeof candidate.source === 'string' ? candidate.source : '',
      ...(typeof candidate.title === 'string' ? { title: candidate.title } : {}),
      anchors,
    });
  }
  return { lock, problems };
}

/**
 * The lock as written to disk: pages sorted by URL, anchors in the order they were published,
 * one anchor per line so a review diff shows exactly which anchors came or went.
 */
export function serializeAnchorsLock(lock: AnchorsLock): string {
  const pages = [...lock.pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const json = (value: unknown) => JSON.stringify(value);
  const blocks = pages.map((page) => {
    const head = [
      `"url": ${json(page.url)}`,
      `"source": ${json(page.source)}`,
      ...(page.title === undefined ? [] : [`"title": ${json(page.title)}`]),
    ];
    const anchors = page.anchors.map(
      (anchor) => `        {"id": ${json(anchor.id)}, "heading": ${json(anchor.heading)}}`,
    );
    const list = anchors.length === 0 ? '[]' : `[\n${anchors.join(',\n')}\n      ]`;
    return `    {\n      ${head.join(',\n      ')},\n      "anchors": ${list}\n    }`;
  });
  return `{\n  "about": ${json(ABOUT)},\n  "pages": [\n${blocks.join(',\n')}\n  ]\n}\n`;
}
