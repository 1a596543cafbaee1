/**
 * Keeps the lock current from the pages' sources: every page and section the site publishes is
 * added, and the fingerprints of live ones follow their text. Nothing is ever removed: an
 * address that is gone stays locked, so the build keeps proving it lands somewhere.
 */
import type { AnchorsLock, LockedPage } from '../anchors-lock/lock-file.ts';
import { fingerprintOf, serializeFingerprint, shingles } from './fingerprint.ts';
import { identityOf, sectionShingles, serializeIdentity } from './identity.ts';
import type { PageOutline } from './candidates.ts';

/** What a refresh changed, as `url` or `url#id`. */
export interface LockRefresh {
  lock: AnchorsLock;
  added: string[];
  /** Fingerprints that changed because the section's text changed, or were recorded for the first time. */
  updated: number;
}

/** The lock entry a page publishes: its URL, title, intro fingerprint, and every h2–h6 with its fingerprint. */
function publishedEntry(outline: PageOutline & { file: string }): LockedPage {
  const texts = sectionShingles(outline.sections);
  return {
    url: outline.path,
    source: outline.file,
    ...(outline.title === '' ? {} : { title: outline.title }),
    fingerprint: serializeFingerprint(fingerprintOf(shingles(outline.intro))),
    anchors: outline.sections.flatMap((section, index) =>
      section.level < 2
        ? []
        : [
            {
              id: section.id,
              heading: section.heading,
              fingerprint: serializeIdentity(identityOf(texts[index]!.own, texts[index]!.whole)),
            },
          ],
    ),
  };
}

/** Adds what the pages publish to `lock` and refreshes live fingerprints; removes nothing. */
export function refreshLock(
  lock: AnchorsLock,
  outlines: Iterable<PageOutline & { file: string }>,
): LockRefresh {
  const pages = lock.pages.map((page) => ({
    ...page,
    anchors: page.anchors.map((anchor) => ({ ...anchor })),
  }));
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const added: string[] = [];
  let updated = 0;
  for (const outline of outlines) {
    const entry = publishedEntry(outline);
    let locked = byUrl.get(entry.url);
    if (locked === undefined) {
      locked = { ...entry, anchors: [] };
      pages.push(locked);
      byUrl.set(entry.url, locked);
      added.push(entry.url);
    }
    if (locked.source === '') locked.source = entry.source;
    if (locked.title === undefined && entry.title !== undefined) locked.title = entry.title;
    if (locked.fingerprint !== entry.fingerprint) {
      updated += 1;
      locked.fingerprint = entry.fingerprint;
    }
    for (const anchor of entry.anchors) {
      const known = locked.anchors.find((item) => item.id === anchor.id);
      if (known === undefined) {
        locked.anchors.push(anchor);
        added.push(`${entry.url}#${anchor.id}`);
      } else if (known.fingerprint !== anchor.fingerprint) {
        updated += 1;
        known.fingerprint = anchor.fingerprint;
      }
    }
  }
  return { lock: { pages }, added, updated };
}
