/**
 * Adds what a build published to the lock. It only ever adds: an anchor that disappeared from
 * the site stays locked until someone deletes it by hand, in a diff reviewers see.
 */
import type { AnchorsLock, LockedPage } from './lock-file.ts';

/** What was added, as `url#id` (or the bare url for a new page). */
export interface LockMerge {
  lock: AnchorsLock;
  added: string[];
}

/** Merges `published` pages into `lock`, keeping every existing entry and its order. */
export function mergeIntoLock(lock: AnchorsLock, published: readonly LockedPage[]): LockMerge {
  const pages = lock.pages.map((page) => ({ ...page, anchors: [...page.anchors] }));
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const added: string[] = [];
  for (const page of published) {
    let locked = byUrl.get(page.url);
    if (locked === undefined) {
      locked = {
        url: page.url,
        source: page.source,
        ...(page.title === undefined ? {} : { title: page.title }),
        anchors: [],
      };
      pages.push(locked);
      byUrl.set(page.url, locked);
      added.push(page.url);
    }
    if (locked.source === '' && page.source !== '') locked.source = page.source;
    if (locked.title === undefined && page.title !== undefined) locked.title = page.title;
    const known = new Set(locked.anchors.map((anchor) => anchor.id));
    for (const anchor of page.anchors) {
      if (known.has(anchor.id)) continue;
      known.add(anchor.id);
      locked.anchors.push({ id: anchor.id, heading: anchor.heading });
      added.push(`${page.url}#${anchor.id}`);
    }
  }
  return { lock: { pages }, added };
}
