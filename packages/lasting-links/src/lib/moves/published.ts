/**
 * What was published: every page and section readers may hold a link to, with what each said.
 * Two records are combined: the anchors lock (every URL and anchor ever published, with
 * fingerprints) and, when git has it, the pages' sources at an earlier revision (their exact
 * text, and anchors the lock has not caught up with).
 */
import type { SitePath } from '../site-path.ts';
import type { AnchorsLock } from '../anchors-lock/lock-file.ts';
import { parseFingerprint, shingles, type Fingerprint, type Shingles } from './fingerprint.ts';
import { identityOf, parseIdentity, sectionShingles, type Identity } from './identity.ts';
import type { PageOutline } from './candidates.ts';

/** A published section and what is known of its text. */
export interface PublishedSection {
  id: string;
  heading: string;
  identity: Identity | undefined;
}

/** A published page. */
export interface PublishedPage {
  path: SitePath;
  title: string | undefined;
  /** Where the page was defined, for messages. */
  source: string;
  intro: Shingles | Fingerprint | undefined;
  sections: PublishedSection[];
}

/** The lock's pages and anchors, with their fingerprints where the lock has them. */
export function publishedFromLock(lock: AnchorsLock): PublishedPage[] {
  return lock.pages.map((page) => ({
    path: page.url,
    title: page.title,
    source: page.source,
    intro: page.fingerprint === undefined ? undefined : parseFingerprint(page.fingerprint),
    sections: page.anchors.map((anchor) => ({
      id: anchor.id,
      heading: anchor.heading,
      identity: anchor.fingerprint === undefined ? undefined : parseIdentity(anchor.fingerprint),
    })),
  }));
}

/** Pages read from sources (an earlier revision's), with their exact text. */
export function publishedFromOutlines(
  outlines: Iterable<PageOutline & { file: string }>,
): PublishedPage[] {
  const pages: PublishedPage[] = [];
  for (const outline of outlines) {
    const texts = sectionShingles(outline.sections);
    pages.push({
      path: outline.path,
      title: outline.title,
      source: outline.file,
      intro: shingles(outline.intro),
      sections: outline.sections
        .filter((section) => section.level >= 2)
        .map((section) => {
          const { own, whole } = texts[outline.sections.indexOf(section)]!;
          return { id: section.id, heading: section.heading, identity: identityOf(own, whole) };
        }),
    });
  }
  return pages;
}

/**
 * Both records as one: every page and section of either, the exact text where the sources have
 * it and the lock's fingerprint otherwise.
 */
export function mergePublished(
  lock: readonly PublishedPage[],
  sources: readonly PublishedPage[],
): PublishedPage[] {
  const byPath = new Map<SitePath, PublishedPage>();
  for (const page of lock) byPath.set(page.path, { ...page, sections: [...page.sections] });
  for (const page of sources) {
    const known = byPath.get(page.path);
    if (known === undefined) {
      byPath.set(page.path, { ...page, sections: [...page.sections] });
      continue;
    }
    known.intro = page.intro ?? known.intro;
    known.title ??= page.title;
    for (const section of page.sections) {
      const at = known.sections.findIndex((item) => item.id === section.id);
      if (at < 0) known.sections.push(section);
      else
        known.sections[at] = {
          ...known.sections[at]!,
          identity: section.identity ?? known.sections[at]!.identity,
        };
    }
  }
  return [...byPath.values()];
}
