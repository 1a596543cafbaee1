/**
 * The published-anchors lock (`content/anchors.lock.json`): every URL and heading anchor the
 * site has ever published, with the heading text it had, the file that defined it, and a small
 * fingerprint of what its section said (see `lib/moves/fingerprint.ts`), so that a section is
 * recognised after its heading is renamed. The build fails when one of them stops resolving;
 * entries are only ever added by tooling, so a removal is a hand edit reviewers see.
 */
import type { SitePath } from '../site-path.ts';
import type { Problem } from '../problems/problem.ts';

/** One published anchor, the heading it belonged to and the fingerprint of its section. */
interface LockedAnchor {
  id: string;
  heading: string;
  /** `own:` or `whole:` followed by a serialized fingerprint (see `lib/moves/identity.ts`). */
  fingerprint?: string;
}

/** One published URL and its anchors. */
export interface LockedPage {
  url: SitePath;
  /** The file that defined it: `content/docs/...mdx`, or where a legacy URL was recorded. */
  source: string;
  /** The page's title when it was locked, used to suggest where a vanished page went. */
  title?: string;
  /** Fingerprint of the page's prose before its first heading. */
  fingerprint?: string;
  anchors: LockedAnchor[];
}

/** The whole lock. */
export interface AnchorsLock {
  pages: LockedPage[];
}

const ABOUT =
  'Every URL and heading anchor this site has published, with a fingerprint of what each section said. The build fails when one no longer resolves, directly or through content/redirects.yaml. ' +
  '`npx lasting-links moves --write` adds new ones and keeps the fingerprints current; removing one is a deliberate hand edit.';

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
      fix: 'restore the file from version control: it records every address ever published, which no command can recover',
    });
    return { lock: { pages: [] }, problems };
  };
  let data: unknown;
  try {
    // An editor may save the file with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
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
      anchors.push({
        id: item.id,
        heading: typeof item.heading === 'string' ? item.heading : '',
        ...(typeof item.fingerprint === 'string' ? { fingerprint: item.fingerprint } : {}),
      });
    }
    lock.pages.push({
      url: candidate.url,
      source: typeof candidate.source === 'string' ? candidate.source : '',
      ...(typeof candidate.title === 'string' ? { title: candidate.title } : {}),
      ...(typeof candidate.fingerprint === 'string' ? { fingerprint: candidate.fingerprint } : {}),
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
      ...(page.fingerprint === undefined ? [] : [`"fingerprint": ${json(page.fingerprint)}`]),
    ];
    const anchors = page.anchors.map(
      (anchor) =>
        `        {"id": ${json(anchor.id)}, "heading": ${json(anchor.heading)}` +
        `${anchor.fingerprint === undefined ? '' : `, "fingerprint": ${json(anchor.fingerprint)}`}}`,
    );
    const list = anchors.length === 0 ? '[]' : `[\n${anchors.join(',\n')}\n      ]`;
    return `    {\n      ${head.join(',\n      ')},\n      "anchors": ${list}\n    }`;
  });
  return `{\n  "about": ${json(ABOUT)},\n  "pages": [\n${blocks.join(',\n')}\n  ]\n}\n`;
}
